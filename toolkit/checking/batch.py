"""Check many drafts: in order, on every core, remembering results between runs.

:func:`check_batch` checks the drafts at the given paths and yields one
:class:`Outcome` a draft, in the order of the paths, as soon as it (and every
draft before it) is done, so the caller writes its output while the rest are
being checked and keeps nothing it has written.

* Each result is reduced where it is made to the texts the caller asks for
  (``renderers``: the draft's part of a report, a summary's row, the result
  as plain data with :data:`RESULT`). Only those cross between processes,
  never a draft with its lines.
* More than a few dozen drafts are shared out to worker processes (one a
  core); fewer are checked in this process. A worker that dies takes only
  the draft it was checking with it: that draft is reported as one that
  could not be checked (``check-worker-died``) and the batch goes on.
* With a :class:`~toolkit.checking.cache.ResultCache`, a draft whose entry
  still counts is not checked again (see that module for when an entry counts).
* The decisions are looked up once for the whole batch.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from toolkit.checking.cache import DAMAGED, ResultCache
from toolkit.checking.compact import detach, from_data, to_data
from toolkit.checking.results import CheckResult
from toolkit.decisions.load import Decisions, draft_paths_allowed
from toolkit.errors import Problem, VillkorError
from toolkit.read.files import note_read, read_bytes, read_since

#: Fewest drafts shared out to worker processes; fewer are checked here.
POOL_MIN = 40
#: Most drafts sent to a worker at once.
MAX_CHUNK = 16
#: How worker processes start: ``None`` chooses fork when no other thread
#: runs (workers start at once, with what is loaded), else forkserver.
START_METHOD: str | None = None

#: What a renderer makes of a result: the draft's part of an output.
Renderer = Callable[[CheckResult], str]


def result_json(result: CheckResult) -> str:
    """The result as plain data (:func:`~toolkit.checking.compact.to_data`), in JSON."""
    return json.dumps(to_data(result), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


#: The renderer whose part is the whole (detached) result: ask for it to get
#: :meth:`Outcome.check_result`.
RESULT = ("result", result_json)


@dataclass
class Outcome:
    """One draft of a batch: checked (``out``) or not (``error``)."""

    index: int
    name: str
    #: what each renderer made of the result, by the renderer's key
    out: dict[str, str] = field(default_factory=dict)
    complete: bool = False
    #: why the draft could not be checked
    error: VillkorError | None = None
    #: the name the decision was looked up by, and whether the draft named it
    #: (else ``--conditions`` did)
    lookup: str | None = None
    named: bool = True
    #: where the outcome came from: "checked" or "cache"
    source: str = "checked"
    #: the result itself, in the rare case that a part could not be made of it
    #: (a value the data cannot say exactly): the parts are then missing
    result: CheckResult | None = None

    def check_result(self, decisions: Decisions) -> CheckResult:
        """The (detached) result, from the :data:`RESULT` part when it came from elsewhere."""
        if self.result is None:
            if RESULT[0] not in self.out or self.lookup is None:
                raise ValueError("no result data")
            self.result = from_data(json.loads(self.out[RESULT[0]]), self.decision(decisions))
        return self.result

    def part(self, key: str, render: Renderer, decisions: Decisions) -> str:
        """The part ``key``; made here from the result when it could not be made where it was checked."""
        found = self.out.get(key)
        return found if found is not None else render(self.check_result(decisions))

    def decision(self, decisions: Decisions) -> Any:
        """The decision the draft was checked against."""
        if self.lookup is None:
            raise ValueError("no decision")
        return _decision(decisions, self.lookup, self.named)


def _decision(decisions: Decisions, lookup: str, named: bool) -> Any:
    return decisions.named(lookup) if named else decisions.load(lookup)


@dataclass
class _Settings:
    """What every worker needs to check a draft as this process would."""

    conditions: str | None
    strict: bool
    renderers: dict[str, Renderer]
    cache: ResultCache | None
    #: whether a draft may name its decision by a path (see decisions_by_id_only)
    draft_paths: bool = True


# --------------------------------------------------------------------------
# One draft, wherever it is checked


_WORKER: dict[str, Any] = {}


def _check_one(index: int, path: Any, settings: _Settings, decisions: Decisions) -> Outcome:
    # imported where a draft is checked: a process that only hands out work
    # and reads the cache never loads Cerberus and the checker (4 MiB)
    from toolkit.checking import checker

    name = str(path)
    try:
        data: bytes | None = read_bytes(path)
    except VillkorError:
        data = None  # the check reads it again and says why, in its own order of things
    try:
        result = checker.check_file(path, settings.conditions, settings.strict, decisions=decisions, data=data)
    except VillkorError as exc:
        return Outcome(index, name, error=exc)
    named = not settings.conditions
    lookup = settings.conditions or result.draft.conditions_id
    detached = dataclasses.replace(result, draft=detach(result.draft))
    try:
        out = {key: render(detached) for key, render in settings.renderers.items()}
    except TypeError:
        # a value the data cannot say exactly: the result goes on as it is, and is not kept
        return Outcome(index, name, {}, result.complete, lookup=lookup, named=named, result=detached)
    cache = settings.cache
    if cache is not None and data is not None and lookup and all(result.conditions.digests):
        key = cache.key(name, data, settings.conditions, settings.strict)
        decision = {"lookup": lookup, "named": named, "path": str(result.conditions.path), "digests": result.conditions.digests}
        old = cache.get(key)
        kept = {**old["out"], **out} if old is not None and old.get("decision") == decision else out
        cache.put(key, {"decision": decision, "complete": result.complete, "out": kept})
    return Outcome(index, name, out, result.complete, lookup=lookup, named=named)


def _init_worker(settings: _Settings) -> None:
    import signal

    # a stop (Ctrl-C, SIGTERM) is the main process's to handle: it cleans up and says so once
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    _WORKER["settings"] = settings
    if not settings.draft_paths:
        from toolkit.decisions.load import decisions_by_id_only

        decisions_by_id_only().__enter__()  # for the worker's whole life, as in the process that started it
    _WORKER["decisions"] = Decisions()
    _WORKER["read"] = read_since(0)[0]
    if settings.cache is not None:
        settings.cache.warnings = []


def _work(items: list[tuple[int, str]]) -> tuple[list[Outcome], list[str], list[str]]:
    """Check ``items`` in a worker: the outcomes, the files read, the cache's warnings."""
    settings: _Settings = _WORKER["settings"]
    outcomes = [_check_one(i, path, settings, _WORKER["decisions"]) for i, path in items]
    for o in outcomes:
        if o.result is not None:  # the rare result that goes as it is: without its decision, given back there
            o.result = dataclasses.replace(o.result, conditions=None)  # type: ignore[arg-type]
    _WORKER["read"], read = read_since(_WORKER["read"])
    if settings.cache is not None:
        settings.cache.flush()
    warnings = list(settings.cache.warnings) if settings.cache is not None else []
    return outcomes, read, warnings


# --------------------------------------------------------------------------
# The batch


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_batch(
    paths: Iterable[Any],
    conditions: str | None = None,
    strict: bool = False,
    renderers: dict[str, Renderer] | None = None,
    cache: ResultCache | None = None,
    jobs: int | None = None,
    decisions: Decisions | None = None,
) -> Iterator[Outcome]:
    """Check every draft at ``paths``; one :class:`Outcome` each, in order.

    ``renderers`` make each draft's parts of the outputs (from its detached
    result, wherever it is checked; add :data:`RESULT` for the result
    itself); ``cache`` remembers those parts between runs; ``jobs`` is the
    most worker processes (default: one a core; 1 checks everything in this
    process); ``decisions`` keeps the decisions the batch loads.
    """
    items = list(enumerate(paths))
    decisions = decisions or Decisions()
    settings = _Settings(conditions, strict, dict(renderers or {}), cache, draft_paths_allowed())
    jobs = default_jobs() if jobs is None else max(1, jobs)
    pool = _Pool(settings, jobs) if jobs > 1 and len(items) >= POOL_MIN and not _in_daemon() else None
    chunk = max(1, min(MAX_CHUNK, len(items) // (jobs * 8) or 1))
    window = jobs * 4  # chunks out at once: every worker busy, little left waiting for the caller
    ahead: deque[Any] = deque()  # Outcome (ready) or (items, future) sent to the pool, in order
    waiting: list[tuple[int, str]] = []
    try:
        for i, path in items:
            hit = _from_cache(i, path, settings, decisions)
            if pool is None:
                yield hit or _finish(_check_one(i, path, settings, decisions), decisions)
                continue
            if hit is None:
                waiting.append((i, str(path)))
                if len(waiting) >= chunk:
                    ahead.append(pool.send(waiting))
                    waiting = []
            else:
                if waiting:
                    ahead.append(pool.send(waiting))
                    waiting = []
                ahead.append(hit)
            # hand over what is done at the front; wait only when too much is out
            while ahead and (isinstance(ahead[0], Outcome) or ahead[0][1].done() or len(ahead) > window):
                yield from _settle(ahead.popleft(), pool, decisions)
        if waiting and pool is not None:
            ahead.append(pool.send(waiting))
        while ahead:
            assert pool is not None
            yield from _settle(ahead.popleft(), pool, decisions)
    finally:
        if pool is not None:
            pool.close()
            if cache is not None:
                for w in pool.warnings:
                    cache.warn(w)
        if cache is not None:
            cache.flush()
            cache.prune()


def _in_daemon() -> bool:
    """Whether this process is a daemon (the web page's workers are): it may
    not start processes of its own, so it checks everything itself."""
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


def _finish(outcome: Outcome, decisions: Decisions) -> Outcome:
    if outcome.result is not None and outcome.result.conditions is None:
        outcome.result.conditions = outcome.decision(decisions)
    return outcome


def _settle(first: Any, pool: _Pool, decisions: Decisions) -> Iterator[Outcome]:
    if isinstance(first, Outcome):
        yield first
        return
    for outcome in pool.receive(first):
        yield _finish(outcome, decisions)


def _from_cache(index: int, path: Any, settings: _Settings, decisions: Decisions) -> Outcome | None:
    """The outcome the cache keeps for the draft at ``path``, if it still counts."""
    cache = settings.cache
    if cache is None:
        return None
    try:
        data = read_bytes(path)
    except VillkorError:
        return None
    name = str(path)
    entry = cache.get(cache.key(name, data, settings.conditions, settings.strict))
    if entry is None:
        return None
    decision = entry["decision"]
    lookup, named = decision.get("lookup"), decision.get("named")
    if not isinstance(lookup, str) or not isinstance(named, bool) or not all(key in entry["out"] for key in settings.renderers):
        return None
    try:
        c = _decision(decisions, lookup, named)
    except VillkorError:
        return None
    if str(c.path) != decision.get("path") or c.digests != decision.get("digests") or not all(c.digests):
        return None
    out = {key: entry["out"][key] for key in settings.renderers}
    if not all(isinstance(text, str) for text in out.values()) or not isinstance(entry.get("complete"), bool):
        cache.warn(DAMAGED)
        return None
    return Outcome(index, name, out, entry["complete"], lookup=lookup, named=named, source="cache")


class _Pool:
    """Worker processes, replaced when one dies."""

    def __init__(self, settings: _Settings, jobs: int):
        self.settings = settings
        self.jobs = jobs
        self.executor: Any = None
        self.warnings: list[str] = []

    def _executor(self) -> Any:
        if self.executor is None:
            import multiprocessing
            import threading
            from concurrent.futures import ProcessPoolExecutor

            # fork starts workers in a moment, with the decisions and modules
            # already loaded; with other threads running it is not safe
            methods = multiprocessing.get_all_start_methods()
            method = START_METHOD or ("fork" if threading.active_count() == 1 and "fork" in methods else
                                      "forkserver" if "forkserver" in methods else "spawn")
            self.executor = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context(method),
                                                initializer=_init_worker, initargs=(self.settings,))
        return self.executor

    def send(self, items: list[tuple[int, str]]) -> Any:
        return (items, self._executor().submit(_work, items))

    def receive(self, sent: Any) -> list[Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        items, future = sent
        try:
            outcomes, read, warnings = future.result()
        except BrokenProcessPool:
            return self._one_by_one(items)
        self._absorb(read, warnings)
        return outcomes

    def _absorb(self, read: list[str], warnings: list[str]) -> None:
        for p in read:
            note_read(p)
        for w in warnings:
            if w not in self.warnings:
                self.warnings.append(w)

    def _one_by_one(self, items: list[tuple[int, str]]) -> list[Outcome]:
        """A worker died: the pool is gone, and every draft it was checking
        with it. Check the drafts of this chunk again, each alone in a new
        pool, so only the one that kills its worker is lost."""
        from concurrent.futures.process import BrokenProcessPool

        self.close()
        out = []
        for item in items:
            try:
                outcomes, read, warnings = self._executor().submit(_work, [item]).result()
            except BrokenProcessPool:
                self.close()
                out.append(Outcome(item[0], item[1], error=VillkorError(Problem("check-worker-died", {}, item[1]))))
                continue
            self._absorb(read, warnings)
            out.extend(outcomes)
        return out

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

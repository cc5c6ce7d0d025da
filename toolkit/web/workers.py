"""Library work on uploads runs in worker processes, each with its limits.

An uploaded file can be made to cost far more than its size: a Word file of
a few hundred kilobytes can hold tens of megabytes of text that take minutes
and hundreds of megabytes to read. So the web page never reads an upload in
its own process. A few worker processes (started with ``spawn``, so they
share nothing with the server's threads) each take one task at a time:

* a task that runs longer than ``timeout`` seconds is stopped by killing its
  worker, and the person is told the file is too heavy to read;
* a worker may use at most ``memory`` bytes of address space (``RLIMIT_AS``);
  a task that needs more fails the same way;
* a worker is replaced after ``max_tasks`` tasks, so whatever it holds on to
  is given back.

The server's own memory therefore stays flat whatever is uploaded, and the
library's caches (which are made for one caller at a time) are each used by
one worker at a time. A worker answers with data, never an exception object:
``("ok", value)``, ``("refused", problems)`` for a
:class:`~toolkit.errors.VillkorError`, or ``("bug", text)``.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import queue
import threading
import weakref
from collections.abc import Callable
from typing import Any

from toolkit.errors import VillkorError

#: Seconds a task may take before its worker is stopped.
TIMEOUT = 60
#: Address space a worker may use.
MEMORY = 2 * 1024 * 1024 * 1024
#: Tasks a worker does before it is replaced.
MAX_TASKS = 500


class TooHeavy(Exception):
    """A task took too long or needed too much memory; its worker was stopped."""


class Busy(Exception):
    """Every worker stayed busy for longer than a task may take."""


class WorkerBug(Exception):
    """A task failed with an error that is not the user's (a bug): its text."""


def _work(conn: Any, memory: int | None) -> None:
    """A worker's life: take a task, answer with data, until told to stop."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server, which stops its workers
    if memory:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        fn, args = task
        try:
            answer: tuple[str, Any] = ("ok", fn(*args))
        except VillkorError as exc:
            answer = ("refused", list(exc.problems))
        except MemoryError:
            answer = ("memory", None)
        except Exception as exc:  # a bug: its text goes to the server's log, not to the page
            answer = ("bug", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self, memory: int | None):
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_work, args=(child, memory), daemon=True, name="villkor-worker")
        self.process.start()
        child.close()
        self.tasks = 0

    def stop(self, kill: bool = False) -> None:
        """Ask the worker to end (or kill it); a worker that does not end in 5 s is killed."""
        if not kill:
            try:
                self.conn.send(None)
                self.process.join(5)
            except (OSError, ValueError):
                pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Workers:
    """A few worker processes, started when first needed."""

    def __init__(self, size: int | None = None, timeout: float = TIMEOUT, memory: int | None = MEMORY,
                 max_tasks: int = MAX_TASKS):
        self.size = size or max(2, min(4, os.cpu_count() or 2))
        self.timeout, self.memory, self.max_tasks = timeout, memory, max_tasks
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._started = 0
        self._lock = threading.Lock()
        self._all: weakref.WeakSet[_Worker] = weakref.WeakSet()
        self.closed = False

    def _take(self) -> _Worker:
        with self._lock:
            if self.closed:
                raise Busy("stopped")
            start = self._idle.empty() and self._started < self.size
            if start:
                self._started += 1
        if start:
            try:
                worker = _Worker(self.memory)
            except BaseException:
                with self._lock:
                    self._started -= 1
                raise
            self._all.add(worker)
            return worker
        try:
            return self._idle.get(timeout=2 * self.timeout)
        except queue.Empty:
            raise Busy("busy") from None

    def _give_back(self, worker: _Worker | None) -> None:
        with self._lock:
            if worker is None or self.closed or worker.tasks >= self.max_tasks:
                self._started -= 1
                if worker is not None:
                    worker.stop()
                return
        self._idle.put(worker)

    def start(self) -> None:
        """Start every worker now rather than at the first upload."""
        while True:
            with self._lock:
                if self.closed or self._started >= self.size:
                    return
                self._started += 1
            worker = _Worker(self.memory)
            self._all.add(worker)
            self._idle.put(worker)

    def run(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Any:
        """``fn(*args)`` in a worker: its value, or :class:`VillkorError`,
        :class:`TooHeavy`, :class:`Busy` or :class:`WorkerBug`. ``fn`` must be
        importable by name; ``timeout`` replaces :attr:`timeout` for this task."""
        worker: _Worker | None = self._take()
        assert worker is not None
        try:
            worker.tasks += 1
            worker.conn.send((fn, args))
            if not worker.conn.poll(self.timeout if timeout is None else timeout):
                raise TooHeavy("timeout")
            status, value = worker.conn.recv()
        except (EOFError, OSError, TooHeavy) as exc:
            # the task ran out of time, or the worker died (out of memory, killed): never reuse it
            worker.stop(kill=True)
            worker = None
            raise TooHeavy(str(exc)) from None
        finally:
            self._give_back(worker)
        if status == "ok":
            return value
        if status == "refused":
            raise VillkorError(value)
        if status == "memory":
            raise TooHeavy("memory")
        raise WorkerBug(value)

    def close(self) -> None:
        """Stop every worker: the server calls this once the requests in progress are done."""
        with self._lock:
            self.closed = True
        workers = [w for w in list(self._all) if w.process.is_alive()]
        for worker in workers:  # all asked at once, then each given a moment
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in workers:
            worker.process.join(2)
            worker.stop(kill=True)


_SHARED: Workers | None = None
_SHARED_LOCK = threading.Lock()


def shared() -> Workers:
    """The workers of this process (every app of one process shares them)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None or _SHARED.closed:
            _SHARED = Workers()
            atexit.register(_SHARED.close)
        return _SHARED


def close_shared() -> None:
    """Stop this process's shared workers, if any were started."""
    with _SHARED_LOCK:
        if _SHARED is not None:
            _SHARED.close()

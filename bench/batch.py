"""How fast ``villkor`` checks one draft, a thousand and ten thousand, and in how much memory.

    make bench         (or: .venv/bin/python bench/batch.py [--batch 1000] [--big 10000] [--repeat 5] [--against REV])

Every figure is a fresh process running the command as a user does
(``python -m toolkit ...`` from this checkout), the median of ``--repeat``
runs, shown as wall time and CPU time (the process and its workers): on a
shared, busy machine the CPU time is the steadier measure, the wall time
what a user waits. The drafts are made by ``bench/make_drafts.py`` (about
7 KB each, from the bundled examples, a third incomplete).

* one draft: ``check --format json`` and text, and the interpreter alone;
* ``--batch`` drafts: ``check --format json`` and ``summary --format json``,
  cold (an empty result cache), warm (a rerun over unchanged files) and
  ``--no-cache --jobs 1`` (one process, nothing remembered);
* ``--big`` drafts: time and peak memory (RSS of the main process and of
  its largest worker) of ``summary`` as JSON, CSV and text and of
  ``check --format json``;
* ``--against REV``: the same one-draft and batch figures with the package
  as it was at git revision REV, side by side (before/after in one run);
* peers, side by side as ratios, when they are installed: ``rumdl check``
  on the same folder (only its heading-increment rule, MD001: the nearest
  it has to our heading checks), and ``grantkit check`` of one grant
  project with the same sections and text as one draft. A peer that is not
  installed is said so, never given a number.

Nothing here is a test; the figures go into the project's notes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_drafts import make  # noqa: E402

EXAMPLE = ROOT / "reports" / "norrbotten-2017.md"

#: Runs the command in this process and writes its and its workers' peak RSS and CPU time to a file.
_MEASURE = """
import atexit, os, resource, sys
out = sys.argv[1]
def report():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as fh:
        fh.write(f"{s.ru_maxrss} {c.ru_maxrss}")
atexit.register(report)
sys.path.insert(0, os.getcwd())
from toolkit.cli import main
main(sys.argv[2:])
"""


class Timing:
    def __init__(self, walls: list[float], cpus: list[float], rss: tuple[float, float] = (0.0, 0.0)):
        self.wall, self.cpu = statistics.median(walls), statistics.median(cpus)
        self.rss_main, self.rss_worker = rss

    def __str__(self) -> str:
        return f"{self.wall:7.3f} s wall {self.cpu:7.3f} s CPU"


def timed(cmd: list[str], repeat: int, cwd: Path, env: dict[str, str] | None = None,
          before: object = None) -> Timing:
    """Median wall and CPU time (the process and everything it waited for) of ``cmd``."""
    walls, cpus = [], []
    for _ in range(repeat):
        if callable(before):
            before()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return Timing(walls, cpus)


def measured(args: list[str], cwd: Path, env: dict[str, str]) -> Timing:
    """One run of ``villkor ARGS`` with its peak memory: the main process and its largest worker (MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as fh:
        t = timed([sys.executable, "-c", _MEASURE, fh.name, *args], 1, cwd, env)
        main_kb, worker_kb = (int(x) for x in fh.read().split())
    t.rss_main, t.rss_worker = main_kb / 1024, worker_kb / 1024
    return t


def villkor(root: Path) -> list[str]:
    return [sys.executable, "-m", "toolkit"]


def checkout(rev: str, into: Path) -> Path:
    """The package as it was at ``rev``, exported (not checked out) into ``into``, compiled as an install would be."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(into / "toolkit")], check=True)
    return into


def env_with(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VILLKOR_")}
    env["VILLKOR_CACHE_DIR"] = str(cache)
    return env


def emptied(folder: Path) -> object:
    def empty() -> None:
        shutil.rmtree(folder / "results", ignore_errors=True)
    return empty


def grantkit_project(folder: Path) -> Path:
    """A grant project with the sections and text of the example draft, for ``grantkit check``."""
    text = EXAMPLE.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    parts = [p for p in body.split("\n## ") if p.strip()][1:]
    sections = []
    (folder / "responses").mkdir(parents=True)
    for n, part in enumerate(parts, 1):
        title, _, content = part.partition("\n")
        sid = f"s{n}"
        (folder / "responses" / f"{sid}.md").write_text(f"---\ntitle: {title}\nstatus: draft\n---\n\n# {title}\n{content}",
                                                         encoding="utf-8")
        sections.append({"id": sid, "title": title, "word_limit": 1500, "required": True, "file": f"responses/{sid}.md"})
    grant = {"title": "Återrapportering", "funder": "", "program": "", "deadline": "", "accepts_markdown": True,
             "locale": "sv-SE", "sections": sections}
    (folder / "grant.yaml").write_text(json.dumps(grant, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return folder


def peer(name: str, env_var: str) -> str | None:
    return os.environ.get(env_var) or shutil.which(name) or (shutil.which(name, path=str(Path(sys.executable).parent)))


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--big", type=int, default=10000, help="0: leave the big batch out")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--against", metavar="REV")
    args = ap.parse_args(argv)
    py = sys.executable
    print(f"villkor bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}; "
          f"medians of {args.repeat} runs")
    with tempfile.TemporaryDirectory(prefix="villkor-bench-") as tmp_name:
        tmp = Path(tmp_name)
        # compiled as an install compiles it (where bytecode is not written on
        # import, an edited module would otherwise be compiled on every run)
        subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "toolkit")], check=True)
        trees = [("this", ROOT)]
        if args.against:
            trees.append((args.against[:10], checkout(args.against, tmp / "against")))
        cache = tmp / "cache"
        env = env_with(cache)
        drafts = make(tmp / "drafts", args.batch)
        one = drafts[0]
        paths = [str(p) for p in drafts]
        bare = timed([py, "-c", "pass"], args.repeat, ROOT)
        print(f"\n  interpreter alone                              {bare}")
        for label, tree in trees:
            print(f"\n== {label} ({tree})")
            j1 = timed([*villkor(tree), "check", "--format", "json", str(one)], args.repeat, tree, env)
            t1 = timed([*villkor(tree), "check", str(one)], args.repeat, tree, env)
            print(f"  one draft, check --format json                 {j1}")
            print(f"  one draft, check (text)                        {t1}   text/json {t1.wall / j1.wall:.2f} wall, "
                  f"{t1.cpu / j1.cpu:.2f} CPU")
            results[label] = {"one-json": j1}
            for what, cmd in (("check --format json", ["check", "--format", "json", *paths]),
                              ("summary --format json", ["summary", "--format", "json", str(tmp / "drafts")])):
                cold = timed([*villkor(tree), *cmd], args.repeat, tree, env, before=emptied(cache))
                warm = timed([*villkor(tree), *cmd], args.repeat, tree, env)
                plain = timed([*villkor(tree), *cmd, "--no-cache", "--jobs", "1"] if label == "this" else [*villkor(tree), *cmd],
                              args.repeat, tree, env)
                print(f"  {args.batch} drafts, {what:<22} cold {cold}")
                print(f"  {'':>{len(str(args.batch))}}         {'':<22} warm {warm}")
                print(f"  {'':>{len(str(args.batch))}}         {'':<22} {'1 process' if label == 'this' else 'as is':<4} {plain}")
                results[label][what] = cold
        if len(trees) > 1:
            print("\n== this against", trees[1][0], "(wall, CPU; below 1 is faster)")
            for key in results["this"]:
                a, b = results["this"][key], results[trees[1][0]][key]
                print(f"  {key:<24} {a.wall / b.wall:6.2f} wall {a.cpu / b.cpu:6.2f} CPU")

        print("\n== peers (ratio: villkor's time / the peer's; below 1 is faster)")
        rumdl = peer("rumdl", "RUMDL")
        if rumdl:
            r = timed([rumdl, "check", "--enable", "MD001", "--no-cache", "--no-config", str(tmp / "drafts")], args.repeat, tmp)
            ours = results["this"]["check --format json"]
            print(f"  rumdl check MD001, {args.batch} drafts             {r}   villkor/rumdl {ours.wall / r.wall:.2f} wall, "
                  f"{ours.cpu / r.cpu:.2f} CPU")
        else:
            print("  rumdl: not installed (pip install rumdl, or make install-dev): no figure")
        grantkit = peer("grantkit", "GRANTKIT")
        if grantkit:
            project = grantkit_project(tmp / "grant")
            g = timed([grantkit, "check", "--json", str(project)], args.repeat, tmp)
            ok = subprocess.run([grantkit, "check", "--json", str(project)], capture_output=True, text=True)
            if ok.returncode not in (0, 1) or not ok.stdout.lstrip().startswith("{"):
                print(f"  grantkit: installed but its check fails ({(ok.stderr.strip().splitlines() or ['?'])[-1][:100]}): no figure")
            else:
                ours = results["this"]["one-json"]
                print(f"  grantkit check, one project like one draft  {g}   villkor/grantkit {ours.wall / g.wall:.2f} wall, "
                      f"{ours.cpu / g.cpu:.2f} CPU")
        else:
            print("  grantkit: not installed: it needs Python 3.12 or later (this project runs on 3.11, so it is no dev\n"
                  "  dependency), and 0.2.1 fails on its own scaffold with bibtexparser 2. To measure it:\n"
                  "  python3.12 -m venv G && G/bin/pip install grantkit 'bibtexparser<2' && GRANTKIT=G/bin/grantkit make bench")

        if args.big:
            print(f"\n== {args.big} drafts: time and peak memory (main process, largest worker)")
            big = make(tmp / "big", args.big)
            big_paths = [str(p) for p in big]
            runs = [("summary --format json", ["summary", "--format", "json", str(tmp / "big")]),
                    ("summary --format csv", ["summary", "--format", "csv", "--output", str(tmp / "out.csv"), str(tmp / "big")]),
                    ("summary (text)", ["summary", str(tmp / "big")]),
                    ("check --format json", ["check", "--format", "json", *big_paths])]
            for what, cmd in runs:
                for state in ("cold", "warm"):
                    if state == "cold":
                        emptied(cache)()
                    r = measured(cmd, ROOT, env)
                    print(f"  {what:<24} {state}  {r}   peak {r.rss_main:5.1f} MiB main, {r.rss_worker:5.1f} MiB worker")


results: dict[str, dict[str, Timing]] = {}

if __name__ == "__main__":
    main(sys.argv[1:])

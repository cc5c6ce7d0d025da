"""Measure how fast `villkor check` is and how its cost grows.

    make bench            (or: .venv/bin/python bench/run.py [--batch 1000] [--repeat 7])

Prints, with the machine's own numbers:
  * the import time of the dependencies alone (a fresh interpreter importing
    exactly the third-party modules `check` imports) and of a bare interpreter;
  * the wall time of `villkor check` on one usual draft (a fresh process each
    time, median of --repeat runs) and its ratio to the dependencies' import;
  * a batch of --batch generated drafts checked in one process: total time,
    drafts per second, and peak memory at a tenth of the batch and at all of it;
  * one draft a hundred times the usual size: checking time after start-up,
    and its ratio to the usual draft's (linear growth means about 100).
Nothing here is a test; the figures go into the project's notes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "reports" / "norrbotten-2017.md"
#: third-party modules that `villkor check` imports (text output)
DEPS = "import yaml, cerberus, click, rich.console, rich.table"


def median_wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def scaled_draft(factor: int) -> str:
    """The example with every section's text repeated ``factor`` times."""
    out = []
    block: list[str] = []
    in_front = 0
    for line in EXAMPLE.read_text(encoding="utf-8").split("\n"):
        if line.strip() == "---" and in_front < 2:
            in_front += 1
            out.append(line)
            continue
        if in_front < 2 or line.startswith("#"):
            if block:
                out.extend(block * factor)
                block = []
            out.append(line)
        else:
            block.append(line)
    out.extend(block * factor)
    return "\n".join(out)


def make_batch(folder: Path, n: int) -> list[Path]:
    base = EXAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        text = base.replace("region: Region Norrbotten", f"region: Region {i:04d}")
        if i % 3 == 0:  # a third incomplete, as in real life
            text = text.replace("## 7. Klimat- och miljöarbetet", "## 7. Klimatarbetet")
        p = folder / f"utkast-{i:04d}.md"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_process_check_time(path: Path, repeat: int) -> float:
    from toolkit.checking.checker import check_file

    check_file(path)  # warm: decision loaded, validator built
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        check_file(path)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    py = sys.executable
    villkor = [py, "-m", "toolkit"]

    print(f"villkor bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    bare = median_wall([py, "-c", "pass"], args.repeat)
    deps = median_wall([py, "-c", DEPS], args.repeat)
    one = median_wall([*villkor, "check", str(EXAMPLE)], args.repeat)
    one_json = median_wall([*villkor, "check", "--format", "json", str(EXAMPLE)], args.repeat)
    print(f"  bare interpreter start        {bare * 1000:7.0f} ms")
    print(f"  dependencies' import alone    {deps * 1000:7.0f} ms   ({DEPS[7:]})")
    print(f"  check, one draft (text)       {one * 1000:7.0f} ms   = {one / deps:.2f} x the dependencies' import")
    print(f"  check, one draft (json)       {one_json * 1000:7.0f} ms   = {one_json / deps:.2f} x")

    from toolkit.checking.checker import check_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_batch(folder, args.batch)
        tenth = max(1, args.batch // 10)
        t = time.perf_counter()
        complete = 0
        rss_tenth = 0.0
        for i, p in enumerate(paths, 1):
            complete += check_file(p).complete
            if i == tenth:
                rss_tenth = peak_rss_mb()
        batch = time.perf_counter() - t
        print(f"  batch of {args.batch} drafts          {batch:7.2f} s    = {args.batch / batch:.0f} drafts/s, "
              f"{batch / args.batch * 1000:.2f} ms each ({complete} complete)")
        print(f"  peak memory                   {rss_tenth:7.1f} MB after {tenth} drafts, {peak_rss_mb():.1f} MB after {args.batch}")

        usual = folder / "usual.md"
        usual.write_text(scaled_draft(1), encoding="utf-8")
        big = folder / "big.md"
        big.write_text(scaled_draft(100), encoding="utf-8")
        t_usual = in_process_check_time(usual, args.repeat)
        t_big = in_process_check_time(big, max(3, args.repeat // 2))
        print(f"  usual draft after start-up    {t_usual * 1000:7.2f} ms   ({usual.stat().st_size / 1024:.0f} KB)")
        print(f"  100x draft after start-up     {t_big * 1000:7.2f} ms   ({big.stat().st_size / 1024:.0f} KB), "
              f"ratio {t_big / t_usual:.0f} (linear: about 100, limit 120)")


if __name__ == "__main__":
    main()

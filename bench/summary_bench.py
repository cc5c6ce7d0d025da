"""Time ``villkor summary`` over many generated drafts, and its memory.

Usage::

    python bench/summary_bench.py [N ...] [--formats html,plain,json,csv,xlsx] [--against REV] [--trace]

(default: 100 1000, formats html,plain,json,csv). For each N the drafts are
written to a temporary folder (every fourth one incomplete in a different
way, amounts varying by draft), then for each format a fresh Python process
checks them all through :func:`toolkit.outputs.summary.summarise` and writes
the result to a file, as the command does:

* ``html``: the HTML summary with amounts, totals and charts;
* ``plain``: the same page with ``amounts=False`` (no amounts, totals or charts);
* ``json``, ``csv`` (the folder of CSV files), ``xlsx``: streamed or written whole as the command writes them.

It prints wall time and CPU time (checking and writing apart: on a shared,
busy machine the CPU time is the steadier measure), drafts per second, the
process's RSS before the run and its peak (``resource.getrusage``: what the
machine must have), and with ``--trace`` the peak of Python allocations
(``tracemalloc``, in a second run because tracing slows everything down).
After each size it gives the cost of the HTML with amounts and charts
against the page without them (and against ``--against``), in CPU time.

``--against REV`` runs ``html`` once more with the package as it was at git
revision REV (for instance the commit before amounts were added), so "the
summary without them" is the old code, not a switch in the new one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPH = (
    "Regionen har under året arbetat med insatsen tillsammans med kommuner, näringsliv och andra aktörer i länet. "
    "Arbetet har följts upp och redovisats för den politiska ledningen, och erfarenheterna tas tillvara i den "
    "regionala utvecklingsstrategin. Texten är genererad för mätningen. "
)
SECTIONS = [
    "Insatser inom det regionala utvecklingsuppdraget", "Jämställd regional tillväxt", "Samarbete med länsstyrelsen",
    "Lärande och uppföljning", "Näringslivets digitalisering", "Stöd till kommersiell service",
    "Klimat- och miljöarbetet", "Användning av anslag 1:1",
]


def make_draft(n: int) -> str:
    kind = n % 4
    granted = 30 + n % 40
    figures = {"projektstod_utbetalt": f"{50 + n % 50} mnkr", "foretagsstod_beviljat": f"{granted} mnkr",
               "foretagsstod_beviljat_anslag": f"{granted // 2} mnkr", "foretagsstod_beviljat_eu": f"{granted - granted // 2} mnkr"}
    if kind == 1:
        del figures["foretagsstod_beviljat_eu"]
    fm = "".join(f"  {k}: {v}\n" for k, v in figures.items())
    out = f'---\n# Genererat för mätning.\nconditions: "2017"\nregion: Region {n}\nfigures:\n{fm}---\n\n'
    for i, title in enumerate(SECTIONS, 1):
        if kind == 2 and i == 7:
            continue
        body = "TODO" if kind == 3 and i == 5 else PARAGRAPH * 2
        out += f"## {i}. {title}\n\n{body}\n\n"
    return out


def one(folder: str, fmt: str, trace: bool) -> dict[str, float]:
    """Run in a fresh process: check every draft in ``folder`` and write the summary in ``fmt``."""
    import resource
    import tracemalloc

    from toolkit.outputs import overview
    from toolkit.outputs.summary import summarise
    from toolkit.outputs.write import write_atomic

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    out = Path(tempfile.mkdtemp(prefix="villkor-bench-out-"))
    start, cpu_start = time.perf_counter(), time.process_time()
    s = summarise([folder])
    checked, cpu_checked = time.perf_counter(), time.process_time()
    if fmt == "html":
        write_atomic(out / "s.html", overview.format_html(s))
    elif fmt == "plain":
        try:
            text = overview.format_html(s, amounts=False)
        except TypeError:  # a revision from before amounts: its page has none
            text = overview.format_html(s)
        write_atomic(out / "s.html", text)
    elif fmt == "json":
        write_atomic(out / "s.json", overview.iter_json(s))
    elif fmt == "csv":
        from toolkit.outputs import sheets
        from toolkit.outputs.write import replace_folder

        replace_folder(out / "csv", sheets.csv_files(sheets.tables(s)), lambda p: p.suffix == ".csv")
    elif fmt == "xlsx":
        from toolkit.outputs import sheets

        write_atomic(out / "s.xlsx", sheets.xlsx_bytes(sheets.tables(s)))
    end, cpu_end = time.perf_counter(), time.process_time()
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    peak_py = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"drafts": len(s.rows), "check": checked - start, "write": end - checked, "wall": end - start,
            "cpu_check": cpu_checked - cpu_start, "cpu_write": cpu_end - cpu_checked,
            "rss_before_mb": rss_before / 1024, "rss_peak_mb": rss_after / 1024, "py_peak_mb": peak_py / 1048576,
            "out_kb": size / 1024}


def run_one(folder: str, fmt: str, trace: bool, root: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--one", folder, fmt, "trace" if trace else "plain", str(root)],
                          capture_output=True, text=True, check=True, cwd=root)
    return json.loads(proc.stdout)


def checkout(rev: str, into: Path) -> Path:
    """The package as it was at ``rev``, unpacked into ``into``."""
    archive = subprocess.run(["git", "archive", rev, "toolkit", "conditions", "schemas"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        sys.path.insert(0, argv[4])
        print(json.dumps(one(argv[1], argv[2], argv[3] == "trace")))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    ap.add_argument("--formats", default="html,plain,json,csv")
    ap.add_argument("--against", metavar="REV")
    ap.add_argument("--trace", action="store_true")
    args = ap.parse_args(argv)
    formats = args.formats.split(",")
    print(f"{'drafts':>7} {'format':<14} {'check s':>8} {'write s':>8} {'wall s':>8} {'CPU check':>10} {'CPU write':>10} "
          f"{'drafts/s':>9} {'RSS before MB':>14} {'RSS peak MB':>12} {'Python peak MB':>15} {'out kB':>8}")
    with tempfile.TemporaryDirectory(prefix="villkor-bench-rev-") as old_root:
        old = checkout(args.against, Path(old_root)) if args.against else None
        for n in args.sizes:
            with tempfile.TemporaryDirectory(prefix="villkor-bench-") as tmp:
                for i in range(n):
                    Path(tmp, f"utkast-{i:05d}.md").write_text(make_draft(i), encoding="utf-8")
                runs = [(fmt, ROOT) for fmt in formats] + ([("html", old)] if old else [])
                cpu: dict[str, float] = {}
                for fmt, root in runs:
                    r = run_one(tmp, fmt, False, root)  # type: ignore[arg-type]
                    if args.trace:
                        r["py_peak_mb"] = run_one(tmp, fmt, True, root)["py_peak_mb"]  # type: ignore[arg-type]
                    label = fmt if root == ROOT else f"html@{args.against[:10]}"
                    cpu[label] = r["cpu_check"] + r["cpu_write"]
                    print(f"{int(r['drafts']):>7} {label:<14} {r['check']:>8.2f} {r['write']:>8.2f} {r['wall']:>8.2f} "
                          f"{r['cpu_check']:>10.2f} {r['cpu_write']:>10.2f} "
                          f"{r['drafts'] / r['wall']:>9.0f} {r['rss_before_mb']:>14.1f} {r['rss_peak_mb']:>12.1f} "
                          f"{r['py_peak_mb'] if args.trace else float('nan'):>15.1f} {r['out_kb']:>8.0f}", flush=True)
                for base in [k for k in cpu if k != "html" and k.startswith(("plain", "html@"))]:
                    if "html" in cpu:
                        print(f"{n:>7} html with amounts and charts / {base}: {cpu['html'] / cpu[base]:.2f}x CPU time", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

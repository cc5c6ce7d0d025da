"""Time ``villkor summary`` over many generated drafts.

Usage: ``python bench/summary_bench.py [N ...]`` (default: 100 1000).

For each N the drafts are written to a temporary folder (every fourth one
incomplete in a different way), then a fresh Python process checks them all
through :func:`toolkit.outputs.summary.summarise` and formats the JSON and HTML
overview. It prints wall time, drafts per second, the process's peak RSS
(``resource.getrusage``) against its RSS before the run, and the peak of
Python allocations during the run (``tracemalloc``, in a second run because
tracing slows everything down).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
    figures = {"projektstod_utbetalt": f"{50 + n % 50} mnkr", "foretagsstod_beviljat": "40 mnkr",
               "foretagsstod_beviljat_anslag": "20 mnkr", "foretagsstod_beviljat_eu": "20 mnkr"}
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


def one(folder: str, trace: bool) -> dict[str, float]:
    """Run in a fresh process: check every draft in ``folder`` and format the overview."""
    import resource
    import tracemalloc

    from toolkit.outputs import overview
    from toolkit.outputs.summary import summarise

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    s = summarise([folder])
    json_text = overview.format_json(s)
    html = overview.format_html(s)
    wall = time.perf_counter() - start
    peak_py = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"drafts": len(s.rows), "wall": wall, "rss_before_mb": rss_before / 1024, "rss_peak_mb": rss_after / 1024,
            "py_peak_mb": peak_py / 1048576, "json_kb": len(json_text) / 1024, "html_kb": len(html) / 1024}


def measure(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="villkor-bench-") as tmp:
        for i in range(n):
            Path(tmp, f"utkast-{i:05d}.md").write_text(make_draft(i), encoding="utf-8")
        runs = []
        for trace in (False, True):
            proc = subprocess.run([sys.executable, __file__, "--one", tmp, "trace" if trace else "plain"],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
            runs.append(json.loads(proc.stdout))
    plain, traced = runs
    plain["py_peak_mb"] = traced["py_peak_mb"]
    return plain


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(one(argv[1], argv[2] == "trace")))
        return
    sizes = [int(a) for a in argv] or [100, 1000]
    print(f"{'drafts':>7} {'wall s':>8} {'drafts/s':>9} {'RSS before MB':>14} {'RSS peak MB':>12} {'Python peak MB':>15} {'HTML kB':>8}")
    for n in sizes:
        r = measure(n)
        print(f"{int(r['drafts']):>7} {r['wall']:>8.2f} {r['drafts'] / r['wall']:>9.0f} {r['rss_before_mb']:>14.1f} "
              f"{r['rss_peak_mb']:>12.1f} {r['py_peak_mb']:>15.1f} {r['html_kb']:>8.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])

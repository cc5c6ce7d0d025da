"""Make N synthetic drafts of about 7 KB from the bundled examples.

    python bench/make_drafts.py N FOLDER [--size 7000]

Each draft is one of the Markdown examples in ``reports/`` with its region
renamed (``Region 0042``) and its sections' text repeated until the file is
about ``--size`` bytes, so every draft follows a real decision and reads like
a real one. Every third is made incomplete in one of a few ways a writer
leaves a draft (a heading that no longer matches, placeholder text, an amount
left out), so the figures cover findings as well as clean passes. The output
is the same for the same N and size: reruns compare like with like.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "reports"

#: examples that check against a bundled decision and make good bases
BASES = ("norrbotten-2017.md", "gavleborg-2017.md", "kalmar-2017.md", "skane-2017.md", "vasterbotten-2017.md",
         "vasternorrland-2023.md", "norrbotten-2018.md", "orebro-2017.md")

_REGION = re.compile(r"^region:.*$", re.M)


def _split(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """(front matter with its fences, [(heading line or "", body lines)])."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    front = "\n".join(lines[: end + 1])
    parts: list[tuple[str, list[str]]] = [("", [])]
    for line in lines[end + 1:]:
        if line.startswith("#"):
            parts.append((line, []))
        else:
            parts[-1][1].append(line)
    return front, parts


def grown(text: str, size: int) -> str:
    """``text`` with its sections' own paragraphs repeated, one section after
    the other, until the file is about ``size`` bytes."""
    front, parts = _split(text)
    paragraphs = {}
    for n, (heading, lines) in enumerate(parts):
        if heading.startswith("## "):
            paras = [p for p in "\n".join(lines).split("\n\n") if p.strip() and not p.lstrip().startswith("<!--")]
            if paras:
                paragraphs[n] = paras
    extra: dict[int, list[str]] = {n: [] for n in paragraphs}
    total = len(text.encode("utf-8"))
    turn = 0
    while paragraphs and total < size:
        n = list(paragraphs)[turn % len(paragraphs)]
        para = paragraphs[n][len(extra[n]) % len(paragraphs[n])].strip("\n")
        extra[n].append(para)
        total += len(para.encode("utf-8")) + 2
        turn += 1
    out = [front]
    for n, (heading, lines) in enumerate(parts):
        if heading:
            out.append(heading)
        out.extend(lines)
        for para in extra.get(n, []):
            out.extend([para, ""])
    return "\n".join(out)


def variant(text: str, n: int) -> str:
    """The draft for number ``n``: its own region, and every third one incomplete."""
    text = _REGION.sub(f"region: Region {n:05d}", text, count=1)
    kind = n % 9
    if kind == 3:  # a heading renamed so it no longer matches
        text = re.sub(r"^## (\d+\. )?(\w+)", r"## \1Om \2", text, count=1, flags=re.M)
    elif kind == 6:  # placeholder text left in a section
        heads = [m.end() for m in re.finditer(r"^## .*$", text, flags=re.M)]
        if heads:
            at = heads[len(heads) // 2]
            text = text[:at] + "\n\nTODO: skriv om resultatet [fyll i siffror]\n" + text[at:]
    elif kind == 0 and n:  # an amount left out
        text = re.sub(r"^(  \w+):.*$", r"\1:", text, count=1, flags=re.M)
    return text


def make(folder: Path, n: int, size: int = 7000) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    bases = [grown((EXAMPLES / b).read_text(encoding="utf-8"), size) for b in BASES if (EXAMPLES / b).exists()]
    paths = []
    for i in range(n):
        p = folder / f"utkast-{i:05d}.md"
        p.write_text(variant(bases[i % len(bases)], i), encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--size", type=int, default=7000)
    args = ap.parse_args(argv)
    paths = make(args.folder, args.n, args.size)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} drafts in {args.folder}, {total / len(paths) / 1024:.1f} KB each on average")


if __name__ == "__main__":
    main(sys.argv[1:])

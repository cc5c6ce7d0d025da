"""The package's layout shows the pipeline: read → decisions → drafts →
checking → outputs, with the command (and the web page) on top. Imports run
only down that chain, never in a circle, and no module reaches for another
module's private names."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from helpers import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "toolkit"

#: The stages in order; a module may import from its own stage and those before it.
LAYERS = ["base", "read", "decisions", "drafts", "checking", "outputs", "web", "cli"]
BASE = {"toolkit", "toolkit.messages", "toolkit.errors", "toolkit.resources", "toolkit.click_i18n", "toolkit.__main__"}


def _module(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    if module in BASE:
        return 0 if module != "toolkit.__main__" else LAYERS.index("cli")
    if module == "toolkit.cli":
        return LAYERS.index("cli")
    stage = module.split(".")[1]
    assert stage in LAYERS, f"{module} is in no stage of the pipeline"
    return LAYERS.index(stage)


def _imports() -> dict[str, list[tuple[str, list[str], int]]]:
    """Every module's imports of toolkit modules: (module, names, line), at any depth."""
    out: dict[str, list[tuple[str, list[str], int]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        mod = _module(path)
        found = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("toolkit"):
                names = [a.name for a in node.names]
                if node.module == "toolkit":  # from toolkit import outputs → the submodule
                    subs = [n for n in names if (PACKAGE / n).is_dir() or (PACKAGE / f"{n}.py").exists()]
                    found += [(f"toolkit.{n}", [], node.lineno) for n in subs]
                    names = [n for n in names if n not in subs]
                    if not names:
                        continue
                found.append((node.module, names, node.lineno))
            elif isinstance(node, ast.Import):
                found += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("toolkit")]
        out[mod] = found
    return out


def test_every_module_belongs_to_a_stage():
    for mod in _imports():
        _layer(mod)


def test_imports_run_only_down_the_pipeline():
    upward = []
    for mod, imports in _imports().items():
        for target, _, line in imports:
            if target != "toolkit" and _layer(target) > _layer(mod):
                upward.append(f"{mod}:{line} imports {target}")
    assert upward == []


def test_no_import_circles():
    graph = {mod: {t for t, _, _ in imports if t != mod and t != "toolkit"} for mod, imports in _imports().items()}
    seen: set[str] = set()
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, stack + [node])
        seen.add(node)

    for mod in sorted(graph):
        visit(mod, [])
    assert cycles == []


def test_no_private_names_across_modules():
    private = [f"{mod}:{line} takes {name} from {target}"
               for mod, imports in _imports().items() for target, names, line in imports
               for name in names if name.startswith("_") and not name.startswith("__") and target != mod]
    assert private == []


def test_the_readme_names_each_subpackage_and_the_public_api_works():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for sub in sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
        assert f"`toolkit/{sub}/`" in readme, sub
    snippets = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert any("from toolkit import" in s for s in snippets)
    for snippet in snippets:
        r = subprocess.run([sys.executable, "-c", snippet], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr


def test_the_check_path_imports_no_heavy_library():
    """check must start fast: no Flask, matplotlib, openpyxl, python-docx or Jinja2 for a Markdown draft's text output."""
    code = ("import sys; from toolkit.cli import main\n"
            "try:\n    main(['check', 'reports/norrbotten-2017.md', '--format', 'json'])\n"
            "except SystemExit: pass\n"
            "print(','.join(m for m in ('flask', 'matplotlib', 'openpyxl', 'docx', 'waitress') if m in sys.modules), file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "", r.stderr

"""The package installs anywhere: a wheel in a fresh virtual environment runs
from a folder that has nothing to do with the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from helpers import EXAMPLE, PROJECT_ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the built wheel; its dependencies come from this
    environment's site-packages (no network), the package only from the wheel."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--disable-pip-version-check",
         "-q", "-w", str(dist), str(PROJECT_ROOT)],
        capture_output=True, text=True, timeout=300, cwd=base,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(dist.glob("villkor-*.whl"))
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # the dependencies (not the package: an editable install's .pth inside is not processed)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    inst = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index",
                           "--disable-pip-version-check", "-q", str(wheel)], capture_output=True, text=True, timeout=300)
    assert inst.returncode == 0, inst.stderr[-2000:]
    return env_dir


def _villkor(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VILLKOR_CONDITIONS_PATH")}
    return subprocess.run([str(env_dir / "bin" / "villkor"), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def test_the_wheel_ships_decisions_schemas_and_templates(installed: Path):
    code = "import toolkit, toolkit.resources as r; print(toolkit.__file__); print(r.bundled('conditions')); print(r.schema_file('draft'))"
    out = subprocess.run([installed / "bin" / "python", "-c", code], capture_output=True, text=True, cwd=installed,
                         env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert out.returncode == 0, out.stderr
    package, conditions, schema = out.stdout.splitlines()
    assert package.startswith(str(installed)) and conditions.startswith(str(installed))
    assert (Path(conditions) / "2017.yaml").is_file() and Path(schema).is_file()


def test_the_installed_command_works_from_an_unrelated_folder(installed: Path, tmp_path: Path):
    work = tmp_path / "någon annanstans"
    work.mkdir()
    shutil.copy(EXAMPLE, work / "utkast.md")
    r = _villkor(installed, work, "check", "utkast.md")
    assert r.returncode == 0 and "Komplett" in r.stdout, r.stderr
    r = _villkor(installed, work, "render", "utkast.md", "--format", "html", "--output", "rapport.html")
    assert r.returncode == 0, r.stderr
    assert "<h1" in (work / "rapport.html").read_text(encoding="utf-8")
    r = _villkor(installed, work, "summary", ".", "--format", "json")
    assert r.returncode == 0 and '"complete": true' in r.stdout, r.stderr
    r = _villkor(installed, work, "conditions", "list")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert any(line.startswith("2017") and line.rstrip().endswith("medföljer verktyget") for line in lines), r.stdout


def test_decisions_are_searched_env_then_cwd_then_bundled(installed: Path, tmp_path: Path):
    work = tmp_path / "arbete"
    (work / "conditions").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "conditions" / "2017.yaml", work / "conditions" / "2017.yaml")
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(PROJECT_ROOT / "conditions" / "2018.yaml", extra / "2018.yaml")
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "VILLKOR_CONDITIONS_PATH": str(extra)}
    r = subprocess.run([str(installed / "bin" / "villkor"), "conditions", "list"], cwd=work, capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    origin = {line.split()[0]: line for line in r.stdout.splitlines()[1:]}
    assert origin["2017"].rstrip().endswith("./conditions")
    assert origin["2018"].rstrip().endswith("VILLKOR_CONDITIONS_PATH")

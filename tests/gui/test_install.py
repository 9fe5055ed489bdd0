"""The app installed from a wheel works from any folder, with no clone in sight."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the app's wheel installed (its dependencies borrowed, not downloaded)."""
    folder = tmp_path_factory.mktemp("install")
    wheels = folder / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps", "-w",
                    str(wheels), str(ROOT)], check=True, cwd=folder, capture_output=True)
    env_dir = folder / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)  # this environment's pip installs into it: faster
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # The dependencies (PySide6, numpy, ...) come from this environment; the app itself only from the wheel.
    (Path(site) / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = next(wheels.glob("timeline_app-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True)
    return env_dir


def run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TIMELINE_APP_SETTINGS"] = str(cwd / "settings.ini")
    return subprocess.run([str(env_dir / "bin" / "timeline-app"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180)


def test_the_wheel_brings_the_shipped_store_and_resources(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import timeline_app.store.paths as p; print(p.SHIPPED_STORE); print(p.RESOURCES)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    assert all(str(installed) in line for line in where), where
    assert Path(where[0]).is_file() and ROOT not in Path(where[0]).parents


def test_check_export_and_screenshot_run_outside_the_repository(installed: Path, tmp_path: Path) -> None:
    checked = run(installed, "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "no problems found" in checked.stdout
    exported = run(installed, "export", "-o", "view.csv", "--theme", "repression", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "view.csv").read_text(encoding="utf-8").startswith("id,title,start")
    picture = run(installed, "export", "-o", "view.svg", cwd=tmp_path)
    assert picture.returncode == 0, picture.stderr
    shot = run(installed, "--screenshot", "window.png", "--size", "1280x800", cwd=tmp_path)
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "window.png").stat().st_size > 20_000

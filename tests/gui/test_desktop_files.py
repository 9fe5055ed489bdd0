"""The desktop entry, the AppStream metainfo and the icon: valid, in agreement, and rendered."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = "io.github.timeline_app"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SVG = RESOURCES / "icons" / "timeline-app.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts" / "make_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _run(*command: str) -> subprocess.CompletedProcess:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = _run("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_metainfo_passes_appstreamcli_with_no_errors() -> None:
    result = _run("appstreamcli", "validate", "--no-net", str(METAINFO))
    errors = [line for line in result.stdout.splitlines() if line.lstrip().startswith("E:")]
    assert result.returncode == 0 and not errors, result.stdout + result.stderr


def test_an_installed_tree_of_the_files_passes_appstreamcli(tmp_path: Path) -> None:
    share = tmp_path / "usr" / "share"
    for folder, file in (("metainfo", METAINFO), ("applications", DESKTOP)):
        (share / folder).mkdir(parents=True)
        shutil.copy(file, share / folder)
    shutil.copytree(RESOURCES / "icons" / "hicolor", share / "icons" / "hicolor")
    result = _run("appstreamcli", "validate-tree", "--no-net", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_entry_launches_the_installed_command_with_the_shipped_icon() -> None:
    entry = _entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry["Exec"].split()[0] in scripts
    assert entry["Icon"] == SVG.stem
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    # Qt names the X11 window class after the application name that gui/app.py sets.
    assert entry["StartupWMClass"] == "timeline-app"


def test_the_metainfo_names_the_desktop_entry_it_launches() -> None:
    import xml.etree.ElementTree as ET

    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    launchable = component.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("project_license") == "MIT"


@pytest.mark.parametrize("size", SIZES)
def test_every_icon_png_exists_at_its_size_with_transparent_corners(qapp, size: int) -> None:
    image = QImage(str(_make_icons().png_path(size)))
    assert not image.isNull(), f"no {size}x{size} icon"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0


def test_the_svg_renders_a_picture_that_fills_its_square(qapp) -> None:
    renderer = QSvgRenderer(str(SVG))
    assert renderer.isValid()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 64, 64))
    painter.end()
    pixels = [image.pixelColor(x, y) for x in range(64) for y in range(64)]
    assert sum(colour.alpha() == 255 for colour in pixels) > 0.6 * 64 * 64  # the rounded square
    shown = {colour.name().upper() for colour in pixels if colour.alpha() == 255}
    # the background, the axis, and the three marks in the app's theme colours
    assert {"#1E2B38", "#F3EFE7", "#009E73", "#D55E00", "#E69F00"} <= shown


def test_the_pngs_are_renderings_of_the_svg_as_it_is(qapp) -> None:
    make_icons = _make_icons()
    stale = [size for size in SIZES
             if make_icons.differs(make_icons.render(SVG, size), QImage(str(make_icons.png_path(size))))]
    assert not stale, f"icons at {stale} px differ from the SVG: run scripts/make_icons.py"

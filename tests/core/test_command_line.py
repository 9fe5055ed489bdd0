"""The command line's window options reach the window, and every failure is one line with status 2. No Qt.

The window itself is replaced by a recorder: these tests check what the command line asks of it.
"""

from __future__ import annotations

import errno
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline_app.cli as cli_module
from conftest import SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.store.event_store import StoreError


@pytest.fixture
def launched(monkeypatch) -> list[tuple]:
    """The windows the command line opens, as (store, screenshot, size, select)."""
    calls: list[tuple] = []

    def record(store, screenshot, size, select=None, view=None):
        assert view is None  # the saved views' tests check --view
        calls.append((store, screenshot, size, select))

    monkeypatch.setattr(cli_module, "_launch", record)
    return calls


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_no_command_opens_the_shipped_store(launched) -> None:
    assert invoke().exit_code == 0
    assert launched == [(cli_module.SHIPPED_STORE, None, None, None)]


def test_window_options_reach_the_window(launched, tmp_path: Path) -> None:
    result = invoke("--screenshot", str(tmp_path / "v.png"), "--size", "1280X800", "--select", "thaw")
    assert result.exit_code == 0, result.output
    assert launched == [(cli_module.SHIPPED_STORE, tmp_path / "v.png", (1280, 800), "thaw")]


def test_open_and_a_bare_store_name_open_that_store(launched, tmp_path: Path) -> None:
    assert invoke("open", "mine.db", "--size", "320x240").exit_code == 0
    assert invoke("theirs.sqlite").exit_code == 0
    existing = tmp_path / "store-without-suffix"
    existing.write_bytes(b"")
    assert invoke(str(existing)).exit_code == 0
    assert launched == [(Path("mine.db"), None, (320, 240), None), (Path("theirs.sqlite"), None, None, None),
                        (existing, None, None, None)]


def test_a_word_that_is_no_store_and_no_command_is_refused(launched) -> None:
    result = invoke("nonsense")
    assert result.exit_code == 2 and "No such command 'nonsense'" in result.output
    assert launched == []


@pytest.mark.parametrize("size", ["320x240", "8000x8000", "1600x1000"])
def test_sizes_within_the_bounds_are_taken(launched, size: str) -> None:
    assert invoke("--size", size).exit_code == 0
    width, height = (int(v) for v in size.split("x"))
    assert launched[0][2] == (width, height)


@pytest.mark.parametrize("size", ["319x240", "320x239", "8001x800", "800x8001", "0x0"])
def test_sizes_outside_the_bounds_are_refused(launched, size: str) -> None:
    result = invoke("--size", size)
    assert result.exit_code == 2 and f"'{size}' is outside 320x240 to 8000x8000" in result.output
    assert launched == []


@pytest.mark.parametrize("size", ["huge", "1600", "1600x1000x3", "x"])
def test_a_size_that_is_no_size_says_so(launched, size: str) -> None:
    result = invoke("--size", size)
    assert result.exit_code == 2 and f"'{size}' is not a size like 1600x1000" in result.output


def test_without_a_display_no_window_is_tried(monkeypatch) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    result = invoke("open", "mine.db")
    assert result.exit_code == 2
    assert result.output.startswith("error: no display found to open a window on;")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert cli_module._has_display()
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("DISPLAY", ":0")
    assert cli_module._has_display()
    monkeypatch.delenv("DISPLAY")
    assert not cli_module._has_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert cli_module._has_display()


@pytest.mark.parametrize(("error", "line"), [
    (StoreError(Path("x.db"), "is locked"), "error: x.db: is locked"),
    (RecursionError(), "error: the input nests too deeply to be read"),
    (OSError(errno.EACCES, "Permission denied", "x.db"), "error: x.db: Permission denied"),
    (OSError("no name"), "error: no name"),
    (KeyError("k"), "error: unexpected problem (KeyError: 'k'); please report it"),
])
def test_every_failure_is_one_line_with_status_2(monkeypatch, error: Exception, line: str) -> None:
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(cli_module, "store_problems", fail)
    result = invoke("check", str(SHIPPED_STORE))
    assert (result.exit_code, result.output) == (2, line + "\n")


def test_the_window_status_is_the_commands_status(monkeypatch) -> None:
    app = types.ModuleType("timeline_app.gui.app")  # stands in for the window: Qt stays unloaded
    opened: list = []
    app.run_window = lambda store, **kwargs: opened.append((store, kwargs)) or status  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "timeline_app.gui.app", app)
    status = 3
    assert invoke("open", "mine.db", "--select", "thaw").exit_code == 3
    assert opened == [(Path("mine.db"), {"screenshot": None, "size": None, "select": "thaw", "view": None})]
    status = 0
    assert invoke("open", "mine.db").exit_code == 0


def test_check_of_a_sound_store_summarises_it(small_store: Path) -> None:
    result = invoke("check", str(small_store))
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith(f"{small_store}: no problems found")


def test_build_says_what_it_built(source_dir: Path) -> None:
    target = source_dir / "built.db"
    result = invoke("build", str(source_dir / "events.toml"), str(target))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"built {target}: 2 events, 3 excerpts, 0 commentary, 1 claims"

"""The launcher entry: install-desktop puts it and the icons in the user's menu; the menu's "Open with" works."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_app.cli import cli


def test_install_desktop_writes_the_entry_and_icons_and_uninstall_removes_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    result = CliRunner().invoke(cli, ["install-desktop"])
    assert result.exit_code == 0, result.output
    entry = tmp_path / "share" / "applications" / "io.github.timeline_app.desktop"
    assert f"wrote {entry}" in result.output and "in the desktop's menu" in result.output
    text = entry.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f") and Path(exec_line[5:].split(" ")[0]).is_absolute()
    for size in (16, 48, 256, 512):
        assert (tmp_path / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "timeline-app.png").is_file()
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "timeline-app.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    removed = CliRunner().invoke(cli, ["install-desktop", "--uninstall"])
    assert removed.exit_code == 0 and f"removed {entry}" in removed.output
    assert not entry.exists()
    assert not list((tmp_path / "share" / "icons").rglob("timeline-app.*"))


def test_a_store_given_alone_is_opened_as_the_menus_open_with_does(small_store: Path, monkeypatch,
                                                                     tmp_path: Path) -> None:
    import timeline_app.cli as cli_module

    opened: list[Path] = []
    monkeypatch.setattr(cli_module, "_launch", lambda store, *_a, **_k: opened.append(store))
    result = CliRunner().invoke(cli, [str(small_store)])
    assert result.exit_code == 0, result.output
    assert opened == [small_store]


@pytest.mark.parametrize("args", [["check"], ["--version"]])
def test_commands_still_win_over_store_names(args: list[str]) -> None:
    assert CliRunner().invoke(cli, args).exit_code == 0

"""The command line: screenshots, the no-display message, and one-line errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PySide6.QtGui import QImage

from timeline_app.cli import cli


def test_screenshot_writes_a_picture_of_the_window_with_an_event_selected(tmp_path: Path) -> None:
    target = tmp_path / "view.png"
    result = CliRunner().invoke(cli, ["--screenshot", str(target), "--size", "1280x800",
                                      "--select", "novocherkassk-massacre"])
    assert result.exit_code == 0, result.output
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_of_an_unknown_event_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--screenshot", str(tmp_path / "v.png"), "--select", "no-such-event"])
    assert result.exit_code == 2
    assert "no event with id 'no-such-event'" in result.output
    assert not (tmp_path / "v.png").exists()


def test_without_a_display_the_window_command_says_what_to_do(monkeypatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "xvfb-run ./run.sh" in result.output and "--screenshot" in result.output


def test_a_bad_size_is_refused_with_the_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--screenshot", str(tmp_path / "v.png"), "--size", "huge"])
    assert result.exit_code == 2
    assert "is not a size like 1600x1000" in result.output


def test_an_unexpected_error_in_the_window_is_one_line_and_a_message(
    qtbot, capsys, tmp_path: Path, no_blocking_message_boxes
) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui.app import _report_unexpected
    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    _report_unexpected(window)(ValueError, ValueError("bad value"), None)
    err = capsys.readouterr().err
    assert err == "error: unexpected problem (ValueError: bad value); please report it\n"
    assert "ValueError: bad value" in no_blocking_message_boxes[0]
    assert "Traceback" not in err

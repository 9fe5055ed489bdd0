"""Writing a file all or nothing: a failure never leaves a half-written file or a temporary one behind."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from timeline_app.store.atomic_file import atomic_target


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_target_is_replaced_when_the_block_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "events.db"
    target.write_text("old")
    with atomic_target(target) as temp:
        assert temp.parent == tmp_path
        assert temp != target
        assert target.read_text() == "old"  # not touched while the block writes
        temp.write_text("new")
    assert target.read_text() == "new"
    assert _names(tmp_path) == ["events.db"]


def test_a_new_target_is_created(tmp_path: Path) -> None:
    target = tmp_path / "new.svg"
    with atomic_target(target) as temp:
        assert temp.exists()  # an empty file, reserved under a name no one else gets
        temp.write_bytes(b"<svg/>")
    assert target.read_bytes() == b"<svg/>"
    assert _names(tmp_path) == ["new.svg"]


def test_the_temporary_file_is_hidden_beside_the_target_and_keeps_its_suffix(tmp_path: Path) -> None:
    target = tmp_path / "timeline.png"
    with atomic_target(target) as temp:
        assert temp.parent == tmp_path
        # .{name}.{pid}.{random}.timeline-tmp{suffix}: the pid lets a later run remove what a killed one left
        assert re.fullmatch(rf"\.timeline\.png\.{os.getpid()}\.[^./]+\.timeline-tmp\.png", temp.name), temp.name
        temp.write_bytes(b"png")


def test_on_an_error_the_old_file_is_intact_and_no_temporary_file_remains(tmp_path: Path) -> None:
    target = tmp_path / "events.db"
    target.write_text("old")
    with pytest.raises(RuntimeError, match="disk full"), atomic_target(target) as temp:
        temp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["events.db"]


def test_an_interrupt_leaves_the_old_file_too(tmp_path: Path) -> None:
    target = tmp_path / "events.db"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt), atomic_target(target) as temp:
        temp.write_text("half")
        raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["events.db"]


def test_an_error_before_anything_is_written_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "never.db"
    with pytest.raises(ValueError), atomic_target(target):
        raise ValueError("bad input")
    assert _names(tmp_path) == []


def test_a_block_that_removed_its_temporary_file_and_failed_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "events.db"
    target.write_text("old")
    with pytest.raises(OSError, match="could not create"), atomic_target(target) as temp:
        temp.unlink()  # as a writer that creates the file itself does first
        raise OSError("could not create")
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["events.db"]


def test_a_block_that_wrote_nothing_where_it_should_fails_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "events.db"
    target.write_text("old")
    with pytest.raises(FileNotFoundError), atomic_target(target) as temp:
        temp.unlink()
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["events.db"]


def test_a_missing_folder_is_an_os_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "no" / "such"
    with pytest.raises(OSError, match="no such folder") as raised, atomic_target(folder / "events.db"):
        pytest.fail("the block must not run")
    assert str(folder) in str(raised.value)
    assert _names(tmp_path) == []


def test_a_file_where_the_folder_should_be_is_an_os_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError), atomic_target(tmp_path / "file" / "events.db"):
        pytest.fail("the block must not run")


def test_a_bare_file_name_is_written_in_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with atomic_target(Path("out.csv")) as temp:
        assert temp.resolve().parent == tmp_path.resolve()
        temp.write_text("a,b")
    assert (tmp_path / "out.csv").read_text() == "a,b"
    assert _names(tmp_path) == ["out.csv"]


def test_a_target_given_as_text_works(tmp_path: Path) -> None:
    with atomic_target(str(tmp_path / "out.txt")) as temp:  # type: ignore[arg-type]
        temp.write_text("x")
    assert (tmp_path / "out.txt").read_text() == "x"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files through /proc")
def test_no_file_is_left_open_while_the_block_runs(tmp_path: Path) -> None:
    before = len(os.listdir("/proc/self/fd"))
    with atomic_target(tmp_path / "out.bin") as temp:
        assert len(os.listdir("/proc/self/fd")) == before
        temp.write_bytes(b"1")

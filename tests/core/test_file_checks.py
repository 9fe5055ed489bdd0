"""Files read as stores, imports or sources: regular files only, of a bounded size, in UTF-8."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import timeline_app.store.file_checks as file_checks
from timeline_app.store.file_checks import MAX_TEXT_BYTES, FileProblem, read_text, regular_file_problem


def test_a_regular_file_and_a_link_to_one_are_fine(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    assert regular_file_problem(tmp_path / "a.txt") is None
    assert regular_file_problem(str(tmp_path / "link.txt")) is None


def test_what_is_not_a_regular_file_is_named(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert regular_file_problem(tmp_path / "missing") == "no such file"
    assert regular_file_problem(tmp_path / "dangling") == "no such file"
    assert regular_file_problem(tmp_path) == "is a folder, not a file"
    assert regular_file_problem(tmp_path / "pipe") == "is not a regular file (a device, pipe or socket cannot be used)"
    assert regular_file_problem("/dev/null") == "is not a regular file (a device, pipe or socket cannot be used)"


def test_a_path_that_cannot_be_looked_at_says_why(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    assert regular_file_problem(tmp_path / "a.txt" / "inside") == "cannot be read (Not a directory)"
    assert regular_file_problem(tmp_path / ("n" * 300)) == "cannot be read (File name too long)"


def test_text_is_read_as_utf8_with_its_bom_dropped(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_bytes("Новочеркасск\n".encode())
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Новочеркасск\n".encode())
    assert read_text(tmp_path / "plain.txt") == "Новочеркасск\n"
    assert read_text(str(tmp_path / "bom.txt")) == "Новочеркасск\n"
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_text(tmp_path / "empty.txt") == ""


def test_text_in_another_encoding_names_the_first_byte_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Soviet café".encode("latin-1"))
    with pytest.raises(FileProblem) as caught:
        read_text(tmp_path / "latin.txt")
    assert caught.value.problem == "is not UTF-8 text (byte 10 cannot be read)"
    assert caught.value.path == tmp_path / "latin.txt"
    assert str(caught.value) == f"{tmp_path / 'latin.txt'}: is not UTF-8 text (byte 10 cannot be read)"
    assert isinstance(caught.value, OSError)


def test_a_file_up_to_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    limit = 3 * 1024 * 1024
    (tmp_path / "full.txt").write_bytes(b"x" * limit)
    assert len(read_text(tmp_path / "full.txt", limit=limit)) == limit
    (tmp_path / "over.txt").write_bytes(b"x" * (limit + 1))
    with pytest.raises(FileProblem) as caught:
        read_text(tmp_path / "over.txt", limit=limit)
    assert caught.value.problem == "is larger than 3 MB; split it into smaller files"


def test_the_default_limit_is_256_megabytes(tmp_path: Path) -> None:
    assert MAX_TEXT_BYTES == 256 * 1024 * 1024
    (tmp_path / "a.txt").write_bytes(b"x" * 1_100_000)
    assert len(read_text(tmp_path / "a.txt")) == 1_100_000


@pytest.mark.parametrize("make", ["folder", "missing", "pipe", "device"])
def test_what_is_not_a_regular_file_is_never_read(tmp_path: Path, make: str) -> None:
    path = {"folder": tmp_path, "missing": tmp_path / "missing", "pipe": tmp_path / "pipe", "device": "/dev/zero"}[make]
    if make == "pipe":
        os.mkfifo(path)
    with pytest.raises(FileProblem) as caught:
        read_text(path)
    assert caught.value.problem == regular_file_problem(path)


def test_a_file_that_cannot_be_opened_says_why(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("x")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(file_checks, "open", refuse, raising=False)
    with pytest.raises(FileProblem) as caught:
        read_text(tmp_path / "a.txt")
    assert caught.value.problem == "cannot be read (Permission denied)"

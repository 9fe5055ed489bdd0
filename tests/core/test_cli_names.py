"""The command line takes a place or theme by its id, name or another name, in any case."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_app.cli import cli


def _export(tmp_path: Path, *args: str):
    tmp_path.mkdir(exist_ok=True)
    out = tmp_path / "v.csv"
    result = CliRunner().invoke(cli, ["export", "-o", str(out), *args])
    rows = list(csv.DictReader(out.open(encoding="utf-8"))) if out.exists() else None
    return result, rows


@pytest.mark.parametrize("name", ["novocherkassk", "Novocherkassk", "NOVOCHERKASSK", "Новочеркасск", "Novochoerkassk"])
def test_a_place_by_id_name_or_alias_in_any_case(tmp_path: Path, name: str) -> None:
    result, rows = _export(tmp_path, "--place", name)
    by_id = _export(tmp_path / "id", "--place", "novocherkassk")[1] if name != "novocherkassk" else rows
    assert result.exit_code == 0, result.output
    assert rows and rows == by_id
    assert all("novocherkassk" in row["places"].split(";") for row in rows)


def test_a_theme_by_its_name(tmp_path: Path) -> None:
    result, rows = _export(tmp_path, "--theme", "terror and repression")
    assert result.exit_code == 0, result.output
    assert rows and all("repression" in row["themes"].split(";") for row in rows)


def test_an_unknown_place_names_the_places_there_are_on_one_line(tmp_path: Path) -> None:
    result, rows = _export(tmp_path, "--place", "Atlantis")
    assert result.exit_code == 2
    assert rows is None
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: --place 'Atlantis' is not in ")
    assert "Novocherkassk" in lines[0] and "Moscow" in lines[0]


def test_an_unknown_theme_names_the_themes_there_are(tmp_path: Path) -> None:
    result, _rows = _export(tmp_path, "--theme", "sport")
    assert result.exit_code == 2
    assert "its themes are: Revolution and civil war;" in result.output


def test_an_unknown_reviewer_is_still_named(tmp_path: Path) -> None:
    result, _rows = _export(tmp_path, "--reviewer", "nobody")
    assert result.exit_code == 2
    assert "--reviewer 'nobody' is not in" in result.output

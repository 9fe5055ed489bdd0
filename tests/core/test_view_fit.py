"""Fit to shown events, and views by name on the command line (``--view``, ``export --view``, ``export --fit``)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from conftest import SHIPPED_STORE, build_small_store, event_entry
from timeline_app.cli import cli
from timeline_app.model.catalog import load_catalog
from timeline_app.model.explorer_state import DEFAULT_RANGE, ExplorerState, ViewState
from timeline_app.model.filters import FilterState
from timeline_app.model.saved_views import SavedViews, view_text
from timeline_app.model.view_fit import MIN_MARGIN, fitted_range
from timeline_app.store.event_store import EventStore


@pytest.fixture
def state() -> ExplorerState:
    explorer = ExplorerState()
    explorer.open_store(SHIPPED_STORE)
    return explorer


def test_after_filtering_to_one_place_the_view_spans_its_events(state: ExplorerState) -> None:
    state.set_filter(FilterState(places=frozenset({"krasnodar"})))
    shown = np.flatnonzero(state.timeline_mask)
    first, last = state.catalog.start_year[shown].min(), state.catalog.end_year[shown].max()
    assert state.fit_to_shown()
    low, high = state.view_range
    assert low < first and last < high  # a small margin on each side
    assert first - low <= max(0.05 * (last - first), MIN_MARGIN) + 1e-3
    assert high - last <= max(0.05 * (last - first), MIN_MARGIN) + 1e-3
    assert high - low < 10  # not 1917-1991
    assert state.shown_count() == len(shown)  # every event the filter shows is in view


def test_fit_with_nothing_shown_leaves_the_view(state: ExplorerState) -> None:
    state.set_view_range(1950.0, 1960.0)
    state.set_filter(FilterState(search="zzzzqqq"))
    assert not state.fit_to_shown()
    assert state.view_range == (1950.0, 1960.0)


def test_a_single_day_gets_a_margin_of_its_own(tmp_path: Path) -> None:
    store = EventStore(build_small_store(tmp_path, event_entry("lone", "1970-05-05")))
    catalog = load_catalog(store)
    mask = np.array([i == catalog.index_of["lone"] for i in range(len(catalog))])
    low, high = fitted_range(catalog, mask)
    assert high - low == pytest.approx(2 * MIN_MARGIN, abs=0.01)
    assert low < 1970.34 < high
    assert fitted_range(catalog, np.zeros(len(catalog), dtype=bool)) is None


def test_fit_stays_within_the_years_a_view_can_show(tmp_path: Path) -> None:
    store = EventStore(build_small_store(tmp_path, event_entry("early", "0001", "0002")))
    catalog = load_catalog(store)
    low, _high = fitted_range(catalog, np.ones(len(catalog), dtype=bool))
    assert low == 1.0


# -- the command line -----------------------------------------------------------------------------


def _csv_ids(path: Path) -> list[str]:
    return [row["id"] for row in csv.DictReader(path.open(encoding="utf-8"))]


def test_export_fit_lists_every_event_of_the_filter(tmp_path: Path) -> None:
    fitted, plain = tmp_path / "fit.csv", tmp_path / "plain.csv"
    for out, extra in ((fitted, ["--fit"]), (plain, [])):
        result = CliRunner().invoke(cli, ["export", "-o", str(out), "--place", "Novocherkassk", *extra])
        assert result.exit_code == 0, result.output
    store = EventStore(SHIPPED_STORE)
    at_place = {r["event_id"] for r in store.rows("select event_id from event_places where place_id = 'novocherkassk'")}
    assert set(_csv_ids(fitted)) == at_place
    assert set(_csv_ids(plain)) < at_place  # 1917-1992 leaves the later ones out


@pytest.fixture
def saved(monkeypatch, tmp_path: Path) -> SavedViews:
    monkeypatch.setenv("TIMELINE_APP_VIEWS", str(tmp_path / "views.json"))
    views = SavedViews()
    views.save("Krasnodar riots", ViewState(FilterState(places=frozenset({"krasnodar"})), "place", (1960.0, 1962.0)),
               SHIPPED_STORE)
    return views


def test_export_a_saved_view_by_name(saved: SavedViews, tmp_path: Path) -> None:
    out = tmp_path / "v.csv"
    result = CliRunner().invoke(cli, ["export", "-o", str(out), "--view", "krasnodar RIOTS"])
    assert result.exit_code == 0, result.output
    store = EventStore(SHIPPED_STORE)
    expected = {r["id"] for r in store.rows(
        "select e.id from events e join event_places p on p.event_id = e.id where p.place_id = 'krasnodar' "
        "and e.start_year <= 1962 and e.end_year >= 1960")}
    assert set(_csv_ids(out)) == expected and expected


def test_options_given_with_a_view_change_it(saved: SavedViews, tmp_path: Path) -> None:
    out = tmp_path / "v.csv"
    result = CliRunner().invoke(cli, ["export", "-o", str(out), "--view", "Krasnodar riots", "--from", "1917",
                                      "--to", "1992", "--place", "moscow"])
    assert result.exit_code == 0, result.output
    store = EventStore(SHIPPED_STORE)
    at_moscow = {r["event_id"] for r in store.rows("select event_id from event_places where place_id = 'moscow'")}
    assert set(_csv_ids(out)) <= at_moscow


def test_export_a_views_text(tmp_path: Path) -> None:
    text = view_text(ViewState(FilterState(places=frozenset({"krasnodar"})), "place", (1917.0, 1992.0)))
    out = tmp_path / "v.csv"
    result = CliRunner().invoke(cli, ["export", "-o", str(out), "--view", text])
    assert result.exit_code == 0, result.output
    assert _csv_ids(out)


@pytest.mark.parametrize("command", [["export", "-o", "x.csv"], [], ["open", str(SHIPPED_STORE)]])
def test_an_unknown_view_is_one_line_naming_the_saved_ones(saved: SavedViews, tmp_path: Path, command) -> None:
    result = CliRunner().invoke(cli, [*command, "--view", "Nope"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: --view: no saved view is called 'Nope'; the saved views are: " \
                                    "Krasnodar riots"


def test_a_damaged_views_text_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "x.csv"), "--view", "tlview1:abc"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "damaged" in result.output or "cut short" in result.output


def test_the_default_range_is_still_1917_to_1992() -> None:
    assert DEFAULT_RANGE == (1917.0, 1992.0)

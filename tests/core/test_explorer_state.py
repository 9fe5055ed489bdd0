"""The explorer's shared state: what each change announces, in what order, and what it leaves as it was."""

from __future__ import annotations

import math
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from conftest import SHIPPED_EVENTS, SHIPPED_STORE, build_small_store, event_entry, shipped_count
from timeline_app.model import explorer_state as explorer_module
from timeline_app.model.explorer_state import (
    DEFAULT_RANGE,
    ExplorerState,
    FilterChanged,
    GroupingChanged,
    LanesChanged,
    RangeChanged,
    SelectionChanged,
    ShownChanged,
    StoreChanged,
    ViewState,
)
from timeline_app.model.filters import FilterState, facet_counts
from timeline_app.model.layout import FILM_LANE, FILM_LANE_NAME, lay_out
from timeline_app.store.dates import DateError
from timeline_app.store.event_store import StoreError
from timeline_app.store.membership import Membership

PROTEST = FilterState(themes=frozenset({"protest"}))
CULTURE = FilterState(themes=frozenset({"culture"}))
#: Events shown in the default years (1917-1992) of the shipped store.
SHIPPED_IN_VIEW = shipped_count("select count(*) from events where end_year >= 1917 and start_year <= 1992")

#: A store the tests control: SMALL_SOURCE's strike (June 1962) and massacre (2 June 1962), both protest in
#: Novocherkassk, and six more events. In start order, with their themes and reviewers:
#:   revolution  1917-11-07             history    repression  Petrograd       Weiss
#:   anthem      1944-01-01..1944-03-15 history    culture     Moscow          Weiss
#:   strike      1962-06..1962-06-02    history    protest     Novocherkassk   Doyle
#:   massacre    1962-06-02             history    repression, protest         Weiss, Doyle
#:   scene       1962-06-03             film       culture     Novocherkassk   Doyle   (a film scene)
#:   premiere    2020-09-07             reception  culture     Venice          Weiss
#:   oscar-entry 2020-11..2021-03-15    reception  culture     Moscow          Doyle
#:   memorial    2021-06                reception  memory      Novocherkassk   Weiss
#: Five start in the default years (1917-1992), three after them. The culture events are the anthem, the
#: film scene, the premiere and the Oscar entry; no theme lane holds the scene, which has a lane of its own.
OWN_SOURCE = """
[places.petrograd]
name = "Petrograd"
kind = "city"
latitude = 59.94
longitude = 30.31

[places.moscow]
name = "Moscow"
kind = "city"
latitude = 55.75
longitude = 37.62

[places.venice]
name = "Venice"
kind = "city"
latitude = 45.44
longitude = 12.33

[themes.culture]
name = "Film and culture"
color = "#B8860B"

[themes.memory]
name = "Truth and memory"
color = "#999999"
""" + "".join([
    event_entry("revolution", "1917-11-07", themes=["repression"], places=["petrograd"], sources=["weiss-2021"]),
    event_entry("anthem", "1944-01-01", "1944-03-15", themes=["culture"], places=["moscow"],
                sources=["weiss-2021"]),
    event_entry("scene", "1962-06-03", layer="film", themes=["culture"], sources=["doyle-2021"]),
    event_entry("premiere", "2020-09-07", layer="reception", themes=["culture"], places=["venice"],
                sources=["weiss-2021"]),
    event_entry("oscar-entry", "2020-11", "2021-03-15", layer="reception", themes=["culture"], places=["moscow"],
                sources=["doyle-2021"]),
    event_entry("memorial", "2021-06", layer="reception", themes=["memory"], sources=["weiss-2021"]),
])


class Recorder(list):
    """Every notice announced, in order."""

    def __call__(self, notice) -> None:
        self.append(notice)

    def kinds(self) -> list[str]:
        return [type(n).__name__ for n in self]


@pytest.fixture
def state():
    explorer = ExplorerState()
    explorer.open_store(SHIPPED_STORE)
    yield explorer
    explorer.close_store()


@pytest.fixture
def heard(state: ExplorerState) -> Recorder:
    recorder = Recorder()
    state.subscribe(recorder)
    return recorder


@pytest.fixture(scope="module")
def small_copy(tmp_path_factory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("small"))


@pytest.fixture(scope="module")
def own_store(tmp_path_factory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("own"), OWN_SOURCE)


@pytest.fixture
def own(own_store: Path):
    """An explorer showing the store the tests control (OWN_SOURCE)."""
    explorer = ExplorerState()
    explorer.open_store(own_store)
    yield explorer
    explorer.close_store()


@pytest.fixture
def own_heard(own: ExplorerState) -> Recorder:
    recorder = Recorder()
    own.subscribe(recorder)
    return recorder


def _ids(state: ExplorerState, mask: np.ndarray) -> list[str]:
    return [state.catalog.ids[int(k)] for k in np.flatnonzero(mask)]


def _by_hand(state: ExplorerState, theme: str | None, years) -> list[str]:
    c = state.catalog
    return [c.ids[k] for k in range(len(c))
            if (theme is None or theme in c.themes[k])
            and (years is None or (c.end_year[k] >= years[0] and c.start_year[k] <= years[1]))]


# -- a store opens, closes, is refreshed --------------------------------------------------------------

def test_opening_a_store_announces_store_filter_lanes_shown_and_selection_in_that_order(own_store,
                                                                                         small_copy) -> None:
    explorer, heard = ExplorerState(), Recorder()
    explorer.subscribe(heard)
    explorer.open_store(own_store)
    assert heard.kinds() == ["StoreChanged", "FilterChanged", "LanesChanged", "ShownChanged", "SelectionChanged"]
    assert heard[0] == StoreChanged(explorer.store.path) and explorer.store.path == Path(own_store)
    assert heard[1] == FilterChanged(FilterState())
    # A lane per theme of the record, by name, and the film scene's own lane last.
    assert heard[2].layout is explorer.layout and len(explorer.layout.lanes) == 5
    assert [lane.key for lane in explorer.layout.lanes] == ["culture", "protest", "repression", "memory", FILM_LANE]
    assert heard[3] == ShownChanged(5, 8)  # three events lie past 1992, the view's end
    assert heard[4] == SelectionChanged(None)
    assert _ids(explorer, explorer.mask) == _by_hand(explorer, None, DEFAULT_RANGE)
    assert explorer.timeline_mask.all()
    # Opening another store shows it with no filter and no selection, in its home years (said last).
    explorer.set_filter(PROTEST)
    explorer.set_view_range(1950, 1970)
    explorer.select("massacre")
    assert explorer.selection == "massacre"
    old_store = explorer.store
    heard.clear()
    explorer.open_store(small_copy)
    assert heard.kinds()[0] == "StoreChanged" and heard[0].path == Path(small_copy)
    assert explorer.filter == FilterState() and explorer.selection is None
    assert heard[3] == ShownChanged(2, 2) and explorer.view_range == DEFAULT_RANGE == explorer.home_range
    assert heard.kinds()[-1] == "RangeChanged" and heard[-1] == RangeChanged(DEFAULT_RANGE)
    with pytest.raises(sqlite3.ProgrammingError):  # the old store was closed
        old_store.conn.execute("select 1")
    explorer.close_store()


def test_a_new_state_shows_nothing_and_counts_nothing() -> None:
    explorer = ExplorerState()
    assert explorer.store is None and len(explorer.catalog) == 0 and explorer.shown_count() == 0
    assert explorer.view_range == DEFAULT_RANGE == (1917.0, 1992.0) and explorer.grouping == "theme"
    assert explorer.layout.lanes == [] and explorer.shown_indices().tolist() == []
    assert explorer.filter == FilterState() and explorer.view_state() == ViewState()
    for mask in (explorer.mask, explorer.timeline_mask):
        assert mask.shape == (0,) and mask.dtype == bool
    assert explorer.facet_counts()["reviewer"] == {"any": 0, "both": 0, "only-one": 0}
    explorer.step_selection(1)  # nothing to step through
    assert explorer.selection is None
    heard = Recorder()
    explorer.subscribe(heard)
    explorer.replace_arrays(explorer.catalog.arrays)  # no store: nothing to refresh
    assert heard == []


def test_a_store_is_opened_with_its_rows_checked_unless_asked_otherwise(state: ExplorerState) -> None:
    assert state.store.rows_checked is True
    state.open_store(SHIPPED_STORE, check_rows=False)
    assert state.store.rows_checked is False


def test_a_listener_added_during_a_notice_hears_the_next_one(state: ExplorerState) -> None:
    late = Recorder()
    early = Recorder()

    def subscribe_late(notice) -> None:
        early.append(notice)
        if len(early) == 1:
            state.subscribe(late)
    state.subscribe(subscribe_late)
    state.select("thaw")
    assert late == []
    state.select("stalin-death")
    assert late == [SelectionChanged("stalin-death")] and len(early) == 2


def test_a_store_that_cannot_be_opened_leaves_the_shown_one(state: ExplorerState, heard, tmp_path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    with pytest.raises(StoreError):
        state.open_store(bad)
    assert heard == [] and state.store.path.name == "events.db" and len(state.catalog) == SHIPPED_EVENTS
    state.store.conn.execute("select 1")  # still open


@pytest.mark.parametrize(("error", "words"), [
    (sqlite3.DatabaseError("database disk image is malformed"), "is damaged (SQLite reports a malformed database)"),
    (DateError("bad date '1962-13'"), "cannot be read: bad date '1962-13'"),
    (ValueError("odd index"), "cannot be read: odd index"),
])
def test_a_store_whose_events_cannot_be_read_is_refused_with_the_reason(state, heard, monkeypatch, error,
                                                                        words) -> None:
    opened = []

    def failing(store):
        opened.append(store)
        raise error
    monkeypatch.setattr(explorer_module, "load_catalog", failing)
    with pytest.raises(StoreError) as caught:
        state.open_store(SHIPPED_STORE)
    assert caught.value.problem == words and caught.value.path == SHIPPED_STORE
    assert heard == [] and state.store is not opened[0] and len(state.catalog) == SHIPPED_EVENTS
    with pytest.raises(sqlite3.ProgrammingError):  # the store that failed was closed
        opened[0].conn.execute("select 1")


def test_closing_the_store_shows_nothing(state: ExplorerState, heard) -> None:
    state.set_filter(PROTEST)
    store = state.store
    heard.clear()
    state.close_store()
    assert heard.kinds() == ["StoreChanged", "FilterChanged", "LanesChanged", "ShownChanged", "SelectionChanged"]
    assert heard[0] == StoreChanged(None) and heard[1] == FilterChanged(FilterState())
    assert heard[3] == ShownChanged(0, 0) and state.store is None and state.filter == FilterState()
    with pytest.raises(sqlite3.ProgrammingError):
        store.conn.execute("select 1")
    heard.clear()
    state.close_store()  # nothing open: still announces an empty window
    assert heard[0] == StoreChanged(None)


def test_fresh_arrays_are_laid_out_afresh(own: ExplorerState, own_heard) -> None:
    old = own.catalog.arrays
    protest = old.themes.code["protest"]
    every_event = np.arange(len(old))
    themes = Membership(old.themes.keys, every_event, np.full(len(old), protest), len(old))
    own.replace_arrays(replace(old, themes=themes))
    # Every event of the record is a protest now; the film scene keeps its own lane.
    assert [lane.key for lane in own.layout.lanes] == ["protest", FILM_LANE]
    assert own_heard[2] == LanesChanged(own.layout)


def test_fresh_arrays_keep_the_search(state: ExplorerState) -> None:
    state.set_filter(FilterState(search="Novocherkassk"))
    hits = state.catalog.search_mask("Novocherkassk")
    state.replace_arrays(state.catalog.arrays)
    assert np.array_equal(state.timeline_mask, hits) and not hits.all()


def test_fresh_arrays_keep_the_store_and_the_filter(state: ExplorerState, heard) -> None:
    state.set_filter(PROTEST)
    state.select("novocherkassk-massacre")
    names = dict(state.catalog.theme_names)
    heard.clear()
    state.replace_arrays(state.catalog.arrays)
    assert heard.kinds() == ["StoreChanged", "FilterChanged", "LanesChanged", "ShownChanged", "SelectionChanged"]
    assert heard[0] == StoreChanged(SHIPPED_STORE) and heard[1] == FilterChanged(PROTEST)
    assert state.filter == PROTEST and state.catalog.theme_names == names and state.selection is None
    assert state.catalog.source_names["weiss-2021"] == "Clara Weiss" and state.catalog.periods
    assert state.catalog.place_names["novocherkassk"] == "Novocherkassk"
    assert state.catalog.theme_colors["protest"].startswith("#") and state.catalog.store is state.store
    assert _ids(state, state.mask) == _by_hand(state, "protest", DEFAULT_RANGE)


# -- the filter -----------------------------------------------------------------------------------------

def test_a_filter_announces_itself_then_lanes_then_the_shown_count(state: ExplorerState, heard) -> None:
    state.set_filter(PROTEST)
    expected = _by_hand(state, "protest", DEFAULT_RANGE)
    assert heard.kinds() == ["FilterChanged", "LanesChanged", "ShownChanged"]
    assert heard[0] == FilterChanged(PROTEST) and heard[1].layout is state.layout
    assert heard[2] == ShownChanged(len(expected), SHIPPED_EVENTS)
    assert _ids(state, state.mask) == expected and _ids(state, state.timeline_mask) == _by_hand(state, "protest", None)
    assert [lane.key for lane in state.layout.lanes] == sorted(
        {t for k in np.flatnonzero(state.timeline_mask) for t in state.catalog.themes[int(k)]},
        key=lambda t: state.catalog.theme_names[t].lower())
    assert state.shown_indices().tolist() == np.flatnonzero(state.mask).tolist()
    assert state.shown_count() == len(expected)
    heard.clear()
    state.set_filter(FilterState(themes=frozenset({"protest"})))  # the same filter again: nothing
    assert heard == []


def test_a_filter_that_changes_only_the_lanes_or_only_the_table_says_only_that(own, own_heard) -> None:
    # Nothing in Venice or Novocherkassk in 1917-1919: the timeline changes, the table shows nothing either way.
    own.set_view_range(1917.0, 1919.0)
    own.set_filter(FilterState(places=frozenset({"venice", "novocherkassk"})))
    assert own.shown_count() == 0
    own_heard.clear()
    own.set_filter(FilterState(places=frozenset({"venice"})))
    assert own_heard.kinds() == ["FilterChanged", "LanesChanged"]
    # A filter hiding nothing on the timeline that is new (the premiere in Venice is reception): the same
    # lanes and table, only the filter said.
    own_heard.clear()
    own.set_filter(FilterState(places=frozenset({"venice"}), layers=frozenset({"reception"})))
    assert own_heard.kinds() == ["FilterChanged"]


def test_a_filter_that_hides_nothing_in_view_says_no_shown_count(own: ExplorerState, own_heard) -> None:
    own.set_view_range(2019.0, 2023.0)
    own_heard.clear()
    own.set_filter(FilterState(themes=frozenset({"culture", "memory"})))
    # The timeline lost events, the table (the premiere, the Oscar entry and the memorial in view) did not.
    assert own_heard.kinds() == ["FilterChanged", "LanesChanged"]


def test_clearing_the_filter_shows_every_event_in_view(state: ExplorerState, heard) -> None:
    state.set_filter(PROTEST.with_(disputed_only=True))
    heard.clear()
    state.clear_filter()
    assert state.filter == FilterState() and heard[0] == FilterChanged(FilterState())
    assert state.shown_count() == SHIPPED_IN_VIEW and state.timeline_mask.all()


def test_a_search_narrows_the_events_and_a_new_word_searches_again(state: ExplorerState, heard) -> None:
    state.set_filter(FilterState(search="Novocherkassk"))
    hits = state.catalog.search_mask("Novocherkassk")
    assert 0 < state.shown_count() < SHIPPED_IN_VIEW and np.array_equal(state.timeline_mask, hits)
    state.set_filter(FilterState(search="Novocherkassk", disputed_only=True))  # same words, another facet
    assert np.array_equal(state.timeline_mask, hits & state.catalog.disputed)
    state.set_filter(FilterState(search="Venice", disputed_only=True))
    assert np.array_equal(state.timeline_mask, state.catalog.search_mask("Venice") & state.catalog.disputed)
    state.set_filter(FilterState())
    assert state.timeline_mask.all()


def test_a_filter_hiding_the_selected_event_clears_the_selection(state: ExplorerState, heard) -> None:
    state.select("stalin-death")
    heard.clear()
    state.set_filter(PROTEST)
    assert heard.kinds()[-1] == "SelectionChanged" and heard[-1] == SelectionChanged(None)
    assert state.selection is None


def test_a_selection_only_out_of_the_years_stays_selected(state: ExplorerState, heard) -> None:
    state.select("novocherkassk-massacre")
    state.set_view_range(1917.0, 1930.0)
    heard.clear()
    state.set_filter(PROTEST)
    assert state.selection == "novocherkassk-massacre" and "SelectionChanged" not in heard.kinds()
    assert not state.mask[state.catalog.index_of["novocherkassk-massacre"]]


def test_counts_follow_the_filter_and_the_years(state: ExplorerState) -> None:
    state.set_filter(PROTEST)
    state.set_view_range(1950.0, 1965.5)
    expected = facet_counts(state.catalog, PROTEST, None, (1950.0, 1965.5))
    assert state.facet_counts() == expected
    assert state.facet_counts()["themes"]["leadership"] == len(_by_hand(state, "leadership", (1950.0, 1965.5)))


# -- the view's years ---------------------------------------------------------------------------------

def test_new_years_announce_the_range_then_the_shown_count_and_keep_the_lanes(state, heard) -> None:
    layout = state.layout
    state.set_view_range(1950.123456, 1965.5)
    assert heard.kinds() == ["RangeChanged", "ShownChanged"]
    assert heard[0] == RangeChanged((1950.1235, 1965.5)) and state.view_range == (1950.1235, 1965.5)
    assert heard[1] == ShownChanged(len(_by_hand(state, None, (1950.1235, 1965.5))), SHIPPED_EVENTS)
    assert state.layout is layout and state.timeline_mask.all()
    assert _ids(state, state.mask) == _by_hand(state, None, (1950.1235, 1965.5))


def test_years_that_change_nothing_shown_announce_only_the_range(state, heard) -> None:
    state.set_view_range(1917.0, 1992.00001)  # rounds to the same years
    state.set_view_range(1917.0, 1992.0)
    assert heard == []
    state.set_view_range(1917.0, 1992.5)  # no event starts in the added half year
    assert heard.kinds() == ["RangeChanged"]


@pytest.mark.parametrize(("start", "end"), [(1970.0, 1960.0), (1960.0, 1960.0), (1960.00001, 1960.00002)])
def test_reversed_or_empty_years_are_ignored(state, heard, start: float, end: float) -> None:
    state.set_view_range(start, end)
    assert heard == [] and state.view_range == DEFAULT_RANGE


# -- grouping -----------------------------------------------------------------------------------------

def test_grouping_announces_itself_then_the_new_lanes(state: ExplorerState, heard) -> None:
    state.set_filter(PROTEST)
    heard.clear()
    state.set_grouping("place")
    assert heard.kinds() == ["GroupingChanged", "LanesChanged"] and heard[0] == GroupingChanged("place")
    assert heard[1] == LanesChanged(state.layout) and state.grouping == "place"
    expected = lay_out(state.catalog, state.timeline_mask, "place")
    assert [lane.key for lane in state.layout.lanes] == [lane.key for lane in expected.lanes]
    assert "novocherkassk" in [lane.key for lane in state.layout.lanes]
    heard.clear()
    state.set_grouping("place")
    assert heard == []
    with pytest.raises(ValueError, match="unknown grouping 'colour'"):
        state.set_grouping("colour")
    assert state.grouping == "place" and heard == []


def test_lanes_follow_the_grouping_through_later_filters(own: ExplorerState) -> None:
    own.set_grouping("reviewer")
    own.set_filter(FilterState(reviewer="doyle-2021"))
    # By name (the massacre has both reviewers), and the film scene Doyle quotes in its own lane, last.
    assert [lane.name for lane in own.layout.lanes] == ["Clara Weiss", "Clare Doyle", FILM_LANE_NAME]


# -- selection ----------------------------------------------------------------------------------------

def test_selecting_announces_once_and_unknown_ids_clear(state: ExplorerState, heard) -> None:
    state.select("thaw")
    state.select("thaw")
    assert heard == [SelectionChanged("thaw")]
    state.select("no-such-event")
    assert heard[-1] == SelectionChanged(None) and state.selection is None
    state.select(None)
    assert len(heard) == 2


def test_stepping_walks_the_timeline_in_time_order_and_stops_at_the_ends(own: ExplorerState) -> None:
    own.set_filter(CULTURE)  # four events, the film scene among them
    order = ["anthem", "scene", "premiere", "oscar-entry"]
    own.step_selection(1)
    assert own.selection == order[0]
    walked = [own.selection]
    for _ in range(5):
        own.step_selection(1)
        walked.append(own.selection)
    assert walked == [*order, order[-1], order[-1]]
    for expected in [order[2], order[1], order[0], order[0]]:
        own.step_selection(-1)
        assert own.selection == expected
    own.select(None)
    own.step_selection(-1)
    assert own.selection == order[-1]
    own.select(None)
    own.step_selection(3)
    assert own.selection == order[0]


def test_stepping_from_an_event_the_filter_hides_goes_to_its_neighbours(own: ExplorerState) -> None:
    own.set_filter(CULTURE)
    own.select("massacre")  # 2 June 1962, between the anthem (1944) and the scene (3 June); not culture
    own.step_selection(1)
    assert own.selection == "scene"
    own.select("massacre")
    own.step_selection(-1)
    assert own.selection == "anthem"
    own.select("revolution")  # before every culture event
    own.step_selection(-1)
    assert own.selection == "anthem"
    own.select("revolution")
    own.step_selection(2)
    assert own.selection == "anthem"


def test_stepping_from_an_event_after_the_last_shown_one_goes_back_to_it(own: ExplorerState) -> None:
    own.set_filter(CULTURE)  # the last culture event is the Oscar entry (November 2020)
    for step in (1, -1, 5):
        own.select("memorial")  # June 2021
        own.step_selection(step)
        assert own.selection == "oscar-entry"


def test_stepping_with_nothing_on_the_timeline_keeps_the_selection(state: ExplorerState, heard) -> None:
    state.set_filter(FilterState(places=frozenset({"atlantis"})))
    heard.clear()
    state.step_selection(1)
    assert heard == [] and state.selection is None


# -- saving and restoring the view --------------------------------------------------------------------

def test_a_view_is_saved_and_restored_the_same(state: ExplorerState, heard) -> None:
    state.set_filter(PROTEST.with_(reviewer="weiss-2021", places=frozenset({"novocherkassk"})))
    state.set_grouping("place")
    state.set_view_range(1960.0, 1964.0)
    state.select("novocherkassk-massacre")
    view = state.view_state()
    assert ViewState.from_dict(view.to_dict()) == view
    assert view.to_dict()["range"] == [1960.0, 1964.0] and view.to_dict()["grouping"] == "place"
    fresh = ExplorerState()
    fresh.open_store(SHIPPED_STORE)
    listened = Recorder()
    fresh.subscribe(listened)
    assert fresh.restore(view) == []
    assert fresh.view_state() == view
    assert listened.kinds() == ["GroupingChanged", "LanesChanged", "RangeChanged", "ShownChanged",
                                "FilterChanged", "LanesChanged", "ShownChanged", "SelectionChanged"]
    assert np.array_equal(fresh.mask, state.mask)
    fresh.close_store()


def test_restoring_drops_what_the_store_lacks_and_names_it(state: ExplorerState) -> None:
    view = ViewState(FilterState(places=frozenset({"zz-atlantis", "moscow", "aa-nowhere"}),
                                 themes=frozenset({"protest", "ghosts"}), reviewer="smith-1999", disputed_only=True),
                     "reviewer", (1950.0, 1970.0), "no-such-event")
    dropped = state.restore(view)
    assert dropped == ["place 'aa-nowhere'", "place 'zz-atlantis'", "theme 'ghosts'", "reviewer 'smith-1999'",
                       "event 'no-such-event'"]
    assert state.filter == FilterState(places=frozenset({"moscow"}), themes=frozenset({"protest"}),
                                       disputed_only=True)
    assert state.grouping == "reviewer" and state.view_range == (1950.0, 1970.0) and state.selection is None


@pytest.mark.parametrize("reviewer", ["any", "both", "only-one", "doyle-2021"])
def test_restoring_keeps_every_reviewer_choice_the_store_knows(state: ExplorerState, reviewer: str) -> None:
    assert state.restore(ViewState(FilterState(reviewer=reviewer), selection="thaw")) == []
    assert state.filter.reviewer == reviewer and state.selection == "thaw"


def test_a_view_saved_on_another_store_keeps_what_this_one_has(state: ExplorerState) -> None:
    view = ViewState(FilterState(themes=frozenset({"repression"})), "theme", DEFAULT_RANGE, "novocherkassk-massacre")
    assert state.restore(view) == []
    assert state.selection == "novocherkassk-massacre" and state.filter == view.filter


def test_a_saved_view_is_plain_json() -> None:
    view = ViewState(FilterState(themes=frozenset({"a"})), "place", (1950.5, 1960.0), "e1")
    assert view.to_dict() == {"filter": FilterState(themes=frozenset({"a"})).to_dict(), "grouping": "place",
                              "range": [1950.5, 1960.0], "selection": "e1"}
    assert ViewState().to_dict() == {"filter": FilterState().to_dict(), "grouping": "theme",
                                     "range": [1917.0, 1992.0], "selection": None}


@pytest.mark.parametrize(("data", "damaged"), [
    (None, ["the whole view"]), ([1, 2], ["the whole view"]), ("view", ["the whole view"]),
    ({}, []),
    ({"grouping": "colour"}, ["grouping"]), ({"grouping": None}, ["grouping"]), ({"grouping": ["theme"]}, ["grouping"]),
    ({"range": [1970, 1960]}, ["years"]), ({"range": [1960, 1960]}, ["years"]),
    ({"range": [math.nan, 1960]}, ["years"]), ({"range": [1950, math.inf]}, ["years"]),
    ({"range": [1950, -math.inf]}, ["years"]), ({"range": [1950, math.nan]}, ["years"]),
    ({"range": [True, 1960]}, ["years"]), ({"range": [1950, False]}, ["years"]),
    ({"range": ["1950", 1960]}, ["years"]), ({"range": [1950, "1960"]}, ["years"]), ({"range": [1950]}, ["years"]),
    ({"range": [1950, 1960, 1970]}, ["years"]), ({"range": "1950-1960"}, ["years"]), ({"range": None}, ["years"]),
    ({"range": [0.5, 1960]}, ["years"]), ({"range": [1950, 10000]}, ["years"]),
    ({"selection": 5}, ["selection"]), ({"selection": ["e1"]}, ["selection"]),
    ({"filter": "protest"}, ["filter"]), ({"filter": ["themes"]}, ["filter"]),
    ({"grouping": 3, "range": [2, 1], "selection": {}, "filter": 0}, ["grouping", "years", "selection", "filter"]),
])
def test_damaged_parts_of_a_saved_view_are_left_out_and_named(data, damaged: list[str]) -> None:
    view, found = ViewState.parse(data)
    assert found == damaged
    expected = ViewState()
    assert view == expected
    assert ViewState.from_dict(data) == expected


def test_the_good_parts_of_a_damaged_view_are_kept() -> None:
    data = {"grouping": "reviewer", "range": [1950, math.nan], "selection": "thaw",
            "filter": {"themes": ["protest"], "reviewer": 3}}
    view, damaged = ViewState.parse(data)
    assert damaged == ["years"]
    assert view == ViewState(FilterState(themes=frozenset({"protest"})), "reviewer", DEFAULT_RANGE, "thaw")


@pytest.mark.parametrize("years", [[1.0, 9999.0], (1950, 1960), [1950.25, 1950.5], [1, 2]])
def test_any_sensible_years_are_read_back(years) -> None:
    view, damaged = ViewState.parse({"range": years})
    assert damaged == [] and view.view_range == (float(years[0]), float(years[1]))
    assert all(type(v) is float for v in view.view_range)

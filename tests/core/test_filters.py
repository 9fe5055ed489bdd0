"""The filter shows exactly the events a person asked for, whatever the combination, and says so in words."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from model_catalogs import PLACES, SOURCES, THEMES, Event, brute_counts, brute_mask, catalog_of, events, subsets

from timeline_app.model.catalog import empty_catalog
from timeline_app.model.filters import YEARS, FilterState, combine, facet_counts, facet_masks, filter_mask

REVIEWERS = ("any", "both", "only-one", *SOURCES, "nobody")
LAYERS = ("history", "film", "reception")


def sometimes(strategy, empty):
    """``strategy`` one time in three, else ``empty``: most facets stay off, so events pass and counts are real."""
    return st.sampled_from([False, False, True]).flatmap(lambda on: strategy if on else st.just(empty))


@st.composite
def filter_states(draw) -> FilterState:
    return FilterState(
        places=draw(sometimes(subsets((*PLACES, "atlantis"), 2), frozenset())),
        themes=draw(sometimes(subsets((*THEMES, "no-such-theme"), 2), frozenset())),
        reviewer=draw(st.sampled_from(REVIEWERS)),
        disputed_only=draw(sometimes(st.booleans(), False)),
        search=draw(st.sampled_from(["", "strike"])),
        layers=draw(sometimes(subsets(LAYERS, 2), frozenset())),
    )


@st.composite
def cases(draw):
    evs = draw(events())
    bits = draw(sometimes(st.integers(0, (1 << len(evs)) - 1), None))
    hits = None if bits is None else [bool(bits >> k & 1) for k in range(len(evs))]
    years = draw(sometimes(st.tuples(st.integers(1890, 2010), st.integers(0, 60)).map(
        lambda t: (float(t[0]), float(t[0] + t[1]))), None))
    return evs, draw(filter_states()), hits, years


@settings(max_examples=100, deadline=None)
@given(cases())
def test_every_filter_combination_shows_what_a_hand_check_finds(case) -> None:
    evs, state, hits, years = case
    catalog = catalog_of(evs)
    hit_mask = None if hits is None else np.array(hits, dtype=bool)
    shown = filter_mask(catalog, state, hit_mask, years)
    assert shown.dtype == bool and shown.shape == (len(evs),)
    assert shown.tolist() == brute_mask(evs, state, hits, years)


@settings(max_examples=100, deadline=None)
@given(cases())
def test_every_count_is_what_ticking_that_value_would_add(case) -> None:
    evs, state, hits, years = case
    catalog = catalog_of(evs)
    hit_mask = None if hits is None else np.array(hits, dtype=bool)
    expected = brute_counts(evs, state, hits, years)
    assert facet_counts(catalog, state, hit_mask, years) == expected
    # Handing in the masks already computed gives the same counts.
    masks = facet_masks(catalog, state, hit_mask, years)
    assert facet_counts(catalog, state, masks=masks) == expected


def _event(themes=(), places=(), sources=(), start=1960.0, end=None, certainty=0, claims=False, layer=0) -> Event:
    return Event(start, start if end is None else end, frozenset(themes), frozenset(places), frozenset(sources),
                 certainty, claims, layer)


def test_ticking_a_theme_keeps_the_other_themes_counts() -> None:
    evs = [_event(["army"]), _event(["army", "bread"]), _event(["bread"]), _event(["church"])]
    catalog = catalog_of(evs)
    before = facet_counts(catalog, FilterState())["themes"]
    after = facet_counts(catalog, FilterState(themes=frozenset({"army"})))["themes"]
    assert before == after == {"army": 2, "bread": 2, "church": 1, "dam": 0}
    # ...while another facet narrows them.
    narrowed = facet_counts(catalog, FilterState(places=frozenset({"kiev"})))["themes"]
    assert narrowed == {"army": 0, "bread": 0, "church": 0, "dam": 0}


def test_ticking_two_themes_shows_events_with_either() -> None:
    evs = [_event(["army"]), _event(["bread"]), _event(["church"]), _event()]
    shown = filter_mask(catalog_of(evs), FilterState(themes=frozenset({"army", "bread"})))
    assert shown.tolist() == [True, True, False, False]


def test_reviewer_choices_split_events_by_how_many_reviewers_discuss_them() -> None:
    evs = [_event(sources=[]), _event(sources=["s1"]), _event(sources=["s2"]), _event(sources=["s1", "s2"]),
           _event(sources=["s1", "s2", "s3"])]
    catalog = catalog_of(evs)
    assert filter_mask(catalog, FilterState(reviewer="any")).tolist() == [True] * 5
    assert filter_mask(catalog, FilterState(reviewer="both")).tolist() == [False, False, False, True, True]
    assert filter_mask(catalog, FilterState(reviewer="only-one")).tolist() == [False, True, True, False, False]
    assert filter_mask(catalog, FilterState(reviewer="s1")).tolist() == [False, True, False, True, True]
    assert filter_mask(catalog, FilterState(reviewer="nobody")).tolist() == [False] * 5
    # Whichever is chosen, each choice counts what it would show.
    for reviewer in REVIEWERS:
        counts = facet_counts(catalog, FilterState(reviewer=reviewer))["reviewer"]
        assert counts == {"any": 5, "both": 2, "only-one": 2, "s1": 3, "s2": 3, "s3": 1}


def test_disputed_means_marked_disputed_or_carrying_claims() -> None:
    evs = [_event(certainty=0), _event(certainty=2), _event(certainty=1, claims=True), _event(certainty=3)]
    catalog = catalog_of(evs)
    assert filter_mask(catalog, FilterState(disputed_only=True)).tolist() == [False, True, True, False]
    assert facet_counts(catalog, FilterState())["disputed"] == {"yes": 2}


def test_layers_pick_history_film_or_reception() -> None:
    evs = [_event(layer=0), _event(layer=1), _event(layer=2), _event(layer=1)]
    catalog = catalog_of(evs)
    assert filter_mask(catalog, FilterState(layers=frozenset({"film"}))).tolist() == [False, True, False, True]
    both = FilterState(layers=frozenset({"history", "reception"}))
    assert filter_mask(catalog, both).tolist() == [True, False, True, False]
    assert facet_counts(catalog, both)["layers"] == {"history": 1, "film": 2, "reception": 1}


def test_an_event_of_no_known_layer_is_shown_by_no_layer_choice() -> None:
    catalog = catalog_of([_event(layer=0), _event(layer=3)])
    assert filter_mask(catalog, FilterState()).tolist() == [True, True]
    for layer in LAYERS:
        assert not filter_mask(catalog, FilterState(layers=frozenset({layer})))[1]
    assert facet_counts(catalog, FilterState())["layers"] == {"history": 1, "film": 0, "reception": 0}


def test_years_keep_every_event_touching_the_view() -> None:
    evs = [_event(start=1940.0, end=1950.0), _event(start=1955.0), _event(start=1960.0, end=1961.0),
           _event(start=1961.5)]
    catalog = catalog_of(evs)
    assert filter_mask(catalog, FilterState(), years=(1950.0, 1960.0)).tolist() == [True, True, True, False]
    assert filter_mask(catalog, FilterState(), years=(1950.5, 1959.0)).tolist() == [False, True, False, False]
    masks = facet_masks(catalog, FilterState(), None, (1950.0, 1960.0))
    assert list(masks) == [YEARS]
    # The years narrow every count, including the facet's own.
    assert facet_counts(catalog, FilterState(), years=(1961.2, 1970.0))["reviewer"]["any"] == 1
    # Back to the first years (their mask is kept between clicks): the same answer, and no caller can spoil it.
    again = filter_mask(catalog, FilterState(), years=(1950.0, 1960.0))
    assert again.tolist() == [True, True, True, False]
    kept = facet_masks(catalog, FilterState(), None, (1950.0, 1960.0))[YEARS]
    with pytest.raises(ValueError):
        kept[3] = True
    assert filter_mask(catalog, FilterState(), years=(1950.0, 1960.0)).tolist() == [True, True, True, False]


def test_search_hits_narrow_the_events_and_every_count() -> None:
    evs = [_event(["army"]), _event(["army"]), _event(["bread"])]
    catalog = catalog_of(evs)
    hits = np.array([True, False, True])
    assert filter_mask(catalog, FilterState(search="x"), hits).tolist() == [True, False, True]
    assert facet_counts(catalog, FilterState(search="x"), hits)["themes"]["army"] == 1


def test_no_filter_means_no_masks_and_every_event() -> None:
    catalog = catalog_of([_event(), _event()])
    assert facet_masks(catalog, FilterState(), None) == {}
    assert filter_mask(catalog, FilterState()).tolist() == [True, True]


def test_combine_leaves_out_only_the_facets_named() -> None:
    masks = {"a": np.array([True, False, True]), "b": np.array([True, True, False])}
    assert combine(3, masks).tolist() == [True, False, False]
    assert combine(3, masks, ("a",)).tolist() == [True, True, False]
    assert combine(3, masks, ("a", "b")).tolist() == [True, True, True]
    assert combine(0, {}).tolist() == []


def test_an_empty_store_counts_zero_everywhere() -> None:
    counts = facet_counts(empty_catalog(), FilterState(themes=frozenset({"x"})), years=(1900.0, 2000.0))
    assert counts["reviewer"] == {"any": 0, "both": 0, "only-one": 0}
    assert counts["layers"] == {"history": 0, "film": 0, "reception": 0}
    assert counts["places"] == counts["themes"] == {} and counts["disputed"] == {"yes": 0}


# -- saving and reading the filter --------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(filter_states())
def test_a_saved_filter_comes_back_the_same(state: FilterState) -> None:
    data = state.to_dict()
    assert FilterState.from_dict(json.loads(json.dumps(data))) == state


def test_a_saved_filter_is_plain_sorted_json() -> None:
    state = FilterState(places=frozenset({"omsk", "kiev"}), themes=frozenset({"dam", "army"}), reviewer="s1",
                        disputed_only=True, search="bread riot", layers=frozenset({"reception", "film"}))
    assert state.to_dict() == {"places": ["kiev", "omsk"], "themes": ["army", "dam"], "reviewer": "s1",
                               "disputed_only": True, "search": "bread riot", "layers": ["film", "reception"]}
    assert FilterState().to_dict() == {"places": [], "themes": [], "reviewer": "any", "disputed_only": False,
                                       "search": "", "layers": []}


@pytest.mark.parametrize("data", [None, "themes", 3, [], ["places"], {"nonsense": 1}])
def test_a_damaged_saved_filter_gives_no_filter(data) -> None:
    assert FilterState.from_dict(data) == FilterState()


def test_malformed_parts_of_a_saved_filter_are_left_out_and_the_rest_kept() -> None:
    data = {"places": "kiev", "themes": ["army", 3, None, "bread"], "reviewer": 7, "disputed_only": "yes",
            "search": ["x"], "layers": {"film": True}}
    assert FilterState.from_dict(data) == FilterState(themes=frozenset({"army", "bread"}))
    good = {"places": ["kiev"], "themes": 1, "reviewer": "both", "disputed_only": 1, "search": "tank",
            "layers": ["film", 2]}
    assert FilterState.from_dict(good) == FilterState(places=frozenset({"kiev"}), reviewer="both", search="tank",
                                                      layers=frozenset({"film"}))
    assert FilterState.from_dict({"disputed_only": True}).disputed_only is True


def test_with_changes_only_what_is_named() -> None:
    state = FilterState(themes=frozenset({"army"}), reviewer="both")
    changed = state.with_(disputed_only=True)
    assert changed == FilterState(themes=frozenset({"army"}), reviewer="both", disputed_only=True)
    assert state.disputed_only is False


# -- the filter in words ------------------------------------------------------------------------------

def test_no_filter_reads_all_events() -> None:
    assert FilterState().describe(empty_catalog()) == "All events"
    assert FilterState(search="   ").describe(empty_catalog()) == "All events"


def test_every_filter_is_described_by_name_in_a_fixed_order() -> None:
    catalog = catalog_of([], theme_names={"army": "Red Army", "bread": "Bread riots"},
                         place_names={"kiev": "Kyiv"}, source_names={"s1": "Clare Doyle"})
    state = FilterState(places=frozenset({"kiev", "zz-unknown"}), themes=frozenset({"bread", "army", "dam"}),
                        reviewer="s1", disputed_only=True, search="  strike ",
                        layers=frozenset({"reception", "history", "film"}))
    assert state.describe(catalog) == (
        "Themes: Bread riots, Red Army, dam; Places: Kyiv, zz-unknown; discussed by Clare Doyle; "
        'only disputed events; Layers: history, film scenes, the film\'s reception; matching "strike"')


@pytest.mark.parametrize(("reviewer", "words"), [
    ("both", "discussed by both reviewers"), ("only-one", "discussed by one reviewer only"),
    ("s9", "discussed by s9"), ("s1", "discussed by Clare Doyle"),
])
def test_the_reviewer_choice_in_words(reviewer: str, words: str) -> None:
    catalog = catalog_of([], source_names={"s1": "Clare Doyle"})
    assert FilterState(reviewer=reviewer).describe(catalog) == words


def test_layers_are_described_in_their_own_order_with_unknown_ones_left_out() -> None:
    state = FilterState(layers=frozenset({"reception", "film", "bogus"}))
    assert state.describe(empty_catalog()) == "Layers: film scenes, the film's reception"

"""The small parts behind import and export of other timelines: plain text from HTML, ids, colours, dates, home."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.export.timeline_files import _from_decimal, _rgb, _times
from timeline_app.ingest.html_text import plain_text
from timeline_app.ingest.own_entries import (
    PALETTE,
    Ids,
    Named,
    colour,
    dates_of_edtf,
    hex_colour,
    is_uncertain,
    iso_bounds,
    slug,
)
from timeline_app.store.dates import DateError
from timeline_app.store.home_range import MIN_SPAN, data_home, home_range_problem, named_home


@pytest.mark.parametrize(("markup", "text"), [
    ("plain words", "plain words"),
    ("  spaced   out  ", "spaced out"),
    ("<b>Tom</b> &amp; <a href='u'>Jerry</a>", "Tom & Jerry (u)"),
    ("<a href='https://x.org'>https://x.org</a>", "https://x.org"),  # the words are the address
    ("<a href='https://x.org'></a>", "https://x.org"),  # a link with no words: its address
    ("<a href='#top'>Top</a> <a>bare</a>", "Top bare"),  # in-page and missing addresses are not text
    ("one<br>two<br/>three", "one\ntwo\nthree"),
    ("<p>one</p><p>two</p>", "one\ntwo"),
    ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
    ("a<script>alert(1)</script>b<style>p{}</style>c", "abc"),
    ("x&nbsp;&nbsp;y &lt;z&gt; &#8212; &eacute;", "x y <z> — é"),
    ("broken <b>bold <i>and", "broken bold and"),
    ("&amp; only", "& only"),
])
def test_html_becomes_plain_text(markup: str, text: str) -> None:
    assert plain_text(markup) == text


@pytest.mark.parametrize(("name", "expected"), [
    ("Battle of Waterloo", "battle-of-waterloo"), ("  Crème brûlée!  ", "creme-brulee"),
    ("Октябрь", ""), ("a--b__c", "a-b-c"), ("x" * 70, "x" * 60), ("-Lead-", "lead"),
])
def test_slugs(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_ids_are_never_given_twice() -> None:
    ids = Ids({"war", "event-1"}, fallback="event")
    assert [ids.new(n) for n in ("War", "War", "Peace", "Октябрь", "Октябрь")] == [
        "war-2", "war-3", "peace", "event-2", "event-3"]


def test_named_finds_the_stores_names_and_creates_the_rest_once() -> None:
    themes = Named("themes", {"war": "War"}, {PALETTE[0]})
    assert themes.id_for(" war ") == "war" and themes.created == []
    assert themes.id_for("Peace") == themes.id_for("peace") == "peace"
    assert themes.keep("treaty", "Treaty") == "treaty" and themes.keep("war", "Other") == "war"
    assert [(r["id"], r["name"]) for r in themes.created] == [("peace", "Peace"), ("treaty", "Treaty")]
    assert themes.created[0]["color"] != PALETTE[0] and themes.created[0]["color"] != themes.created[1]["color"]
    places = Named("places", {})
    assert places.id_for("Moscow") == "moscow"
    assert places.created == [{"id": "moscow", "name": "Moscow", "kind": None, "latitude": None, "longitude": None}]


def test_colours_skip_those_used_and_wrap_around() -> None:
    assert colour(0) == PALETTE[0] and colour(1, {PALETTE[1].lower()}) == PALETTE[2]
    assert colour(len(PALETTE)) == PALETTE[0]
    assert colour(0, set(PALETTE)) == PALETTE[0]  # all used: start again


@pytest.mark.parametrize(("rgb", "expected"), [
    ("255,128,0", "#ff8000"), (" 0, 0 ,0 ", "#000000"), ("256,0,0", None), ("1,2", None), ("", None), ("a,b,c", None),
])
def test_timeline_colours(rgb: str, expected: str | None) -> None:
    assert hex_colour(rgb) == expected


@pytest.mark.parametrize(("first", "last", "expected"), [
    (date(1920, 1, 1), date(1929, 12, 31), ("1920", "1929")),
    (date(1930, 1, 1), date(1930, 12, 31), ("1930", "")),
    (date(1962, 6, 1), date(1962, 6, 30), ("1962-06", "")),
    (date(1962, 6, 1), date(1962, 8, 31), ("1962-06", "1962-08")),
    (date(1962, 2, 1), date(1964, 2, 29), ("1962-02", "1964-02")),
    (date(1962, 6, 2), date(1962, 6, 2), ("1962-06-02", "")),
    (date(1962, 6, 1), date(1962, 6, 2), ("1962-06-01", "1962-06-02")),
    (date(1962, 1, 1), date(1962, 12, 30), ("1962-01-01", "1962-12-30")),
    (date(1985, 1, 1), None, ("1985-01-01", "")),
    (None, date(1917, 12, 31), ("1917-12-31", "")),
    (None, None, ("", "")),
])
def test_iso_bounds_are_as_coarse_as_the_days_allow(first, last, expected) -> None:
    assert iso_bounds(first, last) == expected


def test_edtf_dates_and_their_uncertainty() -> None:
    assert dates_of_edtf("../1917-11") == ("1917-11", "")
    assert dates_of_edtf("1930~/..") == ("1930", "")
    with pytest.raises(DateError):
        dates_of_edtf("soon")
    assert [is_uncertain(t) for t in ("1930~", "1962?", "192X", "1985/..", "1962%", "1962-06-02", "1929/1933")] == [
        True, True, True, True, True, False, False]


def test_a_named_home_range_and_the_datas_own() -> None:
    assert named_home("1917/1991") == (1917.0, 1992.0)
    assert named_home("1962-06") == pytest.approx((1962 + 151 / 365, 1962 + 181 / 365))
    assert named_home("1985/..") is None and named_home("nonsense") is None and named_home(None) is None
    assert home_range_problem("1917/1991") is None
    assert "both ends" in home_range_problem("1985/..")
    assert "EDTF" in home_range_problem("nonsense")
    assert data_home(1815.0, 1986.0) == pytest.approx((1815 - 171 * 0.02, 1986 + 171 * 0.08))
    low, high = data_home(1962.5, 1962.51)
    assert high - low == pytest.approx(MIN_SPAN) and (low + high) / 2 == pytest.approx(1962.505)


def test_timeline_times_and_colours_as_timeline_writes_them() -> None:
    assert _times("1962-06", "") == ("1962-06-01 00:00:00", "1962-06-30 23:59:59")
    assert _times("0900", "0901-02") == ("900-01-01 00:00:00", "901-02-28 23:59:59")
    assert _rgb("#ff8000") == "255,128,0" and _rgb("#zzzzzz") == "200,200,200" and _rgb("") == "200,200,200"
    assert _from_decimal(1962.5) == date(1962, 7, 2) and _from_decimal(1917.0) == date(1917, 1, 1)
    assert _from_decimal(0.5) == date(1, 1, 1)

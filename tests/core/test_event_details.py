"""What the excerpt and commentary panes show about one event, read from small and hand-made stores."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from old_stores import make_version_1

from timeline_app.model.catalog import load_catalog
from timeline_app.sources.event_details import EventDetails, PassageView, SourceInfo, event_details
from timeline_app.store.event_store import EventStore, Quote

WEISS = SourceInfo("weiss-2021", "Clara Weiss", "Dear Comrades", "World Socialist Web Site", "9 February 2021",
                   "https://www.wsws.org")
DOYLE = SourceInfo("doyle-2021", "Clare Doyle", "Film Review: Dear Comrades!", "The Socialist", "17 February 2021",
                   "https://www.socialistparty.org.uk")


def _details(path: Path, event_id: str) -> EventDetails | None:
    store = EventStore(path)
    return event_details(store, load_catalog(store), event_id)


def _hand_made(small_store: Path, *statements: str, name: str = "hand.db") -> Path:
    """A copy of the small store changed by ``statements`` (as another tool might have written it)."""
    copy = small_store.with_name(name)
    shutil.copy(small_store, copy)
    conn = sqlite3.connect(copy)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return copy


def _doyle_offsets(small_store: Path, quote: str) -> tuple[int, int]:
    text = sqlite3.connect(small_store).execute("select text from sources where id = 'doyle-2021'").fetchone()[0]
    start = text.index(quote)
    return start, start + len(quote)


# -- the small store ---------------------------------------------------------------------------------


def test_an_events_facts_as_a_person_reads_them(small_store: Path) -> None:
    details = _details(small_store, "massacre")
    assert details is not None
    assert (details.id, details.title, details.when, details.certainty) == (
        "massacre", "Troops fire on the demonstration", "2 June 1962", "exact")
    assert details.places == ["Novocherkassk"]
    assert details.themes == ["Strikes and uprisings", "Terror and repression"]
    assert details.summary == "Soldiers fire on a demonstration of striking workers."


def test_a_range_is_shown_from_start_to_end(small_store: Path) -> None:
    details = _details(small_store, "strike")
    assert details is not None
    assert details.when == "June 1962 – 2 June 1962"
    assert details.certainty == "approximate"
    assert details.themes == ["Strikes and uprisings"]


def test_the_sources_are_named_in_the_stores_order(small_store: Path) -> None:
    details = _details(small_store, "strike")
    assert details is not None
    assert details.sources == [WEISS, DOYLE]
    assert details.source("doyle-2021") == DOYLE
    assert details.source("weiss-2021") == WEISS


def test_a_source_the_store_lacks_is_named_by_its_id(small_store: Path) -> None:
    details = _details(small_store, "strike")
    assert details is not None
    assert details.source("gone-2020") == SourceInfo("gone-2020", "gone-2020", "", "", "", "")


def test_excerpts_and_claims_are_grouped_with_their_paragraphs(small_store: Path) -> None:
    details = _details(small_store, "massacre")
    assert details is not None
    assert [(p.quote.source_id, p.quote.kind) for p in details.excerpts] == [
        ("weiss-2021", "excerpt"), ("doyle-2021", "excerpt")]
    assert details.commentary == {}
    assert list(details.claims) == ["death toll"]
    [claim] = details.claims["death toll"]
    assert claim.quote.value == "more than 80"
    for view in (*details.excerpts, claim):
        assert view.verified
        context = view.context
        assert context.paragraph[context.start:context.end] == view.quote.quote
        assert "\n\n" not in context.paragraph
    assert details.excerpts[1].context.paragraph.startswith("The true number of dead")
    assert claim.context.paragraph == details.excerpts[1].context.paragraph


def test_an_old_store_says_where_its_dates_come_from_is_unknown(small_store: Path) -> None:
    details = _details(make_version_1(small_store, small_store.with_name("v1.db")), "massacre")
    assert details is not None
    assert details.provenance_known is False
    assert (details.layer, details.date_basis, details.date_text, details.calendar) == (
        "history", "unknown", "", "gregorian")
    assert details.outside_facts == []


def test_the_sources_discussing_an_event_follow_the_sources_order(small_store: Path) -> None:
    massacre, strike = _details(small_store, "massacre"), _details(small_store, "strike")
    assert massacre.discussing == ["weiss-2021", "doyle-2021"]
    assert strike.discussing == ["doyle-2021"]


def test_an_event_the_store_lacks_has_no_details(small_store: Path) -> None:
    assert _details(small_store, "no-such-event") is None


def test_an_event_in_the_catalog_but_gone_from_the_store_has_no_details(small_store: Path) -> None:
    changed = _hand_made(small_store, "delete from excerpts where event_id = 'strike'",
                         "delete from outside_facts where event_id = 'strike'",
                         "delete from event_places where event_id = 'strike'",
                         "delete from event_themes where event_id = 'strike'", "delete from events where id = 'strike'")
    catalog = load_catalog(EventStore(small_store))
    assert event_details(EventStore(changed), catalog, "strike") is None


def test_names_the_catalog_lacks_are_shown_as_ids(small_store: Path) -> None:
    store = EventStore(small_store)
    catalog = load_catalog(store)
    catalog.place_names.clear()
    catalog.theme_names.clear()
    details = event_details(store, catalog, "massacre")
    assert details.places == ["novocherkassk"]
    assert details.themes == ["protest", "repression"]


# -- hand-made stores ----------------------------------------------------------------------------


def test_commentary_is_grouped_by_source_and_claims_by_sorted_topic(small_store: Path) -> None:
    a = _doyle_offsets(small_store, "The uprising started")
    b = _doyle_offsets(small_store, "Some estimates")
    path = _hand_made(
        small_store,
        f"insert into commentary (event_id, source_id, quote, start, [end]) values "
        f"('massacre', 'doyle-2021', 'The uprising started', {a[0]}, {a[1]})",
        "insert into commentary (event_id, source_id, quote, start, [end]) values "
        "('massacre', 'weiss-2021', 'not located', null, null)",
        f"insert into commentary (event_id, source_id, quote, start, [end]) values "
        f"('massacre', 'doyle-2021', 'Some estimates', {b[0]}, {b[1]})",
        "insert into claims (event_id, topic, source_id, quote, value) values "
        "('massacre', 'who gave the order', 'weiss-2021', 'x', 'Mikoyan')",
        "insert into claims (event_id, topic, source_id, quote, value) values "
        "('massacre', 'arrests', 'doyle-2021', 'y', 'hundreds')",
        "insert into claims (event_id, topic, source_id, quote, value) values "
        "('massacre', 'death toll', 'weiss-2021', 'z', '26')",
    )
    details = _details(path, "massacre")
    assert list(details.commentary) == ["doyle-2021", "weiss-2021"]
    assert [p.quote.quote for p in details.commentary["doyle-2021"]] == ["The uprising started", "Some estimates"]
    assert all(p.verified for p in details.commentary["doyle-2021"])
    assert [p.verified for p in details.commentary["weiss-2021"]] == [False]
    assert list(details.claims) == ["arrests", "death toll", "who gave the order"]
    assert [p.quote.value for p in details.claims["death toll"]] == ["more than 80", "26"]
    assert [p.quote.kind for p in details.excerpts] == ["excerpt", "excerpt"]


def test_a_source_known_only_through_commentary_or_claims_is_discussing(small_store: Path) -> None:
    path = _hand_made(
        small_store,
        "insert into commentary (event_id, source_id, quote) values ('strike', 'weiss-2021', 'c')",
        "insert into sources (id, author, title) values ('later-2022', 'A. N. Other', 'More')",
        "insert into claims (event_id, topic, source_id, quote, value) values ('strike', 't', 'later-2022', 'q', 'v')",
    )
    details = _details(path, "strike")
    assert details.discussing == ["later-2022", "weiss-2021", "doyle-2021"]
    assert details.sources[0] == SourceInfo("later-2022", "A. N. Other", "More", "", "", "")


def test_quotes_that_cannot_be_verified_have_no_context(small_store: Path) -> None:
    start, end = _doyle_offsets(small_store, "The uprising started")
    path = _hand_made(
        small_store,
        "insert into sources (id) values ('blank-2020')",
        "insert into excerpts (event_id, source_id, quote, start, [end]) values "
        "('strike', 'blank-2020', 'anything', 0, 8)",  # its source has no text
        f"insert into excerpts (event_id, source_id, quote, start, [end]) values "
        f"('strike', 'doyle-2021', 'The uprising started', {start + 1}, {end + 1})",  # offsets one off
        f"insert into excerpts (event_id, source_id, quote, start, [end]) values "
        f"('strike', 'doyle-2021', 'The uprising started', {start}, null)",  # no end
        f"insert into excerpts (event_id, source_id, quote, start, [end]) values "
        f"('strike', 'doyle-2021', 'The uprising started', null, {end})",  # no start
        f"insert into excerpts (event_id, source_id, quote, start, [end]) values "
        f"('strike', 'doyle-2021', 'The uprising started', {start}, {end})",  # right
        "insert into excerpts (event_id, source_id, quote, start, [end]) values "
        "('strike', 'doyle-2021', 'Film Review', 0, 11)",  # right, at the very start
    )
    details = _details(path, "strike")
    assert [p.verified for p in details.excerpts] == [True, False, False, False, False, True, True]
    assert [p.context for p in details.excerpts[1:5]] == [None] * 4
    assert details.excerpts[-1].context.paragraph == "Film Review: Dear Comrades!"
    assert (details.excerpts[-1].context.start, details.excerpts[-1].context.end) == (0, 11)
    assert details.source("blank-2020") == SourceInfo("blank-2020", "blank-2020", "", "", "", "")


def test_a_newer_store_tells_layer_date_basis_and_outside_facts(small_store: Path) -> None:
    path = _hand_made(  # the small store is version 2; its strike is left with empty provenance cells
        small_store,
        "update events set layer = 'film', date_basis = 'film', date_text = '1962-06-02?', calendar = 'julian' "
        "where id = 'massacre'",
        "update events set layer = null, date_basis = null, date_text = null, calendar = null where id = 'strike'",
        "delete from outside_facts",
        "insert into outside_facts (event_id, fact, ref) values ('massacre', 'Curfew declared', 'Kozlov 2002, p. 310')",
        "insert into outside_facts (event_id, fact, ref) values ('strike', 'Prices rose', 'Pravda')",
        "insert into outside_facts (event_id, fact, ref) values ('massacre', 'Second fact', null)",
    )
    massacre, strike = _details(path, "massacre"), _details(path, "strike")
    assert massacre.provenance_known is True
    assert (massacre.layer, massacre.date_basis, massacre.date_text, massacre.calendar) == (
        "film", "film", "1962-06-02?", "julian")
    assert massacre.outside_facts == [("Curfew declared", "Kozlov 2002, p. 310"), ("Second fact", "")]
    assert strike.provenance_known is True
    assert (strike.layer, strike.date_basis, strike.date_text, strike.calendar) == (
        "history", "unknown", "", "gregorian")
    assert strike.outside_facts == [("Prices rose", "Pravda")]


def test_voices_are_labelled_as_the_passages_record_them(small_store: Path) -> None:
    rows = [("film", "Lyuda (fictional)"), ("film", None), ("quoted", "V. A. Kozlov (historian)"), ("quoted", None),
            ("reviewer", "he = Mikoyan"), (None, None)]
    path = _hand_made(small_store, *(
        "insert into commentary (event_id, source_id, quote, voice, speaker, note) values "
        f"('strike', 'weiss-2021', 'q{n}', {_sql(voice)}, {_sql(speaker)}, 'note {n}')"
        for n, (voice, speaker) in enumerate(rows)))
    details = _details(path, "strike")
    views = details.commentary["weiss-2021"]
    assert [v.voice_label for v in views] == [
        "retelling the film: Lyuda (fictional)", "retelling the film", "quoting V. A. Kozlov (historian)",
        "quoting someone else", "he = Mikoyan", ""]
    assert [v.quote.note for v in views] == [f"note {n}" for n in range(len(rows))]
    assert views[-1].quote.voice == "reviewer"


def _sql(value: str | None) -> str:
    return "null" if value is None else f"'{value}'"


@pytest.mark.parametrize(("voice", "speaker", "label"), [
    ("film", "Lyuda (fictional)", "retelling the film: Lyuda (fictional)"),
    ("film", "", "retelling the film"),
    ("quoted", "V. A. Kozlov (historian)", "quoting V. A. Kozlov (historian)"),
    ("quoted", "", "quoting someone else"),
    ("reviewer", "he = Mikoyan", "he = Mikoyan"),
    ("reviewer", "", ""),
])
def test_a_passages_voice_label(voice: str, speaker: str, label: str) -> None:
    view = PassageView(Quote("excerpt", "e", "s", "q", None, None, voice=voice, speaker=speaker), None)
    assert view.voice_label == label
    assert view.verified is False


def test_empty_cells_of_a_store_opened_before_its_rows_are_checked_show_empty(small_store: Path) -> None:
    path = _hand_made(small_store, "update events set title = '', summary = null, certainty = '', start = '', "
                                   "[end] = null, date_text = null where id = 'strike'")
    store = EventStore(path, check_rows=False)  # as a large store opens: rows are checked after the window shows
    details = event_details(store, load_catalog(store), "strike")
    assert (details.title, details.summary, details.certainty, details.when) == ("", "", "", "")

"""The table and the two panes, without a window: each cell, each sort, each passage and side as a reader sees them.

The widgets are fed the shipped store's catalog and event details directly, so these tests stay quick.
"""

from __future__ import annotations

import html
import sqlite3
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt, QUrl

from conftest import SHIPPED_EVENTS, SHIPPED_STORE, shipped_rows
from timeline_app.gui.commentary_pane import CommentaryPane, commentary_html
from timeline_app.gui.event_table import COLUMNS, ID_ROLE, MAX_CELL_CHARS, EventTable, EventTableModel
from timeline_app.gui.excerpt_pane import ExcerptPane, passage_html, provenance_html
from timeline_app.model.catalog import load_catalog
from timeline_app.sources.event_details import event_details
from timeline_app.store.event_store import EventStore
from timeline_app.store.sort_keys import natural_keys

DISPLAY, TOOLTIP, DECORATION = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                Qt.ItemDataRole.DecorationRole)


sql = shipped_rows  # a query on the shipped store


@pytest.fixture(scope="module")
def shipped():
    store = EventStore(SHIPPED_STORE)
    yield store, load_catalog(store)
    store.close()


def model_of(catalog, positions=None) -> EventTableModel:
    model = EventTableModel()
    model.set_rows(catalog, np.arange(len(catalog)) if positions is None else np.asarray(positions))
    return model


def column(model: EventTableModel, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def ids(model: EventTableModel) -> list[str]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


# --- the table -------------------------------------------------------------------------------------------------


def test_the_table_has_a_row_per_event_shown_and_the_six_columns(qapp, shipped) -> None:
    _store, catalog = shipped
    model = model_of(catalog)
    assert model.rowCount() == SHIPPED_EVENTS and model.columnCount() == 6
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == list(COLUMNS)
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    some = [3, 10, 20]
    assert model_of(catalog, some).rowCount() == 3
    assert sorted(ids(model_of(catalog, some))) == sorted(catalog.ids[i] for i in some)
    assert model_of(catalog, []).rowCount() == 0


def test_each_cell_shows_the_events_own_values(qapp, shipped) -> None:
    _store, catalog = shipped
    model = model_of(catalog)
    row = ids(model).index("khrushchev-era")
    cells = [model.index(row, c).data() for c in range(6)]
    places = dict(sql("select id, name from places"))
    themes = dict(sql("select id, name from themes"))
    event_places = {places[p] for (p,) in sql("select place_id from event_places where event_id = 'khrushchev-era'")}
    event_themes = {themes[t] for (t,) in sql("select theme_id from event_themes where event_id = 'khrushchev-era'")}
    assert cells[0] == "7 September 1953 – 14 October 1964"
    assert cells[1] == sql("select title from events where id = 'khrushchev-era'")[0][0]
    assert set(cells[2].split(", ")) == event_places
    assert set(cells[3].split(", ")) == event_themes
    assert set(cells[4].split(", ")) <= {"Clare Doyle", "Clara Weiss"} and cells[4]
    assert cells[5] == "History"
    kinds = dict(zip(ids(model), column(model, 5), strict=True))
    assert kinds["film-lyudmila"] == "Film scene" and kinds["dear-comrades-venice"] == "Reception"
    assert column(model, 0)[ids(model).index("great-terror")] == "1936–1938"
    assert column(model, 0)[ids(model).index("stalin-death")] == "5 March 1953"


def test_the_tooltip_and_the_theme_colour(qapp, shipped) -> None:
    _store, catalog = shipped
    model = model_of(catalog)
    row = ids(model).index("stalin-death")
    for col in range(6):  # each cell's tooltip is its own text in full
        assert model.index(row, col).data(TOOLTIP) == \
            f"<p style='white-space:pre-wrap'>{html.escape(model.index(row, col).data())}</p>"
    theme = sql("select theme_id from event_themes where event_id = 'stalin-death'")
    colors = {c for (c,) in sql("select color from themes where id in (select theme_id from event_themes "
                                "where event_id = 'stalin-death')")}
    assert theme and model.index(row, 3).data(DECORATION).name().lower() in {c.lower() for c in colors}
    assert model.index(row, 1).data(DECORATION) is None


def test_the_table_starts_in_time_order_and_sorts_by_each_column_both_ways(qapp, shipped) -> None:
    _store, catalog = shipped
    table = EventTable()
    rng = np.random.default_rng(3)
    table.set_rows(catalog, rng.permutation(len(catalog)))
    model = table.source_model
    starts = dict(sql("select id, start_year from events"))
    assert [starts[i] for i in table.row_ids()] == sorted(starts.values())
    for col in range(1, 6):  # by the text shown, as a reader sorts: case and accents aside ("Périgny" < "Petrograd")
        table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
        shown = natural_keys(column(model, col))
        assert shown == sorted(shown), COLUMNS[col]
        if col == 2:
            places = column(model, 2)
            first = [next(i for i, t in enumerate(places) if t.startswith(p)) for p in ("Périgny", "Petrograd")]
            assert first[0] < first[1]
        table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
        shown = natural_keys(column(model, col))
        assert shown == sorted(shown, reverse=True), COLUMNS[col]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [starts[i] for i in table.row_ids()] == sorted(starts.values(), reverse=True)
    table.set_rows(catalog, np.arange(len(catalog)))  # new rows keep the order chosen
    assert [starts[i] for i in table.row_ids()] == sorted(starts.values(), reverse=True)
    assert table.row_ids() == ids(model)


def test_selecting_a_row_announces_its_event_and_select_event_is_quiet(qtbot, shipped) -> None:
    _store, catalog = shipped
    table = EventTable()
    qtbot.addWidget(table)
    table.set_rows(catalog, np.arange(len(catalog)))
    heard: list[str] = []
    table.sigEventSelected.connect(heard.append)
    table.select_event("stalin-death")
    assert heard == [] and table.currentIndex().data(ID_ROLE) == "stalin-death"
    assert table.row_ids()[table.currentIndex().row()] == "stalin-death"
    table.setCurrentIndex(table.model().index(4, 2))
    assert heard == [table.row_ids()[4]]
    table.select_event(None)
    assert not table.selectionModel().hasSelection()
    table.set_rows(catalog, np.array([catalog.index_of.get("thaw")]))
    table.select_event("stalin-death")  # not shown: nothing selected
    assert not table.selectionModel().hasSelection()


def test_row_of_finds_the_row_showing_an_event(qapp, shipped) -> None:
    _store, catalog = shipped
    model = model_of(catalog, [5, 2, 9])
    for position in (5, 2, 9):
        assert model.index(model.row_of(position), 0).data(ID_ROLE) == catalog.ids[position]
    assert model.row_of(7) is None


def test_a_huge_title_is_cut_in_the_cell(qapp, small_store) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set title = ? where id = 'strike'", ("W" * 5000,))
    conn.commit()
    conn.close()
    store = EventStore(small_store)
    try:
        model = model_of(load_catalog(store))
        row = ids(model).index("strike")
        assert model.index(row, 1).data() == "W" * MAX_CELL_CHARS
    finally:
        store.close()


# --- the excerpt pane ------------------------------------------------------------------------------------------


def test_the_excerpt_pane_shows_the_event_its_date_and_every_passage(qtbot, shipped) -> None:
    store, catalog = shipped
    pane = ExcerptPane()
    qtbot.addWidget(pane)
    assert "Select an event" in pane.toPlainText()
    details = event_details(store, catalog, "novocherkassk-massacre")
    pane.show_details(details)
    text = pane.toPlainText()
    title, summary = sql("select title, summary from events where id = 'novocherkassk-massacre'")[0]
    assert title in text and summary in text
    assert "Date: 2 June 1962 (disputed); a passage of the reviews states the date." in text
    quotes = [q for (q,) in sql("select quote from excerpts where event_id = 'novocherkassk-massacre'")]
    assert f"Passages ({len(quotes)})" in text
    assert all(q in text.replace("\n", " ").replace("\u2029", " ") or q[:30] in text for q in quotes)
    places = [n for (n,) in sql("select name from places where id in (select place_id from event_places "
                                "where event_id = 'novocherkassk-massacre')")]
    assert sorted(details.places) == sorted(places) and details.themes
    assert f"{', '.join(details.places)} · {', '.join(details.themes)}" in text
    assert "Not the historical record" not in text
    assert "Show in review" in text and "Unverified" not in text
    pane.show_details(None)
    assert "Select an event" in pane.toPlainText()


def test_a_film_scene_is_flagged_and_its_speaker_and_note_shown(qapp, shipped) -> None:
    store, catalog = shipped
    eid, speaker, note = sql("select event_id, speaker, note from excerpts where voice = 'film' and speaker != '' "
                             "and note != '' and event_id in (select id from events where layer = 'film') limit 1")[0]
    details = event_details(store, catalog, eid)
    pane = ExcerptPane()
    pane.show_details(details)
    text = pane.toPlainText()
    assert "Not the historical record: a scene of the film as the reviews tell it." in text
    assert f"(retelling the film: {speaker})" in text
    assert f"Editor's note: {note}" in text
    assert "the film's plot dates it" in text


def test_the_films_reception_is_flagged_as_not_the_record(qapp, shipped) -> None:
    store, catalog = shipped
    pane = ExcerptPane()
    pane.show_details(event_details(store, catalog, "dear-comrades-venice"))
    assert "Not the historical record: the film's making and reception as the reviews tell it." in pane.toPlainText()


def test_outside_facts_are_listed_with_their_references(qapp, shipped) -> None:
    store, catalog = shipped
    details = event_details(store, catalog, "stalin-death")
    html_text = provenance_html(details)
    for fact, ref in sql("select fact, ref from outside_facts where event_id = 'stalin-death'"):
        assert f"<li>{fact.replace(chr(39), '&#x27;')} <i>— {ref.replace(chr(39), '&#x27;')}</i></li>" in html_text
    assert "From outside the reviews:" in html_text
    bare = replace(details, outside_facts=[], provenance_known=False)
    assert "From outside the reviews" not in provenance_html(bare)
    assert "this store (contract version 1) does not record where dates come from" in provenance_html(bare)


def test_a_passage_links_into_its_review_and_the_link_is_announced(qtbot, shipped) -> None:
    store, catalog = shipped
    details = event_details(store, catalog, "stalin-death")
    view = details.excerpts[0]
    q = view.quote
    markup = passage_html(view, details)
    assert f"href='review:{q.source_id}:{q.start}:{q.end}'" in markup
    author = details.source(q.source_id).author
    assert f"<b>{author} — {details.source(q.source_id).publication}, {details.source(q.source_id).published}</b>" \
        in markup
    pane = ExcerptPane()
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.sigShowInReview) as signal:
        pane.anchorClicked.emit(QUrl(f"review:{q.source_id}:{q.start}:{q.end}"))
    assert signal.args == [q.source_id, q.start, q.end]
    heard: list = []
    pane.sigShowInReview.connect(lambda *a: heard.append(a))
    for bad in ("review:x:1", "http://example.org", "review:x:a:2", "other:x:1:2"):
        pane.anchorClicked.emit(QUrl(bad))
    assert heard == []


def test_an_unverified_passage_says_so_and_has_no_link(qapp, shipped) -> None:
    store, catalog = shipped
    details = event_details(store, catalog, "stalin-death")
    view = replace(details.excerpts[0], context=None)
    markup = passage_html(view, details)
    assert "Unverified: this source was registered without its text" in markup and "href=" not in markup


def test_store_text_in_the_panes_is_text_not_markup(qtbot, small_store) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set title = '<b>bold</b>', summary = '<img src=x>' where id = 'massacre'")
    conn.execute("update sources set author = '<a href=x>A</a>' where id = 'doyle-2021'")
    conn.commit()
    conn.close()
    store = EventStore(small_store)
    try:
        details = event_details(store, load_catalog(store), "massacre")
    finally:
        store.close()
    excerpt, commentary = ExcerptPane(), CommentaryPane()
    qtbot.addWidget(excerpt)
    qtbot.addWidget(commentary)
    excerpt.show_details(details)
    commentary.show_details(details)
    assert "<b>bold</b>" in excerpt.toPlainText() and "<img src=x>" in excerpt.toPlainText()
    assert "<a href=x>A</a>" in commentary.toPlainText()


# --- the commentary pane ---------------------------------------------------------------------------------------


def test_commentary_has_a_column_per_reviewer_and_says_who_is_silent(qtbot, shipped) -> None:
    store, catalog = shipped
    pane = CommentaryPane()
    qtbot.addWidget(pane)
    assert "side by side" in pane.toPlainText()
    (eid,) = sql("select event_id from excerpts group by event_id having count(distinct source_id) = 1 "
                 "and event_id not in (select event_id from commentary union select event_id from claims) limit 1")[0]
    (sid,) = sql("select source_id from excerpts where event_id = ?", (eid,))[0]
    authors = dict(sql("select id, author from sources"))
    other = next(a for s, a in authors.items() if s != sid)
    details = event_details(store, catalog, eid)
    pane.show_details(details)
    text = pane.toPlainText()
    assert f"Only {authors[sid]} discusses this event." in text
    assert "Reports the event without comment." in text
    assert f"{other} does not mention this event." in text
    first, second = (s.author for s in details.sources)  # the columns in the store's order of sources
    assert text.index(f"\n{first}\n") < text.index(f"\n{second}\n")


def test_each_reviewers_commentary_is_under_their_name(qapp, shipped) -> None:
    store, catalog = shipped
    eid, sid, quote = sql("select event_id, source_id, quote from commentary limit 1")[0]
    markup = commentary_html(event_details(store, catalog, eid))
    author = dict(sql("select id, author from sources"))[sid]
    cells = markup.split("<td")
    mine = next(c for c in cells if f">{author}</h3>" in c)
    assert quote.replace("'", "&#x27;").replace('"', "&quot;")[:40] in mine
    assert "width='50%'" in markup


def test_a_dispute_shows_every_side_and_the_records_reference(qapp, shipped) -> None:
    store, catalog = shipped
    eid, topic, value, ref = sql("select event_id, topic, value, ref from claims where coalesce(source_id, '') = '' "
                                 "limit 1")[0]
    details = event_details(store, catalog, eid)
    markup = commentary_html(details)
    sides = {s or "record" for (s,) in sql("select distinct source_id from claims where event_id = ? and topic = ?",
                                           (eid, topic))}
    heading = f"Sources disagree: {topic}" if len(sides) > 1 else None
    assert heading and heading.replace("'", "&#x27;") in markup
    assert f"<i>Rests on: {ref.replace(chr(39), '&#x27;')}</i>" in markup
    assert f"<b>{value.replace(chr(39), '&#x27;')}</b>" in markup
    assert "<i>The historical record</i>" in markup
    width = 100 // (len(details.sources) + 1)
    assert f"<td width='{width}%'" in markup
    silent = [s for s in details.sources if s.id not in sides]
    assert ("Makes no claim on this point." in markup) == bool(silent)


def test_a_claim_only_one_side_makes_is_headed_so(qapp, shipped) -> None:
    store, catalog = shipped
    details = event_details(store, catalog, "novocherkassk-massacre")
    topic, views = next(iter(details.claims.items()))
    one = views[:1]
    markup = commentary_html(replace(details, claims={topic: one}))
    who = details.source(one[0].quote.source_id).author if one[0].quote.source_id else "the historical record"
    assert f"Only {who} makes a claim: {topic}".replace("'", "&#x27;") in markup
    assert "Sources disagree" not in markup


def test_commentary_and_claims_show_their_editors_notes_and_speakers(qapp, shipped) -> None:
    store, catalog = shipped
    note = sql("select note from commentary where event_id = 'trotsky-murdered' and note != ''")[0][0]
    assert f"Editor's note: {html.escape(note)}" in commentary_html(event_details(store, catalog, "trotsky-murdered"))
    claim_note, speaker = sql("select note, speaker from claims where event_id = 'central-committee-delegation' "
                              "and speaker != ''")[0]
    markup = commentary_html(event_details(store, catalog, "central-committee-delegation"))
    assert f"Editor's note: {html.escape(claim_note)}" in markup and f"({html.escape(speaker)})" in markup

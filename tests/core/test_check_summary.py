"""`check` on whole stores: every problem of the contract, rows, quotes and provenance; flags; the summary."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from store_copies import edit, version_1_copy

from conftest import SHIPPED_STORE, shipped_count
from timeline_app.store.check import problems_of, store_flags, store_problems, store_summary
from timeline_app.store.dates import parse_date
from timeline_app.store.event_store import StoreError

# --- problems ------------------------------------------------------------------------------------


def test_a_sound_store_has_no_problems(small_store: Path) -> None:
    assert store_problems(small_store) == []
    assert store_problems(SHIPPED_STORE) == []


def test_a_broken_contract_is_named_without_the_rows_it_would_drown_in(small_store: Path) -> None:
    edit(small_store, "alter table places drop column kind; update events set start = 'soon'")
    assert store_problems(small_store) == ["table 'places' has no column 'kind'"]


def test_every_broken_row_is_named_not_only_the_first_twenty(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.executemany("insert into event_themes values ('strike', ?)", [(f"theme-{n}",) for n in range(25)])
    conn.commit()
    conn.close()
    assert len(store_problems(small_store)) == 25


def test_the_provenance_rules_are_part_of_the_check(small_store: Path) -> None:
    edit(small_store, "update events set date_basis = 'review' where id = 'massacre'")
    assert store_problems(small_store) == [
        "event 'massacre': certainty is exact with its date from a review, but no passage of it states its "
        "start '1962-06-02'"]


def test_an_event_without_an_excerpt_is_named(small_store: Path) -> None:
    edit(small_store, "delete from excerpts where event_id = 'strike'")
    assert store_problems(small_store) == ["event 'strike': has no excerpt"]


def _offsets(small_store: Path, sql: str) -> list[str]:
    edit(small_store, sql)
    return store_problems(small_store)


def test_a_quote_whose_offsets_miss_it_is_named(small_store: Path) -> None:
    start, end = sqlite3.connect(small_store).execute("select start, [end] from excerpts where id = 3").fetchone()
    assert _offsets(small_store, "update excerpts set [end] = [end] - 1 where id = 3") == [
        f"excerpts row 3: offsets {start}-{end - 1} do not give the quote in doyle-2021's text"]


@pytest.mark.parametrize("sql", [
    "update excerpts set start = 'seven' where id = 3",
    "update excerpts set [end] = null where id = 3",
    "update excerpts set start = null, [end] = null where id = 3",
    "update excerpts set start = start + 0.5 where id = 3",
    "update claims set [end] = null",
    "update claims set start = start + 1",
])
def test_offsets_that_are_not_two_whole_numbers_are_named(small_store: Path, sql: str) -> None:
    problems = _offsets(small_store, sql)
    assert len(problems) == 1 and "do not give the quote in doyle-2021's text" in problems[0]


def test_a_claim_may_stand_without_offsets(small_store: Path) -> None:
    assert _offsets(small_store, "update claims set start = null, [end] = null") == []


def test_a_source_without_text_leaves_its_quotes_without_offsets_unverified(small_store: Path) -> None:
    assert _offsets(small_store, "update sources set text = '' where id = 'doyle-2021'; "
                                 "update excerpts set start = null, [end] = null where source_id = 'doyle-2021'; "
                                 "update claims set start = null, [end] = null") == []
    assert _offsets(small_store, "update sources set text = null where id = 'doyle-2021'") == []


def test_offsets_into_a_source_without_text_are_named(small_store: Path) -> None:
    problems = _offsets(small_store, "update sources set text = '' where id = 'weiss-2021'")
    assert problems == ["excerpts row 1: offsets 4030-4108 do not give the quote in weiss-2021's text"]


def test_a_quote_of_an_unknown_source_is_named_once_as_a_reference(small_store: Path) -> None:
    assert _offsets(small_store, "update excerpts set source_id = 'nobody' where id = 3") == [
        "excerpts row 3: source_id 'nobody' names no row of sources"]


def test_a_version_1_store_is_checked_without_claim_offsets(small_store: Path, tmp_path: Path) -> None:
    v1 = version_1_copy(small_store, tmp_path)
    assert store_problems(v1) == []
    edit(v1, "update excerpts set start = start + 1 where id = 3")
    assert len(store_problems(v1)) == 1


def test_a_store_sqlite_cannot_read_is_refused_whole(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    page = conn.execute("pragma page_size").fetchone()[0]
    root = conn.execute("select rootpage from sqlite_master where name = 'events'").fetchone()[0]
    conn.close()
    with open(small_store, "r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(b"\xff" * page)
    with pytest.raises(StoreError) as caught:
        store_problems(small_store)
    assert caught.value.problem == "cannot be read: database disk image is malformed"


def test_a_file_that_is_no_store_is_refused_before_any_check(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("notes")
    with pytest.raises(StoreError, match="is not an SQLite database"):
        store_problems(tmp_path / "notes.db")
    with pytest.raises(StoreError, match="no such file"):
        store_flags(tmp_path / "gone.db")


def test_problems_of_an_open_connection_see_its_uncommitted_rows(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("begin")
    conn.execute("update events set certainty = 'likely' where id = 'strike'")
    assert problems_of(conn) == [
        "event 'strike': certainty 'likely' is not one of exact, approximate, disputed"]
    conn.rollback()
    assert problems_of(conn) == []


# --- flags -----------------------------------------------------------------------------------------


def test_a_sound_store_has_no_flags(small_store: Path) -> None:
    assert store_flags(small_store) == []


def test_flags_name_the_passages_to_confirm(small_store: Path) -> None:
    edit(small_store, "update excerpts set quote = 'They fired.' where id = 3")
    assert store_flags(small_store) == [
        "excerpts row 3 (event 'strike'): opens with a pronoun; say whom it means in 'speaker': 'They fired.'"]


def test_a_store_that_breaks_its_contract_has_no_flags(small_store: Path) -> None:
    edit(small_store, "update excerpts set quote = 'They fired.'; alter table places drop column kind")
    assert store_flags(small_store) == []


# --- the summary -----------------------------------------------------------------------------------


def test_the_summary_of_the_small_store(small_store: Path) -> None:
    assert store_summary(small_store).splitlines() == [
        "Small test store: 2 events",
        "Per decade:  1960s 2",
        "Per theme:   Strikes and uprisings 2, Terror and repression 1",
        "Per source:  doyle-2021 2 events, weiss-2021 1 events; excerpts from both in 1 events",
        "Quotations:  3 excerpts, 0 commentary, 1 claims",
        "Timeline index: current",
        "Disputes:    death toll (1 sides, 1 events)",
        "Layers:      history 2",
        "Date basis:  outside 2",
        "Voices:      reviewer 4",
        "Outside facts: 2 with references, on 2 events",
    ]


def test_the_summary_of_the_shipped_store_follows_its_tables() -> None:
    lines = dict(line.split(":", 1) for line in store_summary(SHIPPED_STORE).splitlines()[1:])
    assert store_summary(SHIPPED_STORE).splitlines()[0].endswith(f": {shipped_count()} events")
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    decades: dict[int, int] = {}
    for (start,) in conn.execute("select start from events"):
        decade = parse_date(start).year // 10 * 10
        decades[decade] = decades.get(decade, 0) + 1
    assert lines["Per decade"].strip() == ", ".join(f"{d}s {n}" for d, n in sorted(decades.items()))
    layers = conn.execute("select layer, count(*) from events group by 1 order by 2 desc").fetchall()
    assert lines["Layers"].strip() == ", ".join(f"{layer} {n}" for layer, n in layers)
    facts = conn.execute("select count(*), count(distinct event_id) from outside_facts").fetchone()
    assert lines["Outside facts"].strip() == f"{facts[0]} with references, on {facts[1]} events"
    both = conn.execute("select count(*) from (select event_id from excerpts group by event_id "
                        "having count(distinct source_id) > 1)").fetchone()[0]
    assert lines["Per source"].endswith(f"; excerpts from both in {both} events")
    record_topics = [t for (t,) in conn.execute("select distinct topic from claims where coalesce(source_id, '') = ''")]
    for topic in record_topics:
        assert f"{topic} (" in lines["Disputes"]
    assert lines["Disputes"].count("the record among them") == len(record_topics)
    counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("excerpts", "commentary", "claims")}
    assert lines["Quotations"].strip() == ", ".join(f"{n} {t}" for t, n in counts.items())
    assert lines["Timeline index"].strip() == "current"


def test_the_summary_counts_each_side_of_a_dispute_and_the_record(small_store: Path) -> None:
    edit(small_store, "insert into claims (event_id, topic, source_id, quote, value, ref, voice) values "
                      "('massacre', 'death toll', '', 'q', '26', 'Procuracy report', 'reviewer'), "
                      "('strike', 'death toll', 'weiss-2021', 'q', '24', '', 'reviewer'), "
                      "('strike', 'a new question', 'weiss-2021', 'q', 'x', '', 'reviewer'), "
                      "('strike', 'a new question', 'weiss-2021', 'q', 'y', '', 'reviewer')")
    disputes = store_summary(small_store).splitlines()[6]
    assert disputes == ("Disputes:    a new question (1 sides, 1 events), "
                        "death toll (3 sides, the record among them, 2 events)")


def test_a_store_without_claims_says_it_has_no_disputes(small_store: Path) -> None:
    edit(small_store, "delete from claims")
    assert "Disputes:    none" in store_summary(small_store).splitlines()


def test_the_summary_counts_events_per_theme_with_empty_themes_last(small_store: Path) -> None:
    edit(small_store, "insert into themes values ('arts', 'Arts', '#000000'), ('famine', 'Famine', '#111111')")
    assert store_summary(small_store).splitlines()[2] == (
        "Per theme:   Strikes and uprisings 2, Terror and repression 1, Arts 0, Famine 0")


def test_the_summary_names_a_source_no_event_quotes(small_store: Path) -> None:
    edit(small_store, "insert into sources (id, author, title) values ('aaa', 'A', 'T')")
    assert store_summary(small_store).splitlines()[3].startswith(
        "Per source:  aaa 0 events, doyle-2021 2 events, weiss-2021 1 events;")


def test_events_are_counted_by_decade_in_time_order_and_undated_ones_last(small_store: Path) -> None:
    edit(small_store, "update events set start = '1959-12-31' where id = 'strike'")
    assert store_summary(small_store).splitlines()[1] == "Per decade:  1950s 1, 1960s 1"
    edit(small_store, "insert into events (id, title, start, certainty) values ('a', 'A', '0990', 'exact'), "
                      "('b', 'B', '0095', 'exact'), ('c', 'C', 'soon', 'exact'), ('d', 'D', '2001', 'exact')")
    assert store_summary(small_store).splitlines()[1] == (
        "Per decade:  90s 1, 990s 1, 1950s 1, 1960s 1, 2000s 1, undated 1")


def test_a_store_without_a_title_is_named_by_its_file(small_store: Path) -> None:
    edit(small_store, "delete from meta where key = 'title'")
    assert store_summary(small_store).splitlines()[0] == "small.db: 2 events"


def test_the_summary_says_whether_the_saved_timeline_index_is_current(small_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(small_store, copy)
    edit(copy, "update events set title = 'Renamed' where id = 'strike'")
    assert "Timeline index: out of date (the tables changed since; the app reads the tables instead)" in \
        store_summary(copy).splitlines()
    edit(copy, "delete from timeline_index where name = 'key'")
    assert "Timeline index: out of date (the tables changed since; the app reads the tables instead)" in \
        store_summary(copy).splitlines()
    edit(copy, "drop table timeline_index")
    assert "Timeline index: none (the app reads the tables, which is slower on large stores)" in \
        store_summary(copy).splitlines()


def test_a_version_1_store_summary_says_it_records_no_provenance(small_store: Path, tmp_path: Path) -> None:
    lines = store_summary(version_1_copy(small_store, tmp_path)).splitlines()
    assert lines[-1] == ("Provenance:  none recorded (contract version 1: no layers, date bases, outside facts or "
                         "voices; import into it to upgrade it to version 2)")
    assert not any(line.startswith(("Layers:", "Voices:")) for line in lines)


def test_a_store_without_a_version_is_summarised_as_version_1(small_store: Path) -> None:
    edit(small_store, "delete from meta where key = 'schema_version'")
    assert store_summary(small_store).splitlines()[-1].startswith("Provenance:  none recorded")


def test_the_provenance_summary_counts_layers_bases_and_voices_most_first(small_store: Path) -> None:
    edit(small_store, "update events set layer = 'film', date_basis = 'film' where id = 'strike'; "
                      "update events set layer = null where id = 'massacre'; "
                      "insert into events (id, title, start, certainty, layer, date_basis) "
                      "values ('scene', 'A scene', '1962', 'approximate', 'film', 'film'); "
                      "update excerpts set voice = 'quoted', speaker = 'A worker'; "
                      "update claims set voice = null; "
                      "insert into outside_facts (event_id, fact, ref) values ('massacre', 'f', 'r')")
    assert store_summary(small_store).splitlines()[-4:] == [
        "Layers:      film 2, ? 1",
        "Date basis:  film 2, outside 1",
        "Voices:      quoted 3, ? 1",
        "Outside facts: 3 with references, on 2 events",
    ]

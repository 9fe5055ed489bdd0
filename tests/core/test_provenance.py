"""Version 2's provenance rules: where an exact date comes from, disputes that take no side, who speaks."""

from __future__ import annotations

import calendar
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_copies import version_1_copy

from timeline_app.store.provenance import provenance_flags, provenance_problems, states_date

# --- what a passage states ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "iso"), [
    ("It happened in 1962.", "1962"),
    ("the purges of 1937-38", "1938"),
    ("the plan of 1959-65 was", "1965"),
    ("the plan of 1959–65 was", "1965"),
    ("the plan of 1959 - 65 was", "1965"),
    ("In June 1962 workers struck.", "1962-06"),
    ("In Jun 1962 workers struck.", "1962-06"),
    ("On June 2, 1962 troops fired.", "1962-06-02"),
    ("On Jun. 2, 1962 troops fired.", "1962-06-02"),
    ("On 2 June 1962 troops fired.", "1962-06-02"),
    ("On 2nd June 1962 troops fired.", "1962-06-02"),
    ("1 June, 1962", "1962-06-01"),
    ("(1962) in June, on the 21st June", "1962-06-21"),
])
def test_a_passage_that_states_a_date_at_its_precision_states_it(text: str, iso: str) -> None:
    assert states_date(text, iso)


@pytest.mark.parametrize(("text", "iso"), [
    ("It happened in 19620.", "1962"),
    ("It happened in 1963.", "1962"),
    ("the plan of 1959-64 was", "1965"),
    ("the plan of 1859-65 was", "1965"),
    ("1959-655", "1965"),
    ("In 1962 workers struck.", "1962-06"),
    ("In June workers struck.", "1962-06"),
    ("In Junes of 1962", "1962-06"),
    ("In July 1962 workers struck.", "1962-06"),
    ("On June 22, 1962", "1962-06-02"),
    ("On 12 June 1962", "1962-06-02"),
    ("In June 1962, 2 days later", "1962-06-02"),
    ("On June 2", "1962-06-02"),
    ("In 1962 on the 2nd", "1962-06-02"),
    ("anything", "June 1962"),
    ("anything 1962", "1962-13"),
])
def test_a_passage_that_does_not_state_the_date_does_not(text: str, iso: str) -> None:
    assert not states_date(text, iso)


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)), st.booleans(), st.booleans(),
       st.text(alphabet="abc ,.", max_size=8))
def test_any_date_written_out_is_stated_at_every_precision(day: date, day_first: bool, abbreviated: bool,
                                                           filler: str) -> None:
    month = (calendar.month_abbr if abbreviated else calendar.month_name)[day.month]
    written = f"{day.day} {month} {day.year}" if day_first else f"{month} {day.day}, {day.year}"
    text = f"{filler} {written} {filler}"
    assert states_date(text, day.isoformat())
    assert states_date(text, day.isoformat()[:7])
    assert states_date(text, day.isoformat()[:4])
    other_year = day.year + 1 if day.year < 2999 else day.year - 1
    assert not states_date(text, f"{other_year:04d}")
    other_month = day.month % 12 + 1
    assert not states_date(text, f"{day.year:04d}-{other_month:02d}")
    other_day = day.day % 28 + 1
    assert not states_date(text, date(day.year, day.month, other_day).isoformat())


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 2989), st.integers(1, 9))
def test_a_range_of_years_written_short_states_its_last_year(first: int, length: int) -> None:
    last = first + length
    text = f"the years {first}-{last % 100:02d} saw"
    assert states_date(text, f"{last:04d}") == (last // 100 == first // 100)
    assert states_date(text, f"{first:04d}")
    assert not states_date(text, f"{last + 1:04d}")


# --- a store's provenance -----------------------------------------------------------------------


@pytest.fixture
def conn(small_store: Path) -> sqlite3.Connection:
    """The small store, writable: each test breaks it in its own way."""
    connection = sqlite3.connect(small_store)
    yield connection
    connection.close()


def test_the_small_store_keeps_every_provenance_rule(conn: sqlite3.Connection) -> None:
    assert provenance_problems(conn) == []
    assert provenance_flags(conn) == []


def _review_dated(conn: sqlite3.Connection, eid: str = "massacre") -> None:
    conn.execute("update events set date_basis = 'review' where id = ?", (eid,))


def test_an_exact_date_no_passage_states_is_refused(conn: sqlite3.Connection) -> None:
    _review_dated(conn)
    assert provenance_problems(conn) == [
        "event 'massacre': certainty is exact with its date from a review, but no passage of it states its "
        "start '1962-06-02'"]


def test_an_exact_date_a_passage_states_is_taken(conn: sqlite3.Connection) -> None:
    _review_dated(conn)
    conn.execute("update excerpts set quote = 'Troops fired on 2 June 1962.' where id = 2")
    assert provenance_problems(conn) == []


@pytest.mark.parametrize("table", ["commentary", "claims"])
def test_any_kind_of_passage_can_state_the_date(conn: sqlite3.Connection, table: str) -> None:
    _review_dated(conn)
    conn.execute(f"insert into [{table}] (event_id, source_id, quote, voice) "
                 "values ('massacre', 'doyle-2021', 'On June 2, 1962 they fired.', 'reviewer')")
    assert provenance_problems(conn) == []


def test_the_records_own_words_do_not_state_a_reviews_date(conn: sqlite3.Connection) -> None:
    _review_dated(conn)
    conn.execute("insert into claims (event_id, source_id, quote, ref, voice) "
                 "values ('massacre', '', 'On 2 June 1962.', 'Archive', 'reviewer')")
    assert provenance_problems(conn)[0].endswith("states its start '1962-06-02'")


def test_an_exact_range_needs_its_end_stated_too(conn: sqlite3.Connection) -> None:
    _review_dated(conn)
    conn.execute("update events set [end] = '1962-06-03' where id = 'massacre'")
    conn.execute("update excerpts set quote = 'Troops fired on 2 June 1962.' where id = 2")
    assert provenance_problems(conn) == [
        "event 'massacre': certainty is exact with its date from a review, but no passage of it states its "
        "end '1962-06-03'"]
    conn.execute("update excerpts set quote = 'From 2 June 1962 to 3 June 1962.' where id = 2")
    assert provenance_problems(conn) == []


def test_only_the_events_own_passages_state_its_date(conn: sqlite3.Connection) -> None:
    _review_dated(conn)
    conn.execute("update excerpts set quote = 'Troops fired on 2 June 1962.' where event_id = 'strike'")
    assert len(provenance_problems(conn)) == 1


def test_an_approximate_date_from_a_review_needs_no_stating_passage(conn: sqlite3.Connection) -> None:
    _review_dated(conn)
    conn.execute("update events set certainty = 'approximate' where id = 'massacre'")
    assert provenance_problems(conn) == []


def test_an_exact_date_of_unknown_basis_is_flagged_not_refused(conn: sqlite3.Connection) -> None:
    conn.execute("update events set date_basis = 'unknown' where id = 'massacre'")
    assert provenance_problems(conn) == []
    assert provenance_flags(conn) == [
        "event 'massacre': certainty is exact but nothing says where its date comes from (date_basis unknown)"]
    conn.execute("update events set certainty = 'approximate' where id = 'massacre'")
    assert provenance_flags(conn) == []


def test_an_outside_date_needs_a_fact_with_a_reference(conn: sqlite3.Connection) -> None:
    conn.execute("delete from outside_facts where event_id = 'strike'")
    assert provenance_problems(conn) == [
        "event 'strike': its date comes from outside the reviews but no outside fact gives a reference"]
    conn.execute("insert into outside_facts (event_id, fact, ref) values ('strike', 'It began on 1 June', '  ')")
    assert provenance_problems(conn) == [
        "event 'strike': an outside fact needs both the fact and its reference",
        "event 'strike': its date comes from outside the reviews but no outside fact gives a reference"]


@pytest.mark.parametrize(("fact", "ref"), [("", "Baron (2001)"), (" ", "Baron (2001)"), ("A fact", ""),
                                           (None, "Baron (2001)"), ("A fact", None)])
def test_an_outside_fact_needs_both_the_fact_and_its_reference(conn: sqlite3.Connection, fact, ref) -> None:
    conn.execute("insert into outside_facts (event_id, fact, ref) values ('massacre', ?, ?)", (fact, ref))
    assert provenance_problems(conn) == ["event 'massacre': an outside fact needs both the fact and its reference"]


def test_a_referenced_fact_is_enough_for_an_exact_outside_date(conn: sqlite3.Connection) -> None:
    conn.execute("update outside_facts set fact = 'Some other fact' where event_id = 'massacre'")
    assert provenance_problems(conn) == []


def test_only_a_film_scene_can_be_dated_by_the_films_plot(conn: sqlite3.Connection) -> None:
    conn.execute("update events set date_basis = 'film' where id = 'strike'")
    assert provenance_problems(conn) == ["event 'strike': only a film scene can be dated by the film's plot"]
    conn.execute("update events set layer = 'reception' where id = 'strike'")
    assert provenance_problems(conn) == ["event 'strike': only a film scene can be dated by the film's plot"]
    conn.execute("update events set layer = 'film' where id = 'strike'")
    assert provenance_problems(conn) == []
    conn.execute("update events set date_basis = 'film', layer = 'film', certainty = 'exact'")
    assert provenance_problems(conn) == []  # the plot states an exact date; no passage needs to


@pytest.mark.parametrize("voice", ["film", "quoted"])
def test_commentary_is_the_reviewers_own_voice(conn: sqlite3.Connection, voice: str) -> None:
    conn.execute("insert into commentary (event_id, source_id, quote, voice, speaker) "
                 "values ('strike', 'doyle-2021', 'A judgement.', ?, 'Khrushchev')", (voice,))
    assert provenance_problems(conn) == [
        f"commentary row 1 (event 'strike'): commentary is the reviewer's own judgement, so its voice must be "
        f"'reviewer', not {voice!r}"]


def test_commentary_without_a_voice_reads_as_the_reviewers(conn: sqlite3.Connection) -> None:
    conn.execute("insert into commentary (event_id, source_id, quote) values ('strike', 'doyle-2021', 'A view.')")
    assert provenance_problems(conn) == []


@pytest.mark.parametrize("table", ["excerpts", "claims"])
def test_a_quoted_passage_names_its_speaker(conn: sqlite3.Connection, table: str) -> None:
    conn.execute(f"update [{table}] set voice = 'quoted', speaker = '  ' where rowid = 1")
    assert provenance_problems(conn) == [
        f"{table} row 1 (event 'massacre'): a quoted passage must name its speaker"]
    conn.execute(f"update [{table}] set speaker = null where rowid = 1")
    assert len(provenance_problems(conn)) == 1
    conn.execute(f"update [{table}] set speaker = 'A striker' where rowid = 1")
    assert provenance_problems(conn) == []


def test_passages_of_events_that_are_gone_are_not_judged(conn: sqlite3.Connection) -> None:
    conn.execute("update excerpts set event_id = 'gone', voice = 'quoted' where id = 1")
    assert provenance_problems(conn) == []


def _disputed(conn: sqlite3.Connection, start: str, end: str, *claims: tuple[str, str, str]) -> None:
    conn.execute("update events set certainty = 'disputed', start = ?, [end] = ? where id = 'strike'", (start, end))
    for topic, source, value in claims:
        conn.execute("insert into claims (event_id, topic, source_id, quote, value, ref, voice) "
                     "values ('strike', ?, ?, 'q', ?, ?, 'reviewer')",
                     (topic, source, value, "" if source else "Archive"))


def test_a_disputed_events_dates_cover_every_sides_years(conn: sqlite3.Connection) -> None:
    _disputed(conn, "1961", "1963", ("when it began", "doyle-2021", "in 1961"), ("when it began", "", "1963"))
    assert provenance_problems(conn) == []


def test_a_disputed_event_whose_dates_take_one_side_is_refused(conn: sqlite3.Connection) -> None:
    _disputed(conn, "1962", "1962", ("when it began", "doyle-2021", "in 1961 or 1960"),
              ("when it began", "weiss-2021", "1962"), ("when it began", "", "only in 1964"))
    assert provenance_problems(conn) == [
        "event 'strike': disputed, but its dates 1962–1962 leave out doyle-2021's 1960 on 'when it began': "
        "the dates take one side",
        "event 'strike': disputed, but its dates 1962–1962 leave out the record's 1964 on 'when it began': "
        "the dates take one side",
    ]


def test_the_envelope_reaches_from_the_start_year_to_the_end_year(conn: sqlite3.Connection) -> None:
    _disputed(conn, "1961-12-31", "1963-01", ("start date", "doyle-2021", "1961"), ("start date", "weiss-2021", "1963"))
    assert provenance_problems(conn) == []
    conn.execute("update events set [end] = '' where id = 'strike'")
    assert provenance_problems(conn) == [
        "event 'strike': disputed, but its dates 1961–1961 leave out weiss-2021's 1963 on 'start date': "
        "the dates take one side"]


@pytest.mark.parametrize("topic", ["death toll", "who gave the order", "Whenever", "timeline"])
def test_a_dispute_about_something_other_than_time_leaves_the_dates_alone(conn: sqlite3.Connection,
                                                                          topic: str) -> None:
    _disputed(conn, "1962", "1962", (topic, "doyle-2021", "1950"), (topic, "weiss-2021", "1970"))
    assert provenance_problems(conn) == []


@pytest.mark.parametrize("topic", ["When", "the DATE", "years", "began", "how long it was known", "the end",
                                   "first strike", "last shot", "until", "since"])
def test_every_word_for_time_makes_a_dispute_temporal(conn: sqlite3.Connection, topic: str) -> None:
    _disputed(conn, "1962", "1962", (topic, "doyle-2021", "1950"), (topic, "weiss-2021", "1962"))
    assert len(provenance_problems(conn)) == 1


def test_one_side_alone_is_no_dispute_over_the_dates(conn: sqlite3.Connection) -> None:
    _disputed(conn, "1962", "1962", ("when it began", "doyle-2021", "1950"), ("when it began", "doyle-2021", "1970"))
    assert provenance_problems(conn) == []


def test_numbers_that_are_not_years_are_not_sides_years(conn: sqlite3.Connection) -> None:
    _disputed(conn, "1962", "1962", ("when", "doyle-2021", "after 80 days, 3000 workers, 0999, 19620"),
              ("when", "weiss-2021", "1962"))
    assert provenance_problems(conn) == []


def test_an_approximate_event_may_take_a_side(conn: sqlite3.Connection) -> None:
    _disputed(conn, "1962", "1962", ("when", "doyle-2021", "1950"), ("when", "weiss-2021", "1962"))
    conn.execute("update events set certainty = 'approximate' where id = 'strike'")
    assert provenance_problems(conn) == []


def test_a_disputed_event_with_unreadable_dates_is_left_to_the_date_rule(conn: sqlite3.Connection) -> None:
    _disputed(conn, "1962-13", "", ("when", "doyle-2021", "1950"), ("when", "weiss-2021", "1962"))
    assert provenance_problems(conn) == []
    conn.execute("update events set start = '1962', [end] = 'later' where id = 'strike'")
    assert provenance_problems(conn) == []


def test_a_version_1_store_has_no_provenance_to_judge(small_store: Path, tmp_path: Path) -> None:
    v1 = sqlite3.connect(version_1_copy(small_store, tmp_path))
    v1.execute("create table outside_facts (id integer primary key, event_id text, fact text, ref text)")
    v1.execute("insert into outside_facts (event_id, fact, ref) values ('massacre', '', '')")
    assert provenance_problems(v1) == []
    assert provenance_flags(v1) == []


def test_a_store_whose_meta_lacks_a_version_is_not_version_2(conn: sqlite3.Connection) -> None:
    conn.execute("update events set date_basis = 'unknown'")
    conn.execute("delete from meta where key = 'schema_version'")
    assert provenance_flags(conn) == []
    conn.execute("insert into meta values ('schema_version', 2)")
    assert len(provenance_flags(conn)) == 1


# --- passages for a person to confirm ------------------------------------------------------------


@pytest.mark.parametrize("quote", ["He ordered the shooting.", "they marched", "  Their banners", "“She said",
                                   "'It was", "(Among them were", "Like them, the workers", "Its end", "him",
                                   "\"His men"])
def test_a_passage_that_opens_with_a_pronoun_is_flagged(conn: sqlite3.Connection, quote: str) -> None:
    conn.execute("update excerpts set quote = ? where id = 3", (quote,))
    assert provenance_flags(conn) == [
        f"excerpts row 3 (event 'strike'): opens with a pronoun; say whom it means in 'speaker': {quote[:60]!r}"]


@pytest.mark.parametrize("quote", ["Hence the strike", "Theirs was", "The strike", "Ithaca", "Workers: he said"])
def test_a_passage_that_only_looks_like_a_pronoun_is_not_flagged(conn: sqlite3.Connection, quote: str) -> None:
    conn.execute("update excerpts set quote = ? where id = 3", (quote,))
    assert provenance_flags(conn) == []


def test_a_long_flagged_passage_is_cut_to_sixty_characters(conn: sqlite3.Connection) -> None:
    quote = "They " + "x" * 100
    conn.execute("insert into commentary (event_id, source_id, quote) values ('massacre', 'doyle-2021', ?)", (quote,))
    assert provenance_flags(conn) == [
        f"commentary row 1 (event 'massacre'): opens with a pronoun; say whom it means in 'speaker': {quote[:60]!r}"]


@pytest.mark.parametrize("name", ["Lyuda", "Lyudmila", "Svetka", "Viktor"])
def test_a_fictional_characters_name_on_a_history_event_is_flagged(conn: sqlite3.Connection, name: str) -> None:
    quote = f"Workers and {name} watch the square."
    conn.execute("update claims set quote = ?", (quote,))
    assert provenance_flags(conn) == [
        f"claims row 1 (event 'massacre'): names the film's {name} on a history event; confirm and name the "
        f"speaker: {quote!r}"]


def test_a_name_that_only_contains_a_characters_is_not_flagged(conn: sqlite3.Connection) -> None:
    conn.execute("update claims set quote = 'Viktoria and Lyudas and lyuda'")
    assert provenance_flags(conn) == []


def test_a_passage_that_names_its_speaker_is_not_flagged(conn: sqlite3.Connection) -> None:
    conn.execute("update excerpts set quote = 'They fired on Lyuda.', speaker = 'Clare Doyle'")
    assert provenance_flags(conn) == []
    conn.execute("update excerpts set speaker = '  '")
    assert len(provenance_flags(conn)) == 3


def test_a_pronoun_is_named_before_a_fictional_name(conn: sqlite3.Connection) -> None:
    conn.execute("update excerpts set quote = 'She is Lyuda.' where id = 3")
    assert provenance_flags(conn) == [
        "excerpts row 3 (event 'strike'): opens with a pronoun; say whom it means in 'speaker': 'She is Lyuda.'"]


@pytest.mark.parametrize("layer", ["film", "reception"])
def test_passages_on_film_scenes_and_reception_are_not_flagged(conn: sqlite3.Connection, layer: str) -> None:
    conn.execute("update events set layer = ?", (layer,))
    conn.execute("update excerpts set quote = 'She is Lyuda.'")
    assert provenance_flags(conn) == []


def test_flags_come_event_by_event_in_table_order(conn: sqlite3.Connection) -> None:
    conn.execute("update excerpts set quote = 'They came.'")
    conn.execute("update claims set quote = 'Viktor came.'")
    conn.execute("update events set date_basis = 'unknown' where id = 'massacre'")
    flags = provenance_flags(conn)
    assert [f.split(":")[0] for f in flags] == [
        "event 'massacre'", "excerpts row 1 (event 'massacre')", "excerpts row 2 (event 'massacre')",
        "claims row 1 (event 'massacre')", "excerpts row 3 (event 'strike')"]

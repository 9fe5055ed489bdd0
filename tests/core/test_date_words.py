"""Event dates written as a historian writes them, from the store's columns."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.model.date_words import ENGLISH, DateWords, date_words
from timeline_app.store.rules import date_text_problem


@pytest.mark.parametrize(("start", "end", "date_text", "written"), [
    ("1930", "", "1930~", "c. 1930"),
    ("1920", "1929", "192X", "1920s"),
    ("1962-06", "", "1962-06?", "June 1962 (uncertain)"),
    ("1962-06", "", "1962-06%", "c. June 1962 (uncertain)"),
    ("1929", "1933", "1929/1933", "1929–1933"),
    ("1985", "", "1985/..", "after 1985"),
    ("1917", "", "../1917", "before 1917"),
    ("1985", "1995-01-01", "1985/", "from 1985 (end unknown)"),  # the edtf package: ten years on
    ("1907-12-31", "1917", "/1917", "until 1917 (start unknown)"),
    ("1962-06-02", "", "1962-06-02", "2 June 1962"),
    ("1962-06", "", "1962-06", "June 1962"),
    ("1962", "", "1962", "1962"),
    ("1962-06-02", "", "1962-06-02~", "c. 2 June 1962"),
    ("1900", "1999", "19XX", "1900–1999"),
    ("1000", "1999", "1XXX", "1000–1999"),
    ("1962", "", "1962-XX", "1962"),
    ("1962-06", "", "1962-06-XX", "June 1962"),
    ("1962-03", "1962-05", "1962-21", "spring 1962"),
    ("1962-06", "1962-08", "1962-22", "summer 1962"),
    ("1962-12", "", "1962-24", "winter 1962"),
    ("1950", "1959", "195X~", "c. 1950s"),
    ("1985", "", "1985~/..", "after c. 1985"),
    ("1917-03", "", "../1917-03?", "before March 1917 (uncertain)"),
])
def test_edtf_forms_are_written_as_historians_write_them(start: str, end: str, date_text: str, written: str) -> None:
    assert date_text_problem(date_text, start, end) is None  # each case is a date the store accepts
    assert date_words(start, end, "exact", date_text) == written


@pytest.mark.parametrize(("date_text", "written"), [
    ("1962-06-01/1962-06-03", "1–3 June 1962"),
    ("1962-06/1962-08", "June–August 1962"),
    ("1962-06-30/1962-07-02", "30 June – 2 July 1962"),
    ("1961-12/1962-02", "December 1961 – February 1962"),
    ("1961-12-30/1962-01-02", "30 December 1961 – 2 January 1962"),
    ("1962-06-01/1962-06", "1 June 1962 – June 1962"),
    ("1962-06/1962-08-02", "June 1962 – 2 August 1962"),
    ("1962-06/1962", "June 1962 – 1962"),
    ("1962/1962-08", "1962 – August 1962"),
    ("1962/1963-08", "1962 – August 1963"),
    ("1962-06-02/1962-06-02", "2 June 1962"),
    ("1918~/1921~", "c. 1918 – c. 1921"),
    ("1918-09-05/1921~", "5 September 1918 – c. 1921"),
    ("1953?/1964", "1953 (uncertain) – 1964"),
    ("1962-06/1992?", "June 1962 – 1992 (uncertain)"),
    ("1962-06~/1962-08", "c. June 1962 – August 1962"),
    ("192X/193X", "1920s–1930s"),
    ("1962-21/1962-23", "spring 1962 – autumn 1962"),
])
def test_ranges_write_what_their_ends_share_once(date_text: str, written: str) -> None:
    start = date_text.split("/")[0]
    low = start.replace("X", "0").replace("~", "").replace("?", "")
    assert date_words(low, "", "exact", date_text) == written


@pytest.mark.parametrize(("start", "end", "certainty", "written"), [
    ("1962-06-02", "", "exact", "2 June 1962"),
    ("1962-06", "", "approximate", "c. June 1962"),
    ("1962-06", "1962-08", "approximate", "c. June–August 1962"),
    ("1929", "1933", "disputed", "1929–1933"),
    ("1962-06-01", "1962-06-03", "exact", "1–3 June 1962"),
    ("1962-06-02", "1962-06-02", "exact", "2 June 1962"),
])
def test_without_date_text_the_start_end_and_certainty_decide(start: str, end: str, certainty: str,
                                                                written: str) -> None:
    """A version-1 store has no date_text: its approximate dates are written "c."."""
    assert date_words(start, end, certainty) == written
    assert date_words(start, end, certainty, "") == written


def test_date_text_decides_over_certainty() -> None:
    # An approximate event whose EDTF says exactly how: the EDTF words, no second "c.".
    assert date_words("1920", "1929", "approximate", "192X") == "1920s"
    assert date_words("1930", "", "approximate", "1930~") == "c. 1930"
    assert date_words("1962-06", "", "approximate", "1962-06") == "June 1962"


@pytest.mark.parametrize(("start", "end", "date_text", "written"), [
    ("1917-11-07", "", "", "25 Oct (7 Nov) 1917"),
    ("1917-11-07", "", "1917-11-07", "25 Oct (7 Nov) 1917"),
    ("1918-02-14", "", "", "1 (14) Feb 1918"),
    ("1918-02-13", "", "", "31 Jan (13 Feb) 1918"),
    ("1917-03-08", "", "", "23 Feb (8 Mar) 1917"),
    ("1917-10-25", "", "", "12 (25) Oct 1917"),
    ("1918-01-05", "", "", "23 Dec 1917 (5 Jan 1918)"),
    ("1917-11-07", "1917-11-08", "1917-11-07/1917-11-08", "25–26 Oct (7–8 Nov) 1917"),
    ("1917-11-15", "1917-11-20", "", "2–7 (15–20) Nov 1917"),
    ("1917-11-01", "1917-11-14", "", "19 Oct – 1 Nov (1–14 Nov) 1917"),
    ("1917-12-20", "1918-01-20", "", "7 Dec 1917 – 7 Jan 1918 (20 Dec 1917 – 20 Jan 1918)"),
    ("1917-11-07", "", "1917-11-07~", "c. 25 Oct (7 Nov) 1917"),
    ("1917-11-07", "", "1917-11-07?", "25 Oct (7 Nov) 1917 (uncertain)"),
    ("1917-11", "", "", "November 1917"),  # known only to the month: no day to pair
    ("1917", "", "1917", "1917"),
    ("1917-11-07", "1917-12", "", "7 November 1917 – December 1917"),
])
def test_old_style_days_are_written_with_the_new_style_in_brackets(start: str, end: str, date_text: str,
                                                                    written: str) -> None:
    assert date_words(start, end, "exact", date_text, "julian") == written


def test_a_gregorian_event_is_written_new_style_only() -> None:
    assert date_words("1917-11-07", "", "exact", "", "gregorian") == "7 November 1917"
    assert date_words("1917-11-07", "", "exact", "", "") == "7 November 1917"


@pytest.mark.parametrize(("start", "end", "date_text", "written"), [
    ("spring 1962", "", "", "spring 1962"),
    ("1962-02-30", "", "", "1962-02-30"),
    ("1962", "1962-02-30", "", "1962 – 1962-02-30"),
    ("1962", "", "1962-06-31", "1962"),  # unreadable EDTF: written from start/end
    ("1962", "", "1962-13", "1962"),
    ("1962", "", "1962-06-02/1962-06-03/1962-06-04", "1962"),
    ("1962", "", "../..", "1962"),
    ("1962", "", "/", "1962"),
    ("1962", "", "../", "1962"),
    ("1962", "", "..", "1962"),
    ("1962", "", "0000", "1962"),
    ("1962", "", "0XXX", "1962"),
    ("1962", "", "196X-06", "1962"),
    ("1962", "", "1962-XX-02", "1962"),
    ("1962", "", "1962-25", "1962"),
    ("1962", "", "1962-21-01", "1962"),
    ("1962", "", "1962-1", "1962"),
    ("1962", "", "2004-06~-11", "c. 11 June 2004"),  # a level-2 qualifier applies to the whole date
    ("1962-21", "", "", "1962-21"),
    ("192X", "", "", "192X"),
    ("", "", "", ""),
])
def test_text_that_is_not_a_date_is_shown_never_raised(start: str, end: str, date_text: str, written: str) -> None:
    assert date_words(start, end, "", date_text) == written


def test_values_of_the_wrong_type_are_shown_as_text() -> None:
    assert date_words("1962", "", "", None) == "1962"  # type: ignore[arg-type]
    assert date_words(1962, "", "", "") == "1962"  # type: ignore[arg-type]
    assert date_words("1962", 7, "", "") == "1962"  # type: ignore[arg-type]


def test_every_word_comes_from_the_words_table() -> None:
    russian = DateWords(
        months=("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                "ноябрь", "декабрь"),
        months_of_day=("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                       "октября", "ноября", "декабря"),
        month_abbrs=("янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.",
                     "дек."),
        seasons=("весна", "лето", "осень", "зима"),
        day="{day} {month} {year} г.", month="{month} {year} г.", season="{season} {year} г.", decade="{decade}-е",
        circa="ок. {date}", uncertain="{date} (?)", circa_uncertain="ок. {date} (?)", after="после {date}",
        before="до {date}", end_unknown="с {date}", start_unknown="по {date}", range_tight="{first}—{last}",
        range_spaced="{first} — {last}", old_style="{old} ({new}) {year} г.",
        old_style_month="{old} ({new}) {month} {year} г.", old_style_years="{old} ({new})",
    )
    assert date_words("1962-06-02", words=russian) == "2 июня 1962 г."
    assert date_words("1962-06", words=russian) == "июнь 1962 г."
    assert date_words("1962-06", "1962-08", words=russian) == "июнь—август 1962 г."
    assert date_words("1962-06-01", "1962-06-03", words=russian) == "1—3 июня 1962 г."
    assert date_words("1962-06-30", "1962-07-02", words=russian) == "30 июня — 2 июля 1962 г."
    assert date_words("1920", "1929", "", "192X", words=russian) == "1920-е"
    assert date_words("1930", "", "", "1930~", words=russian) == "ок. 1930"
    assert date_words("1962-06", "", "", "1962-06?", words=russian) == "июнь 1962 г. (?)"
    assert date_words("1962-06", "", "", "1962-06%", words=russian) == "ок. июнь 1962 г. (?)"
    assert date_words("1985", "", "", "1985/..", words=russian) == "после 1985"
    assert date_words("1917", "", "", "../1917", words=russian) == "до 1917"
    assert date_words("1985", "", "", "1985/", words=russian) == "с 1985"
    assert date_words("1917", "", "", "/1917", words=russian) == "по 1917"
    assert date_words("1962-03", "1962-05", "", "1962-21", words=russian) == "весна 1962 г."
    assert date_words("1962-06", "", "approximate", words=russian) == "ок. июнь 1962 г."
    assert date_words("1917-11-07", calendar="julian", words=russian) == "25 окт. (7 нояб.) 1917 г."
    assert date_words("1917-10-25", calendar="julian", words=russian) == "12 (25) окт. 1917 г."
    assert date_words("1918-01-05", calendar="julian", words=russian) == "23 дек. 1917 г. (5 янв. 1918 г.)"
    assert date_words("1917-11-01", "1917-11-14", calendar="julian", words=russian) == \
        "19 окт. — 1 нояб. (1—14 нояб.) 1917 г."


def test_the_english_table_is_the_default_and_its_months_are_in_order() -> None:
    assert date_words("1962-01-02") == date_words("1962-01-02", words=ENGLISH) == "2 January 1962"
    assert [date_words(f"1962-{m:02d}") for m in range(1, 13)] == [f"{name} 1962" for name in ENGLISH.months]
    assert [date_words(f"1917-{m:02d}-20", calendar="julian")[:6] for m in range(1, 13)] == \
        [f"7 ({20}) {abbr}"[:6] for abbr in ENGLISH.month_abbrs]
    plain = replace(ENGLISH, months_of_day=tuple(m.upper() for m in ENGLISH.months))
    assert date_words("1962-06-02", words=plain) == "2 JUNE 1962"
    assert date_words("1962-06", words=plain) == "June 1962"


@given(st.dates(), st.integers(min_value=0, max_value=400))
def test_any_day_range_names_both_ends(first, length: int) -> None:
    from datetime import timedelta

    try:
        last = first + timedelta(days=length)
    except OverflowError:
        return
    written = date_words(first.isoformat(), last.isoformat(), "exact")
    assert str(last.year) in written and str(last.day) in written and str(first.day) in written
    assert written.endswith(str(last.year))
    assert (str(first.year) in written) and ("–" in written) == (first != last)

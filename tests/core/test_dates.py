"""Dates cut to a precision, and the spans the timeline draws for them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.store import dates
from timeline_app.store.dates import (
    DATE_HINT,
    EDTF_HINT,
    DateError,
    PartialDate,
    date_span,
    decimal_year,
    edtf_bounds,
    format_date,
    format_span,
    parse_date,
)


def test_a_month_spans_the_whole_month() -> None:
    start, end = date_span("1962-06")
    assert start == pytest.approx(1962 + 151 / 365)
    assert end == pytest.approx(1962 + 181 / 365)


def test_a_year_known_only_to_the_year_spans_the_year() -> None:
    assert date_span("1917") == (1917.0, pytest.approx(1918.0))


@pytest.mark.parametrize("text", ["62", "1962-13", "1962-02-30", "June 1962", "", "1962-6-2"])
def test_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_end_before_start_is_refused() -> None:
    with pytest.raises(DateError, match="before start"):
        date_span("1962-06-02", "1962-06-01")


def test_dates_read_as_people_write_them() -> None:
    assert format_span("1962-06-02") == "2 June 1962"
    assert format_span("1930", "1939") == "1930 – 1939"
    assert format_span("1962-06") == "June 1962"


@given(st.text(max_size=12))
def test_parsing_any_text_either_works_or_says_why(text: str) -> None:
    try:
        parsed = parse_date(text)
    except DateError:
        return
    assert parsed.isoformat() == text.strip()


# --- every precision, its first and last day, and how it reads ------------------------------------

days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
precisions = st.sampled_from(["year", "month", "day"])


def cut(day: date, precision: str) -> str:
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}",
            "day": day.isoformat()}[precision]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("1962", date(1962, 1, 1), date(1962, 12, 31)),
    ("1962-02", date(1962, 2, 1), date(1962, 2, 28)),
    ("1964-02", date(1964, 2, 1), date(1964, 2, 29)),
    ("1962-06-02", date(1962, 6, 2), date(1962, 6, 2)),
    ("0001", date(1, 1, 1), date(1, 12, 31)),
    ("1962-06-30", date(1962, 6, 30), date(1962, 6, 30)),
    ("1964-02-29", date(1964, 2, 29), date(1964, 2, 29)),
])
def test_a_date_covers_every_day_its_precision_allows(text: str, first: date, last: date) -> None:
    parsed = parse_date(text)
    assert (parsed.first_day(), parsed.last_day()) == (first, last)
    assert parsed.isoformat() == text


def test_the_parts_of_a_date_are_read_as_written() -> None:
    assert parse_date("1962") == PartialDate(1962)
    assert parse_date("1962-06") == PartialDate(1962, 6)
    assert parse_date("1962-06-02") == PartialDate(1962, 6, 2)


@pytest.mark.parametrize(("text", "why"), [
    ("0000", "'0000' has year 0000, which the calendar does not have"),
    ("1962-00", "'1962-00' has no month 0"),
    ("1962-13", "'1962-13' has no month 13"),
    ("1962-02-29", "'1962-02-29' is not a day of the calendar"),
    ("1962-06-31", "'1962-06-31' is not a day of the calendar"),
    ("1962-06-00", "'1962-06-00' is not a day of the calendar"),
    ("June 1962", f"'June 1962' {DATE_HINT}"),
])
def test_a_refused_date_says_why(text: str, why: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == why


@pytest.mark.parametrize("value", [1962, None, 1962.5, b"1962", ["1962"]])
def test_a_date_that_is_not_text_is_refused_not_a_crash(value: object) -> None:
    with pytest.raises(DateError, match="is not a date like 1962"):
        parse_date(value)  # type: ignore[arg-type]
    assert format_date(value) == str(value)  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(days, precisions)
def test_a_date_written_at_any_precision_reads_back_the_same(day: date, precision: str) -> None:
    text = cut(day, precision)
    parsed = parse_date(text)
    assert parsed.isoformat() == text
    assert parsed.first_day() <= day <= parsed.last_day()
    assert cut(parsed.first_day(), precision) == cut(parsed.last_day(), precision) == text
    if parsed.last_day() < date(9999, 12, 31):  # the next day is in the next year, month or day
        assert cut(parsed.last_day() + timedelta(days=1), precision) != text


@settings(max_examples=80, deadline=None)
@given(days, precisions, days, precisions)
def test_a_span_runs_from_the_first_day_of_the_start_to_the_end_of_the_last(a: date, pa: str, b: date, pb: str) -> None:
    start, end = cut(min(a, b), pa), cut(max(a, b), pb)
    low, high = date_span(start, end)
    assert low == decimal_year(parse_date(start).first_day())
    assert low < high
    last = parse_date(end).last_day()
    assert high == pytest.approx(decimal_year(last) + 1 / (366 if calendar.isleap(last.year) else 365))


def test_decimal_years_count_the_days_of_their_own_year() -> None:
    assert decimal_year(date(1962, 1, 1)) == 1962.0
    assert decimal_year(date(1962, 7, 2)) == pytest.approx(1962 + 182 / 365)
    assert decimal_year(date(1964, 12, 31)) == pytest.approx(1964 + 365 / 366)
    assert decimal_year(date(1962, 12, 31)) == pytest.approx(1962 + 364 / 365)


def test_a_day_spans_one_day_of_its_year() -> None:
    assert date_span("1962-06-02") == (pytest.approx(1962 + 152 / 365), pytest.approx(1962 + 153 / 365))
    assert date_span("1964-12-31") == (pytest.approx(1964 + 365 / 366), pytest.approx(1965.0))
    assert date_span("1962-06-02", None) == date_span("1962-06-02", "") == date_span("1962-06-02", "1962-06-02")


def test_an_end_within_the_start_month_is_not_before_it() -> None:
    assert date_span("1962-06", "1962-06-02") == (pytest.approx(1962 + 151 / 365), pytest.approx(1962 + 153 / 365))
    assert date_span("1962-06-30", "1962-06")[1] == pytest.approx(1962 + 181 / 365)


@pytest.mark.parametrize(("start", "end", "why"), [
    ("1962-06-02", "1962-06-01", "end '1962-06-01' is before start '1962-06-02'"),
    ("1962", "1961", "end '1961' is before start '1962'"),
    ("1962", "1962-13", "'1962-13' has no month 13"),
    ("62", "1962", f"'62' {DATE_HINT}"),
])
def test_a_span_that_cannot_be_drawn_says_why(start: str, end: str, why: str) -> None:
    with pytest.raises(DateError) as caught:
        date_span(start, end)
    assert str(caught.value) == why


def test_text_that_is_no_date_is_shown_as_it_is() -> None:
    assert format_date("spring 1962") == "spring 1962"
    assert format_date("1962-02-30") == "1962-02-30"
    assert format_date("1962") == "1962"
    assert format_date("0001-01-01") == "1 January 1"
    assert format_span("1962-06-02", "1962-06-05") == "2 June 1962 – 5 June 1962"
    assert format_span("1962-06", None) == "June 1962"


# --- EDTF: historians' dates -----------------------------------------------------------------------

@pytest.fixture(autouse=True)
def _edtf_read_afresh():
    """Each test reads its EDTF dates afresh: parsed ones are cached for the life of the process."""
    dates._edtf_bounds.cache_clear()


@pytest.mark.parametrize(("text", "first", "last"), [
    ("1962-06?", date(1962, 6, 1), date(1962, 6, 30)),
    ("1962-06-02?", date(1962, 6, 2), date(1962, 6, 2)),
    ("1964-02-29~", date(1964, 2, 29), date(1964, 2, 29)),
    ("1930~", date(1930, 1, 1), date(1930, 12, 31)),
    ("192X", date(1920, 1, 1), date(1929, 12, 31)),
    ("1929/1933", date(1929, 1, 1), date(1933, 12, 31)),
    ("1962-06/1962-07-04", date(1962, 6, 1), date(1962, 7, 4)),
    ("1929?/1933~", date(1929, 1, 1), date(1933, 12, 31)),
    ("1985/..", date(1985, 1, 1), None),
    ("../1917", None, date(1917, 12, 31)),
    ("0001~", date(1, 1, 1), date(1, 12, 31)),
    ("0001", date(1, 1, 1), date(1, 12, 31)),
    ("1962-21", date(1962, 3, 1), date(1962, 5, 31)),
])
def test_an_edtf_date_covers_the_days_a_historian_means(text: str, first: date | None, last: date | None) -> None:
    assert edtf_bounds(text) == (first, last)


@pytest.mark.parametrize(("text", "why"), [
    ("0000~", "'0000~' has year 0000, which the calendar does not have"),
    ("0000", "'0000' has year 0000, which the calendar does not have"),
    ("1933/1929", "'1933/1929' ends before it starts"),
    ("1933?/1929?", "'1933?/1929?' ends before it starts"),
    ("1962-06-02/1962-06-01", "'1962-06-02/1962-06-01' ends before it starts"),
    ("1962-02-29?", "'1962-02-29?' is not a day of the calendar"),
    ("1962-06-02 ", f"'1962-06-02 ' {EDTF_HINT}"),
    ("１９６２", f"'１９６２' {EDTF_HINT}"),
    ("2/3", f"'2/3' {EDTF_HINT}"),
    ("", f"'' {EDTF_HINT}"),
    ("1962-06-31?", f"'1962-06-31?' {EDTF_HINT}"),
])
def test_an_edtf_date_that_cannot_be_read_says_why(text: str, why: str) -> None:
    with pytest.raises(DateError) as caught:
        edtf_bounds(text)
    assert str(caught.value) == why


@pytest.mark.parametrize("value", [None, 1962, ["1962"], {"a": 1}])
def test_an_edtf_date_that_is_not_text_is_refused(value: object) -> None:
    with pytest.raises(DateError, match="is not a date in EDTF"):
        edtf_bounds(value)  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None)  # the EDTF grammar is slow
@given(st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?", fullmatch=True))
def test_plain_iso_dates_read_as_the_edtf_grammar_reads_them(text: str) -> None:
    """The fast path for ISO dates gives the grammar's days, and refuses what the grammar refuses."""
    from edtf import parse_edtf

    try:
        parsed = parse_edtf(text)
        low, high = parsed.lower_strict(), parsed.upper_strict()
        grammar = (date(low.tm_year, low.tm_mon, low.tm_mday), date(high.tm_year, high.tm_mon, high.tm_mday))
        grammar_ok = grammar[0] <= grammar[1]
    except Exception:
        grammar_ok = False
    try:
        fast = edtf_bounds(text)
    except DateError:
        assert not grammar_ok
        return
    assert grammar_ok and fast == grammar

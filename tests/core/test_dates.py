"""Dates cut to a precision, and the spans the timeline draws for them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.store.dates import DateError, date_span, format_span, parse_date


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

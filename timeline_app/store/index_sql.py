"""The SQL the timeline index is read and checked with: what each flag of an event is, and the
key a saved index must match. No numpy and no Qt, so the process that checks a store's rows
(:mod:`.row_check`) starts without them.
"""

from __future__ import annotations

import json
import sqlite3

from timeline_app.store.schema import QUOTE_TABLES, change_counter

CERTAINTY_CODES = ("exact", "approximate", "disputed")
LAYER_CODES = ("history", "film", "reception")
# How vague each end of an event's date is, as its EDTF date_text says: the bits of ``date_flags``.
VAGUE_START = 1  # approximate or uncertain (~ ? %) start: 1930~, 1953?/1964
VAGUE_END = 2  # approximate or uncertain end: 1930~, 1962-06/1992?
OPEN_START = 4  # no start or an unknown one: ../1917, /1917
OPEN_END = 8  # no end or an unknown one: 1985/.., 1985/
UNSPECIFIED_YEARS = 16  # a run of years written with X: 192X, 19XX


def date_flags_sql(columns: set[str]) -> str:
    """An SQL expression for an event's ``date_flags`` from its ``date_text`` (0 without the column)."""
    if "date_text" not in columns:
        return "0"
    text = "coalesce(date_text, '')"
    cut = f"instr({text}, '/')"
    first = f"(case when {cut} > 0 then substr({text}, 1, {cut} - 1) else {text} end)"
    last = f"(case when {cut} > 0 then substr({text}, {cut} + 1) else {text} end)"
    # Most dates are plain ISO: one glob rules them out before the string surgery.
    return (f"(case when date_text glob '*[~?%X.]*' or date_text glob '/*' or date_text glob '*/' then "
            f"({first} glob '*[~?%]*') * {VAGUE_START} + ({last} glob '*[~?%]*') * {VAGUE_END}"
            f" + ({cut} > 0 and {first} in ('', '..')) * {OPEN_START}"
            f" + ({cut} > 0 and {last} in ('', '..')) * {OPEN_END}"
            f" + (instr({text}, 'X') > 0) * {UNSPECIFIED_YEARS} else 0 end)")


def event_flags_sql(columns: set[str]) -> tuple[str, str, str, str, str]:
    """SQL for an event's exact_day, is_range, certainty, layer and date_flags, as the arrays hold them."""
    cases = " ".join(f"when '{c}' then {k}" for k, c in enumerate(CERTAINTY_CODES))
    layers = " ".join(f"when '{c}' then {k}" for k, c in enumerate(LAYER_CODES))
    layer = f"case layer {layers} else 0 end" if "layer" in columns else "0"
    return ("length(start) = 10", "coalesce([end], '') != ''", f"case certainty {cases} else 3 end", layer,
            date_flags_sql(columns))


def fingerprint(conn: sqlite3.Connection) -> str:
    """A summary of the tables the arrays come from, for stores without a change counter.

    Counts and largest rowids catch added and deleted rows; checksums over the dates, the
    certainty and every link catch rows edited in place (another tool's theme edit).
    """
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    parts = [one("select total(start_year), total(end_year), total(length(certainty) * (rowid % 9973)) "
                 "from events")]
    if "date_text" in {r[1] for r in conn.execute("pragma table_info(events)")}:  # the marks show how vague
        parts.append(one(f"select total({date_flags_sql({'date_text'})} * (rowid % 9973)) from events"))
    for table, column in (("event_themes", "theme_id"), ("event_places", "place_id")):
        parts.append(one(f"select total((rowid % 9973) * (length([{column}]) + unicode([{column}]) "
                         f"+ 7 * unicode(substr([{column}], -1)))) from [{table}]"))
    for table in ("events", "event_themes", "event_places", "themes", "places", "sources", *QUOTE_TABLES):
        parts += [one(f"select count(*) from [{table}]"), one(f"select max(rowid) from [{table}]")]
    return json.dumps(parts)


def index_key(conn: sqlite3.Connection) -> str:
    """What a saved index must match to be used: the store's change counter, or else a fingerprint."""
    return counted_key(conn) or f"fingerprint {fingerprint(conn)}"


def counted_key(conn: sqlite3.Connection) -> str | None:
    """The index key if the store keeps a change counter (cheap to read), else None."""
    counter = change_counter(conn)
    return None if counter is None else f"counter {counter}"


__all__ = ["CERTAINTY_CODES", "LAYER_CODES", "OPEN_END", "OPEN_START", "UNSPECIFIED_YEARS", "VAGUE_END",
           "VAGUE_START", "counted_key", "date_flags_sql", "event_flags_sql", "fingerprint", "index_key"]

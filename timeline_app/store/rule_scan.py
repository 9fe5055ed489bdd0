"""Passes over the events in SQLite's own code, telling which rules may have a problem. No Qt.

Calling a Python rule for every row costs a million calls on a million events (seconds). Here
SQL says of each row what the rule would where it can (enumerations byte for byte, an end
before its start); starts, ends and ids come back joined in one text each, which one regular
expression each checks (:data:`~timeline_app.store.dates.READABLE_DATE`, the id pattern). A
rule these passes clear cannot have a problem on any row; a rule they flag runs its own
per-row query, so what is found, and how it is worded, stays the rule's own. The SQL may flag
a sound row (it errs on the side of caution, and the rule's query then finds nothing); it
never clears a broken one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from timeline_app.store.dates import READABLE_DATE

#: The rules the passes over ``events`` can clear (what :func:`event_suspects` names).
EVENT_RULES = ("dates", "certainty", "id", "layer", "date_basis", "calendar", "date_text")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def one_of_sql(column: str, allowed: tuple[str, ...], empty_allowed: bool) -> str:
    """SQL that is 1 where ``column`` is not one of ``allowed`` (byte for byte; NULL only if
    ``empty_allowed``), else 0: what ``value in allowed`` says in Python."""
    whens = " ".join(f"when {_quote(value)} then 0" for value in allowed)
    other = f"([{column}] is not null)" if empty_allowed else "1"
    return f"(case [{column}] collate binary {whens} else {other} end)"


def _is_text(column: str) -> str:
    # Numbers sort before all text and blobs after it (x'' is the least blob); NULL is neither.
    return f"[{column}] collate binary >= '' and [{column}] collate binary < x''"


def dates_broken_sql() -> str:
    """SQL that is 1 where an event's start or end is not text, or its end sorts before its start.

    For dates the rule reads (digits and dashes, cut at year, month or day) the end is before the
    start exactly when it sorts before it and is not the start cut shorter; whether each date
    reads is :func:`dates_unread`'s to say.

    Written as nested CASEs, which SQLite stops reading at the first answer (an ``and`` in a
    value reads both sides): the cutting is done only for an end not empty that sorts before
    its start, the comparisons for text only. A third of the time of a plainer expression.
    """
    end = "[end] collate binary"
    before = f"case when {end} > '' and {end} < start and {end} != substr(start, 1, length([end])) then 1 else 0 end"
    return (f"(case when {_is_text('start')} then (case when [end] is null then 0 "
            f"when {_is_text('end')} then ({before}) else 1 end) else 1 end)")


def event_rules_sql(columns: set[str], version_2: bool,
                    enumerations: dict[str, tuple[tuple[str, ...], bool]]) -> dict[str, str]:
    """For each rule on events the SQL that is 1 where a row may break it (for ids and dates only
    what SQL can tell: the rest is asked of :func:`ids_are_slugs` and :func:`dates_unread`)."""
    rules = {"dates": dates_broken_sql(), "id": "(typeof(id) != 'text')"}
    rules.update((column, one_of_sql(column, *enumerations[column]))
                 for column in enumerations if column == "certainty" or version_2)
    if version_2 and "date_text" in columns:
        rules["date_text"] = "(case when date_text is null or date_text collate binary = '' then 0 else 1 end)"
    return rules


#: The bytes a slug is made of (a dash never first): what :func:`~timeline_app.store.rules.id_problem` accepts.
SLUG_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789-"


def ids_are_slugs(joined: str | None, count: int) -> bool:
    """Whether ``count`` ids (text: SQL checked that), joined by newlines, are each a lowercase slug.

    Read as bytes, not matched with a regular expression (a tenth of the time at a million ids):
    every byte is a slug's or a newline, no id is empty and none begins with a dash.
    """
    if count == 0:
        return True
    # A newline inside an id would split it in two: the count of separators says so.
    if joined is None or joined.count("\n") != count - 1 or not joined.isascii():
        return False
    data = joined.encode("ascii")
    return bool(data) and not data.translate(None, SLUG_BYTES + b"\n") and not data.startswith((b"-", b"\n")) \
        and not data.endswith(b"\n") and b"\n\n" not in data and b"\n-" not in data


@dataclass(frozen=True)
class EventsRead:
    """What one read of the events with rowids in a range found (:func:`read_events`)."""

    flagged: bool  # some row may break a rule given as SQL
    ids_are_slugs: bool  # every id is a slug, if it is text (whether it is, SQL says)
    dates_read: bool  # every start, and every end not empty, is a date the rule reads, if it is text
    extra: tuple = ()  # the further aggregates asked for (the index proof's sums)


def events_read_sql(rules: dict[str, str], extra: str = "") -> str:
    """SQL reading the events once, for :func:`read_events`.

    ``rules`` maps a rule to SQL that is 1 where a row may break it; ``extra`` is further
    aggregates over the same rows (another pass over them would read every row again).
    """
    flagged = " or ".join(f"coalesce({sql}, 1)" for sql in rules.values()) or "0"
    more = f", {extra}" if extra else ""
    return (f"select count(*), total({flagged}), group_concat(id, char(10)), group_concat(start, ','), "
            f"group_concat(coalesce([end], ''), ','){more} from events")


class DatesRead:
    """The dates found readable so far in one store's events, shared by the reads of its parts:
    a million events have a few thousand dates, so after the first part most are known."""

    def __init__(self) -> None:
        self.starts: set[str] = set()
        self.ends: set[str] = {""}  # an end may be empty


def read_events(conn: sqlite3.Connection, sql: str, rowids: tuple[int, int] | None = None,
                known: DatesRead | None = None) -> EventsRead:
    """Read the events (those with rowids in ``rowids``, inclusive, if given) once, with ``sql``
    from :func:`events_read_sql`; ``known``: dates found readable by the reads of other parts."""
    if rowids is not None:
        sql += " where rowid between ? and ?"
    count, flagged, ids, starts, ends, *extra = conn.execute(sql, rowids or ()).fetchone()
    known = DatesRead() if known is None else known
    dates_read = _dates_read(starts, count, known.starts) and _dates_read(ends, count, known.ends)
    return EventsRead(bool(flagged), ids_are_slugs(ids, count), dates_read, tuple(extra))


_READABLE = re.compile(READABLE_DATE)


def _dates_read(joined: str | None, count: int, known: set[str]) -> bool:
    """Whether each of ``count`` dates joined by commas is in ``known`` or reads (and is then known)."""
    if count == 0:
        return True
    # A comma inside a value would split it in two (a NULL leaves one out): the count of separators says so.
    if joined is None or joined.count(",") != count - 1:
        return False
    dates = joined.split(",")
    if known.issuperset(dates):  # a third of the time of making a set of them
        return True
    fresh = set(dates) - known
    if not all(_READABLE.fullmatch(date) for date in fresh):
        return False
    known |= fresh  # two threads may both match a date new to them: no harm, it is matched twice
    return True


def rowid_ranges(conn: sqlite3.Connection, parts: int) -> list[tuple[int, int] | None]:
    """``parts`` ranges of rowids (inclusive, about equally wide) that together cover every event;
    one None (every event, unranged) if there are no rowids to range over.

    The first and the last are open-ended, so an event added meanwhile is read too.
    """
    if parts <= 1 or "rowid" in {r[1].lower() for r in conn.execute("pragma table_info(events)")}:
        return [None]  # a column of that name hides the rowid
    try:
        low, high = conn.execute("select (select min(rowid) from events), (select max(rowid) from events)").fetchone()
    except sqlite3.OperationalError:  # a table without rowids
        return [None]
    if low is None:
        return [None]
    step = (high - low) // parts + 1
    cuts = [low + step * k for k in range(1, parts)]
    return list(zip([-(2**63), *cuts], [cut - 1 for cut in cuts] + [2**63 - 1], strict=True))


def dates_unread(reads: list[EventsRead]) -> bool:
    """Whether some event's start, or end that is not empty, may not be a date the rule reads.

    Each distinct date is matched with :data:`~timeline_app.store.dates.READABLE_DATE` as the
    events are read. Whether the dates are text at all is for :func:`dates_broken_sql` to say.
    """
    return not all(read.dates_read for read in reads)


def event_suspects(conn: sqlite3.Connection, rules: dict[str, str], reads: list[EventsRead]) -> set[str]:
    """The rules that may have a problem on some row of ``events``, from ``reads`` of all of them.

    ``rules`` maps a rule to SQL that is 1 where a row may break it ("id" among them: SQL says
    whether an id is text, :func:`ids_are_slugs` the rest; "dates": SQL says whether an end
    is before its start, :func:`dates_unread` whether each date reads). In the usual case of
    none broken the reads say so; else a second pass over the events tells the rules apart.
    """
    suspects = set()
    if any(read.flagged for read in reads):
        counts = conn.execute("select " + ", ".join(f"total(coalesce({sql}, 1))" for sql in rules.values())
                              + " from events").fetchone()
        suspects = {rule for rule, n in zip(rules, counts, strict=True) if n}
    if not all(read.ids_are_slugs for read in reads):
        suspects.add("id")
    if dates_unread(reads):
        suspects.add("dates")
    return suspects


def unique_by_constraint(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether ``table`` declares ``column`` unique (primary key or unique), so SQLite refuses a
    second row with the same value (NULLs aside)."""
    for _seq, name, unique, origin, partial in conn.execute(f"pragma index_list([{table}])"):
        if unique and origin in ("pk", "u") and not partial and \
                [r[2] for r in conn.execute(f"pragma index_info([{name}])")] == [column]:
            return True
    return False


def references_may_dangle(conn: sqlite3.Connection, table: str, column: str, target: str) -> bool:
    """Whether some row of ``table`` may name in ``column`` no row of ``target`` (or be NULL).

    A reference to a few themes, places or sources is looked up once per distinct value. The
    events are many: when the links are too, both sides are read in order, each from its index,
    and merged (:func:`_events_missing`); a few links are each looked up, as a join.
    """
    if target != "events":
        sql = (f"select exists (select 1 from (select distinct [{column}] from [{table}]) "
               f"where [{column}] is null or [{column}] not in (select id from [{target}]))")
        return bool(conn.execute(sql).fetchone()[0])
    if _rows_about(conn, table) * MERGE_ABOVE_SHARE > _rows_about(conn, target):
        return _events_missing(conn, table, column, target)
    # The link's column comes first in the join, so it is compared as the rule compares it (its collation).
    sql = (f"select exists (select 1 from [{table}] l left join [{target}] t on l.[{column}] = t.id "
           "where t.id is null)")
    return bool(conn.execute(sql).fetchone()[0])


def values_counted(conn: sqlite3.Connection, table: str, column: str) -> dict[Any, int]:
    """How many rows of ``table`` hold each value of ``column``, told apart byte for byte (read
    from the column's index where it has one): what the index proof compares with the links it
    knows, and the values a reference to a few themes or places is checked by."""
    return dict(conn.execute(f"select [{column}] collate binary, count(*) from [{table}] group by 1"))


def values_dangle(conn: sqlite3.Connection, values: Iterable[Any], target: str) -> bool:
    """Whether one of ``values`` is NULL or equals no id of ``target`` byte for byte (a value the
    rule's own query would match another way is flagged, never one it would not)."""
    ids = {r[0] for r in conn.execute(f"select id from [{target}]")}
    return any(value is None or value not in ids for value in values)


#: Links are merged with the events, not looked up, once there are more than a fourth as many:
#: a lookup costs about five steps along an index, and a merge one step per link and per event.
MERGE_ABOVE_SHARE = 4


def _rows_about(conn: sqlite3.Connection, table: str) -> int:
    """About how many rows ``table`` has, without counting them: its largest rowid (rows deleted
    since make it too many, which only changes which of two sound ways is taken)."""
    try:
        # max() alone, so SQLite looks at the last row only (inside coalesce it would read them all).
        largest = conn.execute(f"select max(rowid) from [{table}]").fetchone()[0]
    except sqlite3.OperationalError:  # a table without rowids
        largest = None
    if isinstance(largest, int):
        return largest
    # Empty (cheap to count), no rowid, or a column of that name hides it.
    return int(conn.execute(f"select count(*) from [{table}]").fetchone()[0])


def _events_missing(conn: sqlite3.Connection, table: str, column: str, target: str) -> bool:
    """Whether some value of ``table.column`` is NULL or equals no id of ``target`` byte for byte.

    SQLite runs a compound ``except`` with an ``order by`` as a merge of its two sides, each
    read from an index in order where there is one: a pass over each instead of a search of the
    events' index per link (a third of the time at a million). Byte for byte, because values
    equal so are equal under any collation the join might use: the merge may flag a link the
    join would match (the per-row query then finds nothing), never clear one it would not. A
    NULL is kept apart, as no id can match it.
    """
    if conn.execute(f"select exists (select 1 from [{table}] where [{column}] is null)").fetchone()[0]:
        return True
    sql = (f"select [{column}] collate binary from [{table}] "
           f"except select id collate binary from [{target}] order by 1 limit 1")
    return conn.execute(sql).fetchone() is not None


__all__ = ["EVENT_RULES", "DatesRead", "EventsRead", "dates_broken_sql", "dates_unread", "event_rules_sql",
           "event_suspects", "events_read_sql", "ids_are_slugs", "one_of_sql", "read_events", "references_may_dangle",
           "rowid_ranges", "unique_by_constraint", "values_counted", "values_dangle"]

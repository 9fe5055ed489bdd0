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


def dates_broken_sql() -> str:
    """SQL that is 1 where an event's start or end is not text, or its end sorts before its start.

    For dates the rule reads (digits and dashes, cut at year, month or day) the end is before the
    start exactly when it sorts before it and is not the start cut shorter; whether each date
    reads is :func:`dates_unread`'s to say.
    """
    before = ("([end] is not null and [end] collate binary < start "
              "and [end] collate binary != substr(start, 1, length([end])))")
    return f"(typeof(start) != 'text' or typeof([end]) not in ('text', 'null') or {before})"


def dates_unread(conn: sqlite3.Connection) -> bool:
    """Whether some event's start, or end that is not empty, may not be a date the rule reads.

    The dates come back joined in one text per column, and each distinct one is matched with
    :data:`~timeline_app.store.dates.READABLE_DATE` (a million events have a few thousand dates).
    Whether they are text at all is for :func:`dates_broken_sql` to say.
    """
    count, starts, ends = conn.execute("select count(*), group_concat(start, ','), "
                                       "group_concat(coalesce([end], ''), ',') from events").fetchone()
    if count == 0:
        return False
    if starts is None or ends is None or starts.count(",") != count - 1 or ends.count(",") != count - 1:
        return True  # a comma inside a value would split it in two: the count of separators says so
    readable = re.compile(READABLE_DATE)
    return not all(readable.fullmatch(d) for d in set(starts.split(","))) or \
        not all(not d or readable.fullmatch(d) for d in set(ends.split(",")))


def event_rules_sql(columns: set[str], version_2: bool,
                    enumerations: dict[str, tuple[tuple[str, ...], bool]]) -> dict[str, str]:
    """For each rule on events the SQL that is 1 where a row may break it (for ids and dates only
    what SQL can tell: the rest is asked of :func:`ids_are_slugs` and :func:`dates_unread`)."""
    rules = {"dates": dates_broken_sql(), "id": "(typeof(id) != 'text')"}
    rules.update((column, one_of_sql(column, *enumerations[column]))
                 for column in enumerations if column == "certainty" or version_2)
    if version_2 and "date_text" in columns:
        rules["date_text"] = "(date_text is not null and date_text collate binary != '')"
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


def event_suspects(conn: sqlite3.Connection, rules: dict[str, str]) -> set[str]:
    """The rules that may have a problem on some row of ``events``.

    ``rules`` maps a rule to SQL that is 1 where a row may break it ("id" among them: SQL says
    whether an id is text, :func:`ids_are_slugs` the rest). One sum over all
    rules in the usual case of none broken; a second pass tells them apart.
    """
    flagged = " or ".join(f"coalesce({sql}, 1)" for sql in rules.values()) or "0"
    row = conn.execute(f"select total({flagged}), count(*), group_concat(id, char(10)) from events").fetchone()
    suspects = set()
    if row[0]:
        counts = conn.execute("select " + ", ".join(f"total(coalesce({sql}, 1))" for sql in rules.values())
                              + " from events").fetchone()
        suspects = {rule for rule, n in zip(rules, counts, strict=True) if n}
    if "id" not in suspects and not ids_are_slugs(row[2], row[1]):
        suspects.add("id")
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
    links = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
    if links * MERGE_ABOVE_SHARE > conn.execute(f"select count(*) from [{target}]").fetchone()[0]:
        return _events_missing(conn, table, column, target)
    # The link's column comes first in the join, so it is compared as the rule compares it (its collation).
    sql = (f"select exists (select 1 from [{table}] l left join [{target}] t on l.[{column}] = t.id "
           "where t.id is null)")
    return bool(conn.execute(sql).fetchone()[0])


#: Links are merged with the events, not looked up, once there are more than a fourth as many:
#: a lookup costs about five steps along an index, and a merge one step per link and per event.
MERGE_ABOVE_SHARE = 4


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


__all__ = ["EVENT_RULES", "dates_broken_sql", "dates_unread", "event_rules_sql", "event_suspects", "ids_are_slugs",
           "one_of_sql", "references_may_dangle", "unique_by_constraint"]

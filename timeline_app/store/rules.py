"""The one rule set for a store: contract tables and columns, ids, dates, certainty, references.

Build and import check each entry with the functions here; opening a store, the background
check and ``timeline-app check`` run the same functions inside SQLite (registered with
:func:`install_rule_functions`), so whatever one accepts, all accept.
"""

from __future__ import annotations

import re
import sqlite3

from timeline_app.store.dates import DateError, date_span, parse_date
from timeline_app.store.schema import CERTAINTIES, CONTRACT, QUOTE_TABLES, SCHEMA_VERSION

#: (table, column, referenced table) for every reference the contract makes.
FOREIGN_KEYS = (
    ("event_places", "event_id", "events"), ("event_places", "place_id", "places"),
    ("event_themes", "event_id", "events"), ("event_themes", "theme_id", "themes"),
    *((t, "event_id", "events") for t in QUOTE_TABLES),
    *((t, "source_id", "sources") for t in QUOTE_TABLES),
)

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
SLUG_HINT = "is not a lowercase slug like novocherkassk-massacre"


def id_problem(value: object) -> str | None:
    """Why ``value`` cannot be an id (of an event, place, theme or source), or None."""
    if isinstance(value, str) and _SLUG.fullmatch(value):
        return None
    return f"{value!r} {SLUG_HINT}"


def dates_problem(start: object, end: object = "") -> str | None:
    """Why ``start``/``end`` cannot be an event's or period's dates, or None (``end`` may be empty)."""
    if not isinstance(start, str) or (end is not None and not isinstance(end, str)):
        return f"start {start!r} and end {end!r} must be text like 1962-06-02"
    try:
        date_span(start, end or "")
    except DateError as exc:
        return str(exc)
    return None


def published_problem(value: object) -> str | None:
    """Why ``value`` cannot be a source's publication date (empty is allowed), or None."""
    if value is None or value == "":
        return None
    try:
        parse_date(value)  # type: ignore[arg-type]
    except DateError as exc:
        return str(exc)
    return None


def certainty_problem(value: object) -> str | None:
    """Why ``value`` cannot be an event's certainty, or None."""
    return None if value in CERTAINTIES else f"{value!r} is not one of {', '.join(CERTAINTIES)}"


def install_rule_functions(conn: sqlite3.Connection) -> None:
    """Make the rules callable from SQL on ``conn`` (``tl_dates_problem(start, end)`` and the like)."""
    conn.create_function("tl_dates_problem", 2, dates_problem, deterministic=True)
    conn.create_function("tl_id_problem", 1, id_problem, deterministic=True)
    conn.create_function("tl_published_problem", 1, published_problem, deterministic=True)
    conn.create_function("tl_certainty_problem", 1, certainty_problem, deterministic=True)


def table_names(conn: sqlite3.Connection) -> set[str]:
    """Tables and views of the store."""
    return {r[0] for r in conn.execute("select name from sqlite_master where type in ('table','view')")}


def contract_problems(conn: sqlite3.Connection) -> list[str]:
    """Tables or columns the contract requires that are missing, and an unknown schema version."""
    problems: list[str] = []
    tables = table_names(conn)
    for table, columns in CONTRACT.items():
        if table not in tables:
            problems.append(f"missing table '{table}'")
            continue
        have = {r[1] for r in conn.execute(f"pragma table_info([{table}])")}
        problems += [f"table '{table}' has no column '{column}'" for column in columns if column not in have]
    if "meta" in tables and not problems:
        row = conn.execute("select value from meta where key = 'schema_version'").fetchone()
        if row is None:
            problems.append("meta has no schema_version")
        elif str(row[0]) != SCHEMA_VERSION:
            problems.append(
                f"schema_version is {row[0]!r}; this version of timeline-app reads version {SCHEMA_VERSION}"
            )
    return problems


def _limit(limit: int | None) -> str:
    return "" if limit is None else f" limit {int(limit)}"


def row_problems(conn: sqlite3.Connection, limit: int | None = 20) -> list[str]:
    """Every row that breaks a rule: ids, dates, certainty, duplicates and references.

    ``limit`` caps the problems reported per rule (None: all of them).
    """
    install_rule_functions(conn)
    tail = _limit(limit)
    problems = [f"event '{eid}': dates: {why}" for eid, why in conn.execute(
        f"select id, tl_dates_problem(start, [end]) as why from events where why is not null{tail}")]
    problems += [f"event '{eid}': certainty {why}" for eid, why in conn.execute(
        f"select id, tl_certainty_problem(certainty) as why from events where why is not null{tail}")]
    for table, kind in (("events", "event"), ("places", "place"), ("themes", "theme"), ("sources", "source")):
        problems += [f"{kind} id {why}" for (why,) in conn.execute(
            f"select tl_id_problem(id) as why from [{table}] where why is not null{tail}")]
        problems += [f"{kind} id {value!r} is used by {n} rows" for value, n in conn.execute(
            f"select id, count(*) from [{table}] group by id having count(*) > 1{tail}")]
    problems += [f"source '{sid}': published: {why}" for sid, why in conn.execute(
        f"select id, tl_published_problem(published) as why from sources where why is not null{tail}")]
    if "periods" in table_names(conn):
        problems += [f"period '{pid}': dates: {why}" for pid, why in conn.execute(
            f"select id, tl_dates_problem(start, [end]) as why from periods where why is not null{tail}")]
    for table, column, target in FOREIGN_KEYS:
        sql = (f"select rowid, [{column}] from [{table}] where [{column}] is null "
               f"or [{column}] not in (select id from [{target}]){tail}")
        problems += [f"{table} row {rowid}: {column} {value!r} names no row of {target}"
                     for rowid, value in conn.execute(sql)]
    return problems


def opening_problems(conn: sqlite3.Connection, rows: bool = True) -> list[str]:
    """Everything that stops the window from showing a store: contract, and (if ``rows``) every row rule."""
    problems = contract_problems(conn)
    if problems or not rows:
        return problems
    return row_problems(conn)

"""The rules a store must keep to be opened, checked with SQL alone so large stores open quickly."""

from __future__ import annotations

import sqlite3

from timeline_app.store.schema import CERTAINTIES, CONTRACT, QUOTE_TABLES, SCHEMA_VERSION

#: (table, column, referenced table) for every reference the contract makes.
FOREIGN_KEYS = (
    ("event_places", "event_id", "events"), ("event_places", "place_id", "places"),
    ("event_themes", "event_id", "events"), ("event_themes", "theme_id", "themes"),
    *((t, "event_id", "events") for t in QUOTE_TABLES),
    *((t, "source_id", "sources") for t in QUOTE_TABLES),
)

# ISO 8601 cut to year, month or day, with month and day in range.
_DATE_OK = """(
  ({col} glob '[0-9][0-9][0-9][0-9]')
  or ({col} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]' and cast(substr({col}, 6, 2) as integer) between 1 and 12)
  or ({col} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
      and cast(substr({col}, 6, 2) as integer) between 1 and 12
      and cast(substr({col}, 9, 2) as integer) between 1 and 31)
)"""


def contract_problems(conn: sqlite3.Connection) -> list[str]:
    """Tables or columns the contract requires that are missing, and an unknown schema version."""
    problems: list[str] = []
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table','view')")}
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


def date_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Events whose start or end is malformed, or whose end comes before the start."""
    start_ok = _DATE_OK.format(col="start")
    end_ok = _DATE_OK.format(col="[end]")
    problems = [
        f"event '{eid}': start {start!r} is not a date like 1962, 1962-06 or 1962-06-02"
        for eid, start in conn.execute(
            f"select id, start from events where start is null or not {start_ok} limit {limit}")
    ]
    problems += [
        f"event '{eid}': end {end!r} is not a date like 1962, 1962-06 or 1962-06-02"
        for eid, end in conn.execute(
            f"select id, [end] from events where [end] is not null and [end] != '' and not {end_ok} limit {limit}")
    ]
    # Compare at the end's precision: end '1962' does not come before start '1962-06'.
    problems += [
        f"event '{eid}': end {end!r} is before start {start!r}"
        for eid, start, end in conn.execute(
            f"select id, start, [end] from events where [end] is not null and [end] != '' and {start_ok} "
            f"and {end_ok} and [end] < substr(start, 1, length([end])) limit {limit}")
    ]
    problems += [
        f"event '{eid}': certainty {c!r} is not one of {', '.join(CERTAINTIES)}"
        for eid, c in conn.execute(
            f"select id, certainty from events where certainty not in {CERTAINTIES!r} "
            f"or certainty is null limit {limit}")
    ]
    return problems


def reference_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Rows that name an event, place, theme or source the store does not have."""
    problems: list[str] = []
    for table, column, target in FOREIGN_KEYS:
        sql = (f"select rowid, [{column}] from [{table}] where [{column}] is null "
               f"or [{column}] not in (select id from [{target}]) limit {limit}")
        problems += [f"{table} row {rowid}: {column} {value!r} names no row of {target}"
                     for rowid, value in conn.execute(sql)]
    return problems


def row_problems(conn: sqlite3.Connection) -> list[str]:
    """Malformed or reversed dates and dangling references: the checks that read every row."""
    return date_problems(conn) + reference_problems(conn)


def opening_problems(conn: sqlite3.Connection, rows: bool = True) -> list[str]:
    """Everything that stops the window from showing a store: contract, and (if ``rows``) dates and references."""
    problems = contract_problems(conn)
    if problems or not rows:
        return problems
    return row_problems(conn)

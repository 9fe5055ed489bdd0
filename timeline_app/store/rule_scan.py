"""One pass over a table's rows in SQLite's own code, telling which rules may have a problem. No Qt.

Calling a Python rule for every row costs a million calls on a million events (seconds). This
pass reads each column once inside SQLite: enumerations are compared in SQL, ids, starts and
ends come back as one joined text each that Python checks whole (a regular expression over
the ids, the rule over each distinct date). A rule the pass clears cannot have a problem on
any row; a rule it flags runs its own per-row query, so what is found, and how it is worded,
stays the rule's own. The pass may flag a sound table (its SQL errs on the side of caution,
then the rule's query finds nothing); it never clears a broken one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

#: The rules the pass on ``events`` can clear (keys of :func:`event_suspects`).
EVENT_RULES = ("dates", "certainty", "id", "layer", "date_basis", "calendar", "date_text")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def one_of_sql(column: str, allowed: tuple[str, ...], empty_allowed: bool) -> str:
    """SQL that is 1 where ``column`` is not one of ``allowed`` (byte for byte; NULL only if
    ``empty_allowed``), else 0: what ``value in allowed`` says in Python."""
    whens = " ".join(f"when {_quote(value)} then 0" for value in allowed)
    other = f"([{column}] is not null)" if empty_allowed else "1"
    return f"(case [{column}] collate binary {whens} else {other} end)"


def _pieces(joined: str | None, separator: str) -> list[str]:
    return [] if joined is None else joined.split(separator)


def ids_are_slugs(joined: str | None, count: int, texts: int, slug: str) -> bool:
    """Whether ``count`` ids, all text (``texts`` of them), joined by newlines, each match ``slug``."""
    if texts != count:
        return False
    if count == 0:
        return True
    # A newline inside an id would split it in two: the count of separators says so.
    return joined is not None and joined.count("\n") == count - 1 and \
        re.fullmatch(f"(?:{slug}\n)*{slug}", joined) is not None


def dates_are_sound(starts: str | None, start_texts: int, count: int, ends: str | None, end_texts: int,
                    end_count: int, end_before_start: int, date_problem: Callable[[str], str | None]) -> bool:
    """Whether every start and end passes ``date_problem`` (tried once per distinct date) and no
    end comes before its start (``end_before_start`` rows, counted in SQL)."""
    if start_texts != count or end_texts != end_count or end_before_start:
        return False
    start_pieces, end_pieces = _pieces(starts, ","), _pieces(ends, ",")
    # A comma inside a value would split it: the counts say so (no date has one).
    if len(start_pieces) != count or len(end_pieces) != end_count:
        return False
    return all(date_problem(d) is None for d in set(start_pieces)) and \
        all(not d or date_problem(d) is None for d in set(end_pieces))


def event_suspects(conn: sqlite3.Connection, columns: set[str], version_2: bool, slug: str,
                   enumerations: dict[str, tuple[tuple[str, ...], bool]],
                   date_problem: Callable[[str], str | None], extra: str = "") -> tuple[set[str], tuple]:
    """The rules of :data:`EVENT_RULES` that may have a problem on some row of ``events``, and the
    values of the ``extra`` aggregates (SQL starting with a comma) the same pass computed.

    ``enumerations`` maps a column to its allowed values and whether NULL is allowed;
    ``date_problem`` is the rule for one date (start, or a non-empty end).
    """
    enum_columns = [c for c in enumerations if c == "certainty" or version_2]
    enum_sql = "".join(f", sum({one_of_sql(c, *enumerations[c])})" for c in enum_columns)
    date_text = ", sum(date_text is not null and date_text collate binary != '')" \
        if version_2 and "date_text" in columns else ", 0"
    # For dates known sound (digits and dashes, cut at year, month or day) the end is before the
    # start exactly when it sorts before the start and is not the start cut shorter.
    row = conn.execute(
        "select count(*), group_concat(id, char(10)), total(typeof(id) = 'text'), "
        "group_concat(start, ','), total(typeof(start) = 'text'), "
        "group_concat([end], ','), total(typeof([end]) = 'text'), count([end]), "
        "total([end] collate binary < start and [end] collate binary != substr(start, 1, length([end])))"
        f"{date_text}{enum_sql}{extra} from events").fetchone()
    count, ids, id_texts, starts, start_texts, ends, end_texts, end_count, before, texts = row[:10]
    bad, extras = row[10:10 + len(enum_columns)], tuple(row[10 + len(enum_columns):])
    suspects = set()
    if not ids_are_slugs(ids, count, int(id_texts), slug):
        suspects.add("id")
    if not dates_are_sound(starts, int(start_texts), count, ends, int(end_texts), end_count, int(before),
                           date_problem):
        suspects.add("dates")
    if texts:
        suspects.add("date_text")
    suspects.update(column for column, n in zip(enum_columns, bad, strict=True) if n)
    return suspects, extras


def unique_by_constraint(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether ``table`` declares ``column`` unique (primary key or unique), so SQLite refuses a
    second row with the same value (NULLs aside)."""
    for _seq, name, unique, origin, partial in conn.execute(f"pragma index_list([{table}])"):
        if unique and origin in ("pk", "u") and not partial:
            if [r[2] for r in conn.execute(f"pragma index_info([{name}])")] == [column]:
                return True
    return False


def references_may_dangle(conn: sqlite3.Connection, table: str, column: str, target: str) -> bool:
    """Whether some distinct value of ``table.column`` may name no row of ``target`` (or be NULL):
    one look-up per distinct value instead of one per row."""
    row = conn.execute(f"select count(*) from (select distinct [{column}] from [{table}]) "
                       f"where [{column}] is null or [{column}] not in (select id from [{target}])").fetchone()
    return bool(row[0])


__all__ = ["EVENT_RULES", "dates_are_sound", "event_suspects", "ids_are_slugs", "one_of_sql",
           "references_may_dangle", "unique_by_constraint"]

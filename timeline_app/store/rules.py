"""The one rule set for a store: contract tables and columns, ids, dates, certainty, references.

Build and import check each entry with the functions here; opening a store, the background
check and ``timeline-app check`` run the same functions inside SQLite (registered with
:func:`install_rule_functions`), so whatever one accepts, all accept.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from timeline_app.store.dates import DateError, date_span, edtf_bounds, parse_date
from timeline_app.store.index_proof import LINKS, event_sums_sql
from timeline_app.store.rule_scan import (
    DatesRead,
    event_rules_sql,
    event_suspects,
    events_read_sql,
    one_of_sql,
    read_events,
    references_may_dangle,
    rowid_ranges,
    unique_by_constraint,
    values_counted,
    values_dangle,
)
from timeline_app.store.schema import (
    CALENDARS,
    CERTAINTIES,
    CONTRACT,
    CONTRACT_V2,
    DATE_BASES,
    LAYERS,
    QUOTE_TABLES,
    READABLE_VERSIONS,
    VOICES,
)

if TYPE_CHECKING:
    from timeline_app.store.index_proof import IndexProof

#: (table, column, referenced table) for every reference the contract makes.
FOREIGN_KEYS = (
    ("event_places", "event_id", "events"), ("event_places", "place_id", "places"),
    ("event_themes", "event_id", "events"), ("event_themes", "theme_id", "themes"),
    *((t, "event_id", "events") for t in QUOTE_TABLES),
    *((t, "source_id", "sources") for t in QUOTE_TABLES),
)

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
#: Each enumerated column of events: its allowed values, and whether empty (NULL) is allowed.
ENUMERATIONS = {"certainty": (CERTAINTIES, False), "layer": (LAYERS, True), "date_basis": (DATE_BASES, True),
                "calendar": (CALENDARS, True)}
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
    return _one_of(value, CERTAINTIES)


def _one_of(value: object, allowed: tuple[str, ...]) -> str | None:
    return None if value in allowed else f"{value!r} is not one of {', '.join(allowed)}"


# Left empty, version 2's columns read as their defaults (history, unknown, gregorian, reviewer),
# as a version-1 store does: a tool that adds rows without them still makes a sound store.
def layer_problem(value: object) -> str | None:
    """Why ``value`` cannot be an event's layer (history, film, reception; empty: history), or None."""
    return None if value is None else _one_of(value, LAYERS)


def date_basis_problem(value: object) -> str | None:
    """Why ``value`` cannot be an event's date basis (review, outside, film, unknown; empty: unknown), or None."""
    return None if value is None else _one_of(value, DATE_BASES)


def calendar_problem(value: object) -> str | None:
    """Why ``value`` cannot be an event's calendar (gregorian, julian; empty: gregorian), or None."""
    return None if value is None else _one_of(value, CALENDARS)


def voice_problem(value: object) -> str | None:
    """Why ``value`` cannot be a passage's voice (reviewer, film, quoted; empty: reviewer), or None."""
    return None if value is None else _one_of(value, VOICES)


def date_text_problem(date_text: object, start: object, end: object = "") -> str | None:
    """Why ``date_text`` (EDTF) cannot be written for an event from ``start`` to ``end``, or None.

    Empty is allowed (the dates are then ``start``/``end`` as they are); otherwise the EDTF
    date must cover exactly the days ``start``..``end`` cover (an open end aside).
    """
    if date_text is None or date_text == "":
        return None
    try:
        first, last = edtf_bounds(date_text)
        low = parse_date(start).first_day()  # type: ignore[arg-type]
        high = parse_date(end or start).last_day()  # type: ignore[arg-type]
    except DateError as exc:
        return str(exc)
    if first is not None and first != low:
        return f"{date_text!r} begins on {first.isoformat()}, but start {start!r} begins on {low.isoformat()}"
    if last is not None and last != high:
        return f"{date_text!r} ends on {last.isoformat()}, but the dates end on {high.isoformat()}"
    return None


#: How many answers a rule remembers per connection (values repeat: a million events have a few
#: thousand distinct dates), so a big store's check calls each rule once per distinct value.
REMEMBERED = 200_000


def _remembering(rule: Callable[..., Any]) -> Callable[..., Any]:
    answers: dict = {}

    def ask(*values):
        try:
            return answers[values]
        except KeyError:
            if len(answers) >= REMEMBERED:
                answers.clear()
            answer = answers[values] = rule(*values)
            return answer
        except TypeError:  # an unhashable value cannot come from SQLite, but never fail a check on it
            return rule(*values)
    return ask


def install_rule_functions(conn: sqlite3.Connection) -> None:
    """Make the rules callable from SQL on ``conn`` (``tl_dates_problem(start, end)`` and the like)."""
    for name, count, rule in (("tl_dates_problem", 2, dates_problem), ("tl_id_problem", 1, id_problem),
                              ("tl_published_problem", 1, published_problem),
                              ("tl_certainty_problem", 1, certainty_problem), ("tl_layer_problem", 1, layer_problem),
                              ("tl_date_basis_problem", 1, date_basis_problem),
                              ("tl_calendar_problem", 1, calendar_problem), ("tl_voice_problem", 1, voice_problem),
                              ("tl_date_text_problem", 3, date_text_problem)):
        # Ids are all different: remembering them would only cost memory.
        conn.create_function(name, count, rule if rule is id_problem else _remembering(rule), deterministic=True)


def table_names(conn: sqlite3.Connection) -> set[str]:
    """Tables and views of the store."""
    return {r[0] for r in conn.execute("select name from sqlite_master where type in ('table','view')")}


def schema_version(conn: sqlite3.Connection) -> str | None:
    """The store's ``schema_version`` (None if it has none)."""
    try:
        row = conn.execute("select value from meta where key = 'schema_version'").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def contract_problems(conn: sqlite3.Connection) -> list[str]:
    """Tables or columns the store's contract version requires that are missing, and an unknown version."""
    problems: list[str] = []
    tables = table_names(conn)

    views = {r[0] for r in conn.execute("select name from sqlite_master where type = 'view'")}

    def missing(contract: dict[str, tuple[str, ...]]) -> list[str]:
        found = []
        for table, columns in contract.items():
            if table in views:
                found.append(f"'{table}' is a view, not a table")
                continue
            if table not in tables:
                found.append(f"missing table '{table}'")
                continue
            have = {r[1] for r in conn.execute(f"pragma table_info([{table}])")}
            found += [f"table '{table}' has no column '{column}'" for column in columns if column not in have]
        return found

    problems = missing(CONTRACT)
    if "meta" in tables and not problems:
        version = schema_version(conn)
        if version is None:
            problems.append("meta has no schema_version")
        elif version not in READABLE_VERSIONS:
            problems.append(f"schema_version is {version!r}; this version of timeline-app reads versions "
                            f"{' and '.join(READABLE_VERSIONS)}")
        elif version == "2":
            problems += missing(CONTRACT_V2)
    return problems


#: Into how many parts the events are cut to be read on two threads: enough that the threads end
#: about together, few enough that each part still reads many rows at a time.
EVENT_PARTS = 4


def _limit(limit: int | None) -> str:
    return "" if limit is None else f" limit {int(limit)}"


def row_problems(conn: sqlite3.Connection, limit: int | None = 20, proof: IndexProof | None = None,
                 beside: sqlite3.Connection | None = None) -> list[str]:
    """Every row that breaks a rule: ids, dates, certainty, duplicates and references.

    ``limit`` caps the problems reported per rule (None: all of them). A rule runs its per-row
    query only where passes over the table in SQLite (:mod:`.rule_scan`) cannot clear it. The
    passes, the references and a ``proof`` that the timeline index still holds are looked at
    meanwhile on two threads when there is a second connection to the same store (``beside``;
    never one inside a transaction of ``conn``'s).
    """
    install_rule_functions(conn)
    tail = _limit(limit)
    version_2 = schema_version(conn) == "2"
    columns = _columns(conn, "events")
    references = _foreign_keys(table_names(conn))
    rules_sql = event_rules_sql(columns, version_2, ENUMERATIONS)
    # The proof's sums over the events are read along with the rules' (one read of every row, not two).
    sums = event_sums_sql(columns) if proof is not None and "start_year" in columns else ""
    read_sql = events_read_sql(rules_sql, sums)
    parts = rowid_ranges(conn, EVENT_PARTS if beside is not None else 1)
    # Links to a theme or place are counted by value (from the column's index): the proof compares
    # the counts, and the reference is checked by the values alone.
    counted = [r for r in references if r in LINKS]
    passes = _passes(parts, read_sql, references, counted, proof, tail)
    answers = _shared(passes, [conn] if beside is None else [conn, beside])
    for r in counted:
        dangle = values_dangle(conn, answers[("counted", r)], r[2])
        answers[r] = reference_problems(conn, *r, tail=tail, may_dangle=dangle)
    reads = [answers[("events", k)] for k in range(len(parts))]
    suspects = event_suspects(conn, rules_sql, reads)
    if proof is not None and sums and len(counted) == len(LINKS):
        proof.compare(tuple(sum(values) for values in zip(*(read.extra for read in reads), strict=True)),
                      [answers[("counted", r)] for r in LINKS])
    problems = [f"event '{eid}': dates: {why}" for eid, why in conn.execute(
        f"select id, tl_dates_problem(start, [end]) as why from events where why is not null{tail}")] \
        if "dates" in suspects else []
    if "certainty" in suspects:
        problems += [f"event '{eid}': certainty {why}" for eid, why in conn.execute(
            f"select id, tl_certainty_problem(certainty) as why from events where why is not null{tail}")]
    for table, kind in (("events", "event"), ("places", "place"), ("themes", "theme"), ("sources", "source")):
        if table != "events" or "id" in suspects:
            problems += [f"{kind} id {why}" for (why,) in conn.execute(
                f"select tl_id_problem(id) as why from [{table}] where why is not null{tail}")]
        # A declared key lets SQLite hold each id once; only NULLs can then repeat.
        repeats = " where id is null" if unique_by_constraint(conn, table, "id") else ""
        problems += [f"{kind} id {value!r} is used by {n} rows" for value, n in conn.execute(
            f"select id, count(*) from [{table}]{repeats} group by id having count(*) > 1{tail}")]
    problems += [f"source '{sid}': published: {why}" for sid, why in conn.execute(
        f"select id, tl_published_problem(published) as why from sources where why is not null{tail}")]
    if version_2:
        problems += _v2_row_problems(conn, tail, suspects)
    if "periods" in table_names(conn):
        problems += [f"period '{pid}': dates: {why}" for pid, why in conn.execute(
            f"select id, tl_dates_problem(start, [end]) as why from periods where why is not null{tail}")]
    for reference in references:
        problems += answers[reference]
    return problems


def _passes(parts: list, read_sql: str, references: tuple[tuple[str, str, str], ...],
            counted: list[tuple[str, str, str]], proof: IndexProof | None,
            tail: str) -> dict[Any, Callable[[sqlite3.Connection], Any]]:
    """What :func:`row_problems` runs on its threads, by name, in the order the threads take it.

    The longest first, so the threads end about together: the parts of the events (at a million,
    about half a second each), the links to them (a quarter), to sources (a fifth), the links
    counted by value (a seventh), and the proof's remaining look last (by then the window has
    sent its digest). The second thread begins with a link table, not a second part: the first
    part's new dates are then matched alone, and the later parts find them known (rather than
    both matched at once, each waiting for the interpreter).
    """
    known = DatesRead()
    Pass = tuple[Any, Callable[[sqlite3.Connection], Any]]
    events: list[Pass] = [(("events", k), partial(read_events, sql=read_sql, rowids=rowids, known=known))
                          for k, rowids in enumerate(parts)]
    links: list[Pass] = [(r, partial(reference_problems, table=r[0], column=r[1], target=r[2], tail=tail))
                         for r in sorted(references, key=lambda r: r[2] != "events") if r not in counted]
    ordered = events[:1] + links[:1] + events[1:] + links[1:]
    ordered += [(("counted", r), partial(values_counted, table=r[0], column=r[1])) for r in counted]
    if proof is not None:
        ordered.append(("proof", proof.examine_the_rest))
    return dict(ordered)


def reference_problems(conn: sqlite3.Connection, table: str, column: str, target: str, tail: str = "",
                       may_dangle: bool | None = None) -> list[str]:
    """The rows of ``table`` whose ``column`` names no row of ``target`` (``tail``: a limit clause).

    ``may_dangle`` False: the caller knows none does (None: look).
    """
    if not (references_may_dangle(conn, table, column, target) if may_dangle is None else may_dangle):
        return []
    # The record's side of a dispute cites a reference instead of a source.
    record = " and not (coalesce(source_id, '') = '' and coalesce(ref, '') != '')" \
        if table == "claims" and column == "source_id" and "ref" in _columns(conn, "claims") else ""
    sql = (f"select rowid, [{column}] from [{table}] where ([{column}] is null "
           f"or [{column}] not in (select id from [{target}])){record}{tail}")
    return [f"{table} row {rowid}: {column} {value!r} names no row of {target}" for rowid, value in conn.execute(sql)]


def _shared(passes: dict[Any, Callable[[sqlite3.Connection], Any]],
            connections: list[sqlite3.Connection]) -> dict[Any, Any]:
    """Each of ``passes`` run on one of ``connections``, and its answer by name.

    Each connection reads on a thread of its own (the caller's, for the first), taking the next
    pass in the order given until none is left, so the threads share the work whatever the
    store's shape; SQLite lets go of the interpreter while it reads. Returns once every thread
    is done (the caller may then close a connection); raises what a pass raised.
    """
    waiting, answers, failed = list(passes.items()), {}, list[BaseException]()
    lock = threading.Lock()

    def read(conn: sqlite3.Connection) -> None:
        while True:
            with lock:
                if not waiting or failed:
                    return
                name, run = waiting.pop(0)
            try:
                answers[name] = run(conn)
            except BaseException as exc:  # handed to the caller's thread below
                with lock:
                    failed.append(exc)

    others = [threading.Thread(target=read, args=(c,), daemon=True, name="rules-beside") for c in connections[1:]]
    for thread in others:
        thread.start()
    try:
        read(connections[0])
    finally:
        for thread in others:
            thread.join()
    if failed:
        raise failed[0]
    return answers


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"pragma table_info([{table}])")}


def _foreign_keys(tables: set[str]) -> tuple[tuple[str, str, str], ...]:
    extra = (("outside_facts", "event_id", "events"),) if "outside_facts" in tables else ()
    return (*FOREIGN_KEYS, *extra)


def _v2_row_problems(conn: sqlite3.Connection, tail: str, suspects: set[str]) -> list[str]:
    """Version 2's enumerations and EDTF dates, and the record's side of a claim citing its reference."""
    problems = []
    for column, function in (("layer", "tl_layer_problem"), ("date_basis", "tl_date_basis_problem"),
                             ("calendar", "tl_calendar_problem")):
        if column in suspects:
            problems += [f"event '{eid}': {column} {why}" for eid, why in conn.execute(
                f"select id, {function}([{column}]) as why from events where why is not null{tail}")]
    if "date_text" in suspects:  # an empty date_text is always sound: the rule is asked only about the others
        problems += [f"event '{eid}': date_text {why}" for eid, why in conn.execute(
            "select id, tl_date_text_problem(date_text, start, [end]) as why from events "
            "where date_text is not null and date_text collate binary != '' "
            f"and why is not null and tl_dates_problem(start, [end]) is null{tail}")]
    for table in QUOTE_TABLES:
        voices = one_of_sql("voice", VOICES, True)
        if conn.execute(f"select exists (select 1 from [{table}] where {voices})").fetchone()[0]:
            problems += [f"{table} row {rowid}: voice {why}" for rowid, why in conn.execute(
                f"select rowid, tl_voice_problem(voice) as why from [{table}] where why is not null{tail}")]
    problems += [f"claims row {rowid}: the record's side (no source) must give its reference in 'ref'"
                 for (rowid,) in conn.execute(
                     "select rowid from claims where coalesce(source_id, '') = '' and coalesce(ref, '') = ''"
                     f"{tail}")]
    return problems

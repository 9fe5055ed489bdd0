"""Validate a whole store against the contract and the verbatim rule, and summarise it."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from timeline_app.store.aliases import alias_problems
from timeline_app.store.dates import DateError, parse_date
from timeline_app.store.event_store import StoreError, connect
from timeline_app.store.provenance import provenance_flags, provenance_problems
from timeline_app.store.rules import contract_problems, row_problems
from timeline_app.store.schema import QUOTE_TABLES


def store_problems(path: Path | str) -> list[str]:
    """Every way the store at ``path`` breaks the contract; empty when it is sound.

    Raise :class:`StoreError` when the file cannot be opened as SQLite at all.
    """
    conn = connect(path)
    try:
        beside = connect(path)  # a second reader: some rules are checked on a thread beside the others
        try:
            return problems_of(conn, beside)
        finally:
            beside.close()
    except sqlite3.Error as exc:
        raise StoreError(path, f"cannot be read: {exc}") from None
    finally:
        conn.close()


def problems_of(conn: sqlite3.Connection, beside: sqlite3.Connection | None = None) -> list[str]:
    """Every way the store on ``conn`` breaks the contract (it may be mid-transaction: an import checks itself).

    ``beside``: another connection to the same store, outside any transaction of ``conn``'s.
    """
    problems = contract_problems(conn)
    return problems or _row_problems(conn, beside)


def store_flags(path: Path | str) -> list[str]:
    """Passages for a person to confirm (a leading pronoun or a fictional name with no speaker said)."""
    conn = connect(path)
    try:
        return provenance_flags(conn) if not contract_problems(conn) else []
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"pragma table_info([{table}])")}


def _row_problems(conn: sqlite3.Connection, beside: sqlite3.Connection | None) -> list[str]:
    problems = row_problems(conn, limit=None, beside=beside)
    problems += provenance_problems(conn)
    problems += alias_problems(conn)
    texts = {sid: text or "" for sid, text in conn.execute("select id, text from sources")}
    for table in QUOTE_TABLES:
        columns = {r[1] for r in conn.execute(f"pragma table_info([{table}])")}
        if not {"start", "end"} <= columns:
            continue
        sql = f"select rowid, source_id, quote, start, [end] from [{table}]"
        for rowid, sid, quote, start, end in conn.execute(sql):
            text = texts.get(sid)
            if text is None or (start is None and (table == "claims" or not text)):
                continue  # claims may stand without offsets; a source without text leaves quotes unverified
            if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != quote:
                problems.append(
                    f"{table} row {rowid}: offsets {start}-{end} do not give the quote in {sid}'s text"
                )
    # A user's own event may rest on no passage; it then says nothing of where its date comes from.
    own = " and coalesce(date_basis, 'unknown') != 'unknown'" if "date_basis" in _columns(conn, "events") else ""
    for (eid,) in conn.execute(f"select id from events where id not in (select event_id from excerpts){own}"):
        problems.append(f"event '{eid}': has no excerpt")
    return problems


def _index_state(conn: sqlite3.Connection) -> str:
    from timeline_app.store.timeline_index import INDEX_TABLE, index_key

    if not conn.execute("select 1 from sqlite_master where name = ?", (INDEX_TABLE,)).fetchone():
        return "none (the app reads the tables, which is slower on large stores)"
    row = conn.execute(f"select data from {INDEX_TABLE} where name = 'key'").fetchone()
    if row is None or bytes(row[0]).decode() != index_key(conn):
        return "out of date (the tables changed since; the app reads the tables instead)"
    return "current"


def _provenance_summary(conn: sqlite3.Connection, version: str) -> list[str]:
    if version != "2":
        return ["Provenance:  none recorded (contract version 1: no layers, date bases, outside facts or "
                "voices; import into it to upgrade it to version 2)"]
    layers = conn.execute("select coalesce(layer, '?'), count(*) from events group by 1 order by 2 desc").fetchall()
    bases = conn.execute("select coalesce(date_basis, '?'), count(*) from events group by 1 order by 2 desc").fetchall()
    voices = conn.execute(
        "select voice, count(*) from (" + " union all ".join(f"select coalesce(voice, '?') as voice from {t}"
                                                            for t in QUOTE_TABLES) + ") group by 1 order by 2 desc"
    ).fetchall()
    facts = conn.execute("select count(*), count(distinct event_id) from outside_facts").fetchone()
    return [
        "Layers:      " + ", ".join(f"{layer} {n}" for layer, n in layers),
        "Date basis:  " + ", ".join(f"{basis} {n}" for basis, n in bases),
        "Voices:      " + ", ".join(f"{voice} {n}" for voice, n in voices),
        f"Outside facts: {facts[0]} with references, on {facts[1]} events",
    ]


def store_summary(path: Path | str) -> str:
    """A one-screen summary: events per decade, per theme, per source, and the disputed points."""
    conn = connect(path)
    try:
        lines: list[str] = []
        meta = dict(conn.execute("select key, value from meta").fetchall())
        total = conn.execute("select count(*) from events").fetchone()[0]
        lines.append(f"{meta.get('title', Path(path).name)}: {total} events")
        decades: Counter = Counter()
        for (start,) in conn.execute("select start from events"):
            try:
                decades[parse_date(start).year // 10 * 10] += 1
            except DateError:
                decades["undated"] += 1
        in_time_order = sorted(decades.items(), key=lambda item: (isinstance(item[0], str), str(item[0]).zfill(4)))
        lines.append("Per decade:  " + ", ".join(f"{d}s {n}" if isinstance(d, int) else f"{d} {n}"
                                                 for d, n in in_time_order))
        themes = conn.execute(
            "select t.name, count(et.event_id) from themes t left join event_themes et on et.theme_id = t.id "
            "group by t.id order by 2 desc, 1"
        ).fetchall()
        lines.append("Per theme:   " + ", ".join(f"{name} {n}" for name, n in themes))
        sources = conn.execute(
            "select s.id, count(distinct q.event_id) from sources s left join ("
            + " union all ".join(f"select source_id, event_id from {t}" for t in QUOTE_TABLES)
            + ") q on q.source_id = s.id group by s.id order by s.id"
        ).fetchall()
        both = conn.execute(
            "select count(*) from (select event_id from excerpts group by event_id "
            "having count(distinct source_id) > 1)"
        ).fetchone()[0]
        lines.append("Per source:  " + ", ".join(f"{sid} {n} events" for sid, n in sources)
                     + f"; excerpts from both in {both} events")
        quotes = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in QUOTE_TABLES}
        lines.append("Quotations:  " + ", ".join(f"{n} {t}" for t, n in quotes.items()))
        disputes = conn.execute(
            "select topic, count(distinct coalesce(nullif(source_id, ''), '(record)')), count(distinct event_id), "
            "max(coalesce(source_id, '') = '') from claims group by topic order by topic"
        ).fetchall()
        lines.append("Timeline index: " + _index_state(conn))
        lines.append("Disputes:    " + (", ".join(
            f"{topic} ({s} sides{', the record among them' if record else ''}, {e} events)"
            for topic, s, e, record in disputes) or "none"))
        lines += _provenance_summary(conn, meta.get("schema_version", "1"))
        return "\n".join(lines)
    finally:
        conn.close()

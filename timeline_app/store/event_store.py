"""Open an event store and read it: the Qt-free data layer the window and CLI share."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from timeline_app.store.connection import (
    BUSY_SECONDS,
    OPENING_SECONDS,
    SQLITE_HEADER,
    StoreError,
    connect,
    explain,
    time_limit,
)
from timeline_app.store.rules import contract_problems, row_problems
from timeline_app.store.search import search_rowids


@dataclass(frozen=True)
class Quote:
    """A verbatim passage of a review tied to an event, or (a claim with ``ref``) the record's side."""

    kind: str  # "excerpt", "commentary" or "claim"
    event_id: str
    source_id: str
    quote: str
    start: int | None
    end: int | None
    topic: str = ""
    value: str = ""
    voice: str = "reviewer"  # reviewer, film (the film retold) or quoted (someone else's words)
    speaker: str = ""
    note: str = ""
    ref: str = ""  # what the historical record's side of a claim rests on


_QUOTE_TABLES = {"excerpt": "excerpts", "commentary": "commentary", "claim": "claims"}
#: Columns of version 2 (and our ``note``) that older stores lack: read as their defaults.
_OPTIONAL = {"topic": "''", "value": "''", "voice": "'reviewer'", "speaker": "''", "note": "''", "ref": "''",
             "start": "null", "end": "null"}


#: Stores with more events than this have their rows checked after the window shows them.
CHECK_ROWS_WHILE_OPENING = 50_000


class EventStore:
    """A read-only view of one event store file.

    Opening checks the contract (tables, columns, schema version) and, unless
    ``check_rows`` is False, every date and reference; it raises :class:`StoreError`
    naming the file and the first problem. ``check_rows=None`` checks rows only for
    stores of up to :data:`CHECK_ROWS_WHILE_OPENING` events (``rows_checked`` says which).
    """

    def __init__(self, path: Path | str, check_rows: bool | None = True) -> None:
        self.path = Path(path)
        self.conn = connect(self.path)
        self._search_vocabularies: dict = {}
        try:
            with time_limit(self.conn, OPENING_SECONDS):
                problems = self._problems(check_rows)
        except sqlite3.Error as exc:
            self.conn.close()
            raise StoreError(self.path, explain(exc)) from None
        if problems:
            self.conn.close()
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise StoreError(self.path, f"is not a valid event store: {problems[0]}{more}")
        self._tables = {r[0] for r in self.conn.execute("select name from sqlite_master where type='table'")}
        self.version = str(self.meta().get("schema_version", "1"))

    def _problems(self, check_rows: bool | None) -> list[str]:
        """The contract's problems, and the rows' unless ``check_rows`` is False (None: small stores only)."""
        problems = contract_problems(self.conn)
        if check_rows is None:
            count = 0 if problems else self.conn.execute("select count(*) from events").fetchone()[0]
            check_rows = count <= CHECK_ROWS_WHILE_OPENING
        self.rows_checked = bool(check_rows)
        if not problems and check_rows:
            problems = row_problems(self.conn)
        return problems

    def lacks(self) -> str:
        """What this store does not record that the app can show (empty for a version-2 store)."""
        if self.version == "1":
            return ("this store follows contract version 1: it records no layers (history, film, reception), "
                    "date bases, outside facts or voices, so these show as unknown")
        return ""

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def has_table(self, name: str) -> bool:
        """Whether the store has table ``name`` (optional tables such as ``periods``)."""
        return name in self._tables

    def meta(self) -> dict[str, str]:
        """The ``meta`` table as a dict."""
        return {r["key"]: r["value"] for r in self.conn.execute("select key, value from meta")}

    def rows(self, sql: str, params: tuple = ()) -> list[dict]:
        """Run a read query and return rows as dicts."""
        return [dict(r) for r in self.conn.execute(sql, params)]

    def sources(self) -> dict[str, dict]:
        """Every source by id."""
        return {r["id"]: r for r in self.rows("select * from sources order by published, id")}

    def themes(self) -> list[dict]:
        """Every theme, by name."""
        return self.rows("select id, name, color from themes order by name")

    def places(self) -> list[dict]:
        """Every place, by name."""
        return self.rows("select id, name, kind, latitude, longitude from places order by name")

    def periods(self) -> list[dict]:
        """The eras drawn across the top of the timeline, oldest first (none if the store has none)."""
        if not self.has_table("periods"):
            return []
        return self.rows("select id, name, start, [end] from periods order by start")

    def quotes(self, event_id: str | None = None, source_id: str | None = None) -> list[Quote]:
        """Every excerpt, commentary and claim (or those of one event, or one source), in table order."""
        found: list[Quote] = []
        for kind, table in _QUOTE_TABLES.items():
            have = self.columns(table)
            cells = ", ".join(f"coalesce([{c}], {_OPTIONAL[c]})" if c in have and c not in ("start", "end")
                              else f"[{c}]" if c in have else _OPTIONAL[c]
                              for c in ("start", "end", "topic", "value", "voice", "speaker", "note", "ref"))
            sql = f"select event_id, coalesce(source_id, ''), coalesce(quote, ''), {cells} from [{table}]"
            params: tuple = ()
            if event_id is not None:
                sql += " where event_id = ?"
                params = (event_id,)
            elif source_id is not None:
                sql += " where source_id = ?"
                params = (source_id,)
            for r in self.conn.execute(sql + " order by rowid", params):
                found.append(Quote(kind, *tuple(r)))
        return found

    def columns(self, table: str) -> set[str]:
        """The columns ``table`` has (optional ones differ between contract versions)."""
        cache = self.__dict__.setdefault("_columns", {})
        if table not in cache:
            cache[table] = {r[1] for r in self.conn.execute(f"pragma table_info([{table}])")}
        return cache[table]

    def outside_facts(self, event_id: str) -> list[tuple[str, str]]:
        """``(fact, reference)`` for each fact of the event that the reviews do not state (version 2)."""
        if not self.has_table("outside_facts"):
            return []
        return [(r[0] or "", r[1] or "") for r in self.conn.execute(
            "select fact, ref from outside_facts where event_id = ? order by rowid", (event_id,))]

    def all_outside_facts(self) -> dict[str, list[tuple[str, str]]]:
        """``(fact, reference)`` rows of every event, by event id (version 2; empty for version 1)."""
        found: dict[str, list[tuple[str, str]]] = {}
        if self.has_table("outside_facts"):
            for eid, fact, ref in self.conn.execute("select event_id, fact, ref from outside_facts order by rowid"):
                found.setdefault(eid, []).append((fact or "", ref or ""))
        return found

    def event_rows(self) -> Iterator[dict]:
        """Every event's own columns (no arrays, no memberships), one dict at a time."""
        cursor = self.conn.execute("select * from events")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def event(self, event_id: str) -> dict | None:
        """Every column of the event ``event_id``, or None."""
        rows = self.rows("select * from events where id = ?", (event_id,))
        return rows[0] if rows else None

    def search(self, text: str) -> set[str] | None:
        """Ids of events whose title, summary or any quote matches ``text``; None if ``text`` has no words."""
        rowids = self.search_rowids(text)
        if rowids is None:
            return None
        found: set[str] = set()
        listed = rowids.tolist()
        for lo in range(0, len(listed), 900):
            chunk = listed[lo:lo + 900]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"select id from events where rowid in ({marks})", chunk))
        return found

    def search_rowids(self, text: str) -> np.ndarray | None:
        """Rowids of events whose title, summary, quotes or claim values match ``text`` (see :mod:`.search`).

        None if ``text`` has no words.
        """
        return search_rowids(self.conn, text, vocabularies=self._search_vocabularies)


# What opens a store is in .connection; these names are still read from here.
__all__ = ["BUSY_SECONDS", "CHECK_ROWS_WHILE_OPENING", "OPENING_SECONDS", "SQLITE_HEADER", "EventStore", "Quote",
           "StoreError", "connect", "explain", "time_limit"]

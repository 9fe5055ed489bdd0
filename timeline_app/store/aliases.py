"""Other names of places, people and themes (Russian names, transliterations, old spellings), kept in the store.

The optional ``aliases`` table (``kind``, ``target_id``, ``alias``) lets search find a place's
events by any of its names: "Новочеркасск", "Novocherkask" and Weiss's "Novochoerkassk" are all
Novocherkassk. ``kind`` is ``place`` or ``theme`` (``target_id`` names a row of that table) or
``person`` (``target_id`` is a slug of the person's own, as people have no table). A store
without the table reads as one without aliases; a user adds rows with any SQLite tool.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from timeline_app.store.transliteration import fold, latin_key

ALIASES_TABLE = "aliases"
ALIAS_COLUMNS = ("kind", "target_id", "alias")
ALIAS_KINDS = ("place", "person", "theme")
#: The table each kind's ``target_id`` names a row of (people have none).
ALIAS_TARGETS = {"place": "places", "theme": "themes"}


@dataclass(frozen=True)
class Name:
    """One name of a place, person or theme: its own name or an alias."""

    kind: str
    target_id: str
    name: str


def create_aliases_table(conn: sqlite3.Connection) -> None:
    """Create the ``aliases`` table (idempotent)."""
    conn.execute(f"create table if not exists {ALIASES_TABLE} (kind text not null, target_id text not null, "
                 "alias text not null, primary key (kind, target_id, alias))")


def has_aliases(conn: sqlite3.Connection) -> bool:
    """Whether the store has an ``aliases`` table with the contract's columns."""
    columns = {r[1] for r in conn.execute(f"pragma table_info([{ALIASES_TABLE}])")}
    return set(ALIAS_COLUMNS) <= columns


def all_names(conn: sqlite3.Connection) -> list[Name]:
    """Every place's and theme's own name and every well-formed alias of the store."""
    names = [Name(kind, str(tid), str(name)) for kind, table in ALIAS_TARGETS.items()
             for tid, name in conn.execute(f"select id, name from [{table}] where typeof(name) = 'text'")]
    if has_aliases(conn):
        kinds = ", ".join(f"'{k}'" for k in ALIAS_KINDS)
        sql = (f"select kind, target_id, alias from {ALIASES_TABLE} where kind in ({kinds}) "
               "and typeof(target_id) = 'text' and typeof(alias) = 'text'")
        names += [Name(kind, tid, alias) for kind, tid, alias in conn.execute(sql)]
    return names


def alias_problems(conn: sqlite3.Connection) -> list[str]:
    """What an ``aliases`` table breaks: a missing column, an unknown kind, empty text, a target that is not there."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
    if ALIASES_TABLE not in tables:
        return []
    columns = {r[1] for r in conn.execute(f"pragma table_info([{ALIASES_TABLE}])")}
    missing = [c for c in ALIAS_COLUMNS if c not in columns]
    if missing:
        return [f"table '{ALIASES_TABLE}' has no column '{c}'" for c in missing]
    problems = []
    rows = conn.execute(f"select rowid, kind, target_id, alias from {ALIASES_TABLE}").fetchall()
    known = {kind: {r[0] for r in conn.execute(f"select id from [{table}]")}
             for kind, table in ALIAS_TARGETS.items() if table in tables}
    for rowid, kind, target_id, alias in rows:
        where = f"aliases row {rowid}"
        if kind not in ALIAS_KINDS:
            problems.append(f"{where}: kind {kind!r} is not one of {', '.join(ALIAS_KINDS)}")
        elif not isinstance(alias, str) or not alias.strip():
            problems.append(f"{where}: alias {alias!r} must be a name, not empty")
        elif not isinstance(target_id, str) or not target_id:
            problems.append(f"{where}: target_id {target_id!r} must name a {kind}")
        elif kind in known and target_id not in known[kind]:
            problems.append(f"{where}: target_id {target_id!r} names no row of {ALIAS_TARGETS[kind]}")
    return problems


def _same(a: str, b: str) -> bool:
    fa, fb = " ".join(fold(a).split()), " ".join(fold(b).split())
    return fa == fb or latin_key(fa) == latin_key(fb)


def target_named(conn: sqlite3.Connection, kind: str, text: str) -> str | None:
    """The id of the place or theme that ``text`` names: its id, name or an alias, in any case; None if none."""
    table = ALIAS_TARGETS[kind]
    ids = [str(r[0]) for r in conn.execute(f"select id from [{table}]")]
    for target in ids:
        if _same(text, target):
            return target
    for name in all_names(conn):
        if name.kind == kind and name.target_id in ids and _same(text, name.name):
            return name.target_id
    return None


def names_of_kind(conn: sqlite3.Connection, kind: str) -> list[str]:
    """The own names of every place (or theme), in the store's order, to say which exist."""
    return [str(r[0]) for r in conn.execute(f"select name from [{ALIAS_TARGETS[kind]}] order by rowid")]

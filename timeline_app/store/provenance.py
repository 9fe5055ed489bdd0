"""The rules of contract version 2 that keep a store's history trustworthy, and flags for a person.

``timeline-app check`` and ``build`` refuse a store that breaks :func:`provenance_problems`:
an exact date needs a basis that states it, a disputed event's dates take no one side, commentary
is the reviewer's own voice, a quoted passage names its speaker, an outside date has a reference.
:func:`provenance_flags` lists passages for a person to confirm (a leading pronoun, or a fictional
character's name on a history event, with no speaker said).
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from collections import defaultdict

from timeline_app.store.dates import DateError, parse_date
from timeline_app.store.schema import QUOTE_TABLES

FICTIONAL = ("Lyuda", "Lyudmila", "Svetka", "Viktor")
_PRONOUN = re.compile(r"^[\"“‘'(]*(he|she|they|his|her|hers|their|them|him|it|its|like them|among them)\b",
                      re.IGNORECASE)
_FICTIONAL = re.compile(r"\b(" + "|".join(FICTIONAL) + r")\b")
_YEAR = re.compile(r"\b(1[0-9]{3}|2[0-9]{3})\b")
#: Topics that dispute a time: their sides' years must all fall within the event's dates.
_TEMPORAL = re.compile(
    r"\b(when|date|dates|year|years|began|begin|start|end|ended|time|known|first|last|until|since)\b", re.IGNORECASE)


def states_date(text: str, iso: str) -> bool:
    """Whether ``text`` states the date ``iso`` at its precision: the year, the month's name, the day."""
    try:
        value = parse_date(iso)
    except DateError:
        return False
    short = rf"\b{value.year // 100}[0-9]{{2}}\s*[-–]\s*{value.year % 100:02d}\b"  # "1959-65" states 1965
    if not re.search(rf"\b{value.year}\b|{short}", text):
        return False
    if value.month is None:
        return True
    names = f"{calendar.month_name[value.month]}|{calendar.month_abbr[value.month]}"
    if not re.search(rf"\b({names})\b", text):
        return False
    if value.day is None:
        return True
    return bool(re.search(rf"\b({names})\.?\s+{value.day}\b|\b{value.day}(st|nd|rd|th)?\s+({names})\b", text))


def _events(conn: sqlite3.Connection) -> list[dict]:
    cursor = conn.execute("select id, start, [end], certainty, layer, date_basis from events")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _passages(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, str, str, str, int]]]:
    """Per event: (table, source, quote, voice, speaker, rowid) of every passage."""
    found: dict[str, list[tuple[str, str, str, str, str, int]]] = defaultdict(list)
    for table in QUOTE_TABLES:
        for row in conn.execute(f"select event_id, coalesce(source_id, ''), coalesce(quote, ''), "
                                f"coalesce(voice, 'reviewer'), coalesce(speaker, ''), rowid from [{table}]"):
            found[row[0]].append((table, *row[1:]))
    return found


def provenance_problems(conn: sqlite3.Connection) -> list[str]:
    """Every way a version-2 store breaks the provenance rules (empty for a version-1 store)."""
    if not _is_v2(conn):
        return []
    problems: list[str] = []
    passages = _passages(conn)
    facts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for eid, fact, ref in conn.execute("select event_id, coalesce(fact, ''), coalesce(ref, '') from outside_facts"):
        facts[eid].append((fact, ref))
        if not fact.strip() or not ref.strip():
            problems.append(f"event '{eid}': an outside fact needs both the fact and its reference")
    claims: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for eid, topic, side, value in conn.execute(
            "select event_id, topic, coalesce(nullif(source_id, ''), 'the record'), coalesce(value, '') from claims"):
        claims[eid].append((topic, side, value))
    for event in _events(conn):
        eid = event["id"]
        mine = passages.get(eid, [])
        for table, _source, _quote, voice, speaker, rowid in mine:
            if table == "commentary" and voice != "reviewer":
                problems.append(f"commentary row {rowid} (event '{eid}'): commentary is the reviewer's own "
                                f"judgement, so its voice must be 'reviewer', not {voice!r}")
            if voice == "quoted" and not speaker.strip():
                problems.append(f"{table} row {rowid} (event '{eid}'): a quoted passage must name its speaker")
        referenced = [f for f in facts.get(eid, []) if f[1].strip()]
        basis = event["date_basis"]
        if basis == "outside" and not referenced:
            problems.append(f"event '{eid}': its date comes from outside the reviews but no outside fact "
                            "gives a reference")
        if basis == "film" and event["layer"] != "film":
            problems.append(f"event '{eid}': only a film scene can be dated by the film's plot")
        if event["certainty"] == "exact":
            problems += _exact_problems(event, mine, referenced)
        if event["certainty"] == "disputed":
            problems += _envelope_problems(event, claims.get(eid, []))
    return problems


def _exact_problems(event: dict, passages: list, referenced: list) -> list[str]:
    eid, basis, start, end = event["id"], event["date_basis"], event["start"], event["end"] or ""
    if basis == "review":
        texts = [quote for _t, source, quote, *_rest in passages if source]
        for label, iso in (("start", start), ("end", end)):
            if iso and not any(states_date(text, iso) for text in texts):
                return [f"event '{eid}': certainty is exact with its date from a review, but no passage of it "
                        f"states its {label} {iso!r}"]
        return []
    if basis == "outside":
        return []  # the outside facts' references state it (checked above)
    return []  # film: the plot states it; unknown (a user's own event): flagged for a person instead


def _envelope_problems(event: dict, claims: list[tuple[str, str, str]]) -> list[str]:
    """A disputed event's dates must cover every side's years on a disputed time, so they take no one side."""
    try:
        low = parse_date(event["start"]).year
        high = parse_date(event["end"] or event["start"]).year
    except DateError:
        return []
    by_topic: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for topic, side, value in claims:
        if _TEMPORAL.search(topic):
            by_topic[topic][side] |= {int(y) for y in _YEAR.findall(value)}
    problems = []
    for topic, sides in sorted(by_topic.items()):
        if len(sides) < 2:
            continue
        for side, years in sorted(sides.items()):
            outside = sorted(y for y in years if not low <= y <= high)
            if outside:
                problems.append(f"event '{event['id']}': disputed, but its dates {low}–{high} leave out "
                                f"{side}'s {outside[0]} on '{topic}': the dates take one side")
    return problems


def provenance_flags(conn: sqlite3.Connection) -> list[str]:
    """Passages on history events for a person to confirm: a leading pronoun or a fictional name, no speaker."""
    if not _is_v2(conn):
        return []
    layers = dict(conn.execute("select id, layer from events"))
    flags = [f"event '{eid}': certainty is exact but nothing says where its date comes from (date_basis unknown)"
             for (eid,) in conn.execute("select id from events where certainty = 'exact' and date_basis = 'unknown'")]
    for eid, mine in sorted(_passages(conn).items()):
        if layers.get(eid) != "history":
            continue
        for table, _source, quote, _voice, speaker, rowid in mine:
            if speaker.strip():
                continue
            if _PRONOUN.match(quote.strip()):
                flags.append(f"{table} row {rowid} (event '{eid}'): opens with a pronoun; say whom it means "
                             f"in 'speaker': {quote[:60]!r}")
            elif _FICTIONAL.search(quote):
                name = _FICTIONAL.search(quote).group(1)  # type: ignore[union-attr]
                flags.append(f"{table} row {rowid} (event '{eid}'): names the film's {name} on a history "
                             f"event; confirm and name the speaker: {quote[:60]!r}")
    return flags


def _is_v2(conn: sqlite3.Connection) -> bool:
    row = conn.execute("select value from meta where key = 'schema_version'").fetchone()
    return row is not None and str(row[0]) == "2"

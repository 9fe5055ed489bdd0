"""The store's content in figures, as the README states them: computed from the store, never typed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from timeline_app.store.dates import DateError, parse_date
from timeline_app.store.event_store import connect

BEGIN, END = "<!-- facts:begin (scripts/readme_facts.py writes this) -->", "<!-- facts:end -->"


def facts_markdown(path: Path | str) -> str:
    """A few lines of Markdown: events per layer and decade, passages per source and voice, disputes."""
    conn = connect(path)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        events = one("select count(*) from events")
        layers = dict(conn.execute("select layer, count(*) from events group by layer"))
        decades: Counter = Counter()
        for (start,) in conn.execute("select start from events"):
            try:
                decades[parse_date(start).year // 10 * 10] += 1
            except DateError:
                continue
        per_source = conn.execute(
            "select s.author, count(distinct q.event_id) from sources s join ("
            "select source_id, event_id from excerpts union all select source_id, event_id from commentary "
            "union all select source_id, event_id from claims) q on q.source_id = s.id group by s.id order by s.author"
        ).fetchall()
        voices = dict(conn.execute(
            "select voice, count(*) from (select voice from excerpts union all select voice from commentary "
            "union all select voice from claims where coalesce(source_id, '') != '') group by voice"))
        counts = {t: one(f"select count(*) from {t}") for t in ("excerpts", "commentary", "claims")}
        record = one("select count(*) from claims where coalesce(source_id, '') = ''")
        topics = one("select count(distinct topic) from claims")
        facts = one("select count(*) from outside_facts")
        facts_events = one("select count(distinct event_id) from outside_facts")
    finally:
        conn.close()
    decade_text = ", ".join(f"{d}s {n}" for d, n in sorted(decades.items()))
    return "\n".join([
        BEGIN,
        f"- **{events} events**: {layers.get('history', 0)} history, {layers.get('film', 0)} scenes of the film "
        f"(drawn apart), {layers.get('reception', 0)} on the film's making and reception. Per decade: "
        f"{decade_text}.",
        "- Passages: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + "; "
        + ", ".join(f"{author} quoted on {n} events" for author, n in per_source) + ". Voices: "
        + ", ".join(f"{voices.get(v, 0)} {label}" for v, label in (("reviewer", "in the reviewer's own voice"),
                                                                    ("film", "retelling the film"),
                                                                    ("quoted", "quoting someone else"))) + ".",
        f"- {topics} disputed points, with {record} claims giving the historical record's side and its "
        f"reference; {facts} facts from outside the reviews, each with its reference, on {facts_events} events.",
        END,
    ])


def replace_facts(readme: str, block: str) -> str:
    """``readme`` with its facts block replaced by ``block``."""
    start, end = readme.index(BEGIN), readme.index(END) + len(END)
    return readme[:start] + block + readme[end:]

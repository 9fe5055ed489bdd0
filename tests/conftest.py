"""Shared fixtures: the shipped files, and a small source file tests can break on purpose."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Windows the tests open must never read or write the user's own settings.
_SETTINGS_FOLDER = Path(tempfile.mkdtemp(prefix="timeline-app-tests-"))
os.environ["TIMELINE_APP_SETTINGS"] = str(_SETTINGS_FOLDER / "settings.ini")
os.environ["TIMELINE_APP_VIEWS"] = str(_SETTINGS_FOLDER / "views.json")  # saved views never touch the user's

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_SOURCE = ROOT / "data" / "events.toml"
SHIPPED_STORE = ROOT / "data" / "events.db"
SEEDS = ROOT / "data" / "seeds"


def shipped_count(sql: str = "select count(*) from events", params: tuple = ()) -> int:
    """A count from the shipped store, so tests follow its content instead of copying numbers."""
    return int(shipped_rows(sql, params)[0][0])


def shipped_rows(sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of a query on the shipped store, opened read-only."""
    import sqlite3

    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


SHIPPED_EVENTS = shipped_count()

SMALL_SOURCE = '''
[meta]
title = "Small test store"
home_range = "1917/1991"

[sources.doyle-2021]
author = "Clare Doyle"
title = "Film Review: Dear Comrades!"
publication = "The Socialist"
published = "2021-02-17"
url = "https://www.socialistparty.org.uk"
stance = "Praises the film."
seed = "seeds/000_91cc0ad25b3ec337.txt"
begin = "Film Review: Dear Comrades!"
end = "Stalinists and capitalists alike."
drop = ["Workers on strike in Novocherkassk in 'Dear Comrades!'",
        "Workers on strike in Novocherkassk in 'Dear Comrades!' (Click to enlarge)"]

[sources.weiss-2021]
author = "Clara Weiss"
title = "Dear Comrades"
publication = "World Socialist Web Site"
published = "2021-02-09"
url = "https://www.wsws.org"
stance = "Credits the reconstruction, criticises the viewpoint."
seed = "seeds/001_8707fca2341a3206.txt"
markdown = true
begin = "# *Dear Comrades*: Russian film"
end = "is overdue, in Russia and internationally."
join_after = ["Communist Party Central", "in the USSR and", "At this moment,", "as a"]

[places.novocherkassk]
name = "Novocherkassk"
kind = "city"
latitude = 47.42
longitude = 40.09

[themes.repression]
name = "Terror and repression"
color = "#D55E00"

[themes.protest]
name = "Strikes and uprisings"
color = "#E69F00"

[[events]]
id = "massacre"
title = "Troops fire on the demonstration"
start = "1962-06-02"
end = ""
certainty = "exact"
layer = "history"
date_basis = "outside"
places = ["novocherkassk"]
themes = ["repression", "protest"]
summary = "Soldiers fire on a demonstration of striking workers."

[[events.outside_facts]]
fact = "The shooting was on 2 June 1962"
ref = "Baron, Bloody Saturday in the Soviet Union (2001), ch. 3"

[[events.excerpts]]
source = "weiss-2021"
quote = "At a demonstration of thousands of workers that same day, the massacre occurs."

[[events.excerpts]]
source = "doyle-2021"
quote = "The true number of dead and wounded in the Novocherkassk uprising may never be known."

[[events.claims]]
topic = "death toll"
source = "doyle-2021"
value = "more than 80"
quote = "Some estimates put deaths at more than 80."

[[events]]
id = "strike"
title = "Strike at the locomotive plant"
start = "1962-06"
end = "1962-06-02"
certainty = "approximate"
date_basis = "outside"
places = ["novocherkassk"]
themes = ["protest"]
summary = "Workers stop work over higher food prices."

[[events.outside_facts]]
fact = "The strike began on 1 June 1962"
ref = "Baron, Bloody Saturday in the Soviet Union (2001), ch. 2"

[[events.excerpts]]
source = "doyle-2021"
quote = "The uprising started with a strike at the electric locomotive plant"
'''


#: A sentence of each review that SMALL_SOURCE already quotes, for the events tests add to it.
QUOTES = {
    "doyle-2021": "The uprising started with a strike at the electric locomotive plant",
    "weiss-2021": "At a demonstration of thousands of workers that same day, the massacre occurs.",
}


def event_entry(eid: str, start: str, end: str = "", *, layer: str = "history", themes=("protest",),
                places=("novocherkassk",), sources=("doyle-2021",)) -> str:
    """One more ``[[events]]`` entry to follow SMALL_SOURCE: approximate dates, an excerpt of each source."""
    basis = "film" if layer == "film" else "review"
    lines = [
        "", "[[events]]", f'id = "{eid}"', f'title = "Event {eid}"', f'start = "{start}"', f'end = "{end}"',
        'certainty = "approximate"', f'layer = "{layer}"', f'date_basis = "{basis}"',
        f"places = {list(places)!r}".replace("'", '"'), f"themes = {list(themes)!r}".replace("'", '"'),
        f'summary = "What happened: {eid}."',
    ]
    for source in sources:
        lines += ["", "[[events.excerpts]]", f'source = "{source}"', f'quote = "{QUOTES[source]}"']
    return "\n".join(lines) + "\n"


def build_small_store(folder: Path, extra: str = "") -> Path:
    """Build ``folder/small.db`` from SMALL_SOURCE followed by ``extra`` (more places, themes and events)."""
    from timeline_app.ingest.build import build_store

    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "seeds").exists():
        shutil.copytree(SEEDS, folder / "seeds")
    (folder / "events.toml").write_text(SMALL_SOURCE + extra, encoding="utf-8")
    build_store(folder / "events.toml", folder / "small.db")
    return folder / "small.db"


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch):
    """A modal message box would wait for a click forever in CI: record its text instead."""
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:
        yield []
        return
    shown: list[str] = []
    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, _title, text, *_a, **_k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    yield shown


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    """A folder holding the seeds and a small valid ``events.toml``."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "events.toml").write_text(SMALL_SOURCE, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="session")
def _small_store_template(tmp_path_factory) -> Path:
    from timeline_app.ingest.build import build_store

    folder = tmp_path_factory.mktemp("small-template")
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "events.toml").write_text(SMALL_SOURCE, encoding="utf-8")
    build_store(folder / "events.toml", folder / "small.db")
    return folder / "small.db"


@pytest.fixture
def small_store(source_dir: Path, _small_store_template: Path) -> Path:
    """A store built from the small source file (built once, copied for each test: tests may break it)."""
    target = source_dir / "small.db"
    shutil.copy(_small_store_template, target)
    return target


@pytest.fixture(autouse=True)
def english_interface(request):
    """The window's tests see the English interface the app installs at start (with its plural forms)."""
    if request.node.path.parent.name != "gui":
        yield
        return
    from timeline_app.gui.translation import app_language, use_language

    qapp = request.getfixturevalue("qapp")
    if app_language() != "en":
        use_language("en", qapp)
    yield

"""Opening stores: read-only, contract-checked, and search that no input can break."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import SHIPPED_STORE
from timeline_app.store.event_store import EventStore, StoreError
from timeline_app.store.search import fts_query


def test_opening_the_shipped_store_leaves_it_byte_identical(tmp_path: Path) -> None:
    before = hashlib.sha256(SHIPPED_STORE.read_bytes()).hexdigest()
    siblings = set(SHIPPED_STORE.parent.iterdir())
    store = EventStore(SHIPPED_STORE)
    store.quotes()
    store.search("Novocherkassk")
    store.close()
    assert hashlib.sha256(SHIPPED_STORE.read_bytes()).hexdigest() == before
    assert set(SHIPPED_STORE.parent.iterdir()) == siblings  # no journal or WAL files left behind


def test_the_store_refuses_writes(small_store: Path) -> None:
    store = EventStore(small_store)
    with pytest.raises(Exception, match="readonly"):
        store.conn.execute("delete from events")


@pytest.mark.parametrize("text", ['"', "AND OR NOT", "NEAR(", "title:*", "a* -b ^c", "'; drop table events; --"])
def test_search_with_query_syntax_never_fails(small_store: Path, text: str) -> None:
    store = EventStore(small_store)
    result = store.search(text)
    assert result is None or isinstance(result, set)


def test_search_matches_prefixes_in_titles_and_quotes(small_store: Path) -> None:
    store = EventStore(small_store)
    assert store.search("locomot") == {"strike"}
    assert store.search("wounded") == {"massacre"}
    assert store.search("  ") is None
    assert fts_query('say "hi"') == '"say"* "hi"*'


def test_unknown_schema_version_is_named(small_store: Path, tmp_path: Path) -> None:
    import sqlite3

    copy = tmp_path / "v2.db"
    shutil.copy(small_store, copy)
    conn = sqlite3.connect(copy)
    conn.execute("update meta set value = '7' where key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema_version is '7'; this version of timeline-app reads versions 1 and 2"):
        EventStore(copy)


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        EventStore(tmp_path)

"""Search as a Russian historian types it: Cyrillic, any transliteration, ё as е, prefixes, aliases in the store."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import SHIPPED_STORE, build_small_store
from timeline_app.ingest.source_file import SourceFileError
from timeline_app.store.aliases import alias_problems, all_names, target_named
from timeline_app.store.check import store_problems
from timeline_app.store.event_store import EventStore
from timeline_app.store.search import SEARCHED
from timeline_app.store.transliteration import latin_key, same_word_start

# -- one key for every spelling --------------------------------------------------------------------


@pytest.mark.parametrize("spellings", [
    ("новочеркасск", "novocherkassk"),
    ("хрущёв", "хрущев", "khrushchev", "hrushchev", "khrushchyov"),
    ("достоевский", "dostoevsky", "dostoyevskiy", "dostoevskii", "dostoevskij"),
    ("ельцин", "yeltsin", "eltsin"),
    ("пётр", "петр", "pyotr", "petr"),
    ("известия", "izvestiya", "izvestia", "izvestija"),
    ("ильич", "ilyich", "ilich"),
    ("алексей", "aleksei", "alexei", "aleksey"),
    ("щукин", "shchukin"),
    ("юрий", "yuri", "iurii", "jurij"),
    ("жуков", "zhukov"),
    ("цветаева", "tsvetaeva"),
    ("бухарин", "bukharin", "buharin"),
])
def test_the_usual_spellings_of_a_russian_word_share_one_key(spellings) -> None:
    assert len({latin_key(s) for s in spellings}) == 1


@pytest.mark.parametrize("one, other", [
    ("kozlov", "kazlov"), ("novocherkassk", "novocherkask"), ("stalin", "stolin"), ("soviet", "sovet"),
    ("died", "dead"), ("lenin", "lenina"),
])
def test_a_different_letter_is_a_different_word(one: str, other: str) -> None:
    assert latin_key(one) != latin_key(other)


def test_hard_and_soft_signs_are_left_out_and_x_is_ks() -> None:
    assert latin_key("объединение") == latin_key("obedinenie")
    assert latin_key("alexander") == latin_key("aleksander")


def test_a_typed_word_begins_a_word_as_written_or_by_its_key() -> None:
    assert same_word_start("khrushch", "хрущёв")
    assert same_word_start("хрущ", "khrushchev")
    assert same_word_start("k", "khrushchev")  # as written: the key of "k" is no prefix of "hrushchev"
    assert not same_word_start("hrushchevs", "khrushchev")
    assert not same_word_start("rushchev", "khrushchev")


# -- the shipped store ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> EventStore:
    return EventStore(SHIPPED_STORE)


def test_every_form_of_novocherkassk_finds_the_same_events(shipped: EventStore) -> None:
    found = shipped.search("Novocherkassk")
    assert found and len(found) > 10
    for form in ("Новочеркасск", "НОВОЧЕРКАССК", "Novocherkask", "Novochoerkassk", "novocherkassk", "Новочерк",
                 "Novocherk"):
        assert shipped.search(form) == found, form


def test_the_events_at_novocherkassk_are_found_even_where_their_text_does_not_name_it(shipped: EventStore) -> None:
    at_place = {r["event_id"] for r in shipped.rows(
        "select event_id from event_places where place_id = 'novocherkassk'")}
    assert at_place <= shipped.search("Новочеркасск")


def test_yo_and_ye_are_one_letter(shipped: EventStore) -> None:
    assert shipped.search("Хрущёв") == shipped.search("Хрущев") == shipped.search("Khrushchev")
    assert shipped.search("Горбачёв") == shipped.search("Gorbachev")


def test_a_prefix_finds_the_word_in_either_alphabet(shipped: EventStore) -> None:
    khrushchev = shipped.search("Khrushchev")
    assert khrushchev
    assert shipped.search("Khrushch") == khrushchev
    assert shipped.search("Хрущ") == khrushchev
    assert shipped.search("Hrushchev") == khrushchev


def test_one_word_of_a_longer_name_does_not_bring_in_its_events(shipped: EventStore) -> None:
    # "Soviet" is a word of "Soviet Union": only the text that says it, not every event in the USSR.
    at_ussr = {r["event_id"] for r in shipped.rows("select event_id from event_places where place_id = 'ussr'")}
    assert at_ussr <= shipped.search("Soviet Union")
    assert not at_ussr <= shipped.search("Soviet")


def test_a_name_nobody_uses_finds_nothing(shipped: EventStore) -> None:
    assert shipped.search("Novoshakhtinsk") == set()
    assert shipped.search("Нижневартовск") == set()


# -- aliases in a store of one's own --------------------------------------------------------------


def _with_rows(store: Path, *sql: str) -> Path:
    conn = sqlite3.connect(store)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return store


def test_a_users_alias_finds_the_places_events(small_store: Path) -> None:
    assert EventStore(small_store).search("Черкассы") == set()
    _with_rows(small_store, "insert into aliases values ('place', 'novocherkassk', 'Черкассы Донские')")
    store = EventStore(small_store)
    assert store.search("Черкассы Донские") == {"massacre", "strike"}
    assert store.search("Cherkassy Donskie") == {"massacre", "strike"}  # the alias, transliterated
    assert store.search("Черкассы") == set()  # one word of a two-word alias is not the alias


def test_a_users_person_alias_finds_the_text_naming_the_person(small_store: Path) -> None:
    _with_rows(small_store, "insert into aliases values ('person', 'workers', 'Worker')",
               "insert into aliases values ('person', 'workers', 'Рабочие')")
    store = EventStore(small_store)
    assert store.search("Рабочие") == store.search("workers") != set()


def test_a_users_theme_alias_finds_the_themes_events(small_store: Path) -> None:
    _with_rows(small_store, "insert into aliases values ('theme', 'repression', 'Репрессии')")
    assert EventStore(small_store).search("репресс") == {"massacre"}


def test_a_store_without_the_aliases_table_opens_and_searches_by_names(small_store: Path) -> None:
    _with_rows(small_store, "drop table aliases")
    store = EventStore(small_store)
    assert store.search("Novocherkassk") == {"massacre", "strike"}
    assert store_problems(small_store) == []
    assert [n.name for n in all_names(store.conn) if n.kind == "place"] == ["Novocherkassk"]


def test_the_index_and_the_scan_agree_on_aliases_and_transliterations(small_store: Path, tmp_path: Path) -> None:
    _with_rows(small_store, "insert into aliases values ('place', 'novocherkassk', 'Новочеркасск')",
               "insert into events (id, title, summary, start, [end], certainty) values "
               "('zoya', 'Хрущёв на площади', 'Ельцин', '1962', '', 'exact')")
    plain = tmp_path / "plain.db"
    shutil.copy(small_store, plain)
    _with_rows(plain, *(f"drop table [{table}_fts]" for table, _c in SEARCHED))
    indexed, scanned = EventStore(small_store), EventStore(plain, check_rows=False)
    for text in ("Khrushchev", "Hrushch", "Yeltsin", "Eltsin", "Новочерк", "ploshchadi", "Хрущёв Yeltsin", "k"):
        assert indexed.search(text) == scanned.search(text), text
    assert indexed.search("Khrushchev") == {"zoya"}


def test_damaged_alias_rows_are_named_by_check_and_skipped_by_search(small_store: Path) -> None:
    _with_rows(small_store, "insert into aliases values ('planet', 'novocherkassk', 'Mars')",
               "insert into aliases values ('place', 'atlantis', 'Atlantis')",
               "insert into aliases values ('place', 'novocherkassk', '  ')",
               "insert into aliases values ('person', '', 'Nobody')")
    problems = store_problems(small_store)
    assert any("kind 'planet' is not one of place, person, theme" in p for p in problems)
    assert any("target_id 'atlantis' names no row of places" in p for p in problems)
    assert any("alias '  ' must be a name" in p for p in problems)
    assert any("target_id '' must name a person" in p for p in problems)
    assert EventStore(small_store, check_rows=False).search("Mars") == set()


def test_an_aliases_table_of_another_shape_is_reported_and_ignored(small_store: Path) -> None:
    _with_rows(small_store, "drop table aliases", "create table aliases (name text)")
    store = EventStore(small_store)
    assert alias_problems(store.conn) == ["table 'aliases' has no column 'kind'",
                                          "table 'aliases' has no column 'target_id'",
                                          "table 'aliases' has no column 'alias'"]
    assert store.search("Novocherkassk") == {"massacre", "strike"}


# -- aliases in the source file -------------------------------------------------------------------

PEOPLE = '''
[people.khrushchev]
aliases = ["Khrushchev", "Хрущёв"]
'''


def test_the_source_files_aliases_are_built_into_the_store(tmp_path: Path) -> None:
    store = build_small_store(tmp_path, PEOPLE)
    rows = sqlite3.connect(store).execute("select kind, target_id, alias from aliases order by alias").fetchall()
    assert rows == [("person", "khrushchev", "Khrushchev"), ("person", "khrushchev", "Хрущёв")]


@pytest.mark.parametrize("entry, message", [
    ('[people.nobody]\naliases = []\n', "lists no names"),
    ('[people.Bad_Id]\naliases = ["X"]\n', "is not a lowercase slug"),
    ('[people.x]\naliases = ["  X"]\n', "is not a name"),
    ('[people.x]\naliases = [3]\n', "is not a name"),
    ('[people.x]\naliases = "X"\n', "must be a list"),
])
def test_a_bad_alias_in_the_source_file_is_named(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(SourceFileError) as caught:
        build_small_store(tmp_path, entry)
    assert message in caught.value.report()


def test_a_place_or_theme_is_found_by_id_name_or_alias_in_any_case(tmp_path: Path) -> None:
    store = EventStore(build_small_store(tmp_path, ""))
    _with_rows(store.path, "insert into aliases values ('place', 'novocherkassk', 'Новочеркасск')")
    store = EventStore(store.path)
    for text in ("novocherkassk", "Novocherkassk", "NOVOCHERKASSK", "Новочеркасск", "новочеркасск"):
        assert target_named(store.conn, "place", text) == "novocherkassk"
    assert target_named(store.conn, "theme", "terror and repression") == "repression"
    assert target_named(store.conn, "theme", "Terror  and Repression") == "repression"
    assert target_named(store.conn, "place", "Novocherk") is None  # a name, not a prefix
    assert target_named(store.conn, "place", "Terror and repression") is None

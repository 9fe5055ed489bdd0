"""Contract version 2 keeps history trustworthy: each provenance rule refuses a source file that breaks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED_STORE, SMALL_SOURCE
from timeline_app.cli import cli
from timeline_app.ingest.build import build_store
from timeline_app.ingest.source_file import SourceFileError
from timeline_app.store.check import store_flags

MASSACRE_BASIS = 'layer = "history"\ndate_basis = "outside"'
STRIKE_EXCERPT = '''[[events.excerpts]]
source = "doyle-2021"
quote = "The uprising started with a strike at the electric locomotive plant"'''


def build(source_dir: Path, text: str) -> Path:
    (source_dir / "events.toml").write_text(text, encoding="utf-8")
    target = source_dir / "out.db"
    build_store(source_dir / "events.toml", target)
    return target


def refused(source_dir: Path, text: str) -> str:
    with pytest.raises(SourceFileError) as caught:
        build(source_dir, text)
    assert not (source_dir / "out.db").exists()
    return caught.value.report()


def test_the_small_source_builds_clean(source_dir: Path) -> None:
    assert build(source_dir, SMALL_SOURCE).exists()


def test_an_exact_date_from_a_review_no_passage_states_is_refused(source_dir: Path) -> None:
    report = refused(source_dir, SMALL_SOURCE.replace(MASSACRE_BASIS, 'layer = "history"\ndate_basis = "review"'))
    assert "event 'massacre': certainty is exact with its date from a review, but no passage of it states its " \
           "start '1962-06-02'" in report


def test_an_exact_date_a_passage_states_passes(source_dir: Path) -> None:
    text = SMALL_SOURCE.replace(MASSACRE_BASIS, 'layer = "history"\ndate_basis = "review"').replace(
        'quote = "At a demonstration of thousands of workers that same day, the massacre occurs."',
        'quote = "the massacre of dozens of workers in Novocherkassk on June 2, 1962"')
    assert build(source_dir, text).exists()


def test_an_outside_date_needs_a_reference(source_dir: Path) -> None:
    report = refused(source_dir, SMALL_SOURCE.replace(
        'ref = "Baron, Bloody Saturday in the Soviet Union (2001), ch. 3"', 'ref = ""'))
    assert "event 'massacre' outside fact, field 'ref': is missing or empty" in report


def test_the_film_can_date_only_a_scene_of_the_film(source_dir: Path) -> None:
    report = refused(source_dir, SMALL_SOURCE.replace(MASSACRE_BASIS, 'layer = "history"\ndate_basis = "film"'))
    assert "event 'massacre': only a film scene can be dated by the film's plot" in report
    film = SMALL_SOURCE.replace(MASSACRE_BASIS, 'layer = "history"\ndate_basis = "film"').replace(
        'layer = "history"', 'layer = "film"')
    assert build(source_dir, film).exists()


def test_commentary_is_the_reviewers_own_voice(source_dir: Path) -> None:
    text = SMALL_SOURCE + '''
[[events.commentary]]
source = "doyle-2021"
quote = "Some estimates put deaths at more than 80."
voice = "film"
'''
    assert "commentary is the reviewer's own judgement, so its voice must be 'reviewer', not 'film'" in \
        refused(source_dir, text)


def test_a_quoted_passage_names_its_speaker(source_dir: Path) -> None:
    text = SMALL_SOURCE.replace(STRIKE_EXCERPT, STRIKE_EXCERPT + '\nvoice = "quoted"')
    assert "a quoted passage must name its speaker" in refused(source_dir, text)
    named = text.replace('voice = "quoted"', 'voice = "quoted"\nspeaker = "an unnamed worker"')
    assert build(source_dir, named).exists()


def test_a_disputed_date_may_not_take_one_sides_year(source_dir: Path) -> None:
    disputed = SMALL_SOURCE.replace('certainty = "approximate"', 'certainty = "disputed"') + '''
[[events.claims]]
topic = "when it began"
source = "doyle-2021"
value = "in 1962"
quote = "The true number of dead and wounded in the Novocherkassk uprising may never be known."

[[events.claims]]
topic = "when it began"
value = "in 1961, by one account"
ref = "A made-up reference for the test"
'''
    report = refused(source_dir, disputed)
    assert "event 'strike': disputed, but its dates 1962–1962 leave out the record's 1961 on 'when it began'" in report
    covered = disputed.replace('start = "1962-06"\nend = "1962-06-02"', 'start = "1961"\nend = "1962-06-02"')
    assert build(source_dir, covered).exists()


def test_the_records_side_rests_on_a_reference_and_quotes_no_review(source_dir: Path) -> None:
    text = SMALL_SOURCE + '''
[[events.claims]]
topic = "death toll"
value = "26 killed (official totals)"
'''
    assert "a claim with no source is the record's side and needs the reference it rests on" in \
        refused(source_dir, text)


def test_the_shipped_store_must_say_where_every_date_comes_from(source_dir: Path) -> None:
    report = refused(source_dir, SMALL_SOURCE.replace(MASSACRE_BASIS, 'layer = "history"'))
    assert "event 'massacre', field 'date_basis': must say where the date comes from" in report


def test_a_pronoun_or_a_fictional_name_on_history_is_flagged_for_a_person(source_dir: Path) -> None:
    text = SMALL_SOURCE.replace(STRIKE_EXCERPT, '''[[events.excerpts]]
source = "weiss-2021"
quote = "She"''')
    store = build(source_dir, text)
    flags = store_flags(store)
    assert any("opens with a pronoun" in flag and "event 'strike'" in flag for flag in flags)
    named = build(source_dir, text.replace('quote = "She"', 'quote = "She"\nspeaker = "Lyuda (fictional)"'))
    assert not any("event 'strike'" in flag for flag in store_flags(named))


def test_check_prints_the_shipped_stores_provenance_and_no_problem() -> None:
    result = CliRunner().invoke(cli, ["check", str(SHIPPED_STORE)])
    assert result.exit_code == 0, result.output
    for line in ("Layers:", "Date basis:", "Voices:", "Outside facts:", "the record among them"):
        assert line in result.output

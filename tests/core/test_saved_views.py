"""Views people come back to: named views that survive a restart, a view as text, Back and Forward."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest

from timeline_app.model.explorer_state import ViewState
from timeline_app.model.filters import FilterState
from timeline_app.model.saved_views import (
    MAX_NAME,
    VIEW_TEXT_PREFIX,
    SavedViews,
    SavedViewsError,
    ViewHistory,
    ViewTextError,
    default_views_file,
    view_from_text,
    view_text,
)

STRIKES = ViewState(FilterState(themes=frozenset({"protest"}), search="Новочеркасск", layers=frozenset({"history"})),
                    "place", (1960.0, 1964.5), "strike")
TERROR = ViewState(FilterState(themes=frozenset({"repression"}), disputed_only=True), "reviewer", (1934.0, 1939.0))


# -- a view as text ---------------------------------------------------------------------------------


def test_a_view_survives_its_text() -> None:
    text = view_text(STRIKES)
    assert text.startswith(VIEW_TEXT_PREFIX)
    assert view_from_text(text) == STRIKES
    assert view_from_text(view_text(ViewState())) == ViewState()


def test_the_text_is_short_and_one_line_of_url_safe_characters() -> None:
    text = view_text(STRIKES)
    assert len(text) < 250
    body = text[len(VIEW_TEXT_PREFIX):]
    assert body and set(body) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_a_text_broken_across_lines_by_a_mail_program_still_reads() -> None:
    text = view_text(TERROR)
    broken = "  " + "\n  ".join(text[i:i + 20] for i in range(0, len(text), 20)) + "\n"
    assert view_from_text(broken) == TERROR


def _packed(value: object) -> str:
    raw = zlib.compress(json.dumps(value).encode())
    return VIEW_TEXT_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("text, message", [
    ("", "there is no text to read a view from"),
    ("   \n", "there is no text to read a view from"),
    ("hello world", "this is not a view: a view's text starts with tlview1:"),
    ("https://example.org/?view=1", "this is not a view"),
    ("tlview1:", "cut short"),
    ("tlview1:!!!!", "damaged"),
    ("tlview1:AAAA", "damaged"),
    (view_text(STRIKES)[:-6], "cut short"),
    (view_text(STRIKES)[:30] + "x" + view_text(STRIKES)[31:], "damaged"),
    (VIEW_TEXT_PREFIX + base64.urlsafe_b64encode(b"not zlib").decode(), "damaged"),
    (VIEW_TEXT_PREFIX + base64.urlsafe_b64encode(zlib.compress(b"\xff\xfe")).decode(), "damaged"),
    (_packed([1, 2]), "damaged (the whole view)"),
    (_packed({"grouping": "colour", "range": [1990, 1950]}), "damaged (grouping, years)"),
    ("tlview1:" + "A" * 30_000, "far too long"),
])
def test_text_that_is_not_a_view_gets_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(ViewTextError) as caught:
        view_from_text(text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_text_that_unpacks_into_a_huge_one_is_refused() -> None:
    bomb = VIEW_TEXT_PREFIX + base64.urlsafe_b64encode(zlib.compress(b" " * 5_000_000, 9)).decode()
    assert len(bomb) < 20_000
    with pytest.raises(ViewTextError, match="too large"):
        view_from_text(bomb)


# -- named views in a file ------------------------------------------------------------------------


def test_saved_views_come_back_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "config" / "views.json"
    views = SavedViews(path)
    assert views.names() == []
    views.save("Strikes", STRIKES, "/data/events.db")
    views.save("Terror", TERROR)
    again = SavedViews(path)
    assert again.names() == ["Strikes", "Terror"]
    assert again.get("Strikes").view == STRIKES
    assert again.get("Strikes").store == "/data/events.db"
    assert again.get("Terror").store is None
    assert again.warning is None


def test_rename_and_delete_last_past_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "views.json"
    views = SavedViews(path)
    views.save("Strikes", STRIKES)
    views.save("Terror", TERROR)
    views.rename("Strikes", "  Monday: strikes ")
    views.delete("Terror")
    again = SavedViews(path)
    assert again.names() == ["Monday: strikes"]
    assert again.get("Monday: strikes").view == STRIKES


def test_saving_under_a_name_in_use_replaces_that_view_in_place(tmp_path: Path) -> None:
    views = SavedViews(tmp_path / "views.json")
    views.save("A", STRIKES)
    views.save("B", STRIKES)
    views.save("A", TERROR)
    assert views.names() == ["A", "B"]
    assert SavedViews(views.path).get("A").view == TERROR


def test_a_view_is_found_by_its_name_in_any_case_unless_two_fit(tmp_path: Path) -> None:
    views = SavedViews(tmp_path / "views.json")
    views.save("Monday class", STRIKES)
    assert views.get("monday CLASS").view == STRIKES
    views.save("MONDAY CLASS", TERROR)
    assert views.get("MONDAY CLASS").view == TERROR
    assert views.get("Monday class").view == STRIKES
    with pytest.raises(SavedViewsError):
        views.get("monday class")


@pytest.mark.parametrize("name, message", [
    ("", "a view needs a name"), ("   ", "a view needs a name"), ("x" * (MAX_NAME + 1), "at most"),
    ("two\nlines", "one line"), ("tab\there", "one line"),
])
def test_a_name_that_cannot_be_is_refused(tmp_path: Path, name: str, message: str) -> None:
    views = SavedViews(tmp_path / "views.json")
    with pytest.raises(SavedViewsError, match=message):
        views.save(name, STRIKES)
    views.save("ok", STRIKES)
    with pytest.raises(SavedViewsError, match=message):
        views.rename("ok", name)
    assert SavedViews(views.path).names() == ["ok"]


def test_renaming_onto_another_view_or_a_missing_one_is_refused(tmp_path: Path) -> None:
    views = SavedViews(tmp_path / "views.json")
    views.save("A", STRIKES)
    views.save("B", TERROR)
    with pytest.raises(SavedViewsError, match="a view is already called 'B'"):
        views.rename("A", "B")
    with pytest.raises(SavedViewsError, match="no saved view is called 'C'"):
        views.rename("C", "D")
    with pytest.raises(SavedViewsError, match="no saved view is called 'C'"):
        views.delete("C")
    views.rename("A", "a")  # a new case of its own name
    assert views.names() == ["a", "B"]


def test_an_unknown_name_lists_the_saved_views(tmp_path: Path) -> None:
    views = SavedViews(tmp_path / "views.json")
    with pytest.raises(SavedViewsError, match="none saved yet"):
        views.get("x")
    views.save("A", STRIKES)
    views.save("B", STRIKES)
    with pytest.raises(SavedViewsError, match="the saved views are: A; B"):
        views.get("x")


@pytest.mark.parametrize("content", ["{not json", "[]", '{"views": 3}', "\xff"])
def test_a_damaged_file_reads_as_no_views_and_is_kept_aside_at_the_first_save(tmp_path: Path, content: str) -> None:
    path = tmp_path / "views.json"
    path.write_text(content, encoding="utf-8") if content != "\xff" else path.write_bytes(b"\xff\xfe")
    views = SavedViews(path)
    assert views.names() == []
    assert views.warning and str(path) in views.warning and "kept" in views.warning
    views.save("A", STRIKES)
    assert SavedViews(path).names() == ["A"]
    assert (tmp_path / "views.json.damaged").exists()


def test_damaged_entries_are_left_out_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "views.json"
    good = {"name": "Good", "view": STRIKES.to_dict()}
    path.write_text(json.dumps({"views": [
        good, 3, {"name": ""}, {"name": "Bad years", "view": {"range": [2000, 1900]}}, {"view": {}},
        {"name": "Good", "view": TERROR.to_dict()}, {"name": "Odd store", "store": 5, "view": TERROR.to_dict()},
    ]}), encoding="utf-8")
    views = SavedViews(path)
    assert views.names() == ["Good", "Odd store"]
    assert views.get("Good").view == STRIKES
    assert views.get("Odd store").store is None
    assert views.warning is None


def test_the_views_file_is_in_the_users_config_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TIMELINE_APP_VIEWS", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_views_file() == tmp_path / "timeline-app" / "views.json"
    monkeypatch.setenv("TIMELINE_APP_VIEWS", str(tmp_path / "x.json"))
    assert default_views_file() == tmp_path / "x.json"
    assert SavedViews().path == tmp_path / "x.json"


# -- back and forward -----------------------------------------------------------------------------


def _at(year: float) -> ViewState:
    return ViewState(view_range=(year, year + 10.0))


def test_back_and_forward_walk_the_views_gone_through() -> None:
    history = ViewHistory()
    assert history.current() is None and not history.can_go_back() and not history.can_go_forward()
    assert history.back() is None and history.forward() is None
    for year in (1920, 1930, 1940):
        assert history.record(_at(year))
    assert history.back() == _at(1930)
    assert history.back() == _at(1920)
    assert history.back() is None
    assert history.current() == _at(1920)
    assert history.forward() == _at(1930)
    assert history.can_go_back() and history.can_go_forward()
    assert history.forward() == _at(1940)
    assert history.forward() is None
    assert not history.can_go_forward()


def test_a_new_view_after_going_back_drops_the_forward_ones() -> None:
    history = ViewHistory()
    for year in (1920, 1930, 1940):
        history.record(_at(year))
    history.back()
    history.back()
    history.record(_at(1950))
    assert not history.can_go_forward()
    assert history.views == [_at(1920), _at(1950)]
    assert history.back() == _at(1920)


def test_the_same_view_again_is_not_a_new_step() -> None:
    history = ViewHistory()
    assert history.record(_at(1920))
    assert not history.record(_at(1920))
    assert not history.record(ViewState(view_range=(1920.005, 1930.0)))  # a redraw's rounding
    assert history.record(ViewState(view_range=(1920.5, 1930.0)))  # a real pan
    assert history.record(ViewState(view_range=(1920.5, 1930.0), selection="strike"))
    assert len(history.views) == 3


def test_the_history_keeps_the_newest_views_only() -> None:
    history = ViewHistory(limit=3)
    for year in range(1920, 1980, 10):
        history.record(_at(year))
    assert history.views == [_at(1950), _at(1960), _at(1970)]
    assert history.position == 2
    history.clear()
    assert history.current() is None and history.position == -1

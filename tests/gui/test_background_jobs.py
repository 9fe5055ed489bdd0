"""The window's thread pool: answers come back on the GUI thread; freed memory is returned once it is quiet."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from timeline_app.gui import background_jobs
from timeline_app.gui.background_jobs import BackgroundJobs
from timeline_app.model.latest import Latest


def test_answers_arrive_and_what_big_work_frees_goes_back_from_its_worker_and_once_quiet(qtbot,
                                                                                          monkeypatch) -> None:
    import threading

    trims: list[str] = []
    monkeypatch.setattr(background_jobs, "return_freed_memory", lambda: trims.append(
        "window" if threading.current_thread() is threading.main_thread() else "worker"))
    monkeypatch.setattr(background_jobs, "TRIM_AFTER_MS", 400)
    jobs = BackgroundJobs()
    tickets = Latest()
    answers: list[int] = []
    # A facet count keeps what it freed: the next click would fault its pages in again.
    jobs.run(tickets.start(), lambda _cancelled: "found", answers.append)
    qtbot.waitUntil(lambda: answers == ["found"], timeout=5000)
    qtbot.wait(600)
    assert trims == []
    answers.clear()
    for n in range(3):  # work that frees much (a preparation, a sort) gives it back
        jobs.run(tickets.start(), lambda _cancelled, n=n: n * n, answers.append, trim=True)
        tickets = Latest()  # each its own current ticket
    qtbot.waitUntil(lambda: sorted(answers) == [0, 1, 4], timeout=5000)
    assert trims.count("worker") == 3 and "window" not in trims  # the window's own: not as answers come in
    qtbot.waitUntil(lambda: trims.count("window") == 1, timeout=5000)
    qtbot.wait(500)
    assert trims.count("window") == 1
    jobs.run(tickets.start(), lambda _cancelled: "again", answers.append)
    qtbot.waitUntil(lambda: "again" in answers, timeout=5000)
    qtbot.wait(600)
    assert trims.count("window") == 1 and trims.count("worker") == 3  # nothing more to give back
    jobs.stop()


def _priority() -> int:
    """This thread's nice level (higher: it gives way to others)."""
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads have priorities of their own on Linux")
def test_work_done_ahead_gives_way_and_work_a_user_waits_for_does_not(qtbot) -> None:
    jobs = BackgroundJobs()
    tickets = Latest()
    answers: dict[str, int] = {}
    jobs.run(tickets.start(), lambda _cancelled: _priority(), lambda p: answers.setdefault("ahead", p), ahead=True)
    qtbot.waitUntil(lambda: "ahead" in answers, timeout=5000)
    for name in ("search", "count"):
        jobs.run(Latest().start(), lambda _cancelled: _priority(), lambda p, name=name: answers.setdefault(name, p))
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=5000)
    window = _priority()
    assert answers["ahead"] >= window + background_jobs.AHEAD_NICENESS
    assert answers["search"] == answers["count"] == window
    jobs.stop()


def test_work_that_only_speeds_things_up_waits_for_every_hold_to_end() -> None:
    jobs = BackgroundJobs()
    started: list[str] = []
    jobs.after_hold(lambda: started.append("now"))
    assert started == ["now"]
    jobs.hold()
    jobs.hold()
    jobs.after_hold(lambda: started.append("first"))
    jobs.after_hold(lambda: started.append("second"))
    jobs.release()
    assert started == ["now"]  # one hold is left
    jobs.release()
    assert started == ["now", "first", "second"]
    jobs.release()  # more releases than holds change nothing
    jobs.after_hold(lambda: started.append("after"))
    assert started[-1] == "after"
    jobs.stop()


def test_a_big_store_is_prepared_for_searches_and_sorts_once_its_rows_are_checked(qtbot, tmp_path, monkeypatch,
                                                                                  small_store) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui import event_table, filter_requests
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.store import event_store

    monkeypatch.setattr(event_store, "CHECK_ROWS_WHILE_OPENING", 0)  # every store is "large": checked after
    monkeypatch.setattr(filter_requests, "BACKGROUND_ABOVE", 0)
    monkeypatch.setattr(event_table, "BACKGROUND_ABOVE", 0)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    prepared: list[str] = []
    from timeline_app.model.catalog import EventCatalog
    from timeline_app.model.table_order import TableOrder

    priorities: dict[str, int] = {}

    def noting(what, original):
        def run(*args, **kwargs):
            prepared.append(f"{what} while checking" if window._row_check is not None else what)
            priorities[what] = _priority()
            return original(*args, **kwargs)
        return run

    monkeypatch.setattr(EventCatalog, "prepare_search", noting("search", EventCatalog.prepare_search))
    monkeypatch.setattr(EventCatalog, "prepare_filters", noting("filters", EventCatalog.prepare_filters))
    monkeypatch.setattr(TableOrder, "compute", noting("sort", TableOrder.compute))
    assert window.open_store(small_store, quiet=True)
    assert window._row_check is not None and prepared == []  # nothing prepared while the rows are checked
    qtbot.waitUntil(lambda: window._row_check is None, timeout=30_000)
    qtbot.waitUntil(lambda: {"filters", "search", "sort"} <= set(prepared), timeout=10_000)
    assert set(prepared) == {"filters", "search", "sort"}
    if sys.platform.startswith("linux"):  # preparations give way to the window's own thread
        assert min(priorities.values()) > _priority()
    window.jobs.stop()


def test_the_table_s_sorts_are_prepared_after_searching_is_not_beside_it(qtbot, tmp_path, monkeypatch,
                                                                        small_store) -> None:
    import threading

    from PySide6.QtCore import QSettings

    from timeline_app.gui import event_table, filter_requests
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.model.catalog import EventCatalog
    from timeline_app.model.table_order import TableOrder

    monkeypatch.setattr(filter_requests, "BACKGROUND_ABOVE", 0)
    monkeypatch.setattr(event_table, "BACKGROUND_ABOVE", 0)
    searching_done = threading.Event()
    events: list[str] = []
    prepare = EventCatalog.prepare_search

    def slow_prepare(catalog, cancelled=lambda: False):
        events.append("search starts")
        prepare(catalog, cancelled)
        searching_done.wait(5)
        events.append("search ends")

    def compute(order, column, cancelled=lambda: False):
        events.append("sort")
        return TableOrder.__dict__["_original_compute"](order, column, cancelled)

    monkeypatch.setattr(TableOrder, "_original_compute", TableOrder.compute, raising=False)
    monkeypatch.setattr(EventCatalog, "prepare_search", slow_prepare)
    monkeypatch.setattr(TableOrder, "compute", compute)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(small_store, quiet=True)
    qtbot.waitUntil(lambda: events[:1] == ["search starts"], timeout=10_000)
    qtbot.wait(800)  # the table's preparation would have started by now
    assert "sort" not in events
    searching_done.set()
    qtbot.waitUntil(lambda: "sort" in events, timeout=10_000)
    assert events.index("search ends") < events.index("sort")
    window.jobs.stop()


def test_a_search_keeps_what_it_freed_for_the_next_click(qtbot, tmp_path, monkeypatch, small_store) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui import event_table, filter_requests
    from timeline_app.gui.main_window import MainWindow

    monkeypatch.setattr(filter_requests, "BACKGROUND_ABOVE", 0)  # searched in a worker, as at a million events
    monkeypatch.setattr(event_table, "BACKGROUND_ABOVE", 10**9)
    monkeypatch.setattr(background_jobs, "TRIM_AFTER_MS", 200)
    trims: list[str] = []
    monkeypatch.setattr(background_jobs, "return_freed_memory", lambda: trims.append("trim"))
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(small_store, quiet=True)
    qtbot.waitUntil(lambda: not window.jobs.busy() and not window.requests._preparing, timeout=10_000)
    qtbot.wait(400)
    trims.clear()  # what opening and preparing gave back
    window.requests.request(window.state.filter.with_(search="strike"))
    qtbot.waitUntil(lambda: window.state.filter.search == "strike", timeout=10_000)
    qtbot.wait(600)
    assert trims == []
    window.jobs.stop()

"""The background check of a large store runs in a child process: same answers, and a cancelled one never reports."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from store_copies import edit

import timeline_app.store.background_check as background_check
from timeline_app.store.background_check import RowCheck
from timeline_app.store.timeline_index import arrays_equal, compute_arrays


def _arrays(store: Path):
    conn = sqlite3.connect(store)
    try:
        return compute_arrays(conn)
    finally:
        conn.close()


def _finish(check: RowCheck) -> list:
    check.thread.join(timeout=120)
    assert not check.thread.is_alive()
    return check.results  # type: ignore[attr-defined]


def _check(store: Path, loaded) -> RowCheck:
    results: list = []
    check = RowCheck(store, loaded, lambda problems, fresh: results.append((problems, fresh)))
    check.results = results  # type: ignore[attr-defined]
    return check


def test_the_child_finds_the_broken_rows_the_check_finds(small_store: Path) -> None:
    edit(small_store, "update events set certainty = 'likely' where id = 'strike'")
    results = _finish(_check(small_store, _arrays(small_store)).start())
    assert results == [(["event 'strike': certainty 'likely' is not one of exact, approximate, disputed"], None)]


def test_the_child_hands_back_fresh_arrays_when_the_index_is_stale(small_store: Path) -> None:
    loaded = _arrays(small_store)
    edit(small_store, "update events set start = '1962-05', date_text = '', start_year = 1962.33 where id = 'strike'")
    [(problems, fresh)] = _finish(_check(small_store, loaded).start())
    assert problems == [] and fresh is not None
    assert arrays_equal(fresh, _arrays(small_store)) and not arrays_equal(fresh, loaded)


def test_a_sound_store_reports_nothing_wrong(small_store: Path) -> None:
    assert _finish(_check(small_store, _arrays(small_store)).start()) == [([], None)]


def test_a_cancelled_check_never_reports_even_when_its_child_has_answered(small_store: Path, monkeypatch) -> None:
    answered = threading.Event()
    release = threading.Event()
    real = RowCheck._in_child

    def slow_child(self):
        result = real(self)  # the child has found its answer...
        answered.set()
        release.wait(60)  # ...and the window moves on before it is handed over
        return result

    monkeypatch.setattr(RowCheck, "_in_child", slow_child)
    edit(small_store, "update events set certainty = 'likely' where id = 'strike'")
    check = _check(small_store, _arrays(small_store)).start()
    assert answered.wait(120)
    check.cancel()
    release.set()
    assert _finish(check) == []


def test_a_check_cancelled_at_once_ends_without_reporting(small_store: Path) -> None:
    check = _check(small_store, _arrays(small_store))
    check.cancel()
    check.start()
    assert _finish(check) == []


def test_without_a_child_process_the_check_runs_on_its_thread(small_store: Path, monkeypatch) -> None:
    monkeypatch.setattr(background_check.subprocess, "Popen", _no_process)
    edit(small_store, "update events set certainty = 'likely' where id = 'strike'")
    results = _finish(_check(small_store, _arrays(small_store)).start())
    assert results == [(["event 'strike': certainty 'likely' is not one of exact, approximate, disputed"], None)]


def _no_process(*_args, **_kwargs):
    raise OSError("no processes here")



def _child_answer(request: bytes, then: str) -> tuple[bytes, str]:
    """What the child writes for ``request`` (its input kept open, as the window keeps it), and what
    ``then`` (Python run after it answered) writes to stderr."""
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", background_check._CHILD + "; " + then], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    child.stdin.write(request)
    child.stdin.flush()
    answer, said = child.stdout.read(), child.stderr.read().decode()
    child.stdin.close()
    assert child.wait(timeout=60) == 0
    return answer, said


def test_the_child_checks_a_sound_store_without_importing_numpy(small_store: Path) -> None:
    import pickle

    from timeline_app.store.index_proof import digest_of
    from timeline_app.store.row_check import message

    # numpy is half the child's start (0.15 s of 0.27): a sound store's check must not wait for it.
    request = message(str(small_store)) + message(digest_of(_arrays(small_store)))
    answer, said = _child_answer(request, "import sys; "
                                 "sys.stderr.write(str(sorted(m for m in sys.modules if m.split('.')[0] == 'numpy')))")
    assert pickle.loads(answer) == ([], None)
    assert said == "[]"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="processes have nice levels on Linux")
def test_the_child_gives_way_to_the_window(small_store: Path) -> None:
    import os
    import pickle

    from timeline_app.store.index_proof import digest_of
    from timeline_app.store.row_check import CHECK_NICENESS, message

    request = message(str(small_store)) + message(digest_of(_arrays(small_store)))
    answer, said = _child_answer(request, "import os, sys; sys.stderr.write(str(os.getpriority(os.PRIO_PROCESS, 0)))")
    assert pickle.loads(answer) == ([], None)
    assert int(said) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + CHECK_NICENESS)


def test_a_check_begun_before_the_arrays_are_read_answers_once_they_are_given(small_store: Path) -> None:
    results: list = []
    check = RowCheck(small_store, None, lambda problems, fresh: results.append((problems, fresh))).start()
    deadline = threading.Event()
    while check._child is None and not deadline.wait(0.01):
        pass  # the child is started with the path alone
    deadline.wait(0.3)
    assert results == [] and check.thread.is_alive()  # it waits for the arrays to prove them
    check.give(_arrays(small_store))
    check.thread.join(timeout=60)
    assert results == [([], None)]


def test_a_check_begun_then_dropped_before_the_arrays_never_reports(small_store: Path) -> None:
    results: list = []
    check = RowCheck(small_store, None, lambda problems, fresh: results.append((problems, fresh))).start()
    check.cancel()
    check.thread.join(timeout=60)
    assert not check.thread.is_alive() and results == []


def test_a_store_found_broken_before_the_arrays_come_is_still_reported(small_store: Path, tmp_path: Path) -> None:
    loaded = _arrays(small_store)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 100)
    results: list = []
    check = RowCheck(damaged, None, lambda problems, fresh: results.append((problems, fresh))).start()
    deadline = threading.Event()
    while (check._child is None or check._child.poll() is None) and not deadline.wait(0.01):
        pass  # the child has answered and ended before the window read any arrays
    check.give(loaded)
    check.thread.join(timeout=60)
    assert results == [(["is not an SQLite database (the file is damaged or of another kind)"], None)]


def test_the_child_ends_at_once_when_the_window_goes_before_it_answers(small_store: Path) -> None:
    import subprocess

    from timeline_app.store.row_check import message

    child = subprocess.Popen([sys.executable, "-c", background_check._CHILD], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(message(str(small_store)))
    child.stdin.close()  # the window closed (or was killed) before it read the arrays
    assert child.wait(timeout=30) == 0
    assert child.stdout.read() == b""  # no answer, and no check carried on for nobody

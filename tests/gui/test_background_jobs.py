"""The window's thread pool: answers come back on the GUI thread; freed memory is returned once it is quiet."""

from __future__ import annotations

from timeline_app.gui import background_jobs
from timeline_app.gui.background_jobs import BackgroundJobs
from timeline_app.model.latest import Latest


def test_answers_arrive_and_memory_is_returned_after_the_last_not_with_each(qtbot, monkeypatch) -> None:
    trims: list[int] = []
    monkeypatch.setattr(background_jobs, "return_freed_memory", lambda: trims.append(1))
    monkeypatch.setattr(background_jobs, "TRIM_AFTER_MS", 400)
    jobs = BackgroundJobs()
    tickets = Latest()
    answers: list[int] = []
    for n in range(3):
        jobs.run(tickets.start(), lambda _cancelled, n=n: n * n, answers.append)
        tickets = Latest()  # each its own current ticket
    qtbot.waitUntil(lambda: sorted(answers) == [0, 1, 4], timeout=5000)
    assert trims == []  # not as the answers come in
    qtbot.waitUntil(lambda: trims == [1], timeout=5000)
    qtbot.wait(500)
    assert trims == [1]
    jobs.stop()

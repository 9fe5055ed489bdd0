#!/usr/bin/env python3
"""Benchmark the whole main window on synthetic stores, driven by real input events, offscreen.

    python bench/window.py                           # 10k, 100k and 1M events
    python bench/window.py --sizes 10000,1000000     # some sizes only
    python bench/window.py --before bench/window-before.json   # add the figures from before a change

Prints one JSON object keyed by event count. For each size, in processes of their own:

- ``first_frame_s``: from launching ``timeline-app STORE`` (a new process, as a user would) to the
  first frame of the timeline painted with its events; the median of three launches.
- then one process opens the full window (all panes, table, overview, filters, map) on the store
  as the application does, and sends it what a user would: wheel steps on the timeline
  (``zoom_ms_p95``), Shift+arrow keys (``pan_ms_p95``), typing words into the search box and Return
  (``search_ms_p95``), clicks on the table's Title, Places and Date headers (``sort_ms_max``),
  clicks on theme names (``facet_ms_p95``), clicks on table rows (``select_ms_p95``) and Ctrl+Q
  (``quit_ms``: until the process has exited). Each is timed from the input event until what it
  changes is on screen and the event loop is idle (nothing left to process, the window repainted).
  ``*_cpu_ms_p95`` is the GUI thread's CPU time over the same span (less
  sensitive to the machine's load); work the window defers on purpose (the view "settles" 200 ms
  after the last wheel step, then the table and counts follow) is in ``*_settle_cpu_ms_p95``: the
  GUI thread's CPU time from the input event until the window has been quiet for 450 ms.
- ``check_s``: from opening the store to the end of the background check of its rows;
- ``gui_block_ms_max``: the longest the GUI thread did not get to a 5 ms heartbeat timer, from
  the first frame to the quit (``gui_block_worst`` names the action it happened in);
- ``rss_mb``: peak resident memory of the window's process (``rss_now_mb``: at the end).

Stores are built once by ``bench/synthetic.py`` and cached in ``bench/.cache/``. Not part of the
test suite: figures depend on the machine and its load (``load_1min`` records it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
SIZES = (10_000, 100_000, 1_000_000)
LAUNCHES = 3
TIMEOUT_S = 120.0
QUIET_MS = 450  # longer than the window's own deferrals (200 ms settle, 250 ms search pause)
SEARCH_WORDS = ("strike", "plant", "secret trial", "event 4242", "")


def _p95(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))], 1)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _rss_mb() -> tuple[float, float]:
    """(peak, now) resident memory of this process in MB."""
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024


# -- the launch: a new process until its first painted frame ---------------------------------------------
def launch_child(store: str) -> None:
    """Run ``timeline-app STORE`` in this process; print the wall-clock time of the first frame with events.

    The timeline's paint is wrapped as its module is first imported, where the application
    imports it, so the launch loads its modules in its own order (importing the window here
    first would delay what the command starts before it).
    """
    import importlib.abc
    import importlib.util

    def measure(events_item) -> None:
        original = events_item.EventsItem.paint

        def paint(self, painter, option, widget=None):
            original(self, painter, option, widget)
            if self.marks is not None and self.layout is not None and len(self.layout.row):
                print(f"FRAME {time.time():.6f} {time.process_time():.6f}", flush=True)
                os._exit(0)  # the frame is measured; the quit is timed elsewhere

        events_item.EventsItem.paint = paint

    class WrapOnImport(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name != "timeline_app.gui.events_item":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            run = spec.loader.exec_module

            def exec_module(module) -> None:
                run(module)
                measure(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, WrapOnImport())
    from timeline_app.launch import main  # the ``timeline-app`` command's own entry point

    sys.argv = ["timeline-app", store]
    main()


def first_frame(store: Path, settings: Path) -> tuple[float, list[float], float]:
    """Median seconds from launch to first painted frame over LAUNCHES launches, each launch's,
    and the median CPU seconds the process had used by then."""
    import compileall

    # An installed app has its byte-code (pip compiles a wheel as it installs it, and Python
    # caches the rest on first run); a checkout run with PYTHONDONTWRITEBYTECODE would not.
    compileall.compile_dir(HERE.parent / "timeline_app", quiet=2)
    times, cpu = [], []
    for _ in range(LAUNCHES):
        settings.unlink(missing_ok=True)
        env = {**os.environ, "TIMELINE_APP_SETTINGS": str(settings)}
        begun = time.time()
        child = subprocess.run([sys.executable, __file__, "--launch", str(store)], capture_output=True, text=True,
                               env=env, timeout=TIMEOUT_S, check=False)
        frames = [line for line in child.stdout.splitlines() if line.startswith("FRAME ")]
        if not frames:
            raise RuntimeError(f"the launch painted no frame:\n{child.stderr[-2000:]}")
        times.append(float(frames[0].split()[1]) - begun)
        cpu.append(float(frames[0].split()[2]))
    return round(statistics.median(times), 3), [round(t, 3) for t in times], round(statistics.median(cpu), 3)


# -- the window, driven by input events ------------------------------------------------------------------
class Driver:
    """Sends input events to one window and times them (see the module docstring)."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QAbstractEventDispatcher, Qt, QTimer

        self.app = app
        self.dispatcher = QAbstractEventDispatcher.instance()
        self.phase = "open"
        self.block_max, self.block_worst = 0.0, ""
        self._beat_last = time.perf_counter()
        self.heartbeat = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer)
        self.heartbeat.timeout.connect(self._beat)
        self.paints = 0
        self.cpu_at_idle = 0.0
        from timeline_app.gui import events_item

        original = events_item.EventsItem.paint
        driver = self

        def paint(item, painter, option, widget=None):
            original(item, painter, option, widget)
            driver.paints += 1

        events_item.EventsItem.paint = paint

    # GUI-thread stalls
    def _beat(self) -> None:
        now = time.perf_counter()
        gap = (now - self._beat_last) * 1000
        if gap > self.block_max:
            self.block_max, self.block_worst = gap, self.phase
        self._beat_last = now

    def start_heartbeat(self) -> None:
        self._beat_last = time.perf_counter()
        self.block_max, self.block_worst = 0.0, ""
        self.heartbeat.start()

    def oracle(self, answer):
        """``answer()`` with the heartbeat paused: the benchmark's own reckoning of what the window
        should show runs on the GUI thread too, and is not the window's stall."""
        self.heartbeat.stop()
        try:
            return answer()
        finally:
            self._beat_last = time.perf_counter()
            self.heartbeat.start()

    # waiting
    def until_idle(self, done=lambda: True, timeout: float = TIMEOUT_S) -> float | None:
        """Run the event loop until it is about to wait with ``done()`` true; the time then (None: timeout)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        found: list[float] = []

        def check() -> None:
            if not found and done():
                found.append(time.perf_counter())
                self.cpu_at_idle = time.thread_time()
                loop.quit()

        self.dispatcher.aboutToBlock.connect(check)
        guard = QTimer(singleShot=True, interval=int(timeout * 1000))
        guard.timeout.connect(loop.quit)
        guard.start()
        loop.exec()
        guard.stop()
        self.dispatcher.aboutToBlock.disconnect(check)
        return found[0] if found else None

    def wait(self, ms: int) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()  # not QTest.qWait: it sleeps between turns, which would count as busy
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def timed(self, phase: str, act, done, prepare=None) -> tuple[float | None, float, float]:
        """Wall ms from ``act()`` until ``done()`` and the loop idle; the GUI thread's CPU ms meanwhile;
        and its CPU ms until the window is quiet again (deferred work included). ``prepare()`` runs
        untimed just before ``act()`` (typing before the Return)."""
        self.phase = phase
        if os.environ.get("BENCH_VERBOSE"):
            print(f"{phase}…", file=sys.stderr, flush=True)
        self.wait(QUIET_MS)  # start from a quiet window
        if prepare is not None:
            prepare()
        cpu0 = time.thread_time()
        begun = time.perf_counter()
        act()
        at = self.until_idle(done)
        cpu = (self.cpu_at_idle - cpu0) * 1000
        self.wait(QUIET_MS)
        settle = (time.thread_time() - cpu0) * 1000
        return (None if at is None else (at - begun) * 1000), cpu, settle

    # input events
    def wheel(self, widget, steps: int) -> None:
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QWheelEvent

        where = QPointF(widget.width() * 0.55, widget.height() * 0.5)
        event = QWheelEvent(where, QPointF(widget.mapToGlobal(where.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        self.app.sendEvent(widget, event)

    def key(self, widget, key, modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)

    def click(self, widget, point) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _shows(window, count: int) -> bool:
    """Whether the filter panel's line says ``count`` of all events (numbers as the locale writes them)."""
    total = len(window.state.catalog)
    numbers = re.findall(r"\d(?:[\d,.\s\u00a0\u202f]*\d)?", window.filters.shown.text())
    return [int(re.sub(r"\D", "", n)) for n in numbers] == [count, total]


def _expected_count(window, wanted) -> int:
    """How many events ``wanted`` (a FilterState) shows in the current years, computed by the core."""
    from timeline_app.model.filters import combine, facet_masks

    state = window.state
    # As the window's worker searches (its own connection, the words it already read): searching
    # on the window's connection would read the index's words a second time, a copy the window
    # itself never makes, and count it in the window's memory.
    hits = state.catalog.search_mask(wanted.search, own_connection=len(state.catalog) > 20_000)
    masks = facet_masks(state.catalog, wanted, hits, state.view_range)
    return int(combine(len(state.catalog), masks).sum())


def _looks_sorted(texts: list[str]) -> bool:
    import re

    def natural(text: str) -> list:
        return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text.casefold())]

    for key in (str.casefold, natural):
        keys = [key(t) for t in texts]
        if keys == sorted(keys) or keys == sorted(keys, reverse=True):
            return True
    return False


def measure_window(size: int, store: Path) -> dict:
    """Open the window on ``store`` in this process, drive it, print figures; Ctrl+Q at the end."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.app import make_settings
    from timeline_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["timeline-app"])
    app.setApplicationName("timeline-app")
    driver = Driver(app)  # before the window: it counts the timeline's paints
    window = MainWindow(make_settings())
    driver.window = window
    window.restore_settings()
    window.show()
    driver.until_idle()
    result: dict = {"events": size}

    opened = time.perf_counter()
    paints = driver.paints
    window.open_store(store)
    driver.until_idle(lambda: driver.paints > paints)
    result["open_to_frame_s"] = round(time.perf_counter() - opened, 3)
    driver.phase = "background check"
    driver.start_heartbeat()

    def checked() -> bool:
        return not window.statusBar().currentMessage().startswith("Checking")

    done = driver.until_idle(checked)
    result["check_s"] = round(done - opened, 3) if done is not None else None

    timeline = window.timeline
    viewport = timeline.plot.viewport()
    times: dict[str, list[float]] = {}
    settles: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}

    def record(name: str, figures: tuple[float | None, float, float]) -> None:
        latency, cpu, settle = figures
        times.setdefault(name, []).append(latency if latency is not None else TIMEOUT_S * 1000)
        cpus.setdefault(name, []).append(cpu)
        settles.setdefault(name, []).append(settle)

    def repainted():
        paints = driver.paints
        return lambda: driver.paints > paints

    # zoom in by wheel, pan by keys, zoom out by wheel
    for _ in range(8):
        record("zoom", driver.timed("zoom", lambda: driver.wheel(viewport, 1), repainted()))
    timeline.setFocus()
    # Shift+arrows pan (plain arrows go from event to event since the keyboard work; figures
    # before 2026-11-30 were taken with plain arrows, which also select and centre an event).
    for key in [Qt.Key.Key_Right] * 4 + [Qt.Key.Key_Left] * 4:
        record("pan", driver.timed("pan", lambda k=key: driver.key(timeline, k, Qt.KeyboardModifier.ShiftModifier),
                                   repainted()))
    for _ in range(8):
        record("zoom", driver.timed("zoom", lambda: driver.wheel(viewport, -1), repainted()))

    # search: type a word, press Return
    search = window.filters.search
    from PySide6.QtTest import QTest

    def type_word(word: str) -> None:
        search.setFocus()
        driver.key(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        driver.key(search, Qt.Key.Key_Backspace)
        QTest.keyClicks(search, word)

    for word in SEARCH_WORDS:
        expected = driver.oracle(lambda w=word: _expected_count(window, window.state.filter.with_(search=w)))
        record("search", driver.timed("search", lambda: driver.key(search, Qt.Key.Key_Return),
                                      lambda e=expected, w=word: window.state.filter.search == w and _shows(window, e),
                                      prepare=lambda w=word: type_word(w)))

    # facets: click a theme's name to filter by it, and again to clear it
    themes = window.filters.themes
    for k in range(min(4, themes.count())):
        for on in (True, False):
            item = themes.item(k)
            key = item.data(Qt.ItemDataRole.UserRole)
            wanted = window.state.filter.with_(themes=frozenset({key}) if on else frozenset())
            expected = driver.oracle(lambda w=wanted: _expected_count(window, w))
            point = themes.visualItemRect(item).center()
            record("facet", driver.timed("facet", lambda p=point: driver.click(themes.viewport(), p),
                                         lambda w=wanted, e=expected: window.state.filter == w and _shows(window, e)))

    # sort: click the Title, Places and Date headers
    table = window.table
    header = table.horizontalHeader()
    model = table.model()

    def sorted_by(column: int):
        def done() -> bool:
            if header.sortIndicatorSection() != column:
                return False
            if column == 0:
                return True
            rows = min(model.rowCount(), 40)
            return _looks_sorted([str(model.index(r, column).data()) for r in range(rows)])
        return done

    for column in (1, 2, 0):
        point = QPoint(header.sectionViewportPosition(column) + 12, header.height() // 2)
        record("sort", driver.timed("sort", lambda p=point: driver.click(header.viewport(), p), sorted_by(column)))
    result["rss_after_sorts_mb"] = round(_rss_mb()[1], 1)

    # select rows by clicking them
    from timeline_app.gui.event_table import ID_ROLE

    for row in (2, 5, 1, 7, 3, 9, 4, 8, 6, 0):
        if row >= model.rowCount():
            continue
        index = model.index(row, 1)
        wanted = index.data(ID_ROLE)
        point = table.visualRect(index).center()
        record("select", driver.timed("select", lambda p=point: driver.click(table.viewport(), p),
                                      lambda w=wanted: window.state.selection == w))

    for name in ("zoom", "pan", "search", "facet", "select"):
        result[f"{name}_ms_p95"] = _p95(times.get(name, []))
        result[f"{name}_ms_median"] = _median(times.get(name, []))
        result[f"{name}_cpu_ms_p95"] = _p95(cpus.get(name, []))
        result[f"{name}_settle_cpu_ms_p95"] = _p95(settles.get(name, []))
    result["sort_ms_max"] = round(max(times["sort"]), 1)
    result["sort_ms"] = [round(t, 1) for t in times["sort"]]
    result["sort_cpu_ms"] = [round(t, 1) for t in cpus["sort"]]
    result["search_ms"] = [round(t, 1) for t in times["search"]]
    result["facet_ms"] = [round(t, 1) for t in times["facet"]]
    result["gui_block_ms_max"] = round(driver.block_max, 1)
    result["gui_block_worst"] = driver.block_worst
    peak, now = _rss_mb()
    result["rss_mb"] = round(peak, 1)
    result["rss_now_mb"] = round(now, 1)
    result["load_1min"] = os.getloadavg()[0]
    driver.heartbeat.stop()
    print("RESULT " + json.dumps(result), flush=True)

    def quit_now() -> None:
        window.activateWindow()
        print(f"QUIT {time.time():.6f}", flush=True)
        driver.key(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        if window.isVisible():  # offscreen, the window may not be active, and shortcuts need that
            quit_keys = QKeySequence(QKeySequence.StandardKey.Quit)
            quit_action = next(a for a in window.findChildren(QAction)
                               if a.shortcut() == quit_keys or a.text() == "&Quit")
            quit_action.trigger()

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction, QKeySequence

    QTimer.singleShot(0, quit_now)
    status = app.exec()
    try:
        from timeline_app.gui.app import end_process  # the application's own way out, where it has one
    except ImportError:
        return status
    end_process(status)


def measure_size(size: int, store: Path, settings: Path) -> dict:
    """first_frame_s in fresh launches, then everything else in one window process."""
    launch, launches, launch_cpu = first_frame(store, settings)
    settings.unlink(missing_ok=True)
    env = {**os.environ, "TIMELINE_APP_SETTINGS": str(settings)}
    child = subprocess.Popen([sys.executable, __file__, "--window", str(size), "--store", str(store)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    result = None
    quit_at = None
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("RESULT "):
            result = json.loads(line[7:])
        elif line.startswith("QUIT "):
            quit_at = float(line.split()[1])
            break
    child.wait(timeout=TIMEOUT_S)
    ended = time.time()
    if result is None:
        raise RuntimeError(f"{size} events: the window measurement failed:\n{child.stderr.read()[-3000:]}")
    result["first_frame_s"] = launch
    result["first_frame_launches_s"] = launches
    result["first_frame_cpu_s"] = launch_cpu
    result["quit_ms"] = round((ended - quit_at) * 1000, 1) if quit_at is not None else None
    result["quit_status"] = child.returncode
    return result


KEYS = ("first_frame_s", "zoom_ms_p95", "pan_ms_p95", "search_ms_p95", "sort_ms_max", "facet_ms_p95",
        "select_ms_p95", "quit_ms", "check_s", "gui_block_ms_max", "rss_mb")


def store_for(size: int) -> Path:
    """The cached synthetic store of ``size`` events (the same files as bench/run.py's)."""
    from run import store_for as cached

    return cached(size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated event counts")
    parser.add_argument("--before", type=Path, help="a JSON file of figures from before a change, added as 'before'")
    parser.add_argument("--launch", help=argparse.SUPPRESS)
    parser.add_argument("--window", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # or run under xvfb-run with QT_QPA_PLATFORM=xcb
    if args.launch:
        launch_child(args.launch)
        return 0
    if args.window:
        return measure_window(args.window, Path(args.store))
    before = json.loads(args.before.read_text()) if args.before else {}
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as temp:
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            figures = measure_size(size, store_for(size), Path(temp) / "settings.ini")
            if str(size) in before:
                figures["before"] = {key: before[str(size)].get(key) for key in KEYS}
            results[str(size)] = figures
            print(f"{size:,} events measured", file=sys.stderr)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The ``timeline-app`` command: a thin click layer over the store, build and window."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

import click

from timeline_app.export.registry import EXPORTERS, ExportError, ExportOptions, export, format_for
from timeline_app.export.view import view_of_store
from timeline_app.gui import picture_formats  # noqa: F401 - registers PNG, SVG and PDF
from timeline_app.ingest.build import build_store
from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.source_file import SourceFileError
from timeline_app.ingest.store_writer import import_events
from timeline_app.model.catalog import load_catalog
from timeline_app.model.explorer_state import ViewState, home_of
from timeline_app.model.filters import FilterState
from timeline_app.model.layout import GROUPINGS
from timeline_app.model.saved_views import (
    VIEW_TEXT_PREFIX,
    SavedViews,
    SavedViewsError,
    ViewTextError,
    view_from_text,
)
from timeline_app.store.aliases import names_of_kind, target_named
from timeline_app.store.check import store_flags, store_problems, store_summary
from timeline_app.store.event_store import EventStore, StoreError
from timeline_app.store.paths import SHIPPED_SOURCE, SHIPPED_STORE


class UserError(click.ClickException):
    """A problem the user can fix; shown as one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class _Group(click.Group):
    """Turns our exceptions into one-line messages; no traceback reaches a user.

    ``timeline-app MY.db`` opens a store, as the desktop menu's "Open with" calls it.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-") and (
                Path(args[0]).suffix.lower() in (".db", ".sqlite", ".sqlite3") or Path(args[0]).exists()):
            args = ["open", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (StoreError, SourceFileError, ExportError) as exc:
            raise UserError(str(exc)) from None
        except RecursionError:
            raise UserError("the input nests too deeply to be read") from None
        except OSError as exc:
            raise UserError(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug of ours: still one line, never a traceback
            raise UserError(f"unexpected problem ({type(exc).__name__}: {exc}); please report it") from None


def _parse_size(_ctx, _param, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size like 1600x1000") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise click.BadParameter(f"{value!r} is outside 320x240 to 8000x8000")
    return width, height


def _window_options(func):
    func = click.option("--view", "view_name", metavar="NAME",
                        help="Open a saved view (View > Saved views), or a view's copied text (tlview1:...).")(func)
    func = click.option("--select", metavar="EVENT_ID",
                        help="With --screenshot: select this event first, so its passages show.")(func)
    func = click.option("--size", callback=_parse_size, metavar="WxH",
                        help="Window size for --screenshot, e.g. 1600x1000.")(func)
    func = click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), metavar="PNG",
                        help="Render the window offscreen, write it as a PNG and exit.")(func)
    return func


@click.group(cls=_Group, invoke_without_command=True)
@click.version_option(package_name="timeline-app")
@_window_options
@click.pass_context
def cli(ctx: click.Context, screenshot: Path | None, size: tuple[int, int] | None, select: str | None,
        view_name: str | None) -> None:
    """Explore Soviet history, 1917-1991, on a zoomable timeline with its sources side by side.

    With no command, opens the window on the shipped store (or a saved view on the store it was saved on):

        timeline-app
        timeline-app --view "Novocherkassk 1962"
    """
    if ctx.invoked_subcommand is None:
        view, saved_on = _named_view(view_name)
        _launch(saved_on or SHIPPED_STORE, screenshot, size, select, view)


@cli.command("open")
@click.argument("store", type=click.Path(path_type=Path))
@_window_options
def open_command(store: Path, screenshot: Path | None, size: tuple[int, int] | None, select: str | None,
                 view_name: str | None) -> None:
    """Open the window on another event store.

        timeline-app open my-events.db
        timeline-app open my-events.db --view "Strikes"
    """
    _launch(store, screenshot, size, select, _named_view(view_name)[0])


def _named_view(name: str | None) -> tuple[ViewState | None, Path | None]:
    """The view ``--view`` names (a saved view's name, or a view's text) and the store it was saved on, if any."""
    if name is None:
        return None, None
    try:
        if name.strip().startswith(VIEW_TEXT_PREFIX):
            return view_from_text(name), None
        saved = SavedViews().get(name)
    except (SavedViewsError, ViewTextError) as exc:
        raise UserError(f"--view: {exc}") from None
    store = Path(saved.store) if saved.store and Path(saved.store).exists() else None
    return saved.view, store


def _launch(store: Path, screenshot: Path | None, size: tuple[int, int] | None, select: str | None = None,
            view: ViewState | None = None) -> None:
    if screenshot is None and not _has_display():
        raise UserError(
            "no display found to open a window on; run it under a virtual display with "
            "'xvfb-run ./run.sh', or render a picture with 'timeline-app --screenshot view.png'"
        )
    from timeline_app.gui.app import run_window  # Qt loads only when a window is wanted

    status = run_window(store, screenshot=screenshot, size=size, select=select, view=view)
    if status:
        sys.exit(status)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@cli.command()
@click.argument("source", type=click.Path(path_type=Path), default=SHIPPED_SOURCE)
@click.argument("store", type=click.Path(path_type=Path), default=SHIPPED_STORE)
def build(source: Path, store: Path) -> None:
    """Build an event store from a reviewable source file (TOML).

        timeline-app build data/events.toml data/events.db

    All or nothing: on any problem the old store is left as it was and every problem is listed.
    """
    try:
        rows = build_store(source, store)
    except SourceFileError as exc:
        _report_problems(source, store, exc.problems, exc.report())
    counts = ", ".join(f"{len(rows.tables.get(t, []))} {t}" for t in ("events", "excerpts", "commentary", "claims"))
    click.echo(f"built {store}: {counts}")
    _print_flags(store)


@cli.command()
@click.argument("store", type=click.Path(path_type=Path), default=SHIPPED_STORE)
def check(store: Path) -> None:
    """Check a store against the contract and print a summary.

        timeline-app check data/events.db

    Exits with status 1 and names every problem if the store breaks the contract.
    """
    problems = store_problems(store)
    if problems:
        for problem in problems:
            click.echo(f"{store}: {problem}", err=True)
        click.echo(f"{store}: {len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo(store_summary(store))
    click.echo(f"{store}: no problems found")
    _print_flags(store)


def _report_problems(source: Path, store: Path, problems: list, report: str) -> None:
    """One line for one problem; a count and a line per problem otherwise. Exit 2."""
    if len(problems) == 1:
        problem = problems[0]
        where = f"line {problem.line}: " if problem.line else ""
        text = f"{where}{problem.message}" if problem.where == "file" else str(problem)
        click.echo(f"error: {source}: {text}; {store} left unchanged", err=True)
    else:
        click.echo(f"error: {source}: {len(problems)} problem(s); {store} left unchanged", err=True)
        click.echo(report, err=True)
    sys.exit(2)


def _print_flags(store: Path) -> None:
    flags = store_flags(store)
    for flag in flags:
        click.echo(f"note: {store}: {flag}", err=True)
    if flags:
        click.echo(f"note: {store}: {len(flags)} passage(s) for a person to confirm", err=True)


@cli.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--into", "store", type=click.Path(path_type=Path), required=True, metavar="STORE",
              help="The store to add to; created if it does not exist.")
@click.option("--allow-shipped-store", is_flag=True, help="Allow changing the shipped data/events.db.")
def import_command(source: Path, store: Path, allow_shipped_store: bool) -> None:
    """Add your own events from a CSV or JSON file to a store of your own.

        timeline-app import my-events.csv --into my-events.db

    All or nothing: any bad row rejects the whole file, naming its line and field.
    """
    try:
        added = import_events(source, store, shipped=SHIPPED_STORE, allow_shipped=allow_shipped_store)
    except ImportFileError as exc:
        _report_problems(source, store, exc.problems, exc.report())
    click.echo(f"added {added} events to {store}")


@cli.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write: .png, .svg, .pdf, .csv or .json.")
@click.option("--store", type=click.Path(path_type=Path), default=SHIPPED_STORE, show_default="the shipped store",
              help="The store to export from.")
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), help="Format, if not the file's suffix "
              "(timelinejs for TimelineJS 3).")
@click.option("--place", multiple=True, metavar="NAME",
              help="Only events at this place: its id, name or another name, in any case (repeatable).")
@click.option("--theme", multiple=True, metavar="NAME",
              help="Only events with this theme: its id, name or another name, in any case (repeatable).")
@click.option("--reviewer", default="any", metavar="WHO",
              help="any, both, only-one, or a source id such as doyle-2021.")
@click.option("--disputed", is_flag=True, help="Only events the reviewers dispute.")
@click.option("--search", default="", help="Only events matching these words (full-text search).")
@click.option("--from", "year_from", type=float, default=None, show_default="the store's home range",
              help="First year shown.")
@click.option("--to", "year_to", type=float, default=None, show_default="the store's home range",
              help="Last year shown.")
@click.option("--group-by", type=click.Choice(sorted(GROUPINGS)), default="theme", show_default=True,
              help="Lanes of the timeline.")
@click.option("--width", type=click.IntRange(600, 8000), default=1600, show_default=True,
              help="Picture width in logical pixels.")
@click.option("--scale", type=click.Choice(["1", "2"]), default="1", show_default=True,
              help="PNG pixels per logical pixel (2 for high-DPI).")
@click.option("--page", type=click.Choice(["A4", "Letter"]), default="A4", show_default=True,
              help="PDF page size (landscape).")
@click.option("--map", "with_map", is_flag=True, help="Pictures: the map of the events shown beside the timeline.")
@click.option("--fit", is_flag=True, help="Show the years of the events the filters show (View > Fit to shown events).")
@click.option("--view", "view_name", metavar="NAME",
              help="Start from a saved view (or a view's copied text); other options given change it.")
@click.pass_context
def export_command(ctx: click.Context, output: Path, store: Path, fmt: str | None, place: tuple[str, ...],
                   theme: tuple[str, ...], reviewer: str, disputed: bool, search: str, year_from: float | None,
                   year_to: float | None, group_by: str, width: int, scale: str, page: str, with_map: bool, fit: bool,
                   view_name: str | None) -> None:
    """Export a view of the timeline as a picture or the filtered events as data, without a window.

        timeline-app export -o view.png --theme repression --from 1950 --to 1970
        timeline-app export -o novocherkassk.png --place Novocherkassk --fit
        timeline-app export -o monday.pdf --view "Monday class"

    The picture is the one the window draws for the same filters, range and lanes.
    """
    fmt = format_for(output, fmt)
    view, saved_on = _named_view(view_name)
    if view is not None:
        def given(name: str) -> bool:
            return ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE

        f = view.filter
        store = store if given("store") or saved_on is None else saved_on
        place = place if given("place") else tuple(f.places)
        theme = theme if given("theme") else tuple(f.themes)
        reviewer = reviewer if given("reviewer") else f.reviewer
        disputed = disputed or f.disputed_only
        search = search if given("search") else f.search
        year_from = year_from if given("year_from") else view.view_range[0]
        year_to = year_to if given("year_to") else view.view_range[1]
        group_by = group_by if given("group_by") else view.grouping
    for flag, value in (("--from", year_from), ("--to", year_to)):
        if value is not None and (not math.isfinite(value) or not 1 <= value <= 9999):
            raise UserError(f"{flag} {value:g} is not a year between 1 and 9999")
    if year_from is not None and year_to is not None and year_to <= year_from:
        raise UserError(f"--to {year_to:g} must be after --from {year_from:g}")
    if EXPORTERS[fmt].picture:
        _offscreen_app()
    event_store = EventStore(store)
    try:
        catalog = load_catalog(event_store)
        home = home_of(event_store, catalog)  # what the window opens on, where a flag leaves a year out
        years = (home[0] if year_from is None else year_from, home[1] if year_to is None else year_to)
        if years[1] <= years[0]:
            raise UserError(f"--to {years[1]:g} must be after --from {years[0]:g} (the store's home range "
                            f"is {home[0]:g} to {home[1]:g})")
        places, themes = _targets(event_store, "place", place), _targets(event_store, "theme", theme)
        reviewers = {"any", "both", "only-one", *event_store.sources()}
        if reviewer not in reviewers:
            raise UserError(f"--reviewer {reviewer!r} is not in {store}; choose from {', '.join(sorted(reviewers))}")
        state = FilterState(places=places, themes=themes, reviewer=reviewer, disputed_only=disputed, search=search,
                            layers=view.filter.layers if view is not None else frozenset())
        shown = view_of_store(event_store, state, group_by, years, fit=fit, catalog=catalog)
        summary = export(shown, output, fmt, ExportOptions(width=width, scale=float(scale), page=page, map=with_map))
    except ExportError as exc:
        raise UserError(str(exc)) from None
    finally:
        event_store.close()
    click.echo(f"wrote {output} ({fmt}: {summary})")


def _targets(event_store: EventStore, kind: str, values: tuple[str, ...]) -> frozenset[str]:
    """The ids of the places (or themes) named on the command line; one line naming those that exist if not."""
    found = set()
    for value in values:
        target = target_named(event_store.conn, kind, value)
        if target is None:
            names = "; ".join(names_of_kind(event_store.conn, kind)) or "none"
            raise UserError(f"--{kind} {value!r} is not in {event_store.path}; its {kind}s are: {names}")
        found.add(target)
    return frozenset(found)


@cli.command("install-desktop")
@click.option("--uninstall", is_flag=True, help="Remove the launcher entry and icons again.")
def install_desktop_command(uninstall: bool) -> None:
    """Add timeline-app to your desktop's menu (a launcher entry and icons in ~/.local/share).

        timeline-app install-desktop
        timeline-app install-desktop --uninstall
    """
    from timeline_app import desktop_entry

    if uninstall:
        removed = desktop_entry.uninstall()
        for path in removed:
            click.echo(f"removed {path}")
        click.echo("timeline-app is no longer in the desktop's menu" if removed else "nothing to remove")
        return
    for path in desktop_entry.install():
        click.echo(f"wrote {path}")
    click.echo(f"timeline-app is in the desktop's menu; it starts {desktop_entry.launcher_command()}")


def _offscreen_app():
    """A Qt application for drawing pictures without a screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A widgets application, not a bare GUI one, so a window can still be opened in the same process.
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def main() -> None:
    """Entry point for ``python -m timeline_app``."""
    cli(prog_name="timeline-app")

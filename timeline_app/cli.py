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
from timeline_app.gui.translated_help import TranslatedCommand, translated_option
from timeline_app.gui.translation import (
    LANGUAGES,
    QT_TRANSLATE_NOOP,
    TextContext,
    choose_language,
    current_language,
    translate,
    use_language,
)
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

cli_counts = TextContext("cli_counts")  # messages with a count, which Russian words by its plural forms


class UserError(click.ClickException):
    """A problem the user can fix; shown as one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(translate("cli", "error: {message}").format(message=self.format_message()), err=True)


class _Group(TranslatedCommand, click.Group):
    """Turns our exceptions into one-line messages; no traceback reaches a user.

    ``timeline-app MY.db`` opens a store, as the desktop menu's "Open with" calls it. The language
    (``--lang``, else the system's) is chosen before anything is parsed, so help and errors use it.
    """

    command_class = TranslatedCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        use_language(choose_language(_requested_language(args)))
        lang = args[:2] if args[:1] == ["--lang"] else args[:1] if args[:1] and args[0].startswith("--lang=") else []
        rest = args[len(lang):]
        if rest and rest[0] not in self.commands and not rest[0].startswith("-") and (
                Path(rest[0]).suffix.lower() in (".db", ".sqlite", ".sqlite3") or Path(rest[0]).exists()):
            args = [*lang, "open", *rest]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (StoreError, SourceFileError, ExportError) as exc:
            raise UserError(str(exc)) from None
        except RecursionError:
            raise UserError(translate("cli", "the input nests too deeply to be read")) from None
        except OSError as exc:
            raise UserError(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug of ours: still one line, never a traceback
            raise UserError(translate("cli", "unexpected problem ({problem}); please report it").format(
                problem=f"{type(exc).__name__}: {exc}")) from None


def _requested_language(args: list[str]) -> str | None:
    """The value of ``--lang`` among the group's own arguments (before the command), if given."""
    for k, arg in enumerate(args):
        if arg == "--lang" and k + 1 < len(args):
            return args[k + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if not arg.startswith("-"):
            return None
    return None


def _parse_size(_ctx, _param, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise click.BadParameter(translate("cli", "{value} is not a size like 1600x1000").format(
            value=repr(value))) from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise click.BadParameter(translate("cli", "{value} is outside 320x240 to 8000x8000").format(value=repr(value)))
    return width, height


def _window_options(func):
    func = translated_option("--view", "view_name", metavar="NAME", help=QT_TRANSLATE_NOOP(
        "cli", "Open a saved view (View > Saved views), or a view's copied text (tlview1:...)."))(func)
    func = translated_option("--select", metavar="EVENT_ID", help=QT_TRANSLATE_NOOP(
        "cli", "With --screenshot: select this event first, so its passages show."))(func)
    func = translated_option("--size", callback=_parse_size, metavar="WxH",
                   help=QT_TRANSLATE_NOOP("cli", "Window size for --screenshot, e.g. 1600x1000."))(func)
    func = translated_option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), metavar="PNG",
                   help=QT_TRANSLATE_NOOP("cli", "Render the window offscreen, write it as a PNG and exit."))(func)
    return func


# Command help is given as ``help=`` rather than as docstrings, so that lupdate collects it.
@click.group(cls=_Group, invoke_without_command=True, help=QT_TRANSLATE_NOOP("cli", """
Explore Soviet history, 1917-1991, on a zoomable timeline with its sources side by side.

With no command, opens the window on the shipped store (or a saved view on the store it was saved on):

    timeline-app
    timeline-app --view "Novocherkassk 1962"
"""))
@click.version_option(package_name="timeline-app")
@translated_option("--lang", type=click.Choice(LANGUAGES), expose_value=False,
         help=QT_TRANSLATE_NOOP("cli", "Language of the window and the messages (default: the system's)."))
@_window_options
@click.pass_context
def cli(ctx: click.Context, screenshot: Path | None, size: tuple[int, int] | None, select: str | None,
        view_name: str | None) -> None:
    if ctx.invoked_subcommand is None:
        view, saved_on = _named_view(view_name)
        _launch(saved_on or SHIPPED_STORE, screenshot, size, select, view)


@cli.command("open", help=QT_TRANSLATE_NOOP("cli", """
Open the window on another event store.

    timeline-app open my-events.db
    timeline-app open my-events.db --view "Strikes"
"""))
@click.argument("store", type=click.Path(path_type=Path))
@_window_options
def open_command(store: Path, screenshot: Path | None, size: tuple[int, int] | None, select: str | None,
                 view_name: str | None) -> None:
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
        raise UserError(translate("cli", "--view: {problem}").format(problem=exc)) from None
    store = Path(saved.store) if saved.store and Path(saved.store).exists() else None
    return saved.view, store


def _launch(store: Path, screenshot: Path | None, size: tuple[int, int] | None, select: str | None = None,
            view: ViewState | None = None) -> None:
    if screenshot is None and not _has_display():
        raise UserError(translate(
            "cli", "no display found to open a window on; run it under a virtual display with "
            "'xvfb-run ./run.sh', or render a picture with 'timeline-app --screenshot view.png'"))
    from timeline_app.gui.app import run_window  # Qt loads only when a window is wanted

    status = run_window(store, screenshot=screenshot, size=size, select=select, view=view,
                        language=current_language())
    if status:
        sys.exit(status)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@cli.command(help=QT_TRANSLATE_NOOP("cli", """
Build an event store from a reviewable source file (TOML).

    timeline-app build data/events.toml data/events.db

All or nothing: on any problem the old store is left as it was and every problem is listed.
"""))
@click.argument("source", type=click.Path(path_type=Path), default=SHIPPED_SOURCE)
@click.argument("store", type=click.Path(path_type=Path), default=SHIPPED_STORE)
def build(source: Path, store: Path) -> None:
    try:
        rows = build_store(source, store)
    except SourceFileError as exc:
        _report_problems(source, store, exc.problems, exc.report())
    counts = translate("cli", "{events} events, {excerpts} excerpts, {commentary} commentary, {claims} claims").format(
        **{t: len(rows.tables.get(t, [])) for t in ("events", "excerpts", "commentary", "claims")})
    click.echo(translate("cli", "built {store}: {counts}").format(store=store, counts=counts))
    _print_flags(store)


@cli.command(help=QT_TRANSLATE_NOOP("cli", """
Check a store against the contract and print a summary.

    timeline-app check data/events.db

Exits with status 1 and names every problem if the store breaks the contract.
"""))
@click.argument("store", type=click.Path(path_type=Path), default=SHIPPED_STORE)
def check(store: Path) -> None:
    problems = store_problems(store)
    if problems:
        for problem in problems:
            click.echo(f"{store}: {problem}", err=True)
        click.echo(f"{store}: " + cli_counts.tr("%n problem(s)", None, len(problems)), err=True)
        sys.exit(1)
    click.echo(store_summary(store))
    click.echo(f"{store}: " + translate("cli", "no problems found"))
    _print_flags(store)


def _report_problems(source: Path, store: Path, problems: list, report: str) -> None:
    """One line for one problem; a count and a line per problem otherwise. Exit 2."""
    if len(problems) == 1:
        problem = problems[0]
        where = translate("cli", "line {line}: ").format(line=problem.line) if problem.line else ""
        text = f"{where}{problem.message}" if problem.where == "file" else str(problem)
        click.echo(translate("cli", "error: {source}: {problem}; {store} left unchanged").format(
            source=source, problem=text, store=store), err=True)
    else:
        click.echo(cli_counts.tr("error: {source}: %n problem(s); {store} left unchanged", None, len(problems))
                   .format(source=source, store=store), err=True)
        click.echo(report, err=True)
    sys.exit(2)


def _print_flags(store: Path) -> None:
    flags = store_flags(store)
    for flag in flags:
        click.echo(translate("cli", "note: {store}: {flag}").format(store=store, flag=flag), err=True)
    if flags:
        click.echo(cli_counts.tr("note: {store}: %n passage(s) for a person to confirm", None, len(flags))
                   .format(store=store), err=True)


@cli.command("import", help=QT_TRANSLATE_NOOP("cli", """
Add your own events from a CSV or JSON file to a store of your own.

    timeline-app import my-events.csv --into my-events.db

All or nothing: any bad row rejects the whole file, naming its line and field.
"""))
@click.argument("source", type=click.Path(path_type=Path))
@translated_option("--into", "store", type=click.Path(path_type=Path), required=True, metavar="STORE",
         help=QT_TRANSLATE_NOOP("cli", "The store to add to; created if it does not exist."))
@translated_option("--allow-shipped-store", is_flag=True,
         help=QT_TRANSLATE_NOOP("cli", "Allow changing the shipped data/events.db."))
def import_command(source: Path, store: Path, allow_shipped_store: bool) -> None:
    try:
        added = import_events(source, store, shipped=SHIPPED_STORE, allow_shipped=allow_shipped_store)
    except ImportFileError as exc:
        _report_problems(source, store, exc.problems, exc.report())
    click.echo(cli_counts.tr("added %n events to {store}", None, added).format(store=store))


@cli.command("export", help=QT_TRANSLATE_NOOP("cli", """
Export a view of the timeline as a picture or the filtered events as data, without a window.

    timeline-app export -o view.png --theme repression --from 1950 --to 1970
    timeline-app export -o novocherkassk.png --place Novocherkassk --fit
    timeline-app export -o monday.pdf --view "Monday class"

The picture is the one the window draws for the same filters, range and lanes.
"""))
@translated_option("-o", "--output", type=click.Path(path_type=Path), required=True,
         help=QT_TRANSLATE_NOOP("cli", "File to write: .png, .svg, .pdf, .csv or .json."))
@translated_option("--store", type=click.Path(path_type=Path), default=SHIPPED_STORE,
         show_default=QT_TRANSLATE_NOOP("cli", "the shipped store"),
         help=QT_TRANSLATE_NOOP("cli", "The store to export from."))
@translated_option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)),
         help=QT_TRANSLATE_NOOP("cli", "Format, if not the file's suffix (timelinejs for TimelineJS 3)."))
@translated_option("--place", multiple=True, metavar="NAME", help=QT_TRANSLATE_NOOP(
    "cli", "Only events at this place: its id, name or another name, in any case (repeatable)."))
@translated_option("--theme", multiple=True, metavar="NAME", help=QT_TRANSLATE_NOOP(
    "cli", "Only events with this theme: its id, name or another name, in any case (repeatable)."))
@translated_option("--reviewer", default="any", metavar="WHO",
         help=QT_TRANSLATE_NOOP("cli", "any, both, only-one, or a source id such as doyle-2021."))
@translated_option("--disputed", is_flag=True, help=QT_TRANSLATE_NOOP("cli", "Only events the reviewers dispute."))
@translated_option("--search", default="",
         help=QT_TRANSLATE_NOOP("cli", "Only events matching these words (full-text search)."))
@translated_option("--from", "year_from", type=float, default=None,
         show_default=QT_TRANSLATE_NOOP("cli", "the store's home range"),
         help=QT_TRANSLATE_NOOP("cli", "First year shown."))
@translated_option("--to", "year_to", type=float, default=None,
         show_default=QT_TRANSLATE_NOOP("cli", "the store's home range"),
         help=QT_TRANSLATE_NOOP("cli", "Last year shown."))
@translated_option("--group-by", type=click.Choice(sorted(GROUPINGS)), default="theme", show_default=True,
         help=QT_TRANSLATE_NOOP("cli", "Lanes of the timeline."))
@translated_option("--width", type=click.IntRange(600, 8000), default=1600, show_default=True,
         help=QT_TRANSLATE_NOOP("cli", "Picture width in logical pixels."))
@translated_option("--scale", type=click.Choice(["1", "2"]), default="1", show_default=True,
         help=QT_TRANSLATE_NOOP("cli", "PNG pixels per logical pixel (2 for high-DPI)."))
@translated_option("--page", type=click.Choice(["A4", "Letter"]), default="A4", show_default=True,
         help=QT_TRANSLATE_NOOP("cli", "PDF page size (landscape)."))
@translated_option("--map", "with_map", is_flag=True,
         help=QT_TRANSLATE_NOOP("cli", "Pictures: the map of the events shown beside the timeline."))
@translated_option("--fit", is_flag=True, help=QT_TRANSLATE_NOOP(
    "cli", "Show the years of the events the filters show (View > Fit to shown events)."))
@translated_option("--view", "view_name", metavar="NAME", help=QT_TRANSLATE_NOOP(
    "cli", "Start from a saved view (or a view's copied text); other options given change it."))
@click.pass_context
def export_command(ctx: click.Context, output: Path, store: Path, fmt: str | None, place: tuple[str, ...],
                   theme: tuple[str, ...], reviewer: str, disputed: bool, search: str, year_from: float | None,
                   year_to: float | None, group_by: str, width: int, scale: str, page: str, with_map: bool, fit: bool,
                   view_name: str | None) -> None:
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
            raise UserError(translate("cli", "{flag} {value} is not a year between 1 and 9999").format(
                flag=flag, value=f"{value:g}"))
    if year_from is not None and year_to is not None and year_to <= year_from:
        raise UserError(translate("cli", "--to {to} must be after --from {start}").format(
            to=f"{year_to:g}", start=f"{year_from:g}"))
    if EXPORTERS[fmt].picture:
        _offscreen_app()
    event_store = EventStore(store)
    try:
        catalog = load_catalog(event_store)
        home = home_of(event_store, catalog)  # what the window opens on, where a flag leaves a year out
        years = (home[0] if year_from is None else year_from, home[1] if year_to is None else year_to)
        if years[1] <= years[0]:
            raise UserError(translate(
                "cli", "--to {to} must be after --from {start} (the store's home range is {first} to {last})").format(
                to=f"{years[1]:g}", start=f"{years[0]:g}", first=f"{home[0]:g}", last=f"{home[1]:g}"))
        places, themes = _targets(event_store, "place", place), _targets(event_store, "theme", theme)
        reviewers = {"any", "both", "only-one", *event_store.sources()}
        if reviewer not in reviewers:
            raise UserError(translate("cli", "{option} {value} is not in {store}; choose from {choices}").format(
                option="--reviewer", value=repr(reviewer), store=store, choices=", ".join(sorted(reviewers))))
        state = FilterState(places=places, themes=themes, reviewer=reviewer, disputed_only=disputed, search=search,
                            layers=view.filter.layers if view is not None else frozenset())
        shown = view_of_store(event_store, state, group_by, years, fit=fit, catalog=catalog)
        summary = export(shown, output, fmt, ExportOptions(width=width, scale=float(scale), page=page, map=with_map))
    except ExportError as exc:
        raise UserError(str(exc)) from None
    finally:
        event_store.close()
    click.echo(translate("cli", "wrote {file} ({format}: {summary})").format(file=output, format=fmt, summary=summary))


def _targets(event_store: EventStore, kind: str, values: tuple[str, ...]) -> frozenset[str]:
    """The ids of the places (or themes) named on the command line; one line naming those that exist if not."""
    found = set()
    for value in values:
        target = target_named(event_store.conn, kind, value)
        if target is None:
            names = "; ".join(names_of_kind(event_store.conn, kind)) or translate("cli", "none")
            message = (translate("cli", "--place {value} is not in {store}; its places are: {names}") if kind == "place"
                       else translate("cli", "--theme {value} is not in {store}; its themes are: {names}"))
            raise UserError(message.format(value=repr(value), store=event_store.path, names=names))
        found.add(target)
    return frozenset(found)


@cli.command("install-desktop", help=QT_TRANSLATE_NOOP("cli", """
Add timeline-app to your desktop's menu (a launcher entry and icons in ~/.local/share).

    timeline-app install-desktop

    timeline-app install-desktop --uninstall
"""))
@translated_option("--uninstall", is_flag=True,
                   help=QT_TRANSLATE_NOOP("cli", "Remove the launcher entry and icons again."))
def install_desktop_command(uninstall: bool) -> None:
    from timeline_app import desktop_entry

    if uninstall:
        removed = desktop_entry.uninstall()
        for path in removed:
            click.echo(translate("cli", "removed {file}").format(file=path))
        click.echo(translate("cli", "timeline-app is no longer in the desktop's menu") if removed
                   else translate("cli", "nothing to remove"))
        return
    for path in desktop_entry.install():
        click.echo(translate("cli", "wrote {file}").format(file=path))
    click.echo(translate("cli", "timeline-app is in the desktop's menu; it starts {command}").format(
        command=desktop_entry.launcher_command()))


def _offscreen_app():
    """A Qt application for drawing pictures without a screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A widgets application, not a bare GUI one, so a window can still be opened in the same process.
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    use_language(current_language(), app)  # the picture's words in the interface's language
    return app


def main() -> None:
    """Entry point for ``python -m timeline_app``."""
    cli(prog_name="timeline-app")

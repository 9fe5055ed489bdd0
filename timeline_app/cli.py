"""The ``timeline-app`` command: a thin click layer over the store, build and window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from timeline_app.build import build_store
from timeline_app.import_file import ImportFileError, import_events
from timeline_app.paths import SHIPPED_SOURCE, SHIPPED_STORE
from timeline_app.source_file import SourceFileError
from timeline_app.store import StoreError
from timeline_app.store_check import store_problems, store_summary


class UserError(click.ClickException):
    """A problem the user can fix; shown as one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class _Group(click.Group):
    """Turns our exceptions into one-line messages; no traceback reaches a user."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (StoreError, SourceFileError) as exc:
            raise UserError(str(exc)) from None
        except OSError as exc:
            raise UserError(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None


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
    func = click.option("--size", callback=_parse_size, metavar="WxH",
                        help="Window size for --screenshot, e.g. 1600x1000.")(func)
    func = click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), metavar="PNG",
                        help="Render the window offscreen, write it as a PNG and exit.")(func)
    return func


@click.group(cls=_Group, invoke_without_command=True)
@click.version_option(package_name="timeline-app")
@_window_options
@click.pass_context
def cli(ctx: click.Context, screenshot: Path | None, size: tuple[int, int] | None) -> None:
    """Explore Soviet history, 1917-1991, on a zoomable timeline with its sources side by side.

    With no command, opens the window on the shipped store:

        timeline-app
    """
    if ctx.invoked_subcommand is None:
        _launch(SHIPPED_STORE, screenshot, size)


@cli.command("open")
@click.argument("store", type=click.Path(path_type=Path))
@_window_options
def open_command(store: Path, screenshot: Path | None, size: tuple[int, int] | None) -> None:
    """Open the window on another event store.

        timeline-app open my-events.db
    """
    _launch(store, screenshot, size)


def _launch(store: Path, screenshot: Path | None, size: tuple[int, int] | None) -> None:
    if screenshot is None and not _has_display():
        raise UserError(
            "no display found to open a window on; run it under a virtual display with "
            "'xvfb-run ./run.sh', or render a picture with 'timeline-app --screenshot view.png'"
        )
    from timeline_app.gui.app import run_window  # Qt loads only when a window is wanted

    status = run_window(store, screenshot=screenshot, size=size)
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
        click.echo(f"error: {source}: {len(exc.problems)} problem(s); {store} left unchanged", err=True)
        click.echo(exc.report(), err=True)
        sys.exit(2)
    counts = ", ".join(f"{len(rows.tables.get(t, []))} {t}" for t in ("events", "excerpts", "commentary", "claims"))
    click.echo(f"built {store}: {counts}")


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
        click.echo(f"error: {source}: {len(exc.problems)} problem(s); {store} left unchanged", err=True)
        click.echo(exc.report(), err=True)
        sys.exit(2)
    click.echo(f"added {added} events to {store}")


def main() -> None:
    """Entry point for ``python -m timeline_app``."""
    cli(prog_name="timeline-app")

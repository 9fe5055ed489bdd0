"""Click's help in the interface's language: headings, options and command texts translated as they are shown.

The command line's own texts are marked with ``QT_TRANSLATE_NOOP("cli", ...)``; these classes look them
up only when help is printed, because the language (``--lang``, else the system's) is known only then.
"""

from __future__ import annotations

import click

from timeline_app.gui.translation import QT_TRANSLATE_NOOP, translate


class TranslatedFormatter(click.HelpFormatter):
    """Click's help layout with its headings in the interface's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else translate("cli", "Usage:") + " ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(translate("cli", heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        # Click's own options (--help, --version) come with English help; ours are translated already.
        super().write_dl([(term, translate("cli", text)) for term, text in rows], col_max, col_spacing)


class TranslatedContext(click.Context):
    formatter_class = TranslatedFormatter


# Click's own headings and options, so lupdate offers them for translation.
QT_TRANSLATE_NOOP("cli", "Options")
QT_TRANSLATE_NOOP("cli", "Commands")
QT_TRANSLATE_NOOP("cli", "Arguments")
QT_TRANSLATE_NOOP("cli", "Show this message and exit.")
QT_TRANSLATE_NOOP("cli", "Show the version and exit.")


class TranslatedOption(click.Option):
    """An option whose help is translated when it is shown (the language is known only then)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        english, english_default = self.help, self.show_default
        self.help = translate("cli", self.help) if self.help else self.help
        if isinstance(self.show_default, str):
            self.show_default = translate("cli", self.show_default)
        try:
            return super().get_help_record(ctx)
        finally:
            self.help, self.show_default = english, english_default


class TranslatedCommand(click.Command):
    """A command whose help is translated when it is shown."""

    context_class = TranslatedContext

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        english, self.help = self.help, translate("cli", self.help) if self.help else self.help
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = english

    def get_short_help_str(self, limit: int = 45) -> str:
        english, self.help = self.help, translate("cli", self.help) if self.help else self.help
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help = english


def translated_option(*names: str, **settings):
    """``click.option`` whose help is translated when shown."""
    return click.option(*names, cls=TranslatedOption, **settings)

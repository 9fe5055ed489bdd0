"""The interface's language: English, or Russian from ``resources/translations/timeline_app_ru.qm``.

The window follows the system locale unless ``--lang`` says otherwise. The command line has no
Qt application, so it reads the same ``.qm`` through a bare :class:`QTranslator` (see
:func:`translate`); Qt is loaded only when the language is not English, so English commands
stay Qt-free. The ``.ts`` sources are made and compiled by ``scripts/translations.sh``.
"""

from __future__ import annotations

import os

from timeline_app.store.paths import RESOURCES

LANGUAGES = ("en", "ru")
TRANSLATIONS = RESOURCES / "translations"
_language = "en"  # of the command line's messages (translate())
_ours: object | None = None  # the QTranslator translate() reads, if any
_installed: dict[str, object] = {}  # the translators installed in the application, kept alive while it holds them
_app_language: str | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation in ``context`` where it is defined; :func:`translate` translates it later."""
    return text


def system_language() -> str:
    """"ru" when the user's locale is Russian, else "en" (the POSIX variables first, then Qt's idea of it)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            if value in ("C", "POSIX") or value.startswith("C."):
                break
            return _known(value)
    else:
        if os.name == "nt" or os.uname().sysname == "Darwin":
            from PySide6.QtCore import QLocale

            return _known(QLocale.system().name())
    return "en"


def _known(locale_name: str) -> str:
    code = locale_name.split("_")[0].split(".")[0].split("-")[0].lower()
    return code if code in LANGUAGES else "en"


def choose_language(requested: str | None = None) -> str:
    """The language to show: ``requested`` ("ru" or "en") if given, else the system's."""
    if requested:
        return _known(requested)
    return system_language()


def current_language() -> str:
    """The language chosen last by :func:`use_language` ("en" until then)."""
    return _language


def app_language() -> str | None:
    """The language installed in the Qt application (None before :func:`use_language` was given one)."""
    return _app_language


def use_language(language: str, app=None) -> str:
    """Use ``language`` from now on: load its translations, and install them into ``app`` if given.

    Also sets Qt's default locale, so numbers and Qt's own dialogs follow the language. English
    has a translation too, of its plural forms only ("1 event", "2 events"); the command line in
    English needs none and loads no Qt. Returns the language used ("en" when no translation of
    ``language`` is found).
    """
    global _language, _ours, _app_language
    language = _known(language)
    _language, _ours = language, None
    if language == "en" and app is None:
        return language
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    ours = QTranslator()
    if ours.load(str(TRANSLATIONS / f"timeline_app_{language}.qm")):
        _ours = ours
    elif language != "en":
        return use_language("en", app)
    # Numbers as the interface's language writes them, whatever the system's locale.
    QLocale.setDefault(QLocale("en_US" if language == "en" else language))
    if app is None:
        return language
    for translator in _installed.values():
        app.removeTranslator(translator)
    _installed.clear()
    if _ours is not None:
        _installed["ours"] = _ours
    qt_own = QTranslator()  # the words of Qt's own dialogs and buttons (OK, Cancel, Close)
    if language != "en" and qt_own.load(f"qtbase_{language}",
                                        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed["qt"] = qt_own
    for translator in _installed.values():
        app.installTranslator(translator)
    from timeline_app.gui.translated_dates import window_date_words

    window_date_words.cache_clear()  # the date words are read from the translation once per language
    _app_language = language
    return language


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the current language, with or without a Qt application (the command line has none).

    ``%n`` in the text is replaced by ``n``, ``%Ln`` by ``n`` with digit grouping (and ``n`` picks the
    Russian plural form).
    """
    found = _ours.translate(context, text, disambiguation, n) if _ours is not None else ""  # type: ignore[attr-defined]
    result = found or text
    if n < 0:
        return result
    if "%L" in result:
        from PySide6.QtCore import QLocale

        result = result.replace("%Ln", QLocale().toString(n))
    return result.replace("%n", str(n))


class TextContext:
    """Translated text for code outside a QObject (the command line, module functions), plural forms included.

    lupdate reads ``NAME.tr("text", None, n)`` with ``NAME`` as the context (it reads a plural
    form only from a ``tr`` call), so bind each one to a variable named like its context:
    ``cli_text = TextContext("cli_text")``. The tests check that every translation is found.
    """

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the interface's language (``%n`` and ``%Ln`` replaced by ``n``)."""
        return translate(self.context, text, disambiguation, n)

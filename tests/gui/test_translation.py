"""The interface in Russian: a complete translation, shipped compiled, used by the window and the command line."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT

GUI = ROOT / "timeline_app" / "gui"
RU_TS = ROOT / "resources" / "translations" / "timeline_app_ru.ts"


def _script():
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def russian(qapp):
    """The Russian interface for one test, then English again."""
    from timeline_app.gui.translation import use_language

    assert use_language("ru", qapp) == "ru"
    yield
    use_language("en", qapp)


# -- the translation files ------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_message_of_the_translation_is_translated(language: str) -> None:
    script = _script()
    assert script.unfinished(script.ts_path(language)) == []


def test_the_translation_holds_every_string_the_code_marks(tmp_path: Path) -> None:
    """A string added to the code without rerunning scripts/translations.py would arrive unfinished."""
    script = _script()
    for language in script.LANGUAGES:
        copy = tmp_path / script.ts_path(language).name
        shutil.copy(script.ts_path(language), copy)
        script.update(language, copy)
        assert script.unfinished(copy) == [], f"run scripts/translations.py and translate the new strings ({language})"


def test_the_shipped_qm_files_are_compiled_from_the_ts_files() -> None:
    script = _script()
    for language in script.LANGUAGES:
        assert script.qm_is_current(language), f"{language}: run scripts/translations.py"


def test_the_package_ships_the_compiled_translations() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["setuptools"]["package-dir"]["timeline_app.resources"] == "resources"
    assert "**/*.qm" in project["tool"]["setuptools"]["package-data"]["timeline_app.resources"]


def test_russian_plurals_have_three_forms() -> None:
    import xml.etree.ElementTree as ET

    for message in ET.parse(RU_TS).getroot().iter("message"):
        if message.get("numerus") == "yes":
            forms = message.find("translation").findall("numerusform")
            assert len(forms) == 3 and all(f.text for f in forms), message.findtext("source")


def test_placeholders_survive_translation() -> None:
    """A translation that drops or renames {file} or %n would show a hole or raise in .format()."""
    import xml.etree.ElementTree as ET

    for message in ET.parse(RU_TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        wanted = sorted(set(re.findall(r"\{\w*\}|%L?n", source)))
        translation = message.find("translation")
        texts = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for text in texts:
            assert sorted(set(re.findall(r"\{\w*\}|%L?n", text))) == wanted, (source, text)


# -- no string slips past tr() ------------------------------------------------------------------------
SHOWN_BY = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText", "addMenu",
    "addAction", "addTab", "addItem", "addItems", "setItemText", "addRow", "addButton", "showMessage", "setHtml",
    "setHorizontalHeaderLabels", "setSuffix", "setPrefix", "setAccessibleName", "setAccessibleDescription",
    "setTabText", "setTitle", "setLabelText", "QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QMessageBox", "QProgressDialog", "QLineEdit", "plain_label", "rich_label", "show_message",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "drawText",
}
#: Text that is the same in every language: keys, units of the format itself, file names.
NOT_WORDS = {"A4", "Letter", "Ctrl", "Shift", "timeline-app", "png", "svg", "pdf", "csv", "json", "db", "sqlite"}


def _words(text: str) -> bool:
    """Whether ``text`` holds words a person reads (markup, entities, keys and punctuation aside)."""
    text = re.sub(r"<[^>]*>|&\w+;|\{[^}]*\}", " ", text)
    return any(word not in NOT_WORDS for word in re.findall(r"[A-Za-z]{2,}", text))


def _literal_texts(node: ast.AST) -> list[str]:
    """The literal text a call argument carries outside any tr()/translate() call."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)]
    if isinstance(node, ast.BinOp):
        return _literal_texts(node.left) + _literal_texts(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_texts(node.body) + _literal_texts(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return [text for item in node.elts for text in _literal_texts(item)]
    return []


def untranslated_literals(source: str, filename: str) -> list[str]:
    """``file:line: text`` for every literal with words passed straight to a widget's text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SHOWN_BY:
            continue
        positional = node.args[:1] if name == "addItem" else node.args  # addItem(text, data): data is no text
        arguments = [*positional, *(k.value for k in node.keywords if k.arg in ("text", "placeholderText", "title"))]
        for argument in arguments:
            for text in _literal_texts(argument):
                if _words(text):
                    found.append(f"{filename}:{node.lineno}: {text!r}")
    return found


def tr_calls_in_f_strings(source: str, filename: str) -> list[str]:
    """tr()/translate() calls inside an f-string, which lupdate does not read (so they stay English)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FormattedValue):
            for inner in ast.walk(node.value):
                if isinstance(inner, ast.Call):
                    name = inner.func.attr if isinstance(inner.func, ast.Attribute) else getattr(inner.func, "id", "")
                    if name in ("tr", "translate") and inner.args and isinstance(inner.args[-1], ast.Constant):
                        found.append(f"{filename}:{inner.lineno}")
    return found


def test_no_tr_call_hides_in_an_f_string() -> None:
    found = [hit for path in sorted(GUI.glob("*.py"))
             for hit in tr_calls_in_f_strings(path.read_text(encoding="utf-8"), path.name)]
    assert found == [], "lupdate cannot read these; call tr() before the f-string:\n" + "\n".join(found)
    assert tr_calls_in_f_strings('x = f"{self.tr(\'not used\')}"', "x.py") == ["x.py:1"]


def wrapped_translations(source: str, filename: str) -> list[str]:
    """Calls of a home-made wrapper whose strings lupdate never collects (``_tr`` is read when the module
    defines it as scripts/translations.py expects)."""
    script = _script()
    allowed = {"tr", "translate", "setattr", "getattr"} | ({"_tr"} if script.wrapper_context(source) else set())
    allowed |= script.aliases(source)
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name.lower().endswith(("tr", "translate")) and name not in allowed:
                found.append(f"{filename}:{node.lineno}: {name}")
    return found


def test_no_string_hides_behind_a_wrapper_lupdate_cannot_read() -> None:
    found = [hit for path in [*sorted(GUI.glob("*.py")), ROOT / "timeline_app" / "cli.py"]
             for hit in wrapped_translations(path.read_text(encoding="utf-8"), path.name)]
    assert found == [], "call tr() or translate(\"Context\", …) itself:\n" + "\n".join(found)
    assert wrapped_translations('_tr("Clear")\nself.tr("Fine")\ntranslate("c", "Fine")', "x.py") == ["x.py:1: _tr"]
    defined = 'def _tr(text: str) -> str:\n    return QCoreApplication.translate("Keys", text)\n\n\n_tr("Clear")\n'
    assert wrapped_translations(defined, "x.py") == []
    assert 'translate("Keys", "Clear")' in _script().lupdate_copy(defined)


def test_no_window_string_bypasses_the_translation() -> None:
    found = [hit for path in sorted(GUI.glob("*.py"))
             for hit in untranslated_literals(path.read_text(encoding="utf-8"), path.name)]
    assert found == [], "wrap these in self.tr() or QCoreApplication.translate():\n" + "\n".join(found)


def test_the_scan_catches_a_bare_string_and_an_f_string() -> None:
    code = ('label.setText("Hello there")\nbox.setWindowTitle(f"Open {name}")\n'
            'menu.addAction(self.tr("Fine"))\nlabel.setText(f"{count} ({share})")\n'
            'rich_label("<b>" + self.tr("Show") + "</b>")\nQAction("Quit", self)\n')
    assert [hit.split(":")[1] for hit in untranslated_literals(code, "x.py")] == ["1", "2", "6"]


def test_every_label_the_core_defines_is_in_the_catalogue() -> None:
    from timeline_app.export.registry import EXPORTERS
    from timeline_app.gui.core_words import WORDS
    from timeline_app.model.filters import LAYER_NAMES
    from timeline_app.model.layout import FILM_LANE_NAME, GROUPINGS
    from timeline_app.sources.event_details import DATE_BASES, LAYERS
    from timeline_app.store.schema import CERTAINTIES

    labels = {*GROUPINGS.values(), *LAYERS.values(), *DATE_BASES.values(), *CERTAINTIES, *LAYER_NAMES.values(),
              *(e.label for e in EXPORTERS.values()), FILM_LANE_NAME}
    picture_labels = {e.label for e in EXPORTERS.values() if e.picture}
    assert labels - set(WORDS) - picture_labels == set()


# -- the Russian interface ------------------------------------------------------------------------------
def test_the_window_speaks_russian(qtbot, russian, small_store: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Файл", "&Вид", "&Справка"]
    assert window.windowTitle() == "Временная шкала советской истории"
    assert [window.panes.tabText(k) for k in range(window.panes.count())] == [
        "Выдержки", "Что сказали рецензенты", "Читать рецензии"]
    assert window.open_store(small_store, quiet=True)
    header = window.table.model().headerData(0, window.table.horizontalHeader().orientation())
    assert header == "Дата"
    assert window.filters.clear.text() == "Сбросить все фильтры"
    assert re.fullmatch(r"Показано \d+ из \d+ событ(ие|ия|ий)", window.filters.shown.text())
    grouping = [action.text() for action in window.grouping_actions.values()]
    assert grouping == ["Тема", "Место", "Рецензент"]


def test_numbers_and_dates_are_written_the_russian_way(russian) -> None:
    from timeline_app.gui.local_format import local_tick, number
    from timeline_app.gui.translated_dates import window_date_words
    from timeline_app.model.date_words import date_words

    words = window_date_words()
    assert number(1234567) == "1\u00a0234\u00a0567"
    assert date_words("1962-06-02", words=words) == "2 июня 1962"
    assert date_words("1962-06", words=words) == "июнь 1962"
    assert date_words("1962-05-30", "1962-06-02", words=words) == "30 мая – 2 июня 1962"
    assert date_words("1930", "1939", words=words) == "1930–1939"
    assert date_words("1920", "1929", date_text="192X", words=words) == "1920-е"
    assert date_words("1930", date_text="1930~", words=words) == "ок. 1930"
    assert local_tick("Jun 1962") == "июнь 1962"
    assert local_tick("2 Jun") == "2 июн."


def test_english_dates_and_numbers_stay_as_they_were() -> None:
    from timeline_app.gui.local_format import number
    from timeline_app.gui.translated_dates import window_date_words
    from timeline_app.model.date_words import date_words

    assert number(1234567) == "1,234,567"
    assert date_words("1962-06-02", words=window_date_words()) == "2 June 1962"


@pytest.mark.parametrize(("count", "words"), [(1, "1 событие"), (3, "3 события"), (5, "5 событий"),
                                              (21, "21 событие"), (11, "11 событий"), (1000, "1\u00a0000 событий")])
def test_russian_counts_take_the_right_plural(russian, count: int, words: str) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MapPane", "%Ln event(s)", None, count) == words


@pytest.mark.parametrize(("count", "words"), [(1, "1 event"), (2, "2 events")])
def test_english_counts_take_the_right_plural(qapp, count: int, words: str) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MapPane", "%Ln event(s)", None, count) == words


# -- the command line -----------------------------------------------------------------------------------
def test_the_command_line_speaks_russian_when_asked() -> None:
    from timeline_app.cli import cli

    result = CliRunner().invoke(cli, ["--lang", "ru", "export", "--help"])
    assert result.exit_code == 0
    assert "Использование:" in result.output
    assert "Параметры" in result.output
    assert "Только события, которые рецензенты оспаривают." in result.output
    assert "Only events the reviewers dispute" not in result.output


def test_the_command_line_follows_the_system_locale() -> None:
    from timeline_app.cli import cli

    russian = CliRunner(env={"LC_ALL": "ru_RU.UTF-8"}).invoke(cli, ["--help"])
    assert "Команды" in russian.output
    english = CliRunner(env={"LC_ALL": "C.UTF-8"}).invoke(cli, ["--help"])
    assert "Commands" in english.output and "Команды" not in english.output
    overridden = CliRunner(env={"LC_ALL": "ru_RU.UTF-8"}).invoke(cli, ["--lang", "en", "--help"])
    assert "Commands" in overridden.output


def test_russian_messages_keep_their_numbers_and_files(small_store: Path) -> None:
    from timeline_app.cli import cli

    result = CliRunner().invoke(cli, ["--lang", "ru", "export", "-o", "x.csv", "--store", str(small_store),
                                      "--from", "1970", "--to", "1960"])
    assert result.exit_code == 2
    assert result.output.strip() == "ошибка: --to 1960 должен быть позже --from 1970"


def test_the_store_format_help_comes_in_russian(russian) -> None:
    from timeline_app.gui.help_dialogs import store_format_file

    assert store_format_file().name == "store-format.ru.md"
    assert store_format_file().read_text(encoding="utf-8").startswith("# Как создать своё хранилище")


@pytest.mark.parametrize("lang", [["--lang", "ru"], ["--lang=ru"]])
def test_a_store_opened_in_russian_opens_the_russian_window(small_store: Path, monkeypatch, lang) -> None:
    import timeline_app.cli as cli_module
    from timeline_app.cli import cli

    opened: list[tuple[Path, str]] = []
    monkeypatch.setattr(cli_module, "_has_display", lambda: True)
    monkeypatch.setattr("timeline_app.gui.app.run_window", lambda store, **k: opened.append((store, k["language"])))
    result = CliRunner().invoke(cli, [*lang, str(small_store)])
    assert result.exit_code == 0, result.output
    assert opened == [(small_store, "ru")]


def test_every_command_has_its_help_in_russian() -> None:
    from timeline_app.cli import cli
    from timeline_app.gui.translation import translate, use_language

    use_language("ru")
    try:
        for command in [cli, *cli.commands.values()]:
            assert translate("cli", command.help) != command.help, command.name
            for param in command.params:
                if isinstance(param, click.Option) and param.help:
                    assert translate("cli", param.help) != param.help, (command.name, param.name)
    finally:
        use_language("en")

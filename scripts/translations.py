#!/usr/bin/env python3
"""Update the Russian translation's source from the code, and compile it for the app to ship.

    .venv/bin/python scripts/translations.py           # lupdate the .ts, then lrelease the .qm
    .venv/bin/python scripts/translations.py --check   # is the .ts complete and the .qm built from it?

Run it after adding or changing a string a person reads: ``pyside6-lupdate`` collects every
``tr()``, ``translate()`` and ``QT_TRANSLATE_NOOP()`` of the window (timeline_app/gui/) and the
command line (timeline_app/cli.py) into ``resources/translations/timeline_app_ru.ts``, keeping the
translations already there; new strings arrive marked ``type="unfinished"``. Translate them (in Qt
Linguist, ``.venv/bin/pyside6-linguist``, or in the XML), then run it again so
``pyside6-lrelease`` writes the ``.qm`` the package ships. Locations are left out of the ``.ts``
so that moving code does not change it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(sys.executable).parent
TRANSLATIONS = ROOT / "resources" / "translations"
# Russian in full; English only its plural forms ("%n events" as "1 event", "2 events").
LANGUAGES = {"en": "en_US", "ru": "ru_RU"}


# A module may keep its calls short with ``_tr("…")`` when it defines exactly this wrapper:
#     def _tr(text: str) -> str:
#         return QCoreApplication.translate("Context", text)
# or with a short name for the function itself (``t = QCoreApplication.translate``, then
# ``t("Context", "…")``). lupdate follows neither, so it reads a copy with the calls spelled out.
WRAPPER = re.compile(r'def _tr\(text: str\) -> str:\n\s+return QCoreApplication\.translate\("(\w+)", text\)\n')
_WRAPPED_CALL = re.compile(r"(?<![\w.])_tr\(")
ALIAS = re.compile(r"\b(\w+) = QCoreApplication\.translate\b")


def wrapper_context(code: str) -> str | None:
    """The context of the module's ``_tr`` wrapper, if it defines the one lupdate can be shown."""
    found = WRAPPER.search(code)
    return found.group(1) if found else None


def aliases(code: str) -> set[str]:
    """The short names the module gives ``QCoreApplication.translate`` (``translate`` itself aside)."""
    return set(ALIAS.findall(code)) - {"translate"}


def lupdate_copy(code: str) -> str:
    """``code`` with its ``_tr("…")`` and aliased calls written as ``translate("Context", "…")``."""
    context = wrapper_context(code)
    if context is not None:
        code = _WRAPPED_CALL.sub(f'translate("{context}", ', WRAPPER.sub("", code))
    for alias in aliases(code):
        code = re.sub(rf"(?<![\w.]){alias}\(", "translate(", code)
    return code


def sources() -> list[Path]:
    """The files whose strings a person reads: the window's modules and the command line."""
    return [*sorted((ROOT / "timeline_app" / "gui").glob("*.py")), ROOT / "timeline_app" / "cli.py"]


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"timeline_app_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"timeline_app_{language}.qm"


def update(language: str, ts: Path | None = None) -> None:
    """Bring the .ts (or a copy of it, ``ts``) up to date with the code: new strings unfinished, vanished ones
    dropped."""
    target = Path(ts) if ts is not None else ts_path(language)
    plurals = ["-pluralonly"] if language == "en" else []
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for k, path in enumerate(sources()):
            copy = Path(folder) / f"{k:03d}_{path.name}"
            copy.write_text(lupdate_copy(path.read_text(encoding="utf-8")), encoding="utf-8")
            files.append(str(copy))
        subprocess.run([str(TOOLS / "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *plurals,
                        "-target-language", LANGUAGES[language], *files, "-ts", str(target.resolve())], check=True)


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    """The source texts of ``ts`` with no finished translation (unfinished, or an empty form)."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        texts = [form.text or "" for form in forms] if message.get("numerus") == "yes" else [translation.text or ""]
        if not texts or not all(text.strip() for text in texts):
            missing.append(source)
    return missing


def qm_is_current(language: str) -> bool:
    """Whether the shipped .qm is exactly what the .ts compiles to."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.qm"
        release(ts_path(language), fresh)
        return qm_path(language).exists() and fresh.read_bytes() == qm_path(language).read_bytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a translation is missing "
                        "or a .qm is out of date")
    args = parser.parse_args()
    status = 0
    for language in LANGUAGES:
        if not args.check:
            update(language)
            release(ts_path(language), qm_path(language))
        missing = unfinished(ts_path(language))
        for text in missing:
            print(f"{ts_path(language).name}: not translated: {text!r}")
        if missing:
            status = 1
        if args.check and not qm_is_current(language):
            print(f"{qm_path(language).name}: out of date; run scripts/translations.py")
            status = 1
        print(f"{ts_path(language).name}: {len(missing)} string(s) to translate")
    return status


if __name__ == "__main__":
    sys.exit(main())

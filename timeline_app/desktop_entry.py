"""Put the app in the desktop's menu: the launcher entry and icons under the user's XDG data folder.

``timeline-app install-desktop`` copies the desktop entry (with ``Exec`` pointing at this very
installation) and the icons to ``$XDG_DATA_HOME`` (``~/.local/share``); ``--uninstall`` removes
exactly those files. Nothing outside the user's own data folder is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from timeline_app.store.paths import RESOURCES

ICON_NAME = "timeline-app"


def data_home() -> Path:
    """The user's XDG data folder."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def desktop_file() -> Path:
    """The desktop entry shipped in resources/."""
    found = sorted(RESOURCES.glob("*.desktop"))
    if not found:
        raise FileNotFoundError(f"{RESOURCES}: no .desktop file is installed with the app")
    return found[0]


def launcher_command() -> str:
    """How the menu should start this installation: its own ``timeline-app`` script, by absolute path."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if script is not None and script.name.startswith("timeline-app") and script.is_file():
        return str(script)
    found = shutil.which("timeline-app")
    return str(Path(found).resolve()) if found else f"{sys.executable} -m timeline_app"


def planned_files(home: Path | None = None) -> list[tuple[Path, Path]]:
    """(source, destination) of every file the launcher entry needs."""
    home = home or data_home()
    pairs = [(desktop_file(), home / "applications" / desktop_file().name)]
    icons = RESOURCES / "icons"
    for png in sorted((icons / "hicolor").glob(f"*/apps/{ICON_NAME}.png")):
        pairs.append((png, home / "icons" / "hicolor" / png.relative_to(icons / "hicolor")))
    svg = icons / f"{ICON_NAME}.svg"
    if svg.exists():
        pairs.append((svg, home / "icons" / "hicolor" / "scalable" / "apps" / svg.name))
    return pairs


def install(home: Path | None = None) -> list[Path]:
    """Write the launcher entry and icons; return the files written."""
    written = []
    command = launcher_command()
    for source, target in planned_files(home):
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".desktop":
            lines = []
            for line in source.read_text(encoding="utf-8").splitlines():
                if line.startswith("Exec="):
                    arguments = line.split("=", 1)[1].split()[1:]
                    line = "Exec=" + " ".join([_quote(command), *arguments])
                elif line.startswith("TryExec="):
                    line = "TryExec=" + command.split(" ")[0]
                lines.append(line)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(home or data_home())
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; return the files removed."""
    removed = []
    for _source, target in planned_files(home):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh_caches(home or data_home())
    return removed


def _quote(command: str) -> str:
    # The desktop entry spec quotes arguments with double quotes when they hold spaces.
    return " ".join(f'"{part}"' if " " in part else part for part in command.split(" "))


def _refresh_caches(home: Path) -> None:
    # Menus pick up new entries by themselves; these tools, where present, make it immediate.
    for command in (["update-desktop-database", str(home / "applications")],
                    ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")]):
        if shutil.which(command[0]):
            subprocess.run(command, capture_output=True, check=False)

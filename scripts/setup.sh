#!/usr/bin/env bash
# Set up everything timeline-app needs on a Debian or Ubuntu machine: the system
# libraries Qt loads (also headless), a virtual environment in .venv, and the
# package with its test tools. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt needs offscreen, then those a real window under Xvfb adds, then the validators the
# tests run on the desktop entry and AppStream metainfo.
DEBIAN_PACKAGES=(
  libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3 libx11-6
  fonts-dejavu-core
  xvfb xauth libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0
  libxcb-sync1 libxcb-shm0 libxcb-render0
  desktop-file-utils appstream
)

say() { echo "setup: $*" >&2; }

installed() {
  # Ubuntu 24.04 renamed some libraries with a t64 suffix; either name will do.
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" ||
    dpkg-query -W -f='${Status}' "${1}t64" 2>/dev/null | grep -q "install ok installed"
}

install_debian_packages() {
  command -v dpkg-query >/dev/null || { say "not a Debian or Ubuntu system: install Qt's libraries yourself"; return 0; }
  local missing=()
  for pkg in "$@"; do installed "$pkg" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      say "these system packages are missing and I cannot install them without root:"
      say "  sudo apt-get install ${missing[*]}"
      exit 2
    fi
  fi
  say "installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  say "timeline-app needs Python 3.11 or newer; set PYTHON=/path/to/python3.11 and run again"
  exit 2
fi
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  install_debian_packages python3-venv
fi
install_debian_packages "${DEBIAN_PACKAGES[@]}"

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the project's requirements changed since the last setup.
stamp=.venv/.timeline-app-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  say "installing timeline-app and its test tools into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
  touch "$stamp"
fi

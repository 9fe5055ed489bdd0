#!/usr/bin/env bash
# Build a self-contained one-folder bundle of timeline-app with PyInstaller, into
# dist/timeline-app/, then smoke-test it from a folder outside the repository.
#
#   scripts/bundle.sh            # set up if needed, build, smoke-test, print size and time
#   KEEP_BUILD=1 scripts/bundle.sh   # keep PyInstaller's work folder build/ afterwards
#
# The bundle runs on a Linux desktop (xcb, also under XWayland) or headless (offscreen),
# and needs from the system only what Qt's xcb plugin and fonts need (scripts/setup.sh
# installs those). Run it as ./dist/timeline-app/timeline-app; it is not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
say() { echo "bundle: $*" >&2; }
start=$(date +%s)

scripts/setup.sh
set_up=$(date +%s)
PY=.venv/bin/python
if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
  say "installing PyInstaller into .venv"
  "$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10,<7"
fi
for tool in ldd objdump; do
  command -v "$tool" >/dev/null || { say "PyInstaller needs '$tool' (Debian: apt-get install binutils libc-bin)"; exit 2; }
done

rm -rf dist/timeline-app
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller scripts/timeline-app.spec
[ -n "${KEEP_BUILD:-}" ] || rm -rf build/pyinstaller
# A Python built from source (pyenv, as in CI images) keeps its debug symbols in libpython: about
# 19 MB. Strip that library alone; stripping the wheels' libraries breaks numpy's OpenBLAS.
if command -v strip >/dev/null; then
  find dist/timeline-app/_internal -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-debug {} +
fi
built=$(date +%s)

BUNDLE=$ROOT/dist/timeline-app
APP=$BUNDLE/timeline-app
[ -x "$APP" ] || { say "no executable at $APP"; exit 1; }

# Smoke test from a temporary folder outside the repository, with a settings file of its own,
# so nothing can be found through the source tree or the user's settings.
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
cd "$smoke"
export QT_QPA_PLATFORM=offscreen TIMELINE_APP_SETTINGS=$smoke/settings.ini
say "smoke test in $smoke"
"$APP" --version
"$APP" check
"$APP" --screenshot "$smoke/window.png" --size 1280x800 --select novocherkassk-massacre
"$APP" export -o "$smoke/view.svg" --from 1950 --to 1970
[ -s "$smoke/window.png" ] && [ -s "$smoke/view.svg" ] || { say "the bundle wrote no picture"; exit 1; }
cp "$smoke/window.png" "$ROOT/dist/timeline-app-smoke.png"  # for a person to look at
# Under a real X server too, when one can be had: the xcb plugin must load from the bundle.
if command -v xvfb-run >/dev/null; then
  QT_QPA_PLATFORM=xcb xvfb-run -a "$APP" export -o "$smoke/view-xcb.png" --from 1917 --to 1992 >/dev/null
  # The window itself: still open after 8 s, not failed at once; and, where xprop is installed,
  # with the X11 window class the desktop entry's StartupWMClass names.
  status=0
  QT_QPA_PLATFORM=xcb xvfb-run -a bash -c '
    "$1" >"$2/window-xcb.log" 2>&1 & app=$!
    sleep 8
    kill -0 "$app" 2>/dev/null || { wait "$app"; exit 3; }
    if command -v xprop >/dev/null; then
      for id in $(xwininfo -root -children | grep -o "^ *0x[0-9a-f]*"); do xprop -id "$id" WM_CLASS; done \
        | grep -q "\"timeline-app\"$" || { kill "$app"; echo "no window of class timeline-app" >>"$2/window-xcb.log"; exit 4; }
    fi
    kill "$app"; wait "$app" || true' _ "$APP" "$smoke" || status=$?
  if [ "$status" -ne 0 ]; then
    cat "$smoke/window-xcb.log" >&2; say "the window did not stay open on xcb (status $status)"; exit 1
  fi
  say "the window stayed open on xcb under Xvfb"
else
  say "no xvfb-run: the xcb plugin was not tried"
fi
cd "$ROOT"
# Every library the bundled xcb plugin needs is in the bundle or on the system.
if ldd "$BUNDLE"/_internal/PySide6/Qt/plugins/platforms/libqxcb.so | grep -q "not found"; then
  ldd "$BUNDLE"/_internal/PySide6/Qt/plugins/platforms/libqxcb.so | grep "not found" >&2
  say "the xcb plugin misses libraries (scripts/setup.sh installs them)"; exit 1
fi

done_at=$(date +%s)
say "built $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
say "time: setup $((set_up - start)) s, PyInstaller $((built - set_up)) s, smoke test $((done_at - built)) s, total $((done_at - start)) s"

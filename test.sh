#!/usr/bin/env bash
# Set up if needed, then run the linter and the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
.venv/bin/mypy --no-error-summary
.venv/bin/python -m pytest -n auto "$@"

#!/usr/bin/env bash
# Set up if needed, then open timeline-app on the shipped store (data/events.db).
# Extra arguments go to timeline-app, e.g. ./run.sh --screenshot view.png
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/timeline-app "$@"

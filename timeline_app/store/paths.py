"""Where the shipped files live."""

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
SHIPPED_STORE = DATA / "events.db"
SHIPPED_SOURCE = DATA / "events.toml"

"""What a user's own events need that other timeline files do not give: ids, colours and plain ISO dates.

TimelineJS sheets and Timeline files name things but carry no ids; a theme made from a group or
a category needs a colour; an EDTF date (``192X``) needs the plain ISO bounds the store keeps
beside it (``1920``–``1929``). Each is computed the same way for every import format.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from timeline_app.store.dates import DateError, edtf_bounds, parse_date

#: Colours for themes an import creates, told apart on light and dark backgrounds (Okabe-Ito, then Tableau).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#4E79A7",
           "#F28E2B", "#59A14F", "#B07AA1", "#9C755F", "#76B7B2", "#EDC948")
_MAX_SLUG = 60


def slug(text: str) -> str:
    """``text`` as a lowercase id (``Battle of Waterloo`` is ``battle-of-waterloo``); empty if nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cut = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cut[:_MAX_SLUG].strip("-")


class Ids:
    """Hands out ids no one else has: ``taken`` ones (the store's) and those given before."""

    def __init__(self, taken: set[str] | frozenset[str] = frozenset(), fallback: str = "item") -> None:
        self.taken = set(taken)
        self.fallback = fallback

    def new(self, name: str) -> str:
        """An unused id made from ``name`` (``name-2`` when ``name`` is taken, ``item-1`` when it has no letters)."""
        base = slug(name)
        if not base:
            base, number = self.fallback, 1
            while f"{base}-{number}" in self.taken:
                number += 1
            found = f"{base}-{number}"
        else:
            found, number = base, 1
            while found in self.taken:
                number += 1
                found = f"{base}-{number}"
        self.taken.add(found)
        return found


def colour(index: int, used: set[str] | frozenset[str] = frozenset()) -> str:
    """The ``index``-th colour of :data:`PALETTE`, skipping colours ``used`` already (case aside)."""
    free = [c for c in PALETTE if c.lower() not in {u.lower() for u in used}] or list(PALETTE)
    return free[index % len(free)]


def hex_colour(rgb: str) -> str | None:
    """``255,0,128`` (Timeline's way of writing a colour) as ``#ff0080``; None if it is not one."""
    match = re.fullmatch(r"\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*", rgb or "")
    if not match:
        return None
    values = [int(v) for v in match.groups()]
    if any(v > 255 for v in values):
        return None
    return "#" + "".join(f"{v:02x}" for v in values)


def iso_bounds(first: date | None, last: date | None) -> tuple[str, str]:
    """Plain ISO ``start`` and ``end`` for the days ``first``..``last``, as coarse as they allow.

    Whole years are written as years (``1920``, ``1929``), whole months as months, the rest as
    days; one year, month or day is a point (``end`` empty). An open end (None) leaves only the
    other; the store keeps the open end in the EDTF text.
    """
    if first is None and last is None:
        return "", ""
    low = first if first is not None else last
    high = last if last is not None else first
    assert low is not None and high is not None
    whole_years = (low.month, low.day) == (1, 1) and (high.month, high.day) == (12, 31)
    whole_months = low.day == 1 and (high + timedelta(days=1)).day == 1
    if whole_years:
        start, end = f"{low.year:04d}", f"{high.year:04d}"
    elif whole_months:
        start, end = f"{low.year:04d}-{low.month:02d}", f"{high.year:04d}-{high.month:02d}"
    else:
        start, end = low.isoformat(), high.isoformat()
    if first is None or last is None:
        return (start, "") if first is not None else (end, "")
    return start, ("" if end == start else end)


def dates_of_edtf(text: str) -> tuple[str, str]:
    """The plain ISO ``start`` and ``end`` an EDTF date covers (``1929/1933`` is 1929 and 1933).

    Raise :class:`~timeline_app.store.dates.DateError` for text that is not EDTF level 1.
    """
    first, last = edtf_bounds(text)
    if first is None or last is None:  # an open interval: the written side keeps its precision (1985/..)
        written = next((side.strip("~?%") for side in text.split("/") if side not in ("", "..")), "")
        try:
            return parse_date(written).isoformat(), ""
        except DateError:
            pass
    return iso_bounds(first, last)


def is_uncertain(edtf: str) -> bool:
    """Whether an EDTF date says it is approximate, uncertain, unspecified or open (``~ ? % X ..``)."""
    return any(mark in edtf for mark in ("~", "?", "%", "X", ".."))


class Named:
    """Places or themes looked up by name: the store's own first, then new ones, created once each.

    ``existing`` maps the store's ids to their names. A name matches an existing one case aside;
    a new theme gets the next free colour of :data:`PALETTE`, a new place no kind and no position.
    """

    def __init__(self, table: str, existing: dict[str, str], colours: set[str] | None = None) -> None:
        self.table = table
        self.by_name = {name.casefold(): pid for pid, name in existing.items()}
        self.ids = Ids(set(existing), fallback=table[:-1])
        self.colours = set(colours or ())
        self.created: list[dict] = []

    def keep(self, wanted: str, name: str) -> str:
        """``wanted`` (an id an export wrote), created with ``name`` unless the store or the import has it."""
        if wanted in self.ids.taken:
            return wanted
        self.ids.taken.add(wanted)
        self._create(wanted, name)
        return wanted

    def id_for(self, name: str) -> str:
        """The id of the place or theme called ``name``, creating it if the store has none of that name."""
        key = name.strip().casefold()
        if key in self.by_name:
            return self.by_name[key]
        return self._create(self.ids.new(name), name)

    def _create(self, new_id: str, name: str) -> str:
        row: dict = {"id": new_id, "name": name.strip()}
        if self.table == "themes":
            row["color"] = colour(len(self.created), self.colours)
        else:
            row.update(kind=None, latitude=None, longitude=None)
        self.created.append(row)
        self.by_name.setdefault(name.strip().casefold(), new_id)
        return new_id

"""The map's geometry: a conic projection for the USSR, the shipped outlines, places as points. No Qt.

Outlines are Natural Earth's admin-0 countries (public domain), prepared once by
``scripts/prepare_map.py`` into ``resources/map/outlines.json`` in longitude and latitude;
they are projected here when first used. Coordinates on the map are kilometres east and
north of the projection's origin (y grows northward; the views flip it).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from timeline_app.store.paths import RESOURCES

EARTH_RADIUS_KM = 6371.0
OUTLINES = RESOURCES / "map" / "outlines.json"
#: Longitudes and latitudes the map covers: Europe, the USSR (Chukotka runs past 180°) and its neighbours.
REGION = (-15.0, 30.0, 190.0, 80.0)


@dataclass(frozen=True)
class Conic:
    """Lambert's conformal conic projection on a sphere (Snyder, *Map Projections: A Working Manual*, §15).

    ``lon0``/``lat0`` is the origin, ``lat1`` and ``lat2`` the standard parallels (true to scale).
    """

    lon0: float = 70.0
    lat0: float = 55.0
    lat1: float = 45.0
    lat2: float = 65.0
    radius: float = EARTH_RADIUS_KM
    n: float = field(init=False, compare=False)  # the cone's constant
    f: float = field(init=False, compare=False)
    rho0: float = field(init=False, compare=False)  # the origin's distance from the apex, in radii

    def __post_init__(self) -> None:
        p1, p2 = math.radians(self.lat1), math.radians(self.lat2)
        n = math.sin(p1) if math.isclose(p1, p2) else (
            math.log(math.cos(p1) / math.cos(p2)) / math.log(_t(p2) / _t(p1)))
        f = math.cos(p1) * _t(p1) ** n / n
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "f", f)
        object.__setattr__(self, "rho0", self.radius * f / _t(math.radians(self.lat0)) ** n)

    def forward(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        """Kilometres ``x`` east and ``y`` north of the origin for degrees ``lon``, ``lat`` (arrays or numbers)."""
        lam = np.radians(np.asarray(lon, dtype=float))
        phi = np.radians(np.clip(np.asarray(lat, dtype=float), -89.9, 89.9))
        rho = self.radius * self.f / np.tan(np.pi / 4 + phi / 2) ** self.n
        theta = self.n * (lam - math.radians(self.lon0))
        return rho * np.sin(theta), self.rho0 - rho * np.cos(theta)

    def describe(self) -> dict:
        """The parameters, as recorded in the outlines file."""
        return {"name": "lambert-conformal-conic", "lon0": self.lon0, "lat0": self.lat0, "lat1": self.lat1,
                "lat2": self.lat2}


def _t(phi: float) -> float:
    return math.tan(math.pi / 4 + phi / 2)


PROJECTION = Conic()

Bounds = tuple[float, float, float, float]  # x0, y0, x1, y1 in kilometres, y north


def region_bounds(projection: Conic = PROJECTION, region=REGION) -> Bounds:
    """The rectangle around the projected ``region``: as far as the map lets one pan or zoom out."""
    west, south, east, north = region
    lon, lat = np.meshgrid(np.linspace(west, east, 80), np.linspace(south, north, 40))
    x, y = projection.forward(lon.ravel(), lat.ravel())
    return float(x.min()), float(y.min()), float(x.max()), float(y.max())


@dataclass(frozen=True)
class Outlines:
    """Projected outlines: land to fill, lines to stroke, labels; coordinates in kilometres."""

    land: list[np.ndarray]  # closed rings (the coasts), each an (n, 2) array, holes included: fill even-odd
    borders: list[np.ndarray]  # today's borders between countries, polylines
    ussr: list[np.ndarray]  # closed rings of the USSR: the union of its fifteen republics
    labels: list[tuple[str, np.ndarray]]  # text and the (n, 2) projected spots it may go, in order
    bounds: Bounds  # how far the map reaches
    credit: str
    source: str


def _decode(flat: list[int], scale: float) -> np.ndarray:
    """Delta-encoded integer longitude, latitude pairs to an (n, 2) array of degrees."""
    pairs = np.asarray(flat, dtype=np.int64).reshape(-1, 2)
    return np.cumsum(pairs, axis=0) / scale


def read_outlines(path: Path = OUTLINES, projection: Conic = PROJECTION) -> Outlines:
    """Read and project the outlines file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    scale = float(data["scale"])

    def project(lonlat: np.ndarray) -> np.ndarray:
        x, y = projection.forward(lonlat[:, 0], lonlat[:, 1])
        return np.column_stack([x, y])

    land = [project(_decode(flat, scale)) for flat in data["land"]]
    ussr = [project(_decode(flat, scale)) for flat in data["ussr"]]
    borders = [project(_decode(flat, scale)) for flat in data["borders"]]
    labels = []
    for label in data.get("labels", []):
        spots = np.asarray(label["spots"], dtype=float).reshape(-1, 2)
        labels.append((str(label["text"]), project(spots)))
    west, south, east, north = data.get("region", REGION)
    return Outlines(land, borders, ussr, labels,
                    region_bounds(projection, (west, south, east, north)), data["credit"], data["source"])


@lru_cache(maxsize=1)
def shipped_outlines() -> Outlines:
    """The outlines shipped with the app, read once; none (places on a blank map) if the file is damaged."""
    try:
        return read_outlines()
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return Outlines([], [], [], [], region_bounds(), "", "")


@dataclass(frozen=True)
class PlacePoints:
    """Every place of a store as a point, in the order of the catalog's place codes.

    Places that no event names come after the coded ones. ``on_map`` is False for a place
    outside the map's region or without coordinates: the views list those apart.
    """

    ids: list[str]
    names: list[str]
    kinds: list[str]
    lon: np.ndarray
    lat: np.ndarray
    x: np.ndarray
    y: np.ndarray
    on_map: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def place_points(places: list[dict], codes: list[str], projection: Conic = PROJECTION,
                 region=REGION) -> PlacePoints:
    """Project ``places`` (rows of the ``places`` table) in the order of ``codes`` (a membership's keys)."""
    by_id = {str(p["id"]): p for p in places}
    ids = [*codes, *sorted(set(by_id) - set(codes), key=lambda i: str(by_id[i].get("name") or i))]
    rows = [by_id.get(i, {}) for i in ids]
    lon = np.array([_number(r.get("longitude")) for r in rows], dtype=float)
    lat = np.array([_number(r.get("latitude")) for r in rows], dtype=float)
    known = np.isfinite(lon) & np.isfinite(lat)
    west, south, east, north = region
    on_map = known & (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
    x, y = projection.forward(np.where(known, lon, 0.0), np.where(known, lat, 0.0))
    names = [str(r.get("name") or i) for r, i in zip(rows, ids, strict=True)]
    kinds = [str(r.get("kind") or "") for r in rows]
    return PlacePoints(ids, names, kinds, lon, lat, x, y, on_map)


def _number(value) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return math.nan


def fit_bounds(x: np.ndarray, y: np.ndarray, limits: Bounds, aspect: float, margin: float = 0.12,
               min_span_km: float = 900.0) -> Bounds:
    """The rectangle of ``aspect`` (width over height) that shows the points ``x``, ``y`` with a margin.

    Never smaller than ``min_span_km`` across and never beyond ``limits``; with no points, ``limits``.
    """
    lx0, ly0, lx1, ly1 = limits
    if not len(x):
        x0, y0, x1, y1 = limits
    else:
        x0, x1, y0, y1 = float(np.min(x)), float(np.max(x)), float(np.min(y)), float(np.max(y))
        pad = max(x1 - x0, y1 - y0, min_span_km) * margin
        x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    width, height = max(x1 - x0, min_span_km), max(y1 - y0, min_span_km / max(aspect, 1e-6))
    width, height = max(width, height * aspect), max(height, width / aspect)
    width, height = min(width, lx1 - lx0), min(height, ly1 - ly0)
    cx = min(max((x0 + x1) / 2, lx0 + width / 2), lx1 - width / 2)
    cy = min(max((y0 + y1) / 2, ly0 + height / 2), ly1 - height / 2)
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2

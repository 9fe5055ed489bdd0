#!/usr/bin/env python3
"""Prepare the map's outlines once: resources/map/outlines.json from Natural Earth's admin-0 countries.

    python scripts/prepare_map.py                    # fetches world-atlas with `npm pack`
    python scripts/prepare_map.py --topojson countries-50m.json

The source is the ``world-atlas`` package's TopoJSON of Natural Earth 1:50m admin-0 countries
(Natural Earth is public domain). This keeps the countries near the map's region (see
``timeline_app.model.map_geometry``), merges the fifteen Soviet republics into one outline
by dropping the arcs two of them share (TopoJSON's topology makes a union exact), simplifies
every arc once (so neighbours keep a common border), and writes longitudes and latitudes in
hundredths of a degree, delta-encoded. Needs numpy and npm; nothing of it is needed at run time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline_app.model.map_geometry import PROJECTION, REGION, region_bounds  # noqa: E402

WORLD_ATLAS = "world-atlas@2.0.2"
NATURAL_EARTH = "Natural Earth 1:50m admin-0 countries, version 4.1.0 (public domain), via world-atlas 2.0.2"
TARGET = ROOT / "resources" / "map" / "outlines.json"
#: The fifteen republics of the USSR by ISO 3166 numeric code, as world-atlas names its countries.
SOVIET_REPUBLICS = {
    "643": "Russia", "804": "Ukraine", "112": "Belarus", "498": "Moldova", "440": "Lithuania", "428": "Latvia",
    "233": "Estonia", "268": "Georgia", "051": "Armenia", "031": "Azerbaijan", "398": "Kazakhstan",
    "860": "Uzbekistan", "795": "Turkmenistan", "417": "Kyrgyzstan", "762": "Tajikistan",
}
RUSSIA = "643"
SCALE = 100  # hundredths of a degree: about a kilometre
TOLERANCE_DEG = 0.045  # Douglas-Peucker tolerance per arc
MIN_RING_DEG = 0.25  # islands smaller than this across are left out
#: Where the USSR's name may go, in order of preference (longitude, latitude): the map takes the first
#: that no mark or place name covers.
LABELS = [{"text": "USSR", "spots": [[97.0, 64.5], [75.0, 64.0], [120.0, 63.0], [62.0, 58.0], [80.0, 50.0],
                                     [135.0, 58.0], [45.0, 62.0]]}]


def fetch_topojson(folder: Path) -> Path:
    """``npm pack`` world-atlas into ``folder`` and unpack its 1:50m countries."""
    subprocess.run(["npm", "pack", WORLD_ATLAS, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    archive = next(folder.glob("world-atlas-*.tgz"))
    with tarfile.open(archive) as tar:
        member = tar.getmember("package/countries-50m.json")
        tar.extract(member, folder, filter="data")
    return folder / "package" / "countries-50m.json"


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Every arc as an (n, 2) array of quantised integer positions (TopoJSON delta encoding undone)."""
    return [np.cumsum(np.asarray(arc, dtype=np.int64), axis=0) for arc in topology["arcs"]]


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    """A country's polygons, each a list of rings, each a list of arc references."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def arc_refs(geometry: dict) -> list[int]:
    return [ref for polygon in polygons_of(geometry) for ring in polygon for ref in ring]


def directed(arcs: list[np.ndarray], ref: int) -> np.ndarray:
    return arcs[ref] if ref >= 0 else arcs[~ref][::-1]


def boundary_rings(arcs: list[np.ndarray], geometries: list[dict]) -> list[np.ndarray]:
    """The edge of the union of ``geometries``: the arcs only one of them uses, joined into rings."""
    uses = Counter(ref if ref >= 0 else ~ref for g in geometries for ref in arc_refs(g))
    kept = [ref for g in geometries for ref in arc_refs(g) if uses[ref if ref >= 0 else ~ref] == 1]
    starting: dict[tuple[int, int], list[int]] = defaultdict(list)
    for ref in kept:
        starting[tuple(directed(arcs, ref)[0])].append(ref)
    rings, used = [], set()
    for first in kept:
        if first in used:
            continue
        pieces, ref = [], first
        while ref is not None and ref not in used:
            used.add(ref)
            line = directed(arcs, ref)
            pieces.append(line if not pieces else line[1:])
            ref = next((r for r in starting[tuple(line[-1])] if r not in used), None)
        ring = np.concatenate(pieces)
        if len(ring) >= 4 and (ring[0] == ring[-1]).all():
            rings.append(ring)
    return rings


def shared_arcs(arcs: list[np.ndarray], geometries: list[dict]) -> list[int]:
    """Arcs two different countries use: the borders between them."""
    users: dict[int, set[int]] = defaultdict(set)
    for n, g in enumerate(geometries):
        for ref in arc_refs(g):
            users[ref if ref >= 0 else ~ref].add(n)
    return sorted(a for a, who in users.items() if len(who) >= 2)


def simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker, keeping both ends (so arcs still meet where they met)."""
    if len(points) <= 2:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    pts = points.astype(float)
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 2:
            continue
        a, b = pts[lo], pts[hi]
        seg = b - a
        inner = pts[lo + 1:hi]
        if not seg.any():
            dist = np.hypot(*(inner - a).T)
        else:
            dist = np.abs(seg[0] * (inner[:, 1] - a[1]) - seg[1] * (inner[:, 0] - a[0])) / np.hypot(*seg)
        k = int(np.argmax(dist))
        if dist[k] > tolerance:
            keep[lo + 1 + k] = True
            stack += [(lo, lo + 1 + k), (lo + 1 + k, hi)]
    return points[keep]


def prepare(topojson: Path) -> dict:
    topology = json.loads(topojson.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = decode_arcs(topology)
    countries = topology["objects"]["countries"]["geometries"]
    full_turn = round(360 / sx)  # quantised units in 360 degrees of longitude
    # Natural Earth's Russia (and the Aleutians) cross the antimeridian within an arc: put every such
    # arc, and all of Russia's far east, east of 180 degrees so Chukotka stays whole beside the rest.
    russia = next(g for g in countries if g.get("id") == RUSSIA)
    russian = {r if r >= 0 else ~r for r in arc_refs(russia)}
    for n, arc in enumerate(arcs):
        crosses = len(arc) > 1 and bool((np.abs(np.diff(arc[:, 0])) > full_turn / 2).any())
        if crosses or n in russian:
            arcs[n] = np.where((arc[:, 0] < full_turn / 2)[:, None], arc + np.array([full_turn, 0]), arc)
    to_degrees = np.array([sx, sy]), np.array([tx, ty])

    def degrees(points: np.ndarray) -> np.ndarray:
        return points * to_degrees[0] + to_degrees[1]

    # Keep whole countries near the map's rectangle, so the land's cut edge is never in view.
    x0, y0, x1, y1 = region_bounds()
    pad_x, pad_y = (x1 - x0) * 0.1, (y1 - y0) * 0.1

    def near(geometry: dict) -> bool:
        points = np.concatenate([degrees(arcs[r if r >= 0 else ~r]) for r in arc_refs(geometry)] or [np.zeros((0, 2))])
        if not len(points):
            return False
        x, y = PROJECTION.forward(points[:, 0], points[:, 1])
        return bool(((x > x0 - pad_x) & (x < x1 + pad_x) & (y > y0 - pad_y) & (y < y1 + pad_y)).any())

    chosen = [g for g in countries if near(g)]
    soviet = [g for g in chosen if g.get("id") in SOVIET_REPUBLICS]
    assert len(soviet) == len(SOVIET_REPUBLICS), "world-atlas lacks a Soviet republic"
    tolerance = TOLERANCE_DEG / sx
    arcs = [simplify(arc, tolerance) for arc in arcs]

    def encode(points_q: np.ndarray) -> list[int]:
        hundredths = np.round(degrees(points_q) * SCALE).astype(np.int64)
        hundredths = hundredths[np.r_[True, (np.diff(hundredths, axis=0) != 0).any(axis=1)]]
        return np.diff(hundredths, axis=0, prepend=[[0, 0]]).ravel().tolist()

    def big_enough(ring: np.ndarray) -> bool:
        span = (ring.max(axis=0) - ring.min(axis=0)) * [sx, sy]
        return bool(span.max() >= MIN_RING_DEG)

    land = [encode(r) for r in boundary_rings(arcs, chosen) if big_enough(r)]
    ussr = [encode(r) for r in boundary_rings(arcs, soviet) if big_enough(r)]
    borders = [encode(arcs[a]) for a in shared_arcs(arcs, chosen)]
    return {
        "format": 1,
        "source": NATURAL_EARTH,
        "credit": "Map outlines: Natural Earth (public domain), today's borders; the USSR as the union of its "
                  "fifteen republics.",
        "projection": PROJECTION.describe(),
        "region": list(REGION),
        "scale": SCALE,
        "countries": sorted(g["properties"]["name"] for g in chosen),
        "labels": LABELS,
        "land": land,
        "ussr": ussr,
        "borders": [b for b in borders if len(b) >= 4],
    }


def write(data: dict, target: Path) -> None:
    """One ring or line a line, so a change to the outlines reads as a diff."""
    lines = ["{"]
    items = list(data.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if key in ("land", "ussr", "borders"):
            body = ",\n".join("  " + json.dumps(v, separators=(",", ":")) for v in value)
            lines.append(f"{json.dumps(key)}: [\n{body}\n]{comma}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topojson", type=Path, help="world-atlas countries-50m.json (default: fetch with npm)")
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = args.topojson or fetch_topojson(Path(folder))
        data = prepare(source)
    write(data, args.output)
    points = sum(len(r) // 2 for key in ("land", "ussr", "borders") for r in data[key])
    print(f"wrote {args.output}: {len(data['countries'])} countries, {points} points, "
          f"{args.output.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()

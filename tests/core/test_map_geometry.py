"""The map's projection puts places where they are, the shipped outlines are the USSR's, and clipping is exact."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.model.map_clip import clip_line, clip_ring
from timeline_app.model.map_geometry import (
    OUTLINES,
    PROJECTION,
    REGION,
    Conic,
    fit_bounds,
    place_points,
    read_outlines,
)

CITIES = {  # longitude, latitude
    "moscow": (37.6173, 55.7558), "novocherkassk": (40.0939, 47.4222), "berlin": (13.405, 52.52),
    "kuzbas": (86.5, 54.5), "tashkent": (69.24, 41.31), "vladivostok": (131.89, 43.12), "tallinn": (24.75, 59.44),
    "chukotka": (172.0, 66.5), "chukotka-past-180": (186.0, 66.0), "kaliningrad": (20.51, 54.71),
    "yerevan": (44.51, 40.18),
    "warsaw": (21.01, 52.23), "helsinki": (24.94, 60.17), "ulaanbaatar": (106.9, 47.92), "beijing": (116.4, 39.9),
    "tehran": (51.39, 35.69), "london": (-0.1278, 51.5074), "bucharest": (26.1, 44.43),
}
INSIDE = ("moscow", "novocherkassk", "kuzbas", "tashkent", "vladivostok", "tallinn", "chukotka", "chukotka-past-180",
          "kaliningrad", "yerevan")
OUTSIDE = ("berlin", "warsaw", "helsinki", "ulaanbaatar", "beijing", "tehran", "london", "bucharest")


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lon1, lat1), (lon2, lat2) = (np.radians(a), np.radians(b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def projected(name: str) -> np.ndarray:
    return np.array([float(v) for v in PROJECTION.forward(*CITIES[name])])


def test_the_formula_gives_snyders_worked_example() -> None:
    # Snyder, Map Projections: A Working Manual (USGS 1395), p. 296: the sphere, R = 1.
    conic = Conic(lon0=-96.0, lat0=23.0, lat1=33.0, lat2=45.0, radius=1.0)
    assert conic.n == pytest.approx(0.6304777, abs=1e-7)
    assert conic.rho0 == pytest.approx(1.5071429, abs=1e-7)
    x, y = conic.forward(-75.0, 35.0)
    assert float(x) == pytest.approx(0.2966785, abs=1e-7)
    assert float(y) == pytest.approx(0.2462112, abs=1e-7)


def test_the_map_is_true_to_scale_on_its_standard_parallels_and_conformal() -> None:
    step = 1e-4
    for lat in (PROJECTION.lat1, PROJECTION.lat2, 55.0):
        x0, y0 = PROJECTION.forward(40.0, lat)
        xe, ye = PROJECTION.forward(40.0 + step, lat)
        xn, yn = PROJECTION.forward(40.0, lat + step)
        along = math.hypot(float(xe - x0), float(ye - y0)) / (6371.0 * math.radians(step) * math.cos(math.radians(lat)))
        across = math.hypot(float(xn - x0), float(yn - y0)) / (6371.0 * math.radians(step))
        assert along == pytest.approx(across, rel=1e-4)  # conformal: the same scale every way
        if lat in (PROJECTION.lat1, PROJECTION.lat2):
            assert along == pytest.approx(1.0, rel=1e-4)


def test_known_cities_land_where_they_are() -> None:
    moscow, novocherkassk, berlin = projected("moscow"), projected("novocherkassk"), projected("berlin")
    # The origin and the central meridian.
    assert [float(v) for v in PROJECTION.forward(PROJECTION.lon0, PROJECTION.lat0)] == pytest.approx([0, 0], abs=1e-9)
    assert float(PROJECTION.forward(PROJECTION.lon0, 40.0)[0]) == pytest.approx(0.0, abs=1e-9)
    # Berlin is west of Moscow; Novocherkassk south of it; distances as on the globe.
    assert berlin[0] < moscow[0] - 1000 and novocherkassk[1] < moscow[1] - 800
    for a, b in (("moscow", "berlin"), ("moscow", "novocherkassk"), ("moscow", "kuzbas")):
        on_map = float(np.hypot(*(projected(a) - projected(b))))
        assert on_map == pytest.approx(great_circle_km(CITIES[a], CITIES[b]), rel=0.03)
    # Conformal: from Moscow, Novocherkassk lies at its compass bearing (about 166°, south by east),
    # measured from the local meridian, which leans as the cone unrolls (n times the longitude off 70°E).
    lean = PROJECTION.n * math.radians(CITIES["moscow"][0] - PROJECTION.lon0)
    dx, dy = novocherkassk - moscow
    on_map = math.degrees(math.atan2(dx, dy) + lean) % 360
    assert on_map == pytest.approx(bearing(CITIES["moscow"], CITIES["novocherkassk"]), abs=1.5)
    # The figures themselves (kilometres from 70°E 55°N), so a change of projection is a decision.
    assert moscow == pytest.approx([-1924.0, 538.7], abs=0.5)
    assert novocherkassk == pytest.approx([-2167.8, -359.3], abs=0.5)
    assert berlin == pytest.approx([-3372.7, 1180.9], abs=0.5)


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lon1, lat1), (lon2, lat2) = (np.radians(a), np.radians(b))
    x = math.sin(lon2 - lon1) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.atan2(x, y)) % 360


def inside(point: np.ndarray, rings: list[np.ndarray]) -> bool:
    """Even-odd point in polygon, by hand."""
    x, y = point
    crossings = 0
    for ring in rings:
        a, b = ring[:-1], ring[1:]
        straddles = (a[:, 1] > y) != (b[:, 1] > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1])
        crossings += int((straddles & (x < at)).sum())
    return crossings % 2 == 1


def test_the_ussr_outline_holds_its_cities_and_not_its_neighbours() -> None:
    outlines = read_outlines()
    for name in INSIDE:
        assert inside(projected(name), outlines.ussr), name
        assert inside(projected(name), outlines.land), name
    for name in OUTSIDE:
        assert not inside(projected(name), outlines.ussr), name
    (text, spots), = outlines.labels
    assert text == "USSR" and all(inside(spot, outlines.ussr) for spot in spots)


def test_the_outlines_file_is_small_and_was_prepared_for_this_projection() -> None:
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    assert OUTLINES.stat().st_size < 250_000
    assert data["projection"] == PROJECTION.describe()  # else run scripts/prepare_map.py again
    assert "Natural Earth" in data["source"] and "public domain" in data["credit"]
    assert {"Russia", "Ukraine", "Kazakhstan", "Estonia", "Germany", "China"} <= set(data["countries"])
    x0, y0, x1, y1 = read_outlines().bounds
    for name in INSIDE + OUTSIDE:
        x, y = projected(name)
        assert x0 <= x <= x1 and y0 <= y <= y1, name


def test_places_follow_the_catalogs_codes_and_those_beyond_the_map_are_marked() -> None:
    places = [
        {"id": "moscow", "name": "Moscow", "kind": "city", "latitude": 55.7558, "longitude": 37.6173},
        {"id": "new-york", "name": "New York", "kind": "city", "latitude": 40.71, "longitude": -74.0},
        {"id": "nowhere", "name": "Nowhere", "kind": "city", "latitude": None, "longitude": "x"},
        {"id": "idle", "name": "Idle", "kind": "region", "latitude": 50.0, "longitude": 30.0},
    ]
    points = place_points(places, ["new-york", "moscow", "nowhere"])
    assert points.ids == ["new-york", "moscow", "nowhere", "idle"]
    assert points.on_map.tolist() == [False, True, False, True]
    assert [float(points.x[1]), float(points.y[1])] == pytest.approx(projected("moscow").tolist())
    assert points.names[0] == "New York" and points.kinds[3] == "region"
    assert len(place_points([], ["ghost"])) == 1  # a code with no row still has a point, off the map


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.floats(-3000, 3000), st.floats(-2000, 2000)), max_size=8),
       st.floats(0.3, 3.0))
def test_fitting_shows_every_point_within_the_limits(points, aspect) -> None:
    limits = (-4000.0, -2500.0, 4000.0, 2500.0)
    xs, ys = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    x0, y0, x1, y1 = fit_bounds(xs, ys, limits, aspect)
    assert limits[0] - 1e-6 <= x0 < x1 <= limits[2] + 1e-6 and limits[1] - 1e-6 <= y0 < y1 <= limits[3] + 1e-6
    assert ((xs >= x0 - 1e-6) & (xs <= x1 + 1e-6) & (ys >= y0 - 1e-6) & (ys <= y1 + 1e-6)).all()
    assert x1 - x0 >= min(900.0, limits[2] - limits[0]) - 1e-6


RECT = (0.0, 0.0, 10.0, 10.0)


def area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def test_clipping_a_ring_keeps_the_part_inside() -> None:
    square = np.array([[-5, -5], [5, -5], [5, 5], [-5, 5], [-5, -5]], dtype=float)
    assert area(clip_ring(square, RECT)) == pytest.approx(25.0)
    inner = np.array([[2, 2], [4, 2], [4, 4], [2, 2]], dtype=float)
    assert area(clip_ring(inner, RECT)) == pytest.approx(2.0)
    assert clip_ring(square + 100, RECT) is None
    # a concave ring whose two arms leave and come back stays one ring with the right area
    u_shape = np.array([[-2, 2], [12, 2], [12, 8], [8, 8], [8, 4], [2, 4], [2, 8], [-2, 8], [-2, 2]], dtype=float)
    assert area(clip_ring(u_shape, RECT)) == pytest.approx(10 * 2 + 2 * 4 * 2)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.floats(-20, 30), st.floats(-20, 30)), min_size=2, max_size=12))
def test_clipped_lines_stay_inside_and_keep_what_was_inside(points) -> None:
    line = np.array(points, dtype=float)
    pieces = clip_line(line, RECT)
    for piece in pieces:
        assert len(piece) >= 2
        assert (piece >= -1e-9).all() and (piece <= 10 + 1e-9).all()
    kept = sum(float(np.hypot(*np.diff(p, axis=0).T).sum()) for p in pieces)
    # length inside, by fine sampling of each segment
    inside_length = 0.0
    for a, b in itertools.pairwise(line):
        t = (np.arange(2000) + 0.5) / 2000
        samples = a + t[:, None] * (b - a)
        share = float(((samples >= 0) & (samples <= 10)).all(axis=1).mean())
        inside_length += share * float(np.hypot(*(b - a)))
    assert kept == pytest.approx(inside_length, abs=0.05 + 0.002 * float(np.hypot(*np.diff(line, axis=0).T).sum()))


def test_region_is_europe_and_the_ussr() -> None:
    west, south, east, north = REGION
    assert west <= -10 and east >= 190 and south <= 35 and north >= 78

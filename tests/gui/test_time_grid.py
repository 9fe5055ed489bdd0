"""The timeline's grid: a faint line at each tick, the same on screen as in a vector export."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPicture

from timeline_app.gui.time_grid import LEVEL_ALPHA, column_alpha, grid_columns, paint_time_grid
from timeline_app.model.time_ticks import tick_levels

WIDTH, HEIGHT = 400, 60


def _alpha(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    bits = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * image.height())
    return bits.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 4].reshape(
        image.height(), image.width(), 4)[..., 3].copy()  # the converted image dies with this call


def _painted(draw) -> np.ndarray:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    draw(painter)
    painter.end()
    return _alpha(image)


def test_a_line_at_every_tick_of_the_axis_major_darker_than_minor(qapp) -> None:
    alpha = _painted(lambda p: paint_time_grid(p, 1920, 1960, 0, WIDTH - 1, 10, 50, QColor("#202020")))
    major, minor = (level.values for level in tick_levels(1920, 1960, WIDTH - 1)[:2])
    x_of = {round((v - 1920) / 40 * (WIDTH - 1)): v for v in minor}
    for column in range(WIDTH):
        strip = alpha[10:50, column]
        assert len(set(strip.tolist())) == 1, "a grid line runs the lanes' full height, evenly"
        year = x_of.get(column)
        if year is None:
            assert strip[0] == 0
        elif year in major:
            assert strip[0] > LEVEL_ALPHA[0], "a decade's line is over a year's: darker than either"
        else:
            assert strip[0] == LEVEL_ALPHA[1]
    assert not alpha[:10].any() and not alpha[50:].any(), "nothing above or below the lanes"
    assert len(major) == 5 and len(minor) == 41


def test_where_two_levels_meet_the_line_is_as_if_drawn_twice() -> None:
    columns = [(38, [3, 5]), (16, [5, 7])]
    once, twice = 38 / 255, 16 / 255
    assert column_alpha(columns, 2, 8).tolist() == [0, 38, 0, round((once + twice * (1 - once)) * 255), 0, 16, 0, 0]
    assert column_alpha(columns, 4, 2).tolist() == [0, 52], "lines outside the columns asked for are left out"


def test_lines_outside_the_view_are_not_drawn() -> None:
    for _alpha_level, xs in grid_columns(1918.5, 1931.5, 100, 300):
        assert xs and all(100 <= x <= 300 for x in xs)


@pytest.mark.parametrize("years", [(1917, 1992), (1961.9, 1962.6)])
def test_a_vector_export_gets_lines_where_the_screen_gets_them(qapp, years) -> None:
    # A picture (as SVG and PDF) is recorded with real lines; played back it shows the screen's columns.
    picture = QPicture()
    recorder = QPainter(picture)
    paint_time_grid(recorder, *years, 0, WIDTH - 1, 10, 50, QColor("#202020"))
    recorder.end()
    vector = _painted(lambda p: p.drawPicture(0, 0, picture))
    screen = _painted(lambda p: paint_time_grid(p, *years, 0, WIDTH - 1, 10, 50, QColor("#202020")))
    lit = np.flatnonzero(screen[30] > 0)
    assert len(lit) >= 3
    assert np.flatnonzero(vector[30] > 0).tolist() == lit.tolist()
    assert np.abs(vector[30].astype(int) - screen[30].astype(int)).max() <= 2

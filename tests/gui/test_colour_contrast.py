"""The colours the window paints read at WCAG AA on light and dark, and the window follows the scheme asked for."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from timeline_app.gui import commentary_pane, excerpt_pane, period_band, review_reader
from timeline_app.gui.color_scheme import follow_color_scheme, palette_is_legible, palette_of
from timeline_app.gui.map_painter import MapLook
from timeline_app.model.color_schemes import DARK, LIGHT, SCHEMES, mark_outline
from timeline_app.model.contrast import GRAPHIC_AA, TEXT_AA, contrast_ratio


def test_period_names_read_on_every_period_shade() -> None:
    for shade in period_band._SHADES:
        assert contrast_ratio("#1a1a1a", shade) >= TEXT_AA, shade


def test_highlighted_passages_keep_dark_text_on_their_own_background() -> None:
    fills = [*review_reader.KIND_COLORS.values(), review_reader.UNUSED]
    for style in (excerpt_pane.HIGHLIGHT, excerpt_pane.FILM_BANNER, commentary_pane.DISAGREE):
        background = re.search(r"background-color:(#[0-9a-fA-F]{6})", style).group(1)
        text = re.search(r"(?<!-)color:(#[0-9a-fA-F]{6})", style).group(1)
        assert contrast_ratio(text, background) >= TEXT_AA, style
    for fill in fills:
        assert contrast_ratio("#111111", fill) >= TEXT_AA, fill
    assert set(review_reader.KIND_STYLES) == set(review_reader.KIND_COLORS)
    assert len(set(review_reader.KIND_STYLES.values())) == len(review_reader.KIND_STYLES)  # not colour alone


@pytest.mark.parametrize("look", [MapLook.light(), MapLook.dark()], ids=["light", "dark"])
def test_map_names_and_marks_stand_out_on_land_and_sea(look: MapLook) -> None:
    for background in (look.land.name(), look.sea.name()):
        assert contrast_ratio(look.text.name(), background) >= TEXT_AA
        assert contrast_ratio(look.ussr_edge.name(), background) >= GRAPHIC_AA


def test_the_window_takes_the_dark_scheme_and_draws_mark_outlines_for_it(qtbot) -> None:
    app = QApplication.instance()
    before = QPalette(app.palette())
    try:
        follower = follow_color_scheme(app, "dark")
        assert follower.scheme is DARK
        assert app.palette().color(QPalette.ColorRole.Base).name() == DARK.base
        assert palette_is_legible(app.palette())
        follower.choice = "high-contrast"
        assert follower.apply().high_contrast
        follower.choice = "light"
        follower.apply()
        assert app.palette().color(QPalette.ColorRole.Text).name() == LIGHT.text
    finally:
        app.setPalette(before)


def test_every_scheme_as_a_qt_palette_is_legible() -> None:
    for scheme in SCHEMES.values():
        assert palette_is_legible(palette_of(scheme)), scheme.name
    assert contrast_ratio("#ffffff", "#308cc6") < TEXT_AA  # Fusion's own selected rows: why it is replaced


def test_marks_drawn_on_a_dark_background_get_outlines_that_stand_out(qtbot) -> None:
    from timeline_app.gui.mark_painter import MarkPainter
    from timeline_app.model.catalog import empty_catalog
    from timeline_app.model.layout import lay_out

    catalog = empty_catalog()
    painter = MarkPainter(catalog, lay_out(catalog, catalog.arrays.layer == 0))
    from PySide6.QtGui import QColor

    painter.set_background(QColor(DARK.base))
    assert painter.background == DARK.base
    for style in painter._styles:
        assert contrast_ratio(style["outline"].color().name(), DARK.base) >= GRAPHIC_AA
    assert mark_outline("#3b2a7a", DARK.base) != "#3b2a7a"

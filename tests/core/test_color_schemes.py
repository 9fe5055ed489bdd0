"""Every colour scheme meets WCAG AA, and every theme's marks stand out on every background."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import SHIPPED_STORE
from timeline_app.model.color_schemes import (
    DARK,
    LIGHT,
    SCHEMES,
    bar_fill,
    label_on_bar,
    mark_outline,
    scheme_for,
)
from timeline_app.model.contrast import GRAPHIC_AA, TEXT_AA, TEXT_AAA, contrast_ratio
from timeline_app.model.layout import FILM_COLOR
from timeline_app.model.map_counts import NEUTRAL


def theme_colours() -> list[str]:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    try:
        colours = [row[0] for row in conn.execute("select color from themes where color is not null")]
    finally:
        conn.close()
    assert len(colours) >= 8
    return [*colours, FILM_COLOR, NEUTRAL]


@pytest.mark.parametrize("scheme", SCHEMES.values(), ids=list(SCHEMES))
def test_every_text_colour_of_every_scheme_reads_at_aa_and_high_contrast_at_aaa(scheme) -> None:
    needed = TEXT_AAA if scheme.high_contrast else TEXT_AA
    for what, (text, background) in scheme.text_pairs().items():
        assert contrast_ratio(text, background) >= needed, f"{scheme.name}: {what}"
    assert contrast_ratio(scheme.disabled_text, scheme.window) >= GRAPHIC_AA  # WCAG exempts it; we keep it legible


@pytest.mark.parametrize("scheme", SCHEMES.values(), ids=list(SCHEMES))
def test_focus_ring_and_selection_stand_out_at_3_to_1(scheme) -> None:
    for what, (mark, background) in scheme.graphic_pairs().items():
        assert contrast_ratio(mark, background) >= GRAPHIC_AA, f"{scheme.name}: {what}"


@pytest.mark.parametrize("scheme", SCHEMES.values(), ids=list(SCHEMES))
def test_every_theme_mark_has_an_outline_at_3_to_1_and_a_readable_label_on_its_bar(scheme) -> None:
    for colour in theme_colours():
        for background in (scheme.base, scheme.alternate_base):
            outline = mark_outline(colour, background)
            assert contrast_ratio(outline, background) >= GRAPHIC_AA, (scheme.name, colour, background)
            label = label_on_bar(colour, background)
            assert contrast_ratio(label, bar_fill(colour, background)) >= TEXT_AA, (scheme.name, colour)


def test_a_pale_theme_gets_a_darker_outline_on_light_and_a_lighter_one_on_dark() -> None:
    orange = "#E69F00"
    assert contrast_ratio(orange, LIGHT.base) < GRAPHIC_AA  # the very case: the fill alone would not do
    assert contrast_ratio(mark_outline(orange, LIGHT.base), LIGHT.base) >= GRAPHIC_AA
    purple = "#3b2a7a"  # a store of one's own may bring any colour
    assert contrast_ratio(purple, DARK.base) < GRAPHIC_AA
    assert contrast_ratio(mark_outline(purple, DARK.base), DARK.base) >= GRAPHIC_AA


def test_the_desktop_setting_picks_the_scheme() -> None:
    assert scheme_for(dark=False) is LIGHT and scheme_for(dark=True) is DARK
    assert scheme_for(dark=True, high_contrast=True).name == "high-contrast-dark"
    assert scheme_for(dark=False, high_contrast=True).name == "high-contrast-light"
    assert DARK.dark and not LIGHT.dark

"""WCAG contrast figures match the published ones, and nudged colours reach the level asked."""

from __future__ import annotations

import pytest

from timeline_app.model.contrast import (
    GRAPHIC_AA,
    TEXT_AA,
    blend,
    contrast_ratio,
    parse_hex,
    readable_on,
    relative_luminance,
    text_colour_on,
    to_hex,
)


def test_black_on_white_is_21_to_1_and_a_colour_on_itself_is_1() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)


@pytest.mark.parametrize(("first", "second", "ratio"), [
    ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
    ("#777777", "#ffffff", 4.48),
    ("#808080", "#ffffff", 3.95),
    ("#ff0000", "#ffffff", 4.00),
    ("#ff0000", "#000000", 5.25),
])
def test_ratios_match_the_published_figures(first: str, second: str, ratio: float) -> None:
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


def test_luminance_runs_from_black_to_white_and_weighs_green_most() -> None:
    assert relative_luminance("#000") == 0
    assert relative_luminance("#fff") == pytest.approx(1.0)
    assert relative_luminance("#00ff00") > relative_luminance("#ff0000") > relative_luminance("#0000ff")
    assert relative_luminance("#0a0a0a") == pytest.approx(10 / 255 / 12.92)  # the linear toe of sRGB


def test_hex_is_read_and_written_back_and_bad_colours_are_named() -> None:
    assert parse_hex("#56B4E9") == (0x56, 0xB4, 0xE9)
    assert to_hex((0x56, 0xB4, 0xE9)) == "#56b4e9"
    assert to_hex((300, -4, 12.6)) == "#ff000d"
    with pytest.raises(ValueError, match="'red'"):
        parse_hex("red")
    with pytest.raises(ValueError, match="'#12345g'"):
        parse_hex("#12345g")


def test_blend_mixes_by_opacity() -> None:
    assert blend("#ffffff", 1.0, "#000000") == "#ffffff"
    assert blend("#ffffff", 0.0, "#000000") == "#000000"
    assert blend("#ffffff", 0.5, "#000000") == "#808080"
    assert blend("#ff0000", 0.25, "#0000ff") == "#4000bf"


@pytest.mark.parametrize("background", ["#ffffff", "#f0f0f0", "#1e1e1e", "#000000"])
@pytest.mark.parametrize("colour", ["#e69f00", "#56b4e9", "#999999", "#0072b2", "#7a4a00", "#ffffff", "#000000"])
@pytest.mark.parametrize("minimum", [GRAPHIC_AA, TEXT_AA])
def test_readable_on_reaches_the_level_asked_or_gives_black_or_white(colour: str, background: str,
                                                                       minimum: float) -> None:
    nudged = readable_on(colour, background, minimum)
    assert contrast_ratio(nudged, background) >= minimum


def test_readable_on_keeps_a_colour_that_reads_and_changes_one_that_does_not_as_little_as_it_can() -> None:
    assert readable_on("#0072b2", "#ffffff", TEXT_AA) == "#0072b2"
    nudged = readable_on("#e69f00", "#ffffff", GRAPHIC_AA)
    assert nudged != "#e69f00"
    assert contrast_ratio(nudged, "#ffffff") < GRAPHIC_AA + 0.1  # no darker than it needs to be
    lighter = readable_on("#0072b2", "#000000", 7.0)
    assert relative_luminance(lighter) > relative_luminance("#0072b2")  # on black, towards white


def test_text_on_a_fill_picks_the_better_of_dark_and_light() -> None:
    assert text_colour_on("#ffe08a") == "#111111"
    assert text_colour_on("#0072b2") == "#ffffff"
    assert text_colour_on("#202020") == "#ffffff"

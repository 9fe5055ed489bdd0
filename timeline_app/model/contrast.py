"""WCAG 2 contrast: relative luminance, contrast ratios, and colours nudged until they read.

Colours are ``#rrggbb`` strings, so the core and its tests need no Qt. AA asks 4.5:1 for text and
3:1 for the marks and outlines a reader needs to see (WCAG 2.1, 1.4.3 and 1.4.11).
"""

from __future__ import annotations

TEXT_AA = 4.5
GRAPHIC_AA = 3.0
TEXT_AAA = 7.0

Rgb = tuple[int, int, int]


def parse_hex(colour: str) -> Rgb:
    """``#rrggbb`` (or ``#rgb``) as three 0-255 integers; anything else raises ValueError naming it."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a colour: {colour!r} (expected #rrggbb)")
    try:
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    except ValueError:
        raise ValueError(f"not a colour: {colour!r} (expected #rrggbb)") from None


def to_hex(rgb: Rgb) -> str:
    """Three 0-255 integers as ``#rrggbb``."""
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance: 0 for black, 1 for white."""
    r, g, b = parse_hex(colour)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white); order does not matter."""
    a, b = relative_luminance(first), relative_luminance(second)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def blend(colour: str, alpha: float, background: str) -> str:
    """What ``colour`` painted with opacity ``alpha`` (0-1) over ``background`` looks like."""
    top, bottom = parse_hex(colour), parse_hex(background)
    return to_hex(tuple(t * alpha + b * (1 - alpha) for t, b in zip(top, bottom, strict=True)))  # type: ignore[arg-type]


def readable_on(colour: str, background: str, minimum: float = TEXT_AA) -> str:
    """``colour`` itself if it reaches ``minimum`` against ``background``, else the least change of it that does.

    The colour is mixed towards black on a light background and towards white on a dark one,
    so its hue stays recognisable; if even black or white falls short, that is returned.
    """
    if contrast_ratio(colour, background) >= minimum:
        return colour
    target = "#000000" if relative_luminance(background) > 0.18 else "#ffffff"
    low, high = 0.0, 1.0  # how much of the colour is kept: the most that still reaches minimum
    for _ in range(20):
        middle = (low + high) / 2
        if contrast_ratio(blend(colour, middle, target), background) >= minimum:
            low = middle
        else:
            high = middle
    return blend(colour, low, target)


def text_colour_on(fill: str, dark: str = "#111111", light: str = "#ffffff") -> str:
    """Of ``dark`` and ``light`` text, the one that reads better on ``fill``."""
    return dark if contrast_ratio(dark, fill) >= contrast_ratio(light, fill) else light

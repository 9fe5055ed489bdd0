"""The window's colour schemes (light, dark and their high-contrast forms) and the colours of marks on them.

Plain ``#rrggbb`` values so that a core test can check every pair a reader depends on against
WCAG AA (:mod:`timeline_app.model.contrast`); the GUI turns a scheme into a Qt palette.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from timeline_app.model.contrast import GRAPHIC_AA, blend, readable_on, relative_luminance, text_colour_on

BAR_OPACITY = 215 / 255  # a period's bar is drawn this opaque over the background


@dataclass(frozen=True)
class ColorScheme:
    """One palette: each text colour is meant to be read on the background named beside it."""

    name: str
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    link_visited: str
    placeholder: str
    tooltip_base: str
    tooltip_text: str
    disabled_text: str
    high_contrast: bool = False

    @property
    def dark(self) -> bool:
        """Whether text is light on a dark background."""
        return relative_luminance(self.base) < 0.18

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (text, background) pair of the scheme, by a name for messages."""
        return {
            "text on base": (self.text, self.base),
            "text on alternate rows": (self.text, self.alternate_base),
            "window text": (self.window_text, self.window),
            "button text": (self.button_text, self.button),
            "selected text": (self.highlighted_text, self.highlight),
            "link": (self.link, self.base),
            "visited link": (self.link_visited, self.base),
            "placeholder": (self.placeholder, self.base),
            "tooltip": (self.tooltip_text, self.tooltip_base),
        }

    def graphic_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (mark, background) pair of the scheme that must stand out at 3:1."""
        # The highlight also draws the focus ring around the timeline, the map and the lists.
        return {"focus ring and selection on base": (self.highlight, self.base),
                "focus ring on window": (self.highlight, self.window)}


LIGHT = ColorScheme(
    name="light", window="#efefef", window_text="#1a1a1a", base="#ffffff", alternate_base="#f4f4f4",
    text="#1a1a1a", button="#e8e8e8", button_text="#1a1a1a", highlight="#1d65a6", highlighted_text="#ffffff",
    link="#0b57a4", link_visited="#6a3d9a", placeholder="#666666", tooltip_base="#ffffdc",
    tooltip_text="#1a1a1a", disabled_text="#767676",
)
DARK = ColorScheme(
    name="dark", window="#2b2b2b", window_text="#e8e8e8", base="#1e1e1e", alternate_base="#262626",
    text="#e8e8e8", button="#363636", button_text="#e8e8e8", highlight="#4d8fe0", highlighted_text="#000000",
    link="#8cb8ff", link_visited="#c9a6ff", placeholder="#a8a8a8", tooltip_base="#3a3a3a",
    tooltip_text="#f0f0f0", disabled_text="#9a9a9a",
)
HIGH_CONTRAST_LIGHT = ColorScheme(
    name="high-contrast-light", window="#ffffff", window_text="#000000", base="#ffffff", alternate_base="#f0f0f0",
    text="#000000", button="#ffffff", button_text="#000000", highlight="#00007a", highlighted_text="#ffffff",
    link="#00007a", link_visited="#4b0082", placeholder="#3a3a3a", tooltip_base="#ffffff",
    tooltip_text="#000000", disabled_text="#4a4a4a", high_contrast=True,
)
HIGH_CONTRAST_DARK = ColorScheme(
    name="high-contrast-dark", window="#000000", window_text="#ffffff", base="#000000", alternate_base="#141414",
    text="#ffffff", button="#000000", button_text="#ffffff", highlight="#ffff00", highlighted_text="#000000",
    link="#00ffff", link_visited="#ff80ff", placeholder="#d0d0d0", tooltip_base="#000000",
    tooltip_text="#ffffff", disabled_text="#c0c0c0", high_contrast=True,
)
SCHEMES = {s.name: s for s in (LIGHT, DARK, HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK)}


def scheme_for(dark: bool, high_contrast: bool = False) -> ColorScheme:
    """The scheme for a light or dark desktop, in its high-contrast form if asked."""
    if high_contrast:
        return HIGH_CONTRAST_DARK if dark else HIGH_CONTRAST_LIGHT
    return DARK if dark else LIGHT


@lru_cache(maxsize=4096)  # asked for every lane at every change of lanes; a few themes' colours
def mark_outline(colour: str, background: str, minimum: float = GRAPHIC_AA) -> str:
    """The outline of a mark of ``colour``: a darker (on dark backgrounds, lighter) shade that reaches ``minimum``.

    A pale theme colour (yellow on white) would vanish; its outline keeps the mark's shape visible.
    """
    light_background = relative_luminance(background) >= 0.18
    start = blend(colour, 2 / 3, "#000000") if light_background else colour
    return readable_on(start, background, minimum)


def bar_fill(colour: str, background: str) -> str:
    """The colour a period's bar shows (drawn slightly see-through) on ``background``."""
    return blend(colour, BAR_OPACITY, background)


@lru_cache(maxsize=4096)
def label_on_bar(colour: str, background: str) -> str:
    """Black or white: whichever reads better on a bar of ``colour`` (at least 4.58:1 on any colour)."""
    return text_colour_on(bar_fill(colour, background), dark="#000000", light="#ffffff")

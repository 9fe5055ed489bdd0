"""Follow the desktop's light or dark scheme and its high-contrast setting with palettes that meet WCAG AA.

The platform's own palette is kept when it is already legible and of the wanted darkness (a
desktop theme knows best); otherwise the matching :class:`ColorScheme` of the core is applied.
``TIMELINE_APP_COLORS`` (light, dark, high-contrast, high-contrast-dark) overrides the desktop.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from timeline_app.model.color_schemes import SCHEMES, ColorScheme, scheme_for
from timeline_app.model.contrast import TEXT_AA, contrast_ratio

COLORS_ENV = "TIMELINE_APP_COLORS"
CHOICES = ("system", "light", "dark", "high-contrast", "high-contrast-dark")
_Role = QPalette.ColorRole


def wanted_scheme(app: QGuiApplication, choice: str | None = None) -> ColorScheme:
    """The scheme asked for by ``choice`` (default: $TIMELINE_APP_COLORS, else the desktop's settings)."""
    choice = (choice or os.environ.get(COLORS_ENV) or "system").strip().lower()
    hints = app.styleHints()
    desktop_dark = hints.colorScheme() == Qt.ColorScheme.Dark
    desktop_high = hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    if choice == "high-contrast":
        return scheme_for(desktop_dark, high_contrast=True)
    if choice == "high-contrast-dark":
        return SCHEMES["high-contrast-dark"]
    if choice in ("light", "dark"):
        return scheme_for(choice == "dark", high_contrast=desktop_high)
    return scheme_for(desktop_dark, high_contrast=desktop_high)


def palette_is_legible(palette: QPalette) -> bool:
    """Whether the palette's text, selected text and placeholder text read at AA on their backgrounds."""
    pairs = ((_Role.Text, _Role.Base), (_Role.WindowText, _Role.Window), (_Role.HighlightedText, _Role.Highlight),
             (_Role.PlaceholderText, _Role.Base), (_Role.ButtonText, _Role.Button))
    return all(contrast_ratio(palette.color(a).name(), palette.color(b).name()) >= TEXT_AA for a, b in pairs)


def palette_of(scheme: ColorScheme) -> QPalette:
    """A Qt palette with every role the window uses set from ``scheme``."""
    palette = QPalette()
    roles = {
        _Role.Window: scheme.window, _Role.WindowText: scheme.window_text, _Role.Base: scheme.base,
        _Role.AlternateBase: scheme.alternate_base, _Role.Text: scheme.text, _Role.Button: scheme.button,
        _Role.ButtonText: scheme.button_text, _Role.Highlight: scheme.highlight,
        _Role.HighlightedText: scheme.highlighted_text, _Role.Link: scheme.link, _Role.LinkVisited: scheme.link_visited,
        _Role.PlaceholderText: scheme.placeholder, _Role.ToolTipBase: scheme.tooltip_base,
        _Role.ToolTipText: scheme.tooltip_text, _Role.BrightText: scheme.highlighted_text,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (_Role.Text, _Role.WindowText, _Role.ButtonText):
        palette.setColor(disabled, role, QColor(scheme.disabled_text))
    # Lines and bevels Fusion draws from these: a high-contrast scheme wants them at full strength.
    edge = QColor(scheme.text if scheme.high_contrast else ("#6a6a6a" if scheme.dark else "#a0a0a0"))
    for role in (_Role.Mid, _Role.Dark, _Role.Shadow):
        palette.setColor(role, edge)
    palette.setColor(_Role.Light, QColor(scheme.window if not scheme.dark else "#4a4a4a"))
    palette.setColor(_Role.Midlight, QColor(scheme.button))
    return palette


class ColorSchemeFollower(QObject):
    """Applies the wanted scheme now and again whenever the desktop's scheme or contrast setting changes."""

    def __init__(self, app: QGuiApplication, choice: str | None = None) -> None:
        super().__init__(app)
        self.app, self.choice = app, choice
        self.platform_palette = QPalette(app.palette())
        self.scheme: ColorScheme | None = None
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: self.apply())
        hints.accessibility().contrastPreferenceChanged.connect(lambda _preference: self.apply())
        self.apply()

    def apply(self) -> ColorScheme:
        """Set the palette for the wanted scheme; return the scheme."""
        scheme = wanted_scheme(self.app, self.choice)
        platform = self.platform_palette
        platform_dark = platform.color(_Role.Base).lightness() < 128
        keep = (not scheme.high_contrast and platform_dark == scheme.dark and palette_is_legible(platform)
                and (self.choice or os.environ.get(COLORS_ENV) or "system") == "system")
        self.app.setPalette(platform if keep else palette_of(scheme))
        self.scheme = scheme
        return scheme


def follow_color_scheme(app: QGuiApplication, choice: str | None = None) -> ColorSchemeFollower:
    """Start following the desktop's scheme (or ``choice``) for the life of ``app``."""
    return ColorSchemeFollower(app, choice)

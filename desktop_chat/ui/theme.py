"""The transcript's colours, derived from the widget's palette so light and dark both work.

Nothing here hard-codes black on white: text takes the palette's own colour (formats leave
it unset), and every other colour is the palette's, or a blend of two of its colours. Only
the accent and the error red are fixed, in a light and a dark variant.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QWidget

_ACCENT = {False: "#b5532f", True: "#e08a68"}
AA_TEXT = 4.5  # WCAG 2 AA: the least contrast for text of normal size
_ERROR = {False: "#c62828", True: "#ef6b6b"}
# Pygments styles drawn on the code background of each variant.
_CODE_STYLE = {False: "default", True: "github-dark"}


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: QColor, background: QColor, minimum: float = AA_TEXT) -> QColor:
    """``colour``, or the nearest colour towards black or white (whichever ``background``
    is farther from) that has ``minimum`` contrast on ``background``."""
    if contrast(colour, background) >= minimum:
        return colour
    end = QColor("#000000") if _luminance(background) > 0.18 else QColor("#ffffff")
    for step in range(1, 21):
        moved = blend(colour, end, step / 20)
        if contrast(moved, background) >= minimum:
            return moved
    return end


def readable_background(text: QColor, background: QColor, minimum: float = AA_TEXT) -> QColor:
    """``background``, or it darkened (under light text) or lightened until ``text`` on it
    has ``minimum`` contrast (a selection colour under its text, say)."""
    if contrast(text, background) >= minimum:
        return background
    end = QColor("#000000") if _luminance(text) > 0.18 else QColor("#ffffff")
    for step in range(1, 21):
        moved = blend(background, end, step / 20)
        if contrast(text, moved) >= minimum:
            return moved
    return end


def readable_selection(widget: QWidget) -> None:
    """Give ``widget`` a selection colour its selected text is readable on (AA); styles draw
    selected rows in the palette's highlight, which is often too light under white text."""
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        palette.setColor(group, QPalette.ColorRole.Highlight, readable_background(text, highlight))
    widget.setPalette(palette)


@dataclass(frozen=True)
class Theme:
    """Colours and fonts of the transcript.

    Attributes:
        dark: the palette is dark (light text on a dark base).
        dim: notes, labels and the "Copy" links.
        accent: the assistant's name.
        link: links in replies.
        error: error notes.
        code_background: fenced code blocks and inline code.
        code_border: the frame around a fenced code block.
        code_style: the Pygments style for syntax highlighting.
        code_family: the monospace font family.
    """

    dark: bool
    dim: QColor
    accent: QColor
    link: QColor
    error: QColor
    code_background: QColor
    code_border: QColor
    code_style: str
    code_family: str

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < text.lightness()
        link = palette.color(QPalette.ColorRole.Link)
        if dark and link.lightness() < 170:  # dark palettes often keep a mid blue: lift it
            link = blend(link, QColor("#ffffff"), 0.45)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_background = blend(base, text, 0.07 if dark else 0.045)
        return cls(
            dark=dark,
            # Dim text is drawn on code blocks too (their "Copy" link): readable on both.
            dim=readable(blend(text, base, 0.45), code_background),
            accent=readable(QColor(_ACCENT[dark]), base),
            link=readable(link, base),
            error=readable(QColor(_ERROR[dark]), base),
            code_background=code_background,
            code_border=blend(base, text, 0.25),
            code_style=_CODE_STYLE[dark],
            code_family=fixed.family() if fixed.fixedPitch() else "monospace",
        )

    def code_format(self) -> QTextCharFormat:
        """The character format of code: the monospace family, the palette's text colour."""
        fmt = QTextCharFormat()
        fmt.setFontFamilies([self.code_family, "monospace"])
        fmt.setFontFixedPitch(True)
        return fmt


# The app's own dark palette, for a platform that cannot switch (a bare X session, a
# desktop without a platform theme): Adwaita's dark colours.
_DARK_ROLES = {
    QPalette.ColorRole.Window: "#242424",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#303030",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#383838",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Highlight: "#1c5fb0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#78aeed",
    QPalette.ColorRole.LinkVisited: "#c0a0f0",
    QPalette.ColorRole.Light: "#454545",
    QPalette.ColorRole.Midlight: "#3a3a3a",
    QPalette.ColorRole.Mid: "#2e2e2e",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
}
_DISABLED_TEXT = "#8a8a8a"


def dark_palette() -> QPalette:
    """The app's dark palette (used where the platform does not follow the colour scheme)."""
    palette = QPalette()
    for role, colour in _DARK_ROLES.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT))
    return palette


def apply_theme(theme: str) -> None:
    """Light, dark, or whatever the system uses (the settings' ``theme``).

    The platform is asked first; where it cannot switch (its colour scheme stays what it
    was), the app sets a palette of its own: dark, or the style's standard light one.
    """
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        theme, Qt.ColorScheme.Unknown
    )
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(scheme)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if scheme is Qt.ColorScheme.Unknown or hints.colorScheme() is scheme:
        app.setPalette(QPalette())  # the platform's own (it follows the scheme asked for)
    elif scheme is Qt.ColorScheme.Dark:
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())

"""Text in both themes meets WCAG 2 AA (4.5:1): the transcript's colours and the list rows'
(plain, selected, selected with focus), on Qt's light palette and on common dark ones.

``python tests/ui/test_contrast.py`` prints the figures."""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyleOptionViewItem

from desktop_chat.ui import theme
from desktop_chat.ui.row_painting import RowColours
from desktop_chat.ui.theme import AA_TEXT, Theme, contrast

# Dark palettes as desktops ship them: (base, text, window, highlight, highlighted text, link)
DARK = {
    "Adwaita dark": ("#1e1e1e", "#ffffff", "#242424", "#3584e4", "#ffffff", "#78aeed"),
    "Breeze dark": ("#1b1e20", "#fcfcfc", "#2a2e32", "#3daee9", "#fcfcfc", "#1d99f3"),
    "Windows dark": ("#202020", "#ffffff", "#2b2b2b", "#0078d4", "#ffffff", "#4cc2ff"),
}


def dark_palette(name: str) -> QPalette:
    base, text, window, highlight, highlighted, link = (QColor(c) for c in DARK[name])
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Highlight, highlight),
        (QPalette.ColorRole.HighlightedText, highlighted),
        (QPalette.ColorRole.Link, link),
    ):
        palette.setColor(role, colour)
    return palette


def palettes(app: Any) -> dict[str, QPalette]:
    return (
        {"light (Fusion)": app.style().standardPalette()}
        | {name: dark_palette(name) for name in DARK}
        | {"the app's own dark": theme.dark_palette()}
    )


def figures(palette: QPalette) -> dict[str, float]:
    """Every text colour the app chooses, against what it is drawn on."""
    theme = Theme.from_palette(palette)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    found = {
        "transcript text": contrast(text, base),
        "notes and labels (dim)": contrast(theme.dim, base),
        "author name (accent)": contrast(theme.accent, base),
        "links": contrast(theme.link, base),
        "errors": contrast(theme.error, base),
        "code": contrast(text, theme.code_background),
        "dim text in code": contrast(theme.dim, theme.code_background),
    }
    view = QListView()
    for state, flags in (
        ("row", QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Active),
        ("selected row", QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Selected),
    ):
        option = QStyleOptionViewItem()
        option.palette = palette
        option.state = flags
        option.widget = view
        colours = RowColours(option)
        behind = colours.background or base
        found[f"{state} text"] = contrast(colours.text, behind)
        found[f"{state} date (dim)"] = contrast(colours.dim, behind)
    view.setFocus()
    return found


def focused_selection(palette: QPalette, qtbot: Any) -> dict[str, float]:
    view = QListView()
    qtbot.addWidget(view)
    view.show()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    option = QStyleOptionViewItem()
    option.palette = palette
    option.state = (
        QStyle.StateFlag.State_Enabled
        | QStyle.StateFlag.State_Active
        | QStyle.StateFlag.State_Selected
    )
    option.widget = view
    colours = RowColours(option)
    assert colours.background is not None
    return {
        "focused selection text": contrast(colours.text, colours.background),
        "focused selection date (dim)": contrast(colours.dim, colours.background),
    }


@pytest.mark.parametrize("name", ["light (Fusion)", *DARK, "the app's own dark"])
def test_every_text_colour_meets_wcag_aa(qapp: Any, qtbot: Any, name: str) -> None:
    palette = palettes(qapp)[name]
    found = figures(palette) | focused_selection(palette, qtbot)
    below = {what: round(ratio, 2) for what, ratio in found.items() if ratio < AA_TEXT}
    assert below == {}


def test_the_check_fails_for_a_colour_too_faint() -> None:
    assert contrast(QColor("#c15f3c"), QColor("#ffffff")) < AA_TEXT  # the old accent
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)


if __name__ == "__main__":  # the figures, for the record
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    for palette_name, palette in palettes(app).items():
        print(palette_name)
        for what, ratio in figures(palette).items():
            print(f"  {what:32s} {ratio:5.2f}:1")


@pytest.mark.parametrize("name", ["light (Fusion)", *DARK, "the app's own dark"])
def test_a_list_selection_drawn_by_the_style_is_readable(qapp: Any, name: str) -> None:
    """The command palette's rows are drawn by the style, in the palette's highlight."""
    from PySide6.QtWidgets import QListWidget

    from desktop_chat.ui.theme import readable_selection

    view = QListWidget()
    view.setPalette(palettes(qapp)[name])
    readable_selection(view)
    palette = view.palette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    highlight = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert contrast(text, highlight) >= AA_TEXT

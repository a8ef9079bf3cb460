"""The transcript's scroll bars, drawn flat.

While a reply streams, every frame changes the transcript's length, so Qt repaints its scroll
bar every frame. Qt's Fusion style (the one a desktop without a Qt theme gets) draws a scroll
bar with gradients, through its thread pool: 1.6 ms of CPU per repaint, more than half of what
painting the text costs. :class:`FlatScrollBarStyle` draws the same bar (same size, same parts
where the pointer finds them) as two flat shapes: a groove in the palette's base colour and a
rounded handle with at least 3:1 contrast on it (WCAG 2 non-text contrast), the arrows as the
style's own arrow glyphs. A style, not a style sheet: style sheets are looked up again at
each of the bar's many changes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

from desktop_chat.ui.theme import blend, readable

NON_TEXT_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: the least contrast for parts of a control


def scroll_bar_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """The groove, the handle, and the handle under the pointer or held."""
    base = palette.color(QPalette.ColorRole.Base).rgba()
    text = palette.color(QPalette.ColorRole.Text).rgba()
    groove, handle, active = _colours(base, text)
    return QColor.fromRgba(groove), QColor.fromRgba(handle), QColor.fromRgba(active)


@cache
def _colours(base: int, text: int) -> tuple[int, int, int]:
    """``scroll_bar_colours`` as RGBA numbers, worked out once per palette (a bar is painted
    at every frame of a reply)."""
    groove, ink = QColor.fromRgba(base), QColor.fromRgba(text)
    handle = readable(blend(groove, ink, 0.35), groove, NON_TEXT_CONTRAST)
    active = readable(blend(groove, ink, 0.55), groove, NON_TEXT_CONTRAST)
    return groove.rgba(), handle.rgba(), active.rgba()


class FlatScrollBarStyle(QProxyStyle):
    """The application's style, with scroll bars drawn flat (see the module's text)."""

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            control != QStyle.ComplexControl.CC_ScrollBar
            or not isinstance(option, QStyleOptionSlider)
            or widget is None
        ):
            super().drawComplexControl(control, option, painter, widget)
            return
        groove, handle, active = scroll_bar_colours(option.palette)
        painter.fillRect(option.rect, groove)
        slider = self.subControlRect(control, option, QStyle.SubControl.SC_ScrollBarSlider, widget)
        if option.maximum > option.minimum and slider.isValid():
            held = option.activeSubControls & QStyle.SubControl.SC_ScrollBarSlider
            hovered = option.state & QStyle.StateFlag.State_MouseOver and held
            pressed = option.state & QStyle.StateFlag.State_Sunken and held
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(active if hovered or pressed else handle)
            shape = QRectF(slider).adjusted(2, 2, -2, -2)
            radius = min(shape.width(), shape.height()) / 2.5
            painter.drawRoundedRect(shape, radius, radius)
            painter.restore()
        vertical = option.orientation == Qt.Orientation.Vertical
        for part, arrow in (
            (
                QStyle.SubControl.SC_ScrollBarSubLine,
                QStyle.PrimitiveElement.PE_IndicatorArrowUp
                if vertical
                else QStyle.PrimitiveElement.PE_IndicatorArrowLeft,
            ),
            (
                QStyle.SubControl.SC_ScrollBarAddLine,
                QStyle.PrimitiveElement.PE_IndicatorArrowDown
                if vertical
                else QStyle.PrimitiveElement.PE_IndicatorArrowRight,
            ),
        ):
            rect = self.subControlRect(control, option, part, widget)
            if rect.isValid() and not rect.isEmpty():
                glyph = QStyleOption(option)
                glyph.rect = rect.adjusted(3, 3, -3, -3)
                self.drawPrimitive(arrow, glyph, painter, widget)


def style_scroll_bars(area: QAbstractScrollArea) -> None:
    """Draw ``area``'s scroll bars flat (with the colours of the palette at each paint)."""
    for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
        if not isinstance(bar.style(), FlatScrollBarStyle):
            style = FlatScrollBarStyle(QApplication.style().name())  # its sizes, its arrows
            style.setParent(bar)  # lives as long as the bar
            bar.setStyle(style)

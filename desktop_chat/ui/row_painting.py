"""Painting a list row as plain text: its colours, and pieces of text with formats.

Nothing here renders markup: a ``<script>`` in a title is just text (``QPainter.drawText``,
``QTextLayout`` with format ranges for the matches).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QPointF,
    QRect,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_chat.ui.conversation_models import ModelIndex
from desktop_chat.ui.theme import readable, readable_background

PAD_X = 8
PAD_Y = 6
ELLIPSIS = "…"


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: the positions QTextLayout counts in."""
    return len(text.encode("utf-16-le")) // 2


class RowColours:
    """The colours of one row, from the palette and its state; paints its background.

    The selection is the palette's highlight while the list has focus and a tint of it
    otherwise, so where the keyboard is stays visible.
    """

    def __init__(self, option: QStyleOptionViewItem) -> None:
        state = option.state
        palette = option.palette
        if not state & QStyle.StateFlag.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        elif not state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Inactive
        else:
            group = QPalette.ColorGroup.Active
        view = option.widget
        self.focused = isinstance(view, QWidget) and view.hasFocus()
        self.selected = bool(state & QStyle.StateFlag.State_Selected)
        self.current = bool(state & QStyle.StateFlag.State_HasFocus)
        base = palette.color(group, QPalette.ColorRole.Base)
        text = palette.color(group, QPalette.ColorRole.Text)
        self.highlight = palette.color(group, QPalette.ColorRole.Highlight)
        self.background: QColor | None = None
        self.text = text
        if self.selected and self.focused:
            self.text = palette.color(group, QPalette.ColorRole.HighlightedText)
            self.background = readable_background(self.text, self.highlight)
        elif self.selected:
            self.background = blend(base, self.highlight, 0.3)
        elif state & QStyle.StateFlag.State_MouseOver:
            self.background = blend(base, text, 0.06)
        behind = self.background or base
        self.dim = readable(blend(self.text, behind, 0.42), behind)
        # Matches on a strong selection are bold and underlined; elsewhere also tinted.
        self.match: QColor | None = (
            None if self.selected and self.focused else blend(base, self.highlight, 0.38)
        )

    def paint_background(self, painter: QPainter, rect: QRect) -> None:
        if self.background is not None:
            painter.fillRect(rect, self.background)
        if self.focused and self.current and not self.selected:
            painter.setPen(QPen(self.highlight))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))


def styled_option(
    option: QStyleOptionViewItem, index: ModelIndex, delegate: QStyledItemDelegate
) -> Any:
    """A copy of ``option`` filled in for ``index``. Keep it in a variable while using its
    fields: PySide6 hands out ``opt.rect`` as a view into it, which dangles (and crashes)
    once a temporary ``styled_option(...)`` is collected."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    return opt


def draw_pieces(
    painter: QPainter,
    origin: QPointF,
    width: float,
    pieces: list[tuple[str, QTextCharFormat | None]],
    font: QFont,
    max_lines: int,
    colour: QColor,
) -> float:
    """Lay out plain-text pieces (each with an optional format) in at most ``max_lines``
    lines of ``width``, with an ellipsis if cut; draw them; return the height used."""
    text = "".join(piece for piece, _ in pieces)
    ranges: list[QTextLayout.FormatRange] = []
    position = 0
    for piece, fmt in pieces:
        length = utf16_len(piece)
        if fmt is not None and length:
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = position, length, fmt
            ranges.append(span)
        position += length
    layout = QTextLayout(text, font)
    text_option = QTextOption()
    text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(text_option)
    layout.setFormats(ranges)
    ellipsis_width = QFontMetricsF(font).horizontalAdvance(ELLIPSIS)
    height = 0.0
    last = None
    cut = False
    layout.beginLayout()
    for number in range(max_lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        if number == max_lines - 1 and line.textStart() + line.textLength() < position:
            line.setLineWidth(max(0.0, width - ellipsis_width))
            cut = True
        line.setPosition(QPointF(0.0, height))
        height += line.height()
        last = line
    layout.endLayout()
    painter.setPen(colour)
    layout.draw(painter, origin)
    if cut and last is not None:
        painter.setFont(font)
        end = QPointF(origin.x() + last.naturalTextWidth(), origin.y() + last.y() + last.ascent())
        painter.drawText(end, ELLIPSIS)
    return height or QFontMetricsF(font).height()

"""The sidebar's two row delegates: a conversation (title and date) and a search hit."""

from __future__ import annotations

from PySide6.QtCore import (
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.store import SearchHit
from desktop_chat.ui.conversation_models import (
    DATE_ROLE,
    HIT_ROLE,
    ROLE_LABELS,
    UNTITLED,
    ModelIndex,
    one_line,
)
from desktop_chat.ui.row_painting import (
    ELLIPSIS,
    PAD_X,
    PAD_Y,
    RowColours,
    draw_pieces,
    styled_option,
)


class ConversationDelegate(QStyledItemDelegate):
    """A conversation row: its title (elided) on the left, its date dimmed on the right.

    Renaming edits the title in a framed line edit over the row.
    """

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setFrame(True)
            editor.setAccessibleName(translate("ConversationDelegates", "Conversation title"))
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        rect: QRect = option.rect  # type: ignore[attr-defined]
        editor.setGeometry(rect.adjusted(PAD_X - 4, 1, -PAD_X + 4, -1))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = styled_option(option, index, self)
        rect: QRect = opt.rect
        colours = RowColours(opt)
        painter.save()
        colours.paint_background(painter, rect)
        font: QFont = opt.font
        metrics = QFontMetricsF(font)
        inner = rect.adjusted(PAD_X, 0, -PAD_X, 0)
        date = str(index.data(DATE_ROLE) or "")
        date_width = metrics.horizontalAdvance(date)
        painter.setFont(font)
        painter.setPen(colours.dim)
        middle = int(Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(inner, middle | int(Qt.AlignmentFlag.AlignRight), date)
        title_width = max(0.0, inner.width() - date_width - (PAD_X if date else 0))
        title = metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            title_width,
        )
        painter.setPen(colours.text)
        title_rect = QRect(inner.left(), inner.top(), int(title_width), inner.height())
        painter.drawText(title_rect, middle | int(Qt.AlignmentFlag.AlignLeft), title)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        opt = styled_option(option, index, self)
        metrics = QFontMetricsF(opt.font)
        return QSize(200, round(metrics.height()) + 2 * PAD_Y + 4)


def hit_lines(hit: SearchHit) -> tuple[list[tuple[str, bool]], list[tuple[str, str]]]:
    """What a hit row shows, as plain text: the title as ``(text, is_match)`` pieces, and
    the line under it as ``(text, kind)`` pieces, kind being "label", "match" or "text".

    A message hit has its matches in the snippet, after the author's name; a title hit, in
    the title (started nearer its first match when that is far in), over "Title".
    """
    if hit.message_id is None:
        title = _near_first_match([(one_line(text), match) for text, match in hit.spans()])
        return title, [(translate("ConversationDelegates", "Title"), "label")]
    title = [(one_line(hit.conversation_title).strip() or UNTITLED, False)]
    label = ROLE_LABELS.get(hit.role or "", hit.role or "")
    second: list[tuple[str, str]] = [(f"{label}: ", "label")] if label else []
    second += [(one_line(text), "match" if match else "text") for text, match in hit.spans()]
    return title, second


_LEAD_MAX = 40  # characters before the first match that a title keeps whole
_LEAD_KEPT = 20  # ... and how many of them it keeps when it cuts


def _near_first_match(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Cut a long lead-in before the first match to "…" and its last words."""
    if not pieces or pieces[0][1] or len(pieces) == 1 or len(pieces[0][0]) <= _LEAD_MAX:
        return pieces
    lead = pieces[0][0][-_LEAD_KEPT:]
    space = lead.find(" ")
    if 0 <= space < len(lead) - 1:
        lead = lead[space + 1 :]
    return [(ELLIPSIS + lead, False), *pieces[1:]]


class SearchHitDelegate(QStyledItemDelegate):
    """A hit: the conversation title on one line, then up to two lines of the snippet with
    the matches in bold on a highlight tint; or, for a title hit, the title on up to two
    lines over a dim "Title". Drawn with QTextLayout: never markup."""

    SNIPPET_LINES = 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        opt = styled_option(option, index, self)
        rect: QRect = opt.rect
        colours = RowColours(opt)
        painter.save()
        colours.paint_background(painter, rect)
        font: QFont = opt.font
        bold = QFont(font)
        bold.setBold(True)
        match = QTextCharFormat()
        match.setFontWeight(QFont.Weight.Bold)
        if colours.match is None:
            match.setFontUnderline(True)
        else:
            match.setBackground(QBrush(colours.match))
        label = QTextCharFormat()
        label.setForeground(QBrush(colours.dim))
        title, second = hit_lines(hit)
        title_lines = 1 if hit.message_id else self.SNIPPET_LINES  # a title hit: the title
        width = float(rect.width() - 2 * PAD_X)
        x = float(rect.left() + PAD_X)
        y = float(rect.top() + PAD_Y)
        title_match = QTextCharFormat(match)
        title_match.clearProperty(QTextCharFormat.Property.FontWeight)  # already bold
        y += draw_pieces(
            painter,
            QPointF(x, y),
            width,
            [(text, title_match if is_match else None) for text, is_match in title],
            bold,
            title_lines,
            colours.text,
        )
        formats = {"label": label, "match": match, "text": None}
        draw_pieces(
            painter,
            QPointF(x, y + 2),
            width,
            [(text, formats[kind]) for text, kind in second],
            font,
            self.SNIPPET_LINES,
            colours.text,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        opt = styled_option(option, index, self)
        font: QFont = opt.font
        bold = QFont(font)
        bold.setBold(True)
        lines = QFontMetricsF(bold).height() + self.SNIPPET_LINES * QFontMetricsF(font).height()
        return QSize(200, round(lines) + 2 * PAD_Y + 2)

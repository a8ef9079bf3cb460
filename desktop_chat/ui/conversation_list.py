"""The sidebar's two lists: conversations (paged from the store) and search hits.

Nothing here renders markup: titles and snippets are user data, so they are painted as
plain text (``QPainter.drawText``, ``QTextLayout`` with format ranges for the matches) and
a ``<script>`` in a title is just text. Tooltips, which Qt renders as rich text when they
look like HTML, are escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
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
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_chat.core.store import ConversationSummary, SearchHit, Store, StoreError

ModelIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # str: the conversation id
DATE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # str: "Today 14:02", "Yesterday", "12 Mar"
HIT_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # SearchHit

UNTITLED = "Untitled"
ROLE_LABELS = {"user": "You", "assistant": "Claude"}

_PAD_X = 8
_PAD_Y = 6
_ELLIPSIS = "…"
# Line breaks, tabs and control characters in a title or snippet: one space on a one-line row.
_BLANKS = re.compile(r"[\s\x00-\x1f\x7f]+")


def one_line(text: str) -> str:
    """``text`` with each run of whitespace or control characters made one space."""
    return _BLANKS.sub(" ", text)


def relative_date(timestamp: float, now: float | None = None) -> str:
    """A short date for the list: "Today 14:02", "Yesterday", "12 Mar", "12 Mar 2023"."""
    when = datetime.fromtimestamp(timestamp)
    today = (datetime.now() if now is None else datetime.fromtimestamp(now)).date()
    locale = QLocale()
    if when.date() == today:
        clock = locale.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
        return f"Today {clock}"
    if when.date() == today - timedelta(days=1):
        return "Yesterday"
    day = QDate(when.year, when.month, when.day)
    return locale.toString(day, "d MMM" if when.year == today.year else "d MMM yyyy")


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip that shows it verbatim (Qt guesses at rich text otherwise)."""
    return f"<p>{html.escape(text)}</p>"


# -- models ---------------------------------------------------------------------------------


class ConversationListModel(QAbstractListModel):
    """The conversations not in the trash, most recently updated first, read in pages.

    ``canFetchMore``/``fetchMore`` let the view ask for the next page when it scrolls to
    the end, so a list of 10,000 costs one page to show. Titles are editable: setting one
    renames the conversation in the store (an empty title is refused).

    Signals:
        renamed(str, str): a conversation (id) was renamed to a title.
        error(str): the store failed; the message is for the user.
    """

    renamed = Signal(str, str)
    error = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None, page_size: int = 100) -> None:
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self._rows: list[ConversationSummary] = []
        self._exhausted = False

    # -- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read again as many rows as were loaded (at least a page)."""
        wanted = max(self.page_size, len(self._rows))
        try:
            rows = self.store.list_conversations(limit=wanted)
        except StoreError as exc:
            self.error.emit(str(exc))
            return
        self.beginResetModel()
        self._rows = rows
        self._exhausted = len(rows) < wanted
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        try:
            page = self.store.list_conversations(limit=self.page_size, offset=len(self._rows))
        except StoreError as exc:
            self._exhausted = True  # or the view asks again at once, and again
            self.error.emit(str(exc))
            return
        self._exhausted = len(page) < self.page_size
        # A conversation updated since the last page moved up: it is already listed.
        known = {row.id for row in self._rows}
        page = [row for row in page if row.id not in known]
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def find(self, conversation_id: str, fetch_limit: int = 1000) -> int | None:
        """The row of a conversation, reading more pages until ``fetch_limit`` rows."""
        start = 0
        while True:
            for row in range(start, len(self._rows)):
                if self._rows[row].id == conversation_id:
                    return row
            start = len(self._rows)
            if start >= fetch_limit or not self.canFetchMore():
                return None
            self.fetchMore()

    def summary(self, row: int) -> ConversationSummary:
        return self._rows[row]

    # -- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(summary.title).strip() or UNTITLED
        if role == Qt.ItemDataRole.EditRole:
            return summary.title
        if role == ID_ROLE:
            return summary.id
        if role == DATE_ROLE:
            return relative_date(summary.updated_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(summary.title or UNTITLED)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = one_line(summary.title).strip() or UNTITLED
            return f"{title}, {relative_date(summary.updated_at)}"
        return None

    def setData(
        self,
        index: ModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """Rename the conversation; an empty (or unchanged) title changes nothing."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        old = self._rows[index.row()]
        title = one_line(str(value)).strip()
        if not title or title == old.title:
            return False
        try:
            self.store.rename(old.id, title)
        except StoreError as exc:
            self.error.emit(str(exc))
            return False
        self._rows[index.row()] = replace(old, title=title)
        self.dataChanged.emit(index, index)
        self.renamed.emit(old.id, title)
        return True

    def remove(self, row: int) -> None:
        """Drop a row that left the store's list (it was deleted)."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()


class SearchResultsModel(QAbstractListModel):
    """Search hits, in the store's order: title hits, then messages, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        title = one_line(hit.conversation_title).strip() or UNTITLED
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == HIT_ROLE:
            return hit
        if role == ID_ROLE:
            return hit.conversation_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(hit.conversation_title or UNTITLED)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            snippet = one_line("".join(text for text, _ in hit.spans()))
            where = "title" if hit.message_id is None else ROLE_LABELS.get(hit.role or "", "")
            return f"{title}; {where}: {snippet}"
        return None


# -- painting -------------------------------------------------------------------------------


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units: the positions QTextLayout counts in."""
    return len(text.encode("utf-16-le")) // 2


class _RowColours:
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
            self.background = self.highlight
            self.text = palette.color(group, QPalette.ColorRole.HighlightedText)
        elif self.selected:
            self.background = _blend(base, self.highlight, 0.3)
        elif state & QStyle.StateFlag.State_MouseOver:
            self.background = _blend(base, text, 0.06)
        behind = self.background or base
        self.dim = _blend(self.text, behind, 0.42)
        # Matches on a strong selection are bold and underlined; elsewhere also tinted.
        self.match: QColor | None = (
            None if self.selected and self.focused else _blend(base, self.highlight, 0.38)
        )

    def paint_background(self, painter: QPainter, rect: QRect) -> None:
        if self.background is not None:
            painter.fillRect(rect, self.background)
        if self.focused and self.current and not self.selected:
            painter.setPen(QPen(self.highlight))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))


def _option(option: QStyleOptionViewItem, index: ModelIndex, delegate: QStyledItemDelegate) -> Any:
    """A copy of ``option`` filled in for ``index``. Keep it in a variable while using its
    fields: PySide6 hands out ``opt.rect`` as a view into it, which dangles (and crashes)
    once a temporary ``_option(...)`` is collected."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    return opt


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
            editor.setAccessibleName("Conversation title")
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        rect: QRect = option.rect  # type: ignore[attr-defined]
        editor.setGeometry(rect.adjusted(_PAD_X - 4, 1, -_PAD_X + 4, -1))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = _option(option, index, self)
        rect: QRect = opt.rect
        colours = _RowColours(opt)
        painter.save()
        colours.paint_background(painter, rect)
        font: QFont = opt.font
        metrics = QFontMetricsF(font)
        inner = rect.adjusted(_PAD_X, 0, -_PAD_X, 0)
        date = str(index.data(DATE_ROLE) or "")
        date_width = metrics.horizontalAdvance(date)
        painter.setFont(font)
        painter.setPen(colours.dim)
        middle = int(Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(inner, middle | int(Qt.AlignmentFlag.AlignRight), date)
        title_width = max(0.0, inner.width() - date_width - (_PAD_X if date else 0))
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
        opt = _option(option, index, self)
        metrics = QFontMetricsF(opt.font)
        return QSize(200, round(metrics.height()) + 2 * _PAD_Y + 4)


def hit_lines(hit: SearchHit) -> tuple[list[tuple[str, bool]], list[tuple[str, str]]]:
    """What a hit row shows, as plain text: the title as ``(text, is_match)`` pieces, and
    the line under it as ``(text, kind)`` pieces, kind being "label", "match" or "text".

    A message hit has its matches in the snippet, after the author's name; a title hit, in
    the title (started nearer its first match when that is far in), over "Title".
    """
    if hit.message_id is None:
        title = _near_first_match([(one_line(text), match) for text, match in hit.spans()])
        return title, [("Title", "label")]
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
    return [(_ELLIPSIS + lead, False), *pieces[1:]]


class SearchHitDelegate(QStyledItemDelegate):
    """A hit: the conversation title on one line, then up to two lines of the snippet with
    the matches in bold on a highlight tint; or, for a title hit, the title on up to two
    lines over a dim "Title". Drawn with QTextLayout: never markup."""

    SNIPPET_LINES = 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        opt = _option(option, index, self)
        rect: QRect = opt.rect
        colours = _RowColours(opt)
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
        width = float(rect.width() - 2 * _PAD_X)
        x = float(rect.left() + _PAD_X)
        y = float(rect.top() + _PAD_Y)
        title_match = QTextCharFormat(match)
        title_match.clearProperty(QTextCharFormat.Property.FontWeight)  # already bold
        y += _draw_pieces(
            painter,
            QPointF(x, y),
            width,
            [(text, title_match if is_match else None) for text, is_match in title],
            bold,
            title_lines,
            colours.text,
        )
        formats = {"label": label, "match": match, "text": None}
        _draw_pieces(
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
        opt = _option(option, index, self)
        font: QFont = opt.font
        bold = QFont(font)
        bold.setBold(True)
        lines = QFontMetricsF(bold).height() + self.SNIPPET_LINES * QFontMetricsF(font).height()
        return QSize(200, round(lines) + 2 * _PAD_Y + 2)


def _draw_pieces(
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
        length = _utf16_len(piece)
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
    ellipsis_width = QFontMetricsF(font).horizontalAdvance(_ELLIPSIS)
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
        painter.drawText(end, _ELLIPSIS)
    return height or QFontMetricsF(font).height()

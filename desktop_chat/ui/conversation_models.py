"""The sidebar's two list models: conversations (paged from the store) and search hits.

Titles and snippets are user data: the delegates paint them as plain text, and tooltips,
which Qt renders as rich text when they look like HTML, are escaped here.
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
    Qt,
    QTime,
    Signal,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.store import ConversationSummary, SearchHit, Store, StoreError

ModelIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # str: the conversation id
DATE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # str: "Today 14:02", "Yesterday", "12 Mar"
HIT_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # SearchHit

UNTITLED = translate("ConversationModels", "Untitled")
ROLE_LABELS = {"user": translate("ConversationModels", "You"), "assistant": "Claude"}

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
        return translate("ConversationModels", "Today {clock}").format(clock=clock)
    if when.date() == today - timedelta(days=1):
        return translate("ConversationModels", "Yesterday")
    day = QDate(when.year, when.month, when.day)
    if when.year == today.year:
        return locale.toString(day, translate("ConversationModels", "d MMM", "date: day, month"))
    return locale.toString(day, translate("ConversationModels", "d MMM yyyy", "date: d, m, y"))


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
        self.costs: dict[str, str] = {}  # by id: the conversation's cost, as shown

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

    def ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def set_costs(self, costs: dict[str, str]) -> None:
        """Show these conversations' costs beside their dates."""
        self.costs.update(costs)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [DATE_ROLE])

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
            cost = self.costs.get(summary.id)
            date = relative_date(summary.updated_at)
            return f"{cost} · {date}" if cost else date
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

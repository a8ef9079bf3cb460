"""The command palette (Ctrl+Shift+P): fuzzy search over every action, Enter runs it.

It is built from :class:`PaletteEntry` rows, which ``core.palette.palette_entries`` makes
from the one keymap table and the shortcuts in force, so the palette shows what the keys
do. The help overlay reads the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.palette import PaletteEntry, rank
from desktop_chat.ui.theme import readable_selection

ENTRY_ROLE = Qt.ItemDataRole.UserRole
POSITIONS_ROLE = Qt.ItemDataRole.UserRole + 1
PALETTE_WIDTH = 600
VISIBLE_ROWS = 12


def shortcut_texts(entry: PaletteEntry) -> list[str]:
    """The entry's shortcuts as the platform writes them (⌘R on macOS)."""
    return [native_text(s) for s in entry.shortcuts]


def native_text(shortcut: str) -> str:
    """``shortcut`` (portable text) as the platform shows it; as written if Qt cannot read it."""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText) or shortcut


# section: drawing a row


class _EntryDelegate(QStyledItemDelegate):
    """Title (matched letters bold), section (dim), shortcuts as key caps on the right."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        size.setHeight(QFontMetrics(option.font).height() + 14)
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry: PaletteEntry = index.data(ENTRY_ROLE)
        positions: tuple[int, ...] = index.data(POSITIONS_ROLE) or ()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        group = QPalette.ColorGroup.Normal if entry.enabled else QPalette.ColorGroup.Disabled
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(group, text_role)
        dim = palette.color(QPalette.ColorGroup.Disabled, text_role)
        if selected or not entry.enabled:
            accent = text_colour
        else:
            accent = palette.color(QPalette.ColorRole.Link)
        rect: QRect = opt.rect.adjusted(12, 0, -12, 0)
        font = QFont(opt.font)
        bold = QFont(font)
        bold.setBold(True)
        painter.save()

        # Key caps, right to left.
        right = rect.right()
        metrics = QFontMetrics(font)
        cap_h = metrics.height() + 4
        for text in reversed(shortcut_texts(entry)):
            width = metrics.horizontalAdvance(text) + 12
            cap = QRect(right - width, rect.center().y() - cap_h // 2, width, cap_h)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(cap, 4, 4)
            painter.setPen(palette.color(group, QPalette.ColorRole.Text))
            painter.setFont(font)
            painter.drawText(cap, Qt.AlignmentFlag.AlignCenter, text)
            right -= width + 6
        painter.setClipRect(QRect(rect.left(), rect.top(), right - rect.left() - 8, rect.height()))

        # The title, matched letters bold in the accent colour, then the section, dim.
        x = rect.left()
        matched = set(positions)
        for start, end, is_match in _runs(entry.title, matched):
            part = entry.title[start:end]
            painter.setFont(bold if is_match else font)
            painter.setPen(accent if is_match else text_colour)
            width = QFontMetrics(painter.font()).horizontalAdvance(part)
            painter.drawText(
                QRect(x, rect.top(), width + 1, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                part,
            )
            x += width
        painter.setFont(font)
        painter.setPen(dim)
        section = f"   {entry.section}" + (
            "" if entry.enabled else translate("CommandPalette", " · unavailable now")
        )
        painter.drawText(
            QRect(x, rect.top(), max(right - x, 0), rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            section,
        )
        painter.restore()


def _runs(text: str, matched: set[int]) -> list[tuple[int, int, bool]]:
    """``text`` cut into (start, end, matched) runs."""
    runs: list[tuple[int, int, bool]] = []
    for i in range(len(text)):
        flag = i in matched
        if runs and runs[-1][2] == flag:
            runs[-1] = (runs[-1][0], i + 1, flag)
        else:
            runs.append((i, i + 1, flag))
    return runs


# section: the palette


class CommandPalette(QDialog):
    """A search box over a list of actions; opens near the top of its parent window.

    Keys: type to filter, Up/Down (PgUp/PgDown) to choose, Enter to run, Esc (or the
    palette's own shortcut) to close. A disabled entry is listed but does not run.

    Signals:
        triggered(str): the id of the action to run (emitted after the palette closed).
    """

    triggered = Signal(str)

    def __init__(self, entries: Sequence[PaletteEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("command_palette")
        self.setAccessibleName(translate("CommandPalette", "Command palette"))
        self._entries = list(entries)
        own = next((e for e in self._entries if e.action_id == "palette"), None)
        self._own_keys = [QKeySequence(s) for s in own.shortcuts] if own else []

        self.search = QLineEdit(self)
        self.search.setObjectName("palette_search")
        self.search.setAccessibleName(translate("CommandPalette", "Search commands"))
        self.search.setPlaceholderText(translate("CommandPalette", "Type a command…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("palette_list")
        self.list.setAccessibleName(translate("CommandPalette", "Commands"))
        # The search box keeps the focus; the list follows it (as in VS Code and qutebrowser).
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(_EntryDelegate(self.list))
        readable_selection(self.list)  # the style draws the selected row in the highlight
        self.empty = QLabel(translate("CommandPalette", "No command matches."), self)
        self.empty.setObjectName("palette_empty")
        self.empty.setAccessibleName(translate("CommandPalette", "No command matches"))
        self.empty.setContentsMargins(12, 8, 12, 8)
        self.empty.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.setFixedWidth(PALETTE_WIDTH)
        self._connect_signals()
        self.on_query_changed("")

    def _connect_signals(self) -> None:
        # section: search box
        self.search.textChanged.connect(self.on_query_changed)
        self.search.installEventFilter(self)
        # section: list
        self.list.currentRowChanged.connect(self.on_current_changed)
        self.list.itemClicked.connect(lambda _item: self.run_current())

    # section: public

    def popup(self) -> None:
        """Show near the top of the parent window, centred, with the focus in the search box."""
        parent = self.parentWidget()
        if parent is not None:
            window = parent.window()
            width = min(PALETTE_WIDTH, max(window.width() - 40, 320))
            self.setFixedWidth(width)
            top_left = window.mapToGlobal(QPoint((window.width() - width) // 2, 48))
            self.move(top_left)
        self.show()  # a popup: on top, and it takes the keyboard
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def visible_ids(self) -> list[str]:
        """The action ids listed now, in order."""
        return [self.list.item(i).data(ENTRY_ROLE).action_id for i in range(self.list.count())]

    def current_entry(self) -> PaletteEntry | None:
        item = self.list.currentItem()
        return item.data(ENTRY_ROLE) if item is not None else None  # type: ignore[no-any-return]

    def run_current(self) -> None:
        """Close and emit ``triggered`` for the chosen entry, if there is one and it can run."""
        entry = self.current_entry()
        if entry is None or not entry.enabled:
            QApplication.beep()
            return
        self.accept()
        self.triggered.emit(entry.action_id)

    # section: slots

    def on_query_changed(self, text: str) -> None:
        self.list.clear()
        for entry, match in rank(text, self._entries):
            item = QListWidgetItem(entry.title)
            item.setData(ENTRY_ROLE, entry)
            item.setData(POSITIONS_ROLE, match.positions)
            keys = " or ".join(shortcut_texts(entry))
            spoken = entry.title + (f", {keys}" if keys else "")
            if not entry.enabled:
                spoken += translate("CommandPalette", ", unavailable now")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            self.list.addItem(item)
        rows = self.list.count()
        self.empty.setVisible(rows == 0)
        self.list.setVisible(rows > 0)
        if rows:
            first_enabled = next(
                (i for i in range(rows) if self.list.item(i).data(ENTRY_ROLE).enabled), 0
            )
            self.list.setCurrentRow(first_enabled)
            row_h = self.list.sizeHintForRow(0)
            self.list.setFixedHeight(min(rows, VISIBLE_ROWS) * row_h + 2 * self.list.frameWidth())
        self.adjustSize()

    def on_current_changed(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        text = "" if item is None else str(item.data(Qt.ItemDataRole.AccessibleTextRole))
        self.search.setAccessibleDescription(text)  # what a screen reader reads as chosen

    # section: keys

    def _move(self, step: int) -> None:
        rows = self.list.count()
        if not rows:
            return
        row = self.list.currentRow() + step
        # One step wraps around, as in most palettes; a page stops at the ends.
        self.list.setCurrentRow(row % rows if abs(step) == 1 else max(0, min(rows - 1, row)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._on_key(event)
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        page = max(VISIBLE_ROWS - 1, 1)
        moves = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }
        if key in moves and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._move(moves[Qt.Key(key)])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run_current()
            return True
        pressed = QKeySequence(event.keyCombination())
        if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self._own_keys):
            self.reject()
            return True
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        # A popup has no window frame: draw an edge so that it stands apart from the window.
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)

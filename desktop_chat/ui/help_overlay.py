"""The shortcut help (F1, Ctrl+/): every action, grouped by section, over the window.

It is drawn from the same :class:`PaletteEntry` rows as the command palette, so it lists what
the keys do now (the user's own shortcuts included).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.palette import PaletteEntry
from desktop_chat.ui.command_palette import shortcut_texts

PANEL_MAX_WIDTH = 860
MARGIN = 32
# Key caps take the palette's colours, so they follow a light or a dark theme.
KEYCAP_STYLE = (
    "QLabel#keycap { border: 1px solid palette(mid); border-radius: 4px;"
    " padding: 1px 6px; background: palette(base); color: palette(text); }"
)


def _sections(entries: Sequence[PaletteEntry]) -> dict[str, list[PaletteEntry]]:
    """Entries by section, sections in the order they first appear."""
    grouped: dict[str, list[PaletteEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.section, []).append(entry)
    return grouped


def _split(sizes: Sequence[int]) -> int:
    """Where to cut a list of sections so that two columns are about as tall."""
    total = sum(sizes) + 2 * len(sizes)  # a heading weighs about two rows
    run = 0
    for i, size in enumerate(sizes):
        run += size + 2
        if run * 2 >= total:
            return i + 1
    return len(sizes)


class HelpOverlay(QWidget):
    """A dimmed layer over ``parent`` with a panel listing the shortcuts.

    Esc, F1, Ctrl+/ (and whatever the "help" entry's shortcuts are), or a click close it;
    Up/Down/PgUp/PgDown/Home/End scroll. The focus goes back where it was.

    Signals:
        closed(): the overlay was closed (connect ``deleteLater`` to drop it).
    """

    closed = Signal()

    def __init__(self, entries: Sequence[PaletteEntry], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("help_overlay")
        self.setAccessibleName(translate("HelpOverlay", "Keyboard shortcuts"))
        self.setAccessibleDescription(self._hint(entries))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._previous_focus: QWidget | None = None
        # The keys that open it close it too, and so does the key that closes any list.
        keys = {k for e in entries if e.action_id in ("help", "close") for k in e.shortcuts}
        self._close_keys = [QKeySequence(k) for k in sorted(keys)]
        self.section_boxes: dict[str, QWidget] = {}
        """Each section's box: its heading and its rows are children of it."""
        self.rows: dict[str, tuple[QLabel, list[QLabel]]] = {}
        """action id -> (its title label, its key cap labels)."""
        self._build(entries)
        self.setVisible(False)
        parent.installEventFilter(self)

    def _build(self, entries: Sequence[PaletteEntry]) -> None:
        self.panel = QFrame(self)
        self.panel.setObjectName("help_panel")
        heading = QLabel(translate("HelpOverlay", "Keyboard shortcuts"), self.panel)
        heading.setObjectName("help_heading")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        hint = QLabel(self._hint(entries), self.panel)
        hint.setObjectName("help_hint")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        content = QWidget()
        content.setObjectName("help_content")
        content.setStyleSheet(KEYCAP_STYLE)
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(40)
        grouped = _sections(entries)
        names = list(grouped)
        cut = _split([len(grouped[n]) for n in names])
        for part in (names[:cut], names[cut:]):
            column = QVBoxLayout()
            column.setSpacing(16)
            for name in part:
                column.addWidget(self._section(name, grouped[name], content))
            column.addStretch(1)
            columns.addLayout(column, 1)

        self.scroll_area = QScrollArea(self.panel)
        self.scroll_area.setObjectName("help_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the overlay scrolls it by keys
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        self.scroll_area.setWidget(content)
        self._content = content

        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(10)
        layout.addWidget(self.scroll_area, 1)

    @staticmethod
    def _hint(entries: Sequence[PaletteEntry]) -> str:
        palette_entry = next((e for e in entries if e.action_id == "palette"), None)
        close_entry = next((e for e in entries if e.action_id == "close"), None)
        close = (
            translate("HelpOverlay", "{key} or a click").format(key=shortcut_texts(close_entry)[0])
            if close_entry
            else translate("HelpOverlay", "A click")
        )
        text = translate("HelpOverlay", "{close} closes this list.").format(close=close)
        if palette_entry and palette_entry.shortcuts:
            text += translate("HelpOverlay", "  {value} finds any command by name.").format(
                value=shortcut_texts(palette_entry)[0]
            )
        return text

    def _section(self, name: str, entries: Sequence[PaletteEntry], parent: QWidget) -> QWidget:
        box = QWidget(parent)
        box.setObjectName(f"help_section_{name}")
        box.setAccessibleName(name)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        heading = QLabel(name, box)
        heading.setObjectName("help_section_heading")
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        grid.addWidget(heading, 0, 0, 1, 2)
        for row, entry in enumerate(entries, start=1):
            title = QLabel(entry.title, box)
            title.setObjectName("help_title")
            title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            texts = shortcut_texts(entry)
            title.setAccessibleName(
                f"{entry.title}: {' or '.join(texts)}"
                if texts
                else translate("HelpOverlay", "{title}: no shortcut").format(title=entry.title)
            )
            keys = QHBoxLayout()
            keys.setSpacing(4)
            keys.addStretch(1)
            caps: list[QLabel] = []
            for text in texts or ["—"]:
                cap = QLabel(text, box)
                cap.setObjectName("keycap" if texts else "no_keycap")
                cap.setAccessibleName(text if texts else translate("HelpOverlay", "no shortcut"))
                keys.addWidget(cap)
                caps.append(cap)
            grid.addWidget(title, row, 0)
            grid.addLayout(keys, row, 1)
            self.rows[entry.action_id] = (title, caps if texts else [])
        self.section_boxes[name] = box
        return box

    # section: public

    def open(self) -> None:
        """Cover the parent, show, take the focus (and remember where it was)."""
        focus = self.window().focusWidget()  # the window's, even when it is not active
        self._previous_focus = focus if focus is not None and focus is not self else None
        self._fit()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_overlay(self) -> None:
        """Hide, give the focus back, and emit ``closed``."""
        if not self.isVisible():
            return
        self.hide()
        previous = self._previous_focus
        self._previous_focus = None
        if previous is not None:
            previous.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    # section: geometry and painting

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        width = min(PANEL_MAX_WIDTH, self.width() - 2 * MARGIN)
        # The panel's own height with the whole list in it, rather than the scroll area's hint.
        chrome = self.panel.sizeHint().height() - self.scroll_area.sizeHint().height()
        wanted = chrome + self._content.sizeHint().height() + 2
        height = min(wanted, self.height() - 2 * MARGIN)
        self.panel.setGeometry((self.width() - width) // 2, MARGIN, width, max(height, 0))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 120))
        palette = self.palette()
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.panel.geometry()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.fillPath(path, palette.color(QPalette.ColorRole.Window))
        # The focus ring: the overlay is one focus stop, so the panel's edge shows it.
        role = QPalette.ColorRole.Highlight if self.hasFocus() else QPalette.ColorRole.Mid
        pen = painter.pen()
        pen.setColor(palette.color(role))
        pen.setWidthF(2.0 if self.hasFocus() else 1.0)
        painter.setPen(pen)
        painter.drawPath(path)

    # section: events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)

    def _is_close_key(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(
            pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self._close_keys
        )

    def event(self, event: QEvent) -> bool:
        # Take the close keys before the window's shortcuts do: Esc must close this, not stop
        # the reply, and F1 must not open a second help.
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._is_close_key(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_close_key(event):
            self.close_overlay()
            return
        bar = self.scroll_area.verticalScrollBar()
        steps = {
            Qt.Key.Key_Up: -bar.singleStep(),
            Qt.Key.Key_Down: bar.singleStep(),
            Qt.Key.Key_PageUp: -bar.pageStep(),
            Qt.Key.Key_PageDown: bar.pageStep(),
            Qt.Key.Key_Home: -bar.maximum(),
            Qt.Key.Key_End: bar.maximum(),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        bar.setValue(bar.value() + step)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.close_overlay()

    def focusNextPrevChild(self, next: bool) -> bool:
        return True  # Tab stays here while the overlay is open: it is a layer, not a pane

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

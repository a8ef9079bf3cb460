"""Find in the conversation: a one-line bar under the transcript (Ctrl+F, F3, Shift+F3)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from desktop_chat.core.i18n import translate


class FindBar(QWidget):
    """Finds text in ``view``, wrapping around; says when there is no match.

    Signals:
        closed(): the bar was closed (Esc); the window puts focus back in the composer.
    """

    closed = Signal()

    def __init__(
        self, view: QTextEdit, key: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self.setObjectName("find_bar")
        self.field = QLineEdit(self)
        self.field.setAccessibleName(translate("FindBar", "Find in the conversation"))
        self.field.setPlaceholderText(
            translate(
                "FindBar", "Find  ({find_next_key}: next match, {find_previous_key}: previous)"
            ).format(find_next_key=key("find_next"), find_previous_key=key("find_previous"))
        )
        self.field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setAccessibleName(translate("FindBar", "Find result"))
        close = QToolButton(self)
        close.setText(translate("FindBar", "Close"))
        close.setAccessibleName(translate("FindBar", "Close find"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.field.returnPressed.connect(self.find_next)
        self.field.textEdited.connect(self.on_text_edited)
        close.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def on_text_edited(self, _text: str) -> None:
        # Search again from where the last match began, so the match grows as one types.
        cursor = self._view.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self._view.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, *, backward: bool) -> bool:
        text = self.field.text()
        if not text:
            self.status.clear()
            return False
        if self.isHidden():
            self.show()
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self._view.find(text, flags)
        if not found:  # wrap around
            cursor = self._view.textCursor()
            cursor.movePosition(
                cursor.MoveOperation.End if backward else cursor.MoveOperation.Start
            )
            self._view.setTextCursor(cursor)
            found = self._view.find(text, flags)
        self.status.setText("" if found else translate("FindBar", "No match"))
        return found

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.close_bar()
            return True
        return False

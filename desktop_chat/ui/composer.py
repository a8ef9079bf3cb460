"""The input box: Enter sends, Shift+Enter breaks the line, Esc asks to stop the reply."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class Composer(QPlainTextEdit):
    """Where the user writes.

    Signals:
        submitted(str): Enter was pressed on text that is not only white space.
        stop_requested(): Esc was pressed.
        edit_last_requested(): Up was pressed in an empty box (edit the last question).
    """

    submitted = Signal(str)
    stop_requested = Signal()
    edit_last_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAccessibleName("Message")
        self.setPlaceholderText("Ask Claude…  (Enter to send, Shift+Enter for a new line)")
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(8)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
                self.insertPlainText("\n")
            elif self.toPlainText().strip():  # white space alone is never sent
                self.submitted.emit(self.toPlainText())
            event.accept()
            return
        if key == Qt.Key.Key_Escape and not mods:
            self.stop_requested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Up and not mods and not self.toPlainText():
            self.edit_last_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

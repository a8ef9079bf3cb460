"""The input box: Enter sends, Shift+Enter breaks the line, Esc asks to stop the reply.

A large paste (or one with very long lines) is not laid out in the box: Qt needs seconds to
wrap a single line of a few hundred kilobytes, and minutes for megabytes. It is kept aside
and shown as one short line, ``[Pasted text #1: 10 MB, 1 line]``, that stands for it: the
whole text is sent, and deleting the line drops it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop_chat.core.i18n import translate
from desktop_chat.ui import locale_format
from desktop_chat.ui.locale_format import data_size

INLINE_LIMIT = 100_000  # characters a paste may have and still go in as text
LONG_LINE = 5_000  # characters a line may have and still go in as text
_PLACEHOLDER = re.compile(r"\[Pasted text #(\d+): [^\]\n]*\]")


def _too_big_to_lay_out(text: str) -> bool:
    if len(text) > INLINE_LIMIT:
        return True
    return any(len(line) > LONG_LINE for line in text.split("\n"))


_IMAGE_FORMATS = ("image/png", "image/jpeg", "image/gif", "image/webp")


def _local_files(source: QMimeData) -> list[str]:
    return [url.toLocalFile() for url in source.urls() if url.isLocalFile()]


class Composer(QPlainTextEdit):
    """Where the user writes.

    Signals:
        submitted(str): Enter was pressed on text that is not only white space (the full
            text, pastes kept aside included).
        stop_requested(): Esc was pressed.
        edit_last_requested(): Up was pressed in an empty box (edit the last question).
        image_pasted(object): an image was pasted or dropped: the file's bytes when the
            clipboard holds PNG, JPEG, GIF or WebP as such, else a ``QImage``.
        files_dropped(object): local files were pasted or dropped: their paths.
    """

    submitted = Signal(str)
    image_pasted = Signal(object)
    files_dropped = Signal(object)
    stop_requested = Signal()
    edit_last_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAccessibleName(translate("Composer", "Message"))
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(8)
        self._pastes: dict[int, str] = {}
        # Whether Enter sends an empty box (it has attachments): set by the window.
        self.sendable_when_empty: Callable[[], bool] = lambda: False

    # section: the text, with pastes kept aside

    def message_text(self) -> str:
        """What would be sent: the box's text with each paste placeholder replaced."""
        return _PLACEHOLDER.sub(self._expand, self.toPlainText())

    def _expand(self, match: re.Match[str]) -> str:
        return self._pastes.get(int(match.group(1)), match.group(0))

    def set_message_text(self, text: str) -> None:
        """Replace the box's text (a draft, a question to edit), large text kept aside."""
        self.clear()
        self._insert(text)
        self.moveCursor(QTextCursor.MoveOperation.End)

    def clear(self) -> None:
        super().clear()
        self._pastes.clear()

    def _insert(self, text: str) -> None:
        if not _too_big_to_lay_out(text):
            self.insertPlainText(text)
            return
        number = max(self._pastes, default=0) + 1
        self._pastes[number] = text
        lines = text.count("\n") + 1
        size = data_size(len(text.encode("utf-8")))
        self.insertPlainText(
            translate("Composer", "[Pasted text #{number}: {size}, 1 line]").format(
                number=number, size=size
            )
            if lines == 1
            else translate("Composer", "[Pasted text #{number}: {size}, {lines} lines]").format(
                number=number, size=size, lines=locale_format.number(lines)
            )
        )

    # section: Qt overrides

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return (
            source.hasImage() or bool(_local_files(source)) or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Files and images become attachments (the text typed so far stays as it is).
        if files := _local_files(source):
            self.files_dropped.emit(files)
        elif source.hasImage():
            raw = next(
                (source.data(kind) for kind in _IMAGE_FORMATS if source.hasFormat(kind)), None
            )
            # The bytes as they are (no decoding and encoding again), when the format is one
            # the API takes.
            self.image_pasted.emit(bytes(raw.data()) if raw else source.imageData())
        elif source.hasText():
            self._insert(source.text())
        else:
            super().insertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
                self.insertPlainText("\n")
            elif self.toPlainText().strip() or self.sendable_when_empty():
                # (white space alone is never sent, but attachments are)
                self.submitted.emit(self.message_text())
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

"""What is typed in the composer, and the files attached to it, survive switching
conversations, crashes and restarts: written as they change."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import qasync
from PySide6.QtCore import QObject, QTimer, Signal

from desktop_chat.core.drafts import DraftStore
from desktop_chat.ui.composer import Composer

DELAY_MS = 300  # typing pauses this long before the draft is written
LARGE = 1_000_000  # characters: a draft this big is written off the UI thread


class DraftKeeper(QObject):
    """Keeps the composer's text in ``drafts``, one draft per conversation.

    ``conversation_key`` names the conversation shown: its id, or ``NEW_CHAT`` for a chat
    with no message yet (so that a new chat's draft is found again after a restart).
    ``attachments`` gives the draft's attachments (sources of reference blocks) and
    ``put_back`` shows a saved draft's; call :meth:`on_changed` when they change.

    Signals:
        failed(str): a draft could not be written, in plain words.
    """

    failed = Signal(str)

    def __init__(
        self,
        composer: Composer,
        drafts: DraftStore,
        conversation_key: Callable[[], str],
        parent: QObject | None = None,
        *,
        attachments: Callable[[], list[dict[str, Any]]] = list,
        put_back: Callable[[list[dict[str, Any]]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._composer = composer
        self._drafts = drafts
        self._key = conversation_key
        self._attachments = attachments
        self._put_back = put_back
        self.paused = False  # while a question is being edited, its text is no draft
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        composer.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.on_save)

    def restore(self) -> None:
        """Put the shown conversation's draft in the composer."""
        if self.paused:
            return
        text, sources = self._drafts.load_draft(self._key())
        self._composer.set_message_text(text)
        if self._put_back is not None:
            self._put_back(sources)
        self._timer.stop()

    def on_changed(self) -> None:
        """The attachments changed: written after the same pause as typing."""
        if not self.paused:
            self._timer.start()

    def clear(self, key: str) -> None:
        """The message of conversation ``key`` was sent: nothing to keep."""
        self._timer.stop()
        if problem := self._drafts.clear(key):
            self.failed.emit(problem)

    def on_save(self) -> None:
        """Write what is typed now, for the conversation shown now."""
        self._timer.stop()
        if self.paused:
            return
        key, text = self._key(), self._composer.message_text()
        sources = self._attachments()
        if len(text) > LARGE:
            self.on_save_large(key, text, sources)
        elif problem := self._drafts.save(key, text, sources):
            self.failed.emit(problem)

    @qasync.asyncSlot(str, str, list)
    async def on_save_large(self, key: str, text: str, sources: list[dict[str, Any]]) -> None:
        loop = asyncio.get_running_loop()
        if problem := await loop.run_in_executor(None, self._drafts.save, key, text, sources):
            self.failed.emit(problem)

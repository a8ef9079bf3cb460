"""Who writes each conversation, and what could not be written yet.

One writer (``core.autosave.AutoSaver``) per conversation shown. A conversation left with
unsaved messages keeps its writer here until they are written; the database file is checked
every ``FILE_CHECK_MS`` (one ``stat``) for being deleted, moved or replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_chat.core.conversation import Conversation
from desktop_chat.core.i18n import translate

if TYPE_CHECKING:
    from desktop_chat.core.autosave import AutoSaver
    from desktop_chat.core.store import Store

FILE_CHECK_MS = 2000


class SaveKeeper(QObject):
    """The writers of the conversations, and the state of the database file.

    ``on_error`` gets a failure in words (the first after a success).

    Signals:
        unsaved_changed(object): what is not saved yet, in words; None once all is.
        file_problem_changed(object): what happened to the database file; None: nothing.
    """

    unsaved_changed = Signal(object)
    file_problem_changed = Signal(object)

    def __init__(self, on_error: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self._on_error = on_error
        self._current: AutoSaver | None = None
        self._left: list[AutoSaver] = []  # writers of conversations left, not saved
        self._file_problem: str | None = None
        self._file_check = QTimer(self)
        self._file_check.setInterval(FILE_CHECK_MS)
        self._file_check.timeout.connect(self.on_check_file)

    def attach(self, store: Store) -> None:
        """Write to ``store`` from now on (it opens after the first paint)."""
        self.store = store
        self._file_check.start()

    def writer_for(self, conversation: Conversation) -> AutoSaver | None:
        """The writer of the conversation shown from now on (None: there is no store yet).

        The writer of the one shown until now is kept while it has something unsaved.
        """
        if self._current is not None and self._current.unsaved:
            self._left.append(self._current)
        if self.store is None:
            self._current = None
            return None
        from desktop_chat.core.autosave import AutoSaver  # with the store, after first paint

        self._current = AutoSaver(
            self.store,
            conversation,
            self._on_error,
            on_unsaved=lambda _text: self.unsaved_changed.emit(self.unsaved),
        )
        return self._current

    @property
    def unsaved(self) -> str | None:
        """What is not saved yet (this conversation's, and any left since), in words."""
        texts = [w.unsaved for w in (*self._left, self._current) if w and w.unsaved]
        if len(texts) > 1:
            return translate(
                "SaveKeeper", "{value} Other conversations have unsaved messages too."
            ).format(value=texts[-1])
        return texts[0] if texts else None

    def retry(self) -> None:
        """Write what is waiting now (the disk may have been freed)."""
        for writer in (*self._left, self._current):
            if writer is not None:
                writer.retry()
        self._left = [w for w in self._left if w.unsaved]
        self.unsaved_changed.emit(self.unsaved)

    def save_again(self) -> str | None:
        """After the database file was deleted: write it again where it was, then what is
        waiting. Returns what went wrong, in words (None: saved)."""
        from desktop_chat.core.store import StoreError

        if self.store is None:
            return None
        try:
            self.store.save_again()
        except StoreError as exc:
            return str(exc)
        self.on_check_file()
        self.retry()
        return None

    def on_check_file(self) -> None:
        """Poll: the database file deleted, moved or replaced while the app runs."""
        if self.store is None:
            return
        problem = self.store.check_file()
        if problem != self._file_problem:
            self._file_problem = problem
            self.file_problem_changed.emit(problem)

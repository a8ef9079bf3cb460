"""Saving a conversation as it happens: the question at once, the reply while it streams.

The writer holds no state of a turn: the turn (``core/turn.py``) decides when its growing
reply is saved (at every block boundary, and otherwise at most ``SAVE_INTERVAL_S`` after any
change) and hands over the message as it stands. Each save is one small UPDATE (about
0.2 ms), so it can run on the UI thread's loop.

A save that fails is never forgotten. What could not be written (the conversation's row, new
messages, the latest state of replies) stays in memory, in order, and is written before
anything else at the next save or at ``retry()``: a full disk freed, a disk back from
read-only, or a deleted database saved again (``Store.save_again``) loses nothing that was
shown. ``unsaved`` says what is waiting, and ``on_unsaved`` is told each time that changes
(a banner shows it; quitting asks first while it is not None).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.i18n import translate
from desktop_chat.core.store import Store, StoreError

log = logging.getLogger(__name__)


class AutoSaver:
    """Writes one conversation to ``store``; ``on_error`` gets the first failure, in words.

    After a failure it says so only once until everything is saved again; meanwhile what
    is unsaved is kept and written first at every later save (and at ``retry()``).

    Args:
        store: The store to write to.
        conversation: The conversation written (its row: title, time, shown path).
        on_error: Told the first failure after a success, in words for the user.
        on_unsaved: Told ``unsaved`` whenever it changes: a sentence while something is
            waiting to be written, None once everything is saved.
    """

    def __init__(
        self,
        store: Store,
        conversation: Conversation,
        on_error: Callable[[str], None],
        *,
        on_unsaved: Callable[[str | None], None] | None = None,
    ) -> None:
        self._store = store
        self._conversation = conversation
        self._on_error = on_error
        self._on_unsaved = on_unsaved
        self._failing = False
        self._reason: str | None = None  # the last failure, while something is unsaved
        self._unsaved_text: str | None = None
        # What is waiting, written in this order: the row, new messages, later states.
        self._row: tuple[str | None] | None = None  # (current_id,) when the row is unsaved
        self._appends: dict[str, tuple[Message, dict[str, Any] | None]] = {}
        self._updates: dict[str, Message] = {}

    # -- what the turn and the controller call --------------------------------------------

    def save_message(self, message: Message) -> None:
        """The conversation (title, time, path) and a whole new message (the user's question,
        or one that was made before the store opened)."""
        self._queue_row(None)
        self._queue_append(message, None)
        self._flush()

    def save_path(self) -> None:
        """The conversation's shown path changed (another variant): remember it."""
        self._queue_row(None)
        self._flush()

    def begin_reply(self, message: Message, request: dict[str, Any], *, new: bool) -> None:
        """A reply started: saved at once as ``streaming`` (what a crash leaves behind).

        ``new`` is False when the reply is already saved (a continuation of it, or a retry
        taking over an empty failed one): it is then updated in place.
        """
        if new:
            self._queue_append(message, request)
        else:
            self._queue_update(message)
        # The path saved ends at the new reply, so that after a crash it is what is shown.
        self._queue_row(message.id)
        self._flush()

    def update_reply(self, message: Message) -> None:
        """The streaming reply as it stands now."""
        self._queue_update(message)
        self._flush()

    def finish(self, message: Message) -> None:
        """The reply ended (whole or not): its final form, and the conversation's new time."""
        self._queue_update(message)
        self._queue_row(None)
        self._flush()

    # -- what a banner calls --------------------------------------------------------------

    @property
    def unsaved(self) -> str | None:
        """None when everything is saved; else what is waiting and why, for the user."""
        return self._unsaved_text

    def unsaved_messages(self) -> list[Message]:
        """The messages not (or not fully) saved, oldest change first (to export them)."""
        out = [m for m, _ in self._appends.values()]
        return out + [m for m in self._updates.values() if m.id not in self._appends]

    def retry(self) -> bool:
        """Write what is waiting now; whether everything is saved."""
        self._flush()
        return self._unsaved_text is None

    # -- the queue ------------------------------------------------------------------------

    def _queue_row(self, current_id: str | None) -> None:
        # The latest wish wins, as it would have had every save gone through: an explicit
        # end of the path, or (None) the conversation's own current_id when written.
        self._row = (current_id,)

    def _queue_append(self, message: Message, request: dict[str, Any] | None) -> None:
        if message.id not in self._appends:
            self._appends[message.id] = (message, request)

    def _queue_update(self, message: Message) -> None:
        if message.id in self._appends:
            self._appends[message.id] = (message, self._appends[message.id][1])
        else:
            self._updates[message.id] = message

    def _flush(self) -> None:
        try:
            if self._row is not None:
                (current_id,) = self._row
                self._store.save_conversation(self._conversation, current_id=current_id)
                self._row = None
            while self._appends:
                message_id, (message, request) = next(iter(self._appends.items()))
                if not self._store.existing_message_ids([message_id]):
                    self._store.append_message(
                        self._conversation.id, message, request_settings=request
                    )
                else:  # written, though the call failed after (or by another route)
                    self._store.update_message(message)
                del self._appends[message_id]
            while self._updates:
                message_id, message = next(iter(self._updates.items()))
                try:
                    self._store.update_message(message)
                except StoreError as exc:
                    if exc.kind != "not_found":
                        raise
                    # Never written at all (its first save was lost with the store it was
                    # meant for): written whole now, rather than blocking every later save.
                    self._store.append_message(self._conversation.id, message)
                del self._updates[message_id]
        except StoreError as exc:
            self._reason = str(exc)
            if not self._failing:
                log.warning("saving failed (kept in memory, retried at each save): %s", exc)
                self._failing = True
                self._on_error(
                    translate("Autosave", "This conversation could not be saved: {exc}").format(
                        exc=exc
                    )
                )
        else:
            self._failing = False
            self._reason = None
        self._report()

    def _report(self) -> None:
        text = self._describe()
        if text != self._unsaved_text:
            self._unsaved_text = text
            if self._on_unsaved is not None:
                self._on_unsaved(text)

    def _describe(self) -> str | None:
        messages = len(self._appends) + len(self._updates)
        if not messages and self._row is None:
            return None
        if messages == 1:
            what = translate("Autosave", "1 message of this conversation")
        elif messages:
            what = translate("Autosave", "{count} messages of this conversation").format(
                count=messages
            )
        else:
            what = translate("Autosave", "the title and shown path of this conversation")
        return (
            translate(
                "Autosave",
                "Not saved yet: {what}. It is kept in memory and saved as soon as the database "
                "can be written again. {value}",
            ).format(what=what, value=self._reason or "")
        ).rstrip()

"""Saving a conversation as it happens: the question at once, the reply while it streams.

The writer holds no state of a turn: the turn (``core/turn.py``) decides when its growing
reply is saved (at every block boundary, and otherwise at most ``SAVE_INTERVAL_S`` after any
change) and hands over the message as it stands. Each save is one small UPDATE (about
0.2 ms), so it can run on the UI thread's loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.store import Store, StoreError

log = logging.getLogger(__name__)


class AutoSaver:
    """Writes one conversation to ``store``; ``on_error`` gets the first failure, in words.

    After a failure it keeps trying on later saves (a full disk may be freed), but says so
    only once until a save succeeds again.
    """

    def __init__(
        self, store: Store, conversation: Conversation, on_error: Callable[[str], None]
    ) -> None:
        self._store = store
        self._conversation = conversation
        self._on_error = on_error
        self._failing = False

    def save_message(self, message: Message) -> None:
        """The conversation (title, time, path) and a whole new message (the user's question,
        or one that was made before the store opened)."""
        self._attempt(self._save_message, message)

    def _save_message(self, message: Message) -> None:
        self._store.save_conversation(self._conversation)
        self._store.append_message(self._conversation.id, message)

    def save_path(self) -> None:
        """The conversation's shown path changed (another variant): remember it."""
        self._attempt(self._store.save_conversation, self._conversation)

    def begin_reply(self, message: Message, request: dict[str, Any], *, new: bool) -> None:
        """A reply started: saved at once as ``streaming`` (what a crash leaves behind).

        ``new`` is False when the reply is already saved (a continuation of it, or a retry
        taking over an empty failed one): it is then updated in place.
        """
        if not new:
            self.update_reply(message)
        else:
            self._attempt(
                self._store.append_message,
                self._conversation.id,
                message,
                request_settings=request,
            )
        # The path saved ends at the new reply, so that after a crash it is what is shown.
        self._attempt(self._store.save_conversation, self._conversation, current_id=message.id)

    def update_reply(self, message: Message) -> None:
        """The streaming reply as it stands now."""
        self._attempt(self._store.update_message, message)

    def finish(self, message: Message) -> None:
        """The reply ended (whole or not): its final form, and the conversation's new time."""
        self._attempt(self._store.update_message, message)
        self._attempt(self._store.save_conversation, self._conversation)

    def _attempt(self, action: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        try:
            action(*args, **kwargs)
        except StoreError as exc:
            log.warning("saving failed: %s", exc)
            if not self._failing:
                self._failing = True
                self._on_error(f"This conversation could not be saved: {exc}")
        else:
            self._failing = False

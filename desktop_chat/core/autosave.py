"""Saving a conversation as it happens: the question at once, the reply while it streams.

A streaming reply reaches the database at every block boundary and, between them, at most
``INTERVAL_S`` after any change: a crash (or SIGKILL) loses at most that much. Each save is
one small UPDATE (about 0.2 ms), so it can run on the UI thread's loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from desktop_chat.core.conversation import Conversation, Message, Status, merge_continuation
from desktop_chat.core.store import Store, StoreError
from desktop_chat.core.stream import (
    BlockStarted,
    BlockStopped,
    MessageDelta,
    TurnSnapshot,
    Update,
)

log = logging.getLogger(__name__)

INTERVAL_S = 0.5
_BOUNDARIES = (BlockStarted, BlockStopped, MessageDelta)


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
        self._snapshot: TurnSnapshot | None = None
        self._base: Message | None = None
        self._pending: asyncio.TimerHandle | None = None

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

    def begin_reply(
        self, snapshot: TurnSnapshot, request: dict[str, Any], *, base: Message | None = None
    ) -> None:
        """A reply started: saved at once as ``streaming`` (what a crash leaves behind).

        With ``base``, the reply continues that saved message (max_tokens, pause_turn).
        """
        self._snapshot = snapshot
        self._base = base
        if base is not None:
            self._flush()
            return
        settings = {k: v for k, v in request.items() if k not in ("messages", "extra_headers")}
        self._attempt(
            self._store.append_message,
            self._conversation.id,
            snapshot.to_message(Status.STREAMING),
            request_settings=settings,
        )
        # The path saved ends at the new reply, so that after a crash it is what is shown.
        self._attempt(self._store.save_conversation, self._conversation, current_id=snapshot.id)

    def on_update(self, update: Update) -> None:
        if isinstance(update, _BOUNDARIES):
            self._flush()
        elif self._pending is None:
            self._pending = asyncio.get_running_loop().call_later(INTERVAL_S, self._flush)

    def finish(self, message: Message) -> None:
        """The reply ended (whole or not): its final form, and the conversation's new time."""
        self._cancel_pending()
        self._snapshot = None
        self._attempt(self._store.update_message, message)
        self._attempt(self._store.save_conversation, self._conversation)

    def _flush(self) -> None:
        self._cancel_pending()
        if self._snapshot is not None:
            message = self._snapshot.to_message(Status.STREAMING)
            if self._base is not None:
                message = merge_continuation(self._base, message)
            self._attempt(self._store.update_message, message)

    def _cancel_pending(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

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

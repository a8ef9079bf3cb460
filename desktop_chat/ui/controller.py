"""The one place asyncio meets Qt: send a question, stream the reply, stop it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import qasync
from PySide6.QtCore import QObject, Signal

from desktop_chat.core.client import ErrorKind, TurnError, make_client, stream_turn
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.settings import Settings
from desktop_chat.core.stream import TurnSnapshot, Update

log = logging.getLogger(__name__)

_STOPPED = "Stopped. The partial reply is kept."


class ChatController(QObject):
    """Runs the turns of one conversation.

    ``key_provider`` returns the API key (or None when there is none yet); ``sdk_ready``
    completes when the SDK has been imported in the background.

    Signals:
        message_added(object): a user ``Message`` joined the conversation.
        reply_started(object): a reply began; its ``TurnSnapshot``.
        reply_updated(object, object): an ``Update`` and the ``TurnSnapshot`` it changed.
        reply_finished(object, object): the final assistant ``Message`` and its snapshot.
        notice(str, bool): words for the user; True when it is an error.
        busy_changed(bool): a reply started (True) or ended (False).
    """

    message_added = Signal(object)
    reply_started = Signal(object)
    reply_updated = Signal(object, object)
    reply_finished = Signal(object, object)
    notice = Signal(str, bool)
    busy_changed = Signal(bool)

    def __init__(
        self,
        conversation: Conversation,
        settings: Settings,
        key_provider: Callable[[], str | None],
        sdk_ready: asyncio.Future[None],
        *,
        base_url: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.conversation = conversation
        self.settings = settings
        self._key_provider = key_provider
        self._sdk_ready = sdk_ready
        self._base_url = base_url
        self._stream_task: asyncio.Task[TurnError | None] | None = None
        self._stop_requested = False
        self._busy = False

    def set_base_url(self, base_url: str | None) -> None:
        """Talk to ``base_url`` from the next turn on (the demo server starts after paint)."""
        self._base_url = base_url

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def send(self, text: str) -> bool:
        """Add ``text`` as the user's message and stream the reply.

        Returns False, with a notice, when it cannot be sent now (the caller keeps the text).
        """
        if self._busy or not text.strip():
            return False
        api_key = self._key_provider()
        if not api_key:
            self.notice.emit(
                "No API key yet. Set ANTHROPIC_API_KEY, run “desktop-chat key set”, "
                "or start with --demo to try the app.",
                True,
            )
            return False
        self._set_busy(True)
        user = Message.user(text)
        self.conversation.messages.append(user)
        if not self.conversation.title:
            self.conversation.title = self.conversation.title_from_first_message()
        self.message_added.emit(user)
        self.on_turn(api_key)
        return True

    @qasync.asyncSlot(str)
    async def on_turn(self, api_key: str) -> None:
        """Stream the reply to the conversation as it stands."""
        self._set_busy(True)
        try:
            await self._run_turn(api_key)
        finally:
            self._set_busy(False)

    def on_stop(self) -> None:
        """Stop the streaming reply now; what arrived is kept."""
        if self._stream_task is not None and not self._stream_task.done():
            self._stop_requested = True
            self._stream_task.cancel()

    async def _run_turn(self, api_key: str) -> None:
        await self._sdk_ready
        params = self.settings.request_params()
        params["messages"] = self.conversation.to_api_messages()
        snapshot = TurnSnapshot()
        self.reply_started.emit(snapshot)

        def on_update(update: Update) -> None:
            self.reply_updated.emit(update, snapshot)

        client = make_client(
            api_key=api_key,
            base_url=self._base_url or self.settings.base_url,
            timeout_s=self.settings.timeout_s,
            max_retries=self.settings.max_retries,
        )
        self._stop_requested = False
        async with client:
            self._stream_task = asyncio.ensure_future(
                stream_turn(client, params, snapshot, on_update)
            )
            try:
                error = await self._stream_task
            except asyncio.CancelledError:
                # Stopped by the user, or the app is closing: either way keep what arrived.
                self._finish(snapshot.to_message(Status.INTERRUPTED, _STOPPED), snapshot)
                if not self._stop_requested:
                    raise
                return
            finally:
                self._stream_task = None
        if error is not None:
            log.info("turn failed: %s (request %s)", error.kind, error.request_id)
        self._finish(self._message_for(snapshot, error), snapshot)

    def _finish(self, message: Message, snapshot: TurnSnapshot) -> None:
        self.conversation.messages.append(message)
        self.reply_finished.emit(message, snapshot)

    @staticmethod
    def _message_for(snapshot: TurnSnapshot, error: TurnError | None) -> Message:
        if error is None:
            return snapshot.to_message(Status.COMPLETE)
        status = Status.INTERRUPTED if error.kind is ErrorKind.INCOMPLETE else Status.ERROR
        return snapshot.to_message(status, error.message)

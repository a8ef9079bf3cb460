"""The one place asyncio meets Qt: send a question, stream the reply, stop it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QObject, Signal

from desktop_chat.core.autosave import AutoSaver
from desktop_chat.core.client import ErrorKind, TurnError, make_client, stream_turn
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.redaction import redact
from desktop_chat.core.settings import Settings
from desktop_chat.core.stream import TurnSnapshot, Update

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

    from desktop_chat.core.models import ModelInfo
    from desktop_chat.core.store import Store

log = logging.getLogger(__name__)

_NO_KEY = (
    "No API key yet. Add one with Ctrl+Shift+K (it goes to your system keychain), set "
    "ANTHROPIC_API_KEY, or start with --demo to try the app."
)
_STOPPED = "Stopped. The partial reply is kept."


class ChatController(QObject):
    """Runs the turns of one conversation.

    ``key_provider`` returns the API key (or None when there is none); ``sdk_ready``
    completes when the SDK has been imported and the key looked up, in the background.
    A question sent before then waits for it.

    Signals:
        message_added(object): a user ``Message`` joined the conversation.
        reply_started(object): a reply began; its ``TurnSnapshot``.
        reply_updated(object, object): an ``Update`` and the ``TurnSnapshot`` it changed.
        reply_finished(object, object): the final assistant ``Message`` and its snapshot.
        notice(str, bool): words for the user; True when it is an error.
        busy_changed(bool): a reply started (True) or ended (False).
        key_rejected(): the API refused the key (401): the window asks for another.
    """

    message_added = Signal(object)
    reply_started = Signal(object)
    reply_updated = Signal(object, object)
    reply_finished = Signal(object, object)
    notice = Signal(str, bool)
    busy_changed = Signal(bool)
    key_rejected = Signal()

    def __init__(
        self,
        conversation: Conversation,
        settings: Settings,
        key_provider: Callable[[], str | None],
        sdk_ready: asyncio.Future[None],
        *,
        store: Store | None = None,
        base_url: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.conversation = conversation
        self._saver = self._make_saver(conversation)
        self.settings = settings
        self._key_provider = key_provider
        self._sdk_ready = sdk_ready
        self._base_url = base_url
        self._stream_task: asyncio.Task[TurnError | None] | None = None
        self._stop_requested = False
        self._busy = False

    def set_conversation(self, conversation: Conversation) -> bool:
        """Make ``conversation`` the one that turns go to; refused (False) while busy."""
        if self._busy:
            return False
        self.conversation = conversation
        self._saver = self._make_saver(conversation)
        return True

    def attach_store(self, store: Store) -> None:
        """Save conversations to ``store`` from now on (it opens after the first paint)."""
        self.store = store
        self._saver = self._make_saver(self.conversation)
        if self.conversation.messages and self._saver is not None and not self._busy:
            for message in self.conversation.messages:  # sent before the store was ready
                if message.role == "user":
                    self._saver.save_question(message)
                else:
                    self._saver.finish(message)

    def _make_saver(self, conversation: Conversation) -> AutoSaver | None:
        if self.store is None:
            return None
        return AutoSaver(self.store, conversation, lambda text: self.notice.emit(text, True))

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
        if self._sdk_ready.done() and not self._key_provider():
            self.notice.emit(_NO_KEY, True)
            return False
        self._set_busy(True)
        user = Message.user(text)
        self.conversation.messages.append(user)
        if not self.conversation.title:
            self.conversation.title = self.conversation.title_from_first_message()
        if self._saver is not None:
            self._saver.save_question(user)
        self.message_added.emit(user)
        self.on_turn()
        return True

    @qasync.asyncSlot()
    async def on_turn(self) -> None:
        """Stream the reply to the conversation as it stands."""
        self._set_busy(True)
        try:
            await self._sdk_ready
            api_key = self._key_provider()
            if not api_key:  # sent while the key was still being looked up
                self.notice.emit(_NO_KEY, True)
                return
            await self._run_turn(api_key)
        finally:
            self._set_busy(False)

    async def check_key(self, key: str) -> str | None:
        """Why ``key`` does not work, in plain words; None when the API accepts it."""
        from desktop_chat.core.models import check_key

        await self._sdk_ready
        async with self._client(key, max_retries=0) as client:
            return await check_key(client)

    async def fetch_models(self) -> list[ModelInfo]:
        """The models the key may use (cached for a day; the built-in list when offline)."""
        from desktop_chat.core.models import get_models, known_models

        await self._sdk_ready
        key = self._key_provider()
        if not key:
            return known_models(self._effective_base_url())
        async with self._client(key, max_retries=1) as client:
            return await get_models(client)

    def _effective_base_url(self) -> str | None:
        return self._base_url or self.settings.base_url

    def _client(self, api_key: str, *, max_retries: int | None = None) -> AsyncAnthropic:
        return make_client(
            api_key=api_key,
            base_url=self._effective_base_url(),
            timeout_s=self.settings.timeout_s,
            max_retries=self.settings.max_retries if max_retries is None else max_retries,
        )

    def on_stop(self) -> None:
        """Stop the streaming reply now; what arrived is kept."""
        if self._stream_task is not None and not self._stream_task.done():
            self._stop_requested = True
            self._stream_task.cancel()

    async def _run_turn(self, api_key: str) -> None:
        params = self.settings.request_params()
        params["messages"] = self.conversation.to_api_messages()
        snapshot = TurnSnapshot()
        saver = self._saver
        if saver is not None:
            saver.begin_reply(snapshot, params)
        self.reply_started.emit(snapshot)

        def on_update(update: Update) -> None:
            if saver is not None:
                saver.on_update(update)
            self.reply_updated.emit(update, snapshot)

        client = self._client(api_key)
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
        if error is not None and error.kind is ErrorKind.AUTH:
            self.key_rejected.emit()

    def _finish(self, message: Message, snapshot: TurnSnapshot) -> None:
        self.conversation.messages.append(message)
        if self._saver is not None:
            self._saver.finish(message)
        self.reply_finished.emit(message, snapshot)

    @staticmethod
    def _message_for(snapshot: TurnSnapshot, error: TurnError | None) -> Message:
        if error is None:
            return snapshot.to_message(Status.COMPLETE)
        status = Status.INTERRUPTED if error.kind is ErrorKind.INCOMPLETE else Status.ERROR
        return snapshot.to_message(status, redact(error.message))

"""The one stateful object the views observe: the conversation shown, its turns, navigation.

Where asyncio meets Qt. Each turn is a core ``Turn``; this object is its listener, and turns
what the turn says into typed signals that ``MainWindow._connect_signals()`` wires straight to
the views' slots. Views never read or change the core's state; they draw what signals carry.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_chat.core.api_access import ApiAccess
from desktop_chat.core.attachments import Attachment, AttachmentError, ref_block
from desktop_chat.core.conversation import Conversation, Message, PathEntry, Status
from desktop_chat.core.conversation_notes import Notes, notes_for
from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.redaction import redact
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.core.store_blobs import BlobShelf
from desktop_chat.core.turn import Turn, no_key_text
from desktop_chat.core.turn_tools import ToolRunner
from desktop_chat.ui.bill_book import BillBook
from desktop_chat.ui.save_keeper import SaveKeeper
from desktop_chat.ui.turn_signals import TurnSignals

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

    from desktop_chat.core.conversation_loader import WholeLoader
    from desktop_chat.core.store import Store
    from desktop_chat.core.tools.approval import ApprovalRequest, Decision

log = logging.getLogger(__name__)

TAIL = 200  # messages of a conversation read and drawn before its first paint


class ChatController(QObject):
    """The conversation shown and its turns.

    ``key_provider`` returns the API key (or None); ``sdk_ready`` completes when the SDK has
    been imported and the key looked up, in the background. A question sent before then
    waits for it.

    Signals:
        message_added(object): the user's ``Message`` joined the conversation.
        transcript_reset(object): draw these instead: a list of (``Message``, notes).
        older_loaded(object): messages of the path before those drawn (a long conversation
            opens with its end; the rest follows): a list of (``Message``, notes).
        reply_shown(object): the last reply of what is shown (a ``Message``), or None.
        reply_started(bool): a reply began; True when it continues the last one.
        message_started(str): the API began its message; the model's name.
        block_started(int, str, object): a content block began: index, type, the block.
        text_delta(int, str): text for the text block at that index (the deltas that
            arrived in one loop iteration, joined).
        thinking_delta(int, str): thinking for the thinking block at that index.
        tool_input_delta(int, str): a tool's input JSON as received so far.
        block_stopped(int, object): the block at that index is complete (the block).
        figures_changed(object): the side pane's ``Figures`` for the reply streaming now.
        reply_finished(object, object): the final ``Message`` and the notes under it.
        notice(str, bool): words for the user (keys redacted); True when it is an error.
        busy_changed(bool): a turn started (True) or ended (False).
        key_rejected(): the API refused the key (401): the window asks for another.
        retry_countdown(str): "Retrying in 7 s…" while a retry waits; "" when it ends.
        conversation_leaving(): another conversation is about to be shown.
        conversation_changed(): another conversation is shown (or a new one started).
        title_changed(str): the title of the conversation shown.
        conversations_changed(): the saved conversations changed (list them again).
        tool_started(object): a tool call of the reply (its ``tool_use`` block) starts.
        tool_finished(object, object): it ended: the block, and its ``tool_result`` block.
        approval_requested(object, object): ask the user about a tool call: the
            ``ApprovalRequest``, and the future that takes the ``Decision`` (it is cancelled
            when the turn stops first: the question is then withdrawn).
        bill_changed(object): the ``core.bill.Bill`` of the conversation shown (costs,
            cache use, how full the window is), after each reply and each switch.
        web_tools_changed(bool): web search is on (True) or off for the conversation shown.
        context_refused(object): a send was refused before any request: the ``ContextFill``
            it would have had (over the model's window).
    """

    message_added = Signal(object)
    transcript_reset = Signal(object)
    older_loaded = Signal(object)
    reply_shown = Signal(object)
    reply_started = Signal(bool)
    message_started = Signal(str)
    block_started = Signal(int, str, object)
    text_delta = Signal(int, str)
    thinking_delta = Signal(int, str)
    tool_input_delta = Signal(int, str)
    block_stopped = Signal(int, object)
    figures_changed = Signal(object)
    reply_finished = Signal(object, object)
    notice = Signal(str, bool)
    busy_changed = Signal(bool)
    key_rejected = Signal()
    retry_countdown = Signal(str)
    conversation_leaving = Signal()
    conversation_changed = Signal()
    title_changed = Signal(str)
    conversations_changed = Signal()
    tool_started = Signal(object)
    tool_finished = Signal(object, object)
    approval_requested = Signal(object, object)
    bill_changed = Signal(object)
    web_tools_changed = Signal(bool)
    context_refused = Signal(object)

    def __init__(
        self,
        conversation: Conversation,
        settings: Settings,
        key_provider: Callable[[], str | None],
        sdk_ready: asyncio.Future[None],
        *,
        keymap: Keymap | None = None,
        store: Store | None = None,
        base_url: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.conversation = conversation
        self.settings = settings
        self.keymap = keymap or Keymap()
        self.retry_policy = RetryPolicy()
        self.saving = SaveKeeper(lambda text: self.on_notice(text, True), self)
        self._saver = self.saving.writer_for(conversation)
        self.api = ApiAccess(key_provider, sdk_ready, lambda: self.settings, base_url)
        self.turn: Turn | None = None
        self.tools: ToolRunner | None = None  # set when the tool servers have started
        self._whole: WholeLoader | None = None  # reads the rest of a conversation just opened
        self.bill = BillBook(self)
        self.reply_finished.connect(lambda *_: self.bill.show())
        self.blobs = BlobShelf(store.path if store is not None else None)

    # section: state the views and commands ask about

    @property
    def busy(self) -> bool:
        return self.turn is not None

    @property
    def continuing(self) -> bool:
        """The reply streaming now continues the last one."""
        return self.turn is not None and self.turn.continuing

    def continuable(self) -> Message | None:
        return self.conversation.continuable()

    def key(self, action_id: str) -> str:
        """The key of a keymap action, as hints name it (the user's bindings)."""
        return self.keymap.text_for(action_id)

    # section: the store and the server

    def attach_store(self, store: Store) -> None:
        """Save conversations to ``store`` from now on (it opens after the first paint)."""
        self.store = store
        self.blobs.store_path = store.path
        self.saving.attach(store)
        self._saver = self.saving.writer_for(self.conversation)
        if self._saver is not None:
            # Sent in the first moments, before the store opened: saved now. (A reply in
            # progress then is waiting for the SDK, and is saved as it streams.)
            for message in self.conversation.messages:
                self._saver.save_message(message)

    @property
    def unsaved(self) -> str | None:
        return self.saving.unsaved

    def save_database_again(self) -> None:
        """After the database file was deleted: write it again where it was, then the rest."""
        if problem := self.saving.save_again():
            self.on_notice(problem, True)
        else:
            self.notice.emit(
                translate("Controller", "The conversations database was saved again."), False
            )

    def set_base_url(self, base_url: str | None) -> None:
        """Talk to ``base_url`` from the next turn on (the demo server starts after paint)."""
        self.api.base_url = base_url

    def apply_settings(self, settings: Settings) -> None:
        """Use ``settings`` from the next turn on."""
        self.settings = settings

    # section: turns

    def send(
        self,
        text: str,
        *,
        replacing: str | None = None,
        attachments: Sequence[Attachment] = (),
    ) -> bool:
        """Add ``text`` (and ``attachments``) as the user's message and stream the reply.

        ``replacing``: the id of a question this one is an edit of; it becomes a sibling
        (a branch), and the old question with its later turns is kept.
        Returns False, with a notice, when it cannot be sent now (the caller keeps the text).
        """
        if not self._can_start() or not (text.strip() or attachments):
            return False
        if attachments and not self._can_attach(attachments):
            return False
        if self.bill.refuse_send(text, [ref_block(a) for a in attachments]):
            return False
        user = Message.user(text) if text.strip() else Message(role="user", content=[])
        for a in attachments:
            self.blobs.hold(a)
        # Before the text, as the API's documentation advises for images and documents.
        user.content[:0] = [ref_block(a) for a in attachments]
        if replacing is not None:
            old = next((m for m in self.conversation.messages if m.id == replacing), None)
            if old is None:
                return False
            self.conversation.append(user, parent_id=old.parent_id)
            self.reset_transcript()
        else:
            self.conversation.append(user)
            self.message_added.emit(user)
        if not self.conversation.title:
            self.conversation.title = self.conversation.title_from_first_message()
            self.title_changed.emit(self.conversation.title)
        if self._saver is not None:
            self._saver.save_message(user)
        self.bill.keep_web_tools()
        self.conversations_changed.emit()
        self._start_turn()
        return True

    def _can_attach(self, attachments: Sequence[Attachment]) -> bool:
        from desktop_chat.core.attachments import check_send, refs
        from desktop_chat.core.capabilities import model_info, supports
        from desktop_chat.core.models import known_models

        info = model_info(self.settings.model, known_models(self.settings.base_url))
        earlier = [b for m in self.conversation.path() for b in refs(m.content)]
        try:
            check_send(
                attachments,
                earlier,
                model=self.settings.model,
                image_input=supports(info, "image_input"),
                pdf_input=supports(info, "pdf_input"),
            )
        except AttachmentError as exc:
            self.on_notice(str(exc), True)
            return False
        return True

    def regenerate(self) -> bool:
        """Ask again for the last reply; the old one stays as a variant to flip back to."""
        path = self.conversation.path()
        if not path or path[-1].role != "assistant" or path[-1].parent_id is None:
            self.notice.emit(translate("Controller", "There is no reply to regenerate yet."), False)
            return False
        if not self._can_start():
            return False
        self.conversation.current_id = path[-1].parent_id
        self.reset_transcript()
        self._start_turn()
        return True

    def continue_reply(self) -> bool:
        """Carry on the last reply where max_tokens, pause_turn or a fault stopped it."""
        base = self.continuable()
        if base is None:
            self.notice.emit(
                translate("Controller", "Only a reply that stopped short can be continued."), False
            )
            return False
        from desktop_chat.core.capabilities import model_info, why_no_continue  # not at start-up
        from desktop_chat.core.models import known_models

        info = model_info(self.settings.model, known_models(self.settings.base_url))
        if reason := why_no_continue(info):
            self.notice.emit(
                translate("Controller", "{reason} ({regenerate_key} asks again.)").format(
                    reason=reason, regenerate_key=self.key("regenerate")
                ),
                False,
            )
            return False
        if not self._can_start():
            return False
        self._start_turn(base)
        return True

    def drop_refused(self) -> bool:
        """After a refusal: leave the refused exchange out of what is sent from now on."""
        path = self.conversation.path()
        reply = path[-1] if path else None
        if reply is None or reply.stop_reason != "refusal" or reply.excluded or self.busy:
            self.notice.emit(
                translate("Controller", "There is no refused exchange to leave out."), False
            )
            return False
        for message in self.conversation.drop_exchange(reply):
            if self._saver is not None:
                self._saver.update_reply(message)
        self.reset_transcript()
        return True

    def flip_variant(self, step: int) -> bool:
        """Show the next (+1) or previous (-1) variant of the last message that has some."""
        if self.busy or self.conversation.partial:
            return False
        for entry in reversed(self.conversation.path_entries()):
            if entry.variants > 1:
                siblings = self.conversation.siblings(entry.message)
                index = entry.variant - 1 + step
                if not 0 <= index < len(siblings):
                    return False
                self.conversation.show(siblings[index].id)
                if self._saver is not None:
                    self._saver.save_path()
                self.reset_transcript()
                return True
        return False

    def on_stop(self) -> None:
        """Stop the streaming reply now (what arrived is kept), or cancel a retry's wait."""
        if self.turn is not None:
            self.turn.stop()

    async def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop a reply (or a retry's wait) and let it be saved before the app exits."""
        turn = self.turn
        if turn is not None:
            turn.stop()
            await turn.wait(timeout_s)

    def _can_start(self) -> bool:
        if self.busy:
            return False
        if self.api.lacks_key():
            self.on_notice(no_key_text(self.key), True)
            return False
        return True

    def _start_turn(self, base: Message | None = None) -> None:
        # Busy at once, not when the task first runs: a second Enter must not start another.
        self.turn = Turn(
            self.conversation,
            self.bill.turn_settings().request_params(),
            self._open_client,
            TurnSignals(self),
            saver=self._saver,
            retry_policy=self.retry_policy,
            key=self.key,
            base=base,
            tools=self.tools,
            approve=self._approve,
            max_rounds=self.settings.tool_rounds,
            blobs=self.blobs,
            citations=self.documents_cite(),
        )
        self.busy_changed.emit(True)
        self.turn.start()

    def documents_cite(self) -> bool:
        """Whether documents ask for citations: when the model's capabilities list them."""
        from desktop_chat.core.capabilities import model_info, supports
        from desktop_chat.core.models import known_models

        return supports(
            model_info(self.settings.model, known_models(self.settings.base_url)), "citations"
        )

    async def _open_client(self) -> AsyncAnthropic | None:
        if self._whole is not None:
            await self._whole.wait(self.conversation)
        return await self.api.open_client()

    # section: what turns say (``TurnSignals`` passes the rest on as signals)

    def on_notice(self, text: str, error: bool) -> None:
        self.notice.emit(redact(text), error)

    def on_turn_ended(self) -> None:
        self.turn = None
        self.busy_changed.emit(False)

    async def _approve(self, request: ApprovalRequest) -> Decision:
        """Ask the user (the window shows the request); waits for the answer."""
        future: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()
        self.approval_requested.emit(request, future)
        return await future

    # section: what is shown

    def reset_transcript(self) -> None:
        entries = self.conversation.path_entries()
        self.transcript_reset.emit([(e.message, self.notes_for(e)) for e in entries])
        replies = [e.message for e in entries if e.message.role == "assistant"]
        self.reply_shown.emit(replies[-1] if replies else None)
        self.bill.show()

    def notes_for(self, entry: PathEntry) -> Notes:
        return notes_for(entry, self.key)

    # section: navigation

    def new_conversation(self) -> bool:
        """Show a new, empty conversation; refused (False) while a turn runs."""
        if self.busy:
            return False
        self._show(Conversation())
        return True

    def open_conversation(self, conversation_id: str) -> bool:
        """Show a saved conversation; False (with a notice) when it cannot be.

        Its last ``TAIL`` messages are read and shown at once, whatever its length; the
        rest is read in a worker thread (sending waits for it) and drawn above them.
        """
        if self.store is None or conversation_id == self.conversation.id or self.busy:
            return conversation_id == self.conversation.id
        from desktop_chat.core.conversation_loader import WholeLoader, from_page
        from desktop_chat.core.store import StoreError

        try:
            page = self.store.load_tail(conversation_id, TAIL)
        except StoreError as exc:
            self.on_notice(str(exc), True)
            return False
        conversation = from_page(page)
        self._show(conversation)
        self._whole = self._whole or WholeLoader(self._on_older)
        self._whole.start(conversation, self.store.path)
        return True

    def _on_older(self, shown: Conversation, older: list[PathEntry]) -> None:
        """The rest of a conversation opened with its end was read: draw it above."""
        if shown is self.conversation and older:
            self.older_loaded.emit([(e.message, self.notes_for(e)) for e in older])
            self.bill.show()  # the conversation's cost, with the replies just read

    def _show(self, conversation: Conversation) -> None:
        if self._whole is not None:
            self._whole.cancel()
        self.conversation_leaving.emit()
        self.conversation = conversation
        self._saver = self.saving.writer_for(conversation)
        self.bill.on_conversation_shown()
        self.conversation_changed.emit()
        self.title_changed.emit(conversation.title)
        self.reset_transcript()

    def on_conversation_deleted(self, conversation_id: str) -> None:
        if conversation_id == self.conversation.id and not self.busy:
            self._show(Conversation())

    def on_conversation_renamed(self, conversation_id: str, title: str) -> None:
        if conversation_id == self.conversation.id:
            self.conversation.title = title
            self.title_changed.emit(title)

    def reopen_interrupted(self) -> bool:
        """At start-up after a crash: show the newest conversation if its reply was cut."""
        from desktop_chat.core.store import StoreError  # loaded with the store, after paint

        if self.store is None or self.conversation.messages:
            return False
        try:
            end = self.store.newest_path_end()  # no conversation is read for this
        except StoreError as exc:
            self.on_notice(str(exc), True)
            return False
        if end is not None and end.status is Status.INTERRUPTED:
            return self.open_conversation(end.conversation_id)
        return False

    def visible_state(self) -> dict[str, Any]:
        """What is shown, as data (end-to-end tests read it; no key in it)."""
        return {
            "replies": sum(m.role == "assistant" for m in self.conversation.messages),
            "shown": [m.id for m in self.conversation.path()],
        }

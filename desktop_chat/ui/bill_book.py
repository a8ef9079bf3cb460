"""The controller's part for the bill and the window: prices, web search per conversation,
how full the context is (exact after replies, counted by the API for the draft), and the
send refused before any request when it would not fit.

It holds no view: it emits the controller's signals (``bill_changed``, ``web_tools_changed``,
``context_refused``) and its own ``draft_counted``.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop_chat.core import context_budget, web_tools
from desktop_chat.core.bill import bill_of
from desktop_chat.core.context_budget import ContextFill
from desktop_chat.core.conversation import Conversation
from desktop_chat.core.i18n import translate
from desktop_chat.core.pricing import PriceBook
from desktop_chat.core.settings import Settings

if TYPE_CHECKING:
    from desktop_chat.core.models import ModelInfo
    from desktop_chat.ui.controller import ChatController

log = logging.getLogger(__name__)


class BillBook(QObject):
    """Costs, web search and the context window of the conversation ``controller`` shows.

    Signals:
        draft_counted(object): the ``ContextFill`` the draft would make, counted by the API
            (``count_tokens``) for the very request a send would make.
    """

    draft_counted = Signal(object)

    def __init__(self, controller: ChatController) -> None:
        super().__init__(controller)
        self._c = controller
        self._prices: PriceBook | None = None
        self._infos: dict[str, ModelInfo | None] = {}
        self.web_tools = False
        self._draft: tuple[str, tuple[str, ...], ContextFill] | None = None
        self._counting: asyncio.Task[None] | None = None

    # section: what the controller asks

    @property
    def prices(self) -> PriceBook:
        if self._prices is None:
            self._prices = PriceBook.load()  # a few small files
            for problem in self._prices.problems:
                self._c.notice.emit(problem, True)
        return self._prices

    def model_info(self) -> ModelInfo | None:
        model = self._c.settings.model
        if model not in self._infos:
            from desktop_chat.core.capabilities import model_info
            from desktop_chat.core.models import known_models

            self._infos[model] = model_info(model, known_models(self._c.settings.base_url))
        return self._infos[model]

    def limit(self) -> int | None:
        info = self.model_info()
        return info.max_input_tokens if info is not None else None

    def turn_settings(self) -> Settings:
        """The settings a turn of this conversation sends (its web search choice on top)."""
        return replace(self._c.settings, web_tools=self.web_tools)

    def show(self) -> None:
        """Tell the views the bill of the conversation shown."""
        path = self._c.conversation.path()
        replies = [m for m in path if m.role == "assistant"]
        bill = bill_of(
            self._c.conversation.messages,
            replies[-1] if replies else None,
            self.prices,
            self.limit(),
        )
        self._c.bill_changed.emit(bill)

    # section: web search, per conversation

    def on_conversation_shown(self) -> None:
        self._draft = None
        conversation = self._c.conversation
        on = False
        store = self._c.store
        if store is not None and conversation.messages:
            from desktop_chat.core.store import StoreError

            try:
                on = bool(store.conversation_settings(conversation.id).get(web_tools.WEB_OVERRIDE))
            except StoreError:
                on = False
        self.web_tools = on
        self._c.web_tools_changed.emit(on)

    def toggle_web_tools(self) -> bool:
        """Turn web search on or off for this conversation; refused where the model has none."""
        if not self.web_tools and not web_tools.offered(self.model_info()):
            self._c.notice.emit(
                translate("WebTools", "%1 does not offer web search.").replace(
                    "%1", self._c.settings.model
                ),
                False,
            )
            return False
        self.web_tools = not self.web_tools
        self.keep_web_tools()
        self._c.web_tools_changed.emit(self.web_tools)
        return True

    def keep_web_tools(self) -> None:
        """Save the choice with the conversation (once it is saved itself)."""
        store = self._c.store
        conversation = self._c.conversation
        if store is None or not conversation.messages:
            return
        from desktop_chat.core.store import StoreError

        try:
            saved = store.conversation_settings(conversation.id)
            if bool(saved.get(web_tools.WEB_OVERRIDE)) != self.web_tools:
                store.set_conversation_settings(
                    conversation.id, {**saved, web_tools.WEB_OVERRIDE: self.web_tools}
                )
        except StoreError as exc:
            log.info("web search choice not saved yet: %s", exc)

    # section: the context window

    def count_draft(self, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        """Count the draft (its text and content blocks) with the API, in the background;
        ``draft_counted`` says the result. A newer draft cancels an older count."""
        if self._counting is not None and not self._counting.done():
            self._counting.cancel()
        content = context_budget.draft_content(text, blocks)
        if not content:
            self._draft = None
            self.show()
            return
        self._counting = asyncio.ensure_future(self._count(text, content))
        self._counting.add_done_callback(_report)

    async def _count(self, text: str, content: list[dict[str, Any]]) -> None:
        conversation: Conversation = self._c.conversation
        params = context_budget.count_params(
            conversation, self.turn_settings().request_params(self.model_info()), content
        )
        client = await self._c.api.open_client()
        if client is None:
            return
        try:
            # Attachments are stored as references: the count sends their bytes, as a send does.
            params["messages"] = await self._c.blobs.api_messages(
                params["messages"], citations=self._c.documents_cite()
            )
            async with client:
                tokens = await context_budget.count_tokens(client, params)
        except Exception as exc:  # the meter then shows the last exact fill
            log.info("count_tokens failed: %s", type(exc).__name__)
            return
        if not shiboken6.isValid(self) or conversation is not self._c.conversation:
            return  # (the window closed, or another conversation is shown)
        fill = ContextFill(tokens, self.limit())
        self._draft = (text, _kinds(content), fill)
        self.draft_counted.emit(fill)

    def fill_for(self, text: str, blocks: list[dict[str, Any]] | None = None) -> ContextFill:
        """What sending ``text`` (and ``blocks``) now would fill: the API's count when it is
        of this draft, else the last reply's exact fill and an estimate for the draft (about
        4 characters a token; the API says what attachments cost once counted)."""
        content = context_budget.draft_content(text, blocks)
        if self._draft is not None and self._draft[:2] == (text, _kinds(content)):
            return self._draft[2]
        path = self._c.conversation.path()
        replies = [m for m in path if m.role == "assistant"]
        base = context_budget.after_reply(replies[-1] if replies else None, self.limit())
        return ContextFill(base.tokens + (len(text) + 3) // 4, base.limit, exact=False)

    def refuse_send(self, text: str, blocks: list[dict[str, Any]] | None = None) -> bool:
        """Refuse (True), before any request, a send that would not fit the window."""
        fill = self.fill_for(text, blocks)
        if fill.level != "over":
            return False
        hint = translate("ContextMeter", "(%1 starts one.)").replace(
            "%1", self._c.key("summary_chat")
        )
        self._c.notice.emit(f"{context_budget.over_limit_text(fill)} {hint}", True)
        self._c.context_refused.emit(fill)
        return True

    def new_from_summary(self) -> bool:
        """A new conversation whose first question asks for a summary of this one."""
        old = self._c.conversation
        if self._c.busy or not old.messages:
            return False
        request = context_budget.summary_request(old, self.limit())
        web = self.web_tools
        if not self._c.new_conversation():
            return False
        self.web_tools = web
        self._c.web_tools_changed.emit(web)
        return self._c.send(request)


def _kinds(content: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(str(b.get("type")) for b in content)


def _report(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (exc := task.exception()) is not None:
        task.get_loop().call_exception_handler(
            {"message": "counting the draft failed", "exception": exc, "future": task}
        )

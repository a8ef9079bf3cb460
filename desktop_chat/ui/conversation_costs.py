"""The conversation list's costs: worked out in a worker thread from the saved replies'
usage whenever the list is read again, and handed to the list model to show."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject

from desktop_chat.core.costs import Cost, format_cost, reply_cost
from desktop_chat.core.pricing import PriceBook
from desktop_chat.core.store_usage import read_usage
from desktop_chat.ui.conversation_models import ConversationListModel

log = logging.getLogger(__name__)


def conversation_costs(path: Path, ids: list[str], book: PriceBook) -> dict[str, str]:
    """Each conversation's cost, as the list shows it (worker thread)."""
    totals: dict[str, Cost] = {}
    for row in read_usage(path, ids):
        totals[row.conversation_id] = totals.get(row.conversation_id, Cost()) + reply_cost(
            row.model, row.usage, book
        )
    return {cid: format_cost(cost) for cid, cost in totals.items()}


class ConversationCosts(QObject):
    """Keeps ``model``'s costs up to date (after each reload and each page read)."""

    def __init__(
        self, model: ConversationListModel, prices: Callable[[], PriceBook], path: Path
    ) -> None:
        super().__init__(model)
        self._model = model
        self._prices = prices
        self._path = path
        self._task: asyncio.Future[dict[str, str]] | None = None
        model.modelReset.connect(self.refresh)
        model.rowsInserted.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        ids = self._model.ids()
        if not ids:
            return
        if self._task is not None and not self._task.done():
            self._task.cancel()
        try:
            self._task = asyncio.ensure_future(
                asyncio.to_thread(conversation_costs, self._path, ids, self._prices())
            )
        except RuntimeError:  # no event loop (a list shown without one): no costs
            return
        self._task.add_done_callback(self._done)

    def _done(self, task: asyncio.Future[dict[str, str]]) -> None:
        if task.cancelled() or not shiboken6.isValid(self._model):
            return  # (the list went away meanwhile: the window closed)
        if (exc := task.exception()) is not None:
            log.info("conversation costs not read: %s", exc)
            return
        self._model.set_costs(task.result())

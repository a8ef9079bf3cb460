"""What the side pane shows of the money and the window: the last reply, and the whole
conversation (every reply asked for, variants included: each was paid for)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_chat.core.context_budget import ContextFill, after_reply
from desktop_chat.core.conversation import Message
from desktop_chat.core.costs import Cost, UsageParts, billed_parts, reply_cost, usage_parts
from desktop_chat.core.pricing import PriceBook, Prices


@dataclass(frozen=True)
class Bill:
    """The last reply's usage and cost, the conversation's, and how full the window is."""

    reply_parts: UsageParts | None
    reply_cost: Cost | None
    parts: UsageParts
    cost: Cost
    replies: int
    context: ContextFill
    reply_prices: Prices | None = None


def bill_of(
    messages: Sequence[Message], last: Message | None, book: PriceBook, limit: int | None
) -> Bill:
    """The bill of ``messages`` (all of a conversation's), with ``last`` the reply shown."""
    parts = UsageParts()
    cost = Cost()
    replies = 0
    for m in messages:
        if m.role != "assistant":
            continue
        replies += 1
        parts = parts + billed_parts(m.usage)
        cost = cost + reply_cost(m.model, m.usage, book)
    return Bill(
        reply_parts=usage_parts(last.usage) if last is not None else None,
        reply_cost=reply_cost(last.model, last.usage, book) if last is not None else None,
        parts=parts,
        cost=cost,
        replies=replies,
        context=after_reply(last, limit),
        reply_prices=book.for_model(last.model) if last is not None else None,
    )

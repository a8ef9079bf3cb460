"""How full the model's context window is: exact after a reply, counted by the API for a draft.

After a reply, the next request holds everything the last one sent plus the reply itself:
its usage says both (input, cache writes and reads, and output). For the draft, the API's
``count_tokens`` counts the very request a send would make (the conversation, the draft's
content blocks, the system prompt and the tools), so attachments are counted as the API
counts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_chat.core.costs import usage_parts
from desktop_chat.core.i18n import number, translate

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

    from desktop_chat.core.conversation import Conversation, Message

WARN_SHARE = 0.8
# What count_tokens takes of a request's parameters (max_tokens and the like are refused).
_COUNT_PARAMS = (
    "model",
    "system",
    "thinking",
    "tools",
    "tool_choice",
    "output_config",
    "cache_control",
)
SUMMARY_SHARE = 0.5  # of the window, at most, for the earlier conversation a summary reads


@dataclass(frozen=True)
class ContextFill:
    """Tokens the next request holds, against the model's window.

    ``exact``: from the API (usage or count_tokens), not an estimate.
    """

    tokens: int
    limit: int | None
    exact: bool = True

    @property
    def share(self) -> float | None:
        return self.tokens / self.limit if self.limit else None

    @property
    def level(self) -> str:
        """``ok``, ``warn`` (80% or more) or ``over`` (more than the window)."""
        if not self.limit:
            return "ok"
        if self.tokens > self.limit:
            return "over"
        return "warn" if self.tokens >= WARN_SHARE * self.limit else "ok"


def after_reply(message: Message | None, limit: int | None) -> ContextFill:
    """The window after ``message`` (the last reply): what it was sent, and what it said."""
    if message is None:
        return ContextFill(0, limit)
    parts = usage_parts(message.usage)
    return ContextFill(parts.prompt + parts.output, limit)


def draft_content(text: str, blocks: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The draft as the content of a user message: its attachments' blocks, then its text."""
    content = [dict(b) for b in blocks or []]
    if text.strip():
        content.append({"type": "text", "text": text})
    return content


def count_params(
    conversation: Conversation, params: dict[str, Any], draft: list[dict[str, Any]]
) -> dict[str, Any]:
    """The ``count_tokens`` parameters for sending ``draft`` next in ``conversation``."""
    from desktop_chat.core.api_messages import api_messages
    from desktop_chat.core.conversation import Message

    path = conversation.path()
    if draft:
        question = Message.user("")
        question.content = draft
        path = [*path, question]
    messages = api_messages(path)
    counted = {k: v for k, v in params.items() if k in _COUNT_PARAMS}
    counted["messages"] = messages
    return counted


async def count_tokens(client: AsyncAnthropic, params: dict[str, Any]) -> int:
    """The API's count of the prompt ``params`` would send."""
    result = await client.messages.count_tokens(**params)
    return int(result.input_tokens)


def fill_text(fill: ContextFill) -> str:
    """ "12,345 / 200,000 tokens (6%)" for the meter."""
    if not fill.limit:
        return translate("ContextMeter", "%1 tokens").replace("%1", number(fill.tokens))
    share = fill.tokens / fill.limit
    return (
        translate("ContextMeter", "%1 / %2 tokens (%3%)")
        .replace("%1", number(fill.tokens))
        .replace("%2", number(fill.limit))
        .replace("%3", f"{share * 100:.0f}")
    )


def over_limit_text(fill: ContextFill) -> str:
    """Why a send is refused, and what to do."""
    return (
        translate(
            "ContextMeter",
            "This message would not fit: the conversation and the draft are %1 tokens, and"
            " the model reads at most %2. Nothing was sent. Start a new conversation from a"
            " summary of this one, or shorten the draft.",
        )
        .replace("%1", number(fill.tokens))
        .replace("%2", number(fill.limit or 0))
    )


def summary_request(conversation: Conversation, limit: int | None) -> str:
    """The first message of a new conversation that asks for a summary of ``conversation``.

    The transcript goes in newest first until it would take more than half the window
    (about 4 characters a token), so that the request itself fits.
    """
    budget_chars = int((limit or 200_000) * SUMMARY_SHARE * 4)
    lines: list[str] = []
    used = 0
    for message in reversed(conversation.path()):
        text = "\n".join(
            str(b.get("text", "")) for b in message.content if b.get("type") == "text"
        ).strip()
        if not text:
            continue
        entry = f"{message.role.upper()}: {text}"
        if used + len(entry) > budget_chars:
            break
        lines.append(entry)
        used += len(entry)
    transcript = "\n\n".join(reversed(lines))
    intro = translate(
        "ContextMeter",
        "Summarise the conversation below so that we can go on from it here: the facts,"
        " decisions and open questions, briefly.",
    )
    return f"{intro}\n\n<conversation>\n{transcript}\n</conversation>"

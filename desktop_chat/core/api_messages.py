"""The API form of a conversation: the ``messages`` parameter, and a reply joined to its
continuation.

The message classes are imported where they are used: :mod:`desktop_chat.core.conversation`
imports this module (``Conversation.to_api_messages``, and the names it re-exports), so this
one must load without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_chat.core.conversation import Block, Message

# Said to the model for a tool_use no tool result answers (no server offers the tool, or the
# turn stopped before it ran): the API refuses a tool_use without a tool_result after it.
NO_TOOLS_RESULT = "The tool was not run: no tool server here offers it, or its call was stopped."


def api_messages(path: list[Message]) -> list[dict[str, Any]]:
    """The ``messages`` parameter that continues the conversation along ``path``.

    Complete replies go back unchanged (thinking blocks with their signatures). From a
    reply that did not complete, only what the API accepts is kept: finished blocks,
    and text without trailing white space. A tool_use is answered with an error
    tool_result, since this client runs no tools. Excluded messages (a dropped refused
    exchange) are left out.
    """
    from desktop_chat.core.conversation import Status

    out: list[dict[str, Any]] = []
    pending_tool_ids: list[str] = []
    for m in path:
        if m.excluded:
            continue
        if m.role == "assistant":
            if m.status is Status.STREAMING:
                continue
            blocks = m.content if m.status is Status.COMPLETE else _finished_blocks(m.content)
            blocks = _strip_trailing_space(blocks)
            if not blocks:
                continue
            out.append({"role": "assistant", "content": blocks})
            pending_tool_ids = [b["id"] for b in blocks if b.get("type") == "tool_use"]
        else:
            # Calls the message already answers (the tool loop's results) keep their own.
            answered = {b.get("tool_use_id") for b in m.content if b.get("type") == "tool_result"}
            content = [
                {
                    "type": "tool_result",
                    "tool_use_id": tool_id,
                    "content": NO_TOOLS_RESULT,
                    "is_error": True,
                }
                for tool_id in pending_tool_ids
                if tool_id not in answered
            ] + [dict(b) for b in m.content]
            pending_tool_ids = []
            if out and out[-1]["role"] == "user":
                # Tool results, then the question typed after them: one user turn, as
                # the API would combine them.
                out[-1]["content"] = [*out[-1]["content"], *content]
            else:
                out.append({"role": "user", "content": content})
    return out


def _finished_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks of an unfinished reply that the API will take back."""
    kept: list[Block] = []
    for b in blocks:
        kind = b.get("type")
        if kind == "thinking" and not b.get("signature"):
            continue  # cut before its signature: the API rejects it
        if kind in ("tool_use", "server_tool_use"):
            continue  # its input may be cut short; and it would want a tool_result
        if kind == "text" and not b.get("text", "").strip():
            continue
        kept.append(b)
    return kept


def _strip_trailing_space(blocks: list[Block]) -> list[Block]:
    # The API refuses a final assistant text block that ends in white space.
    if blocks and blocks[-1].get("type") == "text":
        last = dict(blocks[-1])
        last["text"] = last.get("text", "").rstrip()
        if not last["text"]:
            return blocks[:-1]
        return [*blocks[:-1], last]
    return blocks


def merge_continuation(base: Message, part: Message) -> Message:
    """``base`` (a reply cut at max_tokens or paused) followed by ``part``, its continuation.

    The API continues a final assistant message where it stopped: the text of ``part``'s
    first block goes on the end of ``base``'s last text block. Counts add up; how it ended
    is ``part``'s.
    """
    from desktop_chat.core.conversation import Message, Metrics, Usage

    content = [dict(b) for b in base.content]
    rest = [dict(b) for b in part.content]
    if content and rest and content[-1].get("type") == "text" and rest[0].get("type") == "text":
        # The API was sent the text without its trailing white space (it refuses that),
        # and the continuation starts from there.
        content[-1]["text"] = content[-1].get("text", "").rstrip() + rest.pop(0).get("text", "")
    usage = Usage.from_dict(part.usage.to_dict())
    usage.output_tokens += base.usage.output_tokens
    # The earlier requests' prompts were billed too: kept beside the last request's usage
    # (which says what the context holds), for what the reply cost.
    from desktop_chat.core.costs import EARLIER_REQUESTS

    before = base.usage.to_dict()
    earlier = before.pop(EARLIER_REQUESTS, None)
    usage.extra[EARLIER_REQUESTS] = [*(earlier if isinstance(earlier, list) else ()), before]
    return Message(
        role="assistant",
        content=content + rest,
        id=base.id,
        created_at=base.created_at,
        parent_id=base.parent_id,
        model=part.model or base.model,
        api_message_id=part.api_message_id or base.api_message_id,
        request_id=part.request_id or base.request_id,
        stop_reason=part.stop_reason,
        stop_sequence=part.stop_sequence,
        stop_details=part.stop_details,
        usage=usage,
        metrics=Metrics(
            started_at=base.metrics.started_at,
            finished_at=part.metrics.finished_at,
            ttft_s=base.metrics.ttft_s,
            tokens_per_s=part.metrics.tokens_per_s,
        ),
        status=part.status,
        error=part.error,
    )

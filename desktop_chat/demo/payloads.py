"""JSON payloads of the Messages API: a whole message, and the stream events of a reply."""

from __future__ import annotations

from typing import Any

from desktop_chat.demo.content import (
    OutBlock,
    RedactedThinking,
    Reply,
    Text,
    Thinking,
    ToolUse,
    Whole,
    block_payload,
)
from desktop_chat.demo.faults import Event
from desktop_chat.demo.tokens import PromptUsage

# message_start reports a token or so of output already, as the API does.
STARTING_OUTPUT_TOKENS = 1


def usage_json(
    usage: PromptUsage, output_tokens: int, extras: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``usage`` of a message object; ``extras``: server tool use, output token details."""
    return {
        "input_tokens": usage.input_tokens,
        "cache_creation_input_tokens": usage.cache_creation_input_tokens,
        "cache_read_input_tokens": usage.cache_read_input_tokens,
        "cache_creation": {
            "ephemeral_5m_input_tokens": usage.cache_creation_5m,
            "ephemeral_1h_input_tokens": usage.cache_creation_1h,
        },
        "output_tokens": output_tokens,
        "service_tier": "standard",
        **(extras or {}),
    }


def usage_extras(reply: Reply) -> dict[str, Any]:
    """The usage fields a reply adds when it has them: server tool requests, thinking tokens.

    Left out when there is nothing to count, as the API leaves them out.
    """
    extras: dict[str, Any] = {}
    names = [o.block.name for o in reply.blocks if isinstance(o.block, ToolUse) and o.block.server]
    searches, fetches = names.count("web_search"), names.count("web_fetch")
    if searches or fetches:
        extras["server_tool_use"] = {"web_search_requests": searches, "web_fetch_requests": fetches}
    thinking = sum(len(o.pieces) for o in reply.blocks if isinstance(o.block, Thinking))
    if thinking:
        extras["output_tokens_details"] = {"thinking_tokens": thinking}
    return extras


def _shell(
    *, message_id: str, model: str, content: list[dict[str, Any]], usage: dict[str, Any]
) -> dict[str, Any]:
    return {
        "id": message_id,
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": None,
        "stop_sequence": None,
        "stop_details": None,
        "usage": usage,
    }


def message_json(
    reply: Reply, *, message_id: str, model: str, usage: PromptUsage
) -> dict[str, Any]:
    """The body of a non-streaming ``POST /v1/messages``."""
    message = _shell(
        message_id=message_id,
        model=model,
        content=[block_payload(out, streaming=False) for out in reply.blocks],
        usage=usage_json(usage, reply.output_tokens, usage_extras(reply)),
    )
    message["stop_reason"] = reply.stop.reason
    message["stop_sequence"] = reply.stop.sequence
    message["stop_details"] = reply.stop.details
    return message


def _delta(index: int, delta: dict[str, Any], *, paced: bool) -> Event:
    return Event(
        "content_block_delta",
        {"type": "content_block_delta", "index": index, "delta": delta},
        paced,
    )


def _block_deltas(index: int, out: OutBlock) -> list[Event]:
    match out.block:
        case Thinking(omitted=omitted):
            deltas = (
                []
                if omitted
                else [
                    _delta(index, {"type": "thinking_delta", "thinking": piece}, paced=True)
                    for piece in out.pieces
                ]
            )
            signature = {"type": "signature_delta", "signature": out.signature}
            return [*deltas, _delta(index, signature, paced=False)]
        case Text(citations=citations):
            # A cited span's citations come first, before any of its text.
            cited = [
                _delta(index, {"type": "citations_delta", "citation": c}, paced=False)
                for c in citations
            ]
            return cited + [
                _delta(index, {"type": "text_delta", "text": piece}, paced=True)
                for piece in out.pieces
            ]
        case ToolUse():
            # The API opens every tool input with an empty piece.
            first = _delta(index, {"type": "input_json_delta", "partial_json": ""}, paced=False)
            return [first] + [
                _delta(index, {"type": "input_json_delta", "partial_json": piece}, paced=True)
                for piece in out.pieces
            ]
        case RedactedThinking() | Whole():
            return []


def reply_events(reply: Reply, *, message_id: str, model: str, usage: PromptUsage) -> list[Event]:
    """The events of a healthy stream of ``reply``, from message_start to message_stop."""
    start = _shell(
        message_id=message_id,
        model=model,
        content=[],
        usage=usage_json(usage, STARTING_OUTPUT_TOKENS),
    )
    events = [
        Event("message_start", {"type": "message_start", "message": start}),
        Event("ping", {"type": "ping"}),
    ]
    for index, out in enumerate(reply.blocks):
        events.append(
            Event(
                "content_block_start",
                {
                    "type": "content_block_start",
                    "index": index,
                    "content_block": block_payload(out, streaming=True),
                },
            )
        )
        events.extend(_block_deltas(index, out))
        events.append(Event("content_block_stop", {"type": "content_block_stop", "index": index}))
    events.append(
        Event(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {
                    "stop_reason": reply.stop.reason,
                    "stop_sequence": reply.stop.sequence,
                    "stop_details": reply.stop.details,
                },
                # Cumulative, and repeating the input side, as the API sends it.
                "usage": {
                    "input_tokens": usage.input_tokens,
                    "cache_creation_input_tokens": usage.cache_creation_input_tokens,
                    "cache_read_input_tokens": usage.cache_read_input_tokens,
                    "output_tokens": reply.output_tokens,
                    **usage_extras(reply),
                },
            },
        )
    )
    events.append(Event("message_stop", {"type": "message_stop"}))
    return events

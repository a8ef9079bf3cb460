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
    block_payload,
)
from desktop_chat.demo.faults import Event
from desktop_chat.demo.tokens import PromptUsage

# message_start reports a token or so of output already, as the API does.
STARTING_OUTPUT_TOKENS = 1


def usage_json(usage: PromptUsage, output_tokens: int) -> dict[str, Any]:
    """``usage`` of a message object."""
    return {
        "input_tokens": usage.input_tokens,
        "cache_creation_input_tokens": usage.cache_creation_input_tokens,
        "cache_read_input_tokens": usage.cache_read_input_tokens,
        "cache_creation": {
            "ephemeral_5m_input_tokens": usage.cache_creation_input_tokens,
            "ephemeral_1h_input_tokens": 0,
        },
        "output_tokens": output_tokens,
        "service_tier": "standard",
    }


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
        usage=usage_json(usage, reply.output_tokens),
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
        case Text():
            return [
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
        case RedactedThinking():
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
                },
            },
        )
    )
    events.append(Event("message_stop", {"type": "message_stop"}))
    return events

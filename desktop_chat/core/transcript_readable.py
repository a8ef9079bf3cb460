"""What the Markdown and HTML transcripts both show: times, a reply's metadata, sources."""

from __future__ import annotations

import time
from typing import Any

from desktop_chat.core.conversation import Block, Conversation, Message
from desktop_chat.core.transcript_json import dumps


def utc_time(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(timestamp))


def metadata_line(m: Message) -> str:
    """One line about an assistant reply: model, stop reason, tokens, timings, status."""
    parts = [m.model or "unknown model"]
    if m.stop_reason:
        parts.append(f"stop: {m.stop_reason}")
    u = m.usage
    tokens = f"{u.input_tokens:,} in / {u.output_tokens:,} out tokens"
    if u.cache_read_input_tokens or u.cache_creation_input_tokens:
        tokens += (
            f" (cache: {u.cache_read_input_tokens:,} read,"
            f" {u.cache_creation_input_tokens:,} written)"
        )
    parts.append(tokens)
    if m.metrics.ttft_s is not None:
        parts.append(f"first token {m.metrics.ttft_s:.2f} s")
    if m.metrics.tokens_per_s is not None:
        parts.append(f"{m.metrics.tokens_per_s:.1f} tokens/s")
    parts.append(str(m.status))
    if m.stop_details:
        parts.append("details: " + dumps(m.stop_details, indent=None))
    return " · ".join(parts)


def summarized(block: Block) -> Block:
    """``block`` with base64 payloads (images, documents) replaced by their size."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if value.get("type") == "base64" and isinstance(value.get("data"), str):
                return {**value, "data": f"<{len(value['data']):,} characters of base64>"}
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    result: Block = walk(block)
    return result


def count_line(conv: Conversation, shown: list[Message]) -> str:
    """How many messages; and how many variants/branches are only in the JSON export."""
    count = len(shown)
    line = f"{count} message{'' if count == 1 else 's'}"
    if others := len(conv.messages) - count:
        line += f" shown ({others} more in other variants or branches: see the JSON export)"
    return line

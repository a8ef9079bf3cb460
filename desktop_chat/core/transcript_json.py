"""JSON transcripts, written: the lossless export format.

The format is versioned and deterministic: sorted keys, two-space indent, ``": "`` and
``","`` separators, UTF-8 without ``\\u`` escapes, a final newline; so exporting, importing
and exporting again gives the same bytes::

    {"format": "desktop-chat-transcript", "version": 1, "conversations": [
        {"id", "title", "created_at", "messages": [
            {"id", "role", "created_at", "content": [<the API's content blocks, as they were>],
             assistant only: "model", "api_message_id", "request_id", "stop_reason",
             "stop_details", "usage", "metrics", "status", "error";
             when set: "stop_sequence", "excluded"}]}]}

The writer is a generator of text chunks, so ``export --all`` holds one conversation in
memory at a time; ``to_json()`` joins them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from desktop_chat.core.conversation import Conversation, Message

FORMAT = "desktop-chat-transcript"
VERSION = 1


def dumps(value: Any, indent: int | None = 2) -> str:
    return json.dumps(
        value,
        sort_keys=True,
        ensure_ascii=False,
        indent=indent,
        separators=(",", ": ") if indent is not None else (", ", ": "),
        allow_nan=False,
    )


def message_to_dict(m: Message) -> dict[str, Any]:
    """A message as it appears in a JSON transcript."""
    out: dict[str, Any] = {
        "id": m.id,
        "role": m.role,
        "created_at": m.created_at,
        "content": m.content,
    }
    if m.parent_id is not None:
        out["parent_id"] = m.parent_id  # variants and branches: see Conversation
    if m.role == "assistant":
        out.update(
            model=m.model,
            api_message_id=m.api_message_id,
            request_id=m.request_id,
            stop_reason=m.stop_reason,
            stop_details=m.stop_details,
            usage=m.usage.to_dict(),
            metrics=m.metrics.to_dict(),
            status=str(m.status),
            error=m.error,
        )
        if m.stop_sequence is not None:
            out["stop_sequence"] = m.stop_sequence
    if m.excluded:
        out["excluded"] = True  # left out of what is sent (a dropped refused exchange)
    if m.tool_decisions:
        out["tool_decisions"] = m.tool_decisions  # what was decided on each tool call
    return out


def conversation_to_dict(conv: Conversation) -> dict[str, Any]:
    """A conversation as it appears in a JSON transcript."""
    out: dict[str, Any] = {
        "id": conv.id,
        "title": conv.title,
        "created_at": conv.created_at,
        "messages": [message_to_dict(m) for m in conv.messages],
    }
    if conv.current_id is not None:
        out["current_id"] = conv.current_id  # the end of the path shown
    return out


def iter_json(conversations: Iterable[Conversation]) -> Iterator[str]:
    """The JSON transcript of ``conversations``, in chunks.

    Joined, the chunks equal ``json.dumps(whole, sort_keys=True, indent=2, ...)`` + newline;
    each conversation is dumped alone and indented (JSON strings hold no raw newline).
    """
    yield '{\n  "conversations": ['
    first = True
    for conv in conversations:
        body = dumps(conversation_to_dict(conv)).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + body
        first = False
    yield "]" if first else "\n  ]"
    yield f',\n  "format": {dumps(FORMAT)},\n  "version": {VERSION}\n}}\n'


def to_json(conversations: Iterable[Conversation]) -> str:
    return "".join(iter_json(conversations))

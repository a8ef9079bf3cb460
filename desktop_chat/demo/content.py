"""What the demo model says: output blocks, and cutting them at stop sequences and max_tokens.

A scenario composes whole blocks; :func:`finish_reply` then does what the real API does to a
reply: it stops at the first requested stop sequence, stops when the output reaches
``max_tokens`` (one delta piece is one token), and decides the stop reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any, Literal

from desktop_chat.demo.signatures import sign_thinking
from desktop_chat.demo.tokens import split_json, split_text

StopReason = Literal[
    "end_turn",
    "max_tokens",
    "stop_sequence",
    "tool_use",
    "pause_turn",
    "refusal",
    "model_context_window_exceeded",
]


@dataclass(frozen=True)
class Thinking:
    """A thinking block; ``omitted`` streams no text (``thinking.display: "omitted"``)."""

    text: str
    omitted: bool = False


@dataclass(frozen=True)
class RedactedThinking:
    data: str


@dataclass(frozen=True)
class Text:
    """Text; ``citations`` stream as ``citations_delta`` before it.

    ``start_list``: the block starts with ``"citations": []`` (the API does both).
    """

    text: str
    citations: tuple[dict[str, Any], ...] = ()
    start_list: bool = False


@dataclass(frozen=True)
class ToolUse:
    """A tool call; ``input_json`` is the raw text streamed, invalid JSON on purpose at times.

    ``server``: a ``server_tool_use`` (web search, web fetch, code execution), which the API
    runs itself: its result follows in the same reply.
    """

    id: str
    name: str
    input_json: str
    server: bool = False


@dataclass(frozen=True)
class Whole:
    """A block that arrives whole in its ``content_block_start``, without deltas (tool
    results of server tools, container uploads, kinds newer than the client)."""

    payload: dict[str, Any]


Block = Thinking | RedactedThinking | Text | ToolUse | Whole


@dataclass(frozen=True)
class Stop:
    """Why the reply ended, as ``message_delta.delta`` reports it."""

    reason: StopReason = "end_turn"
    sequence: str | None = None
    details: dict[str, Any] | None = None


@dataclass(frozen=True)
class OutBlock:
    """A block as sent: its delta pieces (one token each) and, for thinking, its signature."""

    block: Block
    pieces: tuple[str, ...]
    signature: str = ""

    @property
    def shown_text(self) -> str:
        """The text the client ends up with for this block."""
        if isinstance(self.block, Thinking) and self.block.omitted:
            return ""
        return "".join(self.pieces)


@dataclass(frozen=True)
class Reply:
    """A finished reply: blocks cut to size, the stop, and the output token count."""

    blocks: tuple[OutBlock, ...]
    stop: Stop
    output_tokens: int


def _pieces(block: Block) -> list[str]:
    match block:
        case Thinking(text=text) | Text(text=text):
            return split_text(text)
        case ToolUse(input_json=raw):
            return split_json(raw, seed=len(raw))
        case RedactedThinking() | Whole():
            return []


def _cut_at_stop_sequence(
    blocks: list[Block], stop_sequences: tuple[str, ...]
) -> tuple[list[Block], str | None]:
    """Cut the first text that holds a stop sequence just before it; drop what follows."""
    for index, block in enumerate(blocks):
        if not isinstance(block, Text):
            continue
        found = [(block.text.find(seq), seq) for seq in stop_sequences if seq in block.text]
        if found:
            at, sequence = min(found)
            kept = blocks[:index]
            if block.text[:at]:
                kept.append(replace(block, text=block.text[:at]))
            return kept, sequence
    return blocks, None


def _with_pieces(block: Block, pieces: list[str]) -> OutBlock:
    match block:
        case Thinking(omitted=omitted):
            text = "".join(pieces)
            return OutBlock(
                Thinking(text, omitted), tuple(pieces), sign_thinking("" if omitted else text)
            )
        case Text():
            return OutBlock(replace(block, text="".join(pieces)), tuple(pieces))
        case ToolUse():
            return OutBlock(replace(block, input_json="".join(pieces)), tuple(pieces))
        case RedactedThinking() | Whole():
            return OutBlock(block, ())


def finish_reply(
    blocks: list[Block],
    *,
    stop: Stop,
    stop_sequences: tuple[str, ...],
    max_tokens: int,
) -> Reply:
    """Apply stop sequences, then ``max_tokens``, to the blocks a scenario composed.

    When the reply stops at ``max_tokens`` its usage reports ``max_tokens`` output tokens,
    as the API does, even when the demo had fewer pieces to send.
    """
    last = blocks[-1] if blocks else None
    if isinstance(last, ToolUse) and not last.server and stop.reason == "end_turn":
        stop = Stop("tool_use")
    blocks, sequence = _cut_at_stop_sequence(blocks, stop_sequences)
    if sequence is not None:
        stop = Stop("stop_sequence", sequence)
    budget = max_tokens
    out: list[OutBlock] = []
    for block in blocks:
        pieces = _pieces(block)
        if budget <= 0 and pieces:
            stop = Stop("max_tokens")
            break
        if len(pieces) > budget:
            out.append(_with_pieces(block, pieces[:budget]))
            budget = 0
            stop = Stop("max_tokens")
            break
        out.append(_with_pieces(block, pieces))
        budget -= len(pieces)
    used = max_tokens - budget
    output_tokens = max_tokens if stop.reason == "max_tokens" else max(1, used)
    return Reply(tuple(out), stop, output_tokens)


def block_payload(out: OutBlock, *, streaming: bool) -> dict[str, Any]:
    """A block as JSON: empty, for ``content_block_start``, or whole, for a full message."""
    block = out.block
    match block:
        case Thinking():
            if streaming:
                return {"type": "thinking", "thinking": "", "signature": ""}
            return {"type": "thinking", "thinking": out.shown_text, "signature": out.signature}
        case RedactedThinking(data=data):
            return {"type": "redacted_thinking", "data": data}
        case Text(text=text, citations=citations, start_list=start_list):
            payload: dict[str, Any] = {"type": "text", "text": "" if streaming else text}
            if streaming and start_list:
                payload["citations"] = []
            elif not streaming and citations:
                payload["citations"] = list(citations)
            return payload
        case ToolUse(id=tool_id, name=name, input_json=raw, server=server):
            tool_input = {} if streaming else _parsed(raw)
            kind = "server_tool_use" if server else "tool_use"
            return {"type": kind, "id": tool_id, "name": name, "input": tool_input}
        case Whole(payload=payload):
            return dict(payload)


def _parsed(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return {}

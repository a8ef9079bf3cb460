"""Token arithmetic of the demo: estimates, the cache split of a prompt, and delta pieces.

One streamed delta counts as one output token, which is close enough to the real API for the
side pane's numbers to move the way they do against the real thing.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Whitespace plus a short word, or a few symbols (CJK has no spaces, so it goes 1-3 at a time).
_PIECE = re.compile(r"\s*(?:[A-Za-z0-9'\u2019]{1,10}|[^\sA-Za-z0-9'\u2019]{1,3})|\s+")

# Tokens a request costs beyond its text: role markers and the like.
PROMPT_OVERHEAD_TOKENS = 3

# What an image or a document costs, whatever its size (a demo has no vision model).
ATTACHMENT_TOKENS = 1_500
REDACTED_THINKING_TOKENS = 50


def split_text(text: str) -> list[str]:
    """Cut ``text`` into word-ish delta pieces that join back to exactly ``text``."""
    pieces = _PIECE.findall(text)
    assert "".join(pieces) == text
    return pieces


def split_json(text: str, *, seed: int) -> list[str]:
    """Cut JSON text at arbitrary (but reproducible) points, as tool input streams."""
    rng = random.Random(seed)
    pieces: list[str] = []
    at = 0
    while at < len(text):
        size = rng.randint(1, 12)
        pieces.append(text[at : at + size])
        at += size
    return pieces


def _chars_to_tokens(chars: int) -> int:
    return math.ceil(chars / 4)


def _block_tokens(block: Mapping[str, Any]) -> int:
    kind = block.get("type")
    if kind == "text":
        return _chars_to_tokens(len(str(block.get("text", ""))))
    if kind == "thinking":
        return _chars_to_tokens(len(str(block.get("thinking", ""))))
    if kind == "redacted_thinking":
        return REDACTED_THINKING_TOKENS
    if kind in ("image", "document"):
        return ATTACHMENT_TOKENS
    if kind == "tool_use":
        return _chars_to_tokens(
            len(str(block.get("name", ""))) + len(json.dumps(block.get("input")))
        )
    if kind == "tool_result":
        content = block.get("content", "")
        if isinstance(content, str):
            return _chars_to_tokens(len(content))
        if isinstance(content, list):
            return sum(_block_tokens(item) for item in content if isinstance(item, Mapping))
        return 0
    return _chars_to_tokens(len(json.dumps(block)))


def content_tokens(content: str | Iterable[Mapping[str, Any]]) -> int:
    """Estimate the tokens of a message's or a system prompt's content."""
    if isinstance(content, str):
        return _chars_to_tokens(len(content))
    return sum(_block_tokens(block) for block in content)


def tools_tokens(tools: Sequence[Mapping[str, Any]]) -> int:
    """Estimate the tokens the tool definitions add to a prompt."""
    return _chars_to_tokens(len(json.dumps(list(tools)))) if tools else 0


@dataclass(frozen=True)
class PromptUsage:
    """How a prompt's input tokens split between fresh, cache-written and cache-read ones.

    Cache writes are split by the lifetime asked for (``ttl`` 5m or 1h), as the API's
    ``usage.cache_creation`` reports them.
    """

    input_tokens: int
    cache_creation_5m: int = 0
    cache_creation_1h: int = 0
    cache_read_input_tokens: int = 0

    @property
    def cache_creation_input_tokens(self) -> int:
        return self.cache_creation_5m + self.cache_creation_1h

    @property
    def total(self) -> int:
        return self.input_tokens + self.cache_creation_input_tokens + self.cache_read_input_tokens

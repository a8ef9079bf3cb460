"""Replies at the edges of what the API can send: text that cannot be encoded as is.

JSON can escape half of a surrogate pair (``"\\ud83d"``); decoded, it is a string no UTF-8
encoder takes. A client must make it printable before it reaches a database or a window.
"""

from __future__ import annotations

from desktop_chat.demo.content import Block, Text
from desktop_chat.demo.validation import MessagesRequest

LONE_SURROGATE = "\ud83d"


def lone_surrogate(request: MessagesRequest) -> list[Block]:
    """Text with half a surrogate pair (thinking is left out: its signature covers the
    text as sent, which a client cannot store as it is)."""
    del request
    return [Text(f"Half an emoji: {LONE_SURROGATE} and the text goes on.")]

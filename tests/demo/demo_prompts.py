"""Requests the demo tests send."""

from __future__ import annotations

from anthropic.types import MessageParam

MODEL = "claude-sonnet-5-5"
STALL_SECONDS = 3.0


def ask(text: str) -> list[MessageParam]:
    """A conversation of one user message."""
    return [{"role": "user", "content": text}]

"""The record of one tool call, as the store's ``tool_calls`` table keeps it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ToolCallRecord:
    """One tool call: who asked, what ran, what was decided and how it went.

    Attributes:
        tool_use_id: the API's id of the call.
        conversation_id: the conversation it belongs to.
        server: the configured server name ("" when no server had the tool).
        tool: the tool's own name (or the name Claude used, when unknown).
        arguments: the arguments Claude passed.
        decision: how it was allowed or not: ``allow_once``, ``allow_conversation``,
            ``allow_always``, ``granted`` (a standing grant), ``read_only`` (the setting),
            ``deny``, or ``none`` (never got as far as asking).
        started_at: when the call was asked for (epoch seconds).
        duration_s: how long the tool ran (0 when it did not run).
        result_size: characters the tool returned, before any cut.
        error: what went wrong in plain words, or None.
    """

    tool_use_id: str
    conversation_id: str
    server: str
    tool: str
    arguments: dict[str, Any] = field(default_factory=dict)
    decision: str = "none"
    started_at: float = 0.0
    duration_s: float = 0.0
    result_size: int = 0
    error: str | None = None

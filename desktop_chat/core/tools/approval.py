"""Asking a person before a tool runs: what they are shown, and what they can answer."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop_chat.core.i18n import translate


class Choice(StrEnum):
    """The answers to an approval request, and how a call came to be allowed."""

    ALLOW_ONCE = "allow_once"
    ALLOW_CONVERSATION = "allow_conversation"
    ALLOW_ALWAYS = "allow_always"
    DENY = "deny"


@dataclass(frozen=True)
class Decision:
    """A person's answer; ``reason`` (deny only) is passed on to Claude in the result."""

    choice: Choice
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.choice is not Choice.DENY

    @classmethod
    def allow_once(cls) -> Decision:
        return cls(Choice.ALLOW_ONCE)

    @classmethod
    def deny(cls, reason: str = "") -> Decision:
        return cls(Choice.DENY, reason)


@dataclass(frozen=True)
class ApprovalRequest:
    """Everything a person needs to decide on one tool call, never cut short.

    Attributes:
        conversation_id: the conversation the call belongs to.
        tool_use_id: the API's id of the call.
        server: the configured server name.
        tool: the tool's own name; ``api_name`` is the name Claude used.
        title: a display name the server gave, if any.
        description: the tool's description, as the server gave it.
        arguments: the full arguments Claude wants to pass.
        annotations: the tool's annotations as given (hints, not promises).
        destructive: annotated destructive: the dialog should say so, and it always asks.
        grantable: whether "allow for this conversation" and "always allow" are offered
            (not for destructive tools: they always ask).
    """

    conversation_id: str
    tool_use_id: str
    server: str
    tool: str
    api_name: str
    title: str | None
    description: str
    arguments: Mapping[str, Any]
    annotations: Mapping[str, Any] = field(default_factory=dict)
    destructive: bool = False
    grantable: bool = True

    def hint_words(self) -> list[str]:
        """The annotations in words for the dialog ("read-only", "destructive", …)."""
        words = {
            "read_only_hint": "read-only",
            "destructive_hint": "destructive",
            "idempotent_hint": "idempotent",
            "open_world_hint": translate("Approval", "reaches outside this machine"),
        }
        shown = [words[k] for k in words if self.annotations.get(k) is True]
        if self.destructive and "destructive" not in shown:
            shown.append("destructive")
        return shown

    def arguments_json(self) -> str:
        """The arguments as indented JSON, for a scrollable view."""
        return json.dumps(dict(self.arguments), indent=2, ensure_ascii=False, sort_keys=True)


Approve = Callable[[ApprovalRequest], Awaitable[Decision]]

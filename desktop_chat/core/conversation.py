"""Conversations, messages and their metadata, as plain data (their API form is built in
:mod:`desktop_chat.core.api_messages`).

Content blocks are kept as the API's own JSON objects (``{"type": "text", "text": ...}``,
``{"type": "thinking", "thinking": ..., "signature": ...}``, ...), so that nothing the API
returned is lost and a conversation goes back to the API exactly as it came.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, Literal

# The API form is built in its own module; these two are importable from here as before.
from desktop_chat.core.api_messages import NO_TOOLS_RESULT as NO_TOOLS_RESULT
from desktop_chat.core.api_messages import api_messages
from desktop_chat.core.api_messages import merge_continuation as merge_continuation

Block = dict[str, Any]
Role = Literal["user", "assistant"]


class Status(StrEnum):
    """Where an assistant message stands."""

    STREAMING = "streaming"
    COMPLETE = "complete"
    INTERRUPTED = "interrupted"  # stopped by the user, or the app died mid-reply
    ERROR = "error"  # the API or the network failed mid-reply


@dataclass
class Usage:
    """Token counts; ``cache_*`` are the prompt-cache reads and writes.

    ``extra`` keeps the API's other usage fields (server tool use, service tier, the cache
    breakdown, ...) exactly as they came, so that nothing the API said is lost.
    """

    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_input_tokens: int = 0
    cache_creation_input_tokens: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    COUNTS: ClassVar[tuple[str, ...]] = (
        "input_tokens",
        "output_tokens",
        "cache_read_input_tokens",
        "cache_creation_input_tokens",
    )

    def to_dict(self) -> dict[str, Any]:
        return {**self.extra, **{name: getattr(self, name) for name in self.COUNTS}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Usage:
        counts = {name: int(data.get(name) or 0) for name in cls.COUNTS}
        extra = {k: v for k, v in data.items() if k not in cls.COUNTS and v is not None}
        return cls(**counts, extra=extra)


@dataclass
class Metrics:
    """Timings of one reply. Wall-clock times are Unix seconds."""

    started_at: float = 0.0
    finished_at: float | None = None
    ttft_s: float | None = None  # request sent -> first content delta
    tokens_per_s: float | None = None  # output tokens / time since the first delta

    def to_dict(self) -> dict[str, float | None]:
        return {
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "ttft_s": self.ttft_s,
            "tokens_per_s": self.tokens_per_s,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Metrics:
        return cls(
            started_at=float(data.get("started_at") or 0.0),
            finished_at=_opt_float(data.get("finished_at")),
            ttft_s=_opt_float(data.get("ttft_s")),
            tokens_per_s=_opt_float(data.get("tokens_per_s")),
        )


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def new_id() -> str:
    """A random 128-bit id as 32 hex digits (``uuid``, ``secrets`` cost start-up time)."""
    return os.urandom(16).hex()


@dataclass
class Message:
    """One message of a conversation; the assistant-only fields stay empty for the user's."""

    role: Role
    content: list[Block]
    id: str = field(default_factory=new_id)
    created_at: float = field(default_factory=time.time)
    # The message this one answers or follows; None for a first message. Several messages
    # with one parent are variants (regenerated replies) or branches (edited questions).
    parent_id: str | None = None
    # assistant only
    model: str | None = None
    api_message_id: str | None = None
    request_id: str | None = None
    stop_reason: str | None = None
    stop_sequence: str | None = None  # the one that ended it, when stop_reason says so
    stop_details: dict[str, Any] | None = None
    usage: Usage = field(default_factory=Usage)
    metrics: Metrics = field(default_factory=Metrics)
    status: Status = Status.COMPLETE
    error: str | None = None  # plain words, for the user
    # Left out of what is sent to the API (a refused exchange the user chose to drop).
    excluded: bool = False
    # user only, when it answers tool calls: per tool_use id, what was decided and by whom
    # ({"tool": ..., "server": ..., "decision": "allow_once" | ... | "deny"}): kept with the
    # conversation and its exports, never sent to the API.
    tool_decisions: dict[str, dict[str, str]] = field(default_factory=dict)

    def tool_calls_line(self) -> str:
        """The decisions on the tool calls this message answers, in words ("" if none)."""
        words = {
            "allow_once": "allowed once",
            "allow_conversation": "allowed for this conversation",
            "allow_always": "always allowed",
            "granted": "allowed by an earlier grant",
            "read_only": "allowed: read-only",
            "deny": "denied",
            "none": "not run",
            "cancelled": "stopped",
        }
        return "; ".join(
            f"{d.get('tool', '?')} ({d.get('server') or 'no server'}): "
            f"{words.get(d.get('decision', ''), d.get('decision', '?'))}"
            for d in self.tool_decisions.values()
        )

    @classmethod
    def user(cls, text: str) -> Message:
        return cls(role="user", content=[{"type": "text", "text": text}])

    @property
    def text(self) -> str:
        """The message's visible text: its text blocks, joined."""
        return "".join(b.get("text", "") for b in self.content if b.get("type") == "text")


_CONTINUABLE = ("max_tokens", "pause_turn")


@dataclass(frozen=True)
class PathEntry:
    """A message of the path shown, with what the notes under it say.

    ``variant`` of ``variants``: its place among its siblings (regenerated replies, or
    edited questions); ``continuable``: it stopped short and can be carried on; ``last``: it
    ends the path.
    """

    message: Message
    variant: int
    variants: int
    continuable: bool
    last: bool


class EndOfPath:
    """The default place of a new message: after the last one shown."""


END = EndOfPath()


@dataclass
class Conversation:
    """A titled tree of messages, of which one path (root to ``current_id``) is shown.

    Regenerating a reply adds a sibling of it (a variant); editing a question adds a sibling
    of the question (a branch). Nothing is ever removed. A list whose messages have no
    parent at all is read as a plain sequence (conversations from before branches).
    """

    id: str = field(default_factory=new_id)
    title: str = ""
    created_at: float = field(default_factory=time.time)
    messages: list[Message] = field(default_factory=list)  # every message, oldest first
    current_id: str | None = None  # the last message of the path shown; None: the newest
    # Set while only the end of the path is loaded (a long conversation just opened): for
    # each loaded message with variants or branches, the ids of all of them, oldest first.
    sibling_ids: dict[str, list[str]] | None = None

    @property
    def partial(self) -> bool:
        """Only the end of the path is loaded: nothing can be sent or flipped yet."""
        return self.sibling_ids is not None

    def title_from_first_message(self) -> str:
        for m in self.messages:
            if m.role == "user" and m.text.strip():
                first_line = m.text.strip().splitlines()[0]
                return first_line[:60] + ("…" if len(first_line) > 60 else "")
        return "New conversation"

    def _by_id(self) -> dict[str, Message]:
        return {m.id: m for m in self.messages}

    def path(self) -> list[Message]:
        """The messages shown and sent to the API: from the first to ``current_id``."""
        if not self.messages:
            return []
        if all(m.parent_id is None for m in self.messages):
            leaf_index = next(
                (i for i, m in enumerate(self.messages) if m.id == self.current_id),
                len(self.messages) - 1,
            )
            return self.messages[: leaf_index + 1]
        by_id = self._by_id()
        node: Message | None = by_id.get(self.current_id or "") or self.messages[-1]
        out: list[Message] = []
        while node is not None and len(out) <= len(self.messages):
            out.append(node)
            node = by_id.get(node.parent_id) if node.parent_id else None
        out.reverse()
        return out

    def append(self, message: Message, *, parent_id: str | EndOfPath | None = END) -> Message:
        """Add ``message`` after the shown path's end, or under ``parent_id`` (None: as a
        first message); show it."""
        if isinstance(parent_id, EndOfPath):
            path = self.path()
            parent_id = path[-1].id if path else None
        if self.messages and all(m.parent_id is None for m in self.messages):
            self._link_sequence()
        message.parent_id = parent_id
        self.messages.append(message)
        self.current_id = message.id
        return message

    def _link_sequence(self) -> None:
        for before, after in zip(self.messages, self.messages[1:], strict=False):
            after.parent_id = before.id

    def siblings(self, message: Message) -> list[Message]:
        """``message`` and its variants (or the other branches), oldest first."""
        if all(m.parent_id is None for m in self.messages):
            return [message]
        return [m for m in self.messages if m.parent_id == message.parent_id]

    def continuable(self) -> Message | None:
        """The last reply, when it stopped short (max_tokens, paused, cut by a fault or by
        Esc) with some text the API can carry on from."""
        path = self.path()
        last = path[-1] if path else None
        if last is None or last.role != "assistant":
            return None
        if last.stop_reason in _CONTINUABLE:
            return last
        if last.status is not Status.COMPLETE and last.text.strip():
            return last
        return None

    def path_entries(self) -> list[PathEntry]:
        """The path shown, each message with what its notes say, in one pass over the tree
        (a note per message asking for its siblings would cost O(n²) on a long chat)."""
        path = self.path()
        linked = not all(m.parent_id is None for m in self.messages)
        siblings: dict[str | None, list[str]] = {}
        if linked:
            for m in self.messages:
                siblings.setdefault(m.parent_id, []).append(m.id)
        continuable = self.continuable()
        entries = []
        for m in path:
            if self.sibling_ids is not None:
                ids = self.sibling_ids.get(m.id, [m.id])
            else:
                ids = siblings.get(m.parent_id, [m.id]) if linked else [m.id]
            entries.append(
                PathEntry(
                    m,
                    variant=ids.index(m.id) + 1 if len(ids) > 1 else 1,
                    variants=len(ids),
                    continuable=m is continuable,
                    last=m is path[-1],
                )
            )
        return entries

    def show(self, message_id: str) -> None:
        """Make the path go through ``message_id``, on to its newest descendants."""
        children: dict[str | None, list[Message]] = {}
        for m in self.messages:
            children.setdefault(m.parent_id, []).append(m)
        node_id = message_id
        while children.get(node_id):
            node_id = children[node_id][-1].id
        self.current_id = node_id

    def drop_exchange(self, reply: Message) -> list[Message]:
        """Leave ``reply`` and the question it answers out of what is sent from now on.

        What the API's documentation asks after a refusal: the refused exchange must not
        go back with the next request. The messages stay in the conversation (shown, saved,
        exported), marked ``excluded``; the changed messages are returned for saving.
        """
        by_id = self._by_id()
        question = by_id.get(reply.parent_id or "")
        if question is None and all(m.parent_id is None for m in self.messages):
            at = next((i for i, m in enumerate(self.messages) if m.id == reply.id), 0)
            question = self.messages[at - 1] if at > 0 else None
        changed = [reply] + ([question] if question is not None and question.role == "user" else [])
        for m in changed:
            m.excluded = True
        return changed

    def to_api_messages(self) -> list[dict[str, Any]]:
        """The ``messages`` parameter that continues this conversation (see
        :func:`desktop_chat.core.api_messages.api_messages`)."""
        return api_messages(self.path())

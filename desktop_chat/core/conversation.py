"""Conversations, messages and their metadata, as plain data; and their API form.

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

Block = dict[str, Any]
Role = Literal["user", "assistant"]

# Said to the model when a reply asked for a tool: this client runs no tools, and the API
# refuses a tool_use that is not answered by a tool_result in the next user message.
NO_TOOLS_RESULT = "This client cannot run tools; the tool was not run."


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
        """The ``messages`` parameter that continues this conversation.

        Complete replies go back unchanged (thinking blocks with their signatures). From a
        reply that did not complete, only what the API accepts is kept: finished blocks,
        and text without trailing white space. A tool_use is answered with an error
        tool_result, since this client runs no tools. Excluded messages (a dropped refused
        exchange) are left out.
        """
        out: list[dict[str, Any]] = []
        pending_tool_ids: list[str] = []
        for m in self.path():
            if m.excluded:
                continue
            if m.role == "assistant":
                if m.status is Status.STREAMING:
                    continue
                blocks = m.content if m.status is Status.COMPLETE else _finished_blocks(m.content)
                blocks = _strip_trailing_space(blocks)
                if not blocks:
                    continue
                out.append({"role": "assistant", "content": blocks})
                pending_tool_ids = [b["id"] for b in blocks if b.get("type") == "tool_use"]
            else:
                # Calls the message already answers (the tool loop's results) keep their own.
                answered = {
                    b.get("tool_use_id") for b in m.content if b.get("type") == "tool_result"
                }
                content = [
                    {
                        "type": "tool_result",
                        "tool_use_id": tool_id,
                        "content": NO_TOOLS_RESULT,
                        "is_error": True,
                    }
                    for tool_id in pending_tool_ids
                    if tool_id not in answered
                ] + [dict(b) for b in m.content]
                pending_tool_ids = []
                out.append({"role": "user", "content": content})
        return out


def _finished_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks of an unfinished reply that the API will take back."""
    kept: list[Block] = []
    for b in blocks:
        kind = b.get("type")
        if kind == "thinking" and not b.get("signature"):
            continue  # cut before its signature: the API rejects it
        if kind in ("tool_use", "server_tool_use"):
            continue  # its input may be cut short; and it would want a tool_result
        if kind == "text" and not b.get("text", "").strip():
            continue
        kept.append(b)
    return kept


def _strip_trailing_space(blocks: list[Block]) -> list[Block]:
    # The API refuses a final assistant text block that ends in white space.
    if blocks and blocks[-1].get("type") == "text":
        last = dict(blocks[-1])
        last["text"] = last.get("text", "").rstrip()
        if not last["text"]:
            return blocks[:-1]
        return [*blocks[:-1], last]
    return blocks


def merge_continuation(base: Message, part: Message) -> Message:
    """``base`` (a reply cut at max_tokens or paused) followed by ``part``, its continuation.

    The API continues a final assistant message where it stopped: the text of ``part``'s
    first block goes on the end of ``base``'s last text block. Counts add up; how it ended
    is ``part``'s.
    """
    content = [dict(b) for b in base.content]
    rest = [dict(b) for b in part.content]
    if content and rest and content[-1].get("type") == "text" and rest[0].get("type") == "text":
        # The API was sent the text without its trailing white space (it refuses that),
        # and the continuation starts from there.
        content[-1]["text"] = content[-1].get("text", "").rstrip() + rest.pop(0).get("text", "")
    usage = Usage.from_dict(part.usage.to_dict())
    usage.output_tokens += base.usage.output_tokens
    return Message(
        role="assistant",
        content=content + rest,
        id=base.id,
        created_at=base.created_at,
        parent_id=base.parent_id,
        model=part.model or base.model,
        api_message_id=part.api_message_id or base.api_message_id,
        request_id=part.request_id or base.request_id,
        stop_reason=part.stop_reason,
        stop_sequence=part.stop_sequence,
        stop_details=part.stop_details,
        usage=usage,
        metrics=Metrics(
            started_at=base.metrics.started_at,
            finished_at=part.metrics.finished_at,
            ttft_s=base.metrics.ttft_s,
            tokens_per_s=part.metrics.tokens_per_s,
        ),
        status=part.status,
        error=part.error,
    )

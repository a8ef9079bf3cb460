"""JSON transcripts, read and checked: an export, or one conversation object on its own.

Anything else is refused with a ``TranscriptError`` that says where and why.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_chat.core.conversation import (
    Block,
    Conversation,
    Message,
    Metrics,
    Status,
    Usage,
    new_id,
)
from desktop_chat.core.transcript_fields import Fields, TranscriptError, kind_of
from desktop_chat.core.transcript_json import FORMAT, VERSION, dumps
from desktop_chat.core.transcript_tree import check_tree


def _content(value: list[Any], where: str) -> list[Block]:
    for i, block in enumerate(value):
        fields = Fields(block, f"{where}[{i}]")
        fields.text("type")
    return value


def _usage(data: dict[str, Any] | None, where: str) -> Usage:
    if data is None:
        return Usage()
    for key in Usage().to_dict():
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TranscriptError(f"{where}.{key} must be a whole number, not {kind_of(value)}")
        if isinstance(value, int) and value < 0:
            raise TranscriptError(f"{where}.{key} must not be negative")
    return Usage.from_dict(data)


def _metrics(data: dict[str, Any] | None, where: str) -> Metrics:
    if data is None:
        return Metrics()
    for key in Metrics().to_dict():
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise TranscriptError(f"{where}.{key} must be a number or null, not {kind_of(value)}")
    return Metrics.from_dict(data)


_STATUSES = [str(s) for s in Status]


def _message(data: Any, where: str, default_time: float) -> Message:
    f = Fields(data, where)
    role = f.text("role")
    if role not in ("user", "assistant"):
        raise TranscriptError(f"{where}.role must be 'user' or 'assistant', not {role!r}")
    content = _content(f.array("content"), f"{where}.content")
    status = f.string("status") or str(Status.COMPLETE)
    if status not in _STATUSES:
        allowed = ", ".join(repr(s) for s in _STATUSES)
        raise TranscriptError(f"{where}.status must be one of {allowed}, not {status!r}")
    message_id = f.string("id")
    if message_id == "":
        raise TranscriptError(f"{where}.id must not be empty")
    return Message(
        role="user" if role == "user" else "assistant",
        content=content,
        id=message_id or new_id(),
        created_at=f.number("created_at", default_time),
        parent_id=f.string("parent_id"),
        model=f.string("model"),
        api_message_id=f.string("api_message_id"),
        request_id=f.string("request_id"),
        stop_reason=f.string("stop_reason"),
        stop_sequence=f.string("stop_sequence"),
        stop_details=f.obj("stop_details"),
        usage=_usage(f.obj("usage"), f"{where}.usage"),
        metrics=_metrics(f.obj("metrics"), f"{where}.metrics"),
        status=Status(status),
        error=f.string("error"),
        excluded=data.get("excluded") is True,
        tool_decisions=_tool_decisions(data.get("tool_decisions")),
    )


Progress = Callable[[int, int], None]


def conversation_from_dict(
    data: Any,
    where: str = "conversation",
    *,
    progress: Progress | None = None,
    done: int = 0,
    total: int = 0,
) -> Conversation:
    """Read and check one conversation of a JSON transcript.

    ``progress(messages read, total)`` is called every 10,000 messages (``done`` read before
    this conversation, of ``total``). The raw message objects are let go of as they are
    read, so a long conversation is not held twice.
    """
    f = Fields(data, where)
    conversation_id = f.text("id")
    if not conversation_id:
        raise TranscriptError(f"{where}.id must not be empty")
    created_at = f.number("created_at")
    raw = f.array("messages")
    messages = []
    for i in range(len(raw)):
        messages.append(_message(raw[i], f"{where}.messages[{i}]", created_at))
        raw[i] = None
        if progress is not None and (i + 1) % 10_000 == 0:
            progress(done + i + 1, total)
    check_tree(messages, where)
    current_id = f.string("current_id")
    if current_id is not None and not any(m.id == current_id for m in messages):
        raise TranscriptError(f"{where}.current_id {current_id!r} is not a message of it")
    return Conversation(
        id=conversation_id,
        title=f.text("title"),
        created_at=created_at,
        messages=messages,
        current_id=current_id,
    )


def _reject_constant(name: str) -> Any:
    raise TranscriptError(f"{name} is not a valid JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise TranscriptError(f"the number {text} is too large")
    return value


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise TranscriptError(f"binary data, not a JSON transcript (a NUL byte at offset {offset})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise TranscriptError(
                "the file ends in the middle of a character: is it truncated?"
            ) from None
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise TranscriptError(
            f"line {line}, column {column}: not UTF-8 text "
            f"(byte 0x{data[exc.start]:02x}); a transcript is UTF-8 JSON"
        ) from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _not_json_but(text: str) -> str | None:
    """What a file that is not JSON clearly is (HTML, Markdown), as a reason; else None."""
    head = text.lstrip()[:4096]
    lowered = head.lower()
    how = "`desktop-chat import` reads JSON transcripts (`desktop-chat export --format json`)"
    if lowered.startswith(("<!doctype html", "<html", "<head", "<body", "<meta")):
        made_here = "desktop-chat" in lowered or '<article id="c-' in lowered
        return (
            "this is an HTML page"
            + (" (an HTML export of desktop-chat)" if made_here else "")
            + f", not a JSON transcript: {how}"
        )
    first_line = head.split("\n", 1)[0]
    if re.match(r"#{1,6} ", first_line) or "\n*Conversation " in head:
        made_here = "\n*Conversation " in head
        return (
            "this is Markdown"
            + (" (a Markdown export of desktop-chat)" if made_here else "")
            + f", not a JSON transcript: {how}; Markdown cannot be read back"
        )
    return None


def parse_json(data: bytes | str | Path, *, progress: Progress | None = None) -> list[Conversation]:
    """The conversations of a JSON transcript (an export, or one conversation object).

    Raises TranscriptError, saying where and what, for anything that is not a valid
    transcript: not UTF-8, binary, HTML or Markdown, not JSON or cut short, wrong format
    or version, a missing field or a field of the wrong type, messages that do not form a
    tree. ``progress(messages read, total)`` is called every 10,000 messages.

    Given a path, the file's bytes are let go of once decoded, and the text once parsed:
    a large transcript is not held three times over. Raises OSError if it cannot be read.
    """
    text = _decode(data.read_bytes() if isinstance(data, Path) else data)
    del data
    if not text.strip():
        raise TranscriptError("the file is empty")
    try:
        document = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        if exc.pos == len(text) - len(text.lstrip()) and (what := _not_json_but(text)):
            raise TranscriptError(what) from None
        reason = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        # A string runs to the end of the file only if the file ends inside it (a raw
        # newline in a string is an "Invalid control character" error instead).
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            reason += " (the file ends too soon: is it truncated?)"
        raise TranscriptError(reason) from None
    except TranscriptError:
        raise
    except RecursionError:
        raise TranscriptError("the JSON is nested too deeply to be a transcript") from None
    except ValueError as exc:  # int() refuses numbers of over 4300 digits
        raise TranscriptError(f"a number is too long ({exc})") from None
    # A lone surrogate (\ud800) decodes, but is no text. UTF-8 input holds none but as an
    # escape: look further only if there is such an escape.
    if _SURROGATE_ESCAPE.search(text):
        try:
            dumps(document, indent=None).encode("utf-8")
        except UnicodeEncodeError:
            raise TranscriptError(
                "a string holds an invalid \\u escape (a lone surrogate)"
            ) from None
    del text

    if not isinstance(document, dict):
        raise TranscriptError(f"a transcript is a JSON object, not {kind_of(document)}")
    if "format" not in document:
        if "messages" in document:
            total = len(document["messages"]) if isinstance(document["messages"], list) else 0
            return [conversation_from_dict(document, progress=progress, total=total)]
        keys = ", ".join(repr(k) for k in list(document)[:5])
        raise TranscriptError(
            f"not a desktop-chat transcript: no 'format': {FORMAT!r} (an export) "
            f"and no 'messages' (a conversation); this JSON has {keys or 'no keys'}"
        )
    if document["format"] != FORMAT:
        raise TranscriptError(f"format is {document['format']!r}, not {FORMAT!r}")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise TranscriptError(f"version must be a whole number, not {kind_of(version)}")
    if version != VERSION:
        raise TranscriptError(
            f"version {version} is not supported: this app reads version {VERSION}"
            + (" (the file comes from a newer desktop-chat)" if version > VERSION else "")
        )
    raw = Fields(document, "transcript").array("conversations")
    total = sum(
        len(c["messages"])
        for c in raw
        if isinstance(c, dict) and isinstance(c.get("messages"), list)
    )
    conversations = []
    done = 0
    for i in range(len(raw)):
        conv = conversation_from_dict(
            raw[i], f"conversations[{i}]", progress=progress, done=done, total=total
        )
        raw[i] = None
        done += len(conv.messages)
        conversations.append(conv)
    return conversations


def _tool_decisions(value: object) -> dict[str, dict[str, str]]:
    """Decisions on tool calls, as exported; anything else in their place is left out."""
    if not isinstance(value, dict):
        return {}
    return {
        str(tool_use_id): {str(k): str(v) for k, v in entry.items() if isinstance(v, str)}
        for tool_use_id, entry in value.items()
        if isinstance(entry, dict)
    }

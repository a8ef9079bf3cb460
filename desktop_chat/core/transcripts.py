"""Transcripts: export conversations as JSON (lossless), Markdown or HTML; import JSON.

The JSON format is versioned and deterministic: sorted keys, two-space indent, ``": "`` and
``","`` separators, UTF-8 without ``\\u`` escapes, a final newline; so exporting, importing
and exporting again gives the same bytes::

    {"format": "desktop-chat-transcript", "version": 1, "conversations": [
        {"id", "title", "created_at", "messages": [
            {"id", "role", "created_at", "content": [<the API's content blocks, as they were>],
             assistant only: "model", "api_message_id", "request_id", "stop_reason",
             "stop_details", "usage", "metrics", "status", "error"}]}]}

Import takes that, or one conversation object on its own, and refuses anything else with a
``TranscriptError`` that says where and why. Imported conversations never replace existing
ones: an id already taken gets a new id, and the result says so.

The exporters are generators of text chunks, so ``export --all`` holds one conversation in
memory at a time; ``to_json()`` & co. join them.
"""

from __future__ import annotations

import html
import json
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_chat.core.conversation import (
    Block,
    Conversation,
    Message,
    Metrics,
    Status,
    Usage,
    new_id,
)

if TYPE_CHECKING:
    from desktop_chat.core.store import Store

FORMAT = "desktop-chat-transcript"
VERSION = 1
FORMATS = ("json", "md", "html")


class TranscriptError(ValueError):
    """A transcript that cannot be imported; ``str()`` is the reason, for the user."""


# -- JSON export ----------------------------------------------------------------------------


def _dumps(value: Any, indent: int | None = 2) -> str:
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
        body = _dumps(conversation_to_dict(conv)).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + body
        first = False
    yield "]" if first else "\n  ]"
    yield f',\n  "format": {_dumps(FORMAT)},\n  "version": {VERSION}\n}}\n'


def to_json(conversations: Iterable[Conversation]) -> str:
    return "".join(iter_json(conversations))


# -- JSON import ----------------------------------------------------------------------------


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


class _Fields:
    """Typed reads from a JSON object, with errors that name the field's path."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise TranscriptError(f"{where} must be an object, not {_kind(data)}")
        self.data: dict[str, Any] = data
        self.where = where

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                raise TranscriptError(f"{self.where} is missing {key!r}")
            return None
        return self.data[key]

    def _wrong(self, key: str, expected: str) -> TranscriptError:
        value = self.data[key]
        return TranscriptError(f"{self.where}.{key} must be {expected}, not {_kind(value)}")

    def string(self, key: str, *, required: bool = False, nullable: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None and key in self.data and not nullable:
            raise self._wrong(key, "a string")
        if value is not None and not isinstance(value, str):
            raise self._wrong(key, "a string" + (" or null" if nullable else ""))
        return value

    def text(self, key: str, default: str | None = None) -> str:
        """A required (unless ``default``), non-null string."""
        value = self.string(key, required=default is None, nullable=False)
        if value is None:
            assert default is not None  # string() raised: the key is required
            return default
        return value

    def number(self, key: str, default: float | None = None) -> float:
        value = self._get(key, required=default is None)
        if value is None and key not in self.data:
            assert default is not None
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._wrong(key, "a number")
        return float(value)

    def obj(self, key: str) -> dict[str, Any] | None:
        value = self._get(key, required=False)
        if value is not None and not isinstance(value, dict):
            raise self._wrong(key, "an object or null")
        return value

    def array(self, key: str) -> list[Any]:
        value = self._get(key, required=True)
        if not isinstance(value, list):
            raise self._wrong(key, "an array")
        return value


def _content(value: list[Any], where: str) -> list[Block]:
    for i, block in enumerate(value):
        fields = _Fields(block, f"{where}[{i}]")
        fields.text("type")
    return value


def _usage(data: dict[str, Any] | None, where: str) -> Usage:
    if data is None:
        return Usage()
    for key in Usage().to_dict():
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TranscriptError(f"{where}.{key} must be a whole number, not {_kind(value)}")
        if isinstance(value, int) and value < 0:
            raise TranscriptError(f"{where}.{key} must not be negative")
    return Usage.from_dict(data)


def _metrics(data: dict[str, Any] | None, where: str) -> Metrics:
    if data is None:
        return Metrics()
    for key in Metrics().to_dict():
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise TranscriptError(f"{where}.{key} must be a number or null, not {_kind(value)}")
    return Metrics.from_dict(data)


_STATUSES = [str(s) for s in Status]


def _message(data: Any, where: str, default_time: float) -> Message:
    f = _Fields(data, where)
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
        stop_details=f.obj("stop_details"),
        usage=_usage(f.obj("usage"), f"{where}.usage"),
        metrics=_metrics(f.obj("metrics"), f"{where}.metrics"),
        status=Status(status),
        error=f.string("error"),
    )


def conversation_from_dict(data: Any, where: str = "conversation") -> Conversation:
    """Read and check one conversation of a JSON transcript."""
    f = _Fields(data, where)
    conversation_id = f.text("id")
    if not conversation_id:
        raise TranscriptError(f"{where}.id must not be empty")
    created_at = f.number("created_at")
    messages = [
        _message(m, f"{where}.messages[{i}]", created_at) for i, m in enumerate(f.array("messages"))
    ]
    ids = {m.id for m in messages}
    for i, m in enumerate(messages):
        if m.parent_id is not None and m.parent_id not in ids:
            raise TranscriptError(
                f"{where}.messages[{i}].parent_id {m.parent_id!r} is not a message of it"
            )
    current_id = f.string("current_id")
    if current_id is not None and current_id not in ids:
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


def parse_json(data: bytes | str) -> list[Conversation]:
    """The conversations of a JSON transcript (an export, or one conversation object).

    Raises TranscriptError, saying where and what, for anything that is not a valid
    transcript: not UTF-8, binary, not JSON or cut short, wrong format or version, a
    missing field or a field of the wrong type.
    """
    text = _decode(data)
    if not text.strip():
        raise TranscriptError("the file is empty")
    try:
        document = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
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
    try:  # a lone surrogate (\ud800) decodes, but is no text: SQLite and files refuse it
        _dumps(document, indent=None).encode("utf-8")
    except UnicodeEncodeError:
        raise TranscriptError("a string holds an invalid \\u escape (a lone surrogate)") from None

    if not isinstance(document, dict):
        raise TranscriptError(f"a transcript is a JSON object, not {_kind(document)}")
    if "format" not in document:
        if "messages" in document:
            return [conversation_from_dict(document)]
        raise TranscriptError(
            f"not a desktop-chat transcript: no 'format': {FORMAT!r} (an export) "
            "and no 'messages' (a conversation)"
        )
    if document["format"] != FORMAT:
        raise TranscriptError(f"format is {document['format']!r}, not {FORMAT!r}")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise TranscriptError(f"version must be a whole number, not {_kind(version)}")
    if version != VERSION:
        raise TranscriptError(
            f"version {version} is not supported: this app reads version {VERSION}"
            + (" (the file comes from a newer desktop-chat)" if version > VERSION else "")
        )
    conversations = _Fields(document, "transcript").array("conversations")
    return [conversation_from_dict(c, f"conversations[{i}]") for i, c in enumerate(conversations)]


@dataclass(frozen=True)
class ImportedConversation:
    """One conversation imported; ``id`` differs from ``original_id`` if that was taken."""

    id: str
    original_id: str
    title: str
    message_count: int
    new_message_ids: int = 0  # messages whose id was taken, given a new one

    @property
    def renamed(self) -> bool:
        return self.id != self.original_id


@dataclass(frozen=True)
class ImportResult:
    conversations: list[ImportedConversation] = field(default_factory=list)

    @property
    def message_count(self) -> int:
        return sum(c.message_count for c in self.conversations)

    def notes(self) -> list[str]:
        """A sentence for each conversation that could not keep its ids."""
        out = []
        for c in self.conversations:
            if c.renamed:
                out.append(
                    f"Conversation {c.original_id} ({c.title!r}) already exists: "
                    f"imported as {c.id}; the existing one was not changed."
                )
            elif c.new_message_ids:
                out.append(
                    f"Conversation {c.id} ({c.title!r}): {c.new_message_ids} message id(s) "
                    "already in use were given new ids."
                )
        return out


def import_json(store: Store, data: bytes | str) -> ImportResult:
    """Check and import a JSON transcript into ``store``, all of it or nothing.

    Never overwrites: a conversation (or message) whose id is taken, in the store or earlier
    in the same file, is imported under a new id. A reply saved mid-stream is imported as
    interrupted, since nothing is streaming it any more.
    """
    conversations = parse_json(data)
    taken_conversations = store.existing_conversation_ids([c.id for c in conversations])
    taken_messages = store.existing_message_ids([m.id for c in conversations for m in c.messages])
    imported = []
    for conv in conversations:
        original_id = conv.id
        if conv.id in taken_conversations:
            conv.id = new_id()
        taken_conversations.add(conv.id)
        new_message_ids = 0
        renamed: dict[str, str] = {}
        for m in conv.messages:
            if m.id in taken_messages:
                renamed[m.id] = m.id = new_id()
                new_message_ids += 1
            taken_messages.add(m.id)
            if m.status is Status.STREAMING:
                m.status = Status.INTERRUPTED
        for m in conv.messages:  # links follow renamed messages
            if m.parent_id in renamed:
                m.parent_id = renamed[m.parent_id]
        if conv.current_id in renamed:
            conv.current_id = renamed[conv.current_id]
        imported.append(
            ImportedConversation(
                conv.id, original_id, conv.title, len(conv.messages), new_message_ids
            )
        )
    store.add_conversations(conversations)
    return ImportResult(imported)


# -- shared by Markdown and HTML ------------------------------------------------------------


def _utc(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(timestamp))


def _metadata(m: Message) -> str:
    """One line about an assistant reply: model, stop reason, tokens, timings, status."""
    parts = [m.model or "unknown model"]
    if m.stop_reason:
        parts.append(f"stop: {m.stop_reason}")
    u = m.usage
    tokens = f"{u.input_tokens:,} in / {u.output_tokens:,} out tokens"
    if u.cache_read_input_tokens or u.cache_creation_input_tokens:
        tokens += (
            f" (cache: {u.cache_read_input_tokens:,} read,"
            f" {u.cache_creation_input_tokens:,} written)"
        )
    parts.append(tokens)
    if m.metrics.ttft_s is not None:
        parts.append(f"first token {m.metrics.ttft_s:.2f} s")
    if m.metrics.tokens_per_s is not None:
        parts.append(f"{m.metrics.tokens_per_s:.1f} tokens/s")
    parts.append(str(m.status))
    if m.stop_details:
        parts.append("details: " + _dumps(m.stop_details, indent=None))
    return " · ".join(parts)


def _summarized(block: Block) -> Block:
    """``block`` with base64 payloads (images, documents) replaced by their size."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if value.get("type") == "base64" and isinstance(value.get("data"), str):
                return {**value, "data": f"<{len(value['data']):,} characters of base64>"}
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    result: Block = walk(block)
    return result


def _citations(block: Block) -> list[tuple[str, str | None]]:
    """(label, http(s) url or None) for each citation of a text block."""
    out = []
    for c in block.get("citations") or []:
        if not isinstance(c, dict):
            continue
        label = str(c.get("title") or c.get("document_title") or c.get("cited_text") or "source")
        url = c.get("url")
        out.append((label, url if isinstance(url, str) and _is_web_url(url) else None))
    return out


def _is_web_url(url: str) -> bool:
    return re.match(r"https?://", url, re.IGNORECASE) is not None


# -- Markdown -------------------------------------------------------------------------------

_MD_PLAIN = re.compile(r"([\\`*_\[\]<>#|~&])")


def _md_plain(text: str) -> str:
    """Plain text (a title, a metadata line) made literal in Markdown, on one line."""
    return _MD_PLAIN.sub(r"\\\1", " ".join(text.split()))


def _md_code_span_safe(line: str) -> str:
    """``line`` with ``<`` outside code spans written ``&lt;``: raw HTML stays text."""
    parts = re.split(r"(`+)", line)
    out = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if i % 2 == 1:  # a run of backticks: a code span if the same run closes it
            close = next((j for j in range(i + 2, len(parts), 2) if parts[j] == part), None)
            if close is not None:
                out.append("".join(parts[i : close + 1]))
                i = close + 1
                continue
            out.append(part)
        else:
            out.append(part.replace("<", "&lt;"))
        i += 1
    return "".join(out)


_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")


def _md_body(text: str) -> str:
    """Markdown written by a person or the model, kept as Markdown except raw HTML.

    ``<`` is escaped everywhere but in fenced code blocks and code spans (where Markdown
    shows it as it is), so ``<script>`` or ``</details>`` in a message stays text.
    """
    out = []
    fence: str | None = None
    for line in text.split("\n"):
        if fence is None:
            m = _FENCE_OPEN.fullmatch(line)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                fence = m.group(1)
                out.append(line)
            else:
                out.append(_md_code_span_safe(line))
        else:
            stripped = line.strip()
            if len(line) - len(line.lstrip(" ")) <= 3 and re.fullmatch(
                re.escape(fence[0]) + "{" + str(len(fence)) + ",}", stripped
            ):
                fence = None
            out.append(line)
    if fence is not None:  # close what the text left open, or it swallows what follows
        out.append(fence)
    return "\n".join(out)


def _md_fenced(body: str, info: str = "") -> str:
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{body}\n{fence}"


def _md_quote(text: str) -> str:
    return "\n".join(("> " + line) if line else ">" for line in text.split("\n"))


def _md_block(block: Block) -> str:
    kind = block.get("type")
    if kind == "text":
        text = _md_body(str(block.get("text", "")).rstrip())
        cites = _citations(block)
        if cites:
            items = "\n".join(
                f"> - {_md_plain(label)}" + (f" <{url.replace('>', '%3E')}>" if url else "")
                for label, url in cites
            )
            text += "\n\n> Sources:\n" + items
        return text
    if kind == "thinking":
        body = _md_quote(_md_body(str(block.get("thinking", ""))))
        return f"<details>\n<summary>Thinking</summary>\n\n{body}\n\n</details>"
    if kind == "redacted_thinking":
        return "*Thinking (redacted: encrypted by the API, not shown)*"
    if kind == "tool_use":
        name = _md_plain(str(block.get("name", "")))
        return f"**Tool use: {name}**\n\n" + _md_fenced(_dumps(block.get("input", {})), "json")
    label = _md_plain(str(kind))
    return f"**{label}**\n\n" + _md_fenced(_dumps(_summarized(block)), "json")


def _count_line(conv: Conversation, shown: list[Message]) -> str:
    """How many messages; and how many variants/branches are only in the JSON export."""
    count = len(shown)
    line = f"{count} message{'' if count == 1 else 's'}"
    if others := len(conv.messages) - count:
        line += f" shown ({others} more in other variants or branches: see the JSON export)"
    return line


def _md_conversation(conv: Conversation) -> str:
    shown = conv.path()
    lines = [
        f"# {_md_plain(conv.title or 'Untitled conversation')}",
        "",
        f"*Conversation {_md_plain(conv.id)} · created {_utc(conv.created_at)} · "
        f"{_md_plain(_count_line(conv, shown))}*",
    ]
    for m in shown:
        lines += ["", f"## {'You' if m.role == 'user' else 'Claude'} · {_utc(m.created_at)}", ""]
        if m.role == "assistant":
            lines += [f"*{_md_plain(_metadata(m))}*", ""]
        if m.error:
            lines += [f"> **{_md_plain(str(m.status).capitalize())}:** {_md_plain(m.error)}", ""]
        lines += ["\n\n".join(_md_block(b) for b in m.content) or "*(empty)*"]
    return "\n".join(lines) + "\n"


def iter_markdown(conversations: Iterable[Conversation]) -> Iterator[str]:
    """Markdown for people: one section per conversation, thinking folded in ``<details>``."""
    for i, conv in enumerate(conversations):
        yield ("\n---\n\n" if i else "") + _md_conversation(conv)


def to_markdown(conversations: Iterable[Conversation]) -> str:
    return "".join(iter_markdown(conversations))


# -- HTML -----------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --user: #eef2ff; }
@media (prefers-color-scheme: dark) { :root { --muted: #9ca3af; --line: #374151;
  --user: #1e1b4b; } }
body { font: 15px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto;
  padding: 0 1rem; }
article + article { border-top: 2px solid var(--line); margin-top: 3rem; padding-top: 1rem; }
.meta { color: var(--muted); font-size: 0.85em; }
section { margin: 1.25rem 0; padding: 0.75rem 1rem; border: 1px solid var(--line);
  border-radius: 8px; }
section.user { background: var(--user); }
h2 { font-size: 0.95em; margin: 0 0 0.5rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
details { margin: 0.5rem 0; color: var(--muted); }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: rgba(127,127,127,.12);
  padding: 0.5rem; border-radius: 6px; }
.error { color: #b91c1c; }
""".strip()


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_block(block: Block) -> str:
    kind = block.get("type")
    if kind == "text":
        out = f'<div class="text">{_h(block.get("text", ""))}</div>'
        cites = _citations(block)
        if cites:
            items = "".join(
                f'<li><a href="{_h(url)}" rel="noreferrer noopener">{_h(label)}</a></li>'
                if url
                else f"<li>{_h(label)}</li>"
                for label, url in cites
            )
            out += f'<ul class="meta">{items}</ul>'
        return out
    if kind == "thinking":
        return (
            "<details><summary>Thinking</summary>"
            f'<div class="text">{_h(block.get("thinking", ""))}</div></details>'
        )
    if kind == "redacted_thinking":
        return '<p class="meta">Thinking (redacted: encrypted by the API, not shown)</p>'
    if kind == "tool_use":
        return (
            f"<p><strong>Tool use: {_h(block.get('name', ''))}</strong></p>"
            f"<pre><code>{_h(_dumps(block.get('input', {})))}</code></pre>"
        )
    body = _h(_dumps(_summarized(block)))
    return f"<p><strong>{_h(kind)}</strong></p><pre><code>{body}</code></pre>"


def _html_conversation(conv: Conversation) -> str:
    shown = conv.path()
    parts = [
        f'<article id="c-{_h(conv.id)}">',
        f"<h1>{_h(conv.title or 'Untitled conversation')}</h1>",
        f'<p class="meta">Conversation {_h(conv.id)} · created {_h(_utc(conv.created_at))} · '
        f"{_h(_count_line(conv, shown))}</p>",
    ]
    for m in shown:
        who = "You" if m.role == "user" else "Claude"
        parts.append(f'<section class="{_h(m.role)}" id="m-{_h(m.id)}">')
        parts.append(f'<h2>{who} <span class="meta">{_h(_utc(m.created_at))}</span></h2>')
        if m.role == "assistant":
            parts.append(f'<p class="meta">{_h(_metadata(m))}</p>')
        if m.error:
            parts.append(f'<p class="error">{_h(str(m.status).capitalize())}: {_h(m.error)}</p>')
        parts.extend(_html_block(b) for b in m.content)
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def iter_html(
    conversations: Iterable[Conversation], *, title: str = "desktop-chat transcript"
) -> Iterator[str]:
    """One self-contained HTML page: inline CSS, no scripts, nothing loaded from elsewhere,
    and every piece of text escaped."""
    yield (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
    )
    for conv in conversations:
        yield _html_conversation(conv)
    yield "</body>\n</html>\n"


def to_html(
    conversations: Iterable[Conversation], *, title: str = "desktop-chat transcript"
) -> str:
    return "".join(iter_html(conversations, title=title))


EXPORTERS: dict[str, Callable[[Iterable[Conversation]], Iterator[str]]] = {
    "json": iter_json,
    "md": iter_markdown,
    "html": iter_html,
}

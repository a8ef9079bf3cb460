"""Markdown transcripts for people: one section per conversation, thinking folded away."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from desktop_chat.core.citations import SourceList, has_citations
from desktop_chat.core.conversation import Block, Conversation
from desktop_chat.core.tool_cards import speaker
from desktop_chat.core.transcript_attachments import markdown_block
from desktop_chat.core.transcript_json import dumps
from desktop_chat.core.transcript_readable import (
    count_line,
    metadata_line,
    summarized,
    utc_time,
)

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
    if (attachment := markdown_block(block)) is not None:
        return attachment
    if kind == "text":
        return _md_body(str(block.get("text", "")).rstrip())
    if kind == "thinking":
        body = _md_quote(_md_body(str(block.get("thinking", ""))))
        return f"<details>\n<summary>Thinking</summary>\n\n{body}\n\n</details>"
    if kind == "redacted_thinking":
        return "*Thinking (redacted: encrypted by the API, not shown)*"
    if kind == "tool_use":
        name = _md_plain(str(block.get("name", "")))
        return f"**Tool use: {name}**\n\n" + _md_fenced(dumps(block.get("input", {})), "json")
    label = _md_plain(str(kind))
    return f"**{label}**\n\n" + _md_fenced(dumps(summarized(block)), "json")


def _md_content(content: list[Block]) -> str:
    """A message's blocks; a reply that cites reads as one text with ``[n]`` markers, then
    its numbered sources."""
    if not has_citations(content):
        return "\n\n".join(_md_block(b) for b in content)
    sources = SourceList()
    parts: list[str] = []
    run: list[str] = []
    for block in content:
        if block.get("type") != "text":
            if run:
                parts.append("".join(run).rstrip())
                run = []
            parts.append(_md_block(block))
            continue
        run.append(_md_body(str(block.get("text", ""))))
        for citation in block.get("citations") or []:
            if isinstance(citation, dict):
                run.append(f"\\[{sources.add(citation).number}\\]")
    if run:
        parts.append("".join(run).rstrip())
    items = []
    for source in sources.sources:
        item = f"> {source.number}. {_md_plain(source.title)}"
        if source.url:
            item += f" <{source.url.replace('>', '%3E')}>"
        if source.where:
            item += f" ({_md_plain(source.where)})"
        if source.quotes:
            item += f" — “{_md_plain(source.quotes[0])}”"
        items.append(item)
    parts.append("> **Sources**\n>\n" + "\n".join(items))
    return "\n\n".join(parts)


def _md_conversation(conv: Conversation) -> str:
    shown = conv.path()
    lines = [
        f"# {_md_plain(conv.title or 'Untitled conversation')}",
        "",
        f"*Conversation {_md_plain(conv.id)} · created {utc_time(conv.created_at)} · "
        f"{_md_plain(count_line(conv, shown))}*",
    ]
    for m in shown:
        lines += [
            "",
            f"## {speaker(m)} · {utc_time(m.created_at)}",
            "",
        ]
        if m.role == "assistant":
            lines += [f"*{_md_plain(metadata_line(m))}*", ""]
        if m.error:
            lines += [f"> **{_md_plain(str(m.status).capitalize())}:** {_md_plain(m.error)}", ""]
        if m.tool_decisions:
            lines += [f"*Tool calls: {_md_plain(m.tool_calls_line())}*", ""]
        lines += [_md_content(m.content) or "*(empty)*"]
    return "\n".join(lines) + "\n"


def iter_markdown(conversations: Iterable[Conversation]) -> Iterator[str]:
    """Markdown for people: one section per conversation, thinking folded in ``<details>``."""
    for i, conv in enumerate(conversations):
        yield ("\n---\n\n" if i else "") + _md_conversation(conv)


def to_markdown(conversations: Iterable[Conversation]) -> str:
    return "".join(iter_markdown(conversations))

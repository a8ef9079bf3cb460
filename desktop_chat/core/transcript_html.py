"""HTML transcripts: one self-contained page, every piece of text escaped."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from desktop_chat.core.citations import SourceList, has_citations
from desktop_chat.core.conversation import Block, Conversation
from desktop_chat.core.tool_cards import speaker
from desktop_chat.core.transcript_attachments import html_block
from desktop_chat.core.transcript_json import dumps
from desktop_chat.core.transcript_readable import (
    count_line,
    metadata_line,
    summarized,
    utc_time,
)

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
    if (attachment := html_block(block)) is not None:
        return attachment
    if kind == "text":
        return f'<div class="text">{_h(block.get("text", ""))}</div>'
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
            f"<pre><code>{_h(dumps(block.get('input', {})))}</code></pre>"
        )
    body = _h(dumps(summarized(block)))
    return f"<p><strong>{_h(kind)}</strong></p><pre><code>{body}</code></pre>"


def _link(url: str, text: str, title: str = "") -> str:
    hint = f' title="{_h(title)}"' if title else ""
    return f'<a href="{_h(url)}" rel="noreferrer noopener"{hint}>{text}</a>'


def _html_content(content: list[Block]) -> list[str]:
    """A message's blocks; a reply that cites reads as one text with numbered markers (the
    quote as their title), then its numbered sources."""
    if not has_citations(content):
        return [_html_block(b) for b in content]
    sources = SourceList()
    parts: list[str] = []
    run: list[str] = []
    for block in content:
        if block.get("type") != "text":
            if run:
                parts.append(f'<div class="text">{"".join(run)}</div>')
                run = []
            parts.append(_html_block(block))
            continue
        run.append(_h(block.get("text", "")))
        for citation in block.get("citations") or []:
            if not isinstance(citation, dict):
                continue
            source = sources.add(citation)
            marker = f"[{source.number}]"
            quote = str(citation.get("cited_text") or "")
            run.append(
                f"<sup>{_link(source.url, marker, quote)}</sup>"
                if source.url
                else f'<sup title="{_h(quote)}">{marker}</sup>'
            )
    if run:
        parts.append(f'<div class="text">{"".join(run)}</div>')
    items = []
    for source in sources.sources:
        title = _link(source.url, _h(source.title)) if source.url else _h(source.title)
        where = f" ({_h(source.where)})" if source.where else ""
        quote = f" — “{_h(source.quotes[0])}”" if source.quotes else ""
        items.append(f"<li>{title}{where}{quote}</li>")
    parts.append(f'<ol class="meta sources">{"".join(items)}</ol>')
    return parts


def _html_conversation(conv: Conversation) -> str:
    shown = conv.path()
    parts = [
        f'<article id="c-{_h(conv.id)}">',
        f"<h1>{_h(conv.title or 'Untitled conversation')}</h1>",
        f'<p class="meta">Conversation {_h(conv.id)} · created {_h(utc_time(conv.created_at))} · '
        f"{_h(count_line(conv, shown))}</p>",
    ]
    for m in shown:
        who = speaker(m)
        parts.append(f'<section class="{_h(m.role)}" id="m-{_h(m.id)}">')
        parts.append(f'<h2>{who} <span class="meta">{_h(utc_time(m.created_at))}</span></h2>')
        if m.role == "assistant":
            parts.append(f'<p class="meta">{_h(metadata_line(m))}</p>')
        if m.error:
            parts.append(f'<p class="error">{_h(str(m.status).capitalize())}: {_h(m.error)}</p>')
        if m.tool_decisions:
            parts.append(f'<p class="meta">Tool calls: {_h(m.tool_calls_line())}</p>')
        parts.extend(_html_content(m.content))
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
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
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

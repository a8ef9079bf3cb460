"""Citations of a reply as numbered sources: for the chat view and the exports.

A reply that cites comes as many text blocks, some with ``citations`` (web search results,
or places in documents). Read together, they are one text with a numbered marker after each
cited span, and a list of the sources those numbers stand for. Only ``http``/``https``
addresses are ever made links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from desktop_chat.core.conversation import Block
from desktop_chat.core.i18n import translate

CITE_SCHEME = "cite"  # the marker of a source without a web address: cite:<number>


@dataclass
class Source:
    """One source the reply cites, numbered in order of first citation."""

    number: int
    title: str
    url: str | None = None  # a web address (http or https), else None
    where: str = ""  # for a document: which one, and which characters or pages
    quotes: list[str] = field(default_factory=list)

    @property
    def href(self) -> str:
        return self.url or f"{CITE_SCHEME}:{self.number}"


def web_address(value: object) -> str | None:
    """``value`` if it is an http(s) address, else None (never a javascript: link)."""
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def has_citations(blocks: Iterable[Block]) -> bool:
    return any(b.get("type") == "text" and b.get("citations") for b in blocks)


def _key(citation: dict[str, Any]) -> tuple[str, str]:
    url = citation.get("url") or citation.get("source")
    if url:
        return ("url", str(url))
    index = citation.get("document_index", citation.get("search_result_index", "?"))
    return ("document", str(index))


_DASH = "\u2013"


def _where(citation: dict[str, Any]) -> str:
    """Where in a document: the API's end indexes are exclusive."""
    kind = citation.get("type")
    document = f"document {int(citation.get('document_index', 0)) + 1}"
    names = {
        "char_location": ("characters", "start_char_index", "end_char_index"),
        "page_location": ("pages", "start_page_number", "end_page_number"),
        "content_block_location": ("blocks", "start_block_index", "end_block_index"),
    }
    if kind not in names or "document_index" not in citation:
        return ""
    what, first, after = names[str(kind)]
    start, end = citation.get(first), citation.get(after)
    if not isinstance(start, int) or not isinstance(end, int):
        return document
    if end - start <= 1:
        return f"{document}, {what[:-1]} {start}"
    return f"{document}, {what} {start}{_DASH}{end - 1}"


class SourceList:
    """The sources of one reply, numbered as citations name them."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self._by_key: dict[tuple[str, str], Source] = {}

    def add(self, citation: dict[str, Any]) -> Source:
        key = _key(citation)
        source = self._by_key.get(key)
        if source is None:
            raw_url = citation.get("url") or citation.get("source")
            title = citation.get("title") or citation.get("document_title") or raw_url
            source = Source(
                number=len(self.sources) + 1,
                title=str(title or f"Document {key[1]}"),
                url=web_address(raw_url),
                where=_where(citation),
            )
            self._by_key[key] = source
            self.sources.append(source)
        quote = str(citation.get("cited_text") or "").strip()
        if quote and quote not in source.quotes:
            source.quotes.append(quote)
        return source


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|~" else c for c in text)


def _title_attr(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"')


def cited_markdown(blocks: Sequence[Block], sources: SourceList) -> str:
    """The text blocks as one Markdown text, a ``[n]`` link after each cited span (its
    title the quoted text); the sources cited are added to ``sources``."""
    parts: list[str] = []
    for block in blocks:
        if block.get("type") != "text":
            continue
        parts.append(str(block.get("text", "")))
        citations = block.get("citations")
        for citation in citations if isinstance(citations, list) else []:
            if not isinstance(citation, dict):
                continue
            source = sources.add(citation)
            quote = _title_attr(str(citation.get("cited_text") or source.title))
            parts.append(f'[\\[{source.number}\\]]({source.href} "{quote}")')
    return "".join(parts)


def sources_markdown(sources: Sequence[Source]) -> str:
    """The list of sources as Markdown: number, title (a link for a web address), where."""
    heading = translate("Citations", "Sources")
    lines = [f"**{heading}**", ""]
    for s in sources:
        title = _md_escape(s.title)
        quote = _title_attr(s.quotes[0]) if s.quotes else ""
        shown = f'[{title}]({s.url} "{quote}")' if s.url else title
        # Dots escaped: the host is words here, not a link of its own.
        host = _md_escape(urlsplit(s.url).netloc).replace(".", "\\.") if s.url else ""
        address = f" — {host}" if s.url else ""
        where = f" ({s.where})" if s.where else ""
        lines.append(f"{s.number}. {shown}{address}{where}")
    return "\n".join(lines)

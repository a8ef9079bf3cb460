"""The export formats by name, each a generator of text chunks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from desktop_chat.core.conversation import Conversation
from desktop_chat.core.transcript_html import iter_html
from desktop_chat.core.transcript_json import iter_json
from desktop_chat.core.transcript_markdown import iter_markdown

FORMATS = ("json", "md", "html")

EXPORTERS: dict[str, Callable[[Iterable[Conversation]], Iterator[str]]] = {
    "json": iter_json,
    "md": iter_markdown,
    "html": iter_html,
}

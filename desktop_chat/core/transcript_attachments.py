"""Attachments in exports and imports.

- JSON carries each attachment as the exact block the API takes (base64, or the text of a
  text document), so a transcript can be sent again as it is; importing it stores the bytes
  once and gives back the same blocks, byte for byte.
- HTML shows images inline as ``data:`` URIs (the page loads nothing from anywhere) and
  documents as cards.
- Markdown writes each file beside the ``.md`` (in ``<name>_files/``) and links it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_chat.core.attachments import (
    IMAGE_TYPES,
    PDF_TYPE,
    Attachment,
    api_block,
    facts_line,
    from_api_block,
    is_ref,
)
from desktop_chat.core.conversation import Block, Conversation, Message
from desktop_chat.core.store_blobs import write_blob

Read = Callable[[str], bytes]
EXPORT_PATH = "export_path"  # the source of an attachment written beside a Markdown file
_NAME_KEY = "x_name"  # kept beside an inlined block for HTML and Markdown only
_BASE64 = re.compile(r"[A-Za-z0-9+/=]*")


def _inline_message(m: Message, convert: Callable[[Block], Block]) -> Message:
    if not any(is_ref(b) for b in m.content):
        return m
    return replace(m, content=[convert(b) if is_ref(b) else b for b in m.content])


def for_export(
    conversations: Iterable[Conversation], fmt: str, read: Read, path: Path | None = None
) -> Iterator[Conversation]:
    """``conversations`` with their attachments as the export format ``fmt`` holds them.

    ``path``: the Markdown file being written (its attachments go in ``<stem>_files``).
    """
    folder = None if path is None else path.with_name(f"{path.stem}_files")

    def convert(block: Block) -> Block:
        source = block["source"]
        data = read(str(source["sha256"]))
        if fmt == "json":
            return api_block(block, data)
        if fmt == "md" and folder is not None:
            folder.mkdir(exist_ok=True)
            name = f"{str(source['sha256'])[:12]}-{_safe_name(str(source.get('name', '')))}"
            (folder / name).write_bytes(data)
            return {
                **block,
                "source": {**source, "type": EXPORT_PATH, "path": f"{folder.name}/{name}"},
            }
        return {
            **api_block(block, data),
            _NAME_KEY: str(source.get("name", "")),
            "facts": facts_line(source),
        }

    for conv in conversations:
        messages = [_inline_message(m, convert) for m in conv.messages]
        yield replace(conv, messages=messages)


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\-]+", "_", name).strip("._") or "attachment"
    return cleaned[:80]


def html_block(block: Block) -> str | None:
    """An image (inline, from its own bytes) or a document card; None for other blocks."""
    if block.get("type") not in ("image", "document"):
        return None
    source = block.get("source") if isinstance(block.get("source"), dict) else {}
    assert isinstance(source, dict)
    name = html.escape(str(block.get(_NAME_KEY) or block.get("title") or "attachment"))
    facts = html.escape(str(block.get("facts", "")))
    media_type = source.get("media_type")
    data = str(source.get("data", ""))
    if (
        block.get("type") == "image"
        and source.get("type") == "base64"
        and media_type in IMAGE_TYPES
        and _BASE64.fullmatch(data)
    ):
        return (
            f'<figure class="attachment"><img src="data:{media_type};base64,{data}" alt="{name}"'
            ' style="max-width:100%;max-height:480px">'
            f'<figcaption>{name} <span class="meta">{facts}</span></figcaption></figure>'
        )
    if source.get("type") == "text":
        return (
            f'<details class="attachment"><summary>\U0001f4dd {name} <span class="meta">{facts}'
            f"</span></summary><pre>{html.escape(data)}</pre></details>"
        )
    icon = "\U0001f4c4" if media_type == PDF_TYPE else "\U0001f4ce"
    return f'<p class="attachment">{icon} {name} <span class="meta">{facts}</span></p>'


def markdown_block(block: Block) -> str | None:
    """A link to the file written beside the Markdown (an image shown), or None."""
    if block.get("type") not in ("image", "document"):
        return None
    source = block.get("source") if isinstance(block.get("source"), dict) else {}
    assert isinstance(source, dict)
    name = str(source.get("name") or block.get("title") or "attachment")
    label = re.sub(r"([\[\]\\])", r"\\\1", name)
    if source.get("type") == EXPORT_PATH:
        target = str(source.get("path", "")).replace(" ", "%20").replace(")", "%29")
        facts = facts_line(source)
        if block.get("type") == "image":
            return f"![{label}]({target})\n\n*{label} · {facts}*"
        return f"[\U0001f4ce {label}]({target}) · *{facts}*"
    return f"*(attachment: {label})*"


def store_inline_attachments(
    store_path: Path, conversations: Iterable[Conversation]
) -> list[Attachment]:
    """Before an import: each inline image or document block (base64, or a text document)
    has its bytes stored once and becomes a reference to them, the rest of the block kept
    as it was. Returns what was stored. Raises AttachmentError for a block whose bytes are
    not what it says."""
    stored: dict[str, Attachment] = {}
    for conv in conversations:
        for m in conv.messages:
            if not any(b.get("type") in ("image", "document") for b in m.content):
                continue
            content: list[Block] = []
            for block in m.content:
                attachment = from_api_block(block)
                if attachment is None:
                    content.append(block)
                    continue
                if attachment.sha256 not in stored:
                    write_blob(store_path, attachment)
                    stored[attachment.sha256] = attachment
                content.append({**block, "source": _ref_source(attachment, block)})
            m.content = content
    return list(stored.values())


def _ref_source(a: Attachment, block: Block) -> dict[str, Any]:
    source: dict[str, Any] = {
        "type": "blob",
        "media_type": a.media_type,
        "sha256": a.sha256,
        "size": a.size,
        "name": a.name if isinstance(block.get("title"), str) else _image_name(a),
    }
    if a.width:
        source.update(width=a.width, height=a.height)
    if a.pages:
        source["pages"] = a.pages
    return source


def _image_name(a: Attachment) -> str:
    ext = a.media_type.rpartition("/")[2].replace("jpeg", "jpg")
    return f"image-{a.sha256[:8]}.{ext}" if a.media_type in IMAGE_TYPES else a.name

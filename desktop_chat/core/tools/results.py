"""What a tool returned, as the ``tool_result`` block the Messages API takes.

Text stays text; images the API accepts (JPEG, PNG, GIF, WebP, at most 5 MB of base64) stay
images; anything else (audio, binary resources, links) becomes a line of text saying what it
was. The result is bounded: text past ``max_chars`` is cut with a marker that says how much
was left out, and images past ``max_images`` or the size limit are replaced by a note, so
one tool can never blow up a request. ``ToolOutput`` tells the caller what was cut.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from mcp import types

IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
MAX_IMAGE_BASE64 = 5 * 1024 * 1024
DEFAULT_MAX_CHARS = 100_000
DEFAULT_MAX_IMAGES = 5
EMPTY_RESULT = "(the tool returned nothing)"


@dataclass
class ToolOutput:
    """A ``tool_result`` block and what it took to build it.

    Attributes:
        block: the ``tool_result`` content block for the next request.
        size: characters (text) plus base64 characters (images) the tool returned, before
            any cut.
        truncated: whether anything was cut or left out; ``notes`` say what, in words.
        text: the result's text as shown to a person (images as notes), after the cut.
    """

    block: dict[str, Any]
    size: int = 0
    truncated: bool = False
    notes: list[str] = field(default_factory=list)
    text: str = ""

    @property
    def is_error(self) -> bool:
        return bool(self.block.get("is_error"))


def error_result(tool_use_id: str, message: str) -> ToolOutput:
    """A ``tool_result`` with ``is_error`` that tells Claude ``message`` in plain words."""
    block = {
        "type": "tool_result",
        "tool_use_id": tool_use_id,
        "content": [{"type": "text", "text": message}],
        "is_error": True,
    }
    return ToolOutput(block, size=len(message), text=message)


def _describe(item: Any) -> str:
    """A line of text for content the API cannot take as it is."""
    if isinstance(item, types.AudioContent):
        return f"[audio ({item.mime_type}, {len(item.data):,} base64 characters) not shown]"
    if isinstance(item, types.ResourceLink):
        label = item.title or item.name
        return f"[resource link: {label} <{item.uri}>]"
    if isinstance(item, types.EmbeddedResource):
        resource = item.resource
        if isinstance(resource, types.TextResourceContents):
            return resource.text
        mime = resource.mime_type or "binary data"
        return f"[resource {resource.uri} ({mime}, {len(resource.blob):,} base64 characters)]"
    return f"[content of type {getattr(item, 'type', '?')} not shown]"


def _parts(result: types.CallToolResult) -> list[tuple[str, Any]]:
    """("text", str) and ("image", ImageContent) pairs, in the order the tool gave them."""
    parts: list[tuple[str, Any]] = []
    for item in result.content:
        if isinstance(item, types.TextContent):
            parts.append(("text", item.text))
        elif isinstance(item, types.ImageContent):
            parts.append(("image", item))
        else:
            parts.append(("text", _describe(item)))
    if not parts and result.structured_content is not None:
        parts.append(("text", json.dumps(result.structured_content, ensure_ascii=False)))
    return parts


def to_tool_result(
    tool_use_id: str,
    result: types.CallToolResult,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_images: int = DEFAULT_MAX_IMAGES,
) -> ToolOutput:
    """Turn an MCP ``CallToolResult`` into a bounded ``tool_result`` block."""
    content: list[dict[str, Any]] = []
    shown: list[str] = []
    notes: list[str] = []
    size = 0
    chars_left = max_chars
    images = 0
    for kind, value in _parts(result):
        if kind == "image":
            size += len(value.data)
            if value.mime_type not in IMAGE_TYPES:
                value = (
                    f"[image of type {value.mime_type} not shown:"
                    " the API takes JPEG, PNG, GIF and WebP]"
                )
            elif len(value.data) > MAX_IMAGE_BASE64:
                value = f"[image too large to send ({len(value.data):,} base64 characters)]"
                notes.append("An image was too large to send.")
            elif images >= max_images:
                value = "[image left out: too many images in one result]"
                notes.append(f"Only the first {max_images} images were sent.")
            else:
                images += 1
                source = {"type": "base64", "media_type": value.mime_type, "data": value.data}
                content.append({"type": "image", "source": source})
                shown.append(f"[image {value.mime_type}]")
                continue
        text = str(value)
        size += len(text) if kind == "text" else 0
        if not text:
            continue
        if chars_left <= 0:
            notes.append("Text was left out after the size limit.")
            continue
        if len(text) > chars_left:
            text = text[:chars_left]
            notes.append(f"Text was cut at {max_chars:,} characters.")
        chars_left -= len(text)
        content.append({"type": "text", "text": text})
        shown.append(text)
    if notes:
        marker = (
            f"[… truncated by Desktop Chat: the tool returned {size:,} characters;"
            f" {' '.join(dict.fromkeys(notes))}]"
        )
        content.append({"type": "text", "text": marker})
        shown.append(marker)
    if not content:
        content.append({"type": "text", "text": EMPTY_RESULT})
        shown.append(EMPTY_RESULT)
    block: dict[str, Any] = {"type": "tool_result", "tool_use_id": tool_use_id, "content": content}
    if result.is_error:
        block["is_error"] = True
    return ToolOutput(block, size, bool(notes), list(dict.fromkeys(notes)), "\n".join(shown))

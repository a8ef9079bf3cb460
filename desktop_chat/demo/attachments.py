"""Image and document blocks, checked as the Messages API checks them, and described.

The checks: the source kind, the media type (one of the API's), base64 that decodes, bytes
that are what the media type says, an image's size (5 MB encoded) and pixels (8000 a side,
2000 when a request holds more than 20 images), a PDF's pages (100) and no encryption,
and a text document's text. :func:`describe` is what the demo says it was shown: "an image
of 1200 by 800 px", "a 12-page PDF".
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from typing import Any

from desktop_chat.core import attachments as att
from desktop_chat.core.pdf_facts import pdf_facts
from desktop_chat.demo.errors import invalid_request

JsonObject = dict[str, Any]

_IMAGE_TYPES_WORDS = "'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"


# The bytes of base64 strings read in from uploaded files (``files.FileStore.resolve``), so
# that checking and describing them decodes nothing: the demo runs in the app's process, and
# decoding 40 MB holds the GIL (the UI thread's too) for 60 ms. Keyed by the string's id,
# the string kept alive with it; a few at most.
_KNOWN: dict[int, tuple[str, bytes]] = {}


def remember(encoded: str, raw: bytes) -> None:
    while len(_KNOWN) >= 4:
        _KNOWN.pop(next(iter(_KNOWN)))
    _KNOWN[id(encoded)] = (encoded, raw)


def encode_in_chunks(raw: bytes, chunk: int = 3 * 1024 * 1024) -> str:
    """``raw`` as base64, a few MB at a time (each call holds the GIL only that long)."""
    return "".join(
        base64.b64encode(raw[at : at + chunk]).decode("ascii") for at in range(0, len(raw), chunk)
    )


def _decoded(source: JsonObject, where: str) -> bytes:
    data = source.get("data")
    if not isinstance(data, str):
        raise invalid_request(f"{where}.data: Field required")
    known = _KNOWN.get(id(data))
    if known is not None and known[0] is data:
        return known[1]
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise invalid_request(f"{where}.data: Invalid base64 data") from exc


def check_image(block: JsonObject, where: str) -> tuple[int, int] | None:
    """Check an image block; its width and height when its bytes are inline."""
    source = block.get("source")
    if not isinstance(source, dict):
        raise invalid_request(f"{where}.source: Field required")
    kind = source.get("type")
    if kind in ("url", "file"):
        if not isinstance(source.get("url" if kind == "url" else "file_id"), str):
            raise invalid_request(f"{where}.source.{kind}: Field required")
        return None
    if kind != "base64":
        raise invalid_request(
            f"{where}.source: Input tag '{kind}' found using 'type' does not match any of the"
            " expected tags: 'base64', 'url', 'file'"
        )
    where = f"{where}.source.base64"
    media_type = source.get("media_type")
    if media_type not in att.IMAGE_TYPES:
        raise invalid_request(f"{where}.media_type: Input should be {_IMAGE_TYPES_WORDS}")
    encoded_size = len(str(source.get("data", "")))
    if encoded_size > att.MAX_IMAGE_BASE64:
        raise invalid_request(
            f"{where}: image exceeds 5 MB maximum: {encoded_size} bytes > {att.MAX_IMAGE_BASE64}"
            " bytes"
        )
    data = _decoded(source, where)
    found = att.sniff(data)
    if found not in att.IMAGE_TYPES:
        raise invalid_request(f"{where}.data: Could not process image")
    if found != media_type:
        raise invalid_request(
            f"{where}.data: The image was specified using the {media_type} media type, but"
            f" the image appears to be a {found} image"
        )
    size = att.image_size(data, found)
    if size is None:
        raise invalid_request(f"{where}.data: Could not process image")
    if max(size) > att.MAX_IMAGE_SIDE:
        raise invalid_request(
            f"{where}.data: At least one of the image dimensions exceed max allowed size:"
            f" {att.MAX_IMAGE_SIDE} pixels"
        )
    return size


def check_document(block: JsonObject, where: str) -> None:
    """Check a document block (PDF or plain text)."""
    source = block.get("source")
    if not isinstance(source, dict):
        raise invalid_request(f"{where}.source: Field required")
    kind = source.get("type")
    if kind == "text":
        if source.get("media_type") != "text/plain":
            raise invalid_request(f"{where}.source.text.media_type: Input should be 'text/plain'")
        if not isinstance(source.get("data"), str) or not source["data"]:
            raise invalid_request(f"{where}.source.text.data: Field required")
    elif kind == "base64":
        if source.get("media_type") != att.PDF_TYPE:
            raise invalid_request(
                f"{where}.source.base64.media_type: Input should be 'application/pdf'"
            )
        data = _decoded(source, f"{where}.source.base64")
        if att.sniff(data) != att.PDF_TYPE:
            raise invalid_request(f"{where}.source.base64.data: The PDF specified was not valid.")
        facts = pdf_facts(data)
        if facts.encrypted:
            raise invalid_request(
                f"{where}.source.base64.data: The PDF specified is password protected."
            )
        if not facts.complete or facts.pages == 0:
            raise invalid_request(f"{where}.source.base64.data: The PDF specified was not valid.")
        if facts.pages > att.MAX_PDF_PAGES:
            raise invalid_request(
                f"{where}.source.base64.data: A maximum of {att.MAX_PDF_PAGES} PDF pages may be"
                " provided."
            )
    elif kind in ("url", "file", "content"):
        pass  # not sent by this client; taken as the API takes them
    else:
        raise invalid_request(
            f"{where}.source: Input tag '{kind}' found using 'type' does not match any of the"
            " expected tags: 'base64', 'content', 'text', 'url', 'file'"
        )
    citations = block.get("citations")
    if citations is not None and (
        not isinstance(citations, dict) or not isinstance(citations.get("enabled", False), bool)
    ):
        raise invalid_request(f"{where}.citations: Input should be a valid dictionary")


def check_request_images(messages: Sequence[JsonObject]) -> None:
    """The limits on all the images of a request: fewer pixels when there are many."""
    images = [
        (i, j, block)
        for i, message in enumerate(messages)
        for j, block in enumerate(message["content"])
        if block.get("type") == "image"
    ]
    if len(images) <= att.MANY_IMAGES:
        return
    for i, j, block in images:
        source = block.get("source") or {}
        if source.get("type") != "base64":
            continue
        data = _decoded(source, "")
        size = att.image_size(data, str(source.get("media_type")))
        if size is not None and max(size) > att.MAX_IMAGE_SIDE_MANY:
            raise invalid_request(
                f"messages.{i}.content.{j}.image.source.base64.data: At least one of the image"
                f" dimensions exceed max allowed size for many-image requests:"
                f" {att.MAX_IMAGE_SIDE_MANY} pixels"
            )


def check_for_model(messages: Any, caps: JsonObject) -> None:
    """Images for a model without ``image_input``, PDFs for one without ``pdf_input``."""
    if not isinstance(messages, list):
        return
    image_ok = (caps.get("image_input") or {}).get("supported", True)
    pdf_ok = (caps.get("pdf_input") or {}).get("supported", True)
    for i, message in enumerate(messages):
        content = message.get("content") if isinstance(message, dict) else None
        for j, block in enumerate(content if isinstance(content, list) else []):
            kind = block.get("type") if isinstance(block, dict) else None
            media = (block.get("source") or {}).get("media_type") if kind == "document" else None
            if kind == "image" and not image_ok:
                raise invalid_request(
                    f"messages.{i}.content.{j}.image: This model does not support image input."
                )
            if media == att.PDF_TYPE and not pdf_ok:
                raise invalid_request(
                    f"messages.{i}.content.{j}.document: This model does not support PDF input."
                )


def describe(messages: Sequence[JsonObject]) -> str:
    """What the newest user message shows, in words ("" when it holds no attachment)."""
    last = next((m for m in reversed(messages) if m["role"] == "user"), None)
    if last is None:
        return ""
    seen: list[str] = []
    for block in last["content"]:
        source = block.get("source") if isinstance(block.get("source"), dict) else {}
        if block.get("type") == "image" and source.get("type") == "base64":
            data = _decoded(source, "")
            size = att.image_size(data, str(source.get("media_type"))) or (0, 0)
            seen.append(f"an image of {size[0]}\u00d7{size[1]} px ({source.get('media_type')})")
        elif block.get("type") == "document" and source.get("type") == "base64":
            pages = pdf_facts(_decoded(source, "")).pages
            title = f" called “{block['title']}”" if isinstance(block.get("title"), str) else ""
            seen.append(f"a {pages}-page PDF{title}")
        elif block.get("type") == "document" and source.get("type") == "text":
            lines = str(source.get("data", "")).count("\n") + 1
            title = f" called “{block['title']}”" if isinstance(block.get("title"), str) else ""
            seen.append(f"a text document of {lines} lines{title}")
    if not seen:
        return ""
    listed = seen[0] if len(seen) == 1 else ", ".join(seen[:-1]) + " and " + seen[-1]
    return f"I was shown {listed}."

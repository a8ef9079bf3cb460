"""Attachments: what a file is (by its bytes), whether the API will take it, and its blocks.

Kinds: JPEG, PNG, GIF and WebP images; PDF documents; plain-text files (UTF-8 without NUL
bytes, whatever their extension) sent as text documents. Anything else is refused with the
reason and what to do, before anything is sent.

A message holds an attachment as its API block whose ``source`` is replaced by a reference
to the bytes in the store (``{"type": "blob", "sha256": ..., "media_type": ..., "name": ...,
...}``): one copy per distinct file however many messages use it. :func:`api_block` gives
back the exact block the API takes (base64, or the text itself for a text document); the
request and the JSON export are built with it.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import Any

from desktop_chat.core.i18n import translate
from desktop_chat.core.limits import API_REQUEST_LIMIT_BYTES, MB, format_size
from desktop_chat.core.pdf_facts import is_pdf, pdf_facts

Block = dict[str, Any]

IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
PDF_TYPE = "application/pdf"
TEXT_TYPE = "text/plain"

MAX_FILE_BYTES = 32 * MB
"""A file larger than this is refused from its size alone, before it is read."""
MAX_IMAGE_BASE64 = 5 * MB
"""The API's limit on one image, base64-encoded."""
MAX_IMAGE_SIDE = 8000
MAX_IMAGE_SIDE_MANY = 2000
"""The limit on a side when a request holds more than ``MANY_IMAGES`` images."""
MANY_IMAGES = 20
SCALE_LONG_EDGE = 1568
"""The API scales an image whose long edge is longer than this: it is scaled here first."""
MAX_PDF_PAGES = 100
MAX_TEXT_BYTES = 4 * MB
FILES_API_FROM = 5 * MB
"""A document at least this large is uploaded once to the Files API and sent by its
``file_id`` (every request carries the whole conversation: megabytes again each turn)."""
INLINE_BUDGET = 4 * MB
"""At most this much attachment data (base64) goes inline in one request; beyond it the
largest attachments are sent by ``file_id``. The SDK writes the request's JSON on the UI
thread's loop: 20 MB of images in a conversation took 60 ms to serialise, each turn."""
REQUEST_MARGIN = 1 * MB
"""Room kept in a request for the conversation's text and the JSON around it."""


class Kind(StrEnum):
    IMAGE = "image"
    PDF = "pdf"
    TEXT = "text"


class AttachmentError(Exception):
    """A file cannot be attached or sent; ``str()`` says why and what to do."""


@dataclass(frozen=True)
class Attachment:
    """A file ready to be attached: its bytes and what they are."""

    name: str
    data: bytes
    media_type: str
    sha256: str
    width: int = 0
    height: int = 0
    pages: int = 0

    @property
    def kind(self) -> Kind:
        if self.media_type == PDF_TYPE:
            return Kind.PDF
        if self.media_type == TEXT_TYPE:
            return Kind.TEXT
        return Kind.IMAGE

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def needs_scaling(self) -> bool:
        """An image the API would scale down itself (see ``SCALE_LONG_EDGE``)."""
        return self.kind is Kind.IMAGE and max(self.width, self.height) > SCALE_LONG_EDGE

    @property
    def tokens(self) -> int:
        """About how many input tokens it costs."""
        return estimate_tokens(self.kind, self.size, self.width, self.height, self.pages)


def estimate_tokens(kind: Kind, size: int, width: int, height: int, pages: int) -> int:
    """About how many input tokens an attachment costs (the API's published rules of
    thumb: pixels / 750 for an image, a few thousand a PDF page, bytes / 4 for text)."""
    if kind is Kind.IMAGE:
        long_edge = max(width, height, 1)
        scale = min(1.0, SCALE_LONG_EDGE / long_edge)
        return max(1, int(width * scale * height * scale / 750))
    if kind is Kind.PDF:
        return pages * 2000
    return max(1, size // 4)


# section: what the bytes are


def sniff(data: bytes) -> str | None:
    """The media type that ``data``'s first bytes announce (images, PDF), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if is_pdf(data):
        return PDF_TYPE
    return None


def image_size(data: bytes, media_type: str) -> tuple[int, int] | None:
    """The width and height an image's header gives, or None when it gives none."""
    try:
        if media_type == "image/png":
            if data[12:16] != b"IHDR":
                return None
            w, h = struct.unpack(">II", data[16:24])
            return (w, h) if w and h else None
        if media_type == "image/gif":
            w, h = struct.unpack("<HH", data[6:10])
            return (w, h) if w and h else None
        if media_type == "image/webp":
            return _webp_size(data)
        if media_type == "image/jpeg":
            return _jpeg_size(data)
    except struct.error:
        return None
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        w, h = struct.unpack("<HH", data[26:30])
        return (w & 0x3FFF, h & 0x3FFF)
    if chunk == b"VP8L" and data[20:21] == b"\x2f":
        bits = int.from_bytes(data[21:25], "little")
        return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        w = int.from_bytes(data[24:27], "little") + 1
        h = int.from_bytes(data[27:30], "little") + 1
        return (w, h)
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            h, w = struct.unpack(">HH", data[at + 5 : at + 9])
            return (w, h) if w and h else None
        if marker == 0xDA or length < 2:  # image data before any frame header
            return None
        at += 2 + length
    return None


def _looks_like_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def display_name(name: str) -> str:
    """The file's name without its folders (a path never goes in a message)."""
    return PurePath(name.replace("\\", "/")).name or translate("Attachments", "unnamed")


def check_file_size(name: str, size: int) -> None:
    """Refuse a file from its size alone, before reading it (a 200 MB file is not read)."""
    if size > MAX_FILE_BYTES:
        raise AttachmentError(
            translate(
                "Attachments",
                "{name} is {size}: a request to the API holds at most {limit}. Attach a "
                "smaller file, or split it.",
            ).format(name=name, size=format_size(size), limit=format_size(MAX_FILE_BYTES))
        )


def prepare(name: str, data: bytes) -> Attachment:
    """``data`` (a file called ``name``) as an attachment, or :class:`AttachmentError`
    saying why not: too large, a corrupt image, an encrypted or broken PDF, a binary file."""
    name = display_name(name)
    check_file_size(name, len(data))
    if not data:
        raise AttachmentError(
            translate("Attachments", "{name} is empty: there is nothing to attach.").format(
                name=name
            )
        )
    import hashlib  # (2 ms at start-up otherwise)

    digest = hashlib.sha256(data).hexdigest()
    media_type = sniff(data)
    if media_type == PDF_TYPE:
        facts = pdf_facts(data)
        if facts.encrypted:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "{name} is an encrypted (password-protected) PDF, which the API cannot "
                    "read. Save a copy without the password and attach that.",
                ).format(name=name)
            )
        if not facts.complete or facts.pages == 0:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "{name} is not a whole PDF (it is cut short or damaged). Save or "
                    "download it again and attach the new copy.",
                ).format(name=name)
            )
        if facts.pages > MAX_PDF_PAGES:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "{name} has {pages} pages; the API reads at most {limit} pages of a PDF. "
                    "Attach the pages that matter (print them to a new PDF).",
                ).format(name=name, pages=facts.pages, limit=MAX_PDF_PAGES)
            )
        return Attachment(name, data, PDF_TYPE, digest, pages=facts.pages)
    if media_type is not None:
        size = image_size(data, media_type)
        if size is None:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "{name} is not a valid image: its header is damaged. Open it in an "
                    "image editor, save it again as PNG or JPEG, and attach that.",
                ).format(name=name)
            )
        width, height = size
        if max(width, height) > MAX_IMAGE_SIDE * 4:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "{name} is {width}\u00d7{height} px, far beyond what can be sent. Scale it "
                    "down in an image editor first.",
                ).format(name=name, width=width, height=height)
            )
        return Attachment(name, data, media_type, digest, width=width, height=height)
    if len(data) > MAX_TEXT_BYTES and not _looks_like_text(data[:8192]):
        raise _binary(name)
    if not _looks_like_text(data):
        raise _binary(name)
    if len(data) > MAX_TEXT_BYTES:
        raise AttachmentError(
            translate(
                "Attachments",
                "{name} is {size} of text; a text document may be at most {limit}. Attach "
                "the part that matters.",
            ).format(name=name, size=format_size(len(data)), limit=format_size(MAX_TEXT_BYTES))
        )
    return Attachment(name, data, TEXT_TYPE, digest)


def _binary(name: str) -> AttachmentError:
    return AttachmentError(
        translate(
            "Attachments",
            "{name} is neither an image (JPEG, PNG, GIF, WebP), a PDF, nor UTF-8 text, so "
            "Claude cannot read it. Convert it to one of those and attach that.",
        ).format(name=name)
    )


# section: whether a request can carry them


def check_for_model(kinds: Iterable[Kind], model: str, image_input: bool, pdf_input: bool) -> None:
    """Refuse images for a model without vision, PDFs for one that cannot read them."""
    kinds = set(kinds)
    if Kind.IMAGE in kinds and not image_input:
        raise AttachmentError(
            translate(
                "Attachments",
                "{model} does not take images. Remove the image, or choose a model that "
                "does in Settings; your text is kept.",
            ).format(model=model)
        )
    if Kind.PDF in kinds and not pdf_input:
        raise AttachmentError(
            translate(
                "Attachments",
                "{model} does not read PDFs. Remove the PDF, or choose a model that does in "
                "Settings; your text is kept.",
            ).format(model=model)
        )


def by_file(media_type: str, size: int) -> bool:
    """Whether an attachment goes to the API by ``file_id`` (see ``FILES_API_FROM``)."""
    return media_type in (PDF_TYPE, TEXT_TYPE) and size >= FILES_API_FROM


def base64_size(size: int) -> int:
    return (size + 2) // 3 * 4


def check_request(
    attachments: Sequence[Attachment], *, already: int = 0, images_before: int = 0
) -> None:
    """Refuse what a request holding ``attachments`` (and ``already`` bytes and
    ``images_before`` images of earlier messages, which go with it) would break: an image
    over 5 MB encoded or too many pixels a side, or 32 MB in all."""
    images = [a for a in attachments if a.kind is Kind.IMAGE]
    count = len(images) + images_before
    side = MAX_IMAGE_SIDE_MANY if count > MANY_IMAGES else MAX_IMAGE_SIDE
    for a in images:
        if base64_size(a.size) > MAX_IMAGE_BASE64:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "{name} is {size} once encoded; the API takes images of at most {limit}. "
                    "Save it smaller (JPEG, or fewer pixels) and attach that.",
                ).format(
                    name=a.name,
                    size=format_size(base64_size(a.size)),
                    limit=format_size(MAX_IMAGE_BASE64),
                )
            )
        if max(a.width, a.height) > side:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "{name} is {width}\u00d7{height} px; with {count} images in a request the API "
                    "takes at most {side} px a side. Send fewer images at once.",
                ).format(name=a.name, width=a.width, height=a.height, count=count, side=side)
            )
    total = already + sum(
        base64_size(a.size) for a in attachments if not by_file(a.media_type, a.size)
    )
    if total > API_REQUEST_LIMIT_BYTES - REQUEST_MARGIN:
        raise AttachmentError(
            translate(
                "Attachments",
                "The attachments come to {size} once encoded, and a request to the API holds "
                "at most {limit}. Remove some, or send them in separate messages.",
            ).format(size=format_size(total), limit=format_size(API_REQUEST_LIMIT_BYTES))
        )


# section: blocks


def ref_block(a: Attachment) -> Block:
    """The block a message holds for ``a``: the API's block, its source a store reference."""
    source: Block = {
        "type": "blob",
        "media_type": a.media_type,
        "sha256": a.sha256,
        "size": a.size,
        "name": a.name,
    }
    if a.kind is Kind.IMAGE:
        source.update(width=a.width, height=a.height)
        return {"type": "image", "source": source}
    if a.kind is Kind.PDF:
        source["pages"] = a.pages
    return {"type": "document", "source": source, "title": a.name, "citations": {"enabled": True}}


def is_ref(block: Block) -> bool:
    source = block.get("source")
    return isinstance(source, dict) and source.get("type") == "blob"


def refs(content: Iterable[Block]) -> Iterator[Block]:
    """The attachment (reference) blocks of a message's content."""
    return (b for b in content if is_ref(b))


def api_block(ref: Block, data: bytes) -> Block:
    """The exact block the API takes for the reference ``ref`` whose bytes are ``data``."""
    source = ref["source"]
    block = {k: v for k, v in ref.items() if k != "source"}
    if source["media_type"] == TEXT_TYPE:
        block["source"] = {"type": "text", "media_type": TEXT_TYPE, "data": data.decode("utf-8")}
    else:
        encoded = base64.b64encode(data).decode("ascii")
        block["source"] = {"type": "base64", "media_type": source["media_type"], "data": encoded}
    return block


def from_api_block(block: Block, name: str | None = None) -> Attachment | None:
    """The attachment an API image or document block carries inline (base64 or text), or
    None for any other block. Raises AttachmentError when its bytes are not what it says."""
    source = block.get("source")
    if block.get("type") not in ("image", "document") or not isinstance(source, dict):
        return None
    kind = source.get("type")
    if kind == "base64":
        try:
            data = base64.b64decode(str(source.get("data", "")), validate=True)
        except ValueError as exc:
            raise AttachmentError(
                translate("Attachments", "An attachment's base64 data is damaged.")
            ) from exc
    elif kind == "text" and isinstance(source.get("data"), str):
        data = str(source["data"]).encode("utf-8")
    else:
        return None
    title = block.get("title")
    attachment = prepare(name or (title if isinstance(title, str) else "") or "attachment", data)
    if attachment.media_type != source.get("media_type"):
        raise AttachmentError(
            translate(
                "Attachments", "An attachment says it is {said} but its bytes are {found}."
            ).format(said=source.get("media_type"), found=attachment.media_type)
        )
    return attachment


def with_bytes(
    messages: list[dict[str, Any]],
    read: Callable[[str], bytes],
    file_ids: dict[str, str] | None = None,
    *,
    citations: bool = True,
) -> list[dict[str, Any]]:
    """The API ``messages`` with every reference block made the block the API takes.

    ``read(sha256)`` gives the stored bytes (KeyError when missing); ``file_ids`` the
    Files API ids of those sent by reference; without ``citations`` (a model that does
    not list them), documents do not ask for citations. Runs in a worker thread: encoding
    megabytes takes longer than a frame.
    """
    ids = file_ids or {}

    def block_for(ref: Block) -> Block:
        if not citations and "citations" in ref:
            ref = {k: v for k, v in ref.items() if k != "citations"}
        file_id = ids.get(str(ref["source"]["sha256"]))
        if file_id is not None:
            rest = {k: v for k, v in ref.items() if k != "source"}
            return {**rest, "source": {"type": "file", "file_id": file_id}}
        return api_block(ref, read(ref["source"]["sha256"]))

    out: list[dict[str, Any]] = []
    for message in messages:
        content = message.get("content")
        if isinstance(content, list) and any(is_ref(b) for b in content):
            message = {
                **message,
                "content": [block_for(b) if is_ref(b) else b for b in content],
            }
        out.append(message)
    return out


def facts_line(source: Block) -> str:
    """What an export says under an attachment's name (in English, as exports are): size,
    pixels or pages, tokens. The interface says it with ``ui.attachment_facts.facts_text``."""
    media_type = str(source.get("media_type", ""))
    size = int(source.get("size", 0))
    parts = [format_size(size)]
    if media_type == PDF_TYPE:
        pages = int(source.get("pages", 0))
        parts.append("1 page" if pages == 1 else f"{pages} pages")
        kind = Kind.PDF
    elif media_type == TEXT_TYPE:
        parts.append("text")
        kind = Kind.TEXT
    else:
        parts.append(f"{source.get('width', 0)}\u00d7{source.get('height', 0)} px")
        kind = Kind.IMAGE
    tokens = estimate_tokens(
        kind, size, int(source.get("width", 0)), int(source.get("height", 0)),
        int(source.get("pages", 0)),
    )  # fmt: skip
    parts.append(f"~{tokens:,} tokens")
    return " · ".join(parts)


def check_send(
    new: Sequence[Attachment],
    earlier: Iterable[Block],
    *,
    model: str,
    image_input: bool,
    pdf_input: bool,
) -> None:
    """Refuse sending ``new`` in a conversation already holding the reference blocks
    ``earlier`` (they go with every request): the model's capabilities, then the limits."""
    earlier = list(earlier)
    kinds = [a.kind for a in new]
    check_for_model(kinds, model, image_input, pdf_input)
    sizes = [(str(b["source"].get("media_type")), int(b["source"].get("size", 0))) for b in earlier]
    already = sum(base64_size(size) for media, size in sizes if not by_file(media, size))
    already = min(already, INLINE_BUDGET)  # the rest goes by file_id (store_blobs)
    images_before = sum(b.get("type") == "image" for b in earlier)
    check_request(new, already=already, images_before=images_before)

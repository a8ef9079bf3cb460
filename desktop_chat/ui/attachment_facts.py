"""What an attachment's chip or card says under its name, in the interface language: size,
pixels or pages, and about how many tokens (exports keep the English ``facts_line``)."""

from __future__ import annotations

from typing import Any

from desktop_chat.core.attachments import PDF_TYPE, TEXT_TYPE, Kind, estimate_tokens
from desktop_chat.core.i18n import translate
from desktop_chat.ui.locale_format import data_size, number


def facts_text(source: dict[str, Any]) -> str:
    """The facts of a reference block's ``source``, e.g. "1.2 MB · 12 pages · ~18,000 tokens"."""
    media_type = str(source.get("media_type", ""))
    size = int(source.get("size", 0))
    width, height = int(source.get("width", 0)), int(source.get("height", 0))
    pages = int(source.get("pages", 0))
    parts = [data_size(size)]
    if media_type == PDF_TYPE:
        parts.append(
            translate("Attachments", "1 page")
            if pages == 1
            else translate("Attachments", "{count} pages").format(count=number(pages))
        )
        kind = Kind.PDF
    elif media_type == TEXT_TYPE:
        parts.append(translate("Attachments", "text"))
        kind = Kind.TEXT
    else:
        parts.append(
            translate("Attachments", "{width}\u00d7{height} px").format(width=width, height=height)
        )
        kind = Kind.IMAGE
    tokens = estimate_tokens(kind, size, width, height, pages)
    parts.append(translate("Attachments", "~{tokens} tokens").format(tokens=number(tokens)))
    return " · ".join(parts)

"""Size limits on what the user sends and types, checked before anything slow happens.

The Messages API refuses requests over 32 MB with a 413. A message is checked on its own
against half of that, so that the conversation around it and the JSON framing still fit;
the API's own 413 remains the final word for a conversation that grew too large in all.
"""

from __future__ import annotations

from desktop_chat.core.i18n import translate

MB = 1024 * 1024

API_REQUEST_LIMIT_BYTES = 32 * MB
"""The Messages API's limit on one request's body."""

MAX_MESSAGE_BYTES = 16 * MB
"""A message larger than this (as UTF-8) is refused before sending."""

MAX_DRAFT_BYTES = 20 * MB
"""A composer draft larger than this is not saved (a 10 MB paste is)."""


def utf8_size(text: str) -> int:
    """The size of ``text`` as UTF-8, in bytes; lone surrogates count 3 bytes each."""
    if text.isascii():  # the common case, and O(1) for str objects that know it
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def check_message_size(text: str, limit: int = MAX_MESSAGE_BYTES) -> str | None:
    """Why ``text`` cannot be sent as a message, or None when it can.

    Refuses a message over ``limit`` bytes, and text holding lone surrogates (broken
    UTF-16 from a paste), which no request can carry. Fast: a 10 MB paste takes a few ms.
    """
    if len(text) > limit:  # every character is at least one byte: no need to encode
        return _too_large(utf8_size(text), limit)
    size = utf8_size(text)
    if size > limit:
        return _too_large(size, limit)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            return translate(
                "Limits",
                "The message holds a broken character at position {value} (a lone UTF-16 "
                "surrogate, from a bad copy): remove it and send again.",
            ).format(value=exc.start + 1)
    return None


def is_blank(text: str) -> bool:
    """Whether ``text`` is empty or only white space: such a message is not sent."""
    return not text.strip()


def _too_large(size: int, limit: int) -> str:
    return translate(
        "Limits",
        "The message is too large to send: {format_size}, over the limit of {format_size2}. "
        "Shorten it: every request carries the whole conversation, and the API takes at most "
        "{format_size3} per request.",
    ).format(
        format_size=format_size(size),
        format_size2=format_size(limit),
        format_size3=format_size(API_REQUEST_LIMIT_BYTES),
    )


def format_size(size: int) -> str:
    """``size`` bytes in words: ``512 bytes``, ``12.5 KB``, ``16 MB``."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = (size / 1024, "KB") if size < MB else (size / MB, "MB")
    return f"{value:.1f} {unit}".replace(".0 ", " ")

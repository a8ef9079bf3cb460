"""Content blocks as the API sent them: only the fields it set, keys in one order, text
that can be encoded, tool input parsed as the SDK parses it.
"""

from __future__ import annotations

import re
from typing import Any

from desktop_chat.core.conversation import Block


def wire(model: Any) -> dict[str, Any]:
    """An SDK model as the API sent it: only the fields it set (no invented nulls).

    The SDK's models list every field of a kind; a full dump adds ``"citations": null``,
    ``"page_age": null``, or ``"text": null`` on a kind it does not know, which the API
    refuses when the block goes back.
    """
    return canonical(model.to_dict(mode="json", exclude_unset=True))


def canonical(block: dict[str, Any]) -> dict[str, Any]:
    """``block`` with its keys sorted, at every level: the order of a JSON export, so that
    the store, an exported and imported copy, and the next request hold the same bytes."""
    return {key: _sorted(block[key]) for key in sorted(block)}


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return canonical(value)
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with each lone surrogate (unencodable, e.g. from a JSON escape) as U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def parse_tool_input(raw: str) -> tuple[Any, bool]:
    """The input object that ``raw`` JSON text stands for, and whether the text was whole.

    Parsed as the SDK does (jiter's partial mode): a cut text gives its parsable prefix.
    A text that is not JSON at all gives ``{}`` and False.
    """
    if not raw.strip():
        return {}, True
    import jiter  # loaded off the UI thread with the SDK (sdk_warmup.load_sdk)

    try:
        value = jiter.from_json(raw.encode("utf-8"), partial_mode=True)
    except ValueError:
        return {}, False
    try:
        jiter.from_json(raw.encode("utf-8"))
    except ValueError:
        return value, False
    return value, True


def set_tool_input(block: Block, raw: str) -> None:
    if not raw and "input" in block:
        return  # no deltas: the input came whole in the block's start
    value, whole = parse_tool_input(raw)
    block["input"] = value
    if whole:
        block.pop("partial_json", None)
    else:
        # Kept as it came, for the side pane. Such a block is never sent back: a reply
        # whose tool input is not whole did not complete (Conversation.to_api_messages).
        block["partial_json"] = raw

"""Checks of blocks the API made that come back in a request: they must be unchanged.

The API refuses a block of its own that was altered: a field added (even a null), a search
result or a citation whose opaque part no longer matches, a kind it knows with fields it
does not. The demo signs what it sends (:mod:`desktop_chat.demo.signatures`) to tell.
"""

from __future__ import annotations

from typing import Any

from desktop_chat.demo.errors import invalid_request
from desktop_chat.demo.signatures import json_signature_is_valid

FUTURE_BLOCK_TYPE = "demo_future_block"
_FUTURE_FIELDS = frozenset({"type", "data", "signature"})
RETURNED_KINDS = frozenset({FUTURE_BLOCK_TYPE, "server_tool_use", "web_search_tool_result", "text"})


def _unsigned(value: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k != key}


def check_returned_block(block: dict[str, Any], where: str) -> None:
    """Raise a 400 if ``block`` is not as the demo sent it (kinds it can tell of)."""
    kind = block["type"]
    if kind == FUTURE_BLOCK_TYPE:
        for name in block:
            if name not in _FUTURE_FIELDS:
                raise invalid_request(f"{where}.{name}: Extra inputs are not permitted")
        if not json_signature_is_valid(_unsigned(block, "signature"), block.get("signature")):
            raise invalid_request(f"{where}: Invalid `signature` in `{FUTURE_BLOCK_TYPE}` block")
    elif kind == "server_tool_use":
        if not isinstance(block.get("id"), str) or not isinstance(block.get("name"), str):
            raise invalid_request(f"{where}: `server_tool_use` blocks need an `id` and a `name`")
        if not isinstance(block.get("input"), dict):
            raise invalid_request(f"{where}.input: Input should be a valid dictionary")
    elif kind == "web_search_tool_result":
        content = block.get("content")
        for i, result in enumerate(content if isinstance(content, list) else []):
            if isinstance(result, dict) and result.get("type") == "web_search_result":
                sealed = result.get("encrypted_content")
                if not json_signature_is_valid(_unsigned(result, "encrypted_content"), sealed):
                    raise invalid_request(
                        f"{where}.content.{i}: Invalid `encrypted_content` in web search result"
                    )
    elif kind == "text":
        citations = block.get("citations")
        for i, citation in enumerate(citations if isinstance(citations, list) else []):
            if isinstance(citation, dict) and "encrypted_index" in citation:
                sealed = citation["encrypted_index"]
                if not json_signature_is_valid(_unsigned(citation, "encrypted_index"), sealed):
                    raise invalid_request(
                        f"{where}.citations.{i}: Invalid `encrypted_index` in citation"
                    )

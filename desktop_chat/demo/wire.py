"""Bytes on the wire: JSON bodies, SSE frames, HTTP/1.1 chunks, and the API's ids."""

from __future__ import annotations

import json
import secrets
import string
from typing import Any

_BASE62 = string.digits + string.ascii_letters

LAST_CHUNK = b"0\r\n\r\n"
"""The zero-length chunk that ends a chunked body (no trailers)."""


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, as the API writes it (escaped where UTF-8 cannot hold a
    character: a lone surrogate)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode()
    except UnicodeEncodeError:
        return json.dumps(value, separators=(",", ":")).encode()


def sse_frame(event: str, data: Any) -> bytes:
    """One server-sent event: ``event: NAME\\ndata: JSON\\n\\n``."""
    return sse_raw_frame(event, dumps(data).decode())


def sse_raw_frame(event: str, data: str) -> bytes:
    """An event whose data line is given verbatim (for deliberately broken JSON)."""
    return f"event: {event}\ndata: {data}\n\n".encode()


def chunk(payload: bytes) -> bytes:
    """Frame ``payload`` as one HTTP/1.1 chunk."""
    return f"{len(payload):x}\r\n".encode() + payload + b"\r\n"


def chunk_head(size: int) -> bytes:
    """The size line of a chunk, for a chunk that is then cut short."""
    return f"{size:x}\r\n".encode()


def error_body(error_type: str, message: str, request_id: str) -> dict[str, Any]:
    """The body of every non-2xx response."""
    return {
        "type": "error",
        "error": {"type": error_type, "message": message},
        "request_id": request_id,
    }


def _random_base62(length: int) -> str:
    return "".join(secrets.choice(_BASE62) for _ in range(length))


def new_request_id() -> str:
    """``req_011C…``, unique per response."""
    return "req_011C" + _random_base62(20)


def new_message_id() -> str:
    """``msg_01…``."""
    return "msg_01" + _random_base62(22)


def new_tool_use_id() -> str:
    """``toolu_01…``."""
    return "toolu_01" + _random_base62(22)


def new_server_tool_use_id() -> str:
    """``srvtoolu_01…``."""
    return "srvtoolu_01" + _random_base62(22)


def new_file_id() -> str:
    """``file_011C…``."""
    return "file_011C" + _random_base62(20)

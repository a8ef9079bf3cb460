"""Just enough HTTP/1.1 for the SDK: reading requests, writing response heads."""

from __future__ import annotations

import asyncio
import email.utils
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

MAX_HEAD_BYTES = 64 * 1024

REASONS: dict[int, str] = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Payload Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    504: "Gateway Timeout",
    529: "Overloaded",
}


class MalformedRequestError(Exception):
    """The bytes are not an HTTP/1.1 request we can answer; the connection is dropped."""


@dataclass(frozen=True)
class RequestHead:
    """The request line and headers (names lower-cased, repeats joined with ``, ``)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    keep_alive: bool

    @property
    def content_length(self) -> int:
        raw = self.headers.get("content-length", "0")
        if not raw.isdigit():
            raise MalformedRequestError(f"bad content-length {raw!r}")
        return int(raw)

    @property
    def chunked(self) -> bool:
        return "chunked" in self.headers.get("transfer-encoding", "").lower()


async def read_head(reader: asyncio.StreamReader) -> RequestHead | None:
    """Read a request line and headers; None when the client closed between requests."""
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial.strip():
            raise MalformedRequestError("connection closed inside a request head") from exc
        return None
    except asyncio.LimitOverrunError as exc:
        raise MalformedRequestError("request head too large") from exc
    lines = raw.decode("latin-1").split("\r\n")
    try:
        method, target, version = lines[0].split(" ")
    except ValueError:
        raise MalformedRequestError(f"bad request line {lines[0]!r}") from None
    if not version.startswith("HTTP/1."):
        raise MalformedRequestError(f"unsupported {version}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise MalformedRequestError(f"bad header line {line!r}")
        key = name.strip().lower()
        value = value.strip()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    connection = headers.get("connection", "").lower()
    keep_alive = "close" not in connection and (version == "HTTP/1.1" or "keep-alive" in connection)
    url = urlsplit(target)
    return RequestHead(
        method=method.upper(),
        path=unquote(url.path),
        query=dict(parse_qsl(url.query, keep_blank_values=True)),
        headers=headers,
        keep_alive=keep_alive,
    )


async def read_body(reader: asyncio.StreamReader, head: RequestHead, limit: int) -> bytes:
    """Read the body that ``head`` announces (Content-Length or chunked), up to ``limit``."""
    try:
        if not head.chunked:
            return await reader.readexactly(head.content_length)
        body = bytearray()
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";")[0].strip(), 16)
            if size == 0:
                while (await reader.readuntil(b"\r\n")) != b"\r\n":
                    pass  # trailers, ignored
                return bytes(body)
            if len(body) + size > limit:
                raise MalformedRequestError("chunked body over the limit")
            body += await reader.readexactly(size)
            await reader.readexactly(2)
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
        raise MalformedRequestError("bad request body") from exc


def response_head(status: int, headers: Iterable[tuple[str, str]]) -> bytes:
    """Status line, ``date`` and ``server``, then ``headers``, then the blank line."""
    lines = [
        f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}",
        f"date: {email.utils.formatdate(usegmt=True)}",
        "server: desktop-chat-demo",
    ]
    lines.extend(f"{name}: {value}" for name, value in headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

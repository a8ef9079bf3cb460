"""A plain-socket HTTP/1.1 client that keeps what the SDK hides: chunks, heads, raw events."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from typing import Any

from desktop_chat.demo.server import DemoServer


@dataclass
class RawResponse:
    """A response read off a plain socket: status, headers, and the body's chunks as sent."""

    status: int
    headers: dict[str, str]
    chunks: list[bytes]
    body: bytes

    def events(self) -> list[tuple[str, Any]]:
        """``(event name, parsed data)`` for each SSE event in the body."""
        out: list[tuple[str, Any]] = []
        for frame in self.body.decode().split("\n\n"):
            if not frame:
                continue
            name_line, data_line = frame.split("\n")
            assert name_line.startswith("event: ") and data_line.startswith("data: ")
            out.append((name_line[len("event: ") :], json.loads(data_line[len("data: ") :])))
        return out


def _dechunk(data: bytes) -> tuple[list[bytes], bytes]:
    chunks: list[bytes] = []
    while True:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            assert data == b"\r\n", "a chunked body ends with 0 CRLF CRLF, without trailers"
            return chunks, b"".join(chunks)
        chunks.append(data[:size])
        assert data[size : size + 2] == b"\r\n"
        data = data[size + 2 :]


def raw_request(
    server: DemoServer,
    method: str,
    path: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> RawResponse:
    """Send one request with ``connection: close`` and read the raw response to EOF."""
    payload = b"" if body is None else json.dumps(body).encode()
    all_headers = {
        "host": f"127.0.0.1:{server.port}",
        "x-api-key": "test-key",
        "anthropic-version": "2023-06-01",
        "content-type": "application/json",
        "content-length": str(len(payload)),
        "connection": "close",
        **(headers or {}),
    }
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in all_headers.items() if value
    )
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head.encode() + b"\r\n" + payload)
        received = b""
        while data := sock.recv(65536):
            received += data
    raw_head, _, rest = received.partition(b"\r\n\r\n")
    status_line, *header_lines = raw_head.decode("latin-1").split("\r\n")
    response_headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        response_headers[name.strip().lower()] = value.strip()
    if response_headers.get("transfer-encoding") == "chunked":
        chunks, body_bytes = _dechunk(rest)
    else:
        chunks, body_bytes = [rest], rest
    return RawResponse(int(status_line.split(" ")[1]), response_headers, chunks, body_bytes)

"""A Messages API peer that streams text deltas as fast as the socket takes them.

A hostile peer for benchmarks and tests (``benchmarks/flood_latency.py``). It speaks enough
HTTP/1.1 for the SDK: one POST, a chunked ``text/event-stream`` of ``message_start``, one text
block of ``deltas`` text deltas (or one delta of ``delta_bytes`` bytes), and the end events.
Events are batched into large writes, so the client always has more to read.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Mapping
from contextlib import suppress

BATCH_BYTES = 256 * 1024


def _event(name: str, data: Mapping[str, object]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


class FloodServer:
    """Serves each request with a flood; ``base_url`` once started."""

    def __init__(self, deltas: int = 2_000_000, delta_bytes: int = 0) -> None:
        self.deltas = deltas
        self.delta_bytes = delta_bytes
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> FloodServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with suppress(OSError):
            self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn, suppress(OSError):
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(65536)
            head, _, body = request.partition(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            while len(body) < length:
                body += conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                b"request-id: req_flood\r\ntransfer-encoding: chunked\r\n\r\n"
            )
            start = {
                "type": "message_start",
                "message": {
                    "id": "msg_flood",
                    "type": "message",
                    "role": "assistant",
                    "model": "claude-flood",
                    "content": [],
                    "stop_reason": None,
                    "stop_sequence": None,
                    "usage": {"input_tokens": 10, "output_tokens": 1},
                },
            }
            block = {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            }
            conn.sendall(
                _chunk(_event("message_start", start) + _event("content_block_start", block))
            )
            if self.delta_bytes:
                text = ("word " * (self.delta_bytes // 5 + 1))[: self.delta_bytes]
                one = {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": text},
                }
                conn.sendall(_chunk(_event("content_block_delta", one)))
                sent = 1
            else:
                delta = _event(
                    "content_block_delta",
                    {
                        "type": "content_block_delta",
                        "index": 0,
                        "delta": {"type": "text_delta", "text": "flood "},
                    },
                )
                per_batch = max(1, BATCH_BYTES // len(delta))
                sent = 0
                while sent < self.deltas and not self._stop.is_set():
                    n = min(per_batch, self.deltas - sent)
                    conn.sendall(_chunk(delta * n))
                    sent += n
            end = (
                _event("content_block_stop", {"type": "content_block_stop", "index": 0})
                + _event(
                    "message_delta",
                    {
                        "type": "message_delta",
                        "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                        "usage": {"output_tokens": sent},
                    },
                )
                + _event("message_stop", {"type": "message_stop"})
            )
            conn.sendall(_chunk(end) + b"0\r\n\r\n")

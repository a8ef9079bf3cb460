"""Peak memory for one 50 MB text delta, streamed by the real SDK from a local server.

    .venv/bin/python benchmarks/huge_delta.py [--mb 50]

A raw HTTP server (its own process, so its memory is not counted) sends one reply whose
text arrives in a single ``content_block_delta`` of ``--mb`` MB (ASCII, so MB of text =
MB of UTF-8). Each stage runs in a fresh process and prints one JSON line: seconds, peak
resident memory (``ru_maxrss``) above the same process before the request, and that as a
multiple of the text's size (goal: the whole fold at most 3x):

- ``bytes``: the SDK's response read as bytes and dropped (httpx2 alone: the floor);
- ``raw_events``: ``messages.create(stream=True)``: the SDK's SSE decoder and event models;
- ``sdk_stream``: ``messages.stream()``, the SDK's own accumulation of a snapshot, no fold;
- ``fold``: ``core.client.stream_turn``, what the app runs (SDK stream + ``core.stream.fold``),
  then ``snapshot.to_message()`` as the autosaver would.

Measured here (2-core machine shared with other work; anthropic 2.14.0, httpx2 2.16.2):

    bytes        0.17 s    +1.8 MB   (0.04x)
    raw_events  12.3 s   +252.7 MB   (5.05x)
    sdk_stream  10.6 s   +254.4 MB   (5.09x)
    fold        11.9 s   +254.1 MB   (5.08x)

So the fold adds nothing measurable: the time and the memory are the SDK's SSE decoding.
``anthropic._streaming.SSEDecoder._aiter_chunks`` grows the event with ``data += line`` for
each network chunk (~800 of them for 50 MB): quadratic copying, mostly system time
(realloc). Then the event exists as bytes, as the list of its lines, as the decoded
line (also kept in ``_raw``), as ``"\n".join(_data)``, and as the string ``json.loads``
makes: about five copies of the text at the peak. Fixing that is the SDK's (the same
pattern was fixed in httpx2's own SSE parser: pydantic/httpx2#1117); the app does not patch
SDK internals.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import subprocess
import sys
import time
from typing import Any

PARAMS: dict[str, Any] = {
    "model": "bench",
    "max_tokens": 10,
    "messages": [{"role": "user", "content": "one huge delta, please"}],
}


def sse_body(mb: int) -> bytes:
    def event(name: str, data: dict[str, Any]) -> bytes:
        return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()

    text = ("All work and no play makes a dull reply. " * (mb * 1024 * 1024 // 40 + 1))[
        : mb * 1024 * 1024
    ]
    message = {
        "id": "msg_bench",
        "type": "message",
        "role": "assistant",
        "model": "bench",
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 1},
    }
    return b"".join(
        [
            event("message_start", {"type": "message_start", "message": message}),
            event(
                "content_block_start",
                {
                    "type": "content_block_start",
                    "index": 0,
                    "content_block": {"type": "text", "text": ""},
                },
            ),
            event(
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": text},
                },
            ),
            event("content_block_stop", {"type": "content_block_stop", "index": 0}),
            event(
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                    "usage": {"output_tokens": 12_000_000},
                },
            ),
            event("message_stop", {"type": "message_stop"}),
        ]
    )


def serve(mb: int, port_file: str) -> None:
    body = sse_body(mb)
    head = (
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    ).encode()
    listener = socket.create_server(("127.0.0.1", 0))
    with open(port_file, "w") as f:
        f.write(str(listener.getsockname()[1]))
    while True:
        conn, _ = listener.accept()
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head_part, _, rest = data.partition(b"\r\n\r\n")
            length = 0
            for line in head_part.decode("latin-1").split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            while len(rest) < length:
                rest += conn.recv(65536)
            conn.sendall(head + body)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def stage(name: str, base_url: str) -> dict[str, Any]:
    from desktop_chat.core.client import make_client, stream_turn
    from desktop_chat.core.sdk_warmup import load_sdk
    from desktop_chat.core.stream import TurnSnapshot

    load_sdk()
    client = make_client(api_key="bench", base_url=base_url, max_retries=0)
    before = peak_mb()
    started = time.perf_counter()
    detail: dict[str, Any] = {}
    async with client:
        if name == "bytes":
            async with client.messages.with_streaming_response.create(
                **PARAMS, stream=True
            ) as response:
                async for chunk in response.http_response.aiter_bytes():
                    detail["bytes"] = detail.get("bytes", 0) + len(chunk)
        elif name == "raw_events":
            stream = await client.messages.create(**PARAMS, stream=True)
            async for _event in stream:
                detail["events"] = detail.get("events", 0) + 1
        elif name == "sdk_stream":
            async with client.messages.stream(**PARAMS) as stream:
                async for _ in stream:
                    pass
                final = await stream.get_final_message()
                detail["text_chars"] = len(final.content[0].text)  # type: ignore[union-attr]
        else:
            snapshot = TurnSnapshot()
            updates = 0

            def on_update(update: object) -> None:
                nonlocal updates
                updates += 1

            error = await stream_turn(client, dict(PARAMS), snapshot, on_update)
            from desktop_chat.core.conversation import Status

            message = snapshot.to_message(Status.COMPLETE)
            detail = {
                "error": error and error.message,
                "updates": updates,
                "text_chars": len(message.text),
            }
    return {
        "stage": name,
        "seconds": round(time.perf_counter() - started, 2),
        "peak_above_start_mb": round(peak_mb() - before, 1),
        "detail": detail,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.mb, args.serve)
        return
    if args.stage:
        result = asyncio.run(stage(args.stage, args.base_url))
        result["times_text"] = round(result["peak_above_start_mb"] / args.mb, 2)
        print(json.dumps(result), flush=True)
        return
    port_file = f"/tmp/huge-delta-port-{os.getpid()}"
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", port_file, "--mb", str(args.mb)]
    )
    try:
        port = ""
        while not port:
            time.sleep(0.05)
            if os.path.exists(port_file):
                with open(port_file) as f:
                    port = f.read()
        base_url = f"http://127.0.0.1:{port}"
        for name in ("bytes", "raw_events", "sdk_stream", "fold"):
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--stage",
                    name,
                    "--base-url",
                    base_url,
                    "--mb",
                    str(args.mb),
                ],
                capture_output=True,
                text=True,
                check=False,
                timeout=600,
            )
            print(done.stdout.strip() or done.stderr.strip()[-2000:], flush=True)
    finally:
        server.terminate()
        server.wait()
        os.unlink(port_file)


if __name__ == "__main__":
    main()

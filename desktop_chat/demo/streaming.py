"""Writing a reply's steps to the socket: pacing, pings, chunk framing, faults."""

from __future__ import annotations

import asyncio

from desktop_chat.demo.faults import Cut, Pause, Send, Step
from desktop_chat.demo.wire import LAST_CHUNK, chunk, chunk_head, sse_frame

PING_FRAME = sse_frame("ping", {"type": "ping"})


async def send(writer: asyncio.StreamWriter, data: bytes) -> None:
    """One write and one drain, so each event leaves as soon as it is made."""
    if writer.is_closing():
        raise ConnectionResetError("the client went away")
    writer.write(data)
    await writer.drain()


async def write_stream(
    writer: asyncio.StreamWriter,
    steps: list[Step],
    *,
    chunked: bool,
    tokens_per_second: float,
    stall_seconds: float,
    ping_interval: float,
) -> bool:
    """Write an SSE body; True if it ended cleanly and the connection can be reused.

    Deltas (``paced`` steps) are spaced ``1 / tokens_per_second`` apart; 0 means no pacing.
    A ping goes out between events whenever ``ping_interval`` seconds passed since the last.
    """
    loop = asyncio.get_running_loop()
    delay = 1.0 / tokens_per_second if tokens_per_second > 0 else 0.0
    last_ping = loop.time()

    def framed(frame: bytes) -> bytes:
        return chunk(frame) if chunked else frame

    for step in steps:
        match step:
            case Send(frame=frame, paced=paced):
                if paced and delay:
                    await asyncio.sleep(delay)
                if ping_interval > 0 and loop.time() - last_ping >= ping_interval:
                    await send(writer, framed(PING_FRAME))
                    last_ping = loop.time()
                await send(writer, framed(frame))
            case Cut(frame=frame):
                half = frame[: len(frame) // 2]
                await send(writer, chunk_head(len(frame)) + half if chunked else half)
                return False
            case Pause():
                await asyncio.sleep(stall_seconds)
                return False
    if chunked:
        await send(writer, LAST_CHUNK)
    return chunked

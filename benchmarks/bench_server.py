"""The demo API for the rendering benchmarks, in a process of its own.

    python benchmarks/bench_server.py [--tps 0]

Serves the embedded demo server with one more scenario, ``bench`` (ask for it with the
``x-demo-scenario: bench`` header): the demo's long Markdown document (headings, lists,
tables, code, Japanese) over and over, cut to ``max_tokens`` text deltas, without thinking;
and ``bench-prose``: the document's plain paragraphs only, over and over.
It prints its base URL on the first line, then answers commands on stdin:

    tps N        pace the deltas at N per second from the next request on (0: no pacing)
    sent PATH    write the times (``time.perf_counter()``, one per line) at which each text
                 delta's bytes were handed to the socket, since the last ``sent``; then forget
    quit

A process of its own, so that its CPU time is not counted as the client's.
"""

from __future__ import annotations

import asyncio
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_chat.core.markdown_blocks import split_blocks
from desktop_chat.demo import streaming
from desktop_chat.demo.content import Block, Text
from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
from desktop_chat.demo.scenarios import SCENARIOS, Scenario
from desktop_chat.demo.server import DemoServer
from desktop_chat.demo.validation import MessagesRequest

SCENARIO = "bench"
PROSE_SCENARIO = "bench-prose"
_sent: list[float] = []
_real_send = streaming.send


def _long_markdown(request: MessagesRequest) -> list[Block]:
    del request
    return [Text(MARKDOWN_DOCUMENT * 60)]  # about 77,000 deltas: max_tokens cuts it


def prose() -> str:
    """The tour's plain paragraphs (English, Japanese, Chinese), emphasis taken out: a reply
    of prose only, with no heading, list, table or code."""
    paragraphs = [
        re.sub(r"[*_]", "", block.source)
        for block in split_blocks(MARKDOWN_DOCUMENT)
        if block.source[:1].isalpha() and not re.search(r"[|#`]", block.source)
    ]
    return "\n\n".join(paragraphs) + "\n\n"


def _long_prose(request: MessagesRequest) -> list[Block]:
    del request
    return [Text(prose() * 250)]


async def _timed_send(writer: asyncio.StreamWriter, data: bytes) -> None:
    if b'"text_delta"' in data:
        _sent.append(time.perf_counter())  # the moment the bytes go to the socket
    await _real_send(writer, data)


def main() -> int:
    SCENARIOS[SCENARIO] = Scenario(SCENARIO, "benchmarks", _long_markdown, thinks=False)
    SCENARIOS[PROSE_SCENARIO] = Scenario(PROSE_SCENARIO, "benchmarks", _long_prose, thinks=False)
    streaming.send = _timed_send
    tps = float(sys.argv[sys.argv.index("--tps") + 1]) if "--tps" in sys.argv else 0.0
    server = DemoServer(tokens_per_second=tps, ping_interval=0)
    server.start()
    print(server.base_url, flush=True)
    try:
        for line in sys.stdin:
            command, _, argument = line.strip().partition(" ")
            if command == "tps":
                server.tokens_per_second = float(argument)
            elif command == "sent":
                times = list(_sent)
                del _sent[: len(times)]
                Path(argument).write_text("".join(f"{t!r}\n" for t in times))
            elif command == "quit":
                break
            print("ok", flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

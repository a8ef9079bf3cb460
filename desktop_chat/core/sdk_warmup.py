"""Loading the SDK off the UI thread, with everything a first request would otherwise load on
it: the transport's modules, the stream's pydantic models, and the TLS context clients share.

``anthropic`` takes about a second to import; ``prepare_sdk()`` runs in a worker thread
after the first paint (``app.py``), and a question sent before it is done waits for it.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import TYPE_CHECKING, Any

from desktop_chat.core.stream import TurnSnapshot, fold

if TYPE_CHECKING:
    import ssl


# What the first request imports besides the SDK (found with ``sys.modules`` before and
# after one): the transport's async backend, its sockets and streams, and OpenTelemetry's
# propagators. Private module names of other packages, so each is optional: a missing one
# only means the first request imports it, as it would anyway.
_FIRST_REQUEST_MODULES = (
    "anyio._backends._asyncio",
    "anyio._core._sockets",
    "anyio._core._streams",
    "anyio.streams.memory",
    "anyio.streams.stapled",
    "concurrent.futures.thread",
    "opentelemetry.propagate",
    "opentelemetry.trace.propagation.tracecontext",
)


def load_sdk() -> None:
    """Import the SDK and everything a first request needs, and build the models it
    validates (slow, about a second: run it off the UI thread).

    A first request otherwise imports the HTTP transport (about 50 ms) and builds the
    pydantic schemas of the stream's events (about 150 ms) on the loop's thread: a frozen
    window. Here a canned reply is streamed through a client with a mock transport (no
    network), which builds them all.
    """
    for name in ("anthropic", "anthropic.lib.streaming", "anthropic.types", "jiter"):
        importlib.import_module(name)
    for name in _FIRST_REQUEST_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    _stream_canned_reply()


def prepare_sdk() -> ssl.SSLContext:
    """``load_sdk``, and the TLS context clients share (run it off the UI thread).

    The context is built in a thread of its own meanwhile: OpenSSL reads the certificates
    without holding the GIL, so it costs the SDK's import almost nothing.
    """
    from concurrent.futures import ThreadPoolExecutor

    import httpcore2  # noqa: F401  (whole, before two threads need it)
    import httpx2  # noqa: F401

    with ThreadPoolExecutor(1, thread_name_prefix="tls-context") as pool:
        tls = pool.submit(ssl_context)
        load_sdk()
        return tls.result()


def ssl_context() -> ssl.SSLContext:
    """The TLS context every client of this process shares (building one reads the system's
    certificates: about 50 ms; ``prepare`` it off the UI thread)."""
    import httpx2

    return httpx2.create_ssl_context()


_CANNED_EVENTS: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "message_start",
        {
            "type": "message_start",
            "message": {
                "id": "msg_warm",
                "type": "message",
                "role": "assistant",
                "model": "warm-up",
                "content": [],
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 1, "output_tokens": 1},
            },
        },
    ),
    (
        "content_block_start",
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "thinking", "thinking": "", "signature": ""},
        },
    ),
    (
        "content_block_delta",
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "thinking_delta", "thinking": "a"},
        },
    ),
    (
        "content_block_delta",
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "signature_delta", "signature": "s"},
        },
    ),
    ("content_block_stop", {"type": "content_block_stop", "index": 0}),
    (
        "content_block_start",
        {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}},
    ),
    (
        "content_block_delta",
        {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "a"}},
    ),
    ("content_block_stop", {"type": "content_block_stop", "index": 1}),
    (
        "content_block_start",
        {
            "type": "content_block_start",
            "index": 2,
            "content_block": {"type": "tool_use", "id": "toolu_warm", "name": "t", "input": {}},
        },
    ),
    (
        "content_block_delta",
        {
            "type": "content_block_delta",
            "index": 2,
            "delta": {"type": "input_json_delta", "partial_json": "{}"},
        },
    ),
    ("content_block_stop", {"type": "content_block_stop", "index": 2}),
    (
        "message_delta",
        {
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": None},
            "usage": {"output_tokens": 3},
        },
    ),
    ("message_stop", {"type": "message_stop"}),
)


def _stream_canned_reply() -> None:
    """Stream ``_CANNED_EVENTS`` through the SDK on a private loop (see ``load_sdk``)."""
    import asyncio
    import json

    import anthropic
    import httpx2

    body = "".join(
        f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in _CANNED_EVENTS
    ).encode()

    def reply(_request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=body)

    async def run() -> None:
        http = httpx2.AsyncClient(transport=httpx2.MockTransport(reply))
        async with (
            anthropic.AsyncAnthropic(
                api_key="warm-up",
                base_url="http://warm-up.invalid",
                http_client=http,
                max_retries=0,
            ) as client,
            client.messages.stream(
                model="warm-up", max_tokens=1, messages=[{"role": "user", "content": "a"}]
            ) as stream,
        ):
            snapshot = TurnSnapshot()
            async for event in stream:
                fold(snapshot, event)  # this app's own path too

    # A selector loop of its own, whatever loop policy the app has set.
    with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
        runner.run(run())

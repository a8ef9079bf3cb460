"""The real SDK against servers that misbehave: an HTML page instead of a stream, a redirect
loop, silence, an error quoting the key. Each server is a few lines of raw HTTP."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time

import pytest
from raw_server import RawServer, response

from desktop_chat.core import redaction
from desktop_chat.core.client import (
    SILENCE_NOTICE_S,
    ErrorKind,
    TurnError,
    make_client,
    silence_text,
    stream_turn,
)
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.stream import TurnSnapshot

KEY = "sk-ant-api03-" + "S3cr3t" * 6
PARAMS = {"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}

BAD_GATEWAY = (
    b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title>"
    b"<style>body{color:red}</style></head>"
    b"<body><h1>Bad Gateway</h1><p>upstream said &quot;no&quot;</p></body></html>"
)


def turn(
    server: RawServer, *, timeout_s: float = 5.0, max_retries: int = 2
) -> tuple[TurnError | None, TurnSnapshot]:
    snapshot = TurnSnapshot()

    async def go() -> TurnError | None:
        client = make_client(
            api_key=KEY, base_url=server.base_url, timeout_s=timeout_s, max_retries=max_retries
        )
        async with client:
            return await stream_turn(client, dict(PARAMS), snapshot, lambda update: None)

    return asyncio.run(go()), snapshot


def test_an_html_page_sent_with_200_says_what_came_back_and_is_not_retried() -> None:
    def html(path: str, conn: socket.socket) -> None:
        conn.sendall(response("200 OK", {"content-type": "text/html; charset=utf-8"}, BAD_GATEWAY))

    with RawServer(html) as server:
        error, snapshot = turn(server)
    assert error is not None
    assert error.kind is ErrorKind.INVALID_RESPONSE
    assert error.message.startswith("The server sent an HTML page (HTTP 200) instead of the reply")
    assert "502 Bad Gateway" in error.message and 'upstream said "no"' in error.message
    assert "color:red" not in error.message and "<" not in error.message
    assert not error.retryable
    assert RetryPolicy().decide(error, 1) is None  # no automatic retries, no empty variants
    assert len(server.requests) == 1
    assert snapshot.content == []


def test_a_200_with_no_events_at_all_is_not_retried_by_itself() -> None:
    def empty(path: str, conn: socket.socket) -> None:
        conn.sendall(response("200 OK", {"content-type": "text/event-stream"}, b""))

    with RawServer(empty) as server:
        error, _ = turn(server)
    assert error is not None and error.kind is ErrorKind.INVALID_RESPONSE
    assert "without sending any of the reply" in error.message
    assert RetryPolicy().decide(error, 1) is None


def test_a_redirect_loop_is_called_a_redirect_loop() -> None:
    def loop(path: str, conn: socket.socket) -> None:
        conn.sendall(response("307 Temporary Redirect", {"location": path}, b""))

    with RawServer(loop) as server:
        error, _ = turn(server, max_retries=0)
    assert error is not None
    assert error.kind is ErrorKind.CONNECTION
    assert "redirects in a loop" in error.message and "127.0.0.1" in error.message
    assert "Could not reach" not in error.message
    assert not error.retryable


def test_an_error_that_quotes_the_key_does_not_show_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(redaction.ENV_VAR, raising=False)
    body = json.dumps(
        {"type": "error", "error": {"type": "invalid_request_error", "message": f"bad key {KEY}"}}
    ).encode()

    def refuse(path: str, conn: socket.socket) -> None:
        conn.sendall(response("400 Bad Request", {"content-type": "application/json"}, body))

    with RawServer(refuse) as server:
        error, _ = turn(server)
    assert error is not None and error.kind is ErrorKind.BAD_REQUEST
    assert KEY not in error.message and redaction.REDACTED in error.message

    event = json.dumps(
        {"type": "error", "error": {"type": "api_error", "message": f"leaked {KEY} here"}}
    )

    def stream_error(path: str, conn: socket.socket) -> None:
        conn.sendall(
            response(
                "200 OK",
                {"content-type": "text/event-stream"},
                f"event: error\ndata: {event}\n\n".encode(),
            )
        )

    with RawServer(stream_error) as server:
        error, _ = turn(server)
    assert error is not None and KEY not in error.message


def test_a_silent_server_can_be_waited_on_and_stopped_at_once() -> None:
    release = threading.Event()

    def silent(path: str, conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n")
        release.wait(30)

    assert (
        silence_text(SILENCE_NOTICE_S, "Esc")
        == "Nothing has arrived yet after 15 s; Esc stops waiting."
    )
    assert (
        silence_text(42.4, "Ctrl+.") == "Nothing has arrived yet after 42 s; Ctrl+. stops waiting."
    )
    with RawServer(silent) as server:

        async def go() -> tuple[float, bool]:
            client = make_client(api_key=KEY, base_url=server.base_url, max_retries=0)
            async with client:
                task = asyncio.ensure_future(
                    stream_turn(client, dict(PARAMS), TurnSnapshot(), lambda update: None)
                )
                await asyncio.sleep(0.5)
                assert not task.done()  # still waiting: the UI shows silence_text()
                stopped = time.perf_counter()
                task.cancel()  # Esc
                with pytest.raises(asyncio.CancelledError):
                    await task
                return time.perf_counter() - stopped, task.cancelled()

        took, cancelled = asyncio.run(go())
        release.set()
    assert cancelled and took < 0.5


def test_a_silent_server_times_out_in_plain_words() -> None:
    def silent(path: str, conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n")
        time.sleep(3)

    with RawServer(silent) as server:
        error, _ = turn(server, timeout_s=0.5, max_retries=0)
    assert error is not None and error.kind is ErrorKind.TIMEOUT
    assert "did not answer in time" in error.message


def test_a_proxys_html_error_page_is_quoted_not_taken_for_the_api() -> None:
    def bad_gateway(path: str, conn: socket.socket) -> None:
        conn.sendall(response("502 Bad Gateway", {"content-type": "text/html"}, BAD_GATEWAY))

    with RawServer(bad_gateway) as server:
        error, _ = turn(server, max_retries=0)
    assert error is not None and error.kind is ErrorKind.SERVER
    assert error.message.startswith("The API failed (HTTP 502). Try again.")
    assert "The server sent an HTML page: “502 Bad Gateway" in error.message
    assert "not the API" in error.message

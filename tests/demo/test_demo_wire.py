"""The raw bytes: HTTP/1.1 heads, chunked SSE framing, event order, pings, keep-alive."""

from __future__ import annotations

import http.client
import json
import time

from demo_prompts import MODEL, ask
from raw_http import raw_request

from desktop_chat.demo.server import DemoServer

STREAM_BODY = {"model": MODEL, "max_tokens": 1024, "stream": True, "messages": ask("Hello")}


def test_a_stream_is_chunked_sse_with_one_event_per_chunk(demo_server: DemoServer) -> None:
    response = raw_request(demo_server, "POST", "/v1/messages", STREAM_BODY)

    assert response.status == 200
    assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
    assert response.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in response.headers
    assert response.headers["request-id"].startswith("req_")
    for chunk in response.chunks:
        assert chunk.startswith(b"event: ")
        assert chunk.endswith(b"\n\n")
        assert chunk.count(b"\n\n") == 1
        name, data = chunk.decode().removesuffix("\n\n").split("\n")
        assert data.startswith("data: {")
        assert json.loads(data.removeprefix("data: "))["type"] == name.removeprefix("event: ")


def test_events_come_in_the_api_order(demo_server: DemoServer) -> None:
    events = raw_request(demo_server, "POST", "/v1/messages", STREAM_BODY).events()
    names = [name for name, _ in events]

    assert names[:2] == ["message_start", "ping"]
    assert names[-2:] == ["message_delta", "message_stop"]
    start = events[0][1]["message"]
    assert start["id"].startswith("msg_") and start["content"] == []
    assert start["stop_reason"] is None and start["model"] == MODEL
    assert set(start["usage"]) >= {
        "input_tokens",
        "cache_creation_input_tokens",
        "cache_read_input_tokens",
        "output_tokens",
    }
    # Blocks: start, deltas for that index, stop; indexes count up from 0.
    open_index = None
    next_index = 0
    for name, data in events[2:-2]:
        if name == "content_block_start":
            assert open_index is None and data["index"] == next_index
            open_index = data["index"]
        elif name == "content_block_delta":
            assert data["index"] == open_index
        elif name == "content_block_stop":
            assert data["index"] == open_index
            open_index, next_index = None, next_index + 1
        else:
            assert name == "ping"
    assert next_index >= 1 and open_index is None


def test_text_streams_in_word_sized_pieces(demo_server: DemoServer) -> None:
    events = raw_request(demo_server, "POST", "/v1/messages", STREAM_BODY).events()
    pieces = [d["delta"]["text"] for n, d in events if n == "content_block_delta"]

    assert len(pieces) > 50
    assert all(0 < len(piece) <= 16 for piece in pieces)


def test_request_and_message_ids_are_unique(demo_server: DemoServer) -> None:
    first = raw_request(demo_server, "POST", "/v1/messages", STREAM_BODY)
    second = raw_request(demo_server, "POST", "/v1/messages", STREAM_BODY)

    assert first.headers["request-id"] != second.headers["request-id"]
    assert first.events()[0][1]["message"]["id"] != second.events()[0][1]["message"]["id"]


def test_errors_are_json_with_the_request_id(demo_server: DemoServer) -> None:
    response = raw_request(demo_server, "POST", "/v1/messages", {"model": MODEL})

    assert response.status == 400
    assert response.headers["content-type"] == "application/json"
    body = json.loads(response.body)
    assert body["type"] == "error"
    assert body["error"]["type"] == "invalid_request_error"
    assert body["request_id"] == response.headers["request-id"]


def test_a_missing_key_is_a_401(demo_server: DemoServer) -> None:
    response = raw_request(demo_server, "GET", "/v1/models", headers={"x-api-key": ""})

    assert response.status == 401
    assert json.loads(response.body)["error"]["type"] == "authentication_error"


def test_a_bearer_token_is_a_key(demo_server: DemoServer) -> None:
    headers = {"x-api-key": "", "authorization": "Bearer sk-demo"}
    assert raw_request(demo_server, "GET", "/v1/models", headers=headers).status == 200


def test_a_missing_version_header_is_a_400(demo_server: DemoServer) -> None:
    response = raw_request(demo_server, "GET", "/v1/models", headers={"anthropic-version": ""})

    assert response.status == 400
    assert "anthropic-version" in json.loads(response.body)["error"]["message"]


def test_an_unknown_path_is_a_404(demo_server: DemoServer) -> None:
    response = raw_request(demo_server, "GET", "/v1/nothing")
    assert response.status == 404
    assert json.loads(response.body)["error"]["type"] == "not_found_error"


def test_one_connection_serves_many_requests(demo_server: DemoServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", demo_server.port, timeout=10)
    headers = {"x-api-key": "k", "anthropic-version": "2023-06-01"}
    last = b'event: message_stop\ndata: {"type":"message_stop"}\n\n'
    sockets = []
    try:
        for _ in range(2):
            connection.request("POST", "/v1/messages", json.dumps(STREAM_BODY), headers)
            stream = connection.getresponse()
            assert stream.getheader("connection") == "keep-alive"
            assert stream.read().endswith(last)
            connection.request("GET", "/v1/models", headers=headers)
            listing = connection.getresponse()
            assert json.loads(listing.read())["data"]
            sockets.append(connection.sock)
        assert sockets[0] is not None and sockets[0] is sockets[1]  # never reconnected
    finally:
        connection.close()


def test_pings_keep_a_slow_stream_alive() -> None:
    with DemoServer(tokens_per_second=200, ping_interval=0.05) as server:
        began = time.monotonic()
        body = {**STREAM_BODY, "max_tokens": 40}
        events = raw_request(server, "POST", "/v1/messages", body).events()
        took = time.monotonic() - began

    names = [name for name, _ in events]
    deltas = names.count("content_block_delta")
    assert deltas == 40
    assert took >= 40 / 200 * 0.9  # paced
    assert names.count("ping") >= 3  # the first one, then every ping_interval
    assert names.index("ping") == 1


def test_a_close_delimited_body_has_no_framing(demo_server: DemoServer) -> None:
    response = raw_request(
        demo_server, "POST", "/v1/messages", STREAM_BODY, {"x-demo-scenario": "drop_close"}
    )

    assert response.headers["connection"] == "close"
    assert "transfer-encoding" not in response.headers
    assert "content-length" not in response.headers
    assert response.body.startswith(b"event: message_start\n")
    assert not response.body.endswith(b"\n\n")  # cut mid-event


def test_a_drop_cuts_a_chunk_short(demo_server: DemoServer) -> None:
    body = json.dumps(STREAM_BODY).encode()
    connection = http.client.HTTPConnection("127.0.0.1", demo_server.port, timeout=10)
    headers = {"x-api-key": "k", "anthropic-version": "2023-06-01", "x-demo-scenario": "drop"}
    try:
        connection.request("POST", "/v1/messages", body, headers)
        response = connection.getresponse()
        assert response.getheader("transfer-encoding") == "chunked"
        try:
            response.read()
        except http.client.IncompleteRead as exc:
            assert b"event: message_start" in exc.partial
        else:
            raise AssertionError("the body should have been cut")
    finally:
        connection.close()

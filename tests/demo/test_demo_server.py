"""Starting and stopping the server, and running it from the command line."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time

import anthropic
import pytest
from demo_prompts import MODEL, ask
from raw_http import raw_request

from desktop_chat.demo.scenarios import SCENARIOS
from desktop_chat.demo.server import DemoServer


def test_start_listens_on_a_free_loopback_port() -> None:
    server = DemoServer()
    with pytest.raises(RuntimeError):
        _ = server.base_url
    server.start()
    try:
        assert server.base_url == f"http://127.0.0.1:{server.port}"
        with socket.create_connection(("127.0.0.1", server.port), timeout=2):
            pass
    finally:
        server.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", 1), timeout=2):
        pass
    server.stop()  # twice is fine
    server.start()  # and it starts again
    try:
        assert raw_request(server, "GET", "/v1/models").status == 200
    finally:
        server.stop()


def test_two_servers_run_side_by_side() -> None:
    with DemoServer(tokens_per_second=0) as one, DemoServer(tokens_per_second=0) as two:
        assert one.port != two.port


def test_stop_closes_a_stalled_stream_promptly() -> None:
    server = DemoServer(tokens_per_second=0, stall_seconds=60)
    server.start()
    body = json.dumps(
        {"model": MODEL, "max_tokens": 100, "stream": True, "messages": ask("wait")}
    ).encode()
    head = (
        f"POST /v1/messages HTTP/1.1\r\nhost: x\r\nx-api-key: k\r\nanthropic-version: 1\r\n"
        f"x-demo-scenario: stall\r\ncontent-length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head + body)
        received = b""
        while b"text_delta" not in received:
            received += sock.recv(65536)
        began = time.monotonic()
        server.stop()
        assert time.monotonic() - began < 2
        try:
            rest = sock.recv(65536)
        except ConnectionResetError:
            rest = b""
        assert b"message_stop" not in rest and not rest.endswith(b"0\r\n\r\n")


def test_stop_ends_a_client_mid_stream_with_a_transport_error() -> None:
    server = DemoServer(tokens_per_second=5)
    server.start()
    raised: list[BaseException] = []

    def read() -> None:
        with anthropic.Anthropic(api_key="k", base_url=server.base_url, max_retries=0) as client:
            try:
                with client.messages.stream(
                    model=MODEL, max_tokens=1024, messages=ask("slow")
                ) as stream:
                    for event in stream:
                        if event.type == "text":
                            started.set()
            except Exception as exc:
                raised.append(exc)

    started = threading.Event()
    reader = threading.Thread(target=read)
    reader.start()
    assert started.wait(10)
    server.stop()
    reader.join(10)
    assert not reader.is_alive()
    assert raised and type(raised[0]).__module__.startswith("httpx2")


def test_the_command_line_lists_every_scenario() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_chat.demo", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    for name in SCENARIOS:
        assert name in result.stdout


def test_the_command_line_serves_until_interrupted() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_chat.demo", "--port", str(port), "--tps", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith(
            f"Demo API listening on http://127.0.0.1:{port}"
        )
        with anthropic.Anthropic(
            api_key="k", base_url=f"http://127.0.0.1:{port}", max_retries=0
        ) as client:
            assert client.models.retrieve("claude-haiku-4-5").display_name == "Claude Haiku 4.5"
    finally:
        process.send_signal(2)  # SIGINT, as Ctrl+C
        assert process.wait(10) == 0
        assert process.stdout is not None
        process.stdout.close()

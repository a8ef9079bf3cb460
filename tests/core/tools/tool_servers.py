"""Configs of the real MCP servers the tool tests run, and a look at leftover processes."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from desktop_chat.core.tools.config import ServerConfig

HERE = Path(__file__).parent
TEST_SERVER = str(HERE / "mcp_test_servers.py")
HTTP_TOKEN = "test-token-0123456789"


def time_server(name: str = "time") -> ServerConfig:
    return ServerConfig(name, sys.executable, ("-m", "mcp_server_time", "--local-timezone", "UTC"))


def git_server(repo: Path, name: str = "git") -> ServerConfig:
    return ServerConfig(name, sys.executable, ("-m", "mcp_server_git", "--repository", str(repo)))


def own_server(name: str = "test", **env: str) -> ServerConfig:
    return ServerConfig(name, sys.executable, (TEST_SERVER, "stdio"), env)


def crashing_server(name: str = "crashy") -> ServerConfig:
    script = "import sys; print('fatal: no config file here', file=sys.stderr); sys.exit(3)"
    return ServerConfig(name, sys.executable, ("-c", script))


def missing_server(name: str = "missing") -> ServerConfig:
    return ServerConfig(name, "/nonexistent/bin/mcp-server-nothing", ("--stdio",))


def process_alive(pattern: str) -> list[str]:
    """Command lines of our processes that still contain ``pattern``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            stat = (entry / "stat").read_text()
            if pattern in cmdline and ") Z " not in stat:
                found.append(cmdline)
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def serving_http() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run our HTTP server; its URL and process."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, TEST_SERVER, "http", str(port), HTTP_TOKEN],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the test HTTP MCP server did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp", process
    finally:
        process.terminate()
        process.wait(10)

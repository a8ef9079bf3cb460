"""Configs of the real MCP servers the tool tests run, and a look at leftover processes."""

from __future__ import annotations

import contextlib
import sys
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

"""Real MCP servers for the tool tests: mcp-server-time and mcp-server-git from PyPI, and a
server of our own written with the SDK's ``MCPServer`` (stdio, and streamable HTTP)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tool_servers import serving_http


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    names = ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")
    env = {**os.environ, **dict.fromkeys(names, "t")}
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    (repo / "hello.txt").write_text("hello\n")
    subprocess.run(["git", "-C", str(repo), "add", "hello.txt"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", "first"], check=True, env=env)
    (repo / "hello.txt").write_text("hello, changed\n")
    return repo


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    """Our SDK-built server over streamable HTTP; yields its URL (needs the token header)."""
    with serving_http() as (url, _):
        yield url

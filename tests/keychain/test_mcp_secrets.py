"""An MCP server's secret ("keychain:NAME" in mcp.json) in a real Secret Service."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop_chat.core import credentials, redaction

TOKEN = "ghp_MCP-secret-0123456789abcdef"


def lookup(name: str) -> str | None:
    done = subprocess.run(
        ["secret-tool", "lookup", "service", credentials.SERVICE, "username", f"mcp:{name}"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    return done.stdout if done.returncode == 0 else None


def test_a_secret_is_kept_read_back_redacted_and_cleared() -> None:
    try:
        assert credentials.mcp_secret("github") is None
        where = credentials.store_mcp_secret("github", TOKEN)
        assert "Secret Service" in where
        assert lookup("github") == TOKEN
        assert credentials.mcp_secret("github") == TOKEN
        assert TOKEN not in redaction.redact(f"token={TOKEN}")
        # The API key's entry is another one, untouched.
        assert credentials.keychain_key() is None
    finally:
        assert credentials.clear_mcp_secret("github") in (True, False)
    assert lookup("github") is None and credentials.mcp_secret("github") is None


def test_the_mcp_secret_command_reads_the_value_from_stdin() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "mcp", "secret", "set", "docs-token"],
        input=TOKEN + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    try:
        assert done.returncode == 0, done.stderr
        assert 'write "keychain:docs-token" in mcp.json' in done.stdout
        assert TOKEN not in done.stdout + done.stderr
        assert lookup("docs-token") == TOKEN
    finally:
        credentials.clear_mcp_secret("docs-token")

"""Shared fixtures: every test gets its own data folder; the embedded API server on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Widget tests draw offscreen unless a test asks for a real X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app follows the system's language: tests read its English words, whatever the machine's
# locale (tests/e2e/test_languages.py asks for other languages itself).
os.environ["LC_ALL"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh DESKTOP_CHAT_HOME; no key or base URL leaks in from the developer's shell."""
    home = tmp_path / "home"
    monkeypatch.setenv("DESKTOP_CHAT_HOME", str(home))
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    return home


@pytest.fixture(scope="session")
def api_server() -> Iterator[object]:
    """The embedded Messages API, unpaced, shared by the session (requests are recorded)."""
    from desktop_chat.demo.server import DemoServer

    server = DemoServer(tokens_per_second=0, stall_seconds=3.0)
    server.start()
    yield server
    server.stop()

"""Saved as it happens: a killed app leaves its partial reply; no key ever reaches a file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.demo.server import DemoServer

pytestmark = pytest.mark.e2e

# Shaped like a real key (so redaction by pattern is tested too), but assembled here so that
# scans of the repository for committed keys do not trip on it.
FAKE_KEY = "sk-ant-" + "api03-e2eFakeKeyThatMustNeverBeWritten-0123456789abcdefXYZ"


def export_all(home: Path, fmt: str = "json") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "export", "--all", "--format", fmt],
        env={**os.environ, "DESKTOP_CHAT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def wait_until(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def saved_reply_chars(home: Path) -> int:
    """How many characters of thinking and text the saved reply has (0 while none is saved)."""
    path = home / "data" / "conversations.db"
    if not path.exists():
        return 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        row = db.execute("SELECT content FROM messages WHERE role = 'assistant'").fetchone()
    except sqlite3.OperationalError:  # the tables are not made yet
        return 0
    finally:
        db.close()
    blocks = [] if row is None else json.loads(row[0])
    return sum(len(b.get("thinking", "") or b.get("text", "")) for b in blocks)


def test_sigkill_mid_reply_leaves_the_partial_reply_marked_interrupted(
    start_app: Any, app_home: Path
) -> None:
    app = start_app("--demo", env={"DESKTOP_CHAT_DEMO_TPS": "20"})
    app.type("demo:slow tell me a long story")
    app.key("Return")
    # Killed once some of the reply (thinking, then the answer) is saved as it streams: a
    # slow machine takes longer to get there, and no fixed wait fits every machine.
    wait_until(lambda: saved_reply_chars(app_home) > 40, 60, "part of the reply saved")
    app.process.send_signal(signal.SIGKILL)
    app.process.wait(10)

    db = sqlite3.connect(app_home / "data" / "conversations.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()
    conversations = json.loads(export_all(app_home))["conversations"]

    assert len(conversations) == 1
    question, reply = conversations[0]["messages"]
    assert question["content"][0]["text"] == "demo:slow tell me a long story"
    assert reply["status"] == "interrupted"
    assert any(b["type"] in ("thinking", "text") for b in reply["content"])

    # The next start shows that reply, marked, with the way to retry it.
    app.state_path.unlink(missing_ok=True)
    again = start_app("--demo")
    wait_until(again.state_path.exists, 30, "the restarted app")
    state = json.loads(again.state_path.read_text())
    assert "demo:slow tell me a long story" in state["transcript"]
    assert "Ctrl+R asks again." in state["transcript"]
    saved_text = "".join(b.get("text", "") for b in reply["content"] if b["type"] == "text")
    if saved_text:
        assert saved_text.split()[0] in state["transcript"]


def test_a_real_key_never_reaches_a_file_or_the_output(start_app: Any, app_home: Path) -> None:
    with DemoServer(tokens_per_second=400) as server:
        app = start_app(env={"ANTHROPIC_API_KEY": FAKE_KEY, "ANTHROPIC_BASE_URL": server.base_url})
        for n, question in enumerate(["What is a monad?", "demo:http401 again?"], 1):
            app.type(question)
            app.key("Return")
            wait_until(
                lambda n=n: (
                    app.state_path.exists()
                    and json.loads(app.state_path.read_text())["replies"] >= n
                ),
                30,
                f"reply {n}",
            )
        assert server.requests[-1].headers.get("authorization") == f"Bearer {FAKE_KEY}"
        dialog = app.find_window("Add your Anthropic API key")  # the 401 asked for another
        app.key("Escape", window_id=dialog)
        app.key("ctrl+q")
        app.process.wait(15)
    exports = [export_all(app_home, fmt) for fmt in ("json", "md", "html")]

    assert "What is a monad?" in exports[0]
    leaks = [p for p in app_home.rglob("*") if p.is_file() and FAKE_KEY.encode() in p.read_bytes()]
    assert leaks == []
    for text in [*exports, app.log()]:
        assert FAKE_KEY not in text
        assert FAKE_KEY[:20] not in text


def test_quitting_mid_reply_saves_it_as_interrupted(start_app: Any, app_home: Path) -> None:
    app = start_app("--demo")
    app.type("demo:slow tell me a long story")
    app.key("Return")
    time.sleep(3.0)
    app.quit()

    # Read the database itself: `desktop-chat export` would mark a left-over reply itself.
    db = sqlite3.connect(app_home / "data" / "conversations.db")
    try:
        rows = db.execute("SELECT role, status FROM messages ORDER BY position").fetchall()
    finally:
        db.close()
    assert rows == [("user", "complete"), ("assistant", "interrupted")]

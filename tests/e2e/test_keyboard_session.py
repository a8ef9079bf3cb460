"""A whole session by keys alone (xdotool on a real X server, no mouse), checked through
``desktop-chat export``: new chat, send, continue a reply cut at max_tokens, regenerate, edit
the question and resend, stop, copy, find, switch chats, export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.settings import Settings, save_settings

pytestmark = pytest.mark.e2e


def wait_state(app: Any, check: Any, what: str, timeout: float = 90) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            pytest.fail(f"the app exited early:\n{app.log()}")
        if app.state_path.exists():
            state: dict[str, Any] = json.loads(app.state_path.read_text(encoding="utf-8"))
            if check(state):
                return state
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}:\n{app.log()}")


def test_a_whole_session_by_keys_alone(start_app: Any, app_home: Path, tmp_path: Path) -> None:
    # Replies of the demo are ~330 tokens: 200 cuts them, so there is one to continue.
    save_settings(Settings(max_tokens=200, thinking="off"))
    app = start_app("--demo", env={"DESKTOP_CHAT_DEMO_TPS": "400"})
    wait_state(app, lambda s: True, "start-up")

    def replies(n: int) -> dict[str, Any]:
        return wait_state(app, lambda s: s["replies"] >= n, f"reply {n}")

    app.key("ctrl+n")
    app.type("What is a monad?")
    app.key("Return")
    state = replies(1)
    assert "Ctrl+Shift+Enter continues this reply." in state["transcript"]

    app.key("ctrl+shift+Return")  # continue the reply cut at max_tokens
    wait_state(app, lambda s: "continues this reply" not in s["transcript"], "the continuation")

    app.key("ctrl+r")  # regenerate: a second variant
    state = replies(2)
    assert "Variant 2 of 2" in state["transcript"]

    app.key("Up")  # edit the last question and resend: a branch
    app.key("End")
    app.type(" Briefly.")
    app.key("Return")
    state = replies(3)
    assert "What is a monad? Briefly." in state["transcript"]

    app.type("demo:slow tell me a story")
    app.key("Return")
    time.sleep(2.0)
    app.key("Escape")  # stop: what arrived is kept
    state = replies(4)
    assert "Stopped. The partial reply is kept." in state["transcript"]

    app.key("ctrl+shift+c")  # copy the last reply
    app.key("ctrl+f")  # find
    app.type("monad")
    app.key("Return", "Escape")

    app.key("ctrl+n")  # a second chat
    app.type("A second chat")
    app.key("Return")
    wait_state(app, lambda s: s["replies"] == 1 and "A second chat" in s["transcript"], "chat 2")

    app.key("ctrl+k")  # search, and open the first chat from its hit
    app.type("Briefly")
    time.sleep(0.5)
    app.key("Return")
    wait_state(app, lambda s: "Briefly" in s["transcript"], "switching back")

    target = tmp_path / "monad.md"
    app.key("ctrl+s")  # export this conversation
    dialog = app.find_window("Export")
    app.key("ctrl+a", window_id=dialog)
    app.type_into(dialog, str(target))
    app.key("Return", window_id=dialog)
    deadline = time.monotonic() + 15
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    app.quit()

    assert "What is a monad? Briefly." in target.read_text(encoding="utf-8")
    exported = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "export", "--all", "--format", "json"],
        env={**os.environ, "DESKTOP_CHAT_HOME": str(app_home)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, second = json.loads(exported.stdout)["conversations"]
    messages = {m["id"]: m for m in first["messages"]}
    questions = [m for m in first["messages"] if m["role"] == "user"]
    answers = [m for m in first["messages"] if m["role"] == "assistant"]
    q1, q1_edit, q2 = questions
    assert q1_edit["content"][0]["text"] == "What is a monad? Briefly."
    assert q1_edit.get("parent_id") == q1.get("parent_id")  # the edit is a branch
    continued, regenerated, *_ = answers
    assert continued["parent_id"] == regenerated["parent_id"] == q1["id"]  # variants
    assert continued["status"] == "complete" and continued["stop_reason"] == "end_turn"
    assert len(continued["content"][0]["text"]) > len(regenerated["content"][0]["text"])
    stopped = answers[-1]
    assert stopped["status"] == "interrupted" and messages[stopped["parent_id"]] is q2
    assert second["messages"][0]["content"][0]["text"] == "A second chat"
    unexpected = [line for line in app.log().splitlines() if line and not line.startswith("INFO ")]
    assert unexpected == []

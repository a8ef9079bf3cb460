"""A user's first session: start --demo, ask, watch it stream, stop one, follow up, quit."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

# Log lines the app is allowed to print; anything else at WARNING or above fails the test.
EXPECTED = re.compile(r"^INFO |^$")


def wait_for_state(app: Any, count: int, timeout: float = 90.0) -> dict[str, Any]:
    """The window's state after its ``count``-th finished reply."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            pytest.fail(f"the app exited early:\n{app.log()}")
        path: Path = app.state_path
        if path.exists():
            state: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            if state["replies"] >= count:
                return state
        time.sleep(0.1)
    pytest.fail(f"no reply #{count} within {timeout} s:\n{app.log()}")


def test_demo_session_streams_stops_and_continues(start_app: Any) -> None:
    app = start_app("--demo", env={"DESKTOP_CHAT_DEMO_TPS": "150"})

    app.type("What is a monad?")
    app.key("Return")
    state = wait_for_state(app, 1)
    assert "What is a monad?" in state["transcript"]
    side = state["side_pane"]
    assert side["stop_reason"] == "end_turn"
    assert int(side["input_tokens"].replace(",", "")) > 0
    assert int(side["output_tokens"].replace(",", "")) > 0
    assert side["ttft"].endswith(" ms") and float(side["tps"]) > 0
    assert side["request_id"].startswith("req_")
    assert state["thinking"] and state["thinking"][0].strip()

    app.type("demo:slow Tell me a long story")
    app.key("Return")
    time.sleep(2.0)
    app.key("Escape")
    state = wait_for_state(app, 2)
    assert "Stopped. The partial reply is kept." in state["transcript"]
    assert state["side_pane"]["stop_reason"] == "none (the reply was cut)"

    app.type("And a follow-up?")
    app.key("Return")
    state = wait_for_state(app, 3)
    assert state["side_pane"]["stop_reason"] == "end_turn"

    app.quit()
    unexpected = [line for line in app.log().splitlines() if not EXPECTED.match(line)]
    assert unexpected == [], "\n".join(unexpected)

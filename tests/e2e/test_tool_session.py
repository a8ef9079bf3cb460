"""Tools end to end: the real app under a real X server, mcp-server-time from PyPI, the demo
model asking for the time. The server's command line is confirmed, the call approved, all by
keys; the result reaches the next request; the export and the audit say what was decided; and
no server process outlives the app."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e


def state(app: Any) -> dict[str, Any]:
    path: Path = app.state_path
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def wait_until(app: Any, what: Any, timeout: float = 90.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            pytest.fail(f"the app exited early:\n{app.log()}")
        now = state(app)
        if now and what(now):
            return now
        time.sleep(0.1)
    pytest.fail(f"timed out; last state {state(app)}\n{app.log()}")


def servers_alive() -> list[str]:
    """Live processes running exactly the server this test configures (not other tests')."""
    ours = f"{sys.executable} -m mcp_server_time "
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                if cmdline == ours and ") Z " not in (entry / "stat").read_text():
                    alive.append(cmdline)
            except OSError:
                continue
    return alive


def test_a_tool_call_is_confirmed_approved_run_answered_exported_and_audited(
    start_app: Any, app_home: Path
) -> None:
    config = app_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    server = {"command": sys.executable, "args": ["-m", "mcp_server_time"]}
    (config / "mcp.json").write_text(json.dumps({"mcpServers": {"time": server}}))
    before = set(servers_alive())
    app = start_app("--demo", env={"DESKTOP_CHAT_DEMO_TPS": "400"})

    # A new server: its command line is shown once; Alt+R runs it.
    confirm = app.find_window("Run the MCP server")
    app.key("alt+r", window_id=confirm)
    wait_until(app, lambda s: s.get("tool_servers", {}).get("time") == "ready", 60)

    app.type("What time is it in UTC right now?")
    app.key("Return")
    asking = wait_until(app, lambda s: s.get("asking"))["asking"]
    assert asking["tool"] == "get_current_time" and asking["server"] == "time"
    assert json.loads(asking["arguments"]) == {"timezone": "UTC"}
    approval = app.find_window("get_current_time")
    app.key("alt+o", window_id=approval)  # Allow once
    done = wait_until(app, lambda s: s["replies"] >= 2 and not s.get("asking"))
    assert 'Tool call: get_current_time {"timezone": "UTC"}' in done["transcript"]
    assert "Result of get_current_time (allowed once)" in done["transcript"]
    assert "According to get_current_time: timezone: UTC" in done["transcript"]

    app.quit(20)
    assert set(servers_alive()) - before == set()  # no server process left behind

    home = {"DESKTOP_CHAT_HOME": str(app_home)}
    exported = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "export", "--format", "md", "--all"],
        env={**home, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.replace("\\_", "_")
    assert "## Tools" in exported
    assert "**Tool use: get_current_time**" in exported
    assert "Tool calls: get_current_time (time): allowed once" in exported
    assert '"timezone": "UTC"' in exported and "tool_result" in exported
    with sqlite3.connect(app_home / "data" / "conversations.db") as db:
        rows = db.execute("SELECT server, tool, decision, error FROM tool_calls").fetchall()
    assert rows == [("time", "get_current_time", "allow_once", None)]

"""The app as a screen reader sees it: through the AT-SPI tree, on a private X server and a
private D-Bus session (the accessibility bus inside it), a question is typed into the message
box found by its accessible name, and the finished reply, its stop reason and its token counts
are read back from the tree, as is the announcement of the reply's end."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SESSION = Path(__file__).with_name("screen_reader_session.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-pyatspi is installed for it
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")


def missing_tools() -> list[str]:
    missing = [tool for tool in ("dbus-run-session",) if shutil.which(tool) is None]
    if not BUS_LAUNCHER.exists():
        missing.append("at-spi2-core")
    has_pyatspi = Path(SYSTEM_PYTHON).exists() and (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode == 0
    )
    if not has_pyatspi:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture
def screen_reader_tools() -> None:
    if missing := missing_tools():
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (scripts/setup --test does)")
        pytest.skip(f"needs {missing} (scripts/setup --test installs them)")


def read_through_the_tree(display: str, home: Path, question: str) -> dict[str, object]:
    result = subprocess.run(
        [
            "dbus-run-session", "--", SYSTEM_PYTHON, str(SESSION),
            "--display", display, "--question", question,
            "--", sys.executable, "-m", "desktop_chat", "--demo",
        ],
        env={**os.environ, "DESKTOP_CHAT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=150,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.timeout(180)
def test_a_screen_reader_asks_and_reads_the_reply_and_its_figures(
    screen_reader_tools: None, x_display: str, app_home: Path
) -> None:
    question = "Hello from a screen reader"
    seen = read_through_the_tree(x_display, app_home, question)
    transcript = str(seen["transcript"])
    figures = seen["figures"]
    assert isinstance(figures, dict)
    # The question went in through the tree, and the message box is empty again.
    assert seen["composer_after_send"] == ""
    assert transcript.startswith(f"You\n{question}\nClaude\n")
    # The finished reply's text, read from the transcript, whole (the demo's last line).
    assert f"You said: “{question}”" in transcript
    assert transcript.rstrip().endswith("nor below the model's minimum length.")
    # The conversation as a list of messages: author and text as the name, status beside.
    (asked, asked_status), (reply, reply_status) = seen["messages"]  # type: ignore[misc]
    assert (asked, asked_status) == (f"You: {question}", "sent")
    assert (
        reply.startswith(f"Claude: {question} You said: “{question}”")
        and reply_status == "complete"
    )
    assert figures["Stop reason"] == "end_turn"
    assert int(figures["Input tokens"]) > 0 and int(figures["Output tokens"]) > 100
    # The end of the reply was announced once, in words (no Markdown signs read out).
    announcements = [str(a) for a in seen["announcements"]]  # type: ignore[attr-defined]
    replies = [a for a in announcements if a.startswith("Claude replied: ")]
    assert len(replies) == 1 and f"You said: “{question}”" in replies[0]
    assert "##" not in replies[0] and "`" not in replies[0]

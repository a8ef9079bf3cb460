"""Attachments end to end, on a real X server: a screenshot pasted from the clipboard (xclip)
and a PDF picked by keys are sent to the demo, which describes what it received; after a
restart the conversation shows both; the JSON export imports elsewhere and exports again
byte for byte, the files' bytes included."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from test_keyboard_session import wait_state

from desktop_chat.core.settings import Settings, save_settings

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import attachment_samples as samples

pytestmark = pytest.mark.e2e


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_chat", *args],
        env={**os.environ, "DESKTOP_CHAT_HOME": str(home)},
        capture_output=True,
        timeout=60,
        check=True,
    )


def test_pasted_screenshot_and_picked_pdf_are_sent_kept_and_exported(
    start_app: Any, x_display: str, app_home: Path, tmp_path: Path
) -> None:
    if shutil.which("xclip") is None:
        pytest.skip("needs xclip")
    save_settings(Settings(thinking="off"))
    screenshot = samples.png(1400, 900)
    (tmp_path / "shot.png").write_bytes(screenshot)
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(samples.pdf(12))
    clip = subprocess.Popen(
        ["xclip", "-selection", "clipboard", "-t", "image/png", "-i", str(tmp_path / "shot.png")],
        env={**os.environ, "DISPLAY": x_display},
    )
    try:
        app = start_app("--demo", env={"DESKTOP_CHAT_DEMO_TPS": "400"})
        wait_state(app, lambda s: True, "start-up")
        app.type("What do these say?")
        app.key("ctrl+v")  # the screenshot, from the clipboard
        app.key("ctrl+shift+a")  # the PDF, picked in the file dialog
        dialog = app.find_window("Attach files")
        app.type_into(dialog, str(paper))
        app.key("Return", window_id=dialog)
        time.sleep(1.5)  # both are read in a worker
        app.key("Return")
        state = wait_state(app, lambda s: s["replies"] >= 1, "the reply")
        assert "I was shown an image of 1400\u00d7900 px (image/png)" in state["transcript"]
        assert "a 12-page PDF called “paper.pdf”" in state["transcript"]
        app.quit()
    finally:
        clip.terminate()
        clip.wait(5)

    again = start_app("--demo")
    wait_state(again, lambda s: True, "the restart")
    again.key("ctrl+Tab")  # the saved chat
    state = wait_state(again, lambda s: "paper.pdf" in s["transcript"], "the saved chat")
    assert "Pasted image.png" in state["transcript"] and "12 pages" in state["transcript"]
    again.quit()

    exported = cli(app_home, "export", "--all", "--format", "json").stdout
    blocks = json.loads(exported)["conversations"][0]["messages"][0]["content"]
    assert [b["type"] for b in blocks] == ["image", "document", "text"]
    assert base64.b64decode(blocks[0]["source"]["data"]) == screenshot
    assert base64.b64decode(blocks[1]["source"]["data"]) == samples.pdf(12)
    (tmp_path / "export.json").write_bytes(exported)
    elsewhere = tmp_path / "elsewhere"
    cli(elsewhere, "import", str(tmp_path / "export.json"))
    assert cli(elsewhere, "export", "--all", "--format", "json").stdout == exported
    unexpected = [line for line in app.log().splitlines() if line and not line.startswith("INFO ")]
    assert unexpected == []

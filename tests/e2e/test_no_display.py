"""Started with no display, the app says so in plain words (not Qt's xcb plugin message)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop_chat.display_check import display_problem

pytestmark = pytest.mark.e2e


def test_no_display_says_so_and_what_to_do() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("desktop-chat: no display found")
    assert "xvfb-run desktop-chat" in done.stderr and "ssh -X" in done.stderr
    assert "xcb" not in done.stderr and "plugin" not in done.stderr
    assert done.stdout == ""


def test_a_live_display_is_found(x_display: str) -> None:
    assert display_problem({"DISPLAY": x_display}, "linux") is None
    assert display_problem({"DISPLAY": x_display + ".0"}, "linux") is None


@pytest.mark.parametrize(
    ("environ", "platform", "found"),
    [
        ({}, "linux", False),
        ({"DISPLAY": "remote.example:0"}, "linux", True),  # not checked
        ({"DISPLAY": ":187"}, "linux", False),  # nothing listens there
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),  # needs no display
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_display_problem(environ: dict[str, str], platform: str, found: bool) -> None:
    assert (display_problem(environ, platform) is None) is found

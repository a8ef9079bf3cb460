"""End-to-end: the real app as a subprocess on a private X server, driven by xdotool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

NEEDED = ("Xvfb", "xdotool")


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"needs {missing}")
    for n in range(140, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    display = f":{n}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{n}").exists():
        if time.monotonic() > deadline:
            xvfb.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield display
    xvfb.terminate()
    xvfb.wait(5)


@dataclass
class RunningApp:
    process: subprocess.Popen[str]
    window_id: str
    display: str
    state_path: Path
    log_path: Path

    def xdotool(self, *args: str) -> None:
        env = {**os.environ, "DISPLAY": self.display}
        subprocess.run(["xdotool", *args], env=env, check=True, timeout=30)

    def type(self, text: str) -> None:
        self.xdotool("windowfocus", "--sync", self.window_id)
        self.xdotool("type", "--delay", "10", text)

    def type_into(self, window_id: str, text: str) -> None:
        self.xdotool("windowfocus", "--sync", window_id)
        self.xdotool("type", "--delay", "10", text)

    def key(self, *keys: str, window_id: str | None = None) -> None:
        self.xdotool("windowfocus", "--sync", window_id or self.window_id)
        self.xdotool("key", *keys)

    def find_window(self, title: str) -> str:
        """The id of this app's visible window called ``title`` (a dialog, say)."""
        env = {**os.environ, "DISPLAY": self.display}
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", title],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        return found.stdout.split()[-1]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def quit(self, seconds: float = 15) -> None:
        """Ctrl+Q, and the app ends well: exit code 0, or the code and the end of its log
        (a crash's message and the faulthandler's stacks are there)."""
        self.key("ctrl+q")
        code = self.process.wait(seconds)
        assert code == 0, f"the app ended with {code}; the end of its log:\n{self.log()[-6000:]}"


@pytest.fixture
def start_app(x_display: str, tmp_path: Path, app_home: Path) -> Iterator[object]:
    started: list[RunningApp] = []

    def start(*args: str, env: dict[str, str] | None = None) -> RunningApp:
        state_path = tmp_path / "state.json"
        log_path = tmp_path / f"app{len(started)}.log"
        full_env = {
            **os.environ,
            "DISPLAY": x_display,
            "QT_QPA_PLATFORM": "xcb",
            "DESKTOP_CHAT_HOME": str(app_home),
            "DESKTOP_CHAT_STATE_REPORT": str(state_path),
            **(env or {}),
        }
        log_file = log_path.open("w", encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop_chat", *args],
            env=full_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            text=True,
        )
        log_file.close()
        search = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(process.pid)],
            env=full_env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        window_id = search.stdout.split()[-1]
        app = RunningApp(process, window_id, x_display, state_path, log_path)
        started.append(app)
        return app

    yield start
    for app in started:
        if app.process.poll() is None:
            app.process.terminate()
            try:
                app.process.wait(10)
            except subprocess.TimeoutExpired:
                app.process.kill()
                app.process.wait()

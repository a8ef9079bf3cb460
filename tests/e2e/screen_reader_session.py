"""Drive the app as a screen reader does, through the AT-SPI accessibility tree.

Run by ``test_screen_reader.py`` with the SYSTEM Python (Debian's ``python3-pyatspi`` lives
there, not in the venv), inside ``dbus-run-session`` (a private session bus). It starts the
accessibility bus (``at-spi-bus-launcher``), starts the app with ``--demo`` and Qt's
accessibility on, then, only through the tree: finds the message box by its accessible name,
types a question into it, presses Enter, waits for the side pane's "Stop reason" to be
filled, and reads the transcript, the list of messages (author, text, status), the stop
reason and the token counts. It prints one JSON
object with what it read (and the announcements heard) and stops the app.

    dbus-run-session -- /usr/bin/python3 screen_reader_session.py \
        --display :140 --question "Hello" -- .venv/bin/python -m desktop_chat --demo
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
RETURN_KEYSYM = 0xFF0D


def pump(seconds: float) -> None:
    """Let AT-SPI events arrive (they come through GLib's main context)."""
    deadline = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < deadline:
        while context.iteration(False):
            pass
        time.sleep(0.02)


def walk(node: Any, depth: int = 0) -> Any:
    if depth > 25:
        return
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def find_app(pid: int, timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:  # an application that went away meanwhile
                continue
        pump(0.2)
    raise SystemExit(f"the app (pid {pid}) never appeared on the accessibility bus")


def find(app: Any, name: str, roles: tuple[str, ...], timeout: float = 20.0) -> Any:
    """The showing node called ``name`` with one of ``roles`` (waits for it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for node in walk(app):
            try:
                showing = node.getState().contains(pyatspi.STATE_SHOWING)
                if node.name == name and node.getRoleName() in roles and showing:
                    return node
            except Exception:
                continue
        pump(0.2)
    raise SystemExit(f"no showing {roles} called {name!r} in the accessibility tree")


def figure(app: Any, name: str) -> str:
    """A side-pane figure: the label named ``name`` that carries a value (its row's title
    label has the same name and no value)."""
    for node in walk(app):
        try:
            if node.name == name and node.getRoleName() == "label" and node.description:
                return str(node.description)
        except Exception:
            continue
    raise SystemExit(f"no figure called {name!r} in the accessibility tree")


def text_of(node: Any) -> str:
    text = node.queryText()
    return str(text.getText(0, text.characterCount))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--display", required=True)
    parser.add_argument("--question", required=True)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    os.environ["DISPLAY"] = args.display
    launcher = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"])
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
    }
    app_process = subprocess.Popen(command, env=env)
    heard: list[str] = []
    try:
        pump(1.0)
        app = find_app(app_process.pid, args.timeout)
        pyatspi.Registry.registerEventListener(
            lambda event: heard.append(str(event.any_data)), "object:announcement"
        )
        composer = find(app, "Message", ("text", "entry"))
        stop_reason = find(app, "Stop reason", ("label",))
        if not stop_reason.description:  # the row's title label: the value is the other one
            stop_reason = next(n for n in walk(app) if n.name == "Stop reason" and n.description)
        composer.queryComponent().grabFocus()
        composer.queryEditableText().insertText(0, args.question, len(args.question))
        pump(0.3)
        pyatspi.Registry.generateKeyboardEvent(RETURN_KEYSYM, None, pyatspi.KEY_SYM)
        deadline = time.monotonic() + args.timeout
        while stop_reason.description in ("", "\u2013", "streaming…"):  # (en dash: no value yet)
            if time.monotonic() > deadline:
                raise SystemExit(f"no stop reason after {args.timeout} s")
            pump(0.2)
        pump(1.0)  # the announcement of the finished reply
        figures = {
            name: figure(app, name)
            for name in ("Stop reason", "Input tokens", "Output tokens", "Model")
        }
        messages = find(app, "Messages", ("list",))
        result = {
            "messages": [
                [item.name, item.description]
                for item in (messages.getChildAtIndex(i) for i in range(messages.childCount))
            ],
            "composer_after_send": text_of(composer),
            "transcript": text_of(find(app, "Conversation", ("label", "text", "paragraph"))),
            "figures": figures,
            "announcements": heard,
        }
        print(json.dumps(result, ensure_ascii=False))
        return 0
    finally:
        app_process.terminate()
        try:
            app_process.wait(15)
        except subprocess.TimeoutExpired:
            app_process.kill()
        launcher.terminate()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

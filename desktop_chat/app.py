"""Command line, QApplication, the qasync loop and the main window.

Start-up order matters. A plain top-level window (``ShellWindow``) is painted first, before
asyncio, qasync and the UI's modules are imported; then the ``anthropic`` SDK starts loading
in a worker thread (about a second: the SDK, what a first request imports and builds, the
TLS context) while the main window is built and set into the shell. A question sent before
the SDK is ready simply waits for it.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from desktop_chat import __version__
from desktop_chat.core.i18n import translate
from desktop_chat.display_check import display_problem

if TYPE_CHECKING:
    import asyncio
    import ssl
    from concurrent.futures import Future

    from PySide6.QtWidgets import QApplication

    from desktop_chat.core.credentials import KeySource
    from desktop_chat.core.store import Store
    from desktop_chat.demo.server import DemoServer
    from desktop_chat.ui.main_window import MainWindow
    from desktop_chat.ui.shell_window import ShellWindow
    from desktop_chat.ui.tool_runtime import ToolRuntime

log = logging.getLogger("desktop_chat")

_T0 = time.perf_counter()
DEMO_KEY = "demo-key-not-secret"
SMOKE_PROMPT = "Hello from the smoke test."
SMOKE_TIMEOUT_S = 60.0
# Where end-to-end tests ask the window to write what it shows after each reply.
STATE_REPORT_ENV = "DESKTOP_CHAT_STATE_REPORT"
TRASH_DAYS = 30  # deleted conversations can be undone (restored) for this long


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="desktop-chat",
        description="A fast, native, keyboard-first desktop client for Claude.",
        epilog=(
            "Subcommands (no window): export, import, list, key. "
            "Environment: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, DESKTOP_CHAT_HOME."
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="talk to the built-in demo server: no API key, no network",
    )
    parser.add_argument(
        "--base-url", metavar="URL", help="an Anthropic-compatible API server or proxy"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, stream one demo reply, exit 0 (non-zero with the reason)",
    )
    parser.add_argument("--version", action="version", version=f"desktop-chat {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop_chat.commands import SUBCOMMANDS, run_subcommand

    if argv and argv[0] in SUBCOMMANDS:
        return run_subcommand(argv)
    args = parse_args(argv)
    _setup_logging()
    return run_gui(args)


def _setup_logging() -> None:
    from desktop_chat.core.redaction import RedactingFilter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # httpx2 logs every request at INFO: too chatty for a desktop app's log.
    logging.getLogger("httpx2").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


GIL_SWITCH_S = 0.001
"""How long a thread holding the GIL keeps it once another thread asks (Python's default is
5 ms). The UI thread takes the GIL back after every call into Qt; with a background thread
busy in Python (the SDK loader, the lexers' warm-up, the demo server) each of those waits
took up to 5 ms, and a frame holds several: during the first request (the lexers' warm-up
running) a 2 ms heartbeat was 10-18 ms late, against 5-6 ms with 1 ms."""


def run_gui(args: argparse.Namespace) -> int:
    if problem := display_problem(os.environ, sys.platform):
        print(f"desktop-chat: {problem}", file=sys.stderr)
        return 1
    sys.setswitchinterval(GIL_SWITCH_S)
    # A crash (a fault in Qt, an abort) prints every thread's Python stack to stderr: what
    # a bug report needs, and otherwise lost.
    faulthandler.enable()
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop_chat.ui.pyside_workarounds import restore_python_import
    from desktop_chat.ui.shell_window import ShellWindow

    restore_python_import()  # every import from here on is faster, and thread-safe

    def on_qt_message(kind: QtMsgType, _context: Any, text: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
        }.get(kind, logging.ERROR)
        logging.getLogger("qt").log(level, "%s", text)

    qInstallMessageHandler(on_qt_message)
    QApplication.setApplicationName("desktop-chat")
    QApplication.setApplicationDisplayName("Desktop Chat")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("desktop-chat")
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    icon = _icon_path()
    app.setWindowIcon(QIcon(str(icon)) if icon else QIcon.fromTheme("desktop-chat"))
    # The window first; everything else loads while it shows.
    shell = ShellWindow()
    shell.show_and_wait_for_paint()
    log.info("window painted %.0f ms after start", (time.perf_counter() - _T0) * 1000)
    # The interface language, before any other module loads: their words are translated as
    # they are made (some at import). After the first paint, which has no words to translate.
    from desktop_chat.core.language_setting import saved_language
    from desktop_chat.ui.translations import install_translators

    install_translators(app, saved_language())
    # No garbage collection while the rest loads: with the SDK in memory (some 200,000
    # objects, nearly all kept for good) one full collection holds the GIL for 100-200 ms:
    # a frozen window. Loading makes ~1,000 objects of cyclic garbage, no more; once loaded,
    # everything is frozen out of the collector's sight (``settle_memory``).
    gc.disable()
    # asyncio first: a module both threads import is best imported whole by one of them.
    import asyncio

    sdk = _load_sdk_in_thread()  # while the rest of the UI loads

    import qasync

    runner = asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app))
    try:
        return runner.run(_amain(app, args, shell, sdk))
    finally:
        runner.close()
        shell.close()


def _load_sdk_in_thread() -> Future[ssl.SSLContext]:
    """Start loading the SDK (see ``core.sdk_warmup.prepare_sdk``) in a thread of its own (a
    daemon: quitting does not wait for it)."""
    import threading
    from concurrent.futures import Future

    from desktop_chat.core.sdk_warmup import prepare_sdk

    done: Future[ssl.SSLContext] = Future()

    def run() -> None:
        try:
            try:
                tls = prepare_sdk()
            except ImportError as exc:
                # Once more, in case two threads importing at once met halfway through a
                # module (see ``ui.pyside_workarounds``): a failed import is undone, and the
                # second attempt imports it whole.
                log.info("loading the SDK failed (%s); trying once more", exc)
                tls = prepare_sdk()
            done.set_result(tls)
        except BaseException as exc:  # reported where it is awaited
            done.set_exception(exc)

    threading.Thread(target=run, name="sdk-loader", daemon=True).start()
    return done


def _icon_path() -> Path | None:
    here = Path(__file__).resolve().parent
    for candidate in (
        here.parent / "resources" / "icons" / "desktop-chat.svg",
        here / "resources" / "desktop-chat.svg",  # bundled builds
    ):
        if candidate.is_file():
            return candidate
    return None


async def _amain(
    app: QApplication,
    args: argparse.Namespace,
    shell: ShellWindow,
    sdk: Future[ssl.SSLContext],
) -> int:
    import asyncio

    from desktop_chat.core.conversation import Conversation
    from desktop_chat.core.drafts import DraftStore
    from desktop_chat.core.keymap import Keymap
    from desktop_chat.core.settings import load_settings
    from desktop_chat.ui.controller import ChatController
    from desktop_chat.ui.main_window import MainWindow
    from desktop_chat.ui.theme import apply_theme

    loop = asyncio.get_running_loop()
    # qasync's run_forever skips BaseEventLoop's setup, which installs these hooks; without
    # them, SDK async generators dropped mid-stream are finalised outside the loop.
    base_loop = cast(Any, loop)
    sys.set_asyncgen_hooks(
        firstiter=base_loop._asyncgen_firstiter_hook,
        finalizer=base_loop._asyncgen_finalizer_hook,
    )

    demo = args.demo or args.smoke_test
    ready: asyncio.Future[None] = loop.create_future()
    settings, problems = load_settings()
    apply_theme(settings.theme)
    server: DemoServer | None = None
    # The key is looked up off the UI thread (a keychain may block); sends wait for `ready`.
    key_state: dict[str, str | None] = {"key": DEMO_KEY if demo else None}
    keymap, shortcut_problems = Keymap.load()
    controller = ChatController(
        Conversation(),
        settings,
        lambda: key_state["key"],
        ready,
        keymap=keymap,
        base_url=args.base_url,
    )
    window = MainWindow(controller)
    for problem in shortcut_problems:
        window.chat_view.show_notice(
            translate("App", "Keyboard shortcuts: {problem}").format(problem=problem), error=True
        )
    for problem in problems:
        window.chat_view.show_notice(
            translate("App", "Settings: {problem}").format(problem=problem), error=True
        )
    closed: asyncio.Future[None] = loop.create_future()
    window.closing.connect(lambda: _resolve(closed, None))
    window.chat_view.first_painted.connect(
        lambda: log.info(
            "chat view painted %.0f ms after start", (time.perf_counter() - _T0) * 1000
        )
    )
    if report := os.environ.get(STATE_REPORT_ENV):
        controller.reply_finished.connect(lambda *_: _write_state(window, Path(report)))
        controller.transcript_reset.connect(lambda _: _write_state(window, Path(report)))
        window.dialogs.asked.connect(lambda: _write_state(window, Path(report)))
    shell.adopt(window)
    window.composer.setFocus()
    if shell.closed_early:
        window.close()

    async def look_up_key() -> str | None:
        """Find the key; without one, say so and open the key dialog. Returns the problem."""
        source = await loop.run_in_executor(None, _resolve_api_key)
        key_state["key"] = source.key
        return str(source.problem) if source.problem else None

    lookups: set[asyncio.Task[str | None]] = set()

    def on_key_saved(_where: str) -> None:
        task = asyncio.ensure_future(look_up_key())
        lookups.add(task)  # a reference, or the task may be collected while it runs
        task.add_done_callback(lookups.discard)

    window.key_saved.connect(on_key_saved)

    async def load() -> None:
        try:
            await load_steps()
        finally:
            if not gc.isenabled():  # it failed, or was cancelled, before the SDK loaded
                settle_memory()

    async def load_steps() -> None:
        nonlocal server
        # Yield first so the window gets its first paint before this work competes with it.
        await asyncio.sleep(0.05)
        from desktop_chat.core import app_log

        # Unhandled errors anywhere (async slots, threads) are logged, keys redacted, and
        # shown once in the window; the window lives on. `notify` may run on another
        # thread: a signal carries the words to the UI thread.
        app_log.install_hooks(window.unhandled_error.emit, loop)
        log_path = app_log.install()
        log.info("logging to %s", log_path)
        window.attach_drafts(DraftStore())
        store = _open_store(window)
        if store is not None:
            stores.append(store)
            window.attach_store(store)
            # The newest conversation, if its reply was cut (by a crash, say; the command
            # line may have marked it interrupted already), opens with the way to retry it.
            if controller.reopen_interrupted():
                window.status.show(
                    translate(
                        "App", "The app stopped in the middle of this reply; what arrived is kept."
                    ),
                    10000,
                )
        # The user's tool servers start in the background (nothing waits for them).
        from desktop_chat.ui.tool_runtime import ToolRuntime

        runtime = ToolRuntime(controller, window)
        tools.append(runtime)
        window.attach_tools(runtime)
        if report := os.environ.get(STATE_REPORT_ENV):
            runtime.server_status.connect(lambda _status: _write_state(window, Path(report)))
        starting = asyncio.ensure_future(runtime.start(store))
        starting.add_done_callback(_report_failure)
        if demo:
            server = await loop.run_in_executor(None, _start_demo_server)
            controller.set_base_url(server.base_url)
            window.status.show(
                translate("App", "Demo mode: replies come from {base_url}").format(
                    base_url=server.base_url
                ),
                8000,
            )
        controller.api.tls = await asyncio.wrap_future(sdk)
        settle_memory()
        if not demo:
            problem = await look_up_key()
            if key_state["key"] is None:
                window.chat_view.show_notice(
                    translate(
                        "App",
                        "No API key found. Add one with {api_key_key}, set ANTHROPIC_API_KEY, "
                        "or start with --demo to try the app without one.",
                    ).format(api_key_key=controller.key("api_key")),
                    error=True,
                )
                window.dialogs.open_key(problem)
        ready.set_result(None)
        if report := os.environ.get(STATE_REPORT_ENV):
            _write_state(window, Path(report))

    stores: list[Store] = []
    tools: list[ToolRuntime] = []
    loader = asyncio.ensure_future(load())
    loader.add_done_callback(_report_failure)
    try:
        if args.smoke_test:
            return await _smoke_test(window)
        await closed
        return 0
    finally:
        await controller.shutdown()  # a reply streaming now is saved, marked interrupted
        loader.cancel()
        gc.enable()
        for runtime in tools:
            await runtime.stop()  # every tool server process ends with the app
        window.close()
        if server is not None:
            server.stop()
        for store in stores:
            store.close()


def settle_memory() -> None:
    """What start-up loaded stays for good: out of the garbage collector's sight from now
    on (``gc.freeze``), so a full collection scans only what came after, and the collector
    is on again."""
    gc.freeze()
    gc.enable()


def _report_failure(task: asyncio.Future[Any]) -> None:
    """A background task failed: reported as any unhandled error is (logged, and shown)."""
    if not task.cancelled() and (exc := task.exception()) is not None:
        task.get_loop().call_exception_handler(
            {"message": "loading failed", "exception": exc, "future": task}
        )


def _resolve_api_key() -> KeySource:
    """``credentials.resolve_api_key``, imported here: keyring's import alone holds the
    thread for 20-30 ms, and this runs in a worker thread."""
    from desktop_chat.core.credentials import resolve_api_key

    return resolve_api_key()


def _start_demo_server() -> DemoServer:
    """The demo server, listening (its modules are imported here, off the UI thread)."""
    from desktop_chat.demo.server import DemoServer

    server = DemoServer(tokens_per_second=float(os.environ.get("DESKTOP_CHAT_DEMO_TPS", 70)))
    server.start()
    return server


async def _smoke_test(window: MainWindow) -> int:
    """Send one question to the demo server and check the reply arrives whole."""
    import asyncio

    from desktop_chat.core.conversation import Status

    done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    window.controller.reply_finished.connect(lambda message, _notes: _resolve(done, message))
    window.composer.setPlainText(SMOKE_PROMPT)
    window.composer.submitted.emit(SMOKE_PROMPT)
    try:
        message = await asyncio.wait_for(done, SMOKE_TIMEOUT_S)
    except TimeoutError:
        print("smoke test failed: no reply within 60 s", file=sys.stderr)
        return 1
    if message.status is not Status.COMPLETE or not message.text.strip():
        print(f"smoke test failed: {message.error or 'empty reply'}", file=sys.stderr)
        return 1
    print(f"smoke test passed: {len(message.text)} characters streamed", file=sys.stderr)
    return 0


def _open_store(window: MainWindow) -> Store | None:
    """The conversations database; on failure, the reason in the window (nothing on disk
    is touched)."""
    from desktop_chat.core.store import Store, StoreError

    try:
        store = Store.open()
        interrupted = store.mark_streaming_as_interrupted()
        store.purge_deleted(before=time.time() - TRASH_DAYS * 86400)
    except StoreError as exc:
        window.chat_view.show_notice(
            translate(
                "App", "Conversations cannot be saved: {exc} This session is kept in memory only."
            ).format(exc=exc),
            error=True,
        )
        return None
    if interrupted:
        log.info("%d reply(ies) were cut short when the app last stopped", interrupted)
    return store


def _write_state(window: MainWindow, path: Path) -> None:
    """The window's state for end-to-end tests, replaced whole (a reader never sees half)."""
    import json

    from desktop_chat.core.safe_files import write_atomically

    write_atomically(path, json.dumps(window.visible_state(), ensure_ascii=False))


def _resolve(future: asyncio.Future[Any], value: Any) -> None:
    if not future.done():
        future.set_result(value)

"""Widget tests: asyncio runs on Qt's event loop (qasync), as in the app: one loop for all,
running only while a widget test runs (so that other tests may still use asyncio.run)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import qasync

from desktop_chat.core.conversation import Conversation
from desktop_chat.core.drafts import DraftStore
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.core.store import Store
from desktop_chat.ui import live_reply
from desktop_chat.ui.chat_view import ChatView
from desktop_chat.ui.controller import ChatController
from desktop_chat.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def model_pace(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests draw frames by hand, far faster than any server sends text: by the clock, each
    would be a flood's (code written without its colours until seen). Their text comes at a
    model's pace, unless a test is marked ``flood_pace`` (the clock decides, as in the app) or
    sets the rate itself."""
    if request.node.get_closest_marker("flood_pace") is None:
        monkeypatch.setattr(live_reply, "FLOOD_CHARS_PER_S", float("inf"))


@pytest.fixture
def view_factory(qtbot: Any) -> Callable[[], ChatView]:
    """Makes chat views on screen, 760 by 560."""

    def make() -> ChatView:
        widget = ChatView()
        widget.resize(760, 560)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


@pytest.fixture
def view(view_factory: Callable[[], ChatView]) -> ChatView:
    """A chat view on screen, 760 by 560."""
    return view_factory()


@pytest.fixture(scope="session")
def session_qt_loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    yield loop
    asyncio.events._set_running_loop(loop)
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    deadline = loop.time() + 5
    while any(not t.done() for t in pending) and loop.time() < deadline:
        qapp.processEvents()
    loop.stop()  # qasync keeps an already_running loop "running" until told otherwise
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def qt_loop(session_qt_loop: asyncio.AbstractEventLoop) -> Iterator[asyncio.AbstractEventLoop]:
    """The qasync loop, marked running, driven by the Qt event processing qtbot does.

    An exception raised in any loop callback (a delayed save, a task's done-callback, a
    task nobody awaited) fails the test, as in qasync's own test fixture: otherwise it is
    only logged, and the test passes over a bug.
    """
    raised: list[dict[str, Any]] = []
    session_qt_loop.set_exception_handler(lambda _loop, context: raised.append(context))
    asyncio.set_event_loop(session_qt_loop)
    asyncio.events._set_running_loop(session_qt_loop)
    # As the app does (qasync does not): SDK iterators abandoned mid-stream are finalised
    # on the loop, not wherever the collector happens to run.
    hooks = sys.get_asyncgen_hooks()
    loop: Any = session_qt_loop
    sys.set_asyncgen_hooks(
        firstiter=loop._asyncgen_firstiter_hook, finalizer=loop._asyncgen_finalizer_hook
    )
    yield session_qt_loop
    sys.set_asyncgen_hooks(*hooks)
    asyncio.events._set_running_loop(None)
    session_qt_loop.set_exception_handler(None)
    if raised:
        what = "; ".join(f"{c.get('message')}: {c.get('exception')!r}" for c in raised)
        pytest.fail(f"an exception was raised in a loop callback: {what}")


@pytest.fixture
def make_window(
    qtbot: Any, qt_loop: asyncio.AbstractEventLoop, api_server: Any
) -> Iterator[Callable[..., MainWindow]]:
    """Build the app's main window talking to the embedded server with key "test-key".

    ``retries=False`` (the default) turns off the app's own retries (tests of them ask for
    them); ``store`` and ``drafts`` attach a real conversations database / draft store in the
    test's own data folder.
    """
    stores: list[Store] = []

    def make(
        settings: Settings | None = None,
        *,
        store: bool = False,
        drafts: bool = False,
        retries: bool = False,
    ) -> MainWindow:
        ready: asyncio.Future[None] = qt_loop.create_future()
        ready.set_result(None)
        controller = ChatController(
            Conversation(),
            settings or Settings(),
            lambda: "test-key",
            ready,
            base_url=api_server.base_url,
        )
        if not retries:
            controller.retry_policy = RetryPolicy(max_attempts=1)
        win = MainWindow(controller)
        if store:
            stores.append(Store.open())
            win.attach_store(stores[-1])
        if drafts:
            win.attach_drafts(DraftStore())
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    for s in stores:
        s.close()

"""Widget tests: asyncio runs on Qt's event loop (qasync), as in the app: one loop for all,
running only while a widget test runs (so that other tests may still use asyncio.run)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import qasync


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
    """The qasync loop, marked running, driven by the Qt event processing qtbot does."""
    asyncio.set_event_loop(session_qt_loop)
    asyncio.events._set_running_loop(session_qt_loop)
    yield session_qt_loop
    asyncio.events._set_running_loop(None)

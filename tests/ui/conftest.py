"""Widget tests: asyncio runs on Qt's event loop (qasync), as in the app: one loop for all."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import qasync


@pytest.fixture(scope="session")
def qt_loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop marked running, driven by the Qt event processing qtbot does."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
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

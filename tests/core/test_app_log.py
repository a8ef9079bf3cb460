"""The log file: keys never reach it, it rotates, and every unhandled error lands in it once."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_chat.core import app_log
from desktop_chat.core.paths import data_dir

KEY = "sk-ant-api03-" + "A1b2C3d4" * 11 + "-xyzAA"


@pytest.fixture
def log_file() -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = app_log.install()
    app_log.errors.reset()
    yield path
    app_log.uninstall()
    app_log.errors.reset()
    app_log.errors.notify = None
    root.setLevel(level)


def text_of(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text("utf-8")


def test_the_log_lives_in_the_data_folder(log_file: Path) -> None:
    assert log_file == data_dir() / "logs" / "desktop-chat.log"
    assert app_log.current_path() == log_file
    logging.getLogger("desktop_chat.test").info("hello %s", "there")
    line = text_of(log_file).splitlines()[-1]
    assert line.endswith("desktop_chat.test [MainThread] hello there")
    assert line[:4].isdigit() and " INFO " in line  # a timestamp first


def test_installing_twice_keeps_one_handler(log_file: Path) -> None:
    app_log.install()
    logging.getLogger("desktop_chat.test").warning("once")
    assert text_of(log_file).count("once") == 1


def test_a_key_never_reaches_the_file(log_file: Path) -> None:
    logger = logging.getLogger("desktop_chat.test")
    logger.warning("key in the message %s", KEY)
    logger.warning("key in %(what)s", {"what": f"a mapping {KEY}"})
    try:
        raise RuntimeError(f"failed with key={KEY}")
    except RuntimeError:
        logger.exception("key in a traceback")

    text = text_of(log_file)
    assert "sk-ant-api03" not in text and "A1b2C3d4" not in text
    assert text.count("sk-ant-…[redacted]") == 3
    assert "RuntimeError: failed with key=sk-ant-…[redacted]" in text


def test_the_file_rotates_at_1_mb_keeping_three(log_file: Path) -> None:
    logger = logging.getLogger("desktop_chat.test")
    line = "x" * 1000
    for n in range(5000):  # about 5 MB
        logger.info("%d %s", n, line)
    names = sorted(p.name for p in log_file.parent.iterdir())
    assert names == [
        "desktop-chat.log",
        "desktop-chat.log.1",
        "desktop-chat.log.2",
        "desktop-chat.log.3",
    ]
    for path in log_file.parent.iterdir():
        assert path.stat().st_size <= app_log.MAX_BYTES
    assert "4999 " in text_of(log_file)


def test_an_unhandled_error_is_logged_once_and_told_once(log_file: Path) -> None:
    told: list[str] = []
    app_log.errors.notify = told.append

    def fail() -> None:
        raise ValueError(f"bad thing with {KEY}")

    for _ in range(10):
        try:
            fail()
        except ValueError:
            app_log.log_unhandled(*sys.exc_info())

    text = text_of(log_file)
    assert text.count("ERROR   desktop_chat.unhandled") == 1
    assert text.count("Traceback") == 1 and "in fail" in text
    assert "unhandled ValueError again (10 times so far)" in text
    assert KEY not in text
    assert len(told) == 1
    assert told[0].startswith(
        "Something went wrong (ValueError: bad thing with sk-ant-…[redacted])"
    )
    assert str(log_file) in told[0]


def test_different_errors_are_each_logged(log_file: Path) -> None:
    for exc in (KeyError("a"), TypeError("b")):
        try:
            raise exc
        except Exception:
            app_log.log_unhandled(*sys.exc_info())
    text = text_of(log_file)
    assert "unhandled KeyError" in text and "unhandled TypeError" in text


def test_an_error_in_an_asyncio_task_reaches_the_file(log_file: Path) -> None:
    async def slot() -> None:  # as an async Qt slot whose task nobody awaits
        raise RuntimeError("inside a task")

    async def main() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(app_log.log_loop_exception)
        task = loop.create_task(slot(), name="on_send")
        await asyncio.sleep(0.01)
        assert task.done()
        del task
        gc.collect()  # "Task exception was never retrieved" goes to the handler
        loop.call_soon(lambda: 1 / 0)  # and an error in a plain callback
        await asyncio.sleep(0.01)

    asyncio.run(main())
    text = text_of(log_file)
    assert "unhandled RuntimeError in on_send (Task exception was never retrieved)" in text
    assert "RuntimeError: inside a task" in text and "in slot" in text
    assert "unhandled ZeroDivisionError (Exception in callback" in text


def test_a_loop_error_without_an_exception_is_logged(log_file: Path) -> None:
    loop = asyncio.new_event_loop()
    try:
        for _ in range(3):
            app_log.log_loop_exception(loop, {"message": "something odd", "detail": 42})
    finally:
        loop.close()
    text = text_of(log_file)
    assert text.count("event loop: something odd [detail=42]") == 1


def test_an_error_in_a_thread_reaches_the_file(log_file: Path) -> None:
    previous = threading.excepthook
    threading.excepthook = app_log.log_thread_exception
    try:
        worker = threading.Thread(target=lambda: [][1], name="key-lookup")
        worker.start()
        worker.join()
    finally:
        threading.excepthook = previous
    assert "unhandled IndexError in thread key-lookup" in text_of(log_file)


def test_install_hooks_routes_everything(log_file: Path) -> None:
    previous = sys.excepthook, threading.excepthook
    loop = asyncio.new_event_loop()
    try:
        app_log.install_hooks(notify=print, loop=loop)
        assert sys.excepthook is app_log.log_unhandled
        assert threading.excepthook is app_log.log_thread_exception
        assert loop.get_exception_handler() is app_log.log_loop_exception
        assert app_log.errors.notify is print
    finally:
        sys.excepthook, threading.excepthook = previous
        loop.close()


def test_a_failing_notifier_does_not_loop(log_file: Path) -> None:
    def broken(_: str) -> None:
        raise OSError("no window")

    app_log.errors.notify = broken
    try:
        raise LookupError("x")
    except LookupError:
        app_log.log_unhandled(*sys.exc_info())
    assert "the unhandled-error notifier failed" in text_of(log_file)

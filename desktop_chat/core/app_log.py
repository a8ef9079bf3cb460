"""The app's log file, and what happens to an error nobody caught.

:func:`install` adds a rotating log file in the data folder (``logs/desktop-chat.log``,
1 MB, three old files kept) to the root logger. Its handler carries the
:class:`~desktop_chat.core.redaction.RedactingFilter`, so an API key in a message, an
argument or a traceback never reaches the disk.

:func:`log_unhandled` (a ``sys.excepthook``), :func:`log_loop_exception` (an asyncio loop's
exception handler, which sees what fails inside tasks and callbacks, async Qt slots
included) and :func:`log_thread_exception` (a ``threading.excepthook``) write each distinct
error once with its traceback, count its repeats, and tell the ``notify`` callback once,
so that the window can say so once without being flooded, and without dying.
:func:`install_hooks` sets all three.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop_chat.core import paths
from desktop_chat.core.i18n import translate
from desktop_chat.core.redaction import RedactingFilter, redact

log = logging.getLogger("desktop_chat.unhandled")

LOG_FOLDER = "logs"
LOG_FILE = "desktop-chat.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

Notify = Callable[[str], None]
"""Told once per distinct unhandled error, in words for the user; called from the thread
where the error happened (a Qt receiver must hop to the UI thread, e.g. by a signal)."""

_handler: logging.handlers.RotatingFileHandler | None = None


# section: the log file


def install(data_dir: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to ``data_dir/logs/desktop-chat.log`` (``data_dir()`` by default); its path.

    Calling it again replaces the file handler it added before. The root logger's level is
    lowered to ``level`` if it was higher, so records of that level reach the file.
    """
    global _handler
    folder = (data_dir if data_dir is not None else paths.data_dir()) / LOG_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    uninstall()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setLevel(level)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    _handler = handler
    return path


def uninstall() -> None:
    """Remove and close the file handler :func:`install` added, if any."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def current_path() -> Path | None:
    """The log file being written, if :func:`install` ran."""
    return Path(_handler.baseFilename) if _handler is not None else None


# section: unhandled errors


class UnhandledErrors:
    """Logs each distinct unhandled error once, with its traceback; counts the repeats.

    Two errors are the same when they are of the same type and were raised along the same
    lines of code. A repeat is logged in one line at the 10th, 100th, 1000th… time.
    """

    def __init__(self, logger: logging.Logger = log, notify: Notify | None = None) -> None:
        self.logger = logger
        self.notify = notify
        self._counts: dict[tuple[Any, ...], int] = {}
        self._lock = threading.Lock()

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        *,
        where: str = "",
    ) -> bool:
        """Log an error; True if it is the first of its kind (the user is told then)."""
        key = _error_key(exc_type, exc, tb)
        with self._lock:
            count = self._counts.get(key, 0) + 1
            self._counts[key] = count
        name = exc_type.__qualname__
        if count > 1:
            if _is_power_of_ten(count):
                self.logger.warning("unhandled %s%s again (%d times so far)", name, where, count)
            return False
        info = (exc_type, exc, tb) if exc is not None else None
        self.logger.error("unhandled %s%s", name, where, exc_info=info)
        if self.notify is not None:
            try:
                self.notify(self.summary(exc_type, exc))
            except Exception:  # a broken notifier must not recurse into this hook
                self.logger.exception("the unhandled-error notifier failed")
        return True

    def summary(self, exc_type: type[BaseException], exc: BaseException | None) -> str:
        """One sentence for the user about an error (no traceback; keys taken out)."""
        detail = redact(str(exc)) if exc is not None else ""
        if len(detail) > 200:
            detail = detail[:199] + "…"
        what = f"{exc_type.__name__}: {detail}" if detail else exc_type.__name__
        where = current_path()
        logged = (
            translate("AppLog", " Details are in {where}.").format(where=where)
            if where is not None
            else ""
        )
        return translate(
            "AppLog", "Something went wrong ({what}). The app carries on.{logged}"
        ).format(what=what, logged=logged)

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """For ``sys.excepthook``: Ctrl+C in a terminal still stops the app as usual."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc or exc_type(), tb)
            return
        self.report(exc_type, exc, tb)

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """For ``loop.set_exception_handler``: errors in tasks, callbacks and async slots."""
        del loop
        exc = context.get("exception")
        message = str(context.get("message") or "")
        task = context.get("task") or context.get("future")
        where = f" in {task.get_name()}" if isinstance(task, asyncio.Task) else ""
        if message:
            where += f" ({message})"
        if isinstance(exc, BaseException):
            self.report(type(exc), exc, exc.__traceback__, where=where)
            return
        key = ("loop", message)  # no exception: a message such as "Task was destroyed…"
        with self._lock:
            count = self._counts.get(key, 0) + 1
            self._counts[key] = count
        if count == 1 or _is_power_of_ten(count):
            self.logger.error("event loop: %s%s", message or "an error", _context_text(context))

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """For ``threading.excepthook``."""
        if args.exc_type is SystemExit:
            return
        name = f" in thread {args.thread.name}" if args.thread is not None else ""
        self.report(args.exc_type, args.exc_value, args.exc_traceback, where=name)

    def reset(self) -> None:
        """Forget the errors seen (each is then logged and told anew)."""
        with self._lock:
            self._counts.clear()


def _error_key(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> tuple[Any, ...]:
    place = tuple((f.f_code.co_filename, line) for f, line in traceback.walk_tb(tb))
    if not place:  # no traceback to tell places apart: the message has to
        return (exc_type.__module__, exc_type.__qualname__, str(exc))
    return (exc_type.__module__, exc_type.__qualname__, place[-10:])


def _is_power_of_ten(n: int) -> bool:
    while n >= 10 and n % 10 == 0:
        n //= 10
    return n == 1


def _context_text(context: dict[str, Any]) -> str:
    parts = [f"{k}={v!r}" for k, v in context.items() if k not in ("message", "exception")]
    return (" [" + ", ".join(parts) + "]") if parts else ""


errors = UnhandledErrors()
"""The app's one instance; the module functions below are its methods."""


def log_unhandled(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> None:
    """A ``sys.excepthook``: log the error once (and tell the notifier once)."""
    errors.excepthook(exc_type, exc, tb)


def log_loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """An asyncio exception handler: ``loop.set_exception_handler(log_loop_exception)``."""
    errors.loop_handler(loop, context)


def log_thread_exception(args: threading.ExceptHookArgs) -> None:
    """A ``threading.excepthook``."""
    errors.thread_hook(args)


def install_hooks(
    notify: Notify | None = None, loop: asyncio.AbstractEventLoop | None = None
) -> None:
    """Route unhandled errors of the process, its threads and ``loop`` to the log."""
    errors.notify = notify
    sys.excepthook = log_unhandled
    threading.excepthook = log_thread_exception
    if loop is not None:
        loop.set_exception_handler(log_loop_exception)

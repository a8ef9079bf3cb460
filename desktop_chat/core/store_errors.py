"""What can go wrong with the conversations database, in words for the user.

Every SQLite or file-system fault comes out of the store as a ``StoreError`` whose ``str()``
is one sentence or two for the user and whose ``kind`` says what went wrong, so the caller
can keep what is unsaved and try again later.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import Literal

from desktop_chat.core.i18n import translate

ErrorKind = Literal[
    "corrupt",
    "locked",
    "read_only",
    "disk_full",
    "io",
    "gone",
    "cannot_open",
    "not_found",
    "conflict",
    "search_off",
    "other",
]


class StoreError(Exception):
    """A database fault, worded for the user. ``kind`` tells faults apart for the code."""

    def __init__(self, message: str, kind: ErrorKind = "other", path: Path | None = None):
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.path = path


# Primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def classify(exc: sqlite3.Error) -> ErrorKind:
    """What kind of fault ``exc`` is, from its result code or, failing that, its text."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "not a database" in text:
        return "corrupt"
    if "malformed" in text:
        return "corrupt"
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return "locked"
    if primary in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
        return "read_only"
    if primary == _SQLITE_FULL or "disk is full" in text:
        return "disk_full"
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return "io"
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        return "cannot_open"
    return "other"


def _os_kind(exc: OSError) -> ErrorKind:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return "disk_full"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "read_only"
    return "cannot_open"


def store_error(exc: sqlite3.Error | OSError, path: Path) -> StoreError:
    """``exc`` as a StoreError that says what happened to ``path`` and what to do."""
    if isinstance(exc, OSError):
        kind = _os_kind(exc)
        reason = exc.strerror or str(exc)
        if kind == "cannot_open":
            return StoreError(
                translate(
                    "StoreErrors", "Cannot use the conversations database {path}: {reason}."
                ).format(path=path, reason=reason),
                kind,
                path,
            )
    else:
        kind = classify(exc)
        reason = str(exc)
        if kind == "io" and _read_only_disk(path):
            kind = "read_only"  # SQLite says "disk I/O error" for EROFS
    messages: dict[ErrorKind, str] = {
        "corrupt": (
            translate(
                "StoreErrors",
                "The conversations database {path} is damaged or is not a database ({reason}). It "
                "was left untouched: move it aside, or put a backup in its place, and start again.",
            ).format(path=path, reason=reason)
        ),
        "locked": (
            translate(
                "StoreErrors",
                "The conversations database {path} is busy: another program is using it "
                "({reason}). Close other copies of desktop-chat and try again.",
            ).format(path=path, reason=reason)
        ),
        "read_only": (
            translate(
                "StoreErrors",
                "The conversations database {path} is read-only ({reason}); conversations cannot "
                "be saved. Check the permissions of the file and of its folder, and that the disk "
                "is not mounted read-only.",
            ).format(path=path, reason=reason)
        ),
        "disk_full": (
            translate(
                "StoreErrors",
                "The disk holding {path} is full ({reason}): the change was not saved. Free some "
                "space; what was saved before is intact.",
            ).format(path=path, reason=reason)
        ),
        "io": (
            translate(
                "StoreErrors",
                "The disk holding {path} failed to write ({reason}): the change was not saved. "
                "The disk may have been removed, turned read-only or be failing; what was saved "
                "before is intact.",
            ).format(path=path, reason=reason)
        ),
        "cannot_open": (
            translate(
                "StoreErrors",
                "Cannot open the conversations database {path} ({reason}). Check that its folder "
                "exists and is writable.",
            ).format(path=path, reason=reason)
        ),
        "other": translate(
            "StoreErrors", "Conversations database error in {path}: {reason}."
        ).format(path=path, reason=reason),
    }
    return StoreError(messages.get(kind, messages["other"]), kind, path)


def _read_only_disk(path: Path) -> bool:
    """Whether the disk holding ``path`` refuses writes (EROFS), as a disk that failed
    turns read-only (ext4 errors=remount-ro does not show in statvfs: ask the disk)."""
    probe = path.with_name(f".{path.name}.write-probe-{os.getpid()}")
    try:
        fd = os.open(probe, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        return exc.errno == errno.EROFS
    os.close(fd)
    with suppress(OSError):
        os.unlink(probe)
    return False


def not_found(
    item_id: str, path: Path, what: str = translate("StoreErrors", "Conversation")
) -> StoreError:
    return StoreError(
        translate("StoreErrors", "{what} {item_id} is not in {path}.").format(
            what=what, item_id=item_id, path=path
        ),
        "not_found",
        path,
    )

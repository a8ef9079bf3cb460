"""The files around the conversations database: its lock, its checkpoints, its identity.

The store keeps its database open for the whole session. If the file is deleted or replaced
meanwhile (a sync tool, a clean-up script, a user in a file manager), SQLite keeps writing
to the open, now nameless, file and everything saved after is lost at quit. ``FileIdentity``
notices: it remembers which file was opened (device and inode) and says, in words, when the
path no longer leads to it.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from contextlib import suppress
from pathlib import Path

from desktop_chat.core.i18n import translate
from desktop_chat.core.store_errors import StoreError

FALLBACK_AUTOCHECKPOINT_PAGES = 10_000  # ~40 MB of WAL, if the checkpoint thread is stuck


class FileIdentity:
    """Which file a path led to when the database was opened."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = self._stat_key()

    def _stat_key(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def problem(self) -> str | None:
        """None while the path still leads to the file opened; else what happened to it."""
        key = self._stat_key()
        if key == self._key:
            return None
        if key is None:
            return translate(
                "StoreFiles",
                "The conversations database {path} was deleted or moved while the app was "
                "running: nothing more can be saved to it. The conversations open here are still "
                "readable; save them again (or export them) before quitting.",
            ).format(path=self.path)
        return translate(
            "StoreFiles",
            "The conversations database {path} was replaced by another file while the app was "
            "running: nothing more is saved, so as not to write into a file that is not the one "
            "opened. Export what you need, then restart the app.",
        ).format(path=self.path)

    def replaced(self) -> bool:
        """Whether the path now leads to another file."""
        key = self._stat_key()
        return key is not None and key != self._key

    def refresh(self) -> None:
        """Remember the file the path leads to now (after writing it again)."""
        self._key = self._stat_key()


class Checkpointer:
    """Copies the WAL back into the database from a thread of its own, every second.

    SQLite's automatic checkpoint runs inside the commit that crosses its threshold and
    fsyncs there: on the UI thread that is a 10-20 ms stall every few MB saved. A PASSIVE
    checkpoint from another connection never blocks the writer, and sqlite3 releases the
    GIL while it works.
    """

    def __init__(self, path: Path, interval_s: float = 1.0) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(path, interval_s), name="store-checkpoint", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path, interval_s: float) -> None:
        try:
            # mode=rw: never create an empty database where the real one has gone missing.
            db = sqlite3.connect(
                f"{path.absolute().as_uri()}?mode=rw", uri=True, isolation_level=None
            )
        except sqlite3.Error:
            return  # the fallback autocheckpoint still bounds the WAL
        try:
            while not self._stop.wait(interval_s):
                with suppress(sqlite3.Error):
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            db.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def set_journal_aside(path: Path) -> None:
    """Rename the WAL and shared-memory files beside ``path`` out of the way.

    Once the database file was replaced by another, the WAL beside it still holds this
    connection's last transactions; SQLite would apply them to the new file when it is next
    opened, damaging it. The open connection keeps using them through its file handles.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for suffix in ("-wal", "-shm"):
        journal = Path(f"{path}{suffix}")
        with suppress(OSError):
            journal.rename(journal.with_name(f"{journal.name}.set-aside-{stamp}-{os.getpid()}"))


def refuse_read_only(path: Path) -> None:
    """Raise StoreError if ``path`` (or its folder) cannot be written."""
    # SQLite opens a read-only file read-only without a word and fails at the first write;
    # say it up front instead. (Root passes these checks: it can write anyway.)
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(
            translate(
                "StoreFiles",
                "The conversations database {path} is read-only; conversations cannot be saved. "
                "Check the permissions of the file.",
            ).format(path=path),
            "read_only",
            path,
        )
    if not os.access(path.parent, os.W_OK):
        raise StoreError(
            translate(
                "StoreFiles",
                "The folder {parent} is read-only; the conversations database needs to write "
                "there (it keeps its journal next to the database). Check its permissions.",
            ).format(parent=path.parent),
            "read_only",
            path,
        )


def try_lock(path: Path) -> int | None:
    """An exclusive, non-blocking lock on ``path`` (created if need be); its fd, or None."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    os.close(fd)  # on POSIX, closing the file releases the flock


def has_data(db: sqlite3.Connection) -> bool:
    """Whether the database holds conversations (or, if it is not ours, any row at all)."""
    ours = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conversations'"
    ).fetchone()
    if ours:
        return db.execute("SELECT 1 FROM conversations LIMIT 1").fetchone() is not None
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name != '_migrations'"
        )
    ]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        try:
            if db.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone():
                return True
        except sqlite3.OperationalError:
            continue  # e.g. a virtual table whose module is missing
    return False

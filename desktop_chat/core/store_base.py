"""The store's plumbing: one connection, write transactions that turn faults into
``StoreError`` (and survive a damaged search index), read snapshots, the file's identity.

``Store`` (``store.py``) is built on it; ``ConversationRecords`` (``store_conversations.py``)
holds the conversation queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from desktop_chat.core import search_index
from desktop_chat.core.store_errors import StoreError, store_error
from desktop_chat.core.store_files import (
    Checkpointer,
    FileIdentity,
    set_journal_aside,
    try_lock,
)

_T = TypeVar("_T")


class StoreBase:
    """What every part of the store shares: the connection, its transactions and faults,
    the file's identity and the search index's repair. ``Store`` is the whole.

    Attributes:
        path: The database file.
        backups: Backups written while opening (before migrating).
        search_problem: None while search works; else a note for the user saying why it
            is off (the index was damaged and could not be rebuilt).
        search_repaired: Whether a damaged search index was rebuilt in this session.
    """

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        """Use ``Store.open()``: it configures and migrates the connection."""
        self._db = db
        self.path = path
        self.backups: list[Path] = []
        self.search_problem: str | None = None
        self.search_repaired = False
        self._lock_fd = try_lock(path.with_name(path.name + ".lock"))
        self._checkpointer: Checkpointer | None = None
        self._identity = FileIdentity(path)
        self._journal_set_aside = False

    @property
    def primary(self) -> bool:
        """Whether this is the only Store open on the database (in any process).

        Held with an OS file lock that dies with its process: when a Store is primary, no
        reply saved as ``streaming`` can still be streaming.
        """
        return self._lock_fd is not None

    # -- the file -------------------------------------------------------------------------

    def check_file(self) -> str | None:
        """None while the database file is the one opened; else what happened to it (deleted,
        moved or replaced), in words for the user. Cheap (one ``stat``): poll it.

        While there is a problem every write raises StoreError(kind="gone"), so nothing is
        written where no one will find it; ``save_again()`` ends a deletion.
        """
        problem = self._identity.problem()
        if problem is not None and not self._journal_set_aside and self._identity.replaced():
            set_journal_aside(self.path)
            self._journal_set_aside = True
        return problem

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _faults(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc

    def _write(self, action: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``action`` in a write transaction, all or nothing; faults become StoreError.

        A fault of the search index is repaired (or search switched off) and the write tried
        once more: a damaged index never stops anyone saving.
        """
        if problem := self.check_file():
            raise StoreError(problem, "gone", self.path)
        for attempt in range(2):
            try:
                return self._transaction(action)
            except sqlite3.Error as exc:
                if attempt == 0 and self._repair_after(exc):
                    continue
                raise store_error(exc, self.path) from exc
        raise AssertionError("unreachable")

    def _transaction(self, action: Callable[[sqlite3.Connection], _T]) -> _T:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            result = action(db)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (disk full)
                with suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            raise
        return result

    def _repair_after(self, exc: sqlite3.Error) -> bool:
        if not search_index.looks_like_index_fault(exc):
            return False
        fault = search_index.check(self._db) or search_index.deep_check(self._db)
        return fault is not None and self._repair_search_index(fault)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot across several queries."""
        with self._faults():
            self._db.execute("BEGIN")
            try:
                yield self._db
            finally:
                if self._db.in_transaction:
                    self._db.execute("COMMIT")

    def _repair_search_index(self, fault: sqlite3.Error) -> bool:
        """Rebuild the search index after ``fault``, if the index (and only the index) is
        what is damaged; return whether anything was done."""
        if not search_index.looks_like_index_fault(fault) or not _tables_intact(self._db):
            return False
        self.search_problem = search_index.repair(self._db)
        self.search_repaired = self.search_problem is None
        return True


def _tables_intact(db: sqlite3.Connection) -> bool:
    """Whether the conversations and messages themselves read without a fault."""
    try:
        return all(
            db.execute(f"PRAGMA quick_check({table})").fetchone()[0] == "ok"
            for table in ("conversations", "messages")
        )
    except sqlite3.Error:
        return False

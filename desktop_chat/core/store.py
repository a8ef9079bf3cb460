"""The conversations database: SQLite (stdlib ``sqlite3``) in the data dir, WAL mode.

One ``Store`` per process, used from one thread (the UI thread: every call is short). Writes
are small transactions; ``update_message()``, called while a reply streams, is one UPDATE,
and the WAL is checkpointed from a thread of its own so that no save waits on an fsync.

The first Store open on a database holds an OS lock beside it (``conversations.db.lock``);
the OS drops it when the process dies. That is how ``mark_streaming_as_interrupted()`` tells
a reply left half-written by a crash from one that another running process is streaming.

Deleting is soft: ``delete()`` moves a conversation to the trash (``deleted_at``), where it is
out of ``list_conversations()`` and ``search()`` but kept whole; ``undelete()`` brings it back
and ``purge_deleted()`` removes it for good. So undo is one UPDATE however long the
conversation, and a crash between delete and undo loses nothing.

The class is in three parts: ``StoreBase`` (``store_base``: the connection, transactions,
faults), ``ConversationRecords`` (``store_conversations``: the conversation queries) and
``Store`` here (opening, backups, messages, search).

Every SQLite or file-system fault comes out as a ``StoreError`` (``store_errors``) whose
``str()`` is a sentence for the user and whose ``kind`` says what went wrong: a failed write
changed nothing, so the caller keeps what it could not save and tries again. Text SQLite
cannot hold (lone surrogates) is made valid on the way in (``store_rows``). A damaged search
index is rebuilt, or search switched off with a note (``search_index``); a database file
deleted or replaced while open is noticed (``check_file()``) and a deleted one can be
written again (``save_again()``). Nothing here ever deletes, truncates or replaces a
database file to recover from a fault; before migrating a database that holds
conversations, a backup copy is written next to it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any

from desktop_chat.core import migrations, search_index
from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.i18n import translate
from desktop_chat.core.paths import data_dir
from desktop_chat.core.search_index import MATCH_END, MATCH_START, SearchHit, fts_query
from desktop_chat.core.store_conversations import ConversationRecords, ConversationSummary
from desktop_chat.core.store_errors import ErrorKind, StoreError, not_found, store_error
from desktop_chat.core.store_files import (
    FALLBACK_AUTOCHECKPOINT_PAGES,
    Checkpointer,
    has_data,
    refuse_read_only,
    unlock,
)
from desktop_chat.core.store_paging import PathEnd, PathPage
from desktop_chat.core.store_rows import (
    MESSAGE_COLUMNS,
    MESSAGE_PLACEHOLDERS,
    dump_opt,
    execute,
    message_row,
    message_values,
)
from desktop_chat.core.store_tool_calls import ToolCallRecords
from desktop_chat.core.store_usage import UsageRecords

__all__ = [
    "DB_NAME",
    "INTERRUPTED_BY_EXIT",
    "MATCH_END",
    "MATCH_START",
    "ConversationSummary",
    "ErrorKind",
    "PathEnd",
    "PathPage",
    "SearchHit",
    "Store",
    "StoreError",
    "default_path",
    "fts_query",
]

DB_NAME = "conversations.db"

INTERRUPTED_BY_EXIT = translate("Store", "The app stopped before this reply finished.")


def default_path() -> Path:
    """Where the conversations database lives: ``data_dir()/conversations.db``."""
    return data_dir() / DB_NAME


class Store(ConversationRecords, ToolCallRecords, UsageRecords):
    """The conversations database. Open with ``Store.open()``; ``close()`` when done.

    Attributes:
        path: The database file.
        backups: Backups written while opening (before migrating).
        search_problem: None while search works; else a note for the user saying why it
            is off (the index was damaged and could not be rebuilt).
        search_repaired: Whether a damaged search index was rebuilt in this session.
    """

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None, *, timeout: float = 5.0) -> Store:
        """Open (creating or migrating) the database at ``path``, by default in the data dir.

        ``timeout`` is how long a write waits for another process's write to finish.
        """
        try:
            path = default_path() if path is None else path
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise store_error(exc, path or Path(DB_NAME)) from exc
        refuse_read_only(path)
        try:
            db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise store_error(exc, path) from exc
        store = cls(db, path)
        try:
            store._setup()
            store._checkpointer = Checkpointer(path)
        except sqlite3.Error as exc:
            store.close()
            raise store_error(exc, path) from exc
        except BaseException:
            store.close()
            raise
        return store

    def _setup(self) -> None:
        db = self._db
        # Reading the schema first makes a file that is not a database fail here, clearly.
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        db.execute("PRAGMA foreign_keys = ON")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"cannot switch to WAL mode (journal mode is {mode})")
        # In WAL mode NORMAL is crash-safe for the database; a power cut may lose the last
        # transactions, never corrupt it.
        db.execute("PRAGMA synchronous = NORMAL")
        # Checkpoints run on a thread of their own (Checkpointer); this one is a safety net.
        db.execute(f"PRAGMA wal_autocheckpoint = {FALLBACK_AUTOCHECKPOINT_PAGES}")
        todo = migrations.pending(db)
        if todo and has_data(db):
            self.backups.append(self._backup_before(todo[0].__name__))
        migrations.migrate(db)
        if (fault := search_index.check(db)) is not None:
            self._repair_search_index(fault)

    def _backup_before(self, migration: str) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        stem = f"{self.path.stem}.backup-{stamp}-before-{migration}"
        dest = self.path.with_name(stem + self.path.suffix)
        n = 1
        while dest.exists():  # never overwrite an earlier backup
            n += 1
            dest = self.path.with_name(f"{stem}-{n}{self.path.suffix}")
        return self.backup(dest)

    def backup(self, dest: Path) -> Path:
        """Write a consistent copy of the database to ``dest`` (a new file); return it."""
        if dest.exists():
            raise StoreError(f"Will not overwrite {dest} with a backup.", "conflict", dest)
        try:
            target = sqlite3.connect(dest)
            try:
                self._db.backup(target)
            finally:
                target.close()
        except sqlite3.Error as exc:
            with suppress(OSError):
                dest.unlink()  # our own half-written copy (disk full): no use to anyone
            raise store_error(exc, dest) from exc
        return dest

    def save_again(self) -> Path:
        """After the database file was deleted or moved: write everything this store holds
        (all of it is still readable through the open connection) to its path again, and
        carry on there. Returns the path.

        Raises StoreError if the file was replaced by another (that one is not overwritten),
        or if writing fails.
        """
        problem = self.check_file()
        if problem is None:
            return self.path
        if self.path.exists():
            raise StoreError(problem, "gone", self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise store_error(exc, self.path) from exc
        for stale in (Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            if stale.exists():  # what is left of the old file's journal; it belongs to no file
                with suppress(OSError):
                    stale.unlink()
        self.backup(self.path)
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        old = self._db
        try:
            self._db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            self._db = old
            raise store_error(exc, self.path) from exc
        old.close()
        self._identity.refresh()
        self._checkpointer = Checkpointer(self.path)
        return self.path

    def close(self) -> None:
        """Close the database. The Store is unusable afterwards."""
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        with suppress(sqlite3.Error):  # only an optimisation: closing must not fail for it
            if self.check_file() is None:
                # analysis_limit bounds the ANALYZE that optimize may run: without it,
                # closing a database holding 10^6 messages took 0.2-0.3 s.
                self._db.execute("PRAGMA analysis_limit = 400")
                self._db.execute("PRAGMA optimize")
        self._db.close()
        if self._lock_fd is not None:
            unlock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- messages -------------------------------------------------------------------------

    def append_message(
        self,
        conversation_id: str,
        message: Message,
        *,
        request_settings: Mapping[str, Any] | None = None,
    ) -> None:
        """Add ``message`` at the end of a saved conversation and mark it updated.

        ``request_settings``: the request parameters the reply was asked with (assistant).
        """
        settings = dump_opt(None if request_settings is None else dict(request_settings))

        def action(db: sqlite3.Connection) -> None:
            cur = db.execute(
                "UPDATE conversations SET updated_at = ? WHERE id = ?",
                (max(time.time(), message.created_at), conversation_id),
            )
            if cur.rowcount == 0:
                raise not_found(conversation_id, self.path)
            execute(
                db,
                f"""
                INSERT INTO messages (
                    conversation_id, position, request_settings, {MESSAGE_COLUMNS})
                VALUES (
                    ?,
                    (SELECT coalesce(max(position), -1) + 1 FROM messages
                     WHERE conversation_id = ?),
                    ?, {MESSAGE_PLACEHOLDERS})
                """,
                (conversation_id, conversation_id, settings, *message_row(message)),
            )

        self._write(action)

    def update_message(self, message: Message) -> None:
        """Save a message's content and metadata again (the streaming reply, as it grows).

        One UPDATE, its own transaction: cheap enough to call every 500 ms.
        """
        params = (*message_values(message), message.id)

        def action(db: sqlite3.Connection) -> None:
            cur = execute(
                db,
                """
                UPDATE messages SET content = ?, model = ?, api_message_id = ?, request_id = ?,
                    stop_reason = ?, stop_details = ?, usage = ?, metrics = ?, status = ?,
                    error = ?
                WHERE id = ?
                """,
                params,
            )
            if cur.rowcount == 0:
                raise not_found(message.id, self.path, what="Message")

        self._write(action)

    def request_settings(self, message_id: str) -> dict[str, Any] | None:
        """The request parameters saved with a message by ``append_message()``."""
        with self._faults():
            row = self._db.execute(
                "SELECT request_settings FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
        if row is None:
            raise not_found(message_id, self.path, what="Message")
        settings: dict[str, Any] | None = None if row[0] is None else json.loads(row[0])
        return settings

    def mark_streaming_as_interrupted(self) -> int:
        """At start-up: replies left ``streaming`` (the app died mid-reply) become
        ``interrupted``. Returns how many.

        Does nothing (returns 0) unless this Store is ``primary``: while another process
        has the database open, its replies may really be streaming.
        """
        if not self.primary:
            return 0
        return self._write(
            lambda db: (
                db.execute(
                    "UPDATE messages SET status = ?, error = coalesce(error, ?) WHERE status = ?",
                    (str(Status.INTERRUPTED), INTERRUPTED_BY_EXIT, str(Status.STREAMING)),
                ).rowcount
            )
        )

    # -- search ---------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Conversations whose title, and messages whose text or thinking, hold every word
        of ``query`` (the last one as a prefix, see ``fts_query``).

        Title hits come first (at most a fifth of ``limit``), newest conversation first;
        then message hits, most recently saved first. Recency rather than relevance: FTS5
        walks its index newest-first and stops at ``limit``, while ranking by relevance (or
        by ``updated_at``) scores and sorts every match: 200 ms for a common word over
        10,000 conversations, against 4 ms. Replies still streaming are not searchable
        until they end.

        Raises StoreError(kind="search_off") with ``search_problem`` while search is off;
        a damaged index found here is rebuilt first.
        """
        if self.search_problem is not None:
            raise StoreError(self.search_problem, "search_off", self.path)
        try:
            with self._faults():
                self._db.execute("BEGIN")
                try:
                    return search_index.search(self._db, query, limit)
                finally:
                    if self._db.in_transaction:
                        self._db.execute("COMMIT")
        except StoreError as exc:
            cause = exc.__cause__
            if not isinstance(cause, sqlite3.Error) or not self._repair_after(cause):
                raise
        if self.search_problem is not None:
            raise StoreError(self.search_problem, "search_off", self.path)
        with self._read() as db:
            return search_index.search(db, query, limit)

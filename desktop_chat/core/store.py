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
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from desktop_chat.core import migrations, search_index, store_paging
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.paths import data_dir
from desktop_chat.core.search_index import MATCH_END, MATCH_START, SearchHit, fts_query
from desktop_chat.core.store_errors import ErrorKind, StoreError, not_found, store_error
from desktop_chat.core.store_files import (
    FALLBACK_AUTOCHECKPOINT_PAGES,
    Checkpointer,
    FileIdentity,
    has_data,
    refuse_read_only,
    set_journal_aside,
    try_lock,
    unlock,
)
from desktop_chat.core.store_paging import PathEnd, PathPage
from desktop_chat.core.store_rows import (
    MESSAGE_COLUMNS,
    MESSAGE_PLACEHOLDERS,
    dump,
    dump_opt,
    execute,
    execute_many,
    message_from_row,
    message_row,
    message_values,
)

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

INTERRUPTED_BY_EXIT = "The app stopped before this reply finished."

_T = TypeVar("_T")


@dataclass(frozen=True)
class ConversationSummary:
    """A row of the conversation list."""

    id: str
    title: str
    created_at: float
    updated_at: float
    message_count: int


def default_path() -> Path:
    """Where the conversations database lives: ``data_dir()/conversations.db``."""
    return data_dir() / DB_NAME


class Store:
    """The conversations database. Open with ``Store.open()``; ``close()`` when done.

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

    def _repair_search_index(self, fault: sqlite3.Error) -> bool:
        """Rebuild the search index after ``fault``, if the index (and only the index) is
        what is damaged; return whether anything was done."""
        if not search_index.looks_like_index_fault(fault) or not _tables_intact(self._db):
            return False
        self.search_problem = search_index.repair(self._db)
        self.search_repaired = self.search_problem is None
        return True

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

    # -- conversations --------------------------------------------------------------------

    def list_conversations(
        self, limit: int | None = None, offset: int = 0
    ) -> list[ConversationSummary]:
        """Conversations not in the trash, most recently updated first; ``limit`` of them
        from ``offset`` (all by default: 40 ms for 10,000, so page a long list)."""
        with self._faults():
            rows = self._db.execute(
                """
                SELECT c.id, c.title, c.created_at, c.updated_at, c.message_count
                FROM conversations AS c WHERE c.deleted_at IS NULL
                ORDER BY c.updated_at DESC, c.seq DESC LIMIT ? OFFSET ?
                """,
                (-1 if limit is None else limit, offset),
            ).fetchall()
        return [ConversationSummary(*row) for row in rows]

    def conversation_ids(self) -> list[str]:
        """Ids of the conversations not in the trash, oldest first (the export order)."""
        with self._faults():
            rows = self._db.execute(
                "SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, id"
            ).fetchall()
        return [row[0] for row in rows]

    def load(self, conversation_id: str) -> Conversation:
        """The conversation with all its messages (also when it is in the trash).

        A long conversation is better opened with ``load_tail()``.
        """
        with self._read() as db:
            row = db.execute(
                "SELECT id, title, created_at, current_id FROM conversations WHERE id = ?",
                (conversation_id,),
            ).fetchone()
            if row is None:
                raise not_found(conversation_id, self.path)
            rows = db.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ?"
                " ORDER BY position",
                (conversation_id,),
            ).fetchall()
        return Conversation(
            id=row[0],
            title=row[1],
            created_at=row[2],
            messages=[message_from_row(r) for r in rows],
            current_id=row[3],
        )

    def load_tail(self, conversation_id: str, limit: int = 100) -> PathPage:
        """The last ``limit`` messages of the conversation's shown path (what
        ``load(id).path()[-limit:]`` gives), with the sibling ids the notes under them need.

        Reads only those messages: bounded time and memory whatever the conversation's
        length (about 1 ms for 100 messages of a conversation of 10^6).
        """
        with self._read() as db:
            page = store_paging.tail(db, conversation_id, limit)
        if page is None:
            raise not_found(conversation_id, self.path)
        return page

    def load_before(self, conversation_id: str, message_id: str, limit: int = 100) -> PathPage:
        """The ``limit`` messages of the shown path just before ``message_id`` (for a view
        scrolled to the top of what it has)."""
        with self._read() as db:
            page = store_paging.before(db, conversation_id, message_id, limit)
        if page is None:
            raise not_found(message_id, self.path, what="Message")
        return page

    def newest_path_end(self) -> PathEnd | None:
        """The last message (id, role, status; no content) of the shown path of the most
        recently updated conversation: what start-up needs to offer to reopen a reply cut
        by a crash, without reading the conversation."""
        with self._read() as db:
            return store_paging.newest_path_end(db)

    def iter_conversations(self) -> Iterator[Conversation]:
        """Every conversation not in the trash, oldest first, loaded one at a time."""
        for conversation_id in self.conversation_ids():
            yield self.load(conversation_id)

    def save_conversation(self, conv: Conversation, *, current_id: str | None = None) -> None:
        """Insert ``conv``'s row, or update its title and shown path (ending at
        ``current_id``, by default ``conv.current_id``). Messages are saved separately."""
        now = time.time()
        params = (
            conv.id,
            conv.title,
            conv.created_at,
            max(now, conv.created_at),
            current_id or conv.current_id,
        )
        self._write(
            lambda db: execute(
                db,
                """
                INSERT INTO conversations (id, title, created_at, updated_at, current_id)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    title = excluded.title, current_id = excluded.current_id
                """,
                params,
            )
        )

    def add_conversations(
        self,
        convs: Sequence[Conversation],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Insert whole conversations, messages included, all or none (import, restore).

        ``progress`` is called with the number of messages inserted so far, every 10,000.
        Raises StoreError(kind="conflict") if a conversation or message id is taken.
        """

        def rows(conv: Conversation) -> Iterator[tuple[Any, ...]]:
            for i, m in enumerate(conv.messages):
                yield (conv.id, i, *message_row(m))
                if progress is not None and (i + 1) % 10_000 == 0:
                    progress(done + i + 1)

        done = 0

        def insert(db: sqlite3.Connection) -> None:
            nonlocal done
            done = 0
            for conv in convs:
                updated = max([conv.created_at, *(m.created_at for m in conv.messages)])
                try:
                    execute(
                        db,
                        "INSERT INTO conversations (id, title, created_at, updated_at, current_id)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (conv.id, conv.title, conv.created_at, updated, conv.current_id),
                    )
                    execute_many(
                        db,
                        f"INSERT INTO messages (conversation_id, position, {MESSAGE_COLUMNS})"
                        f" VALUES (?, ?, {MESSAGE_PLACEHOLDERS})",
                        rows(conv),
                    )
                except sqlite3.IntegrityError as exc:
                    raise StoreError(
                        f"Conversation {conv.id} or one of its messages is already in "
                        f"{self.path} ({exc}).",
                        "conflict",
                        self.path,
                    ) from exc
                done += len(conv.messages)
            if progress is not None:
                progress(done)

        self._write(insert)

    def existing_conversation_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are taken by a conversation (in the trash or not)."""
        return self._existing("conversations", ids)

    def existing_message_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are taken by a message."""
        return self._existing("messages", ids)

    def _existing(
        self, table: Literal["conversations", "messages"], ids: Sequence[str]
    ) -> set[str]:
        found: set[str] = set()
        with self._faults():
            for start in range(0, len(ids), 50_000):  # bounded: an import of 10^6 messages
                chunk = json.dumps(list(ids[start : start + 50_000]))
                rows = execute(
                    self._db,
                    f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                    (chunk,),
                ).fetchall()
                found.update(row[0] for row in rows)
        return found

    def rename(self, conversation_id: str, title: str) -> None:
        def action(db: sqlite3.Connection) -> None:
            cur = execute(
                db, "UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id)
            )
            if cur.rowcount == 0:
                raise not_found(conversation_id, self.path)

        self._write(action)

    def delete(self, conversation_id: str) -> None:
        """Move a conversation to the trash; ``undelete()`` undoes it."""
        self._set_deleted(conversation_id, time.time())

    def undelete(self, conversation_id: str) -> None:
        """Bring a conversation back from the trash."""
        self._set_deleted(conversation_id, None)

    def _set_deleted(self, conversation_id: str, when: float | None) -> None:
        def action(db: sqlite3.Connection) -> None:
            cur = db.execute(
                "UPDATE conversations SET deleted_at = ? WHERE id = ?", (when, conversation_id)
            )
            if cur.rowcount == 0:
                raise not_found(conversation_id, self.path)

        self._write(action)

    def deleted_ids(self) -> list[str]:
        """Conversations in the trash, most recently deleted first."""
        with self._faults():
            rows = self._db.execute(
                "SELECT id FROM conversations WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
            ).fetchall()
        return [row[0] for row in rows]

    def purge_deleted(self, before: float | None = None) -> int:
        """Remove for good the conversations put in the trash before ``before`` (default:
        all of them); return how many."""
        limit = float("inf") if before is None else before
        return self._write(
            lambda db: (
                db.execute(
                    "DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                    (limit,),
                ).rowcount
            )
        )

    def conversation_settings(self, conversation_id: str) -> dict[str, Any]:
        """The conversation's own settings (overrides of the app's), as saved."""
        with self._faults():
            row = self._db.execute(
                "SELECT settings FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        if row is None:
            raise not_found(conversation_id, self.path)
        settings: dict[str, Any] = json.loads(row[0])
        return settings

    def set_conversation_settings(self, conversation_id: str, settings: Mapping[str, Any]) -> None:
        text = dump(dict(settings))

        def action(db: sqlite3.Connection) -> None:
            cur = execute(
                db, "UPDATE conversations SET settings = ? WHERE id = ?", (text, conversation_id)
            )
            if cur.rowcount == 0:
                raise not_found(conversation_id, self.path)

        self._write(action)

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


def _tables_intact(db: sqlite3.Connection) -> bool:
    """Whether the conversations and messages themselves read without a fault."""
    try:
        return all(
            db.execute(f"PRAGMA quick_check({table})").fetchone()[0] == "ok"
            for table in ("conversations", "messages")
        )
    except sqlite3.Error:
        return False

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

Every SQLite or file-system fault comes out as a ``StoreError`` whose ``str()`` is a sentence
for the user and whose ``kind`` says what went wrong. Nothing here ever deletes, truncates or
replaces a database file to recover from a fault; before migrating a database that holds
conversations, a backup copy is written next to it.
"""

from __future__ import annotations

import html
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from desktop_chat.core import migrations
from desktop_chat.core.conversation import Conversation, Message, Metrics, Status, Usage
from desktop_chat.core.paths import data_dir
from desktop_chat.core.tools.audit import ToolCallRecord

DB_NAME = "conversations.db"

# Around each match in SearchHit.snippet; private-use characters, never in real text.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
_ELLIPSIS = "…"
_SNIPPET_TOKENS = 16

INTERRUPTED_BY_EXIT = "The app stopped before this reply finished."

ErrorKind = Literal[
    "corrupt", "locked", "read_only", "disk_full", "cannot_open", "not_found", "conflict", "other"
]


class StoreError(Exception):
    """A database fault, worded for the user. ``kind`` tells faults apart for the code."""

    def __init__(self, message: str, kind: ErrorKind = "other", path: Path | None = None):
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.path = path


@dataclass(frozen=True)
class ConversationSummary:
    """A row of the conversation list."""

    id: str
    title: str
    created_at: float
    updated_at: float
    message_count: int


@dataclass(frozen=True)
class SearchHit:
    """A search result: a message, or a conversation title when ``message_id`` is None.

    ``snippet`` is plain text with each match between ``MATCH_START`` and ``MATCH_END``.
    """

    conversation_id: str
    conversation_title: str
    message_id: str | None
    role: str | None
    snippet: str

    def spans(self) -> list[tuple[str, bool]]:
        """``snippet`` as ``(text, is_match)`` pieces."""
        out: list[tuple[str, bool]] = []
        for i, part in enumerate(self.snippet.split(MATCH_START)):
            if i == 0:
                if part:
                    out.append((part, False))
                continue
            match, _, rest = part.partition(MATCH_END)
            if match:
                out.append((match, True))
            if rest:
                out.append((rest, False))
        return out

    def snippet_html(self, tag: str = "b") -> str:
        """``snippet`` as escaped HTML with each match in ``<tag>``."""
        return "".join(
            f"<{tag}>{html.escape(text)}</{tag}>" if is_match else html.escape(text)
            for text, is_match in self.spans()
        )


def default_path() -> Path:
    """Where the conversations database lives: ``data_dir()/conversations.db``."""
    return data_dir() / DB_NAME


def fts_query(text: str) -> str | None:
    """Turn what the user typed into a safe FTS5 query; None if there is nothing to find.

    Every word becomes a quoted string (so ``"``, ``*``, ``AND``, ``(``, ``:`` are plain
    text) and all must match. The last word is a prefix unless followed by a space, so
    results follow the user as they type; but not a single letter, which would match most
    of the index and take a third of a second on a large one.
    """
    # NUL ends a string for SQLite, and control characters are no part of a word.
    text = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text)
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if not text[-1:].isspace() and sum(ch.isalnum() for ch in words[-1]) >= 2:
        quoted[-1] += "*"
    return " ".join(quoted)


# -- faults ---------------------------------------------------------------------------------

# Primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def _classify(exc: sqlite3.Error) -> ErrorKind:
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
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        return "cannot_open"
    return "other"


def _store_error(exc: sqlite3.Error | OSError, path: Path) -> StoreError:
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return StoreError(
            f"Cannot use the conversations database {path}: {reason}.", "cannot_open", path
        )
    kind = _classify(exc)
    messages: dict[ErrorKind, str] = {
        "corrupt": (
            f"The conversations database {path} is damaged or is not a database ({exc}). "
            "It was left untouched: move it aside, or put a backup in its place, and start again."
        ),
        "locked": (
            f"The conversations database {path} is busy: another program is using it ({exc}). "
            "Close other copies of desktop-chat and try again."
        ),
        "read_only": (
            f"The conversations database {path} is read-only ({exc}); conversations cannot be "
            "saved. Check the permissions of the file and of its folder."
        ),
        "disk_full": (
            f"The disk holding {path} is full ({exc}): the change was not saved. Free some "
            "space; what was saved before is intact."
        ),
        "cannot_open": (
            f"Cannot open the conversations database {path} ({exc}). Check that its folder "
            "exists and is writable."
        ),
        "other": f"Conversations database error in {path}: {exc}.",
    }
    return StoreError(messages.get(kind, messages["other"]), kind, path)


# -- rows -----------------------------------------------------------------------------------


def _dump(value: Any) -> str:
    # allow_nan=False: SQLite's JSON functions (used by the search index) refuse NaN.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _dump_opt(value: Any) -> str | None:
    return None if value is None else _dump(value)


_MESSAGE_COLUMNS = (
    "id, role, created_at, parent_id, content, model, api_message_id, request_id, stop_reason,"
    " stop_details, usage, metrics, status, error"
)
_MESSAGE_PLACEHOLDERS = ", ".join("?" * 14)


def _message_from_row(row: Sequence[Any]) -> Message:
    (
        id_,
        role,
        created_at,
        parent_id,
        content,
        model,
        api_message_id,
        request_id,
        stop_reason,
        stop_details,
        usage,
        metrics,
        status,
        error,
    ) = row
    return Message(
        role=role,
        content=json.loads(content),
        id=id_,
        created_at=created_at,
        parent_id=parent_id,
        model=model,
        api_message_id=api_message_id,
        request_id=request_id,
        stop_reason=stop_reason,
        stop_details=None if stop_details is None else json.loads(stop_details),
        usage=Usage.from_dict(json.loads(usage)),
        metrics=Metrics.from_dict(json.loads(metrics)),
        status=Status(status),
        error=error,
    )


def _message_row(m: Message) -> tuple[Any, ...]:
    """The values of ``_MESSAGE_COLUMNS``."""
    return (m.id, m.role, m.created_at, m.parent_id, *_message_values(m))


def _message_values(m: Message) -> tuple[Any, ...]:
    """The values of ``_MESSAGE_COLUMNS`` from ``content`` on: what a reply changes."""
    return (
        _dump(m.content),
        m.model,
        m.api_message_id,
        m.request_id,
        m.stop_reason,
        _dump_opt(m.stop_details),
        _dump(m.usage.to_dict()),
        _dump(m.metrics.to_dict()),
        str(m.status),
        m.error,
    )


class Store:
    """The conversations database. Open with ``Store.open()``; ``close()`` when done."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        """Use ``Store.open()``: it configures and migrates the connection."""
        self._db = db
        self.path = path
        self.backups: list[Path] = []  # backups written while opening (before migrating)
        self._lock_fd = _try_lock(path.with_name(path.name + ".lock"))
        self._checkpointer: _Checkpointer | None = None

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
            raise _store_error(exc, path or Path(DB_NAME)) from exc
        _refuse_read_only(path)
        try:
            db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise _store_error(exc, path) from exc
        store = cls(db, path)
        try:
            store._setup()
            store._checkpointer = _Checkpointer(path)
        except sqlite3.Error as exc:
            store.close()
            raise _store_error(exc, path) from exc
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
        # Checkpoints run on a thread of their own (_Checkpointer); this one is a safety net.
        db.execute(f"PRAGMA wal_autocheckpoint = {_FALLBACK_AUTOCHECKPOINT_PAGES}")
        todo = migrations.pending(db)
        if todo and _has_data(db):
            self.backups.append(self._backup_before(todo[0].__name__))
        migrations.migrate(db)

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
            raise _store_error(exc, dest) from exc
        return dest

    def close(self) -> None:
        """Close the database. The Store is unusable afterwards."""
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        with suppress(sqlite3.Error):  # only an optimisation: closing must not fail for it
            self._db.execute("PRAGMA optimize")
        self._db.close()
        if self._lock_fd is not None:
            _unlock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _faults(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; SQLite faults become StoreError."""
        with self._faults():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:  # SQLite may have rolled back already (disk full)
                    self._db.execute("ROLLBACK")
                raise

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
                SELECT c.id, c.title, c.created_at, c.updated_at,
                       (SELECT count(*) FROM messages AS m WHERE m.conversation_id = c.id)
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
        """The conversation with all its messages (also when it is in the trash)."""
        with self._read() as db:
            row = db.execute(
                "SELECT id, title, created_at, current_id FROM conversations WHERE id = ?",
                (conversation_id,),
            ).fetchone()
            if row is None:
                raise _not_found(conversation_id, self.path)
            rows = db.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ?"
                " ORDER BY position",
                (conversation_id,),
            ).fetchall()
        return Conversation(
            id=row[0],
            title=row[1],
            created_at=row[2],
            messages=[_message_from_row(r) for r in rows],
            current_id=row[3],
        )

    def iter_conversations(self) -> Iterator[Conversation]:
        """Every conversation not in the trash, oldest first, loaded one at a time."""
        for conversation_id in self.conversation_ids():
            yield self.load(conversation_id)

    def save_conversation(self, conv: Conversation, *, current_id: str | None = None) -> None:
        """Insert ``conv``'s row, or update its title and shown path (ending at
        ``current_id``, by default ``conv.current_id``). Messages are saved separately."""
        now = time.time()
        with self._write() as db:
            db.execute(
                """
                INSERT INTO conversations (id, title, created_at, updated_at, current_id)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    title = excluded.title, current_id = excluded.current_id
                """,
                (
                    conv.id,
                    conv.title,
                    conv.created_at,
                    max(now, conv.created_at),
                    current_id or conv.current_id,
                ),
            )

    def add_conversations(self, convs: Sequence[Conversation]) -> None:
        """Insert whole conversations, messages included, all or none (import, restore).

        Raises StoreError(kind="conflict") if a conversation or message id is taken.
        """
        with self._write() as db:
            for conv in convs:
                updated = max([conv.created_at, *(m.created_at for m in conv.messages)])
                try:
                    db.execute(
                        "INSERT INTO conversations (id, title, created_at, updated_at, current_id)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (conv.id, conv.title, conv.created_at, updated, conv.current_id),
                    )
                    db.executemany(
                        f"INSERT INTO messages (conversation_id, position, {_MESSAGE_COLUMNS})"
                        f" VALUES (?, ?, {_MESSAGE_PLACEHOLDERS})",
                        [(conv.id, i, *_message_row(m)) for i, m in enumerate(conv.messages)],
                    )
                except sqlite3.IntegrityError as exc:
                    raise StoreError(
                        f"Conversation {conv.id} or one of its messages is already in "
                        f"{self.path} ({exc}).",
                        "conflict",
                        self.path,
                    ) from exc

    def existing_conversation_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are taken by a conversation (in the trash or not)."""
        return self._existing("conversations", ids)

    def existing_message_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are taken by a message."""
        return self._existing("messages", ids)

    def _existing(
        self, table: Literal["conversations", "messages"], ids: Sequence[str]
    ) -> set[str]:
        with self._faults():
            rows = self._db.execute(
                f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(ids)),),
            ).fetchall()
        return {row[0] for row in rows}

    def rename(self, conversation_id: str, title: str) -> None:
        with self._write() as db:
            cur = db.execute(
                "UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id)
            )
            if cur.rowcount == 0:
                raise _not_found(conversation_id, self.path)

    def delete(self, conversation_id: str) -> None:
        """Move a conversation to the trash; ``undelete()`` undoes it."""
        self._set_deleted(conversation_id, time.time())

    def undelete(self, conversation_id: str) -> None:
        """Bring a conversation back from the trash."""
        self._set_deleted(conversation_id, None)

    def _set_deleted(self, conversation_id: str, when: float | None) -> None:
        with self._write() as db:
            cur = db.execute(
                "UPDATE conversations SET deleted_at = ? WHERE id = ?", (when, conversation_id)
            )
            if cur.rowcount == 0:
                raise _not_found(conversation_id, self.path)

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
        with self._write() as db:
            cur = db.execute(
                "DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                (float("inf") if before is None else before,),
            )
            return cur.rowcount

    def conversation_settings(self, conversation_id: str) -> dict[str, Any]:
        """The conversation's own settings (overrides of the app's), as saved."""
        with self._faults():
            row = self._db.execute(
                "SELECT settings FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        if row is None:
            raise _not_found(conversation_id, self.path)
        settings: dict[str, Any] = json.loads(row[0])
        return settings

    def set_conversation_settings(self, conversation_id: str, settings: Mapping[str, Any]) -> None:
        with self._write() as db:
            cur = db.execute(
                "UPDATE conversations SET settings = ? WHERE id = ?",
                (_dump(dict(settings)), conversation_id),
            )
            if cur.rowcount == 0:
                raise _not_found(conversation_id, self.path)

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
        with self._write() as db:
            cur = db.execute(
                "UPDATE conversations SET updated_at = ? WHERE id = ?",
                (max(time.time(), message.created_at), conversation_id),
            )
            if cur.rowcount == 0:
                raise _not_found(conversation_id, self.path)
            db.execute(
                f"""
                INSERT INTO messages (
                    conversation_id, position, request_settings, {_MESSAGE_COLUMNS})
                VALUES (
                    ?,
                    (SELECT coalesce(max(position), -1) + 1 FROM messages
                     WHERE conversation_id = ?),
                    ?, {_MESSAGE_PLACEHOLDERS})
                """,
                (
                    conversation_id,
                    conversation_id,
                    _dump_opt(None if request_settings is None else dict(request_settings)),
                    *_message_row(message),
                ),
            )

    def update_message(self, message: Message) -> None:
        """Save a message's content and metadata again (the streaming reply, as it grows).

        One UPDATE, its own transaction: cheap enough to call every 500 ms.
        """
        with self._faults():
            cur = self._db.execute(
                """
                UPDATE messages SET content = ?, model = ?, api_message_id = ?, request_id = ?,
                    stop_reason = ?, stop_details = ?, usage = ?, metrics = ?, status = ?,
                    error = ?
                WHERE id = ?
                """,
                (*_message_values(message), message.id),
            )
        if cur.rowcount == 0:
            raise _not_found(message.id, self.path, what="Message")

    def request_settings(self, message_id: str) -> dict[str, Any] | None:
        """The request parameters saved with a message by ``append_message()``."""
        with self._faults():
            row = self._db.execute(
                "SELECT request_settings FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
        if row is None:
            raise _not_found(message_id, self.path, what="Message")
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
        with self._write() as db:
            cur = db.execute(
                "UPDATE messages SET status = ?, error = coalesce(error, ?) WHERE status = ?",
                (str(Status.INTERRUPTED), INTERRUPTED_BY_EXIT, str(Status.STREAMING)),
            )
            return cur.rowcount

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
        """
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        with self._read() as db:
            titles = db.execute(
                """
                SELECT c.id, c.title, highlight(conversations_fts, 0, ?, ?)
                FROM conversations_fts AS f JOIN conversations AS c ON c.seq = f.rowid
                WHERE conversations_fts MATCH ? AND c.deleted_at IS NULL
                ORDER BY f.rowid DESC LIMIT ?
                """,
                (MATCH_START, MATCH_END, match, max(1, limit // 5)),
            ).fetchall()
            messages = db.execute(
                """
                SELECT c.id, c.title, m.id, m.role,
                       snippet(messages_fts, -1, ?, ?, ?, ?)
                FROM messages_fts AS f
                JOIN messages AS m ON m.seq = f.rowid
                JOIN conversations AS c ON c.id = m.conversation_id
                WHERE messages_fts MATCH ? AND c.deleted_at IS NULL
                ORDER BY f.rowid DESC LIMIT ?
                """,
                (MATCH_START, MATCH_END, _ELLIPSIS, _SNIPPET_TOKENS, match, limit - len(titles)),
            ).fetchall()
        return [SearchHit(cid, title, None, None, snip) for cid, title, snip in titles] + [
            SearchHit(*row) for row in messages
        ]

    # -- tool calls (the audit of issue 15) -----------------------------------------------

    def record_tool_call(self, call: ToolCallRecord) -> None:
        """Add one tool call to the audit table (its own small transaction)."""
        with self._write() as db:
            db.execute(
                """
                INSERT INTO tool_calls (tool_use_id, conversation_id, started_at, server, tool,
                    arguments, decision, duration_s, result_size, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    call.tool_use_id,
                    call.conversation_id,
                    call.started_at,
                    call.server,
                    call.tool,
                    _dump(call.arguments),
                    str(call.decision),
                    call.duration_s,
                    call.result_size,
                    call.error,
                ),
            )

    def tool_calls(self, conversation_id: str) -> list[ToolCallRecord]:
        """The audit records of a conversation's tool calls, oldest first."""
        with self._faults():
            rows = self._db.execute(
                """
                SELECT tool_use_id, conversation_id, server, tool, arguments, decision,
                       started_at, duration_s, result_size, error
                FROM tool_calls WHERE conversation_id = ? ORDER BY seq
                """,
                (conversation_id,),
            ).fetchall()
        return [ToolCallRecord(r[0], r[1], r[2], r[3], json.loads(r[4]), *r[5:]) for r in rows]


_FALLBACK_AUTOCHECKPOINT_PAGES = 10_000  # ~40 MB of WAL, if the checkpoint thread is stuck


class _Checkpointer:
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
            db = sqlite3.connect(path, isolation_level=None)
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


def _not_found(item_id: str, path: Path, what: str = "Conversation") -> StoreError:
    return StoreError(f"{what} {item_id} is not in {path}.", "not_found", path)


def _refuse_read_only(path: Path) -> None:
    # SQLite opens a read-only file read-only without a word and fails at the first write;
    # say it up front instead. (Root passes these checks: it can write anyway.)
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(
            f"The conversations database {path} is read-only; conversations cannot be saved. "
            "Check the permissions of the file.",
            "read_only",
            path,
        )
    if not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"The folder {path.parent} is read-only; the conversations database needs to "
            "write there (it keeps its journal next to the database). Check its permissions.",
            "read_only",
            path,
        )


def _try_lock(path: Path) -> int | None:
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


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    os.close(fd)  # on POSIX, closing the file releases the flock


def _has_data(db: sqlite3.Connection) -> bool:
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

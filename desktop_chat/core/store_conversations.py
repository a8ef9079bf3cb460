"""Conversations in the store: listing, loading (whole or a page of the path), saving,
importing, renaming, the trash, per-conversation settings."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from desktop_chat.core import migrations, store_paging
from desktop_chat.core.conversation import Conversation
from desktop_chat.core.drafts import draft_blobs
from desktop_chat.core.store_base import StoreBase
from desktop_chat.core.store_blobs import free_unused_blobs
from desktop_chat.core.store_errors import StoreError, not_found
from desktop_chat.core.store_paging import PathEnd, PathPage
from desktop_chat.core.store_rows import (
    MESSAGE_COLUMNS,
    MESSAGE_PLACEHOLDERS,
    dump,
    execute,
    execute_many,
    message_from_row,
    message_row,
)

_DRAFT_HOLDS = "(a saved draft)"
"""Stands for the drafts in ``message_blobs`` while conversations are purged."""


@dataclass(frozen=True)
class ConversationSummary:
    """A row of the conversation list."""

    id: str
    title: str
    created_at: float
    updated_at: float
    message_count: int


class ConversationRecords(StoreBase):
    """The conversation queries of ``Store``."""

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

        A large import (at least as many messages as the store holds already) is indexed
        for search once at the end rather than message by message: 40% less time.
        """
        total = sum(len(c.messages) for c in convs)

        def rows(conv: Conversation) -> Iterator[tuple[Any, ...]]:
            for i, m in enumerate(conv.messages):
                yield (conv.id, i, *message_row(m))
                if progress is not None and (i + 1) % 10_000 == 0:
                    progress(done + i + 1)

        done = 0

        def insert(db: sqlite3.Connection) -> None:
            nonlocal done
            done = 0
            held = db.execute("SELECT coalesce(max(seq), 0) FROM messages").fetchone()[0]
            bulk = total >= 10_000 and total >= held
            if bulk:  # in this transaction: if anything fails, the trigger is back too
                db.execute(f"DROP TRIGGER {migrations.MESSAGES_INDEX_TRIGGER}")
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
            if bulk:
                db.execute(migrations.search_index_statement(migrations.MESSAGES_INDEX_TRIGGER))
                db.execute("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
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
        drafted = [(_DRAFT_HOLDS, sha) for sha in draft_blobs(self.path.parent)]

        def action(db: sqlite3.Connection) -> int:
            # The last message using an attachment takes it along (a trigger of m007), unless
            # a saved draft holds it: the draft stands in as a user while the purge runs.
            db.executemany(
                "INSERT OR IGNORE INTO message_blobs (message_id, sha256) VALUES (?, ?)", drafted
            )
            count = db.execute(
                "DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                (limit,),
            ).rowcount
            db.execute("DELETE FROM message_blobs WHERE message_id = ?", (_DRAFT_HOLDS,))
            free_unused_blobs(db, keep=[sha for _, sha in drafted])
            # (The Files API ids of files no longer kept go too; the server keeps its copy.)
            db.execute(
                "DELETE FROM file_ids WHERE NOT EXISTS"
                " (SELECT 1 FROM blobs WHERE blobs.sha256 = file_ids.sha256)"
            )
            return int(count)

        return self._write(action)

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

"""The conversations database's schema, as append-only named migrations.

Each migration is a function ``mNNN_name(db)`` registered in order with ``@migration``; once
released it never changes: a new schema change is a new function at the end. ``migrate()``
runs the ones not yet recorded in ``_migrations``, each in its own transaction together with
its record, so a crash leaves the database either before or after a migration, never half way.
(The pattern is simonw/llm's ``migrations.py``.)
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration."""
    MIGRATIONS.append(fn)
    return fn


def ensure_migrations_table(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)"
    )


def applied(db: sqlite3.Connection) -> set[str]:
    """Names of the migrations already applied to ``db``."""
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    if not exists:
        return set()
    return {row[0] for row in db.execute("SELECT name FROM _migrations")}


def pending(db: sqlite3.Connection) -> list[Migration]:
    """Migrations not yet applied to ``db``, in order."""
    done = applied(db)
    return [m for m in MIGRATIONS if m.__name__ not in done]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the pending migrations; return their names.

    ``db`` must be in autocommit mode (``isolation_level=None``): transactions are explicit.
    """
    ensure_migrations_table(db)
    names = []
    for fn in pending(db):
        db.execute("BEGIN IMMEDIATE")
        try:
            fn(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (fn.__name__, time.time()),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        names.append(fn.__name__)
    return names


def _run(db: sqlite3.Connection, *statements: str) -> None:
    # Statement by statement: executescript() would COMMIT the migration's transaction.
    for statement in statements:
        db.execute(statement)


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    # `seq` is an explicit INTEGER PRIMARY KEY (a rowid alias) so that rowids stay stable
    # across VACUUM: the full-text index refers to rows by rowid.
    _run(
        db,
        """
        CREATE TABLE conversations (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            settings TEXT NOT NULL DEFAULT '{}',  -- JSON: per-conversation overrides
            deleted_at REAL                       -- set: in the trash, can be undeleted
        )
        """,
        "CREATE INDEX conversations_by_updated_at ON conversations (updated_at)",
        """
        CREATE TABLE messages (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL
                REFERENCES conversations (id) ON DELETE CASCADE ON UPDATE CASCADE,
            position INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
            content TEXT NOT NULL,                -- JSON: the API's content blocks, exactly
            model TEXT,
            api_message_id TEXT,
            request_id TEXT,
            stop_reason TEXT,
            stop_details TEXT,                    -- JSON or NULL
            usage TEXT NOT NULL DEFAULT '{}',     -- JSON
            metrics TEXT NOT NULL DEFAULT '{}',   -- JSON: started/finished, ttft, tokens/s
            status TEXT NOT NULL,
            error TEXT,
            request_settings TEXT,                -- JSON: the request parameters used
            created_at REAL NOT NULL,
            UNIQUE (conversation_id, position)
        )
        """,
        # Start-up looks for replies left streaming by a crash: keep that lookup tiny.
        "CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming'",
    )


# The searchable text of a message's content JSON: its text blocks and its thinking blocks,
# each joined with newlines. A recursive CTE walks the blocks rather than json_each(): FTS5
# refuses virtual tables (json_each is one) in the content table it scans for 'rebuild' and
# 'integrity-check'.
_BLOCK_FIELD = """(
    WITH RECURSIVE i (n) AS (
        SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < json_array_length({content}))
    SELECT group_concat(json_extract({content}, '$[' || n || '].{field}'), char(10)) FROM i
    WHERE json_extract({content}, '$[' || n || '].type') = '{kind}')"""
_TEXT_OF = _BLOCK_FIELD.replace("{field}", "text").replace("{kind}", "text")
_THINKING_OF = _BLOCK_FIELD.replace("{field}", "thinking").replace("{kind}", "thinking")


def _text(content: str) -> str:
    return _TEXT_OF.format(content=content)


def _thinking(content: str) -> str:
    return _THINKING_OF.format(content=content)


# The search index: messages_fts is an external-content FTS5 table over a view that extracts
# the text from the content JSON, so the text is not stored twice. Replies still streaming are
# left out of the view and the index: the partial reply is rewritten every 500 ms, and
# re-indexing it each time would make those writes expensive. A reply is indexed when its
# status leaves 'streaming' (complete, error, or interrupted at the next start-up).
# m002 created it; search_index.repair() creates it again from the same statements (if a
# later migration changes the index, make the repair follow).
SEARCH_INDEX = (
    f"""
        CREATE VIEW message_text (seq, text, thinking) AS
        SELECT m.seq, {_text("m.content")}, {_thinking("m.content")}
        FROM messages AS m WHERE m.status != 'streaming'
        """,
    """
        CREATE VIRTUAL TABLE messages_fts USING fts5 (
            text, thinking,
            content = 'message_text', content_rowid = 'seq',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        )
        """,
    f"""
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
        WHEN new.status != 'streaming' BEGIN
            INSERT INTO messages_fts (rowid, text, thinking)
            VALUES (new.seq, {_text("new.content")}, {_thinking("new.content")});
        END
        """,
    f"""
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
        WHEN old.status != 'streaming' BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text, thinking)
            VALUES ('delete', old.seq, {_text("old.content")}, {_thinking("old.content")});
        END
        """,
    f"""
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text, thinking)
            SELECT 'delete', old.seq, {_text("old.content")}, {_thinking("old.content")}
            WHERE old.status != 'streaming';
            INSERT INTO messages_fts (rowid, text, thinking)
            SELECT new.seq, {_text("new.content")}, {_thinking("new.content")}
            WHERE new.status != 'streaming';
        END
        """,
    "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')",
    """
        CREATE VIRTUAL TABLE conversations_fts USING fts5 (
            title,
            content = 'conversations', content_rowid = 'seq',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        )
        """,
    """
        CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
            INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
        END
        """,
    """
        CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
            INSERT INTO conversations_fts (conversations_fts, rowid, title)
            VALUES ('delete', old.seq, old.title);
        END
        """,
    """
        CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
            INSERT INTO conversations_fts (conversations_fts, rowid, title)
            VALUES ('delete', old.seq, old.title);
            INSERT INTO conversations_fts (rowid, title) VALUES (new.seq, new.title);
        END
        """,
    "INSERT INTO conversations_fts (conversations_fts) VALUES ('rebuild')",
)
SEARCH_INDEX_TABLES = ("messages_fts", "conversations_fts")
MESSAGES_INDEX_TRIGGER = "messages_fts_insert"


def search_index_statement(name: str) -> str:
    """The statement of ``SEARCH_INDEX`` that creates ``name`` (a trigger, a table)."""
    return next(s for s in SEARCH_INDEX if f" {name} " in s)


SEARCH_INDEX_TRIGGERS = tuple(
    f"{table}_{event}" for table in SEARCH_INDEX_TABLES for event in ("insert", "delete", "update")
)


@migration
def m002_fts(db: sqlite3.Connection) -> None:
    _run(db, *SEARCH_INDEX)


@migration
def m003_branches(db: sqlite3.Connection) -> None:
    # Regenerated replies (variants) and edited questions (branches) make a conversation a
    # tree: each message names its parent, and the conversation the end of the path shown.
    # Messages saved before this were a plain sequence: each one's parent is the one before.
    _run(
        db,
        "ALTER TABLE messages ADD COLUMN parent_id TEXT",
        """
        UPDATE messages SET parent_id = (
            SELECT p.id FROM messages AS p
            WHERE p.conversation_id = messages.conversation_id
              AND p.position < messages.position
            ORDER BY p.position DESC LIMIT 1
        )
        """,
        "ALTER TABLE conversations ADD COLUMN current_id TEXT",
    )


@migration
def m004_children(db: sqlite3.Connection) -> None:
    # A message's variants (its siblings) and the path's walk down to the newest leaf are
    # found through parent_id: without an index each is a scan of the conversation, which
    # makes opening the tail of a conversation of 10^6 messages take seconds.
    _run(db, "CREATE INDEX messages_by_parent ON messages (conversation_id, parent_id)")


@migration
def m005_message_count(db: sqlite3.Connection) -> None:
    # The conversation list shows each one's number of messages: counting them at each
    # listing read every message of a long conversation (40 ms at start-up for one of
    # 10^6). Kept by triggers instead, one small UPDATE per message added or removed.
    _run(
        db,
        "ALTER TABLE conversations ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0",
        """
        UPDATE conversations SET message_count = (
            SELECT count(*) FROM messages WHERE messages.conversation_id = conversations.id)
        """,
        """
        CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
            UPDATE conversations SET message_count = message_count + 1
            WHERE id = new.conversation_id;
        END
        """,
        """
        CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
            UPDATE conversations SET message_count = message_count - 1
            WHERE id = old.conversation_id;
        END
        """,
    )


@migration
def m006_tool_audit(db: sqlite3.Connection) -> None:
    # One row per tool call, written when the call ends (or is refused). Kept apart from the
    # conversations on purpose: no foreign key, so the record of what ran outlives a deleted
    # conversation (an audit that vanishes with the chat is no audit).
    _run(
        db,
        """
        CREATE TABLE tool_calls (
            seq INTEGER PRIMARY KEY,
            tool_use_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            started_at REAL NOT NULL,
            server TEXT NOT NULL,
            tool TEXT NOT NULL,
            arguments TEXT NOT NULL,              -- JSON: as Claude passed them
            decision TEXT NOT NULL,               -- allow_once, …, granted, read_only, deny, none
            duration_s REAL NOT NULL DEFAULT 0,
            result_size INTEGER NOT NULL DEFAULT 0,
            error TEXT
        )
        """,
        "CREATE INDEX tool_calls_by_conversation ON tool_calls (conversation_id, seq)",
    )


# A message's attachment blocks name their bytes by sha256 (``"source": {"type": "blob",
# "sha256": ...}``, see core/attachments.py). The bytes are stored once in ``blobs``;
# ``message_blobs`` says which messages use which, kept by triggers from the content JSON so
# that every way a message is written (sent, imported) records it. When the last message
# using a blob is deleted (a conversation purged from the trash), the blob goes with it.
_BLOB_REFS = """
    SELECT {m}.id, json_extract(value, '$.source.sha256') FROM json_each({m}.content)
    WHERE json_extract(value, '$.source.type') = 'blob'
"""


@migration
def m007_attachments(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            data BLOB NOT NULL,
            thumbnail BLOB,                       -- a small PNG of an image, or NULL
            created_at REAL NOT NULL
        )
        """,
        """
        CREATE TABLE message_blobs (
            message_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            PRIMARY KEY (message_id, sha256)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX message_blobs_by_sha256 ON message_blobs (sha256)",
        f"""
        CREATE TRIGGER messages_blobs_insert AFTER INSERT ON messages
        WHEN instr(new.content, '"type":"blob"') > 0 BEGIN
            INSERT OR IGNORE INTO message_blobs (message_id, sha256)
            {_BLOB_REFS.format(m="new")};
        END
        """,
        f"""
        CREATE TRIGGER messages_blobs_update AFTER UPDATE OF content ON messages
        WHEN instr(new.content, '"type":"blob"') > 0 BEGIN
            INSERT OR IGNORE INTO message_blobs (message_id, sha256)
            {_BLOB_REFS.format(m="new")};
        END
        """,
        """
        CREATE TRIGGER messages_blobs_delete AFTER DELETE ON messages
        WHEN instr(old.content, '"type":"blob"') > 0 BEGIN
            DELETE FROM message_blobs WHERE message_id = old.id;
            DELETE FROM blobs WHERE sha256 IN (
                SELECT json_extract(value, '$.source.sha256') FROM json_each(old.content)
                WHERE json_extract(value, '$.source.type') = 'blob')
              AND NOT EXISTS (SELECT 1 FROM message_blobs AS r WHERE r.sha256 = blobs.sha256);
        END
        """,
    )


# The Files API ids of uploaded attachments, by their bytes and the server they went to, kept
# across restarts so that a large document is uploaded once, not once per session. A row is
# dropped when the server says the file is gone (core/store_blobs.py).
@migration
def m008_file_ids(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE file_ids (
            sha256 TEXT NOT NULL,
            server TEXT NOT NULL,                 -- the API's base URL
            file_id TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (sha256, server)
        ) WITHOUT ROWID
        """,
    )

"""The schema the migrations build, their log, and the backup before migrating."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from desktop_chat.core import migrations
from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.store import Store, default_path


def schema(path: Path) -> dict[str, object]:
    db = sqlite3.connect(path)
    try:
        objects = db.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        tables = [n for t, n in objects if t == "table"]
        columns = {
            t: [row[1] for row in db.execute(f"PRAGMA table_info({t})")]
            for t in ("conversations", "messages", "_migrations", "tool_calls", "file_ids")
        }
        indexes = {
            n: [row[2] for row in db.execute(f"PRAGMA index_info({n})")]
            for t, n in objects
            if t == "index"
        }
        log = [row[0] for row in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        db.close()
    return {
        "tables": tables,
        "views": [n for t, n in objects if t == "view"],
        "triggers": [n for t, n in objects if t == "trigger"],
        "columns": columns,
        "indexes": indexes,
        "log": log,
        "journal": journal,
    }


def test_schema_after_all_migrations(store: Store) -> None:
    s = schema(store.path)
    assert s["log"] == [
        "m001_initial",
        "m002_fts",
        "m003_branches",
        "m004_children",
        "m005_message_count",
        "m006_tool_audit",
        "m007_attachments",
        "m008_file_ids",
    ]
    assert s["log"] == [m.__name__ for m in migrations.MIGRATIONS]
    assert s["journal"] == "wal"
    assert s["tables"] == [
        "_migrations",
        "blobs",
        "conversations",
        "conversations_fts",
        "conversations_fts_config",
        "conversations_fts_data",
        "conversations_fts_docsize",
        "conversations_fts_idx",
        "file_ids",
        "message_blobs",
        "messages",
        "messages_fts",
        "messages_fts_config",
        "messages_fts_data",
        "messages_fts_docsize",
        "messages_fts_idx",
        "tool_calls",
    ]
    assert s["views"] == ["message_text"]
    assert s["triggers"] == [
        "conversations_fts_delete",
        "conversations_fts_insert",
        "conversations_fts_update",
        "messages_blobs_delete",
        "messages_blobs_insert",
        "messages_blobs_update",
        "messages_count_delete",
        "messages_count_insert",
        "messages_fts_delete",
        "messages_fts_insert",
        "messages_fts_update",
    ]
    assert s["columns"] == {
        "conversations": [
            "seq",
            "id",
            "title",
            "created_at",
            "updated_at",
            "settings",
            "deleted_at",
            "current_id",
            "message_count",
        ],
        "messages": [
            "seq",
            "id",
            "conversation_id",
            "position",
            "role",
            "content",
            "model",
            "api_message_id",
            "request_id",
            "stop_reason",
            "stop_details",
            "usage",
            "metrics",
            "status",
            "error",
            "request_settings",
            "created_at",
            "parent_id",
        ],
        "_migrations": ["name", "applied_at"],
        "tool_calls": [
            "seq",
            "tool_use_id",
            "conversation_id",
            "started_at",
            "server",
            "tool",
            "arguments",
            "decision",
            "duration_s",
            "result_size",
            "error",
        ],
        "file_ids": ["sha256", "server", "file_id", "created_at"],
    }
    assert s["indexes"] == {
        "conversations_by_updated_at": ["updated_at"],
        "message_blobs_by_sha256": ["sha256"],
        "messages_by_parent": ["conversation_id", "parent_id"],
        "messages_streaming": ["status"],
        "tool_calls_by_conversation": ["conversation_id", "seq"],
    }
    # The UNIQUE constraints' automatic indexes.
    db = sqlite3.connect(store.path)
    try:
        auto = {
            row[0]: [r[2] for r in db.execute(f"PRAGMA index_info('{row[0]}')")]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'sqlite_%'"
            )
        }
        fts = db.execute("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").fetchone()
    finally:
        db.close()
    assert sorted(auto.values()) == [
        ["conversation_id", "position"],
        ["id"],
        ["id"],
        ["name"],
        ["sha256"],
    ]
    assert "content = 'message_text'" in fts[0]
    db = sqlite3.connect(store.path)
    try:  # one id per file (its bytes) and server
        key = [r[1] for r in db.execute("PRAGMA table_info(file_ids)") if r[5]]
        without_rowid = db.execute("SELECT sql FROM sqlite_master WHERE name = 'file_ids'")
        assert "WITHOUT ROWID" in without_rowid.fetchone()[0]
    finally:
        db.close()
    assert key == ["sha256", "server"]
    assert "remove_diacritics 2" in fts[0]


def test_connection_pragmas(store: Store) -> None:
    db = store._db
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_database_is_in_the_data_dir(store: Store, core_home: Path) -> None:
    assert store.path == default_path() == core_home / "data" / "conversations.db"


def test_reopening_applies_nothing_and_backs_up_nothing(store: Store) -> None:
    store.save_conversation(Conversation(title="kept"))
    again = Store.open(store.path)
    try:
        assert again.backups == []
        assert [c.title for c in again.list_conversations()] == ["kept"]
    finally:
        again.close()
    assert schema(store.path)["log"] == [m.__name__ for m in migrations.MIGRATIONS]


def old_database(path: Path) -> None:
    """A database as the first release left it: m001 only, one conversation."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        migrations.ensure_migrations_table(db)
        db.execute("BEGIN")
        migrations.m001_initial(db)
        db.execute("INSERT INTO _migrations VALUES ('m001_initial', 0)")
        db.execute(
            "INSERT INTO conversations (id, title, created_at, updated_at) "
            "VALUES ('c1', 'Old times', 1, 1)"
        )
        db.execute(
            "INSERT INTO messages (id, conversation_id, position, role, content, status,"
            " created_at) VALUES ('m1', 'c1', 0, 'user', ?, 'complete', 1)",
            ('[{"type": "text", "text": "an ancient zeppelin"}]',),
        )
        db.execute("COMMIT")
    finally:
        db.close()


def test_backup_before_migrating_a_database_with_data(core_home: Path) -> None:
    path = default_path()
    old_database(path)

    store = Store.open()
    try:
        assert len(store.backups) == 1
        backup = store.backups[0]
        assert backup.parent == path.parent
        assert "before-m002_fts" in backup.name and backup.suffix == ".db"
        # The migration indexed the old messages.
        assert [h.message_id for h in store.search("zeppelin")] == ["m1"]
    finally:
        store.close()

    assert schema(backup)["log"] == ["m001_initial"]
    db = sqlite3.connect(backup)
    try:
        assert db.execute("SELECT id, title FROM conversations").fetchall() == [("c1", "Old times")]
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_no_backup_for_a_new_or_empty_database(core_home: Path) -> None:
    store = Store.open()
    store.close()
    assert store.backups == []
    assert sorted(p.name for p in default_path().parent.glob("*backup*")) == []


def test_backups_never_overwrite(store: Store, tmp_path: Path) -> None:
    first = store._backup_before("m999_test")
    second = store._backup_before("m999_test")
    assert first != second and first.exists() and second.exists()
    with pytest.raises(Exception, match="Will not overwrite"):
        store.backup(first)


def test_a_failing_migration_leaves_no_trace(
    core_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def m003_broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    store = Store.open()
    store.save_conversation(Conversation(title="safe"))
    store.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m003_broken])
    with pytest.raises(RuntimeError, match="boom"):
        Store.open()
    s = schema(default_path())
    assert "half_done" not in s["tables"]
    assert s["log"] == [m.__name__ for m in migrations.MIGRATIONS if m is not m003_broken]
    monkeypatch.undo()
    monkeypatch.setenv("DESKTOP_CHAT_HOME", str(core_home))
    store = Store.open()
    try:
        assert [c.title for c in store.list_conversations()] == ["safe"]
    finally:
        store.close()


def test_fts_index_stays_consistent(store: Store) -> None:
    conv = Conversation(title="Consistency")
    store.save_conversation(conv)
    m = Message.user("alpha beta")
    store.append_message(conv.id, m)
    m.content = [{"type": "text", "text": "gamma"}, {"type": "thinking", "thinking": "delta"}]
    store.update_message(m)
    store.rename(conv.id, "Renamed")
    store.delete(conv.id)
    store.purge_deleted(before=time.time() + 1)
    for table in ("messages_fts", "conversations_fts"):
        store._db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    assert store._db.execute("SELECT count(*) FROM messages").fetchone()[0] == 0


def test_branches_migration_links_existing_messages_in_order(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrations.ensure_migrations_table(db)
    for fn in migrations.MIGRATIONS[:2]:  # a database from before branches
        db.execute("BEGIN")
        fn(db)
        db.execute("INSERT INTO _migrations VALUES (?, ?)", (fn.__name__, time.time()))
        db.execute("COMMIT")
    db.execute(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 't', 0, 0)"
    )
    for position, (mid, role) in enumerate([("a", "user"), ("b", "assistant"), ("c", "user")]):
        db.execute(
            "INSERT INTO messages (id, conversation_id, position, role, content, usage, metrics,"
            " status, created_at) VALUES (?, 'c', ?, ?, '[]', '{}', '{}', 'complete', 0)",
            (mid, position, role),
        )
    db.close()

    with Store.open(path) as store:
        conversation = store.load("c")

    assert [m.parent_id for m in conversation.messages] == [None, "a", "b"]
    assert [m.id for m in conversation.path()] == ["a", "b", "c"]

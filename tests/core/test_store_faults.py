"""The store on a bad day: odd text, a damaged search index, a deleted file, a full or
read-only disk. Real SQLite on real (small) file systems; nothing is patched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from small_disk import ext4, tmpfs, turn_read_only

from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import Store, StoreError
from desktop_chat.core.transcript_json import to_json

LONE = "\ud800"


def saved_conversation(store: Store, n: int = 3, title: str = "kept") -> Conversation:
    conv = Conversation(title=title)
    store.save_conversation(conv)
    for i in range(n):
        message = conv.append(Message.user(f"river number {i}"))
        store.append_message(conv.id, message)
    store.save_conversation(conv)
    return conv


# -- text SQLite cannot hold ----------------------------------------------------------------


def test_lone_surrogates_are_stored_as_replacement_characters(store: Store) -> None:
    conv = Conversation(title=f"title {LONE}")
    store.save_conversation(conv)
    question = conv.append(Message.user(f"ask {LONE} and a pair \ud83d\ude00"))
    store.append_message(conv.id, question)
    reply = conv.append(
        Message(role="assistant", content=[{"type": "text", "text": "x"}], status=Status.STREAMING)
    )
    store.append_message(conv.id, reply, request_settings={"system": f"s{LONE}"})
    reply.content[0]["text"] = f"half {LONE} way"
    store.update_message(reply)  # the frequent save while streaming
    reply.content[0]["text"] += " and the end \udfff"
    reply.status = Status.COMPLETE
    store.update_message(reply)
    store.rename(conv.id, f"renamed {LONE}")
    store.set_conversation_settings(conv.id, {"note": LONE})

    loaded = store.load(conv.id)
    assert loaded.title == "renamed \ufffd"
    assert loaded.messages[0].text == "ask \ufffd and a pair 😀"
    assert loaded.messages[1].text == "half \ufffd way and the end \ufffd"
    assert loaded.messages[1].status is Status.COMPLETE
    assert store.request_settings(reply.id) == {"system": "s\ufffd"}
    assert store.conversation_settings(conv.id) == {"note": "\ufffd"}
    assert [h.message_id for h in store.search("end")] == [reply.id]
    assert store.search(f"way {LONE}") != []  # a query with one does not fail either
    later = conv.append(Message.user("the conversation goes on"))
    store.append_message(conv.id, later)
    assert len(store.load(conv.id).messages) == 3


def test_an_imported_conversation_with_lone_surrogates_is_stored(store: Store) -> None:
    conv = Conversation(title=LONE, messages=[Message.user(f"a{LONE}")])
    store.add_conversations([conv])
    assert store.load(conv.id).messages[0].text == "a\ufffd"


# -- a damaged search index -----------------------------------------------------------------


def damage(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


@pytest.mark.parametrize(
    "statements",
    [
        ["DROP TABLE messages_fts_config"],  # "vtable constructor failed: messages_fts"
        ["DROP TABLE messages_fts_data", "DROP TABLE conversations_fts_idx"],
        ["UPDATE messages_fts_data SET block = x'0102030405060708' WHERE id > 1"],
    ],
    ids=["config-lost", "tables-lost", "pages-garbage"],
)
def test_a_damaged_search_index_is_rebuilt_when_the_store_opens(
    core_home: Path, statements: list[str]
) -> None:
    store = Store.open()
    conv = saved_conversation(store, title="Danube trip")
    store.close()
    damage(store.path, *statements)

    with Store.open() as store:
        assert store.search_problem is None
        assert store.load(conv.id).messages[0].text == "river number 0"
        more = conv.append(Message.user("glacier lake"))
        store.append_message(conv.id, more)
        assert store.mark_streaming_as_interrupted() == 0
        assert {h.message_id for h in store.search("river")} == {m.id for m in conv.messages[:3]}
        assert [h.message_id for h in store.search("glacier")] == [more.id]
        assert [h.conversation_id for h in store.search("danube")] == [conv.id]
        assert store.search_repaired or statements[0].startswith("UPDATE")


def test_an_index_damaged_while_open_is_repaired_at_the_next_write(store: Store) -> None:
    conv = saved_conversation(store)
    damage(store.path, "DROP TABLE messages_fts_config")
    more = conv.append(Message.user("saved all the same"))
    store.append_message(conv.id, more)  # the trigger fails; the index is rebuilt; saved
    assert store.search_repaired
    assert [h.message_id for h in store.search("same")] == [more.id]


def test_search_is_switched_off_with_a_note_when_the_index_cannot_be_rebuilt(
    store: Store,
) -> None:
    conv = saved_conversation(store)
    damage(store.path, "DROP TABLE messages_fts_config")
    store._db.execute("PRAGMA query_only = ON")  # nothing can be rebuilt now
    with pytest.raises(StoreError) as err:
        store.search("river")
    assert err.value.kind == "search_off"
    assert "Search is off" in str(err.value) and "intact" in str(err.value)
    assert store.search_problem == str(err.value)
    assert len(store.load(conv.id).messages) == 3  # conversations still open
    store._db.execute("PRAGMA query_only = OFF")
    store.close()
    with Store.open() as again:  # the next start rebuilds it
        assert again.search_problem is None
        assert len(again.search("river")) == 3


def test_export_works_on_a_database_whose_index_is_broken(core_home: Path) -> None:
    store = Store.open()
    conv = saved_conversation(store)
    store.close()
    damage(store.path, "DROP TABLE messages_fts_config")
    done = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "export", "--all"],
        capture_output=True,
        env={**os.environ, "DESKTOP_CHAT_HOME": str(core_home)},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with Store.open() as store:
        assert done.stdout.decode() == to_json([store.load(conv.id)])


# -- the file deleted or replaced while open ------------------------------------------------


def test_a_deleted_database_is_noticed_and_can_be_saved_again(store: Store) -> None:
    conv = saved_conversation(store)
    assert store.check_file() is None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    problem = store.check_file()
    assert problem is not None and "deleted" in problem and str(store.path) in problem
    more = conv.append(Message.user("typed after the file went"))
    with pytest.raises(StoreError) as err:
        store.append_message(conv.id, more)  # not written into a file no one will find
    assert err.value.kind == "gone"
    assert len(store.load(conv.id).messages) == 3  # still readable

    assert store.save_again() == store.path
    assert store.check_file() is None
    store.append_message(conv.id, more)  # the retry
    store.close()
    with Store.open() as reopened:
        assert [m.text for m in reopened.load(conv.id).messages][-1] == "typed after the file went"


def test_a_replaced_database_is_noticed_and_not_overwritten(store: Store) -> None:
    conv = saved_conversation(store)
    other = store.path.with_name("other.db")
    damage(other, "CREATE TABLE t (x)")
    os.replace(other, store.path)
    problem = store.check_file()
    assert problem is not None and "replaced" in problem
    with pytest.raises(StoreError) as err:
        store.rename(conv.id, "no")
    assert err.value.kind == "gone"
    with pytest.raises(StoreError):
        store.save_again()
    store.close()  # (while it is open, its WAL beside the path would mislead a reader)
    db = sqlite3.connect(store.path)
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    db.close()


# -- a full disk, a disk that turns read-only ----------------------------------------------


def test_a_full_disk_refuses_the_write_in_plain_words_and_keeps_the_rest(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "1m") as mount:
        store = Store.open(mount / "conversations.db")
        try:
            conv = saved_conversation(store)
            filler = mount / "filler"
            with pytest.raises(OSError), filler.open("wb") as f:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            reply = conv.append(Message(role="assistant", content=[{"type": "text", "text": ""}]))
            with pytest.raises(StoreError) as err:
                store.append_message(conv.id, reply)
                for i in range(200):  # the WAL may have room for a few pages: fill it
                    reply.content[0]["text"] += f"word {i} " * 500
                    store.update_message(reply)
            assert err.value.kind == "disk_full", err.value
            assert "full" in str(err.value) and "not saved" in str(err.value)
            assert [m.text for m in store.load(conv.id).messages][:3] == [
                f"river number {i}" for i in range(3)
            ]
            filler.unlink()  # space again: the same write now works
            if not store.existing_message_ids([reply.id]):
                store.append_message(conv.id, reply)
            store.update_message(reply)
            assert store.load(conv.id).messages[-1].text == reply.text
        finally:
            store.close()


def test_a_disk_turned_read_only_refuses_writes_in_plain_words(tmp_path: Path) -> None:
    with ext4(tmp_path / "disk") as mount:
        store = Store.open(mount / "conversations.db")
        try:
            conv = saved_conversation(store)
            turn_read_only(mount)
            with pytest.raises(StoreError) as err:
                for i in range(50):
                    store.append_message(conv.id, Message.user(f"after {i} " * 300))
            assert err.value.kind == "read_only", err.value
            assert "read-only" in str(err.value)
            assert len(store.load(conv.id).messages) >= 3  # what was saved still reads
        finally:
            store.close()


def test_a_relative_path_works_for_the_checkpoint_thread_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = Store.open(Path("relative.db"))
    try:
        saved_conversation(store)
        time.sleep(1.2)  # one checkpoint (an exception in its thread fails the test)
    finally:
        store.close()

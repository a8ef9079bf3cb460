"""What could not be saved stays in memory and is saved once the disk allows: on a real
full tmpfs, and with the database deleted while open."""

from __future__ import annotations

from pathlib import Path

from small_disk import tmpfs

from desktop_chat.core.autosave import AutoSaver
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import Store


def reply() -> Message:
    return Message(
        role="assistant", content=[{"type": "text", "text": ""}], status=Status.STREAMING
    )


class Seen:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.unsaved: list[str | None] = []


def saver_for(store: Store, conversation: Conversation, seen: Seen) -> AutoSaver:
    return AutoSaver(store, conversation, seen.errors.append, on_unsaved=seen.unsaved.append)


def fill(path: Path) -> None:
    with path.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass


def test_a_reply_cut_by_a_full_disk_is_saved_whole_once_there_is_room(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "4m") as mount:
        store = Store.open(mount / "conversations.db")
        try:
            conversation = Conversation(title="filling up")
            seen = Seen()
            saver = saver_for(store, conversation, seen)
            question = conversation.append(Message.user("write me a long story"))
            saver.save_message(question)
            answer = conversation.append(reply())
            saver.begin_reply(answer, {"model": "m"}, new=True)
            assert saver.unsaved is None

            fill(mount / "filler")
            for i in range(300):  # the reply streams on while the disk is full
                answer.content[0]["text"] += f"Paragraph {i}. " + "words " * 300
                saver.update_reply(answer)
            answer.status = Status.COMPLETE
            saver.finish(answer)
            assert len(seen.errors) == 1 and "full" in seen.errors[0]
            assert saver.unsaved is not None and "Not saved yet: 1 message" in saver.unsaved
            assert seen.unsaved[0] is not None
            assert [m.id for m in saver.unsaved_messages()] == [answer.id]
            assert not saver.retry()  # still full

            (mount / "filler").unlink()
            assert saver.retry(), saver.unsaved
            assert saver.unsaved is None and seen.unsaved[-1] is None
            saved = store.load(conversation.id)
            assert [m.text for m in saved.messages] == [question.text, answer.text]
            assert saved.messages[1].status is Status.COMPLETE
            assert len(answer.text) > 500_000  # more than the disk could hold when it failed
        finally:
            store.close()


def test_messages_sent_while_the_database_was_gone_are_saved_again(core_home: Path) -> None:
    store = Store.open()
    try:
        conversation = Conversation(title="deleted under me")
        seen = Seen()
        saver = saver_for(store, conversation, seen)
        first = conversation.append(Message.user("before"))
        saver.save_message(first)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store.path}{suffix}").unlink(missing_ok=True)

        second = conversation.append(Message.user("after the file went"))
        saver.save_message(second)
        answer = conversation.append(reply())
        saver.begin_reply(answer, {"model": "m"}, new=True)
        answer.content[0]["text"] = "kept in memory"
        answer.status = Status.COMPLETE
        saver.finish(answer)
        assert saver.unsaved is not None and "2 messages" in saver.unsaved
        assert "deleted" in seen.errors[0]

        store.save_again()
        assert saver.retry()
        assert [m.text for m in store.load(conversation.id).messages] == [
            "before",
            "after the file went",
            "kept in memory",
        ]
        assert store.load(conversation.id).current_id == conversation.current_id
    finally:
        store.close()
    with Store.open() as reopened:
        assert len(reopened.load(conversation.id).messages) == 3


def test_an_update_of_a_message_never_written_writes_it_whole(store: Store) -> None:
    conversation = Conversation(title="t")
    seen = Seen()
    saver = saver_for(store, conversation, seen)
    question = conversation.append(Message.user("q"))
    saver.save_message(question)
    answer = conversation.append(reply())
    answer.content[0]["text"] = "continued"
    saver.begin_reply(answer, {}, new=False)  # "already saved", but it is not
    assert saver.unsaved is None and seen.errors == []
    assert store.load(conversation.id).messages[-1].text == "continued"


def test_the_path_saved_last_is_the_one_kept(core_home: Path) -> None:
    store = Store.open()
    try:
        conversation = Conversation(title="variants")
        saver = saver_for(store, conversation, Seen())
        question = conversation.append(Message.user("q"))
        saver.save_message(question)
        first = conversation.append(reply())
        saver.begin_reply(first, {}, new=True)
        saver.finish(first)
        Path(store.path).unlink()  # every save fails from here
        second = conversation.append(reply(), parent_id=question.id)
        saver.begin_reply(second, {}, new=True)
        saver.finish(second)
        conversation.show(first.id)  # back to the first variant
        saver.save_path()
        store.save_again()
        assert saver.retry()
        assert store.load(conversation.id).current_id == first.id
        assert len(store.load(conversation.id).messages) == 3
    finally:
        store.close()

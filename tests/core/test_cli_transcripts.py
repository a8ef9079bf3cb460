"""``desktop-chat export | import | list``, run through the subcommand registry."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_chat.commands import SUBCOMMANDS, run_subcommand
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import Store
from desktop_chat.core.transcript_json import to_json


@pytest.fixture
def saved(sample: Callable[..., Conversation]) -> list[Conversation]:
    convs = [sample("First"), sample("Second")]
    convs[1].created_at += 10
    store = Store.open()
    try:
        store.add_conversations(convs)
    finally:
        store.close()
    return convs


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_subcommand(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_registered() -> None:
    assert SUBCOMMANDS["export"] == "desktop_chat.commands.transcripts:run_export"
    assert SUBCOMMANDS["import"] == "desktop_chat.commands.transcripts:run_import"
    assert SUBCOMMANDS["list"] == "desktop_chat.commands.transcripts:run_list"


def test_list(capsys: pytest.CaptureFixture[str], saved: list[Conversation]) -> None:
    code, out, err = run(capsys, "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(saved[1].id + "  ") and lines[0].endswith("      4  Second")
    assert lines[1].startswith(saved[0].id + "  ") and lines[1].endswith("First")


def test_list_when_empty(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list") == (0, "", "")


def test_export_one_as_json_to_stdout(
    capsys: pytest.CaptureFixture[str], saved: list[Conversation]
) -> None:
    code, out, err = run(capsys, "export", "--format", "json", saved[0].id)
    assert (code, err) == (0, "")
    assert out == to_json([saved[0]])


def test_export_by_id_prefix(capsys: pytest.CaptureFixture[str], saved: list[Conversation]) -> None:
    code, out, _ = run(capsys, "export", saved[1].id[:12])
    assert code == 0 and json.loads(out)["conversations"][0]["id"] == saved[1].id


def test_export_all_to_a_file(
    capsys: pytest.CaptureFixture[str], saved: list[Conversation], tmp_path: Path
) -> None:
    target = tmp_path / "all.json"
    target.write_text("old content")
    assert run(capsys, "export", "--all", "-o", str(target)) == (0, "", "")
    assert target.read_bytes() == to_json(saved).encode("utf-8")  # oldest first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.json", "home"]  # no temp file left


@pytest.mark.parametrize(("fmt", "marker"), [("md", "# First\n"), ("html", "<!DOCTYPE html>")])
def test_export_md_and_html(
    capsys: pytest.CaptureFixture[str], saved: list[Conversation], fmt: str, marker: str
) -> None:
    code, out, _ = run(capsys, "export", "--all", "--format", fmt)
    assert code == 0 and marker in out and "Second" in out
    assert "<script>alert(1)</script>" not in out


def test_round_trip_through_the_cli(
    capsys: pytest.CaptureFixture[str],
    saved: list[Conversation],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    assert run(capsys, "export", "--all", "-o", str(first))[0] == 0
    monkeypatch.setenv("DESKTOP_CHAT_HOME", str(tmp_path / "other"))
    code, out, err = run(capsys, "import", str(first))
    assert (code, err) == (0, "")
    assert out == "Imported 2 conversations (8 messages).\n"
    assert run(capsys, "export", "--all", "-o", str(second))[0] == 0
    assert second.read_bytes() == first.read_bytes()


def test_import_twice_keeps_both(
    capsys: pytest.CaptureFixture[str], saved: list[Conversation], tmp_path: Path
) -> None:
    path = tmp_path / "one.json"
    path.write_text(to_json([saved[0]]), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0
    assert out.splitlines()[0] == "Imported 1 conversation (4 messages)."
    assert f"Conversation {saved[0].id} ('First') already exists: imported as " in out
    assert len(run(capsys, "list")[1].splitlines()) == 3


def test_import_from_stdin(
    capsys: pytest.CaptureFixture[str],
    sample: Callable[..., Conversation],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    data = to_json([sample()]).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(capsys, "import", "-")[:2] == (0, "Imported 1 conversation (4 messages).\n")


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["export"], 2, "desktop-chat export: one of the arguments --all conversation_id is"),
        (["export", "--all", "abc"], 2, "desktop-chat export: argument conversation_id: not"),
        (["export", "--format", "pdf", "--all"], 2, "desktop-chat export: argument --format"),
        (["export", "nope"], 1, "desktop-chat export: no conversation 'nope'"),
        (["import"], 2, "desktop-chat import: the following arguments are required: path"),
        (["import", "/no/such/file.json"], 1, "desktop-chat import: cannot read /no/such/"),
        (["list", "extra"], 2, "desktop-chat list: unrecognized arguments: extra"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    got, out, err = run(capsys, *argv)
    assert got == code
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1 and "Traceback" not in err


def test_export_with_an_ambiguous_prefix(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open()
    try:
        for suffix in ("1", "2"):
            store.save_conversation(Conversation(id="abc" + suffix))
    finally:
        store.close()
    code, _, err = run(capsys, "export", "ab")
    assert code == 1
    assert err == "desktop-chat export: 'ab' is the start of 2 conversation ids: give more\n"


def test_export_to_a_missing_folder(
    capsys: pytest.CaptureFixture[str], saved: list[Conversation], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", "--all", "-o", str(tmp_path / "no" / "x.json"))
    assert code == 1
    assert err.startswith("desktop-chat export: cannot write ") and err.count("\n") == 1


def test_import_refusal_says_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{"format": "desktop-chat-transcript", "version": 1, "conversations": [')
    code, out, err = run(capsys, "import", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"desktop-chat import: {path}: line 1, column 71: Expecting value"
        " (the file ends too soon: is it truncated?)\n"
    )


def test_a_corrupt_database_is_one_line(
    capsys: pytest.CaptureFixture[str], core_home: Path
) -> None:
    db = core_home / "data" / "conversations.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database at all" * 100)
    for argv in (["list"], ["export", "--all"], ["import", str(db)]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "is damaged or is not a database" in err, argv


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0 and "usage: desktop-chat export" in out


def test_export_marks_a_dead_apps_reply_interrupted(
    capsys: pytest.CaptureFixture[str], core_home: Path
) -> None:
    """A reply left ``streaming`` by a process that died is exported as interrupted, while
    one that another live process is streaming is left alone."""
    store = Store.open()
    conv = Conversation(title="live")
    store.save_conversation(conv)
    reply = Message(role="assistant", content=[{"type": "text", "text": "so far"}])
    reply.status = Status.STREAMING
    store.append_message(conv.id, reply)
    try:  # `store` is open: as if the app were running
        out = run(capsys, "export", conv.id)[1]
        assert json.loads(out)["conversations"][0]["messages"][0]["status"] == "streaming"
    finally:
        store.close()  # as if the app had died
    out = run(capsys, "export", conv.id)[1]
    assert json.loads(out)["conversations"][0]["messages"][0]["status"] == "interrupted"


KILLED_MID_STREAM = """
import os, signal
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import Store
s = Store.open()
c = Conversation(title="killed")
s.save_conversation(c)
s.append_message(c.id, Message.user("count to ten"))
m = Message(role="assistant", content=[], status=Status.STREAMING)
s.append_message(c.id, m)
m.content = [{"type": "text", "text": "one two three"}]
s.update_message(m)
print(c.id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_stream_then_export(
    capsys: pytest.CaptureFixture[str], core_home: Path
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_MID_STREAM],
        capture_output=True,
        text=True,
        env={**os.environ, "DESKTOP_CHAT_HOME": str(core_home)},
        timeout=60,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    code, out, _ = run(capsys, "export", proc.stdout.strip())
    assert code == 0
    reply = json.loads(out)["conversations"][0]["messages"][1]
    assert reply["status"] == "interrupted"
    assert reply["content"] == [{"type": "text", "text": "one two three"}]
    assert reply["error"] == "The app stopped before this reply finished."


def test_the_commands_do_not_import_qt() -> None:
    code = (
        "import sys, desktop_chat.commands.transcripts, desktop_chat.commands;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qasync')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "[]"

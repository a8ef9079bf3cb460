"""Drafts survive restarts and crashes; a broken file is set aside; huge drafts are refused."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_chat.core.drafts import NEW_CHAT, DraftStore
from desktop_chat.core.limits import MB
from desktop_chat.core.paths import data_dir


def test_a_draft_survives_a_restart() -> None:
    drafts = DraftStore()
    assert drafts.path == data_dir() / "drafts.json"
    assert drafts.save("conv-1", "half a thought") is None
    assert drafts.save(NEW_CHAT, "a new chat's first words") is None

    again = DraftStore()
    assert again.load("conv-1") == "half a thought"
    assert again.load(NEW_CHAT) == "a new chat's first words"
    assert again.load("conv-2") == ""
    assert sorted(again.conversation_ids()) == ["", "conv-1"]


def test_a_drafts_attachments_survive_a_restart_and_name_their_blobs() -> None:
    pdf = {"type": "blob", "media_type": "application/pdf", "sha256": "ab" * 32, "size": 9}
    image = {"type": "blob", "media_type": "image/png", "sha256": "cd" * 32, "width": 3}
    drafts = DraftStore()
    assert drafts.save("conv-1", "", [pdf]) is None  # attachments alone are a draft
    assert drafts.save("conv-2", "see this", [image]) is None

    again = DraftStore()
    assert again.load_draft("conv-1") == ("", [pdf])
    assert again.load_draft("conv-2") == ("see this", [image])
    assert again.blob_hashes() == {"ab" * 32, "cd" * 32}
    assert again.save("conv-2", "see this") is None  # the attachment removed
    assert DraftStore().load_draft("conv-2") == ("see this", [])
    assert again.clear("conv-1") is None
    assert DraftStore().blob_hashes() == set()


def test_clearing_and_empty_text_forget_the_draft() -> None:
    drafts = DraftStore()
    drafts.save("a", "one")
    drafts.save("b", "two")
    assert drafts.clear("a") is None
    assert drafts.save("b", "") is None
    assert drafts.clear("never-had-one") is None
    assert DraftStore().conversation_ids() == []


def test_any_text_round_trips(tmp_path: Path) -> None:
    text = 'ünïcödé 漢字 🎉 "quotes" \\ back\nslash\r\n\t\x00 nul \u2028 \ud800 lone surrogate'
    path = tmp_path / "d.json"
    DraftStore(path).save("x", text)
    assert DraftStore(path).load("x") == text


def test_saving_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    drafts = DraftStore(path)
    for n in range(20):
        drafts.save("c", f"draft {n}")
    assert [p.name for p in tmp_path.iterdir()] == ["drafts.json"]
    assert json.loads(path.read_text("utf-8"))["drafts"]["c"]["text"] == "draft 19"


def test_unchanged_text_is_not_written_again(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    drafts = DraftStore(path)
    drafts.save("c", "same")
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before - 10**9, before - 10**9))
    drafts.save("c", "same")
    assert path.stat().st_mtime_ns == before - 10**9


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"version": 1, "drafts": {"c": {"text": 5}}}',
        b'{"version": 99, "drafts": {}}',
        b"[1, 2]",
        b"\xff\xfe binary \x00\x01",
        b"[" * 100_000,
    ],
)
def test_a_corrupt_file_is_set_aside_and_an_empty_set_used(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "drafts.json"
    path.write_bytes(content)

    drafts = DraftStore(path)
    assert drafts.load("c") == ""
    assert drafts.set_aside is not None
    assert drafts.set_aside.name.startswith("drafts.json.bad-")
    assert drafts.set_aside.read_bytes() == content  # kept, for a look later
    assert drafts.save("c", "fresh") is None
    assert DraftStore(path).load("c") == "fresh"


def test_a_10_mb_paste_is_kept_and_quick_enough(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    drafts = DraftStore(path)
    big = ("A line of pasted log output, 60 characters long or so.....\n" * 180_000)[: 10 * MB]
    started = time.perf_counter()
    assert drafts.save("c", big) is None
    elapsed = time.perf_counter() - started
    assert DraftStore(path).load("c") == big
    assert elapsed < 2.0  # in practice ~50 ms; the UI may move such saves to a thread


def test_a_draft_over_the_limit_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    drafts = DraftStore(path)
    drafts.save("c", "small")
    reason = drafts.save("c", "x" * (20 * MB + 1))
    assert reason is not None and "too large" in reason and "20 MB" in reason
    assert DraftStore(path).load("c") == "small"  # the last draft that fit stays


def test_a_write_failure_is_said_and_the_old_file_stays(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    drafts = DraftStore(folder / "drafts.json")
    drafts.save("c", "before")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("root writes anyway")
        reason = drafts.save("c", "after")
    finally:
        folder.chmod(0o700)
    assert reason is not None and reason.startswith("The draft could not be saved")
    assert DraftStore(folder / "drafts.json").load("c") == "before"


_WRITER = """
import sys
from pathlib import Path
from desktop_chat.core.drafts import DraftStore
drafts = DraftStore(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    drafts.save("c", f"draft number {n} " + "x" * 50_000)
    print(n, flush=True)
"""


def test_a_draft_survives_being_killed_mid_save(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    for _ in range(30):  # let it save for a while, then kill it wherever it is
        process.stdout.readline()
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()

    text = DraftStore(path).load("c")
    assert text.startswith("draft number ") and text.endswith("x" * 50_000)


# section: two windows (or processes) on one data folder


def test_two_windows_keep_each_others_drafts(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    first, second = DraftStore(path), DraftStore(path)
    assert first.load("a") == "" and second.load("b") == ""  # both have read the file
    assert first.save("a", "typed in the first window") is None
    assert second.save("b", "typed in the second window") is None  # no stale overwrite
    assert first.save("a", "more in the first") is None
    again = DraftStore(path)
    assert again.load("a") == "more in the first"
    assert again.load("b") == "typed in the second window"


def test_a_window_that_only_shows_a_conversation_never_puts_back_an_old_draft(
    tmp_path: Path,
) -> None:
    path = tmp_path / "drafts.json"
    DraftStore(path).save("c", "old words")
    first, second = DraftStore(path), DraftStore(path)
    assert first.load("c") == second.load("c") == "old words"
    assert second.save("c", "new words") is None
    # The first window leaves the conversation: it saves what its composer holds.
    assert first.save("c", "old words") is None
    assert DraftStore(path).load("c") == "new words"
    assert first.load("c") == "new words"  # and it shows the new words on coming back


def test_sending_clears_only_the_draft_that_was_sent(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    first, second = DraftStore(path), DraftStore(path)
    first.save("c", "the question sent")
    assert second.load("c") == "the question sent"
    second.save("c", "a follow-up typed in the other window")
    assert first.clear("c") is None  # the first window sent its text
    assert DraftStore(path).load("c") == "a follow-up typed in the other window"
    assert second.clear("c") is None
    assert DraftStore(path).conversation_ids() == []


_MANY = """
import sys
from pathlib import Path
from desktop_chat.core.drafts import DraftStore
drafts = DraftStore(Path(sys.argv[1]))
for n in range(150):
    drafts.save(f"{sys.argv[2]}-{n}", f"draft {n} of {sys.argv[2]}")
"""


def test_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    writers = [
        subprocess.Popen([sys.executable, "-c", _MANY, str(path), name]) for name in ("p", "q")
    ]
    assert [w.wait(60) for w in writers] == [0, 0]
    drafts = DraftStore(path)
    assert len(drafts.conversation_ids()) == 300
    assert drafts.load("q-149") == "draft 149 of q"

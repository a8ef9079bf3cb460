"""Attachments in the core: what a file is, what is refused and why, the blocks, the store."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

import attachment_samples as samples
import pytest

from desktop_chat.core import attachments as att
from desktop_chat.core.attachments import AttachmentError, Kind
from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.pdf_facts import pdf_facts
from desktop_chat.core.store import Store
from desktop_chat.core.store_blobs import BlobShelf, blob_count, write_blob


def test_kinds_are_told_by_content_not_name() -> None:
    assert att.prepare("photo.txt", samples.png(10, 20)).media_type == "image/png"
    assert att.prepare("a.png", samples.jpeg_header(640, 480)).media_type == "image/jpeg"
    assert att.prepare("a", samples.gif_header(3, 4)).media_type == "image/gif"
    assert att.prepare("a", samples.webp_header(300, 200)).media_type == "image/webp"
    assert att.prepare("paper.bin", samples.pdf(12)).kind is Kind.PDF
    assert att.prepare("Makefile.png", samples.TEXT).kind is Kind.TEXT


def test_image_sizes_and_pdf_pages_are_read() -> None:
    image = att.prepare("a", samples.png(1200, 800))
    assert (image.width, image.height) == (1200, 800)
    assert att.image_size(samples.jpeg_header(640, 480), "image/jpeg") == (640, 480)
    assert att.image_size(samples.webp_header(300, 200), "image/webp") == (300, 200)
    assert att.prepare("p.pdf", samples.pdf(12)).pages == 12
    assert pdf_facts(samples.pdf(2)).encrypted is False


def test_a_big_image_is_marked_for_scaling_and_its_tokens_estimated() -> None:
    big = att.prepare("shot.png", samples.png(3000, 1000))
    assert big.needs_scaling
    assert big.tokens == int(1568 * (1000 * 1568 / 3000) / 750)
    assert not att.prepare("s.png", samples.png(1568, 900)).needs_scaling


def test_corrupt_image_is_refused_with_the_reason() -> None:
    broken = b"\x89PNG\r\n\x1a\n" + b"\x00" * 30  # PNG magic, no IHDR
    with pytest.raises(AttachmentError, match="not a valid image"):
        att.prepare("broken.png", broken)


def test_encrypted_pdf_is_refused() -> None:
    with pytest.raises(AttachmentError, match="encrypted"):
        att.prepare("secret.pdf", samples.pdf(2, encrypted=True))


def test_truncated_pdf_and_too_many_pages_are_refused() -> None:
    with pytest.raises(AttachmentError, match="not a whole PDF"):
        att.prepare("cut.pdf", samples.pdf(3)[:-40])
    with pytest.raises(AttachmentError, match="101 pages"):
        att.prepare("long.pdf", samples.pdf(101))


def test_a_200_mb_file_is_refused_from_its_size_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.iso"
    with huge.open("wb") as f:  # sparse: nothing is written but the length
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(AttachmentError, match=r"200(\.0)? MB"):
        att.check_file_size(huge.name, huge.stat().st_size)


def test_binary_file_is_refused() -> None:
    with pytest.raises(AttachmentError, match="neither an image"):
        att.prepare("tool.exe", samples.BINARY)
    with pytest.raises(AttachmentError, match="neither an image"):
        att.prepare("latin1.txt", "café".encode("latin-1"))


def test_image_for_a_model_without_vision_is_refused() -> None:
    with pytest.raises(AttachmentError, match=r"does not take images.*text is kept"):
        att.check_for_model([Kind.IMAGE], "claude-text-only", image_input=False, pdf_input=True)
    att.check_for_model([Kind.PDF, Kind.TEXT], "m", image_input=False, pdf_input=True)
    with pytest.raises(AttachmentError, match="does not read PDFs"):
        att.check_for_model([Kind.PDF], "m", image_input=True, pdf_input=False)


def test_request_limits() -> None:
    small = att.prepare("s.png", samples.png(100, 100))
    att.check_request([small] * 20)
    wide = att.prepare("w.png", samples.png(2500, 10))
    att.check_request([wide])
    with pytest.raises(AttachmentError, match="at most 2000 px a side"):
        att.check_request([wide] + [small] * 20)
    with pytest.raises(AttachmentError, match=r"32(\.0)? MB"):
        att.check_request([small], already=32 * 1024 * 1024)


def test_blocks_are_the_apis_exactly() -> None:
    image = att.prepare("/home/me/shot.png", samples.png(4, 3))
    ref = att.ref_block(image)
    assert ref["source"]["name"] == "shot.png"  # never the folders
    assert att.api_block(ref, image.data) == {
        "type": "image",
        "source": {
            "type": "base64",
            "media_type": "image/png",
            "data": base64.b64encode(image.data).decode(),
        },
    }
    doc = att.prepare("p.pdf", samples.pdf(2))
    assert att.api_block(att.ref_block(doc), doc.data) == {
        "type": "document",
        "source": {
            "type": "base64",
            "media_type": "application/pdf",
            "data": base64.b64encode(doc.data).decode(),
        },
        "title": "p.pdf",
        "citations": {"enabled": True},
    }
    text = att.prepare("a.py", samples.TEXT)
    assert att.api_block(att.ref_block(text), text.data)["source"] == {
        "type": "text",
        "media_type": "text/plain",
        "data": samples.TEXT.decode(),
    }
    back = att.from_api_block(att.api_block(ref, image.data), "shot.png")
    assert back is not None and back.data == image.data


def test_a_block_whose_bytes_are_not_its_media_type_is_refused() -> None:
    block = {
        "type": "image",
        "source": {
            "type": "base64",
            "media_type": "image/jpeg",
            "data": base64.b64encode(samples.png(2, 2)).decode(),
        },
    }
    with pytest.raises(AttachmentError, match="says it is image/jpeg"):
        att.from_api_block(block)


def _message_with(*files: att.Attachment) -> Message:
    m = Message.user("look")
    m.content += [att.ref_block(a) for a in files]
    return m


def test_store_keeps_one_copy_and_frees_it_with_the_last_message(store: Store) -> None:
    image = att.prepare("shot.png", samples.png(8, 8))
    doc = att.prepare("p.pdf", samples.pdf(2))
    a, b = Conversation(title="a"), Conversation(title="b")
    for conv, files in ((a, (image, doc)), (b, (image,))):
        store.save_conversation(conv)
        for f in files:
            write_blob(store.path, f)
        m = _message_with(*files)
        conv.append(m)
        store.append_message(conv.id, m)
    db = sqlite3.connect(store.path)
    try:
        assert blob_count(db) == 2  # the image once, though two messages hold it
        shelf = BlobShelf(store.path)
        loaded = store.load(a.id).messages[0]
        request = att.with_bytes([{"role": "user", "content": loaded.content}], shelf.read)
        assert request[0]["content"][1]["source"]["data"] == base64.b64encode(image.data).decode()
        store.delete(a.id)
        store.purge_deleted()
        assert blob_count(db) == 1  # the PDF went; the image is still used by b
        from desktop_chat.core.store_blobs import read_file_id, write_file_id

        write_file_id(store.path, image.sha256, "http://api/", "file_1")
        assert read_file_id(store.path, image.sha256, "http://api/") == "file_1"
        store.delete(b.id)
        store.purge_deleted()
        assert blob_count(db) == 0
        assert read_file_id(store.path, image.sha256, "http://api/") is None
    finally:
        db.close()


def test_a_file_attached_but_never_sent_is_freed_after_a_week(store: Store) -> None:
    kept, stale = att.prepare("new.png", samples.png(3, 3)), att.prepare("old.txt", b"old")
    write_blob(store.path, kept)
    write_blob(store.path, stale)
    db = sqlite3.connect(store.path)
    try:
        with db:
            db.execute("UPDATE blobs SET created_at = 0 WHERE sha256 = ?", (stale.sha256,))
        store.purge_deleted()
        remaining = {row[0] for row in db.execute("SELECT sha256 FROM blobs")}
    finally:
        db.close()
    assert remaining == {kept.sha256}


def test_a_file_a_saved_draft_holds_is_not_freed_after_a_week(store: Store) -> None:
    from desktop_chat.core.drafts import DraftStore

    drafted, stale = att.prepare("draft.pdf", samples.pdf(1)), att.prepare("old.txt", b"old")
    for a in (drafted, stale):
        write_blob(store.path, a)
    DraftStore(store.path.parent / "drafts.json").save(
        "conv-1", "", [att.ref_block(drafted)["source"]]
    )
    db = sqlite3.connect(store.path)
    try:
        with db:
            db.execute("UPDATE blobs SET created_at = 0")
        store.purge_deleted()
        remaining = {row[0] for row in db.execute("SELECT sha256 FROM blobs")}
    finally:
        db.close()
    assert remaining == {drafted.sha256}


def test_a_file_a_saved_draft_holds_stays_when_its_last_message_is_purged(
    store: Store,
) -> None:
    from desktop_chat.core.drafts import DraftStore

    image = att.prepare("shot.png", samples.png(8, 8))
    sent = Conversation(title="sent")
    store.save_conversation(sent)
    write_blob(store.path, image)
    m = _message_with(image)
    sent.append(m)
    store.append_message(sent.id, m)
    DraftStore(store.path.parent / "drafts.json").save(
        "other", "", [att.ref_block(image)["source"]]
    )
    store.delete(sent.id)
    store.purge_deleted()
    db = sqlite3.connect(store.path)
    try:
        assert blob_count(db) == 1  # the draft of "other" still holds it
        assert db.execute("SELECT count(*) FROM message_blobs").fetchone()[0] == 0
    finally:
        db.close()


def test_large_documents_and_the_largest_beyond_the_inline_budget_go_by_file_id() -> None:
    from desktop_chat.core.store_blobs import by_reference

    mb = 1024 * 1024
    texts = [att.prepare(f"log{n}.txt", bytes([97 + n]) * int(1.2 * mb)) for n in range(3)]
    big = att.prepare("big.pdf", samples.pdf(3, pad=6 * mb))
    small = att.prepare("small.png", samples.png(5, 5))
    blocks = [att.ref_block(a) for a in (*texts, big, small)]
    chosen = by_reference(blocks)
    # 3 x 1.2 MB of text is 4.8 MB encoded: over the 4 MB budget, so one of them goes too.
    assert set(chosen) == {big.sha256, texts[0].sha256}
    assert by_reference(blocks[:2] + blocks[4:]) == {}


def test_images_earlier_in_the_conversation_count_towards_the_many_images_limit() -> None:
    earlier = [att.ref_block(att.prepare(f"{n}.png", samples.png(4, 4 + n))) for n in range(18)]
    wide = att.prepare("wide.png", samples.png(2500, 10))
    att.check_send([wide], earlier[:5], model="m", image_input=True, pdf_input=True)
    with pytest.raises(AttachmentError, match="with 21 images in a request"):
        small = [att.prepare(f"s{n}.png", samples.png(5, 5 + n)) for n in range(2)]
        att.check_send([wide, *small], earlier, model="m", image_input=True, pdf_input=True)


def test_a_refusal_naming_a_file_id_says_which_files_are_gone() -> None:
    from desktop_chat.core.client import ErrorKind, TurnError
    from desktop_chat.core.files_api import gone_file_ids

    used = {"file_a", "file_b"}

    def error(status: int, words: str) -> TurnError:
        kind = ErrorKind.NOT_FOUND if status == 404 else ErrorKind.BAD_REQUEST
        return TurnError(kind, words, retryable=False, status_code=status)

    named = error(400, "messages.0.content.0.source.file.file_id: File not found: file_b")
    assert gone_file_ids(named, used) == {"file_b"}
    assert gone_file_ids(error(404, "Not found: File not found."), used) == used
    assert gone_file_ids(error(400, "max_tokens: too large"), used) == set()
    assert gone_file_ids(error(429, "file_a rate limit"), used) == set()
    assert gone_file_ids(named, set()) == set()

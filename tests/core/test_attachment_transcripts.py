"""Attachments in exports and imports: JSON carries the API's blocks and comes back byte for
byte; HTML shows images inline and loads nothing; Markdown writes the files beside it."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import attachment_samples as samples
import pytest

from desktop_chat.core import attachments as att
from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.store import Store
from desktop_chat.core.store_blobs import BlobShelf, write_blob
from desktop_chat.core.transcript_attachments import for_export
from desktop_chat.core.transcript_fields import TranscriptError
from desktop_chat.core.transcript_html import to_html
from desktop_chat.core.transcript_import import import_json
from desktop_chat.core.transcript_json import to_json
from desktop_chat.core.transcript_markdown import to_markdown

FILES = {
    "shot.png": samples.png(30, 20),
    "paper.pdf": samples.pdf(4),
    "notes.md": "# Notes\r\nünïcode\n".encode(),
}


def saved_conversation(store: Store) -> Conversation:
    conv = Conversation(title="with files")
    store.save_conversation(conv)
    question = Message.user("What are these?")
    for name, data in FILES.items():
        a = att.prepare(name, data)
        write_blob(store.path, a)
        question.content.insert(0, att.ref_block(a))
    conv.append(question)
    store.append_message(conv.id, question)
    return conv


def test_json_export_carries_the_api_blocks_and_import_restores_them_byte_identical(
    store: Store, tmp_path: Path
) -> None:
    conv = saved_conversation(store)
    exported = to_json(for_export([store.load(conv.id)], "json", BlobShelf(store.path).read))
    blocks = json.loads(exported)["conversations"][0]["messages"][0]["content"]
    image = next(b for b in blocks if b["type"] == "image")
    assert image == {
        "type": "image",
        "source": {
            "type": "base64",
            "media_type": "image/png",
            "data": base64.b64encode(FILES["shot.png"]).decode(),
        },
    }
    text_doc = next(b for b in blocks if b.get("title") == "notes.md")
    assert text_doc["source"] == {
        "type": "text",
        "media_type": "text/plain",
        "data": FILES["notes.md"].decode(),
    }

    other = Store.open(tmp_path / "other.db")
    try:
        import_json(other, exported)
        loaded = other.load(conv.id)
        shelf = BlobShelf(other.path)
        for block in att.refs(loaded.messages[0].content):
            name = block["source"]["name"]
            data = shelf.read(block["source"]["sha256"])
            assert data == FILES.get(name, FILES["shot.png"])
        again = to_json(for_export([loaded], "json", shelf.read))
    finally:
        other.close()
    assert again == exported


def test_importing_a_block_whose_bytes_lie_is_refused(store: Store) -> None:
    conv = saved_conversation(store)
    exported = json.loads(
        to_json(for_export([store.load(conv.id)], "json", BlobShelf(store.path).read))
    )
    for block in exported["conversations"][0]["messages"][0]["content"]:
        if block["type"] == "image":
            block["source"]["media_type"] = "image/gif"
    exported["conversations"][0]["id"] = "another"
    exported["conversations"][0]["messages"][0]["id"] = "another-message"
    with pytest.raises(TranscriptError, match="says it is image/gif"):
        import_json(store, json.dumps(exported))


def test_html_shows_images_inline_and_loads_nothing(store: Store) -> None:
    conv = saved_conversation(store)
    page = to_html(for_export([store.load(conv.id)], "html", BlobShelf(store.path).read))
    data = base64.b64encode(FILES["shot.png"]).decode()
    assert f'<img src="data:image/png;base64,{data}" alt="shot.png"' in page
    assert "img-src data:" in page and "default-src 'none'" in page
    assert "paper.pdf" in page and "4 pages" in page
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")


def test_markdown_writes_the_files_beside_it_and_links_them(store: Store, tmp_path: Path) -> None:
    conv = saved_conversation(store)
    md_path = tmp_path / "chat.md"
    text = to_markdown(for_export([store.load(conv.id)], "md", BlobShelf(store.path).read, md_path))
    folder = tmp_path / "chat_files"
    written = {p.name.split("-", 1)[1]: p.read_bytes() for p in folder.iterdir()}
    assert written == {
        "shot.png": FILES["shot.png"],
        "paper.pdf": FILES["paper.pdf"],
        "notes.md": FILES["notes.md"],
    }
    png_name = next(p.name for p in folder.iterdir() if p.name.endswith("shot.png"))
    assert f"![shot.png](chat_files/{png_name})" in text
    assert "[\U0001f4ce paper.pdf](chat_files/" in text

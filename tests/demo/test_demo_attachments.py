"""Image and document blocks, checked by the demo as the API checks them, and described."""

from __future__ import annotations

import base64
import sys
from pathlib import Path
from typing import Any

import anthropic
import pytest
from demo_prompts import MODEL

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import attachment_samples as samples


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def image(data: bytes, media_type: str = "image/png") -> dict[str, Any]:
    return {
        "type": "image",
        "source": {"type": "base64", "media_type": media_type, "data": b64(data)},
    }


def pdf_block(data: bytes) -> dict[str, Any]:
    return {
        "type": "document",
        "source": {"type": "base64", "media_type": "application/pdf", "data": b64(data)},
        "title": "paper.pdf",
        "citations": {"enabled": True},
    }


def send(client: anthropic.Anthropic, *blocks: dict[str, Any]) -> Any:
    content = [*blocks, {"type": "text", "text": "What is this?"}]
    return client.messages.create(
        model=MODEL,
        max_tokens=1024,
        messages=[{"role": "user", "content": content}],  # type: ignore[typeddict-item]
    )


def test_the_demo_says_what_it_was_shown(client: anthropic.Anthropic) -> None:
    text_doc = {
        "type": "document",
        "source": {"type": "text", "media_type": "text/plain", "data": "a\nb\nc"},
        "title": "notes.txt",
    }
    reply = send(client, image(samples.png(1200, 800)), pdf_block(samples.pdf(12)), text_doc)
    words = reply.content[0].text
    assert "an image of 1200\u00d7800 px" in words
    assert "a 12-page PDF called “paper.pdf”" in words
    assert "a text document of 3 lines" in words


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            image(samples.png(4, 4), "image/jpeg"),
            "messages.0.content.0.source.base64.data: The image was specified using the"
            " image/jpeg media type, but the image appears to be a image/png image",
        ),
        (
            image(samples.png(4, 4), "image/bmp"),
            "messages.0.content.0.source.base64.media_type: Input should be 'image/jpeg'",
        ),
        (
            {
                "type": "image",
                "source": {"type": "base64", "media_type": "image/png", "data": "@@"},
            },
            "messages.0.content.0.source.base64.data: Invalid base64 data",
        ),
        (
            image(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
            "messages.0.content.0.source.base64.data: Could not process image",
        ),
        (
            image(samples.png(8001, 1)),
            "messages.0.content.0.source.base64.data: At least one of the image dimensions",
        ),
        (
            pdf_block(samples.pdf(2, encrypted=True)),
            "messages.0.content.0.source.base64.data: The PDF specified is password protected.",
        ),
        (
            pdf_block(samples.pdf(101)),
            "messages.0.content.0.source.base64.data: A maximum of 100 PDF pages",
        ),
        (
            pdf_block(samples.TEXT),
            "messages.0.content.0.source.base64.data: The PDF specified was not valid.",
        ),
    ],
    ids=[
        "wrong-media-type",
        "unknown-media-type",
        "bad-base64",
        "corrupt-image",
        "too-wide",
        "encrypted-pdf",
        "too-many-pages",
        "not-a-pdf",
    ],
)
def test_bad_attachments_are_refused_with_the_api_wording(
    client: anthropic.Anthropic, block: dict[str, Any], message: str
) -> None:
    with pytest.raises(anthropic.BadRequestError) as caught:
        send(client, block)
    assert caught.value.api_message is not None
    assert caught.value.api_message.startswith(message)


def test_over_20_images_each_must_be_2000_px_at_most(client: anthropic.Anthropic) -> None:
    small = image(samples.png(10, 10))
    send(client, image(samples.png(2100, 1)), *[small] * 5)
    with pytest.raises(anthropic.BadRequestError, match="many-image requests: 2000 pixels"):
        send(client, image(samples.png(2100, 1)), *[small] * 20)


def test_files_api_upload_get_list_delete_and_use(client: anthropic.Anthropic) -> None:
    uploaded = client.files.upload(file=("paper.pdf", samples.pdf(7), "application/pdf"))
    assert uploaded.type == "file" and uploaded.id.startswith("file_")
    assert (uploaded.filename, uploaded.mime_type, uploaded.size_bytes) == (
        "paper.pdf",
        "application/pdf",
        len(samples.pdf(7)),
    )
    assert client.files.retrieve_metadata(uploaded.id).id == uploaded.id
    assert uploaded.id in [f.id for f in client.files.list()]
    by_id = {
        "type": "document",
        "source": {"type": "file", "file_id": uploaded.id},
        "title": "paper.pdf",
    }
    assert "a 7-page PDF called “paper.pdf”" in send(client, by_id).content[0].text
    client.files.delete(uploaded.id)
    with pytest.raises(anthropic.NotFoundError):
        client.files.retrieve_metadata(uploaded.id)
    with pytest.raises(anthropic.BadRequestError, match="File not found"):
        send(client, by_id)


def test_a_file_of_the_wrong_kind_is_refused_in_a_block(client: anthropic.Anthropic) -> None:
    text = client.files.upload(file=("notes.txt", b"just text", "text/plain"))
    with pytest.raises(anthropic.BadRequestError, match="not an image"):
        send(client, {"type": "image", "source": {"type": "file", "file_id": text.id}})

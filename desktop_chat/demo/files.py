"""The Files API, as far as a chat client uses it: upload (``POST /v1/files``, multipart),
look up, list and delete; and the messages that refer to a file by ``file_id``.

Files are kept in memory for the server's life. A message block whose source is
``{"type": "file", "file_id": ...}`` must name an uploaded file of a kind its block takes
(an image for ``image``, a PDF or plain text for ``document``).
"""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop_chat.core import attachments as att
from desktop_chat.demo.attachments import encode_in_chunks, remember
from desktop_chat.demo.errors import ApiError, invalid_request

MAX_FILE_BYTES = 500 * 1024 * 1024
"""The Files API's limit on one file."""


@dataclass(frozen=True)
class Multipart:
    """A ``multipart/form-data`` body, not parsed yet: its content type and bytes."""

    content_type: str
    raw: bytes


@dataclass(frozen=True)
class StoredFile:
    id: str
    filename: str
    mime_type: str
    data: bytes
    created_at: float

    def metadata(self) -> dict[str, Any]:
        created = datetime.fromtimestamp(self.created_at, UTC).isoformat().replace("+00:00", "Z")
        return {
            "id": self.id,
            "type": "file",
            "filename": self.filename,
            "mime_type": self.mime_type,
            "size_bytes": len(self.data),
            "created_at": created,
            "downloadable": False,
        }


_DISPOSITION = re.compile(r'(\w+)="([^"]*)"')


def _parts(body: Multipart) -> dict[str, tuple[str | None, str, bytes]]:
    """The form's fields: name -> (file name, content type, bytes).

    Split with ``bytes.find`` rather than ``email``'s parser: that one is pure Python and
    held the GIL for a second over a 30 MB upload (the demo runs in the app's process).
    """
    boundary = re.search(r'boundary="?([^";]+)"?', body.content_type)
    if not body.content_type.startswith("multipart/form-data") or boundary is None:
        raise invalid_request("Content-Type must be multipart/form-data with a boundary")
    delimiter = b"--" + boundary.group(1).encode("latin-1")
    fields: dict[str, tuple[str | None, str, bytes]] = {}
    at = body.raw.find(delimiter)
    if at < 0:
        raise invalid_request("There was an error parsing the multipart body of your request")
    while True:
        at += len(delimiter)
        if body.raw.startswith(b"--", at):
            return fields
        head_end = body.raw.find(b"\r\n\r\n", at)
        next_at = body.raw.find(b"\r\n" + delimiter, head_end)
        if head_end < 0 or next_at < 0:
            raise invalid_request("There was an error parsing the multipart body of your request")
        headers = {}
        for line in body.raw[at:head_end].decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            if key:
                headers[key.strip().lower()] = value.strip()
        params = dict(_DISPOSITION.findall(headers.get("content-disposition", "")))
        if "name" in params:
            fields[params["name"]] = (
                params.get("filename"),
                headers.get("content-type", "application/octet-stream"),
                body.raw[head_end + 4 : next_at],
            )
        at = next_at + 2


class FileStore:
    """Uploaded files, by id (thread-safe: the server runs in its own thread)."""

    def __init__(self) -> None:
        self._files: dict[str, StoredFile] = {}
        self._lock = threading.Lock()

    def upload(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, Multipart):
            raise invalid_request("Content-Type must be multipart/form-data with a boundary")
        fields = _parts(body)
        if "file" not in fields:
            raise invalid_request("file: Field required")
        filename, declared, data = fields["file"]
        if len(data) > MAX_FILE_BYTES:
            raise ApiError(413, "File exceeds the maximum allowed size of 500 MB.")
        if not data:
            raise invalid_request("file: the file is empty")
        sniffed = att.sniff(data)
        if sniffed is None:
            try:
                data.decode("utf-8")
                sniffed = att.TEXT_TYPE
            except UnicodeDecodeError:
                sniffed = declared or "application/octet-stream"
        name = os.path.basename((filename or "").replace("\\", "/")) or "unnamed"
        stored = StoredFile("file_011C" + os.urandom(12).hex(), name, sniffed, data, time.time())
        with self._lock:
            self._files[stored.id] = stored
        return stored.metadata()

    def get(self, file_id: str) -> StoredFile:
        with self._lock:
            found = self._files.get(file_id)
        if found is None:
            raise ApiError(404, f"File not found: {file_id}", error_type="not_found_error")
        return found

    def delete(self, file_id: str) -> dict[str, Any]:
        self.get(file_id)
        with self._lock:
            self._files.pop(file_id, None)
        return {"id": file_id, "type": "file_deleted"}

    def listing(self) -> dict[str, Any]:
        with self._lock:
            files = sorted(self._files.values(), key=lambda f: -f.created_at)
        return {
            "data": [f.metadata() for f in files],
            "has_more": False,
            "first_id": files[0].id if files else None,
            "last_id": files[-1].id if files else None,
        }

    def resolve(self, messages: list[Any]) -> list[Any]:
        """Check each block that names a file, and give the messages with those sources
        inline (base64 or text), as the model would read them."""
        out = []
        for i, message in enumerate(messages):
            if not isinstance(message, dict) or not isinstance(message.get("content"), list):
                out.append(message)
                continue
            content = []
            for j, block in enumerate(message["content"]):
                source = block.get("source") if isinstance(block, dict) else None
                if isinstance(source, dict) and source.get("type") == "file":
                    block = {
                        **block,
                        "source": self._inline(block, source, f"messages.{i}.content.{j}"),
                    }
                content.append(block)
            out.append({**message, "content": content})
        return out

    def _inline(self, block: dict[str, Any], source: dict[str, Any], where: str) -> dict[str, Any]:
        file_id = source.get("file_id")
        if not isinstance(file_id, str):
            raise invalid_request(f"{where}.source.file.file_id: Field required")
        with self._lock:
            found = self._files.get(file_id)
        if found is None:
            raise invalid_request(f"{where}.source.file.file_id: File not found: {file_id}")
        kind = block.get("type")
        if kind == "image" and found.mime_type not in att.IMAGE_TYPES:
            raise invalid_request(
                f"{where}.source.file: file {file_id} is {found.mime_type}, not an image"
            )
        if kind == "document" and found.mime_type not in (att.PDF_TYPE, att.TEXT_TYPE):
            raise invalid_request(
                f"{where}.source.file: file {file_id} is {found.mime_type}; documents must be"
                " application/pdf or text/plain"
            )
        if found.mime_type == att.TEXT_TYPE:
            return {"type": "text", "media_type": att.TEXT_TYPE, "data": found.data.decode("utf-8")}
        encoded = encode_in_chunks(found.data)
        remember(encoded, found.data)
        return {"type": "base64", "media_type": found.mime_type, "data": encoded}

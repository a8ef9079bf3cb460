"""Attachment bytes in the conversations database, one copy per distinct file (sha256).

Megabytes are written and read off the UI thread: each call here opens its own short
connection to the database file, so it can run in a worker thread (``asyncio.to_thread``)
while the UI thread's ``Store`` keeps its own. The table and the triggers that free a blob
with the last message using it are made by migration ``m007_attachments``.

:class:`BlobShelf` is what a session reads attachments from: the bytes of the files
attached in this session (kept in memory until they are written, and for the store-less
first moments), then the store.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from desktop_chat.core.attachments import (
    INLINE_BUDGET,
    Attachment,
    AttachmentError,
    base64_size,
    by_file,
    is_ref,
    with_bytes,
)
from desktop_chat.core.i18n import translate

log = logging.getLogger(__name__)

_TIMEOUT_S = 10.0
Upload = Callable[[str, bytes, str], Awaitable[str]]
"""Uploads a file (name, bytes, media type) to the Files API; its ``file_id``."""
Exists = Callable[[str], Awaitable[bool]]
"""Whether the Files API still has a ``file_id``."""


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=_TIMEOUT_S, isolation_level=None)
    db.execute("PRAGMA synchronous = NORMAL")
    return db


WRITE_CHUNK = 1024 * 1024
"""Bytes written per call: binding 30 MB at once held the GIL (and the UI thread) 15 ms."""


def put_blob(db: sqlite3.Connection, a: Attachment, thumbnail: bytes | None = None) -> None:
    """Store ``a``'s bytes unless the same bytes are stored already, in one transaction
    (``db`` in autocommit mode); the bytes go in ``WRITE_CHUNK`` at a time."""
    db.execute("BEGIN IMMEDIATE")
    try:
        row = db.execute(
            "INSERT INTO blobs (sha256, media_type, size, data, thumbnail, created_at)"
            " VALUES (?, ?, ?, zeroblob(?), ?, ?) ON CONFLICT (sha256) DO NOTHING"
            " RETURNING rowid",
            (a.sha256, a.media_type, a.size, a.size, thumbnail, time.time()),
        ).fetchone()
        if row is None:  # already there: a thumbnail it lacked is the only news
            db.execute(
                "UPDATE blobs SET thumbnail = coalesce(thumbnail, ?) WHERE sha256 = ?",
                (thumbnail, a.sha256),
            )
        else:
            view = memoryview(a.data)
            with db.blobopen("blobs", "data", row[0]) as blob:
                for at in range(0, len(view), WRITE_CHUNK):
                    blob.write(view[at : at + WRITE_CHUNK])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def get_blob(db: sqlite3.Connection, sha256: str) -> bytes | None:
    row = db.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else bytes(row[0])


def thumbnails(db: sqlite3.Connection, hashes: Iterable[str]) -> dict[str, bytes]:
    """The stored thumbnails of ``hashes`` (those that have one)."""
    wanted = list(dict.fromkeys(hashes))
    out: dict[str, bytes] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for sha, thumb in db.execute(
            f"SELECT sha256, thumbnail FROM blobs WHERE sha256 IN ({marks})"
            " AND thumbnail IS NOT NULL",
            chunk,
        ):
            out[sha] = bytes(thumb)
    return out


UNUSED_AFTER_S = 7 * 86400
"""An attachment no message uses (attached, then removed before sending) is kept this long."""


def free_unused_blobs(
    db: sqlite3.Connection, now: float | None = None, keep: Iterable[str] = ()
) -> int:
    """Remove the attachments no message has used for ``UNUSED_AFTER_S``, except those in
    ``keep`` (a saved draft's attachments); how many."""
    cutoff = (time.time() if now is None else now) - UNUSED_AFTER_S
    kept = json.dumps(sorted(set(keep)))
    return db.execute(
        "DELETE FROM blobs WHERE created_at < ?"
        " AND NOT EXISTS (SELECT 1 FROM message_blobs AS r WHERE r.sha256 = blobs.sha256)"
        " AND sha256 NOT IN (SELECT value FROM json_each(?))",
        (cutoff, kept),
    ).rowcount


def blob_count(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM blobs").fetchone()[0])


def write_blob(path: Path, a: Attachment, thumbnail: bytes | None = None) -> None:
    """``put_blob`` on a connection of its own (for a worker thread)."""
    with closing(_connect(path)) as db:
        put_blob(db, a, thumbnail)


def read_blob(path: Path, sha256: str) -> bytes | None:
    """``get_blob`` on a connection of its own (for a worker thread)."""
    with closing(_connect(path)) as db:
        return get_blob(db, sha256)


def save_thumbnail(path: Path, sha256: str, thumbnail: bytes) -> None:
    """Keep a thumbnail made later (an image imported without one)."""
    with closing(_connect(path)) as db:
        db.execute(
            "UPDATE blobs SET thumbnail = ? WHERE sha256 = ? AND thumbnail IS NULL",
            (thumbnail, sha256),
        )


def read_thumbnails(path: Path, hashes: Iterable[str]) -> dict[str, bytes]:
    with closing(_connect(path)) as db:
        return thumbnails(db, hashes)


def read_file_id(path: Path, sha256: str, server: str) -> str | None:
    """The Files API id ``sha256``'s bytes were uploaded as to ``server``, if kept."""
    with closing(_connect(path)) as db:
        row = db.execute(
            "SELECT file_id FROM file_ids WHERE sha256 = ? AND server = ?", (sha256, server)
        ).fetchone()
    return None if row is None else str(row[0])


def write_file_id(path: Path, sha256: str, server: str, file_id: str) -> None:
    with closing(_connect(path)) as db:
        db.execute(
            "INSERT OR REPLACE INTO file_ids (sha256, server, file_id, created_at)"
            " VALUES (?, ?, ?, ?)",
            (sha256, server, file_id, time.time()),
        )


def delete_file_ids(path: Path, file_ids: Iterable[str]) -> None:
    with closing(_connect(path)) as db:
        db.executemany("DELETE FROM file_ids WHERE file_id = ?", [(f,) for f in file_ids])


def by_reference(blocks: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Which attachments of a request go by ``file_id`` (sha256 -> source): large documents
    (``attachments.by_file``), then the largest others while more than ``INLINE_BUDGET``
    would be inline."""
    sources = {str(b["source"]["sha256"]): b["source"] for b in blocks}
    chosen = {sha: s for sha, s in sources.items() if by_file(str(s["media_type"]), int(s["size"]))}
    inline = sorted(
        (s for sha, s in sources.items() if sha not in chosen),
        key=lambda s: int(s["size"]),
        reverse=True,
    )
    total = sum(base64_size(int(s["size"])) for s in inline)
    for source in inline:
        if total <= INLINE_BUDGET:
            break
        chosen[str(source["sha256"])] = source
        total -= base64_size(int(source["size"]))
    return chosen


class MissingAttachmentError(KeyError):
    """An attachment's bytes are neither in memory nor in the store."""


class BlobShelf:
    """Where a session's attachments are read from: memory first, then the store file.

    Thread-safe: the request's blocks are built in a worker thread.
    """

    def __init__(self, store_path: Path | None = None) -> None:
        self.store_path = store_path
        self._held: dict[str, bytes] = {}
        self._thumbs: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._file_ids: dict[tuple[str, str], str] = {}  # (sha256, server): Files API id
        self._checked: set[str] = set()  # ids known to be on their server this session

    def hold(self, a: Attachment, thumbnail: bytes | None = None) -> None:
        """Keep ``a``'s bytes (and its thumbnail) for this session."""
        with self._lock:
            self._held[a.sha256] = a.data
            if thumbnail is not None:
                self._thumbs[a.sha256] = thumbnail

    def held_thumbnail(self, sha256: str) -> bytes | None:
        with self._lock:
            return self._thumbs.get(sha256)

    def read(self, sha256: str) -> bytes:
        """The bytes of ``sha256``; MissingAttachmentError when they are nowhere."""
        with self._lock:
            data = self._held.get(sha256)
        if data is None and self.store_path is not None:
            data = read_blob(self.store_path, sha256)
        if data is None:
            raise MissingAttachmentError(sha256)
        return data

    async def api_messages(
        self,
        messages: list[dict[str, Any]],
        upload: Upload | None = None,
        where: str = "",
        *,
        citations: bool = True,
        exists: Exists | None = None,
    ) -> list[dict[str, Any]]:
        """``messages`` with each attachment made the block the API takes, built in a worker
        thread; AttachmentError when an attachment's bytes are gone or cannot be uploaded.

        With ``upload``, what :func:`by_reference` picks is uploaded to the Files API once
        per server (``where``), and sent by ``file_id``; the ids are kept in the store, and
        one kept from an earlier session is first checked with ``exists`` (a file the
        server no longer has is uploaded again). Without ``citations`` (the model does not
        list them), documents do not ask for them.
        """
        blocks = [
            b for m in messages if isinstance(m["content"], list) for b in m["content"] if is_ref(b)
        ]
        if not blocks:
            return messages
        file_ids: dict[str, str] = {}
        try:
            for sha, source in (by_reference(blocks) if upload is not None else {}).items():
                assert upload is not None
                file_ids[sha] = await self._file_id(sha, source, upload, where, exists)
            return await asyncio.to_thread(
                with_bytes, messages, self.read, file_ids, citations=citations
            )
        except MissingAttachmentError as exc:
            raise AttachmentError(
                translate(
                    "Attachments",
                    "An attachment of this conversation is missing from the database, so it "
                    "cannot be sent. Edit the question and attach the file again.",
                )
            ) from exc

    async def _file_id(
        self, sha: str, source: dict[str, Any], upload: Upload, where: str, exists: Exists | None
    ) -> str:
        known = self._file_ids.get((sha, where))
        if known is None and self.store_path is not None:
            known = await asyncio.to_thread(self._kept_file_id, sha, where)
            unchecked = known is not None and known not in self._checked
            if unchecked and exists is not None and not await exists(str(known)):
                await self.forget_file_ids([str(known)])
                known = None
        if known is not None:
            self._checked.add(known)
            self._file_ids[(sha, where)] = known
            return known
        data = await asyncio.to_thread(self.read, sha)
        name = str(source.get("name") or "attachment")
        file_id = await upload(name, data, str(source["media_type"]))
        self._file_ids[(sha, where)] = file_id
        self._checked.add(file_id)
        if self.store_path is not None:
            try:
                await asyncio.to_thread(write_file_id, self.store_path, sha, where, file_id)
            except sqlite3.Error as exc:  # kept for this session only: the message still goes
                log.warning("file id not kept: %s", exc)
        return file_id

    def _kept_file_id(self, sha: str, where: str) -> str | None:
        assert self.store_path is not None
        try:
            return read_file_id(self.store_path, sha, where)
        except sqlite3.Error as exc:
            log.warning("kept file ids unreadable: %s", exc)
            return None

    async def forget_file_ids(self, file_ids: Iterable[str]) -> None:
        """The server no longer has these files: the next request sends them afresh."""
        gone = set(file_ids)
        self._file_ids = {k: v for k, v in self._file_ids.items() if v not in gone}
        self._checked -= gone
        if self.store_path is not None and gone:
            try:
                await asyncio.to_thread(delete_file_ids, self.store_path, gone)
            except sqlite3.Error as exc:
                log.warning("file ids not forgotten: %s", exc)

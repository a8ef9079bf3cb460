"""Files and pasted images made attachments, in worker threads: the UI thread never waits.

For each file: its size is checked before it is read (a 200 MB file is not read), then it
is read (bounded), told apart by its bytes (``core.attachments.prepare``), an image whose
long edge exceeds 1568 px is scaled down with Qt (``QImage`` works outside the GUI
thread), a thumbnail is made, and the bytes are written to the store, once per distinct
file. The result comes back as a signal, queued to the UI thread.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QImage

from desktop_chat.core.attachments import (
    MAX_FILE_BYTES,
    SCALE_LONG_EDGE,
    Attachment,
    AttachmentError,
    Kind,
    check_file_size,
    display_name,
    prepare,
)
from desktop_chat.core.i18n import translate
from desktop_chat.core.store_blobs import read_thumbnails, write_blob

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)

THUMBNAIL_PX = 96
Made = tuple[Attachment, bytes | None]


def pasted_name(ext: str = "png") -> str:
    """The name a pasted image is given (it has none), in the interface language."""
    return translate("Attachments", "Pasted image") + "." + ext


def encode(image: QImage, fmt: str, quality: int = -1) -> bytes:
    """``image`` as the bytes of a ``fmt`` ("PNG", "JPEG") file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time, though its stubs say bytes.
    image.save(buffer, fmt, quality)  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def scaled_to(image: QImage, long_edge: int) -> QImage:
    return image.scaled(
        long_edge,
        long_edge,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def thumbnail(image: QImage) -> bytes:
    return encode(scaled_to(image, THUMBNAIL_PX), "PNG")


def from_bytes(name: str, data: bytes) -> Made:
    """An attachment (scaled down if need be) and its thumbnail; AttachmentError if not."""
    attachment = prepare(name, data)
    if attachment.kind is not Kind.IMAGE:
        return attachment, None
    image = QImage.fromData(data)
    if image.isNull():
        raise AttachmentError(
            translate(
                "Attachments",
                "{name} is not a valid image: it cannot be decoded. Open it in an image "
                "editor, save it again as PNG or JPEG, and attach that.",
            ).format(name=attachment.name)
        )
    if attachment.needs_scaling:
        # What the API would do itself: fewer tokens, a smaller request, a quicker answer.
        image = scaled_to(image, SCALE_LONG_EDGE)
        jpeg = attachment.media_type == "image/jpeg"
        smaller = encode(image, "JPEG" if jpeg else "PNG", 90 if jpeg else -1)
        attachment = prepare(attachment.name, smaller)
    return attachment, thumbnail(image)


def from_file(path: Path) -> Made:
    """The file at ``path`` as an attachment (see :func:`from_bytes`)."""
    name = display_name(str(path))
    try:
        check_file_size(name, path.stat().st_size)
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # bounded, whatever the size said
    except OSError as exc:
        raise AttachmentError(
            translate("Attachments", "{name} cannot be read ({reason}).").format(
                name=name, reason=exc.strerror or exc
            )
        ) from exc
    return from_bytes(name, data)


def from_source(source: dict[str, Any], read: Callable[[str], bytes], store: Path | None) -> Made:
    """A draft's attachment again, from its reference source and its stored bytes (and
    thumbnail); KeyError (MissingAttachmentError) when the bytes are gone."""
    sha = str(source["sha256"])
    data = read(sha)
    attachment = Attachment(
        name=str(source.get("name") or "attachment"),
        data=data,
        media_type=str(source.get("media_type", "")),
        sha256=sha,
        width=int(source.get("width", 0)),
        height=int(source.get("height", 0)),
        pages=int(source.get("pages", 0)),
    )
    if attachment.kind is not Kind.IMAGE:
        return attachment, None
    thumb = read_thumbnails(store, [sha]).get(sha) if store is not None else None
    if thumb is None:
        image = QImage.fromData(data)
        thumb = None if image.isNull() else thumbnail(image)
    return attachment, thumb


class AttachmentIntake(QObject):
    """Makes attachments in worker threads; says what came of each.

    Signals:
        added(object, object): an ``Attachment`` is ready, and its thumbnail (PNG bytes or
            None).
        refused(str): a file cannot be attached: why, and what to do.
        busy_changed(int): how many files are being read now.
        restored(object, object, object): a draft's ``Attachment`` is back, its thumbnail,
            and the token :meth:`add_restored` was given.
    """

    added = Signal(object, object)
    restored = Signal(object, object, object)
    refused = Signal(str)
    busy_changed = Signal(int)
    _done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store_path: Path | None = None
        self._pool: ThreadPoolExecutor | None = None  # made when first needed
        self._busy = 0
        self._done.connect(self._on_done)

    @property
    def busy(self) -> int:
        return self._busy

    def add_paths(self, paths: list[str]) -> None:
        for path in paths:
            self._start(partial(from_file, Path(path)))

    def add_image(self, image: QImage) -> None:
        """A pasted image (a screenshot): encoded as PNG in the worker."""
        image = image.copy()  # the clipboard's may change under us
        name = pasted_name()
        self._start(lambda: from_bytes(name, encode(image, "PNG")))

    def add_bytes(self, name: str, data: bytes) -> None:
        self._start(lambda: from_bytes(name, data))

    def add_stored(self, name: str, read: Callable[[], bytes]) -> None:
        """An attachment of a message, again (its question is being edited): read from the
        store in the worker."""
        self._start(lambda: from_bytes(name, read()))

    def add_restored(
        self, source: dict[str, Any], read: Callable[[str], bytes], token: object
    ) -> None:
        """An attachment of a saved draft, again: its bytes read from the store in the
        worker; ``restored`` carries it with ``token``."""
        store = self.store_path
        self._start(
            lambda: from_source(source, read, store),
            lambda a, thumb: self.restored.emit(a, thumb, token),
            keep=False,
        )

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def _start(
        self,
        make: Callable[[], Made],
        done: Callable[[Attachment, bytes | None], None] | None = None,
        *,
        keep: bool = True,
    ) -> None:
        self._busy += 1
        self.busy_changed.emit(self._busy)
        self._worker().submit(self._run, make, done or self.added.emit, keep)

    def store(self, attachments: list[Attachment]) -> None:
        """Write to the store, in the worker, attachments made before it was open (so that
        a draft holding them finds them after a restart)."""
        path = self.store_path
        if path is None or not attachments:
            return

        def write() -> None:
            for a in attachments:
                try:
                    write_blob(path, a)
                except sqlite3.Error as exc:
                    log.warning("attachment not saved: %s", exc)

        self._worker().submit(write)

    def _worker(self) -> ThreadPoolExecutor:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            # One worker: files become chips in the order they were given.
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attach")
        return self._pool

    def _run(
        self,
        make: Callable[[], Made],
        done: Callable[[Attachment, bytes | None], None],
        keep: bool,
    ) -> None:
        # In a worker thread: signals emitted here are queued to the UI thread.
        try:
            attachment, thumb = make()
            store_path = self.store_path
            if keep and store_path is not None:
                try:
                    write_blob(store_path, attachment, thumb)
                except sqlite3.Error as exc:  # kept in memory: the message still goes
                    log.warning("attachment not saved: %s", exc)
            done(attachment, thumb)
        except AttachmentError as exc:
            self.refused.emit(str(exc))
        except KeyError:  # MissingAttachmentError: the bytes of a stored one are gone
            self.refused.emit(
                translate("Attachments", "An attachment is missing from the database.")
            )
        except Exception as exc:  # a worker must always report back
            log.exception("attachment failed")
            self.refused.emit(
                translate("Attachments", "The file could not be attached ({reason}).").format(
                    reason=exc
                )
            )
        finally:
            self._done.emit()

    def _on_done(self) -> None:
        self._busy -= 1
        self.busy_changed.emit(self._busy)

"""A message's attachments in the transcript: a thumbnail or an icon, the name and the facts,
as one link (``attachment:<sha256>``) that a click or Enter opens.

Thumbnails are small PNGs made when the file was attached and kept beside its bytes; they
are read in one query for a whole batch of messages (:meth:`ThumbnailBook.prefetch`), so
opening a conversation of many images reads kilobytes, not megabytes.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import (
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QApplication, QStyle

from desktop_chat.core.attachments import refs
from desktop_chat.core.conversation import Message
from desktop_chat.core.i18n import translate
from desktop_chat.core.store_blobs import BlobShelf, read_thumbnails, save_thumbnail
from desktop_chat.ui.attachment_facts import facts_text
from desktop_chat.ui.markdown_writer import Output
from desktop_chat.ui.theme import Theme

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

ATTACHMENT_SCHEME = "attachment"
_ICON_PX = 20


def _kind_icon(media_type: str) -> QImage:
    """The style's icon for a document (or an image without a thumbnail)."""
    pixmap = {
        "application/pdf": QStyle.StandardPixmap.SP_FileIcon,
        "text/plain": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    }.get(media_type, QStyle.StandardPixmap.SP_DesktopIcon)
    return QApplication.style().standardIcon(pixmap).pixmap(_ICON_PX, _ICON_PX).toImage()


class ThumbnailBook(QObject):
    """Thumbnails by sha256, read from ``shelf`` (memory, then its store) and kept.

    An image stored without one (imported from a transcript) gets one made in a worker
    thread, saved beside its bytes; ``made`` says so (the view draws again).

    Signals:
        made(str): a missing thumbnail was made: its image's sha256.
    """

    made = Signal(str)
    _ready = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shelf: BlobShelf | None = None
        self._images: dict[str, QImage | None] = {}
        self._making: set[str] = set()
        self._pool: ThreadPoolExecutor | None = None
        self._ready.connect(self._on_ready)

    def prefetch(self, messages: list[Message]) -> None:
        """Read the thumbnails of these messages' images at once (one query)."""
        wanted = [
            str(b["source"].get("sha256"))
            for m in messages
            for b in refs(m.content)
            if b.get("type") == "image"
        ]
        wanted = [sha for sha in wanted if sha not in self._images]
        if not wanted or self.shelf is None:
            return
        found: dict[str, bytes] = {}
        for sha in wanted:
            if (held := self.shelf.held_thumbnail(sha)) is not None:
                found[sha] = held
        rest = [sha for sha in wanted if sha not in found]
        if rest and self.shelf.store_path is not None:
            try:
                found.update(read_thumbnails(self.shelf.store_path, rest))
            except Exception:  # no thumbnail is no reason to fail drawing
                found = found
        for sha in wanted:
            image = QImage.fromData(found[sha]) if sha in found else None
            self._images[sha] = image if image is not None and not image.isNull() else None
            if self._images[sha] is None:
                self._make(sha)

    def _make(self, sha: str) -> None:
        if sha in self._making or self.shelf is None or self.shelf.store_path is None:
            return
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="thumbnails")
        self._making.add(sha)
        self._pool.submit(self._made_in_worker, sha, self.shelf, self.shelf.store_path)

    def _made_in_worker(self, sha: str, shelf: BlobShelf, store_path: Path) -> None:
        from desktop_chat.ui.attachment_intake import thumbnail

        try:
            image = QImage.fromData(shelf.read(sha))
            thumb = None if image.isNull() else thumbnail(image)
            if thumb is not None:
                save_thumbnail(store_path, sha, thumb)
        except Exception:  # a thumbnail is a nicety: the card keeps its icon
            thumb = None
        with suppress(RuntimeError):  # the view is gone (the window closed meanwhile)
            self._ready.emit(sha, thumb)

    def _on_ready(self, sha: str, thumb: bytes | None) -> None:
        self._making.discard(sha)
        image = QImage.fromData(thumb) if thumb else None
        if image is not None and not image.isNull():
            self._images[sha] = image
            self.made.emit(sha)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def image(self, sha: str) -> QImage | None:
        if sha not in self._images and self.shelf is not None:
            held = self.shelf.held_thumbnail(sha)
            if held is not None:
                self._images[sha] = QImage.fromData(held)
        return self._images.get(sha)


def write_cards(out: Output, message: Message, book: ThumbnailBook | None, theme: Theme) -> None:
    """One line per attachment of ``message``: its thumbnail (images) and its link."""
    blocks = list(refs(message.content))
    if not blocks:
        return
    if book is not None:
        book.prefetch([message])
    document = out.cursor.document()
    for block in blocks:
        source: dict[str, Any] = block["source"]
        sha = str(source.get("sha256", ""))
        href = f"{ATTACHMENT_SCHEME}:{sha}"
        line = QTextBlockFormat()
        line.setTopMargin(4)
        out.block(line, QTextCharFormat())
        image = book.image(sha) if book is not None else None
        if image is not None:
            name = f"thumb:{sha}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            picture = QTextImageFormat()
            picture.setName(name)
            picture.setWidth(image.width())
            picture.setHeight(image.height())
            picture.setAnchor(True)
            picture.setAnchorHref(href)
            picture.setToolTip(str(source.get("name", "")))
            out.cursor.insertImage(picture)
            out.cursor.insertText("  ", QTextCharFormat())
        else:
            name = f"kind:{source.get('media_type')}"
            icon = _kind_icon(str(source.get("media_type")))
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), icon)
            picture = QTextImageFormat()
            picture.setName(name)
            picture.setAnchor(True)
            picture.setAnchorHref(href)
            out.cursor.insertImage(picture)
            out.cursor.insertText(" ", QTextCharFormat())
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setAnchorHref(href)
        link.setForeground(theme.accent)
        link.setFontUnderline(True)
        name = str(source.get("name") or translate("Attachments", "attachment"))
        out.cursor.insertText(name, link)
        facts = QTextCharFormat()
        facts.setForeground(theme.dim)
        out.cursor.insertText(f"  {facts_text(source)}", facts)

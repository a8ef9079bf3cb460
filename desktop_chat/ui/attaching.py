"""Attaching files to the message being written, and opening attachments: the glue between
the composer, the chips row, the worker that reads files, and the viewers.

Ways in: a pasted image (a screenshot), pasted or dropped files, and the keymap's "attach"
action (a file dialog). A refused file is said in the transcript with its reason; the text
being typed is never touched.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog

from desktop_chat.core.attachments import Attachment, Kind, display_name, sniff
from desktop_chat.core.i18n import translate
from desktop_chat.ui.attachment_chips import AttachmentChips
from desktop_chat.ui.attachment_intake import AttachmentIntake, pasted_name

if TYPE_CHECKING:
    from desktop_chat.ui.image_viewer import ImageViewer
    from desktop_chat.ui.main_window import MainWindow


def open_externally(url: QUrl) -> None:
    """Hand a file to the system's viewer (tests replace this hook)."""
    QDesktopServices.openUrl(url)


class Attaching(QObject):
    """The window's attachments: the chips row, its worker, and opening files."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.chips = AttachmentChips(window)
        self.chips.return_focus = window.composer
        self.intake = AttachmentIntake(self)
        self.intake.store_path = window.controller.blobs.store_path
        self.viewer: ImageViewer | None = None
        self._temp = tempfile.TemporaryDirectory(prefix="desktop-chat-open-")
        composer = window.composer
        composer.sendable_when_empty = lambda: bool(self.chips.chips)
        composer.image_pasted.connect(self.on_image_pasted)
        composer.files_dropped.connect(self.intake.add_paths)
        self.intake.added.connect(self.chips.add)
        self.intake.restored.connect(self.on_restored)
        self.intake.refused.connect(self.on_refused)
        self.intake.busy_changed.connect(self.chips.on_busy_changed)
        self.chips.open_requested.connect(self.open_attachment)
        window.destroyed.connect(self.intake.shutdown)
        # A saved draft's attachments still being read back (or waiting for the store):
        # they belong to the draft all the same (see ``draft_sources``).
        self._restoring: list[dict[str, Any]] = []
        self._generation = 0
        self.intake.busy_changed.connect(self._on_busy_changed)

    def on_image_pasted(self, image: bytes | QImage) -> None:
        if isinstance(image, bytes):
            ext = (sniff(image) or "image/png").rpartition("/")[2].replace("jpeg", "jpg")
            self.intake.add_bytes(pasted_name(ext), image)
        else:
            self.intake.add_image(image)

    def set_store_path(self, path: Path | None) -> None:
        self.intake.store_path = path
        self.intake.store(self.chips.attachments())  # attached before the store opened
        if path is not None and self._restoring and not self.intake.busy:
            self.restore_draft(list(self._restoring))  # they waited for the store

    # section: the draft's attachments

    def draft_sources(self) -> list[dict[str, Any]]:
        """The attachments of the message being written, as a draft keeps them: the source
        of each one's reference block (its bytes are blobs in the store)."""
        from desktop_chat.core.attachments import ref_block

        shown = [ref_block(a)["source"] for a in self.chips.attachments()]
        seen = {s["sha256"] for s in shown}
        return shown + [s for s in self._restoring if s.get("sha256") not in seen]

    def restore_draft(self, sources: list[dict[str, Any]]) -> None:
        """Show a saved draft's attachments (and only them), read back in the worker."""
        self._generation += 1
        self.chips.clear()
        self._restoring = list(sources)
        shelf = self.window.controller.blobs
        if not sources or (shelf.store_path is None and self.intake.store_path is None):
            return  # (no store yet: read when it is attached)
        for source in sources:
            self.intake.add_restored(source, shelf.read, self._generation)

    def clear(self) -> None:
        """No attachments: the message was sent, or its edit cancelled."""
        self._generation += 1
        self._restoring = []
        self.chips.clear()

    def on_restored(self, attachment: Attachment, thumb: bytes | None, token: object) -> None:
        if token != self._generation:
            return  # a draft no longer shown
        self._restoring = [s for s in self._restoring if s.get("sha256") != attachment.sha256]
        self.chips.add(attachment, thumb)

    def _on_busy_changed(self, count: int) -> None:
        if count == 0 and self.intake.store_path is not None:
            self._restoring = []  # what did not come back is gone (and was said)

    def pick_files(self) -> None:
        """The "attach" action: choose files in a dialog (window-modal, and it does not
        block the event loop, as a static ``getOpenFileNames`` would)."""
        dialog = QFileDialog(
            self.window,
            translate("Attachments", "Attach files"),
            str(Path.home()),
            translate(
                "Attachments",
                "Images, PDFs, text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv "
                "*.log *.py);;All files (*)",
            ),
        )
        dialog.setObjectName("attach_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(self.intake.add_paths)
        dialog.finished.connect(lambda _result: self.window.composer.setFocus())
        dialog.open()

    def restore(self, content: list[dict[str, Any]]) -> None:
        """The chips of a message's attachments, again (its question is being edited)."""
        from functools import partial

        from desktop_chat.core.attachments import refs

        self._generation += 1  # a draft's attachments still being read are not this edit's
        self._restoring = []
        self.chips.clear()
        shelf = self.window.controller.blobs
        for block in refs(content):
            source = block["source"]
            sha = str(source.get("sha256"))
            self.intake.add_stored(str(source.get("name", "")), partial(shelf.read, sha))

    def draft_blocks(self) -> list[dict[str, Any]]:
        """The chips' blocks, as the message would hold them, for counting the draft (their
        bytes are held so that the count's request can carry them)."""
        from desktop_chat.core.attachments import ref_block

        blocks = []
        for attachment in self.chips.attachments():
            self.window.controller.blobs.hold(attachment)
            blocks.append(ref_block(attachment))
        return blocks

    def ready(self) -> bool:
        """Whether the message can go now: no file is still being read."""
        if self.intake.busy:
            self.window.status.show(
                translate("Attachments", "Still reading attachments; send again in a moment."),
                4000,
            )
            return False
        return True

    def on_refused(self, reason: str) -> None:
        self.window.chat_view.show_notice(reason, error=True)

    def open_attachment(self, attachment: Attachment, _thumb: object = None) -> None:
        self.open_bytes(attachment.name, attachment.media_type, attachment.data)

    def open_stored(self, sha256: str) -> None:
        """Open the attachment ``sha256`` of the conversation shown (a link in it)."""
        from desktop_chat.core.attachments import refs
        from desktop_chat.core.store_blobs import MissingAttachmentError

        source = next(
            (
                b["source"]
                for m in self.window.controller.conversation.messages
                for b in refs(m.content)
                if b["source"].get("sha256") == sha256
            ),
            None,
        )
        if source is None:
            return
        try:
            data = self.window.controller.blobs.read(str(source.get("sha256")))
        except MissingAttachmentError:
            self.on_refused(
                translate("Attachments", "This attachment is missing from the database.")
            )
            return
        self.open_bytes(str(source.get("name", "")), str(source.get("media_type", "")), data)

    def open_bytes(self, name: str, media_type: str, data: bytes) -> None:
        """An image in the viewer; a PDF or text in the system's viewer, from a copy."""
        kind = {"application/pdf": Kind.PDF, "text/plain": Kind.TEXT}.get(media_type, Kind.IMAGE)
        if kind is Kind.IMAGE:
            from desktop_chat.ui.image_viewer import ImageViewer  # not needed at start-up

            image = QImage.fromData(data)
            self.viewer = ImageViewer(image, name, self.window)
            self.viewer.show()
            return
        # A temporary copy: the original may be gone, and the store is never handed out.
        path = Path(self._temp.name) / (display_name(name) or "attachment")
        path.write_bytes(data)
        open_externally(QUrl.fromLocalFile(str(path)))

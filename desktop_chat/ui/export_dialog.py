"""Export one conversation, or all of them, to a file the user picks (JSON, Markdown, HTML)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_chat.core.conversation import Conversation
from desktop_chat.core.i18n import translate
from desktop_chat.core.safe_files import write_atomically
from desktop_chat.core.store import StoreError
from desktop_chat.core.transcript_attachments import for_export
from desktop_chat.core.transcript_formats import EXPORTERS

FILTERS = {
    translate("ExportDialog", "Markdown (*.md)"): "md",
    translate("ExportDialog", "JSON, to import again (*.json)"): "json",
    translate("ExportDialog", "HTML page (*.html)"): "html",
}


def file_name_for(title: str) -> str:
    """A safe file name (no extension) from a conversation title."""
    name = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()[:60]
    return name or "conversation"


class ExportDialog(QFileDialog):
    """A save dialog that writes the export itself once a file is chosen.

    Signals:
        exported(str): the path written.
        failed(str): why it could not be written, in plain words.
    """

    exported = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        conversations: Callable[[], Iterable[Conversation]],
        suggested_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, translate("ExportDialog", "Export"))
        self._conversations = conversations
        self.read_attachment: Callable[[str], bytes] | None = None  # set: exports carry them
        self.setObjectName("export_dialog")
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setNameFilters(list(FILTERS))
        # Qt's own dialog: the same on every desktop, and it does not block the event loop.
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.setDirectory(folder if folder and Path(folder).is_dir() else str(Path.home()))
        self.selectFile(f"{file_name_for(suggested_name)}.md")
        self.filterSelected.connect(self.on_filter_selected)
        self.fileSelected.connect(self.on_file_selected)

    def on_filter_selected(self, name_filter: str) -> None:
        ext = FILTERS.get(name_filter, "md")
        current = Path(self.selectedFiles()[0] if self.selectedFiles() else "conversation.md")
        self.selectFile(current.with_suffix(f".{ext}").name)

    def on_file_selected(self, path_text: str) -> None:
        path = Path(path_text)
        ext = FILTERS.get(self.selectedNameFilter(), "md")
        if path.suffix.lstrip(".") not in EXPORTERS:
            path = path.with_suffix(f".{ext}")
        fmt = path.suffix.lstrip(".")
        try:
            conversations = self._conversations()
            if self.read_attachment is not None:
                conversations = for_export(conversations, fmt, self.read_attachment, path)
            write_atomically(path, EXPORTERS[fmt](conversations))
        except (OSError, StoreError, LookupError) as exc:
            self.failed.emit(
                translate("ExportDialog", "Could not export to {path}: {exc}").format(
                    path=path, exc=exc
                )
            )
            return
        self.exported.emit(str(path))

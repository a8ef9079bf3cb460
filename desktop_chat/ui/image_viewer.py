"""An image, full size: fitted to the window at first; + and - zoom, 0 fits again, 1 shows
it at 100 %, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_chat.core.i18n import translate

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 16.0


class ImageViewer(QDialog):
    """Shows one image. ``zoom`` is None while it is fitted to the window."""

    def __init__(self, image: QImage, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setWindowTitle(title)
        self.setAccessibleName(
            translate("Attachments", "Image {title}, {width} by {height} pixels").format(
                title=title, width=image.width(), height=image.height()
            )
        )
        self._pixmap = QPixmap.fromImage(image)
        self.zoom: float | None = None
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea(self)
        self.area.setWidget(self.label)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setWidgetResizable(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self.hint = QLabel(
            translate("Attachments", "+ and - zoom, 0 fits, 1 is actual size, Esc closes"), self
        )
        self.hint.setEnabled(False)
        layout.addWidget(self.hint)
        self.resize(900, 700)
        self._show()

    @property
    def shown_scale(self) -> float:
        """The scale the image is drawn at now."""
        if self.zoom is not None:
            return self.zoom
        area = self.area.viewport().size()
        if self._pixmap.isNull() or self._pixmap.width() == 0:
            return 1.0
        return min(
            1.0,
            area.width() / self._pixmap.width(),
            area.height() / max(1, self._pixmap.height()),
        )

    def set_zoom(self, zoom: float | None) -> None:
        self.zoom = None if zoom is None else max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._show()

    def _show(self) -> None:
        scale = self.shown_scale
        size = self._pixmap.size() * scale
        self.label.setPixmap(
            self._pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.label.resize(size)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.shown_scale * ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.set_zoom(self.shown_scale / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.set_zoom(None)
        elif key == Qt.Key.Key_1:
            self.set_zoom(1.0)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def event(self, event: QEvent) -> bool:
        # Esc is also the main window's "stop" shortcut: here it closes the viewer.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP
            self.set_zoom(self.shown_scale * step)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom is None:
            self._show()

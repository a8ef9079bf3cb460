"""The chat's text size (Ctrl+= / Ctrl+- / Ctrl+0): the transcript and the message box grow
or shrink together, and the size is kept in the settings for the next start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from desktop_chat.core.settings import CHAT_FONT_SIZES, Settings, save_settings

STEP_PT = 1


def system_point_size() -> float:
    return QApplication.font().pointSizeF()


class ChatFont:
    """Sets the text size of ``widgets`` from ``settings.chat_font_pt`` and changes it.

    ``settings``/``save``: the current settings and how to keep new ones (the controller's,
    and ``save_settings``); ``told`` says a problem (a settings file that cannot be written).
    """

    def __init__(
        self,
        widgets: list[QWidget],
        settings: Callable[[], Settings],
        apply: Callable[[Settings], None],
        told: Callable[[str], None],
        save: Callable[[Settings], object] = save_settings,
    ) -> None:
        self._widgets = widgets
        self._settings = settings
        self._apply = apply
        self._told = told
        self._save = save
        self.show(settings().chat_font_pt)

    def size(self) -> float:
        """The chat's text size now, in points."""
        return self._settings().chat_font_pt or system_point_size()

    def show(self, points: float) -> None:
        for widget in self._widgets:
            font = QFont(widget.font())
            font.setPointSizeF(points or system_point_size())
            widget.setFont(font)

    def step(self, steps: int) -> None:
        """Larger (``steps`` > 0) or smaller text; 0 is back to the system's size."""
        low, high = CHAT_FONT_SIZES
        points = 0 if steps == 0 else min(high, max(low, round(self.size()) + steps * STEP_PT))
        self.show(points)
        settings = replace(self._settings(), chat_font_pt=points)
        self._apply(settings)
        try:
            self._save(settings)
        except (OSError, ValueError) as exc:
            self._told(str(exc))

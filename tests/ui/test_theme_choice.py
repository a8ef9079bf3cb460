"""The theme chosen in the settings applies even where the platform cannot switch colour
schemes (a bare X session, the tests' offscreen platform): the app uses its own palette."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MainWindow
from desktop_chat.ui.theme import apply_theme


@pytest.fixture
def system_theme_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme("system")
    qapp.processEvents()


def base_of(window: MainWindow) -> str:
    return str(window.chat_view.palette().color(QPalette.ColorRole.Base).name())


def test_dark_is_dark_and_system_gives_the_platform_back(
    qtbot: Any, qapp: QApplication, make_window: Any, system_theme_after: None
) -> None:
    window: MainWindow = make_window(Settings(thinking="off"))
    light = base_of(window)

    window.on_settings_saved(Settings(thinking="off", theme="dark"))
    qtbot.waitUntil(lambda: window.chat_view._theme.dark, timeout=2000)
    assert base_of(window) == "#1e1e1e"

    window.on_settings_saved(Settings(thinking="off", theme="system"))
    qtbot.waitUntil(lambda: not window.chat_view._theme.dark, timeout=2000)
    assert base_of(window) == light

"""Nothing said is lost when the database goes away: a banner says so until it is saved, and
quitting asks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_chat.core.settings import Settings
from desktop_chat.core.store import Store
from desktop_chat.ui.main_window import MainWindow


def ask(qtbot: Any, win: MainWindow, text: str) -> None:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000):
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.controller.busy, timeout=3000)


def test_a_deleted_database_is_shown_until_saved_again_and_quitting_asks(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"), store=True)
    store = win.controller.store
    assert store is not None
    ask(qtbot, win, "Before the file goes")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    qtbot.waitUntil(win.save_banner.isVisible, timeout=5000)  # noticed within the poll
    assert "deleted" in win.save_banner.label.text()
    assert win.save_banner.save_again_button.isVisible()

    ask(qtbot, win, "After the file went")  # answered, shown, and kept in memory
    assert "Not saved yet" in win.save_banner.label.text()

    win.close()  # asks first, and the window stays
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "Not saved yet" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert win.isVisible()

    qtbot.mouseClick(win.save_banner.save_again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.save_banner.isVisible(), timeout=3000)
    conversation_id = win.controller.conversation.id
    with Store.open(store.path) as reopened:
        texts = [m.text for m in reopened.load(conversation_id).path()]
    assert texts[0] == "Before the file goes" and texts[2] == "After the file went"
    assert len(texts) == 4 and texts[3]  # the reply to it too

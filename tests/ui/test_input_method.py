"""Chinese and Japanese are typed through an input method: the composer shows the text being
composed (pre-edit) without taking it as typed, tells the input method where the cursor is
(for its candidate window), and takes the committed words as typed text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent

from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MainWindow


def compose(widget: Any, preedit: str, commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QCoreApplication.sendEvent(widget, event)


def test_composing_then_committing_japanese(qtbot: Any, make_window: Any) -> None:
    window: MainWindow = make_window(Settings(thinking="off"))
    composer = window.composer
    composer.setFocus()
    qtbot.keyClicks(composer, "Q: ")
    compose(composer, "にほんご")
    # The pre-edit is shown in the box, but is not yet the message.
    assert composer.message_text() == "Q: "
    where = composer.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).toRect()
    assert composer.rect().contains(where.center())  # the candidate window goes by the text
    assert where.x() > composer.cursorRect().x() - 200
    compose(composer, "", commit="日本語")
    compose(composer, "ですか", "")
    compose(composer, "", commit="ですか？")  # noqa: RUF001
    assert composer.message_text() == "Q: 日本語ですか？"  # noqa: RUF001


def test_enter_during_composition_is_the_input_methods(qtbot: Any, make_window: Any) -> None:
    """An input method takes Enter to commit its words (no key press reaches the box); the
    Enter after that sends the message, with the committed words in it."""
    window: MainWindow = make_window(Settings(thinking="off"))
    composer = window.composer
    composer.setFocus()
    compose(composer, "ni hao")
    compose(composer, "", commit="你好")  # what an input method does on Enter
    assert window.controller.conversation.messages == []
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000):
        QCoreApplication.sendEvent(
            composer,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        )
    assert window.controller.conversation.messages[0].text == "你好"

"""The transcript's scroll bar, drawn flat (it repaints at every frame of a streaming reply):
its handle stands out from its groove in every palette, and follows a palette change."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionSlider
from test_contrast import DARK, palettes

from desktop_chat.core.conversation import Message
from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
from desktop_chat.ui.chat_view import ChatView
from desktop_chat.ui.flat_scroll_bar import NON_TEXT_CONTRAST, scroll_bar_colours
from desktop_chat.ui.theme import contrast


@pytest.mark.parametrize("name", ["light (Fusion)", *DARK, "the app's own dark"])
def test_the_handle_stands_out_from_the_groove(qapp: Any, name: str) -> None:
    groove, handle, active = scroll_bar_colours(palettes(qapp)[name])
    assert contrast(handle, groove) >= NON_TEXT_CONTRAST
    assert contrast(active, groove) >= NON_TEXT_CONTRAST
    assert active != handle  # the pointer on it shows


def shown_view(qtbot: Any, palette: QPalette | None = None) -> ChatView:
    view = ChatView()
    if palette is not None:
        view.setPalette(palette)
    view.resize(600, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    text = MARKDOWN_DOCUMENT * 2
    view.show_conversation([Message(role="assistant", content=[{"type": "text", "text": text}])])
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    return view


def handle_and_groove_pixels(view: ChatView) -> tuple[QColor, QColor]:
    """The colour in the middle of the drawn handle (at the bottom: the view sticks there),
    and near the top of the groove."""
    bar = view.verticalScrollBar()
    image = bar.grab().toImage()
    x = image.width() // 2
    handle = QColor(image.pixel(x, image.height() - 20))
    groove = QColor(image.pixel(x, 3))
    return handle, groove


def test_the_drawn_bar_has_the_flat_colours(qtbot: Any) -> None:
    view = shown_view(qtbot)
    groove, handle, _active = scroll_bar_colours(view.palette())
    drawn_handle, drawn_groove = handle_and_groove_pixels(view)
    assert drawn_handle.name() == handle.name()
    assert drawn_groove.name() == groove.name()
    assert contrast(drawn_handle, drawn_groove) >= NON_TEXT_CONTRAST


def test_a_palette_change_recolours_it(qapp: Any, qtbot: Any) -> None:
    view = shown_view(qtbot)
    light_handle, _groove = handle_and_groove_pixels(view)
    view.setPalette(palettes(qapp)["Adwaita dark"])
    qtbot.waitUntil(lambda: handle_and_groove_pixels(view)[0].name() != light_handle.name())
    drawn_handle, drawn_groove = handle_and_groove_pixels(view)
    assert drawn_groove.name() == "#1e1e1e"  # Adwaita dark's base
    assert contrast(drawn_handle, drawn_groove) >= NON_TEXT_CONTRAST


def test_the_bar_still_scrolls_by_its_arrows_and_its_handle(qtbot: Any) -> None:
    view = shown_view(qtbot)
    bar = view.verticalScrollBar()
    bar.setValue(0)
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    down = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarAddLine, bar
    )
    assert down.isValid() and not down.isEmpty()  # the arrow is where the style puts it
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=down.center())
    assert bar.value() > 0
    handle = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=handle.center())
    qtbot.mouseMove(bar, handle.center() + QPoint(0, 60))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=handle.center() + QPoint(0, 60))
    assert bar.value() > bar.singleStep() * 2  # dragged down

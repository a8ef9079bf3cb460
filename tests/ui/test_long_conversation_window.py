"""A long saved conversation opens with its end at once; the rest follows, and is all sent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_chat.core.conversation import Conversation, Message
from desktop_chat.core.settings import Settings
from desktop_chat.core.store import Store
from desktop_chat.ui.controller import TAIL
from desktop_chat.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def save_long(store: Store, pairs: int) -> Conversation:
    conversation = Conversation(title="long")
    for number in range(pairs):
        question = conversation.append(Message.user(f"question number {number}"))
        if number == pairs - 1:  # the last reply was regenerated: its first try is a variant
            old = Message(role="assistant", content=[{"type": "text", "text": "first try"}])
            conversation.append(old, parent_id=question.id)
        answer = Message(role="assistant", content=[{"type": "text", "text": f"answer {number}"}])
        conversation.append(answer, parent_id=question.id)
    store.save_conversation(conversation)
    for message in conversation.messages:
        store.append_message(conversation.id, message)
    return conversation


def test_the_end_shows_at_once_the_rest_follows_and_everything_is_sent(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"), store=True)
    store = win.controller.store
    assert store is not None and win.sidebar is not None
    saved = save_long(store, pairs=TAIL)  # 401 messages: twice what is read first
    win.sidebar.refresh()

    win.sidebar.conversation_activated.emit(saved.id)  # what a click in the sidebar does
    controller = win.controller
    assert controller.conversation.partial
    assert len(controller.conversation.messages) == TAIL
    assert "answer 199" in win.chat_view.toPlainText()
    assert "Variant 2 of 2" in win.chat_view.toPlainText()  # notes know the unread variant

    qtbot.waitUntil(lambda: not controller.conversation.partial, timeout=5000)
    assert len(controller.conversation.messages) == len(saved.messages)
    # The older messages are there to scroll up to (and to find).
    qtbot.keyClick(win, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(win.find_bar.field, "question number 0")
    qtbot.keyClick(win.find_bar.field, Qt.Key.Key_Return)
    assert "question number 0" in win.chat_view.textCursor().block().text()

    # Alt+Left flips to the variant that was never read until the rest arrived.
    qtbot.keyClick(win.composer, Qt.Key.Key_Left, ALT)
    assert controller.conversation.path()[-1].text == "first try"
    qtbot.keyClick(win.composer, Qt.Key.Key_Right, ALT)

    with qtbot.waitSignal(controller.reply_finished, timeout=15000):
        qtbot.keyClicks(win.composer, "and one more")
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    sent = api_server.requests[-1].body["messages"]
    assert len(sent) == 2 * TAIL + 1  # the whole path, not only what was read first
    assert sent[0]["content"][0]["text"] == "question number 0"


def test_a_question_sent_before_the_rest_arrives_waits_for_it(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"), store=True)
    store = win.controller.store
    assert store is not None and win.sidebar is not None
    saved = save_long(store, pairs=TAIL)
    win.sidebar.conversation_activated.emit(saved.id)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000):
        qtbot.keyClicks(win.composer, "at once")
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)  # while it is still partial
    sent = api_server.requests[-1].body["messages"]
    assert len(sent) == 2 * TAIL + 1
    assert sent[-1]["content"][-1]["text"] == "at once"
    reopened = store.load(saved.id)
    assert reopened.path()[-1].role == "assistant" and reopened.path()[-2].text == "at once"


def test_the_conversation_cost_counts_the_replies_read_after_it_opened(
    qtbot: Any, make_window: Any
) -> None:
    from desktop_chat.core import costs

    win: MainWindow = make_window(Settings(thinking="off"), store=True)
    store = win.controller.store
    assert store is not None and win.sidebar is not None
    conversation = Conversation(title="priced")
    for number in range(TAIL):
        conversation.append(Message.user(f"question {number}"))
        answer = Message(role="assistant", content=[{"type": "text", "text": f"answer {number}"}])
        answer.model = "claude-sonnet-5-5"
        answer.usage.input_tokens, answer.usage.output_tokens = 1000, 100
        conversation.append(answer)
    store.save_conversation(conversation)
    for message in conversation.messages:
        store.append_message(conversation.id, message)
    bills: list[Any] = []
    win.controller.bill_changed.connect(bills.append)

    win.sidebar.conversation_activated.emit(conversation.id)
    qtbot.waitUntil(lambda: not win.controller.conversation.partial, timeout=5000)
    qtbot.waitUntil(lambda: bills and bills[-1].replies == TAIL, timeout=2000)

    book = win.controller.bill.prices
    whole = costs.total_cost(((m.model, m.usage) for m in conversation.messages), book)
    assert bills[-1].cost == whole  # every reply, not only the half read first
    assert win.inspector.bill.text("conversation_cost") == costs.format_cost(whole)

"""After a refusal the window offers both ways on; Continue explains itself on a model that
refuses a prefilled reply. Against the embedded server, by keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_chat.core.settings import Settings
from desktop_chat.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def ask(qtbot: Any, win: MainWindow, text: str) -> Any:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000) as done:
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.controller.busy, timeout=3000)
    return done.args[0]


def test_a_refused_exchange_can_be_left_out_of_what_is_sent(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"), store=True)
    ask(qtbot, win, "First, a plain question")
    refused = ask(qtbot, win, "demo:refusal please")
    assert refused.stop_reason == "refusal"
    shown = win.chat_view.toPlainText()
    assert "Ctrl+Shift+Backspace leaves this exchange out of what is sent next" in shown
    assert "Up edits your question" in shown

    qtbot.keyClick(win.composer, Qt.Key.Key_Backspace, CTRL | SHIFT)
    assert "This exchange is left out of what is sent to Claude." in win.chat_view.toPlainText()
    ask(qtbot, win, "Something else, then")
    sent = [m["content"][-1]["text"] for m in api_server.requests[-1].body["messages"]]
    assert not any("demo:refusal" in text for text in sent)  # the refused question is gone
    assert sent[0] == "First, a plain question" and sent[-1] == "Something else, then"
    # Saved so: reopened, the exchange is still left out.
    store = win.controller.store
    assert store is not None
    reopened = store.load(win.controller.conversation.id)
    assert [m.excluded for m in reopened.path()] == [False, False, True, True, False, False]


def test_continue_explains_itself_on_a_model_without_prefill(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    win: MainWindow = make_window(Settings(thinking="off", model="claude-sonnet-5-5"))
    cut = ask(qtbot, win, "demo:max_tokens")
    assert cut.stop_reason == "max_tokens"
    win.controller.apply_settings(Settings(thinking="off", model="claude-opus-5-5"))
    requests = len(api_server.requests)
    qtbot.keyClick(win.composer, Qt.Key.Key_Return, CTRL | SHIFT)
    assert "cannot carry on a cut reply" in win.chat_view.toPlainText()
    assert "Ctrl+R" in win.chat_view.toPlainText()
    assert len(api_server.requests) == requests and not win.controller.busy  # nothing sent


def test_a_block_kind_newer_than_the_app_is_shown_in_the_side_pane_and_sent_back(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    win: MainWindow = make_window(Settings(thinking="off"))
    reply = ask(qtbot, win, "demo:unknown_block")
    unknown = [b for b in reply.content if b["type"] not in ("text", "thinking")]
    assert unknown
    titles = [s.toggle.text() for s in win.inspector.sections.values()]
    assert any(t.startswith(f"Unsupported block: {unknown[0]['type']}") for t in titles)
    ask(qtbot, win, "And then?")
    sent_back = api_server.requests[-1].body["messages"][-2]["content"]
    assert unknown[0] in sent_back  # as it came


def test_the_tools_dialog_is_one_palette_entry_away(qtbot: Any, make_window: Any) -> None:
    from desktop_chat.ui.tools_dialog import ToolsDialog

    win: MainWindow = make_window()
    assert win.commands.enabled("tools")
    win.commands.run("tools")
    dialog = win.findChild(ToolsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()

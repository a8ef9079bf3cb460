"""The sidebar, driven by keys, against a real store in a temp data folder."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.store import Store
from desktop_chat.ui.conversation_delegates import hit_lines
from desktop_chat.ui.conversation_models import DATE_ROLE, ID_ROLE, relative_date
from desktop_chat.ui.sidebar import Sidebar


@dataclass
class Saved:
    """A conversation saved by the fixture, with its two messages."""

    conversation: Conversation
    question: Message
    answer: Message

    @property
    def id(self) -> str:
        return self.conversation.id


SAMPLES = {
    "rust": ("Rust lifetimes", "How do lifetimes work?", "A lifetime names a region of code."),
    "bread": (
        "Sourdough",
        "My starter smells of acetone",
        "Feed it more often: a hungry starter makes acetone.",
    ),
    "kyoto": ("Trip to Kyoto", "Plan three days in autumn", "Day one: Fushimi Inari at dawn."),
}


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store.open()  # in the test's own DESKTOP_CHAT_HOME (the autouse app_home fixture)
    yield s
    s.close()


def save(store: Store, title: str, question: str, answer: str) -> Saved:
    conv = Conversation(title=title)
    store.save_conversation(conv)
    q = Message.user(question)
    a = Message(role="assistant", content=[{"type": "text", "text": answer}])
    a.status = Status.COMPLETE
    for m in (q, a):
        store.append_message(conv.id, m)
    return Saved(conv, q, a)


@pytest.fixture
def saved(store: Store) -> dict[str, Saved]:
    """Three conversations, saved oldest (rust) to newest (kyoto)."""
    return {key: save(store, *texts) for key, texts in SAMPLES.items()}


def show(qtbot: Any, bar: Sidebar) -> Sidebar:
    qtbot.addWidget(bar)
    bar.resize(280, 480)
    bar.show()
    qtbot.waitExposed(bar)
    bar.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bar.window())
    return bar


@pytest.fixture
def sidebar(qtbot: Any, store: Store, saved: dict[str, Saved]) -> Iterator[Sidebar]:
    bar = show(qtbot, Sidebar(store))
    yield bar
    bar.close()  # before the store closes


def titles(bar: Sidebar) -> list[str]:
    model = bar.list_model
    return [model.index(r).data() for r in range(model.rowCount())]


def search(qtbot: Any, bar: Sidebar, text: str) -> None:
    """Type a query and wait for its results (the debounce timer)."""
    bar.focus_search()
    qtbot.keyClicks(bar.search_box, text)
    qtbot.waitUntil(lambda: not bar.search_timer.isActive())


def focus_list(qtbot: Any, bar: Sidebar) -> None:
    bar.list_view.setFocus()
    qtbot.waitUntil(bar.list_view.hasFocus)


def test_newest_first_with_a_relative_date(sidebar: Sidebar) -> None:
    assert titles(sidebar) == ["Trip to Kyoto", "Sourdough", "Rust lifetimes"]
    index = sidebar.list_model.index(0)
    assert index.data(DATE_ROLE).startswith("Today ")
    assert sidebar.stack.currentWidget() is sidebar.list_view
    assert sidebar.current_id() is None


def test_relative_dates() -> None:
    now = datetime(2025, 3, 14, 18, 30).timestamp()
    assert relative_date(datetime(2025, 3, 14, 14, 2).timestamp(), now) == "Today 14:02"
    assert relative_date(datetime(2025, 3, 13, 23, 59).timestamp(), now) == "Yesterday"
    assert relative_date(datetime(2025, 3, 12, 9, 0).timestamp(), now) == "12 Mar"
    assert relative_date(datetime(2024, 12, 31, 9, 0).timestamp(), now) == "31 Dec 2024"


def test_the_tab_order_and_accessible_names(qtbot: Any, sidebar: Sidebar) -> None:
    sidebar.focus_search()
    qtbot.keyClick(sidebar.search_box, Qt.Key.Key_Tab)
    assert sidebar.new_button.hasFocus()
    qtbot.keyClick(sidebar.new_button, Qt.Key.Key_Tab)
    assert sidebar.list_view.hasFocus()
    assert sidebar.list_view.currentIndex().row() == 0  # outlined: where Enter, F2, Del act
    for widget in (
        sidebar,
        sidebar.search_box,
        sidebar.new_button,
        sidebar.list_view,
        sidebar.results_view,
        sidebar.undo_button,
    ):
        assert widget.accessibleName()
    assert sidebar.search_box.placeholderText() == "Search conversations (Ctrl+K)"
    assert sidebar.new_button.toolTip() == "New chat (Ctrl+N)"


def test_the_new_chat_button(qtbot: Any, sidebar: Sidebar) -> None:
    with qtbot.waitSignal(sidebar.new_requested):
        qtbot.keyClick(sidebar.new_button, Qt.Key.Key_Space)


def test_typing_a_word_finds_it_and_highlights_it(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    search(qtbot, sidebar, "aceto")

    assert sidebar.stack.currentWidget() is sidebar.results_view
    model = sidebar.results_model
    hits = [model.hit(r) for r in range(model.rowCount())]
    bread = saved["bread"]
    assert {h.message_id for h in hits} == {bread.question.id, bread.answer.id}
    assert {h.conversation_id for h in hits} == {bread.id}
    for hit in hits:
        title, second = hit_lines(hit)
        assert title == [("Sourdough", False)]
        assert ("acetone", "match") in second
        assert second[0] in (("You: ", "label"), ("Claude: ", "label"))
    sidebar.grab()  # paints the hits without a warning


def test_enter_in_the_search_box_opens_the_first_hit(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    sidebar.focus_search()
    qtbot.keyClicks(sidebar.search_box, "Fushimi")
    with qtbot.waitSignal(sidebar.hit_activated) as blocker:
        qtbot.keyClick(sidebar.search_box, Qt.Key.Key_Return)  # before the debounce ends
    assert blocker.args == [saved["kyoto"].id, saved["kyoto"].answer.id]


def test_a_title_hit_opens_with_no_message(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    search(qtbot, sidebar, "kyoto")
    hit = sidebar.results_model.hit(0)
    assert hit.message_id is None
    assert hit_lines(hit)[0] == [("Trip to ", False), ("Kyoto", True)]
    with qtbot.waitSignal(sidebar.hit_activated) as blocker:
        qtbot.keyClick(sidebar.search_box, Qt.Key.Key_Enter)
    assert blocker.args == [saved["kyoto"].id, ""]


def test_down_moves_into_the_results_and_enter_opens_the_hit(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    search(qtbot, sidebar, "acetone")
    qtbot.keyClick(sidebar.search_box, Qt.Key.Key_Down)
    assert sidebar.results_view.hasFocus()
    assert sidebar.results_view.currentIndex().row() == 0
    qtbot.keyClick(sidebar.results_view, Qt.Key.Key_Down)
    second = sidebar.results_model.hit(1)
    with qtbot.waitSignal(sidebar.hit_activated) as blocker:
        qtbot.keyClick(sidebar.results_view, Qt.Key.Key_Return)
    assert blocker.args == [saved["bread"].id, second.message_id]
    # Up from the top goes back to the box; typing in the results goes on with the query.
    qtbot.keyClick(sidebar.results_view, Qt.Key.Key_Up)
    qtbot.keyClick(sidebar.results_view, Qt.Key.Key_Up)
    assert sidebar.search_box.hasFocus()
    qtbot.keyClick(sidebar.search_box, Qt.Key.Key_Down)
    qtbot.keyClicks(sidebar.results_view, "x")
    assert sidebar.search_box.hasFocus() and sidebar.search_box.text() == "acetonex"


def test_no_match_says_so(qtbot: Any, sidebar: Sidebar) -> None:
    search(qtbot, sidebar, "zzyzx")
    assert sidebar.stack.currentWidget() is sidebar.empty_label
    assert "zzyzx" in sidebar.empty_label.text()


def test_esc_clears_the_search_and_is_left_to_the_window_otherwise(
    qtbot: Any, store: Store, saved: dict[str, Saved]
) -> None:
    window = QMainWindow()
    bar = Sidebar(store)
    window.setCentralWidget(bar)
    stop = QAction("Stop", window)
    stop.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    window.addAction(stop)
    show(qtbot, window)  # type: ignore[arg-type]
    stops: list[bool] = []
    stop.triggered.connect(lambda: stops.append(True))

    search(qtbot, bar, "acetone")
    assert bar.stack.currentWidget() is bar.results_view
    qtbot.keyClick(bar.search_box, Qt.Key.Key_Escape)
    assert bar.search_box.text() == ""
    assert bar.stack.currentWidget() is bar.list_view
    assert stops == []
    qtbot.keyClick(bar.search_box, Qt.Key.Key_Escape)
    assert len(stops) == 1  # an empty box lets the window have Esc
    window.close()


def test_keyboard_navigation_and_enter_open_a_conversation(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    sidebar.focus_search()
    qtbot.keyClick(sidebar.search_box, Qt.Key.Key_Down)
    assert sidebar.list_view.hasFocus()
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Down)
    with qtbot.waitSignal(sidebar.conversation_activated) as blocker:
        qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Return)
    assert blocker.args == [saved["bread"].id]
    assert sidebar.current_id() == saved["bread"].id


def test_f2_renames_in_place_and_it_persists(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    kyoto = saved["kyoto"].id
    sidebar.set_current(kyoto)
    focus_list(qtbot, sidebar)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.selectedText() == "Trip to Kyoto"
    qtbot.keyClicks(editor, "Kyoto in November")
    with qtbot.waitSignal(sidebar.conversation_renamed) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [kyoto, "Kyoto in November"]
    assert titles(sidebar)[0] == "Kyoto in November"
    with Store.open() as again:  # what another process would read
        assert again.load(kyoto).title == "Kyoto in November"


def test_an_empty_title_is_refused(qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]) -> None:
    sidebar.set_current(saved["rust"].id)
    focus_list(qtbot, sidebar)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    renamed: list[object] = []
    sidebar.conversation_renamed.connect(lambda *args: renamed.append(args))
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "   ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert renamed == []
    assert titles(sidebar)[2] == "Rust lifetimes"
    assert sidebar.store.load(saved["rust"].id).title == "Rust lifetimes"


def test_a_refresh_waits_for_the_rename_to_end(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    sidebar.set_current(saved["rust"].id)
    focus_list(qtbot, sidebar)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    sidebar.store.append_message(saved["bread"].id, Message.user("one more"))
    sidebar.refresh()  # a reply arrived elsewhere meanwhile: the edit must survive it
    qtbot.keyClicks(editor, "Borrowing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(sidebar)[0] == "Sourdough")
    assert titles(sidebar) == ["Sourdough", "Trip to Kyoto", "Borrowing"]
    assert sidebar.current_id() == saved["rust"].id


def test_delete_then_ctrl_z_restores(qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]) -> None:
    bread = saved["bread"].id
    sidebar.set_current(bread)
    focus_list(qtbot, sidebar)
    with qtbot.waitSignal(sidebar.conversation_deleted) as deleted:
        qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Delete)
    assert deleted.args == [bread]
    assert titles(sidebar) == ["Trip to Kyoto", "Rust lifetimes"]
    assert [s.id for s in sidebar.store.list_conversations()] == [
        saved["kyoto"].id,
        saved["rust"].id,
    ]
    assert sidebar.current_id() == saved["rust"].id  # the next one down
    assert sidebar.undo_bar.isVisible()
    assert sidebar.undo_label.text() == "Deleted \u201cSourdough\u201d."
    assert sidebar.undo_button.text() == "Undo (Ctrl+Z)"

    with qtbot.waitSignal(sidebar.conversation_restored) as restored:
        qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert restored.args == [bread]
    assert titles(sidebar) == ["Trip to Kyoto", "Sourdough", "Rust lifetimes"]
    assert sidebar.current_id() == bread
    assert not sidebar.undo_bar.isVisible()
    assert sidebar.store.load(bread).title == "Sourdough"


def test_the_undo_button_and_the_bar_going_away(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    sidebar.set_current(saved["kyoto"].id)
    focus_list(qtbot, sidebar)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Delete)
    assert sidebar.undo_timer.interval() == 10_000
    qtbot.keyClick(sidebar.undo_button, Qt.Key.Key_Space)
    assert titles(sidebar)[0] == "Trip to Kyoto"
    assert not sidebar.undo_bar.isVisible()

    sidebar.undo_timer.setInterval(50)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Delete)
    assert sidebar.undo_bar.isVisible()
    qtbot.waitUntil(lambda: not sidebar.undo_bar.isVisible())
    restored: list[str] = []
    sidebar.conversation_restored.connect(restored.append)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert restored == []  # too late: the delete stands
    assert titles(sidebar) == ["Sourdough", "Rust lifetimes"]


def test_select_relative_wraps(qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]) -> None:
    activated: list[str] = []
    sidebar.conversation_activated.connect(activated.append)
    sidebar.select_relative(1)  # nothing selected: the first
    sidebar.select_relative(-1)  # wraps to the last
    sidebar.select_relative(1)  # and back round to the first
    sidebar.select_relative(1)
    assert activated == [saved["kyoto"].id, saved["rust"].id, saved["kyoto"].id, saved["bread"].id]
    assert sidebar.current_id() == saved["bread"].id


def test_set_current_does_not_emit(qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]) -> None:
    activated: list[str] = []
    sidebar.conversation_activated.connect(activated.append)
    sidebar.set_current(saved["rust"].id)
    assert sidebar.current_id() == saved["rust"].id
    sidebar.set_current(None)
    assert sidebar.current_id() is None
    sidebar.refresh(select_id=saved["bread"].id)
    assert sidebar.current_id() == saved["bread"].id
    assert activated == []


def test_markup_in_titles_and_messages_is_text(
    qtbot: Any, store: Store, saved: dict[str, Saved]
) -> None:
    evil = save(store, "<script>alert(1)</script>", "<b>bold</b> & <i>scripted</i>", "ok")
    bar = show(qtbot, Sidebar(store))
    index = bar.list_model.index(0)
    assert index.data() == "<script>alert(1)</script>"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    search(qtbot, bar, "scripted")
    hit = bar.results_model.hit(0)
    assert hit.message_id == evil.question.id
    title, second = hit_lines(hit)
    assert title == [("<script>alert(1)</script>", False)]
    assert second == [("You: ", "label"), ("<b>bold</b> & <i>", "text"), ("scripted", "match"),
                      ("</i>", "text")]  # fmt: skip
    bar.grab()
    qtbot.keyClick(bar.search_box, Qt.Key.Key_Escape)
    bar.set_current(evil.id)
    focus_list(qtbot, bar)
    qtbot.keyClick(bar.list_view, Qt.Key.Key_Delete)
    assert bar.undo_label.textFormat() == Qt.TextFormat.PlainText
    assert bar.undo_label.text() == "Deleted \u201c<script>alert(1)</script>\u201d."
    bar.close()


def test_a_thousand_conversations_load_one_page(qtbot: Any, store: Store) -> None:
    start = time.time() - 10_000
    store.add_conversations(
        [Conversation(title=f"Chat {i}", created_at=start + i) for i in range(1000)]
    )
    bar = show(qtbot, Sidebar(store))
    page = bar.list_model.page_size
    assert bar.list_model.rowCount() == page < 1000
    assert bar.list_model.canFetchMore(QModelIndex())
    assert titles(bar)[:2] == ["Chat 999", "Chat 998"]
    focus_list(qtbot, bar)
    qtbot.keyClick(bar.list_view, Qt.Key.Key_End)  # to the end of the page: the next one
    qtbot.waitUntil(lambda: bar.list_model.rowCount() == 2 * page)
    assert len(set(titles(bar))) == 2 * page
    # A conversation far down is found (reading pages) when selected.
    far = store.list_conversations(limit=1, offset=500)[0].id
    bar.set_current(far)
    assert bar.current_id() == far
    assert bar.list_model.index(500).data(ID_ROLE) == far
    bar.close()


def test_store_errors_are_reported_not_raised(
    qtbot: Any, sidebar: Sidebar, saved: dict[str, Saved]
) -> None:
    rust = saved["rust"].id
    sidebar.store.delete(rust)  # behind the sidebar's back, then gone for good
    sidebar.store.purge_deleted()
    sidebar.set_current(rust)
    focus_list(qtbot, sidebar)
    with qtbot.waitSignal(sidebar.error) as error:
        qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Delete)
    assert "is not in" in error.args[0]
    assert not sidebar.undo_bar.isVisible()
    with qtbot.waitSignal(sidebar.error):
        qtbot.keyClick(sidebar.list_view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        qtbot.keyClicks(editor, "New name")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    sidebar.refresh()
    assert titles(sidebar) == ["Trip to Kyoto", "Sourdough"]

"""The transcript view: streaming drawn once per block, safety, copying, long conversations."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor, QTextDocument
from test_chat_view_markdown import structure

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.markdown_blocks import split_blocks
from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
from desktop_chat.demo.tokens import split_text
from desktop_chat.ui import chat_view, live_reply
from desktop_chat.ui.chat_view import ChatView


def reply(text: str) -> Message:
    return Message(role="assistant", content=[{"type": "text", "text": text}])


def stream(view: ChatView, text: str, *, frame_every: int = 1) -> Message:
    """Stream ``text`` as the window does, drawing a frame every ``frame_every`` deltas."""
    view.begin_reply()
    view.on_block_started(0, "text")
    for number, piece in enumerate(split_text(text)):
        view.on_text_delta(0, piece)
        if number % frame_every == 0:
            view._on_frame()  # what the frame timer does, without waiting 16 ms
    view.on_text_block_done(0, text)
    message = reply(text)
    view.end_reply(message)
    return message


# section: streaming


@pytest.mark.parametrize("frame_every", [1, 4, 29, 3000])
def test_a_streamed_reply_ends_up_as_the_whole_reply_drawn_at_once(
    qtbot: Any, view: ChatView, frame_every: int
) -> None:
    message = stream(view, MARKDOWN_DOCUMENT, frame_every=frame_every)
    at_once = ChatView()
    qtbot.addWidget(at_once)
    at_once.show_conversation([message])

    assert structure(view.document()) == structure(at_once.document())
    assert view.toPlainText() == at_once.toPlainText()
    assert "吾輩は猫である" in view.toPlainText()
    assert "**bold**" not in view.toPlainText()  # drawn, not shown as markup


def test_a_finished_block_is_not_drawn_again_when_later_text_arrives(
    view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[str] = []
    real_write = view._writer.write

    def write(out: Any, source: str, **options: Any) -> None:
        written.append(source)
        real_write(out, source, **options)

    monkeypatch.setattr(view._writer, "write", write)
    view.begin_reply()
    for piece in split_text("First **paragraph** here.\n\nSecond"):
        view.on_text_delta(0, piece)
        view._on_frame()
    stream = view._reply.texts[0] if view._reply else None
    assert stream is not None and stream.finished == ["First **paragraph** here."]
    first_draws = sum(s.startswith("First") for s in written)
    for piece in split_text(" one, still streaming, word by word, for a while"):
        view.on_text_delta(0, piece)
        view._on_frame()

    assert sum(s.startswith("First") for s in written) == first_draws
    assert stream.finished == ["First **paragraph** here."]
    # The open block is drawn again, or extended, at each frame.
    assert stream.tail_draws + stream.tail_grown > 5
    assert "First paragraph here." in view.toPlainText()
    assert view.toPlainText().endswith("Second one, still streaming, word by word, for a while")


def test_deltas_are_drawn_at_most_once_per_frame(qtbot: Any, view: ChatView) -> None:
    view.begin_reply()
    view.on_text_delta(0, "The first delta is drawn at once, ")
    assert view.frames_drawn == 1
    assert view.toPlainText().endswith("drawn at once,")
    for _ in range(200):
        view.on_text_delta(0, "then more ")
    assert view.frames_drawn == 1  # the rest wait for the next frame
    qtbot.waitUntil(lambda: view.frames_drawn == 2, timeout=1000)
    assert view.toPlainText().count("then more") == 200


def test_a_burst_of_text_is_written_a_frame_s_budget_at_a_time(
    qtbot: Any, view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server faster than the view: a frame writes finished blocks until its deadline and
    leaves the rest, with the open block, to the next frames (keys wait for a frame)."""
    monkeypatch.setattr(live_reply, "FRAME_WORK_MS", 0)  # a block a frame
    view.begin_reply()
    view.on_text_delta(0, "A first line.\n\n")  # drawn at once: the frames now follow a pace
    burst = MARKDOWN_DOCUMENT * 2
    view.on_text_delta(0, burst)
    view._pacer.stop()
    stream = view._reply.texts[0] if view._reply else None
    assert stream is not None
    view._on_frame()
    # The first line, drawn already (it was the open block), and one block written.
    assert stream.finished == ["A first line.", split_blocks(burst)[0].source]
    assert stream.dirty  # more is left, and drawn at the next frames:
    qtbot.waitUntil(lambda: not stream.dirty)
    assert len(stream.finished) == 1 + len(split_blocks(burst)) - 1  # the last one is open
    view.on_text_block_done(0, "A first line.\n\n" + burst)
    at_once = ChatView()
    qtbot.addWidget(at_once)
    at_once.show_conversation([reply("A first line.\n\n" + burst)])
    assert view.toPlainText() == at_once.toPlainText()


@pytest.mark.flood_pace
@pytest.mark.parametrize(("text", "flood"), [(MARKDOWN_DOCUMENT, True), ("A few words.", False)])
def test_the_view_tells_a_flood_by_the_text_it_is_given(
    view: ChatView, text: str, flood: bool
) -> None:
    """A flood's frames come ten times a second; a model's pace keeps them at every 16 ms."""
    view.begin_reply()
    for piece in split_text(text):
        view.on_text_delta(0, piece)
    view._pacer._frame_start = time.monotonic() - 0.1  # the last frame began 100 ms ago
    view._on_frame()

    assert view._pacer.flood is flood
    shortest = (live_reply.FLOOD_GAP_MS if flood else live_reply.FRAME_MS) / 1000
    assert view._pacer.gap >= shortest


def test_a_code_block_streams_line_by_line_and_is_coloured_when_it_closes(
    view: ChatView,
) -> None:
    view.begin_reply()
    for piece in split_text("```python\ndef f():\n    s = '''a\n"):
        view.on_text_delta(0, piece)
        view._on_frame()
    assert "def f():" in view.toPlainText()
    assert "```" not in view.toPlainText()
    for piece in split_text("b'''\n    return s\n```\n\nDone."):
        view.on_text_delta(0, piece)
        view._on_frame()
    view.on_text_block_done(
        0, "```python\ndef f():\n    s = '''a\nb'''\n    return s\n```\n\nDone."
    )
    assert view.last_code_block() == "def f():\n    s = '''a\nb'''\n    return s"
    assert view._codes.codes == ["def f():\n    s = '''a\nb'''\n    return s"]


def test_the_highlighters_are_made_after_a_streaming_reply_not_during_it(
    qtbot: Any, view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Their thread would share the GIL with the reply's frames: late frames, a jerky reply.
    made: list[bool] = []
    monkeypatch.setattr(chat_view, "WARM_UP_DELAY_MS", 10)
    monkeypatch.setattr(chat_view.code_highlight, "warm_up", lambda: made.append(True))
    view.begin_reply()
    view.on_block_started(0, "text")
    view.on_text_delta(0, "Streaming")
    view._warm_up_highlighting()  # what the timer set at the first paint calls
    qtbot.wait(50)
    assert made == []
    view.end_reply(reply("Streaming"))
    qtbot.waitUntil(lambda: made == [True], timeout=1000)


def test_a_notice_while_a_reply_streams_is_said_after_it_never_inside(view: ChatView) -> None:
    text = "Before the notice:\n\n```python\nx = 1\ny = 2\n```\n\nand after it."
    view.begin_reply()
    view.on_text_delta(0, text[:30])  # inside the code block
    view._on_frame()
    view.show_notice("Something happened")
    view.on_text_delta(0, text[30:])
    view.on_text_block_done(0, text)
    view.end_reply(reply(text))
    lines = view.toPlainText().split("\n")
    assert lines[-1] == "Something happened"
    assert view.last_code_block() == "x = 1\ny = 2"  # the code block drawn whole
    assert "and after it." in lines[-2]


def test_an_interrupted_reply_says_so(view: ChatView) -> None:
    view.begin_reply()
    view.on_text_delta(0, "Half a rep")
    message = reply("Half a rep")
    message.status = Status.INTERRUPTED
    view.end_reply(message)
    assert view.toPlainText().endswith("Half a rep\nStopped. The partial reply is kept.")


# section: model output is data


def test_html_in_a_reply_is_shown_as_text(view: ChatView) -> None:
    text = 'Hi <b>there</b> <img src="https://evil.example/x.png"> <script>alert(1)</script>'
    stream(view, text)
    shown = view.toPlainText()
    assert '<b>there</b> <img src="https://evil.example/x.png"> <script>alert(1)</script>' in shown
    block = view.document().lastBlock()
    while "there" not in block.text():
        block = block.previous()
    it = block.begin()
    while not it.atEnd():
        assert it.fragment().charFormat().fontWeight() < 600  # nothing made bold
        it += 1


def test_images_are_never_loaded(view: ChatView, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[Any] = []
    real = ChatView.loadResource
    monkeypatch.setattr(ChatView, "loadResource", lambda *a: (asked.append(a), real(*a))[1])
    stream(view, "![cat](https://example.com/cat.png) and ![local](file:///etc/passwd)")
    view.repaint()
    assert asked == []
    assert "[image: cat] and [image: local]" in view.toPlainText()


def anchor_point(view: ChatView, words: str) -> QPoint:
    """The middle of ``words`` in the view, in viewport coordinates."""
    found = view.document().find(words)
    assert not found.isNull()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + len(words) // 2)
    return view.cursorRect(cursor).center()


def test_a_link_click_goes_to_the_browser_hook_and_nowhere_else(
    qtbot: Any, view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(chat_view, "open_link", opened.append)
    stream(view, "Read [the docs](https://docs.example.com/page) first.")
    before = view.toPlainText()

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(view, "the docs"))

    assert [u.toString() for u in opened] == ["https://docs.example.com/page"]
    assert view.source() == QUrl()
    assert view.toPlainText() == before


def test_links_of_other_kinds_open_nothing(view: ChatView, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(chat_view, "open_link", opened.append)
    for url in ("file:///etc/passwd", "javascript:alert(1)", "relative/page.html", "copy-code:99"):
        view.on_anchor_clicked(QUrl(url))
    assert opened == []
    assert view.source() == QUrl()


# section: copying


def test_the_copy_link_of_a_code_block_puts_its_code_on_the_clipboard(
    qtbot: Any, view: ChatView
) -> None:
    stream(view, "Try:\n\n```sh\nmake test\n```\n\nThen:\n\n```python\nprint('hi')\n```")
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(view.copied) as copied:
        point = anchor_point(view, "Copy")  # the first code block's link
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert QGuiApplication.clipboard().text() == "make test"
    assert copied.args == ["Code copied"]


def test_last_reply_and_last_code_block(view: ChatView) -> None:
    assert view.last_reply_text() is None
    assert view.last_code_block() is None
    view.show_message(Message.user("hi"))
    stream(view, "One\n\n```js\nlet a = 1\n```\n\n```\nplain\n```")
    stream(view, "Two, *without* code.")
    assert view.last_reply_text() == "Two, *without* code."
    assert view.last_code_block() == "plain"
    assert view.copy_last_code_block()
    assert QGuiApplication.clipboard().text() == "plain"
    assert view.copy_last_reply()
    assert QGuiApplication.clipboard().text() == "Two, *without* code."
    view.begin_reply()
    view.on_text_delta(0, "Three so f")
    assert view.last_reply_text() == "Three so f"


# section: long conversations


def conversation(count: int) -> list[Message]:
    messages = []
    for number in range(count // 2):
        messages.append(Message.user(f"Question {number}"))
        messages.append(reply(f"Answer {number}\n\n{MARKDOWN_DOCUMENT}"))
    return messages


def test_a_long_conversation_opens_with_only_its_end_drawn(view: ChatView) -> None:
    view.show_conversation(conversation(200))
    shown = view.toPlainText()
    assert "Question 99" in shown and "Answer 99" in shown
    assert "Question 0\n" not in shown
    assert len(shown) < 60_000


def test_showing_messages_one_by_one_draws_lazily_too(view: ChatView) -> None:
    for message in conversation(200):
        view.show_message(message)
    shown = view.toPlainText()
    assert "Answer 99" in shown
    assert "Question 0\n" not in shown


def test_scrolling_up_draws_older_messages_and_keeps_the_view_in_place(
    qtbot: Any, view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = conversation(12)
    view.show_conversation(messages)
    bar = view.verticalScrollBar()
    assert "Question 0\n" not in view.toPlainText()

    for _ in range(20):  # to the top, again and again, until all is drawn
        first = view._first_drawn
        if first == 0:
            break
        bar.setValue(0)
        qtbot.waitUntil(lambda first=first: view._first_drawn < first)  # type: ignore[misc]
        # What was on top is still on top: the view did not jump to the older messages.
        top = view.cursorForPosition(QPoint(30, 5)).block()
        assert messages[first].text.split("\n")[0] in (top.text(), top.next().text())
    assert view._first_drawn == 0
    assert "Question 0\n" in view.toPlainText()

    monkeypatch.setattr(chat_view, "DRAW_BUDGET", 10**9)
    at_once = ChatView()
    qtbot.addWidget(at_once)
    at_once.show_conversation(messages)  # all of it, at once

    def drawn(document: Any) -> list[Any]:
        # An empty block may stay where two batches meet, and code boxes are numbered in the
        # order they were drawn: nothing else may differ.
        return [
            (*row[:4], tuple((*r[:4], r[4].split(":")[0], *r[5:]) for r in row[4]))
            for row in structure(document)
            if row[0] or row[1] or row[2] or row[3]
        ]

    assert drawn(view.document()) == drawn(at_once.document())


def test_notices_between_messages_stay_lazy(view: ChatView) -> None:
    for number, message in enumerate(conversation(200)):
        view.show_message(message)
        if number % 10 == 9:
            view.show_notice(f"Variant note {number}")
    shown = view.toPlainText()
    assert "Variant note 199" in shown
    assert "Question 0\n" not in shown


def test_find_reaches_messages_not_drawn_yet(qtbot: Any, view: ChatView) -> None:
    messages = conversation(40)
    messages[3] = Message.user("Where is the needle? Here.")
    view.show_conversation(messages)
    assert "needle" not in view.toPlainText()

    found = view.find("NEEDLE", QTextDocument.FindFlag.FindBackward)

    assert found
    assert view.textCursor().selectedText() == "needle"
    assert not view.find("no such words anywhere")


def test_moving_from_message_to_message(qtbot: Any, view: ChatView) -> None:
    view.show_conversation(conversation(6))
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    tops = []
    for _ in range(4):
        assert view.go_to_message(-1)
        tops.append(bar.value())
    assert tops == sorted(tops, reverse=True) and len(set(tops)) == 4
    assert view.go_to_message(1)
    assert bar.value() == tops[-2]


# section: themes


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#1e1e1e"),
        (QPalette.ColorRole.Base, "#161616"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Link, "#7cb7ff"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def test_colours_follow_the_palette_light_and_dark(view: ChatView) -> None:
    stream(view, "Text and [a link](https://x.example).\n\n```python\nx = 1\n```")
    light_box = view.document().rootFrame().childFrames()[0].frameFormat().background().color()
    assert light_box.lightness() > 200

    view.setPalette(dark_palette())

    assert view._theme.dark
    box = view.document().rootFrame().childFrames()[0].frameFormat().background().color()
    assert box.lightness() < 60
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.hasProperty(fmt.Property.ForegroundBrush.value):
                # Only links, code, names and notes have a colour of their own, never black.
                assert fmt.foreground().color().lightness() > 90, it.fragment().text()
            it += 1
        block = block.next()


@pytest.mark.parametrize("frame_every", [1, 3])
def test_a_closed_code_block_looks_as_drawn_at_once_whatever_its_lines_looked_streaming(
    qtbot: Any, view: ChatView, frame_every: int
) -> None:
    # The first lines keep their colours when the block closes; the multi-line string's
    # second line is coloured as a string only then (alone it looked like code).
    text = (
        "Before.\n\n```python\nx = 1\ndef f():\n    s = '''a\nb = 2'''\n    return s\n```\n\nAfter."
    )
    message = stream(view, text, frame_every=frame_every)
    at_once = ChatView()
    qtbot.addWidget(at_once)
    at_once.show_conversation([message])

    assert structure(view.document()) == structure(at_once.document())
    assert view.last_code_block() == "x = 1\ndef f():\n    s = '''a\nb = 2'''\n    return s"

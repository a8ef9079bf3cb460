"""Code boxes written without their colours, coloured when someone can see them.

A flood (text faster than anyone reads, see ``live_reply.FLOOD_CHARS_PER_S``) writes its
code boxes without Pygments: at a flood's pace most code scrolls past unseen, and colouring
is most of what writing code costs. The view colours the boxes in sight as soon as anyone can
look at them: when the flood stops (``SETTLE_MS`` without a flood frame, or the reply ends),
when the view is scrolled away from the bottom the flood is writing at, when it is scrolled
to them later or grows to show them; each time before the paint that would show them plain.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFrame
from PySide6.QtWidgets import QTextEdit

from desktop_chat.ui.markdown_writer import CODE_PROPERTY, CodeBook

SETTLE_MS = 250
"""A flood is over when no frame of it came for this long (frames of a flood come 100 ms
apart): a stream that stalls mid-flood shows its code coloured."""
TABLE_SLACK = 8  # blocks: a table row's cells


def uncoloured_in_sight(view: QTextEdit, codes: CodeBook) -> QTextFrame | None:
    """The first code box in ``view``'s viewport that waits for its colours, if any."""
    if not codes.uncoloured:
        return None
    bar = view.verticalScrollBar()
    # A text edit's page step is its viewport's height (the viewport itself is slow to ask
    # for once: its first wrapper costs PySide6 some 8 ms).
    top = bar.value()
    bottom = top + bar.pageStep()
    document = view.document()
    layout = document.documentLayout()
    root = document.rootFrame()
    block = _block_at(document, top)
    while block.isValid() and layout.blockBoundingRect(block).top() <= bottom:
        frame = QTextCursor(block).currentFrame()
        if frame is None or frame == root:
            block = block.next()
        elif frame.frameFormat().property(CODE_PROPERTY) in codes.uncoloured:
            return frame
        else:
            block = document.findBlock(frame.lastPosition() + 1)  # past the frame's lines
    return None


def _block_at(document: QTextDocument, y: float) -> QTextBlock:
    """The first block that reaches down to ``y`` (a binary search: blocks are laid out top
    to bottom in their order, but for a table's cells, side by side: one row earlier)."""
    layout = document.documentLayout()
    low, high = 0, document.blockCount()
    while low < high:
        middle = (low + high) // 2
        if layout.blockBoundingRect(document.findBlockByNumber(middle)).bottom() < y:
            low = middle + 1
        else:
            high = middle
    return document.findBlockByNumber(max(low - TABLE_SLACK, 0))

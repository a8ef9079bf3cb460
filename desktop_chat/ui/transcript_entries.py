"""What the transcript holds, entry by entry, and how one whole entry is drawn.

An entry is a message, a note, or the reply streaming now. :class:`EntryPainter` writes a
whole entry (header, Markdown text with its citations, tool lines, how the reply ended) at
an :class:`~desktop_chat.ui.markdown_writer.Output`; the chat view decides when and where.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

from desktop_chat.core.citations import SourceList, cited_markdown, has_citations, sources_markdown
from desktop_chat.core.conversation import Block, Message, Status
from desktop_chat.core.i18n import translate
from desktop_chat.core.tool_cards import call_line, is_tool_results, result_lines
from desktop_chat.core.web_tools import WEB_TOOLS, step_text, web_steps
from desktop_chat.ui.attachment_cards import ThumbnailBook, write_cards
from desktop_chat.ui.markdown_writer import CodeBook, MarkdownWriter, Output
from desktop_chat.ui.theme import Theme

# Set on a message's first block: its number in the transcript.
ENTRY_PROPERTY = QTextFormat.Property.UserProperty.value + 2

_MARKS = str.maketrans("", "", "*_`~#>|")

_STOP_WORDS = {
    "max_tokens": translate(
        "TranscriptEntries", "The reply reached the max_tokens limit and was cut here."
    ),
    "stop_sequence": translate("TranscriptEntries", "The reply stopped at a stop sequence."),
    "pause_turn": translate(
        "TranscriptEntries", "The API paused this turn; send a message to let it continue."
    ),
    "refusal": translate("TranscriptEntries", "Claude declined to continue this reply."),
    "model_context_window_exceeded": translate(
        "TranscriptEntries", "The conversation filled the model's context window."
    ),
}


@dataclass
class Entry:
    """One thing in the transcript: a message, a note, or the reply streaming now."""

    message: Message | None = None
    note: str = ""
    error: bool = False
    live: bool = False

    @property
    def size(self) -> int:
        """About how much drawing it takes (characters)."""
        if self.message is None:
            return len(self.note) + 80
        return len(self.message.text) + 80


def path_entries(items: list[tuple[Message, tuple[str, ...]]]) -> list[Entry]:
    """The entries of messages, each followed by its notes."""
    entries: list[Entry] = []
    for message, notes in items:
        entries.append(Entry(message=message))
        entries.extend(Entry(note=note) for note in notes)
    return entries


def message_text(message: Message) -> str:
    """What copying a message copies: its text blocks (Markdown as written)."""
    texts = [str(b.get("text", "")) for b in message.content if b.get("type") == "text"]
    return "\n\n".join(t for t in texts if t)


def text_may_hold(text: str, needle: str, *, exact: bool) -> bool:
    """Whether an entry's text (its Markdown source) may show ``needle`` when drawn."""
    if not exact:
        text, needle = text.casefold(), needle.casefold()
    # The source has Markdown marks the drawn text does not: look at both.
    return needle in text or needle in text.translate(_MARKS)


def outcome_note(message: Message) -> tuple[str, bool] | None:
    """How a reply ended, in words, and whether that is an error; None for a plain end."""
    if message.status is Status.ERROR:
        return message.error or translate("TranscriptEntries", "The reply failed."), True
    if message.status is Status.INTERRUPTED:
        return message.error or translate(
            "TranscriptEntries", "Stopped. The partial reply is kept."
        ), False
    if message.stop_reason in _STOP_WORDS:
        words = _STOP_WORDS[message.stop_reason]
        if message.stop_reason == "refusal" and message.stop_details:
            explanation = message.stop_details.get("explanation")
            if explanation:
                words += f" ({explanation})"
        return words, False
    return None


class EntryPainter:
    """Draws whole entries in one theme; code blocks go in the view's code book.

    ``stamp`` is what a drawn entry's first block carries (``ENTRY_PROPERTY``) to find the
    entry again; None for a line that starts no entry.
    """

    def __init__(self, theme: Theme, codes: CodeBook, thumbs: ThumbnailBook | None = None) -> None:
        self.theme = theme
        self.writer = MarkdownWriter(theme, codes)
        self.thumbs = thumbs

    def write_entry(self, out: Output, entry: Entry, stamp: int) -> None:
        message = entry.message
        if message is None:
            if not entry.live:  # (a reply that never ended has nothing to draw again)
                self.write_note(out, entry.note, error=entry.error, stamp=stamp)
            return
        if is_tool_results(message):
            self.write_header(out, stamp, translate("TranscriptEntries", "Tools"), assistant=False)
            for line, error in result_lines(message):
                self.write_note(out, line, error=error)
            if message.text:
                self.write_note(out, message.text)
            return
        if message.role == "user":
            self.write_header(out, stamp, translate("TranscriptEntries", "You"), assistant=False)
            write_cards(out, message, self.thumbs, self.theme)
            for line in message.text.split("\n") if message.text else ():
                out.block(QTextBlockFormat(), QTextCharFormat())
                out.cursor.insertText(line, QTextCharFormat())
            return
        self.write_header(out, stamp, "Claude", assistant=True)
        # A reply that cites: each run of text blocks is one text with numbered markers
        # (the quote on hover or focus); its sources follow (opened on click or Enter).
        sources = SourceList() if has_citations(message.content) else None
        run: list[Block] = []
        for block in [*message.content, {"type": "end"}]:
            kind = block.get("type")
            if kind == "text":
                run.append(block)
                continue
            if run:
                self._write_texts(out, run, sources)
                run = []
            if kind == "tool_use":
                self.write_note(out, call_line(block))
            elif kind == "server_tool_use" and block.get("name") not in WEB_TOOLS:
                self.write_note(
                    out,
                    translate(
                        "TranscriptEntries", "Used the tool “{name}” (run by the API)."
                    ).format(name=block.get("name", "?")),
                )
        if sources is not None and sources.sources:
            self.writer.write_text(out, sources_markdown(sources.sources))
        steps = web_steps(message.content)
        if steps:  # what was searched and read, in one compact line each
            for step in steps:
                self.write_note(out, step_text(step), error=step.error is not None)
        note = outcome_note(message)
        if note is not None:
            self.write_note(out, note[0], error=note[1])

    def _write_texts(self, out: Output, blocks: list[Block], sources: SourceList | None) -> None:
        if sources is not None:
            self.writer.write_text(out, cited_markdown(blocks, sources))
            return
        for block in blocks:
            if block.get("text"):
                self.writer.write_text(out, str(block["text"]))

    def write_header(self, out: Output, stamp: int, who: str, *, assistant: bool) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(18)
        block.setBottomMargin(2)
        block.setProperty(ENTRY_PROPERTY, stamp)
        name = QTextCharFormat()
        name.setFontWeight(QFont.Weight.Bold)
        if assistant:
            name.setForeground(self.theme.accent)
        out.block(block, QTextCharFormat())
        out.cursor.insertText(who, name)

    def write_note(
        self, out: Output, text: str, *, error: bool = False, stamp: int | None = None
    ) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(6)
        if stamp is not None:
            block.setProperty(ENTRY_PROPERTY, stamp)
        words = QTextCharFormat()
        words.setFontItalic(True)
        words.setForeground(self.theme.error if error else self.theme.dim)
        out.block(block, QTextCharFormat())
        out.cursor.insertText(text, words)

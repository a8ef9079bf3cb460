"""Cut streaming Markdown into top-level blocks that are finished, and the one still open.

A chat reply streams in word-sized pieces. Rendering the whole reply again per piece costs
O(length) per piece; instead, :class:`BlockSplitter` finds where a block ends, so that a
finished block is rendered once and only the open one is drawn again.

The rule is conservative: a cut is made only where rendering the pieces one after another is
certain to give what rendering the whole text at once gives. So a block ends at

- a blank line followed by a line at column 0 that cannot continue what came before (a list
  item of a list already open in the block continues it: a loose list stays whole);
- the closing fence of a fenced code block that starts at column 0;
- an ATX heading (``# ...``) at column 0, which is a block of its own line;
- and before a fence or an ATX heading at column 0, which end any open paragraph, list,
  quotation or table.

Inside a fence nothing is cut. When in doubt, text stays in the open block: that costs a
little speed, never correctness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>`{3,}|~{3,})(?P<info>.*)$")
_ATX_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
_BULLET = re.compile(r"^ {0,3}([-+*])(?:[ \t]|$)")
_ORDERED = re.compile(r"^ {0,3}\d{1,9}([.)])(?:[ \t]|$)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# A link reference definition resolves links anywhere in the text, before it too.
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")
# What a line after a blank line may start with and still continue the block before it.
_MAY_CONTINUE = frozenset(" \t-+*0123456789")


@dataclass(frozen=True)
class MarkdownBlock:
    """A finished top-level block (or run of blocks that must be rendered together).

    Attributes:
        source: its Markdown, without the blank lines around it.
        fenced_code: it is one fenced code block that starts at column 0.
    """

    source: str
    fenced_code: bool = False


@dataclass(frozen=True)
class OpenFence:
    """The open block is a fenced code block still streaming.

    Attributes:
        language: the first word of the info string (may be empty).
        lines: the lines received whole so far, the opening fence first: the splitter's own
            list, which grows as lines arrive (read it, do not change it).
        partial: the start of the line being received.
    """

    language: str
    lines: list[str]
    partial: str


@dataclass(frozen=True)
class CodeBlock:
    """A fenced code block found in a text: its language and its code, without the fences."""

    language: str
    code: str


@dataclass
class _Fence:
    char: str
    length: int
    indent: int

    def closes(self, line: str) -> bool:
        stripped = line.lstrip(" \t")
        # A top-level fence closes with at most 3 spaces; one nested in a list item with at
        # most 3 more than it opened with.
        if _indent(line) > max(3, self.indent + 3):
            return False
        run = len(stripped) - len(stripped.lstrip(self.char))
        return run >= self.length and stripped[run:].strip() == ""


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _is_blank(line: str) -> bool:
    return not line.strip()


def _fence_opener(line: str) -> tuple[_Fence, str] | None:
    """The fence ``line`` opens and its language, or None."""
    match = _FENCE.match(line)
    if match is None:
        return None
    marker, info = match["marker"], match["info"]
    if marker[0] == "`" and "`" in info:
        return None  # ```like this``` on one line is inline code, not a fence
    words = info.split()
    return _Fence(marker[0], len(marker), _indent(line)), (words[0] if words else "")


def _list_marker(line: str) -> str | None:
    """``-``, ``*``, ``+``, ``.`` or ``)`` when ``line`` starts a list item."""
    if _THEMATIC_BREAK.match(line):
        return None
    match = _BULLET.match(line) or _ORDERED.match(line)
    return match.group(1) if match else None


@dataclass
class BlockSplitter:
    """Feed streaming Markdown; take the blocks that finished, look at the open one.

    Cost is proportional to the text fed, plus the open block's size when it is looked at.
    """

    has_reference_definitions: bool = False
    _partial: list[str] = field(default_factory=list)
    _lines: list[str] = field(default_factory=list)
    _blanks: list[str] = field(default_factory=list)
    _fence: _Fence | None = None
    _language: str = ""
    _code_block: bool = False
    _list_markers: set[str] = field(default_factory=set)
    _done: list[MarkdownBlock] = field(default_factory=list)

    def feed(self, text: str) -> None:
        """Add streamed text."""
        if "\n" not in text:
            if text:
                self._partial.append(text)
                self._early_cut()
            return
        head, *middle, tail = text.split("\n")
        self._partial.append(head)
        self._on_line("".join(self._partial))
        for line in middle:
            self._on_line(line)
        self._partial = [tail] if tail else []
        self._early_cut()

    def _early_cut(self) -> None:
        """After blank lines, a line that starts at column 0 with a character no list item
        starts with ends the block: no need to wait for the end of that line."""
        if self._blanks and self._partial and self._fence is None:
            first = self._partial[0][:1]
            if first and first not in _MAY_CONTINUE:
                self._emit()

    def finish(self) -> None:
        """The text is complete: what is open becomes finished."""
        if self._partial:
            self._on_line("".join(self._partial))
            self._partial = []
        if self._lines:
            self._emit()

    def take_finished(self) -> list[MarkdownBlock]:
        """The blocks finished since the last call, in order."""
        done, self._done = self._done, []
        return done

    @property
    def open_fence(self) -> OpenFence | None:
        """Set while the open block is a column-0 fenced code block that has not closed."""
        if not (self._code_block and self._fence is not None):
            return None
        return OpenFence(self._language, self._lines, self._partial_text())

    @property
    def open_source(self) -> str:
        """The open block's Markdown, the line being received included ("" when none)."""
        partial = self._partial_text()
        if not self._lines:
            return partial
        parts = self._lines + self._blanks if partial else self._lines
        text = "\n".join(parts)
        return f"{text}\n{partial}" if partial else text

    def _partial_text(self) -> str:
        if len(self._partial) > 1:
            self._partial = ["".join(self._partial)]
        return self._partial[0] if self._partial else ""

    def _on_line(self, line: str) -> None:
        if self._fence is not None:
            self._lines.append(line)
            if self._fence.closes(line):
                self._fence = None
                if self._code_block:
                    self._emit()
            return
        if _is_blank(line):
            if self._lines:
                self._blanks.append(line)
            return
        indent = _indent(line)
        if self._blanks:
            if indent == 0 and _list_marker(line) not in self._list_markers:
                self._emit()
            else:
                self._lines.extend(self._blanks)
                self._blanks.clear()
        opened = _fence_opener(line) if (indent <= 3 or self._list_markers) else None
        heading = indent == 0 and _ATX_HEADING.match(line) is not None
        if self._lines and indent == 0 and (opened is not None or heading):
            self._emit()
        self._lines.append(line)
        if _REFERENCE_DEFINITION.match(line):
            self.has_reference_definitions = True
        if indent <= 3 and (marker := _list_marker(line)) is not None:
            self._list_markers.add(marker)
        if opened is not None:
            self._fence, language = opened
            if len(self._lines) == 1 and indent == 0:
                self._code_block = True
                self._language = language
        elif heading and len(self._lines) == 1:
            self._emit()

    def _emit(self) -> None:
        self._done.append(MarkdownBlock("\n".join(self._lines), self._code_block))
        self._lines = []
        self._blanks.clear()
        self._fence = None
        self._code_block = False
        self._language = ""
        self._list_markers = set()


def split_blocks(text: str) -> list[MarkdownBlock]:
    """The blocks of a whole text, as streaming it would cut them."""
    splitter = BlockSplitter()
    splitter.feed(text)
    splitter.finish()
    return splitter.take_finished()


def code_blocks(text: str) -> list[CodeBlock]:
    """The fenced code blocks of ``text``, nested ones included, in order.

    An unclosed fence runs to the end of the text, as Markdown renders it.
    """
    found: list[CodeBlock] = []
    fence: _Fence | None = None
    language = ""
    lines: list[str] = []
    for line in text.split("\n"):
        if fence is None:
            opened = _fence_opener(line)
            if opened is not None:
                (fence, language), lines = opened, []
            continue
        if fence.closes(line):
            found.append(CodeBlock(language, "\n".join(lines)))
            fence = None
            continue
        lines.append(_dedent(line, fence.indent))
    if fence is not None:
        found.append(CodeBlock(language, "\n".join(lines)))
    return found


def reference_definitions(text: str) -> list[str]:
    """The one-line link reference definitions of ``text`` (``[name]: url``), in order."""
    if "]:" not in text:
        return []
    return [line for line in text.split("\n") if _REFERENCE_DEFINITION.match(line)]


def _dedent(line: str, width: int) -> str:
    """``line`` without up to ``width`` columns of leading space (as a fence's content)."""
    cut = 0
    while cut < len(line) and cut < width and line[cut] == " ":
        cut += 1
    return line[cut:]

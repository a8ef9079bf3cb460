"""Markdown that is plain text once its block's mark is read: written without Qt's parser.

A heading whose words hold no character Markdown could read (``MARKUP``) looks exactly as Qt
draws any heading of its level: the formats Qt gives a sample heading, once, and the words.
Parsing one costs about 30 us; writing it this way about 5, and a long reply has many.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextDocument, QTextFormat

MARKUP = frozenset("\\`*_~[]()!<>&#|$:@\n\r\t")
"""Characters that can start, end or change Markdown inside a line (emphasis, code, links,
autolinks, entities, HTML, tables, maths): a line holding none of them is plain text."""

_SAMPLE = "Sample"


def plain_heading(source: str) -> tuple[int, str] | None:
    """``(level, words)`` when ``source`` is one ATX heading of plain words, else None.

    Plain: one line (line ends after it aside), one space after the marks, no space before
    or after the words, none twice, no ``MARKUP`` character (so no closing marks), nothing
    an autolink or an entity could start with, nothing unprintable.
    """
    line = source.rstrip("\n")
    marks = len(line) - len(line.lstrip("#"))
    if not 1 <= marks <= 6 or line[marks : marks + 1] != " ":
        return None
    words = line[marks + 1 :]
    if (
        not words
        or words != words.strip()
        or "  " in words
        or not words.isprintable()
        or "www." in words.lower()
        or any(char in MARKUP for char in words)
    ):
        return None
    return marks, words


@cache
def heading_formats(
    level: int, features: QTextDocument.MarkdownFeature
) -> tuple[QTextBlockFormat, QTextCharFormat, QTextCharFormat]:
    """The block format, block character format and words' format Qt gives a heading of
    ``level`` (read from a sample heading Qt parses, once)."""
    scratch = QTextDocument()
    scratch.setMarkdown(f"{'#' * level} {_SAMPLE}", features)
    block = scratch.begin()
    block_format = block.blockFormat()
    block_format.clearProperty(QTextFormat.Property.ObjectIndex.value)
    fragment = block.begin().fragment()
    if block.text() != _SAMPLE or fragment.text() != _SAMPLE:
        raise RuntimeError(f"Qt drew a sample heading as {block.text()!r}")
    return block_format, block.charFormat(), fragment.charFormat()

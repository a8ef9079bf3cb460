"""Syntax highlighting of code blocks: Pygments tokens as runs of ``QTextCharFormat``.

Runs are inserted straight into the transcript with ``QTextCursor.insertText(text, format)``;
that is cheaper than Pygments' HTML (which Qt would parse again) and keeps the document's
plain text exactly the code. Pygments is imported at the first code block, not at start-up.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtGui import QColor, QFont, QTextCharFormat

Run = tuple[str, QTextCharFormat]
_PLAIN = frozenset({"", "text", "plain", "plaintext", "txt", "output"})
# Languages whose lexers are made ahead of need, in the background (the first use of a
# Pygments lexer compiles its regular expressions: 5-80 ms each, too long for a frame).
COMMON_LANGUAGES = (
    "python", "javascript", "typescript", "bash", "json", "html", "sql", "rust", "go", "c",
    "cpp", "java", "yaml", "diff", "css",
)  # fmt: skip
_lexers: dict[str, Any] = {}  # by language name; lexers keep no state between uses
_lexers_lock = threading.Lock()  # the warm-up thread and the UI thread both make them
_warm_up: threading.Thread | None = None


def lexer_for(language: str) -> Any:
    """The Pygments lexer for ``language`` (a name or alias), or None for plain text."""
    name = language.strip().lower()
    if name in _PLAIN:
        return None
    with _lexers_lock:
        if name not in _lexers:
            from pygments.lexers import get_lexer_by_name
            from pygments.util import ClassNotFound

            try:
                _lexers[name] = get_lexer_by_name(
                    name, stripnl=False, stripall=False, ensurenl=False
                )
            except ClassNotFound:
                _lexers[name] = None
        return _lexers[name]


def warm_up() -> None:
    """Make the common lexers and load the styles in a background thread (once)."""
    global _warm_up
    if _warm_up is not None:
        return

    def work() -> None:
        from pygments.styles import get_style_by_name

        for style in ("default", "github-dark"):
            get_style_by_name(style)
        for language in COMMON_LANGUAGES:
            lexer_for(language)
        # The lexers live as long as the app: out of the collector's full passes, which
        # would otherwise walk their tables (a 20-50 ms pause, mid-stream), as start-up's are.
        gc.freeze()

    _warm_up = threading.Thread(target=work, name="pygments-warm-up", daemon=True)
    _warm_up.start()


class CodeHighlighter:
    """Turns code into lines of formatted runs in one Pygments style."""

    def __init__(self, style_name: str, base: QTextCharFormat) -> None:
        self._style_name = style_name
        self._base = base
        self._style: Any = None
        self._formats: dict[Any, QTextCharFormat] = {}

    @property
    def base(self) -> QTextCharFormat:
        """The format of code that has no colour of its own."""
        return self._base

    def lines(self, code: str, language: str) -> list[list[Run]]:
        """``code`` cut into lines (as ``code.split("\\n")``), each a list of runs."""
        lexer = lexer_for(language)
        if lexer is None:
            return self.plain(code)
        out: list[list[Run]] = [[]]
        for token_type, value in lexer.get_tokens(code):
            fmt = self._format(token_type)
            for number, part in enumerate(value.split("\n")):
                if number:
                    out.append([])
                if part:
                    line = out[-1]
                    if line and line[-1][1] is fmt:
                        line[-1] = (line[-1][0] + part, fmt)
                    else:
                        line.append((part, fmt))
        if ["".join(text for text, _ in line) for line in out] != code.split("\n"):
            # Pygments normalised something (tabs, line ends): keep the code exact instead.
            return self.plain(code)
        return out

    def plain(self, code: str) -> list[list[Run]]:
        """``code`` cut into lines as ``lines`` cuts it, without colours."""
        return [[(line, self._base)] if line else [] for line in code.split("\n")]

    def line(self, text: str, language: str) -> list[Run]:
        """One line on its own (a code block still streaming: good enough until it closes)."""
        if "\n" in text:
            raise ValueError("one line at a time")
        return self.lines(text, language)[0]

    def _format(self, token_type: Any) -> QTextCharFormat:
        fmt = self._formats.get(token_type)
        if fmt is None:
            if self._style is None:
                from pygments.styles import get_style_by_name

                self._style = get_style_by_name(self._style_name)
            spec = self._style.style_for_token(token_type)
            fmt = QTextCharFormat(self._base)
            if spec["color"]:
                fmt.setForeground(QColor(f"#{spec['color']}"))
            if spec["bold"]:
                fmt.setFontWeight(QFont.Weight.Bold)
            if spec["italic"]:
                fmt.setFontItalic(True)
            self._formats[token_type] = fmt
        return fmt

"""Cutting streaming Markdown into finished blocks and the open one (no Qt)."""

from __future__ import annotations

import pytest

from desktop_chat.core.markdown_blocks import (
    BlockSplitter,
    CodeBlock,
    code_blocks,
    reference_definitions,
    split_blocks,
)
from desktop_chat.demo.replies import MARKDOWN_DOCUMENT
from desktop_chat.demo.tokens import split_text


def sources(text: str) -> list[str]:
    return [block.source for block in split_blocks(text)]


def test_paragraphs_are_cut_at_blank_lines() -> None:
    assert sources("One\nstill one\n\n\nTwo\n") == ["One\nstill one", "Two"]


def test_a_loose_list_stays_one_block() -> None:
    text = "Intro:\n- a\n- b\n\n- c\n\n  more of c\n\nAfter"
    assert sources(text) == ["Intro:\n- a\n- b\n\n- c\n\n  more of c", "After"]


def test_an_ordered_list_with_a_nested_bullet_list_stays_whole() -> None:
    text = "1. one\n   - nested\n\n2. two\n\nAfter"
    assert sources(text) == ["1. one\n   - nested\n\n2. two", "After"]
    # When in doubt, no cut: a bullet after it might continue the nested list, so it stays.
    assert len(split_blocks("1. one\n   - nested\n\n- a bullet")) == 1


def test_a_list_of_another_kind_after_a_blank_line_starts_a_block() -> None:
    assert sources("- a\n\n1. b") == ["- a", "1. b"]


def test_blank_lines_inside_a_fence_do_not_cut_and_the_closing_fence_does() -> None:
    text = "```python\nx = 1\n\n\ny = 2\n```\nText right after"
    blocks = split_blocks(text)
    assert [b.source for b in blocks] == ["```python\nx = 1\n\n\ny = 2\n```", "Text right after"]
    assert [b.fenced_code for b in blocks] == [True, False]


def test_a_fence_or_heading_at_column_0_ends_a_paragraph() -> None:
    assert sources("Look:\n```\ncode\n```") == ["Look:", "```\ncode\n```"]
    assert sources("Para\n# Title\nNext") == ["Para", "# Title", "Next"]


def test_a_fence_nested_in_a_list_item_keeps_the_list_whole() -> None:
    text = "1. Run:\n\n   ```sh\n   make\n\n   make test\n   ```\n2. Done\n\nEnd"
    assert sources(text) == [text.removesuffix("\n\nEnd"), "End"]


def test_backticks_with_more_backticks_after_them_are_inline_code_not_a_fence() -> None:
    assert sources("```not a fence```\n\nNext") == ["```not a fence```", "Next"]


def test_a_closing_fence_needs_the_same_character_and_length() -> None:
    text = "````\n```\nstill code\n\n~~~~\n````\nafter"
    assert sources(text) == ["````\n```\nstill code\n\n~~~~\n````", "after"]


def test_indented_code_continues_after_blank_lines() -> None:
    assert sources("    a\n\n    b\n\nc") == ["    a\n\n    b", "c"]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    blocks = split_blocks("```js\nlet a\n\nlet b")
    assert [(b.source, b.fenced_code) for b in blocks] == [("```js\nlet a\n\nlet b", True)]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 50])
def test_streaming_in_any_pieces_cuts_as_the_whole_text_does(size: int) -> None:
    whole = split_blocks(MARKDOWN_DOCUMENT)
    splitter = BlockSplitter()
    streamed = []
    for at in range(0, len(MARKDOWN_DOCUMENT), size):
        splitter.feed(MARKDOWN_DOCUMENT[at : at + size])
        streamed.extend(splitter.take_finished())
    splitter.finish()
    streamed.extend(splitter.take_finished())
    assert streamed == whole
    assert "\n\n".join(b.source for b in whole).split() == MARKDOWN_DOCUMENT.split()


def test_the_open_block_is_what_is_not_finished_yet() -> None:
    splitter = BlockSplitter()
    for piece in split_text("# Title\n\nA **bold** start\n\n- one\n- tw"):
        splitter.feed(piece)
    assert [b.source for b in splitter.take_finished()] == ["# Title", "A **bold** start"]
    assert splitter.open_source == "- one\n- tw"
    assert splitter.open_fence is None


def test_an_open_fence_shows_its_lines_and_the_line_being_received() -> None:
    splitter = BlockSplitter()
    splitter.feed("Intro\n\n```python\ndef f():\n    return 1\n    # par")
    assert [b.source for b in splitter.take_finished()] == ["Intro"]
    fence = splitter.open_fence
    assert fence is not None
    assert fence.language == "python"
    assert fence.lines == ["```python", "def f():", "    return 1"]
    assert fence.partial == "    # par"
    splitter.feed("t\n```\n")
    assert splitter.open_fence is None
    assert [b.fenced_code for b in splitter.take_finished()] == [True]


def test_reference_definitions_are_noticed() -> None:
    splitter = BlockSplitter()
    splitter.feed("See [the docs][1].\n\n[1]: https://example.com\n")
    assert splitter.has_reference_definitions
    assert reference_definitions("a\n[x]: http://y\n  [z]: /w") == ["[x]: http://y", "  [z]: /w"]


def test_code_blocks_are_found_nested_and_unclosed() -> None:
    text = "x\n```py\na = 1\n```\n- item\n\n  ~~~\n  nested\n  ~~~\n\n```\nopen"
    assert code_blocks(text) == [
        CodeBlock("py", "a = 1"),
        CodeBlock("", "nested"),
        CodeBlock("", "open"),
    ]


def test_feeding_costs_the_same_whatever_came_before() -> None:
    # The splitter keeps no growing state outside the open block: 5,000 blocks in,
    # the open block holds only the last one.
    splitter = BlockSplitter()
    for number in range(5_000):
        splitter.feed(f"Paragraph {number} has some words.\n\n")
        splitter.take_finished()
    splitter.feed("last\nbut one")
    assert splitter.open_source == "last\nbut one"

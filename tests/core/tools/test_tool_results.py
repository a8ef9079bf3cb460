"""What a tool returned, as a bounded tool_result; tool names fit for the API."""

from __future__ import annotations

import base64

from mcp import types

from desktop_chat.core.tools.naming import API_NAME, ToolInfo, assign_names
from desktop_chat.core.tools.results import EMPTY_RESULT, error_result, to_tool_result

PNG = base64.b64encode(b"\x89PNG fake").decode()


def result(*content: object, **fields: object) -> types.CallToolResult:
    return types.CallToolResult(content=list(content), **fields)  # type: ignore[arg-type]


def test_text_images_and_other_content_become_api_blocks() -> None:
    out = to_tool_result(
        "toolu_1",
        result(
            types.TextContent(text="hello"),
            types.ImageContent(data=PNG, mime_type="image/png"),
            types.ImageContent(data=PNG, mime_type="image/bmp"),
            types.AudioContent(data="AAAA", mime_type="audio/wav"),
            types.ResourceLink(name="notes", uri="file:///notes.txt"),
            types.EmbeddedResource(
                resource=types.TextResourceContents(uri="file:///a.txt", text="inside")
            ),
        ),
    )
    blocks = out.block["content"]
    assert out.block["tool_use_id"] == "toolu_1" and "is_error" not in out.block
    assert blocks[0] == {"type": "text", "text": "hello"}
    assert blocks[1] == {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": PNG},
    }
    assert "image of type image/bmp not shown" in blocks[2]["text"]
    assert blocks[3]["text"] == "[audio (audio/wav, 4 base64 characters) not shown]"
    assert blocks[4]["text"] == "[resource link: notes <file:///notes.txt>]"
    assert blocks[5]["text"] == "inside"
    assert not out.truncated


def test_an_error_result_is_flagged_and_an_empty_one_says_so() -> None:
    out = to_tool_result("t", result(types.TextContent(text="no such file"), is_error=True))
    assert out.block["is_error"] is True and out.is_error and out.text == "no such file"
    empty = to_tool_result("t", result())
    assert empty.block["content"] == [{"type": "text", "text": EMPTY_RESULT}]
    structured = to_tool_result("t", result(structured_content={"a": 1}))
    assert structured.block["content"] == [{"type": "text", "text": '{"a": 1}'}]
    err = error_result("t", "It broke.")
    assert err.block == {
        "type": "tool_result",
        "tool_use_id": "t",
        "content": [{"type": "text", "text": "It broke."}],
        "is_error": True,
    }


def test_results_are_bounded_with_a_clear_marker() -> None:
    out = to_tool_result(
        "t",
        result(types.TextContent(text="a" * 80), types.TextContent(text="b" * 80)),
        max_chars=100,
    )
    texts = [b["text"] for b in out.block["content"]]
    assert texts[0] == "a" * 80 and texts[1] == "b" * 20
    assert texts[2].startswith("[… truncated by Desktop Chat: the tool returned 160 characters;")
    assert out.truncated and out.size == 160
    many = to_tool_result(
        "t", result(*[types.ImageContent(data=PNG, mime_type="image/png")] * 3), max_images=2
    )
    kinds = [b["type"] for b in many.block["content"]]
    assert kinds == ["image", "image", "text", "text"]
    assert "Only the first 2 images were sent." in many.block["content"][-1]["text"]


def tool(server: str, name: str) -> ToolInfo:
    return ToolInfo(server, name)


def test_names_are_valid_unique_and_stable() -> None:
    issued: dict[str, tuple[str, str]] = {}
    first = assign_names([tool("time", "get_current_time"), tool("git", "git.status")], issued)
    assert [t.api_name for t in first] == ["git__git_status", "get_current_time"]
    # Another server brings a tool of the same name: the first keeps its name.
    second = assign_names(
        [tool("time", "get_current_time"), tool("clock", "get_current_time")], issued
    )
    assert {t.api_name: t.tool.server for t in second} == {
        "clock__get_current_time": "clock",
        "get_current_time": "time",
    }
    odd = assign_names([tool("s" * 50, "t" * 70), tool("é", "ü"), tool("a", "ü")], {})
    names = {t.tool.server: t.api_name for t in odd}
    assert all(API_NAME.match(n) for n in names.values()) and len(set(names.values())) == 3
    assert names["a"] == "a___" and names["é"] == "____"
    assert names["s" * 50].startswith("s" * 50 + "__ttt") and len(names["s" * 50]) == 64


def test_annotations_read_only_and_destructive() -> None:
    assert ToolInfo("s", "t", annotations={"read_only_hint": True}).read_only
    assert ToolInfo("s", "t", annotations={"destructive_hint": True}).destructive
    assert not ToolInfo("s", "t").destructive  # unannotated: not treated as destructive
    both = ToolInfo("s", "t", annotations={"read_only_hint": True, "destructive_hint": True})
    assert not both.destructive
    offered = assign_names([ToolInfo("s", "t", "Does t.", {"type": "object", "x": 1})], {})[0]
    assert offered.param() == {
        "name": "t",
        "description": "Does t.",
        "input_schema": {"type": "object", "x": 1},
    }

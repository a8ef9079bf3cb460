"""The demo model using the tools a request offers, and answering from their results.

``demo:use TOOL {json}`` in the question makes it call TOOL with that input; a question that
plainly asks for something an offered tool does ("what time is it?") makes it pick the tool
by itself. When the next request carries the ``tool_result``, the answer is built from the
result's text. The tool input streams as ``input_json_delta`` pieces and the reply stops with
``tool_use``, as the API's does (see ``content.finish_reply``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from desktop_chat.demo.content import Block, Text, ToolUse
from desktop_chat.demo.validation import JsonObject, MessagesRequest
from desktop_chat.demo.wire import new_tool_use_id

USE = re.compile(r"\bdemo:use\s+([A-Za-z0-9_-]+)\s*(.*)", re.DOTALL)
_ZONE = re.compile(r"\b([A-Z][a-z]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?)\b")

# What a question asks for -> the tool names that do it, best first (as parts of names).
_INTENTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(r"\b(time|clock|o'clock|hour)\b", re.IGNORECASE),
        ("get_current_time", "current_time", "now", "time"),
    ),
    (re.compile(r"\bweather\b", re.IGNORECASE), ("get_weather", "weather")),
    (re.compile(r"\b(git|repository|repo)\b", re.IGNORECASE), ("git_status", "status")),
)


def _custom_tools(request: MessagesRequest) -> list[JsonObject]:
    return [
        tool
        for tool in request.tools
        if tool.get("type") in (None, "custom") and isinstance(tool.get("input_schema"), dict)
    ]


def _named(tools: Sequence[JsonObject], name: str) -> JsonObject | None:
    """The offered tool called ``name``, or whose name ends with ``__name`` (prefixed)."""
    exact = next((t for t in tools if t["name"] == name), None)
    return exact or next((t for t in tools if str(t["name"]).endswith(f"__{name}")), None)


def _sample(name: str, schema: Mapping[str, Any], question: str) -> Any:
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return guess_input(schema, question)
    if kind in ("integer", "number"):
        return 3 if kind == "integer" else 1.5
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    lowered = name.lower()
    if "timezone" in lowered or lowered in ("tz", "zone"):
        zone = _ZONE.search(question)
        return zone.group(1) if zone else "UTC"
    if lowered == "time":
        return "12:00"
    if "path" in lowered or "repo" in lowered or "dir" in lowered:
        return "."
    return f"demo {name}"


def guess_input(schema: Mapping[str, Any], question: str = "") -> dict[str, Any]:
    """An input that fits ``schema``, taking what it can from the question."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    required = schema.get("required")
    names = required if isinstance(required, list) and required else list(properties)
    return {
        str(name): _sample(str(name), properties.get(name) or {}, question)
        for name in names
        if name in properties
    }


def pick_tool(request: MessagesRequest) -> JsonObject | None:
    """The offered tool the question plainly asks for, if any."""
    tools = _custom_tools(request)
    question = request.last_user_text
    if not tools or not question.strip():
        return None
    for pattern, wanted in _INTENTS:
        if pattern.search(question):
            for part in wanted:
                found = next((t for t in tools if part in str(t["name"])), None)
                if found is not None:
                    return found
    return None


def _calling(tool: Mapping[str, Any], tool_input: Mapping[str, Any]) -> list[Block]:
    name = str(tool["name"])
    return [
        Text(f"I'll ask the `{name}` tool for that."),
        ToolUse(new_tool_use_id(), name, json.dumps(dict(tool_input), ensure_ascii=False)),
    ]


def use(request: MessagesRequest) -> list[Block]:
    """``demo:use TOOL {json}``: call TOOL with that input (an offered tool only)."""
    match = USE.search(request.last_user_text)
    if match is None:
        return [Text("Write `demo:use TOOL {json}` to make me call TOOL with that input.")]
    name, raw = match.group(1), match.group(2).strip()
    tools = _custom_tools(request)
    tool = _named(tools, name)
    if tool is None:
        offered = ", ".join(f"`{t['name']}`" for t in tools) or "none"
        return [Text(f"No tool named `{name}` is offered in this request (offered: {offered}).")]
    if not raw:
        return _calling(tool, guess_input(tool["input_schema"], request.last_user_text))
    try:
        tool_input = json.JSONDecoder().raw_decode(raw)[0]
    except ValueError as exc:
        return [Text(f"The input for `{name}` is not JSON ({exc}), so I did not call it.")]
    if not isinstance(tool_input, dict):
        return [Text(f"The input for `{name}` must be a JSON object, so I did not call it.")]
    return _calling(tool, tool_input)


def _tool_names(request: MessagesRequest) -> dict[str, str]:
    """tool_use id -> tool name, from the assistant message the results answer."""
    if len(request.messages) < 2 or request.messages[-2]["role"] != "assistant":
        return {}
    return {
        str(b.get("id")): str(b.get("name"))
        for b in request.messages[-2]["content"]
        if b.get("type") == "tool_use"
    }


def _result_text(block: Mapping[str, Any]) -> str:
    content = block.get("content", "")
    if isinstance(content, list):
        texts = [str(c.get("text", "")) for c in content if isinstance(c, dict)]
        images = sum(1 for c in content if isinstance(c, dict) and c.get("type") == "image")
        content = "\n".join(t for t in texts if t) + (f"\n({images} image(s))" if images else "")
    return str(content).strip()


def _summary(text: str) -> str:
    """A JSON object's fields as a sentence, else the text itself (cut to 400 characters)."""
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, dict) and value:
        return "; ".join(f"{key}: {item}" for key, item in value.items())[:400]
    return text if len(text) <= 400 else text[:399] + "…"


def answer(request: MessagesRequest) -> list[Block]:
    """An answer built from the ``tool_result`` blocks of the last message."""
    names = _tool_names(request)
    lines = []
    for block in request.last_tool_results:
        name = names.get(str(block.get("tool_use_id")), "the tool")
        text = _result_text(block) or "(nothing)"
        if block.get("is_error"):
            lines.append(f"`{name}` did not work: {_summary(text)}")
        else:
            lines.append(f"According to `{name}`: {_summary(text)}.")
    failed = any(block.get("is_error") for block in request.last_tool_results)
    closing = (
        "So I cannot give you the full answer; you could try again, or ask differently."
        if failed
        else "That is straight from the tool, so it is as current as it gets."
    )
    return [Text("\n\n".join([*lines, closing]))]


def reply_for(request: MessagesRequest) -> list[Block] | None:
    """What the demo says instead of its usual answer when tools are involved, if anything:
    an answer from tool results, or a call to the tool the question asks for."""
    if request.last_tool_results:
        return answer(request)
    tool = pick_tool(request)
    if tool is None:
        return None
    return _calling(tool, guess_input(tool["input_schema"], request.last_user_text))

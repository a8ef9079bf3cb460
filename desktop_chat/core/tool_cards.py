"""Tool calls and their results in a few words, for the transcript's cards (no Qt)."""

from __future__ import annotations

import json
from typing import Any

from desktop_chat.core.conversation import Block, Message
from desktop_chat.core.i18n import translate

# Results of the API's own tools (web search, code execution, ...): blocks the API runs and
# answers itself, shown as results in the side pane and accepted back by the demo.
SERVER_TOOL_RESULTS = (
    "web_search_tool_result",
    "web_fetch_tool_result",
    "code_execution_tool_result",
    "bash_code_execution_tool_result",
    "text_editor_code_execution_tool_result",
    "tool_search_tool_result",
    "container_upload",
)
SHOWN_CHARS = 300  # of a call's arguments or a result's text; the whole is in the side pane


def _clip(text: str, limit: int = SHOWN_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return f"{text[:limit].rstrip()}… ({len(text):,} characters in all)"


def call_line(block: Block) -> str:
    """A ``tool_use`` block as one line: the tool and its arguments."""
    arguments = json.dumps(block.get("input", {}), ensure_ascii=False)
    return translate("ToolCards", "Tool call: {name} {arguments}").format(
        name=block.get("name", "?"), arguments=_clip(arguments)
    )


def result_text(block: Block) -> str:
    """The text of a ``tool_result`` block (its text parts; images are named)."""
    content: Any = block.get("content", "")
    if isinstance(content, str):
        return content
    parts = []
    for part in content if isinstance(content, list) else []:
        if isinstance(part, dict) and part.get("type") == "text":
            parts.append(str(part.get("text", "")))
        elif isinstance(part, dict):
            parts.append(f"[{part.get('type', 'part')}]")
    return "\n".join(parts)


def result_lines(message: Message) -> list[tuple[str, bool]]:
    """Each ``tool_result`` of a user message as (line, is an error), with its decision."""
    words = {
        "allow_once": translate("ToolCards", "allowed once"),
        "allow_conversation": translate("ToolCards", "allowed for this conversation"),
        "allow_always": translate("ToolCards", "always allowed"),
        "granted": translate("ToolCards", "allowed by a grant"),
        "read_only": translate("ToolCards", "read-only, allowed"),
        "deny": "denied",
        "cancelled": "stopped",
        "none": translate("ToolCards", "not run"),
    }
    lines = []
    for block in message.content:
        if block.get("type") != "tool_result":
            continue
        decided = message.tool_decisions.get(str(block.get("tool_use_id")), {})
        name = decided.get("tool", "the tool")
        how = words.get(decided.get("decision", ""), "")
        error = bool(block.get("is_error"))
        text = result_text(block)
        head = (
            translate("ToolCards", "Error from {name}")
            if error
            else translate("ToolCards", "Result of {name}")
        ).format(name=name) + (f" ({how})" if how else "")
        shown = _clip(text) or translate("ToolCards", "(empty)")
        lines.append((f"{head}: {shown}", error))
    return lines


def speaker(message: Message) -> str:
    """Who a message is from, as transcripts head it: You, Claude, or Tools (results)."""
    if is_tool_results(message):
        return "Tools"
    return "You" if message.role == "user" else "Claude"


def is_tool_results(message: Message) -> bool:
    """A user message that only answers tool calls (the tool loop's)."""
    return message.role == "user" and any(b.get("type") == "tool_result" for b in message.content)

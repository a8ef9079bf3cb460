"""Replies with citations and with the API's own tools (web search, web fetch, code
execution, tool search), and one with a block kind newer than any client.

The opaque fields the API sends (a search result's ``encrypted_content``, a web citation's
``encrypted_index``) carry a tamper check here, and so does the unknown block, so the
validation can tell whether a block came back exactly as it was sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from desktop_chat.demo.content import Block, Text, ToolUse, Whole
from desktop_chat.demo.errors import invalid_request
from desktop_chat.demo.returned_blocks import FUTURE_BLOCK_TYPE
from desktop_chat.demo.signatures import sign_json
from desktop_chat.demo.validation import MessagesRequest
from desktop_chat.demo.wire import new_file_id, new_server_tool_use_id

_RESULTS = (
    ("Limmat - Wikipedia", "https://en.wikipedia.org/wiki/Limmat", "3 weeks ago"),
    ("Zürich rivers and lakes", "https://www.zuerich.com/en/visit/rivers", None),
)
_QUOTES = (
    "The Limmat is a river in Switzerland that flows out of Lake Zürich.",
    "The Sihl joins the Limmat in the city centre of Zürich.",
)
DOCUMENT = "Quarterly report. Revenue grew by 12 percent. Costs fell by 3 percent."
URL = re.compile(r"https?://[^\s<>\"')]+")
_WEB_TOOL_TYPES = {"web_search": "web_search_", "web_fetch": "web_fetch_"}


def offered_web_tools(body: Any) -> set[str]:
    """The names of the web tools a request offers (by their server tool type)."""
    tools = body.get("tools") if isinstance(body, dict) else None
    names: set[str] = set()
    for tool in tools if isinstance(tools, list) else []:
        if not isinstance(tool, dict):
            continue
        for name, prefix in _WEB_TOOL_TYPES.items():
            if str(tool.get("type", "")).startswith(prefix):
                names.add(name)
    return names


def check_web_tools(body: Mapping[str, Any]) -> None:
    """Refuse what the API refuses in a web tool's definition."""
    tools = body.get("tools")
    for i, tool in enumerate(tools if isinstance(tools, list) else []):
        if not isinstance(tool, dict) or not str(tool.get("type", "")).startswith("web_"):
            continue
        if tool.get("allowed_domains") and tool.get("blocked_domains"):
            raise invalid_request(
                f"tools.{i}: Cannot specify both allowed_domains and blocked_domains."
            )
        uses = tool.get("max_uses")
        if uses is not None and (isinstance(uses, bool) or not isinstance(uses, int) or uses < 1):
            raise invalid_request(f"tools.{i}.max_uses: Input should be greater than 0")


def _search_result(title: str, url: str, page_age: str | None) -> dict[str, Any]:
    result: dict[str, Any] = {"type": "web_search_result", "title": title, "url": url}
    if page_age is not None:  # the API leaves it out when it does not know it
        result["page_age"] = page_age
    result["encrypted_content"] = sign_json(result)
    return result


def _web_citation(title: str, url: str, quote: str) -> dict[str, Any]:
    citation = {"type": "web_search_result_location", "url": url, "title": title}
    citation["cited_text"] = quote
    citation["encrypted_index"] = sign_json(citation)
    return citation


def _server_call(name: str, tool_input: dict[str, Any]) -> tuple[str, ToolUse]:
    tool_id = new_server_tool_use_id()
    return tool_id, ToolUse(tool_id, name, json.dumps(tool_input), server=True)


def _query(request: MessagesRequest) -> str:
    text = re.sub(r"demo:[a-z_]+", "", request.last_user_text).strip()
    return " ".join(text.split())[:60] or "rivers of Zürich"


def web_search_error(request: MessagesRequest) -> list[Block]:
    """A search the API could not run, and the model answering without it."""
    tool_id, call = _server_call("web_search", {"query": _query(request)})
    error = {"type": "web_search_tool_result_error", "error_code": "too_many_requests"}
    return [
        call,
        Whole({"type": "web_search_tool_result", "tool_use_id": tool_id, "content": error}),
        Text("The search could not run just now, so this answer is from what I already know."),
    ]


def _domain_allowed(url: str, tool: Mapping[str, Any]) -> bool:
    host = urlsplit(url).hostname or ""

    def within(domains: Any) -> bool:
        names = [str(d).split("/")[0].lower() for d in domains or []]
        return any(host == d or host.endswith("." + d) for d in names)

    if tool.get("allowed_domains"):
        return within(tool["allowed_domains"])
    return not within(tool.get("blocked_domains"))


def web_search(request: MessagesRequest) -> list[Block]:
    """A search, its results (within the tool's allowed or blocked domains), and an answer
    whose sentences cite them."""
    query = _query(request)
    tool_id, call = _server_call("web_search", {"query": query})
    tool = next((t for t in request.tools if t.get("name") == "web_search"), {})
    kept = [(r, q) for r, q in zip(_RESULTS, _QUOTES, strict=True) if _domain_allowed(r[1], tool)]
    results = [_search_result(*r) for r, _ in kept]
    found: list[Block] = [
        Text("Let me look that up."),
        call,
        Whole({"type": "web_search_tool_result", "tool_use_id": tool_id, "content": results}),
    ]
    if not kept:
        return [*found, Text("The search found nothing in the domains it may read.")]
    found.append(Text("Here is what I found. "))
    sentences = (
        "The Limmat flows out of Lake Zürich",
        "the Sihl joins it in the city centre",
    )
    for n, ((title, url, _), quote) in enumerate(kept):
        sentence = sentences[_RESULTS.index((title, url, _))]
        if n:
            found.append(Text(", and ", start_list=True))
        found.append(
            Text(sentence, citations=(_web_citation(title, url, quote),), start_list=bool(n))
        )
    found.append(Text("."))
    return found


def documents(request: MessagesRequest) -> list[Block]:
    """An answer over documents, citing characters, pages and content blocks."""
    del request
    chars = {
        "type": "char_location",
        "cited_text": "Revenue grew by 12 percent.",
        "document_index": 0,
        "document_title": "Quarterly report",
        "start_char_index": 19,
        "end_char_index": 46,
    }
    pages = {
        "type": "page_location",
        "cited_text": "Costs fell by 3 percent.",
        "document_index": 1,
        "document_title": None,
        "start_page_number": 2,
        "end_page_number": 3,
    }
    blocks = {
        "type": "content_block_location",
        "cited_text": "The outlook is stable.",
        "document_index": 2,
        "document_title": "Outlook",
        "start_block_index": 0,
        "end_block_index": 1,
    }
    return [
        Text("According to the documents, "),
        Text("revenue grew by 12 percent", citations=(chars,)),
        Text(" while "),
        Text("costs fell by 3 percent", citations=(pages,), start_list=True),
        Text("; "),
        Text("the outlook is stable", citations=(blocks,)),
        Text("."),
    ]


def web_fetch(request: MessagesRequest) -> list[Block]:
    """A page fetched, and an answer citing it."""
    found = URL.search(request.last_user_text)
    url = found.group(0).rstrip(".,;:") if found else "https://example.com/report"
    tool_id, call = _server_call("web_fetch", {"url": url})
    fetched = {
        "type": "web_fetch_result",
        "url": url,
        "retrieved_at": "2026-05-01T12:00:00Z",
        "content": {
            "type": "document",
            "source": {"type": "text", "media_type": "text/plain", "data": DOCUMENT},
            "title": "Quarterly report",
            "citations": {"enabled": True},
        },
    }
    citation = {
        "type": "char_location",
        "cited_text": "Revenue grew by 12 percent.",
        "document_index": 0,
        "document_title": "Quarterly report",
        "start_char_index": 19,
        "end_char_index": 46,
    }
    return [
        call,
        Whole({"type": "web_fetch_tool_result", "tool_use_id": tool_id, "content": fetched}),
        Text("The page says that "),
        Text("revenue grew by 12 percent", citations=(citation,)),
        Text("."),
    ]


def code_execution(request: MessagesRequest) -> list[Block]:
    """Code run by the API itself: Python, bash, the file editor, and a file uploaded."""
    del request
    code_id, code = _server_call("code_execution", {"code": "print(6 * 7)"})
    bash_id, bash = _server_call("bash_code_execution", {"command": "ls /tmp"})
    edit_id, edit = _server_call(
        "text_editor_code_execution", {"command": "view", "path": "/tmp/answer.py"}
    )
    return [
        Whole({"type": "container_upload", "file_id": new_file_id()}),
        code,
        Whole(
            {
                "type": "code_execution_tool_result",
                "tool_use_id": code_id,
                "content": {
                    "type": "code_execution_result",
                    "stdout": "42\n",
                    "stderr": "",
                    "return_code": 0,
                    "content": [],
                },
            }
        ),
        bash,
        Whole(
            {
                "type": "bash_code_execution_tool_result",
                "tool_use_id": bash_id,
                "content": {
                    "type": "bash_code_execution_result",
                    "stdout": "answer.py\n",
                    "stderr": "",
                    "return_code": 0,
                    "content": [],
                },
            }
        ),
        edit,
        Whole(
            {
                "type": "text_editor_code_execution_tool_result",
                "tool_use_id": edit_id,
                "content": {
                    "type": "text_editor_code_execution_view_result",
                    "file_type": "text",
                    "content": "print(6 * 7)\n",
                    "num_lines": 1,
                    "start_line": 1,
                    "total_lines": 1,
                },
            }
        ),
        Text("The code printed **42**."),
    ]


def tool_search(request: MessagesRequest) -> list[Block]:
    """The API searched the request's tools and found one."""
    name = next((str(t["name"]) for t in request.tools if "name" in t), "get_weather")
    tool_id, call = _server_call("tool_search_tool_regex", {"query": "weather"})
    found = {
        "type": "tool_search_tool_search_result",
        "tool_references": [{"type": "tool_reference", "tool_name": name}],
    }
    return [
        call,
        Whole({"type": "tool_search_tool_result", "tool_use_id": tool_id, "content": found}),
        Text(f"The `{name}` tool fits the question."),
    ]


def future_block() -> dict[str, Any]:
    """A block of a kind newer than any client: kept, and sent back as it came."""
    block: dict[str, Any] = {
        "type": FUTURE_BLOCK_TYPE,
        "data": {"note": "a block kind from a newer API", "items": [1, 2.5, None, "ü"]},
    }
    block["signature"] = sign_json(block)
    return block


def unknown_block(request: MessagesRequest) -> list[Block]:
    del request
    return [
        Text("Before a block this client has never seen."),
        Whole(future_block()),
        Text("After it: the client keeps it and sends it back unchanged."),
    ]

"""The scenario table: what the demo server does for each ``demo:NAME``.

A request picks a scenario with the header ``x-demo-scenario: NAME`` or by writing
``demo:NAME`` anywhere in its last user message; otherwise it gets ``normal``. Adding a
scenario is adding one entry to :data:`SCENARIOS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_chat.demo import edge_replies, replies, server_tools, tool_use
from desktop_chat.demo.content import Block, Reply, Stop, Text, finish_reply
from desktop_chat.demo.errors import ApiError, invalid_request
from desktop_chat.demo.faults import (
    BlockOutOfOrder,
    Drop,
    DropAfterStop,
    ErrorEvent,
    Fault,
    Malformed,
    NoEventLine,
    NoStop,
    Stall,
    TruncatedLine,
    UnknownEvents,
)
from desktop_chat.demo.validation import MessagesRequest

SCENARIO_HEADER = "x-demo-scenario"
DEFAULT_SCENARIO = "normal"
_IN_TEXT = re.compile(r"\bdemo:([a-z0-9_]+)")


@dataclass(frozen=True)
class HttpFailure:
    """Answer with an HTTP error instead of a message.

    ``every_other`` fails the 1st, 3rd, 5th… request of the scenario on a server and lets
    the others through, so the SDK's own retry recovers each time.
    """

    status: int
    message: str
    retry_after: str | None = None
    every_other: bool = False
    headers: tuple[tuple[str, str], ...] = ()  # more response headers

    def error(self) -> ApiError:
        headers = {"retry-after": self.retry_after} if self.retry_after is not None else {}
        return ApiError(self.status, self.message, headers={**headers, **dict(self.headers)})


@dataclass(frozen=True)
class Scenario:
    """One behaviour of the server.

    Attributes:
        name: what ``demo:NAME`` and ``x-demo-scenario`` match.
        summary: one line for ``--help`` and the docs.
        compose: the blocks the model says (thinking is added when the request asks).
        stop: the natural stop; stop sequences and ``max_tokens`` can still cut earlier.
        fault: how the stream breaks, if it does.
        failure: an HTTP error answered instead of a message.
        tokens_per_second: pacing that overrides the server's.
        thinks: add a thinking block first when the request turns thinking on.
        fault_every_other: the fault strikes the 1st, 3rd, 5th… request of the scenario
            only, so that the app's own retry (after a stream began) recovers.
    """

    name: str
    summary: str
    compose: replies.Compose = replies.normal
    stop: Stop = field(default_factory=Stop)
    fault: Fault | None = None
    failure: HttpFailure | None = None
    tokens_per_second: float | None = None
    thinks: bool = True
    fault_every_other: bool = False


_RATE_LIMITED = (
    "Number of request tokens has exceeded your per-minute rate limit"
    " (https://docs.claude.com/en/api/rate-limits); see the response headers for current usage."
    " Please reduce the prompt length or the maximum tokens requested, or try again later."
)

SCENARIOS: dict[str, Scenario] = {
    scenario.name: scenario
    for scenario in (
        Scenario("normal", "thinking if asked, then a Markdown answer to the prompt"),
        Scenario("markdown", "a long Markdown document: table, code, CJK", replies.markdown),
        Scenario("tool", "text, then a tool_use whose input JSON streams", replies.tool),
        Scenario("use", "demo:use TOOL {json}: a tool_use of that offered tool", tool_use.use),
        Scenario("tool_bad_json", "a tool_use whose input is invalid JSON", replies.tool_bad_json),
        Scenario(
            "redacted", "redacted_thinking, thinking, then text", replies.redacted, thinks=False
        ),
        Scenario(
            "refusal",
            "some text, then stop_reason refusal with stop_details",
            replies.refusal,
            Stop("refusal", details=replies.REFUSAL_DETAILS),
        ),
        Scenario(
            "max_tokens",
            "text cut at the request's max_tokens",
            replies.long_story,
            Stop("max_tokens"),
        ),
        Scenario(
            "pause_turn",
            "some text, then stop_reason pause_turn",
            replies.pause_turn,
            Stop("pause_turn"),
        ),
        Scenario(
            "stop_sequence", "text that runs into the first stop sequence", replies.stop_sequence
        ),
        Scenario(
            "context_window",
            "some text, then stop_reason model_context_window_exceeded",
            replies.context_window,
            Stop("model_context_window_exceeded"),
        ),
        Scenario(
            "error_event",
            "some text, then an overloaded_error event",
            fault=ErrorEvent("overloaded_error", "Overloaded"),
        ),
        Scenario(
            "error_event_once",
            "an overloaded_error event mid-stream on every other request (the app retries)",
            fault=ErrorEvent("overloaded_error", "Overloaded"),
            fault_every_other=True,
        ),
        Scenario(
            "api_error_event",
            "some text, then an api_error event",
            fault=ErrorEvent("api_error", "Internal server error"),
        ),
        Scenario("drop", "some text, then the connection breaks mid-chunk", fault=Drop()),
        Scenario(
            "drop_close",
            "close-delimited body that ends mid-event",
            fault=Drop(close_delimited=True),
        ),
        Scenario("stall", "some text, then silence for stall_seconds, then a close", fault=Stall()),
        Scenario("no_stop", "a clean end of the body without message_stop", fault=NoStop()),
        Scenario(
            "unknown_event", "an unknown delta type and an unknown event", fault=UnknownEvents()
        ),
        Scenario("malformed", "a data: line that is not JSON", fault=Malformed()),
        Scenario("no_event_line", "a text delta without its event: line", fault=NoEventLine()),
        Scenario(
            "truncated_line",
            "the body ends cleanly in the middle of a data: line",
            fault=TruncatedLine(),
        ),
        Scenario(
            "block_out_of_order",
            "a content block starts at an index past the next one",
            fault=BlockOutOfOrder(),
        ),
        Scenario(
            "drop_after_stop",
            "the whole reply, then the connection breaks before the body ends",
            fault=DropAfterStop(),
        ),
        Scenario(
            "http401", "401 authentication_error", failure=HttpFailure(401, "invalid x-api-key")
        ),
        Scenario(
            "http403",
            "403 permission_error",
            failure=HttpFailure(
                403, "Your API key does not have permission to use the specified resource."
            ),
        ),
        Scenario("http404", "404 not_found_error", failure=HttpFailure(404, "Not found")),
        Scenario(
            "http413",
            "413 request_too_large",
            failure=HttpFailure(413, "Request exceeds the maximum allowed number of bytes."),
        ),
        Scenario(
            "http429", "429 with retry-after: 1", failure=HttpFailure(429, _RATE_LIMITED, "1")
        ),
        Scenario(
            "http429_no_retry_after",
            "429 without a retry-after header",
            failure=HttpFailure(429, _RATE_LIMITED),
        ),
        Scenario(
            "http429_once",
            "429 with retry-after: 0 on every other request, so the SDK's retry recovers",
            failure=HttpFailure(429, _RATE_LIMITED, "0", every_other=True),
        ),
        Scenario("http500", "500 api_error", failure=HttpFailure(500, "Internal server error")),
        Scenario("http529", "529 overloaded_error", failure=HttpFailure(529, "Overloaded")),
        Scenario(
            "http529_once",
            "529 on every other request, so the SDK's retry recovers",
            failure=HttpFailure(529, "Overloaded", every_other=True),
        ),
        Scenario("slow", "paced at 5 tokens per second", replies.slow, tokens_per_second=5.0),
        Scenario(
            "http402",
            "402 billing_error",
            failure=HttpFailure(
                402,
                "Your credit balance is too low to access the Anthropic API. Please go to Plans"
                " & Billing to upgrade or purchase credits.",
            ),
        ),
        Scenario(
            "http504",
            "504 timeout_error",
            failure=HttpFailure(504, "Request timed out while waiting for the model."),
        ),
        Scenario(
            "http429_retry_after_ms",
            "429 with retry-after-ms: 150 on every other request (the SDK waits that long)",
            failure=HttpFailure(
                429, _RATE_LIMITED, every_other=True, headers=(("retry-after-ms", "150"),)
            ),
        ),
        Scenario(
            "http529_no_retry",
            "529 with x-should-retry: false (the SDK gives up at once)",
            failure=HttpFailure(529, "Overloaded", headers=(("x-should-retry", "false"),)),
        ),
        Scenario(
            "http400_retry",
            "400 with x-should-retry: true on every other request (the SDK retries it)",
            failure=HttpFailure(
                400,
                "The demo asks for a retry of this request.",
                every_other=True,
                headers=(("x-should-retry", "true"), ("retry-after-ms", "0")),
            ),
        ),
        Scenario(
            "web_search",
            "a web search, its results, and an answer citing them",
            server_tools.web_search,
        ),
        Scenario("web_fetch", "a page fetched, and an answer citing it", server_tools.web_fetch),
        Scenario(
            "web_search_error",
            "a web search the API could not run (too many requests), and an answer anyway",
            server_tools.web_search_error,
        ),
        Scenario(
            "documents",
            "an answer citing documents by characters, pages and blocks",
            server_tools.documents,
        ),
        Scenario(
            "code_execution",
            "code run by the API: Python, bash, the file editor, an uploaded file",
            server_tools.code_execution,
        ),
        Scenario("tool_search", "the API searches the request's tools", server_tools.tool_search),
        Scenario(
            "lone_surrogate",
            "text holding half a surrogate pair",
            edge_replies.lone_surrogate,
            thinks=False,
        ),
        Scenario(
            "unknown_block",
            "a content block of a kind newer than the client",
            server_tools.unknown_block,
        ),
    )
}


def _last_user_text(body: Any) -> str:
    """The last user message's text, from a body that may not have been checked yet."""
    messages = body.get("messages") if isinstance(body, dict) else None
    if not isinstance(messages, list):
        return ""
    for message in reversed(messages):
        if not isinstance(message, dict) or message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return "\n".join(
                str(block.get("text", ""))
                for block in content
                if isinstance(block, dict) and block.get("type") == "text"
            )
        return ""
    return ""


def select_scenario(headers: Mapping[str, str], body: Any) -> Scenario:
    """The scenario a request asks for; an unknown name in the header is a 400."""
    named = headers.get(SCENARIO_HEADER)
    if named is not None:
        scenario = SCENARIOS.get(named.strip())
        if scenario is None:
            raise invalid_request(
                f"{SCENARIO_HEADER}: unknown demo scenario '{named}'; known: {', '.join(SCENARIOS)}"
            )
        return scenario
    text = _last_user_text(body)
    for match in _IN_TEXT.finditer(text):
        if match.group(1) in SCENARIOS:
            return SCENARIOS[match.group(1)]
    offered = server_tools.offered_web_tools(body)
    if text.strip():  # a question (not only tool results): the model may look it up
        if "web_fetch" in offered and server_tools.URL.search(text):
            return SCENARIOS["web_fetch"]
        if "web_search" in offered:
            return SCENARIOS["web_search"]
    return SCENARIOS[DEFAULT_SCENARIO]


def compose_reply(scenario: Scenario, request: MessagesRequest) -> Reply:
    """What the model says under ``scenario``, cut as the request's limits demand."""
    blocks: list[Block] = []
    if scenario.thinks and request.thinking is not None:
        blocks.append(replies.thinking_for(request))
    blocks.extend(scenario.compose(request))
    prefill = _prefill(request)
    if prefill is not None:
        blocks = _continued(blocks, prefill)
    return finish_reply(
        blocks,
        stop=scenario.stop,
        stop_sequences=request.stop_sequences,
        max_tokens=request.max_tokens,
    )


def _prefill(request: MessagesRequest) -> str | None:
    """The text of a final assistant message: the API continues the reply from there."""
    if not request.messages or request.messages[-1]["role"] != "assistant":
        return None
    return "".join(
        str(block.get("text", ""))
        for block in request.messages[-1]["content"]
        if block.get("type") == "text"
    )


def _continued(blocks: list[Block], prefill: str) -> list[Block]:
    """What follows ``prefill`` in the reply the scenario would give: one text block.

    A reply the prefill does not begin (a different question since) goes on with its whole
    text, as a model would go on somehow.
    """
    text = "".join(b.text for b in blocks if isinstance(b, Text))
    if text.startswith(prefill):
        text = text[len(prefill) :]
    return [Text(text)] if text else []

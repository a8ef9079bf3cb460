"""Request checks the real Messages API makes, with its wording, and the checked request.

Only what a chat client can get wrong is checked; each failure is a 400
``invalid_request_error`` whose message names the offending field, as the API's do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from desktop_chat.core.tool_cards import SERVER_TOOL_RESULTS
from desktop_chat.demo import attachments
from desktop_chat.demo.errors import ApiError, invalid_request
from desktop_chat.demo.returned_blocks import (
    FUTURE_BLOCK_TYPE,
    RETURNED_KINDS,
    check_returned_block,
)
from desktop_chat.demo.signatures import redacted_data_is_valid, thinking_signature_is_valid

JsonObject = dict[str, Any]

MIN_THINKING_BUDGET = 1024

_CREATE_FIELDS = frozenset(
    {
        "model",
        "messages",
        "max_tokens",
        "cache_control",
        "container",
        "context_management",
        "diagnostics",
        "inference_geo",
        "mcp_servers",
        "metadata",
        "output_config",
        "service_tier",
        "speed",
        "stop_sequences",
        "stream",
        "system",
        "temperature",
        "thinking",
        "tool_choice",
        "tools",
        "top_k",
        "top_p",
        "user_profile_id",
        "workspace_id",
    }
)
_COUNT_FIELDS = frozenset(
    {
        "model",
        "messages",
        "cache_control",
        "context_management",
        "mcp_servers",
        "output_config",
        "speed",
        "system",
        "thinking",
        "tool_choice",
        "tools",
        "user_profile_id",
        "workspace_id",
    }
)
_BLOCK_TYPES = (
    "text",
    "image",
    "document",
    "search_result",
    "thinking",
    "redacted_thinking",
    "tool_use",
    "tool_result",
    "server_tool_use",
    *SERVER_TOOL_RESULTS,
    FUTURE_BLOCK_TYPE,  # the demo's stand-in for a kind newer than the client
)
_THINKING_TYPES = ("enabled", "adaptive", "disabled", "between_tools")
_EXTENDED_THINKING_DOCS = "https://docs.claude.com/en/docs/build-with-claude/extended-thinking"

ThinkingMode = Literal["enabled", "adaptive"]


@dataclass(frozen=True)
class MessagesRequest:
    """A checked ``POST /v1/messages`` (or ``count_tokens``) body.

    Message contents are normalised to lists of blocks; ``max_tokens`` is 0 for
    ``count_tokens``; ``thinking`` is None unless thinking is on.
    """

    model: str
    max_tokens: int
    messages: tuple[JsonObject, ...]
    system: str | tuple[JsonObject, ...]
    stream: bool
    thinking: ThinkingMode | None
    thinking_omitted: bool
    stop_sequences: tuple[str, ...]
    tools: tuple[JsonObject, ...]

    @property
    def last_user_text(self) -> str:
        """The text of the newest user message (empty if it holds only tool results)."""
        for message in reversed(self.messages):
            if message["role"] == "user":
                return "\n".join(
                    str(block.get("text", ""))
                    for block in message["content"]
                    if block.get("type") == "text"
                )
        return ""

    @property
    def last_tool_results(self) -> tuple[JsonObject, ...]:
        """The ``tool_result`` blocks of the newest message, if it is a user message."""
        if not self.messages or self.messages[-1]["role"] != "user":
            return ()
        return tuple(b for b in self.messages[-1]["content"] if b.get("type") == "tool_result")

    @property
    def user_turns(self) -> int:
        return sum(1 for message in self.messages if message["role"] == "user")


def _require_object(value: object, field: str) -> JsonObject:
    if not isinstance(value, dict):
        raise invalid_request(f"{field}: Input should be a valid dictionary")
    return value


def _check_fields(body: JsonObject, allowed: frozenset[str]) -> None:
    for name in body:
        if name not in allowed:
            raise invalid_request(f"{name}: Extra inputs are not permitted")


def _check_model(body: JsonObject) -> str:
    model = body.get("model")
    if model is None:
        raise invalid_request("model: Field required")
    if not isinstance(model, str) or not model:
        raise invalid_request("model: Input should be a valid string")
    return model


def _check_max_tokens(body: JsonObject) -> int:
    if "max_tokens" not in body:
        raise invalid_request("max_tokens: Field required")
    value = body["max_tokens"]
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_request("max_tokens: Input should be a valid integer")
    if value < 1:
        raise invalid_request("max_tokens: Input should be greater than or equal to 1")
    return value


def _normalise_content(content: object, where: str) -> list[JsonObject]:
    if isinstance(content, str):
        return [{"type": "text", "text": content}] if content else []
    if not isinstance(content, list):
        raise invalid_request(f"{where}.content: Input should be a valid string or list")
    blocks: list[JsonObject] = []
    for j, block in enumerate(content):
        checked = _require_object(block, f"{where}.content.{j}")
        kind = checked.get("type")
        if kind not in _BLOCK_TYPES:
            expected = ", ".join(f"'{name}'" for name in _BLOCK_TYPES)
            raise invalid_request(
                f"{where}.content.{j}: Input tag '{kind}' found using 'type' does not match"
                f" any of the expected tags: {expected}"
            )
        blocks.append(checked)
    return blocks


def _check_block(block: JsonObject, where: str) -> None:
    kind = block["type"]
    if kind in RETURNED_KINDS:
        check_returned_block(block, where)
    if kind == "text":
        text = block.get("text")
        if not isinstance(text, str):
            raise invalid_request(f"{where}.text: Field required")
        if not text:
            raise invalid_request("messages: text content blocks must be non-empty")
    elif kind == "thinking":
        thinking, signature = block.get("thinking"), block.get("signature")
        if not isinstance(thinking, str) or not isinstance(signature, str):
            raise invalid_request(f"{where}: `thinking` blocks need `thinking` and `signature`")
        if not thinking_signature_is_valid(thinking, signature):
            raise invalid_request(f"{where}: Invalid `signature` in `thinking` block")
    elif kind == "redacted_thinking":
        data = block.get("data")
        if not isinstance(data, str) or not redacted_data_is_valid(data):
            raise invalid_request(f"{where}: Invalid `data` in `redacted_thinking` block")
    elif kind == "tool_use":
        if not isinstance(block.get("id"), str) or not isinstance(block.get("name"), str):
            raise invalid_request(f"{where}: `tool_use` blocks need an `id` and a `name`")
        if not isinstance(block.get("input"), dict):
            raise invalid_request(f"{where}.input: Input should be a valid dictionary")
    elif kind == "image":
        attachments.check_image(block, where)
    elif kind == "document":
        attachments.check_document(block, where)
    elif kind == "tool_result" and not isinstance(block.get("tool_use_id"), str):
        raise invalid_request(f"{where}.tool_use_id: Field required")


def _check_messages(body: JsonObject) -> list[JsonObject]:
    raw = body.get("messages")
    if raw is None:
        raise invalid_request("messages: Field required")
    if not isinstance(raw, list):
        raise invalid_request("messages: Input should be a valid list")
    if not raw:
        raise invalid_request("messages: at least one message is required")
    messages: list[JsonObject] = []
    for i, message in enumerate(raw):
        where = f"messages.{i}"
        checked = _require_object(message, where)
        role = checked.get("role")
        if role not in ("user", "assistant", "system"):
            raise invalid_request(f"{where}.role: Input should be 'user', 'assistant' or 'system'")
        blocks = _normalise_content(checked.get("content"), where)
        if role == "system" and any(block["type"] != "text" for block in blocks):
            raise invalid_request(f"{where}.content: system messages hold only text blocks")
        is_final_assistant = i == len(raw) - 1 and role == "assistant"
        if not blocks and not is_final_assistant:
            raise invalid_request(
                f"{where}: all messages must have non-empty content except for the optional"
                " final assistant message"
            )
        for j, block in enumerate(blocks):
            _check_block(block, f"{where}.content.{j}")
        messages.append({**checked, "content": blocks})
    _check_final_assistant(messages)
    _check_tool_pairs(messages)
    attachments.check_request_images(messages)
    return messages


def _check_final_assistant(messages: Sequence[JsonObject]) -> None:
    last = messages[-1]
    if last["role"] != "assistant" or not last["content"]:
        return
    final = last["content"][-1]
    if final["type"] == "text" and final["text"] != final["text"].rstrip():
        raise invalid_request("final assistant content cannot end with trailing whitespace")


def _ids(message: Mapping[str, Any] | None, kind: str, key: str) -> list[str]:
    if message is None:
        return []
    return [str(block.get(key)) for block in message["content"] if block["type"] == kind]


def _check_tool_pairs(messages: Sequence[JsonObject]) -> None:
    for i, message in enumerate(messages):
        following = messages[i + 1] if i + 1 < len(messages) else None
        preceding = messages[i - 1] if i > 0 else None
        if message["role"] == "assistant":
            answered = set(_ids(following, "tool_result", "tool_use_id"))
            if following is not None and following["role"] != "user":
                answered = set()
            missing = [tid for tid in _ids(message, "tool_use", "id") if tid not in answered]
            if missing and following is not None:
                raise invalid_request(
                    f"messages.{i}: `tool_use` ids were found without `tool_result` blocks"
                    f" immediately after: {', '.join(missing)}. Each `tool_use` block must have"
                    " a corresponding `tool_result` block in the next message."
                )
        else:
            asked = set(_ids(preceding, "tool_use", "id"))
            if preceding is not None and preceding["role"] != "assistant":
                asked = set()
            for j, block in enumerate(message["content"]):
                if block["type"] == "tool_result" and block["tool_use_id"] not in asked:
                    raise invalid_request(
                        f"messages.{i}.content.{j}: unexpected `tool_use_id` found in"
                        f" `tool_result` blocks: {block['tool_use_id']}. Each `tool_result` block"
                        " must have a corresponding `tool_use` block in the previous message."
                    )


def _check_system(body: JsonObject) -> str | tuple[JsonObject, ...]:
    system = body.get("system", "")
    if isinstance(system, str):
        return system
    if not isinstance(system, list):
        raise invalid_request("system: Input should be a valid string or list")
    blocks: list[JsonObject] = []
    for j, block in enumerate(system):
        checked = _require_object(block, f"system.{j}")
        if checked.get("type") != "text" or not isinstance(checked.get("text"), str):
            raise invalid_request(f"system.{j}.type: Input should be 'text'")
        if not checked["text"]:
            raise invalid_request("system: text content blocks must be non-empty")
        blocks.append(checked)
    return tuple(blocks)


def _check_thinking(body: JsonObject, max_tokens: int | None) -> tuple[ThinkingMode | None, bool]:
    if body.get("thinking") is None:
        return None, False
    thinking = _require_object(body["thinking"], "thinking")
    kind = thinking.get("type")
    if kind not in _THINKING_TYPES:
        expected = ", ".join(f"'{name}'" for name in _THINKING_TYPES)
        raise invalid_request(
            f"thinking: Input tag '{kind}' found using 'type' does not match any of the expected"
            f" tags: {expected}"
        )
    omitted = thinking.get("display") == "omitted"
    if kind == "enabled":
        budget = thinking.get("budget_tokens")
        if isinstance(budget, bool) or not isinstance(budget, int):
            raise invalid_request("thinking.enabled.budget_tokens: Field required")
        if budget < MIN_THINKING_BUDGET:
            raise invalid_request(
                "thinking.enabled.budget_tokens: Input should be greater than or equal to"
                f" {MIN_THINKING_BUDGET}"
            )
        if max_tokens is not None and budget >= max_tokens:
            raise invalid_request(
                "`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our"
                f" documentation at {_EXTENDED_THINKING_DOCS}#max-tokens-and-context-window-size"
            )
        return "enabled", omitted
    if kind == "adaptive":
        return "adaptive", omitted
    return None, False


def _check_thinking_history(messages: Sequence[JsonObject]) -> None:
    """With thinking on, the assistant turn that a tool result answers must keep its thinking."""
    if len(messages) < 2 or not any(b["type"] == "tool_result" for b in messages[-1]["content"]):
        return
    assistant = messages[-2]
    if assistant["role"] != "assistant" or not assistant["content"]:
        return
    first = assistant["content"][0]["type"]
    if first not in ("thinking", "redacted_thinking"):
        raise invalid_request(
            f"messages.{len(messages) - 2}.content.0.type: Expected `thinking` or"
            f" `redacted_thinking`, but found `{first}`. When `thinking` is enabled, a final"
            " `assistant` message must start with a thinking block (preceeding the lastmost set"
            " of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks"
            " from previous turns. To avoid this requirement, disable `thinking`. Please consult"
            f" our documentation at {_EXTENDED_THINKING_DOCS}"
        )


def _check_stop_sequences(body: JsonObject) -> tuple[str, ...]:
    raw = body.get("stop_sequences", [])
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise invalid_request("stop_sequences: Input should be a valid list of strings")
    for item in raw:
        if not item.strip():
            raise invalid_request("stop_sequences: each stop sequence must contain non-whitespace")
    return tuple(raw)


def _check_tools(body: JsonObject) -> tuple[JsonObject, ...]:
    raw = body.get("tools", [])
    if not isinstance(raw, list):
        raise invalid_request("tools: Input should be a valid list")
    tools = tuple(_require_object(tool, f"tools.{i}") for i, tool in enumerate(raw))
    for i, tool in enumerate(tools):
        if not isinstance(tool.get("name"), str) or not tool["name"]:
            raise invalid_request(f"tools.{i}.name: Field required")
    return tools


def _check_sampling(body: JsonObject) -> None:
    temperature = body.get("temperature")
    if temperature is not None and (
        isinstance(temperature, bool)
        or not isinstance(temperature, int | float)
        or not 0 <= temperature <= 1
    ):
        raise invalid_request("temperature: Input should be less than or equal to 1")


def check_messages_request(body: object, *, count_only: bool = False) -> MessagesRequest:
    """Check a Messages API body the way the API does; raise :class:`ApiError` if wrong.

    Args:
        body: the parsed JSON body (None when it was not JSON).
        count_only: check a ``/v1/messages/count_tokens`` body (no ``max_tokens``).
    """
    if body is None:
        raise ApiError(400, "There was an error parsing the body of your request: invalid JSON")
    checked = _require_object(body, "body")
    _check_fields(checked, _COUNT_FIELDS if count_only else _CREATE_FIELDS)
    model = _check_model(checked)
    max_tokens = None if count_only else _check_max_tokens(checked)
    messages = _check_messages(checked)
    system = _check_system(checked)
    thinking, omitted = _check_thinking(checked, max_tokens)
    if thinking is not None:
        _check_thinking_history(messages)
    _check_sampling(checked)
    stream = checked.get("stream", False)
    if not isinstance(stream, bool):
        raise invalid_request("stream: Input should be a valid boolean")
    return MessagesRequest(
        model=model,
        max_tokens=max_tokens or 0,
        messages=tuple(messages),
        system=system,
        stream=stream,
        thinking=thinking,
        thinking_omitted=omitted,
        stop_sequences=_check_stop_sequences(checked),
        tools=_check_tools(checked),
    )

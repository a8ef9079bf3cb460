"""What each model refuses, checked as the API checks it, with the API's wording.

A request passes :func:`~desktop_chat.demo.validation.check_messages_request` first; then
:func:`check_for_model` holds it against the chosen model's catalogue entry: an unknown or
retired model, more output tokens than the model writes, a thinking type or an effort level
it lacks, and a final assistant message (prefill) on a model without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_chat.core.model_catalogue import EFFORT_LEVELS
from desktop_chat.demo import attachments
from desktop_chat.demo.errors import invalid_request
from desktop_chat.demo.model_catalog import usable_model

_EXTENDED_THINKING_DOCS = "https://docs.claude.com/en/docs/build-with-claude/extended-thinking"


def _supported(caps: Mapping[str, Any], *path: str) -> bool:
    data: Any = caps
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return isinstance(data, dict) and data.get("supported") is True


def check_for_model(body: Mapping[str, Any], *, count_only: bool = False) -> Mapping[str, Any]:
    """Check ``body`` (already checked in general) against its model; return the entry."""
    entry = usable_model(str(body["model"]))
    caps = entry["capabilities"]
    max_tokens = body.get("max_tokens")
    if not count_only and isinstance(max_tokens, int) and max_tokens > entry["max_tokens"]:
        raise invalid_request(
            f"max_tokens: {max_tokens} > {entry['max_tokens']}, which is the maximum allowed"
            f" number of output tokens for {entry['id']}"
        )
    _check_thinking(body.get("thinking"), caps)
    _check_effort(body.get("output_config"), caps)
    attachments.check_for_model(body.get("messages"), caps)
    if not count_only:
        _check_prefill(body.get("messages"), entry)
    return entry


def _check_thinking(thinking: Any, caps: Mapping[str, Any]) -> None:
    if not isinstance(thinking, dict):
        return
    kind = str(thinking.get("type"))
    if _supported(caps, "thinking", "types", kind):
        return
    if kind == "enabled" and _supported(caps, "thinking", "types", "adaptive"):
        raise invalid_request(
            "thinking.type.enabled is not supported for this model. Use thinking.type.adaptive"
            " and output_config.effort to control thinking behavior."
        )
    raise invalid_request(
        f"thinking.type.{kind} is not supported for this model. Please consult our"
        f" documentation at {_EXTENDED_THINKING_DOCS}"
    )


def _check_effort(config: Any, caps: Mapping[str, Any]) -> None:
    if not isinstance(config, dict) or "effort" not in config:
        return
    effort = config["effort"]
    if effort not in EFFORT_LEVELS:
        expected = ", ".join(f"'{level}'" for level in EFFORT_LEVELS)
        raise invalid_request(f"output_config.effort: Input should be {expected}")
    if not _supported(caps, "effort"):
        raise invalid_request("output_config.effort: effort is not supported on this model")
    if not _supported(caps, "effort", effort):
        levels = ", ".join(e for e in EFFORT_LEVELS if _supported(caps, "effort", e))
        raise invalid_request(
            f"output_config.effort: '{effort}' is not supported on this model;"
            f" supported levels: {levels}"
        )


def _check_prefill(messages: Any, entry: Mapping[str, Any]) -> None:
    if entry.get("x_prefill") or not isinstance(messages, list) or not messages:
        return
    last = messages[-1]
    if isinstance(last, dict) and last.get("role") == "assistant" and last.get("content"):
        raise invalid_request(
            "This model does not support assistant message prefill. The conversation must end"
            " with a user message."
        )

"""Settings fitted to what each model accepts, and what the API's model objects say."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from desktop_chat.core import capabilities
from desktop_chat.core.client import make_client
from desktop_chat.core.models import FALLBACK_MODELS, ModelInfo, list_models
from desktop_chat.core.settings import Settings

BY_ID = {m.id: m for m in FALLBACK_MODELS}


@contextlib.contextmanager
def sdk_warning_for(model: ModelInfo) -> Iterator[None]:
    """The SDK warns about a deprecated model on each request (the app offers it marked)."""
    if model.deprecated:
        with pytest.warns(DeprecationWarning, match=model.id):
            yield
    else:
        yield


def test_newest_models_never_get_a_thinking_budget() -> None:
    wanted = Settings(model="claude-opus-5-5", thinking="enabled", thinking_budget=2048)

    params = wanted.request_params()

    assert params["thinking"] == {"type": "adaptive"}
    _, notes = capabilities.fit(wanted, BY_ID["claude-opus-5-5"])
    assert notes == [
        "Claude Opus 5.5 does not take thinking with a budget: adaptive thinking instead."
    ]


def test_older_models_never_get_adaptive_thinking() -> None:
    params = Settings(model="claude-haiku-4-5").request_params()  # the default is adaptive

    assert params["thinking"] == {"type": "enabled", "budget_tokens": 4096}


def test_effort_goes_down_to_a_level_the_model_has_or_is_left_out() -> None:
    assert Settings(model="claude-haiku-5-5", effort="max").request_params()["output_config"] == {
        "effort": "high"
    }
    assert "output_config" not in Settings(model="claude-haiku-4-5", effort="low").request_params()


def test_max_tokens_are_capped_at_what_the_model_writes_and_the_budget_follows() -> None:
    wanted = Settings(model="claude-haiku-4-5", max_tokens=100_000, thinking="enabled")
    fitted, notes = capabilities.fit(replace(wanted, thinking_budget=90_000), BY_ID[wanted.model])

    assert (fitted.max_tokens, fitted.thinking_budget) == (64_000, 63_999)
    assert len(notes) == 2 and "64000" in notes[0]


def test_a_budget_that_cannot_fit_turns_thinking_off() -> None:
    wanted = Settings(model="claude-haiku-4-5", max_tokens=1000, thinking="enabled")
    fitted, notes = capabilities.fit(wanted, BY_ID["claude-haiku-4-5"])

    assert fitted.thinking == "off" and notes


def test_an_unknown_model_is_sent_the_settings_as_they_are() -> None:
    wanted = Settings(model="claude-next-1", thinking="enabled", effort="xhigh")
    assert wanted.request_params()["thinking"]["type"] == "enabled"
    assert wanted.request_params()["output_config"] == {"effort": "xhigh"}


def test_prefill_is_allowed_only_where_the_model_takes_it() -> None:
    assert not capabilities.allows_prefill(BY_ID["claude-opus-5-5"])
    assert capabilities.allows_prefill(BY_ID["claude-sonnet-4-6"])
    # The live list says nothing of prefill: the catalogue does, by id.
    assert not capabilities.allows_prefill(replace(BY_ID["claude-haiku-5-5"], prefill=None))
    assert capabilities.allows_prefill(ModelInfo("claude-next-1", "Next"))  # the API will say
    assert capabilities.allows_prefill(None)
    assert capabilities.why_no_continue(BY_ID["claude-sonnet-4-6"]) is None
    assert capabilities.why_no_continue(BY_ID["claude-opus-5-5"]) == (
        "Claude Opus 5.5 cannot carry on a cut reply where it stopped (it takes no prefill):"
        " ask it to go on, or pick another model."
    )


def test_deprecated_models_say_when_they_retire() -> None:
    assert capabilities.lifecycle_note(BY_ID["claude-opus-4-5"]) == (
        "deprecated, retires 22 Jan 2027"
    )
    assert capabilities.lifecycle_note(BY_ID["claude-sonnet-5-5"]) == ""


def test_the_live_list_carries_capabilities_and_leaves_retired_models_out(
    api_server: Any,
) -> None:
    async def go() -> list[ModelInfo]:
        async with make_client(api_key="k", base_url=api_server.base_url) as client:
            return await list_models(client)

    listed = asyncio.run(go())

    assert [m.id for m in listed] == [m.id for m in FALLBACK_MODELS]
    haiku = next(m for m in listed if m.id == "claude-haiku-4-5")
    assert capabilities.thinking_modes(haiku) == ("off", "enabled")
    assert capabilities.effort_levels(haiku) == ()
    assert haiku.max_tokens == 64_000 and haiku.max_input_tokens == 200_000
    old = next(m for m in listed if m.id == "claude-opus-4-5")
    assert old.deprecated and old.retires_at is not None
    # The live list says nothing of prefill; the catalogue does.
    assert old.prefill is None and capabilities.allows_prefill(old)
    assert not capabilities.allows_prefill(next(m for m in listed if m.id == "claude-opus-5-5"))


@pytest.mark.parametrize("model", FALLBACK_MODELS, ids=lambda m: m.id)
def test_default_settings_fit_every_catalogued_model(model: ModelInfo) -> None:
    params = Settings(model=model.id).request_params()
    thinking = params.get("thinking", {}).get("type", "off")
    assert {"enabled": "enabled", "adaptive": "adaptive"}.get(thinking, "off") in (
        capabilities.thinking_modes(model)
    )
    assert params["max_tokens"] <= (model.max_tokens or 0)


@pytest.mark.parametrize("model", FALLBACK_MODELS, ids=lambda m: m.id)
def test_the_demo_accepts_default_settings_for_every_catalogued_model(
    api_server: Any, model: ModelInfo
) -> None:
    import anthropic

    params = Settings(model=model.id).request_params()
    with (
        sdk_warning_for(model),
        anthropic.Anthropic(api_key="k", base_url=api_server.base_url, max_retries=0) as client,
        client.messages.stream(**params, messages=[{"role": "user", "content": "Hi"}]) as stream,
    ):
        reply = stream.get_final_message()

    assert reply.stop_reason == "end_turn" and reply.model == model.id


@pytest.mark.parametrize("model", FALLBACK_MODELS, ids=lambda m: m.id)
def test_any_settings_the_dialog_allows_are_fitted_to_what_the_demo_accepts(
    api_server: Any, model: ModelInfo
) -> None:
    import anthropic

    wanted = Settings(
        model=model.id,
        max_tokens=128_000,
        thinking="enabled",
        thinking_budget=100_000,
        effort="max",
    )
    with (
        sdk_warning_for(model),
        anthropic.Anthropic(api_key="k", base_url=api_server.base_url, max_retries=0) as client,
        client.messages.stream(
            **wanted.request_params(model), messages=[{"role": "user", "content": "Hi"}]
        ) as stream,
    ):
        assert stream.get_final_message().stop_reason == "end_turn"


def test_other_capabilities_are_read_from_the_models_object() -> None:
    haiku = BY_ID["claude-haiku-4-5"]
    assert capabilities.supports(haiku, "pdf_input")
    assert capabilities.supports(haiku, "server_tools", "web_search")
    no_search = replace(
        haiku,
        capabilities={**(haiku.capabilities or {}), "server_tools": {"supported": False}},
    )
    assert not capabilities.supports(no_search, "server_tools", "web_search")
    assert capabilities.supports(ModelInfo("x", "X"), "image_input")  # unknown: the API says

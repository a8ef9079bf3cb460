"""Settings: their checks, their versioned file, and per-conversation overrides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.settings import (
    ConversationSettings,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


def bad_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.bad-*"))


# section: checks


def test_the_defaults_are_valid() -> None:
    assert Settings().validate() == []


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"max_tokens": 0}, "Max tokens must be a whole number from 1 to 128000."),
        ({"max_tokens": 500_000}, "Max tokens must be a whole number from 1 to 128000."),
        (
            {"thinking": "enabled", "thinking_budget": 1000},
            "The thinking budget must be at least 1024 tokens.",
        ),
        (
            {"thinking": "enabled", "thinking_budget": 4096, "max_tokens": 4096},
            "The thinking budget (4096) must be below max tokens (4096).",
        ),
        ({"effort": "extreme"}, "Effort must be one of: low, medium, high, xhigh, max."),
        ({"timeout_s": 0}, "The timeout must be more than 0 and at most 86400 seconds."),
        ({"timeout_s": float("nan")}, "The timeout must be more than 0 and at most 86400 seconds."),
        ({"max_retries": 11}, "Retries must be a whole number from 0 to 10."),
        ({"max_retries": -1}, "Retries must be a whole number from 0 to 10."),
        ({"base_url": "ftp://example.com"}, "The base URL must be an http:// or https://"),
        ({"base_url": "localhost:8080"}, "The base URL must be an http:// or https://"),
        ({"base_url": "https://"}, "The base URL must be an http:// or https://"),
        ({"theme": "sepia"}, "The theme must be one of: system, light, dark."),
        ({"model": ""}, "The model must be a model id"),
        ({"thinking": "sometimes"}, "Thinking must be one of: off, adaptive, enabled."),
        ({"tools_allow_read_only": 1}, "Allowing read-only tools without asking must be true"),
        ({"tool_timeout_s": 0}, "The tool time limit must be more than 0 and at most 3600"),
        ({"tool_timeout_s": float("inf")}, "The tool time limit must be more than 0"),
        ({"tool_timeout_s": True}, "The tool time limit must be more than 0"),
        ({"tool_rounds": 0}, "Tool rounds per turn must be a whole number from 1 to 100."),
        ({"tool_rounds": 101}, "Tool rounds per turn must be a whole number from 1 to 100."),
        ({"tool_rounds": 2.5}, "Tool rounds per turn must be a whole number from 1 to 100."),
    ],
)
def test_invalid_settings_say_why(changes: dict[str, Any], reason: str) -> None:
    problems = Settings(**changes).validate()
    assert len(problems) == 1 and problems[0].startswith(reason), problems


@pytest.mark.parametrize(
    "changes",
    [
        {"thinking": "enabled", "thinking_budget": 1024, "max_tokens": 1025},
        {"thinking": "off", "thinking_budget": 10},  # the budget matters only when enabled
        {"effort": "max", "base_url": "http://127.0.0.1:8080", "timeout_s": 1},
        {"max_retries": 0, "theme": "dark", "max_tokens": 128_000},
    ],
)
def test_valid_settings(changes: dict[str, Any]) -> None:
    assert Settings(**changes).validate() == []


def test_request_params_keep_their_meaning() -> None:
    settings = Settings(
        model="claude-opus-4-8",
        max_tokens=8000,
        thinking="enabled",
        thinking_budget=2048,
        effort="high",
        system_prompt="Be brief.",
    )
    assert settings.request_params() == {
        "model": "claude-opus-4-8",
        "max_tokens": 8000,
        "thinking": {"type": "enabled", "budget_tokens": 2048},
        "output_config": {"effort": "high"},
        "system": "Be brief.",
        "cache_control": {"type": "ephemeral"},  # prompt caching is on by default
    }
    assert Settings(thinking="off", cache_ttl="off").request_params() == {
        "model": "claude-sonnet-5-5",
        "max_tokens": 16000,
    }
    assert Settings(cache_ttl="1h").request_params()["cache_control"] == {
        "type": "ephemeral",
        "ttl": "1h",
    }


# section: the file


def test_missing_file_gives_the_defaults() -> None:
    assert load_settings() == (Settings(), [])


def test_round_trip(app_home: Path) -> None:
    settings = Settings(
        model="claude-haiku-5-5",
        thinking="enabled",
        thinking_budget=2000,
        effort="low",
        system_prompt="Ünïcode ✓\nlines",
        base_url="https://proxy.example:8443",
        timeout_s=30.5,
        max_retries=5,
        theme="dark",
        tools_allow_read_only=True,
        tool_timeout_s=12.5,
        tool_rounds=3,
    )
    path = save_settings(settings)
    assert path == settings_path() and path.is_relative_to(app_home)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["model"] == "claude-haiku-5-5"
    assert not any("key" in name for name in data)
    assert load_settings() == (settings, [])
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left


def test_the_tool_settings_are_written_by_name_and_read_back() -> None:
    save_settings(Settings(tools_allow_read_only=True, tool_timeout_s=90, tool_rounds=25))
    data = json.loads(settings_path().read_text(encoding="utf-8"))
    assert (data["tools_allow_read_only"], data["tool_timeout_s"], data["tool_rounds"]) == (
        True,
        90,
        25,
    )
    settings, problems = load_settings()
    assert problems == [] and settings.tool_timeout_s == 90.0
    assert (settings.tools_allow_read_only, settings.tool_rounds) == (True, 25)


def test_an_older_file_without_the_tool_settings_gets_their_defaults() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "model": "claude-opus-4-8"}), encoding="utf-8")
    settings, problems = load_settings()
    assert problems == [] and settings == Settings(model="claude-opus-4-8")
    assert (settings.tools_allow_read_only, settings.tool_timeout_s, settings.tool_rounds) == (
        False,
        60.0,
        10,
    )


def test_a_refused_tool_setting_keeps_its_default_and_the_rest() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": 1, "tools_allow_read_only": "yes", "tool_rounds": 4, "tool_timeout_s": -1}
    path.write_text(json.dumps(data), encoding="utf-8")
    settings, problems = load_settings()
    assert settings == Settings(tool_rounds=4)
    assert any("read-only tools" in p for p in problems)
    assert any("tool time limit" in p for p in problems)


def test_invalid_settings_are_not_saved() -> None:
    with pytest.raises(ValueError, match="at least 1024"):
        save_settings(Settings(thinking="enabled", thinking_budget=10))
    assert not settings_path().exists()


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[1, 2]", b'{"model": "x"}', b'{"version": "1"}', b"\xff\xfe"],
)
def test_a_corrupt_file_is_kept_aside(content: bytes) -> None:
    path = settings_path()
    path.write_bytes(content)
    settings, problems = load_settings()
    assert settings == Settings()
    assert problems[0] == "The settings file is not valid; using the defaults."
    (copy,) = bad_copies(path)
    assert copy.read_bytes() == content and str(copy) in problems[-1]
    assert not path.exists()


def test_unknown_keys_are_tolerated() -> None:
    path = settings_path()
    path.write_text(json.dumps({"version": 1, "model": "m-1", "future_option": [1]}))
    assert load_settings() == (Settings(model="m-1"), [])
    assert bad_copies(path) == []


def test_an_invalid_value_is_refused_and_the_rest_kept() -> None:
    path = settings_path()
    original = json.dumps({"version": 1, "model": "m-1", "max_retries": 99, "theme": "dark"})
    path.write_text(original)
    settings, problems = load_settings()
    assert settings == Settings(model="m-1", theme="dark")
    assert problems[0] == "Retries must be a whole number from 0 to 10."
    (copy,) = bad_copies(path)
    assert copy.read_text() == original
    assert load_settings() == (settings, [])  # rewritten without the refused value


def test_thinking_that_does_not_fit_falls_back() -> None:
    data = {"version": 1, "thinking": "enabled", "thinking_budget": 3000, "max_tokens": 2000}
    settings_path().write_text(json.dumps(data))
    settings, problems = load_settings()
    assert settings == Settings()
    assert "The thinking budget (3000) must be below max tokens (2000)." in problems


def test_a_newer_file_is_read_as_far_as_known() -> None:
    settings_path().write_text(json.dumps({"version": 7, "model": "m-9"}))
    settings, problems = load_settings()
    assert settings.model == "m-9"
    assert "newer version" in problems[0] and len(bad_copies(settings_path())) == 1


def test_bad_copies_never_overwrite_each_other() -> None:
    path = settings_path()
    for n in range(3):
        path.write_text(f"corrupt {n}")
        load_settings()
    assert sorted(p.read_text() for p in bad_copies(path)) == [f"corrupt {n}" for n in range(3)]


# section: per-conversation overrides


def test_overrides_on_top_of_the_settings() -> None:
    base = Settings(effort="high", system_prompt="default")
    overrides = ConversationSettings({"model": "claude-opus-4-8", "effort": None})
    mixed = base.with_overrides(overrides)
    assert mixed == Settings(model="claude-opus-4-8", effort=None, system_prompt="default")
    assert base.with_overrides({}) == base
    assert base.with_overrides({"thinking": "off", "system_prompt": "pirate"}).request_params() == {
        "model": "claude-sonnet-5-5",
        "max_tokens": 16000,
        "output_config": {"effort": "high"},
        "system": "pirate",
        "cache_control": {"type": "ephemeral"},
    }


def test_overrides_round_trip_and_refusals() -> None:
    data = {"model": "m-2", "thinking": "enabled", "thinking_budget": 2048, "effort": None}
    overrides, problems = ConversationSettings.from_dict(data)
    assert problems == [] and overrides.to_dict() == data
    overrides, problems = ConversationSettings.from_dict(
        {"thinking": "maybe", "theme": "dark", "api_key": "sk-ant-nope", "model": "m-3"}
    )
    assert overrides.to_dict() == {"model": "m-3"}  # app-wide and unknown keys are not taken
    assert problems == ["Thinking must be one of: off, adaptive, enabled."]
    assert Settings().with_overrides({"max_tokens": "lots"}) == Settings()

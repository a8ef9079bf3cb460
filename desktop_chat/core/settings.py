"""Typed settings that shape each request, their checks, and their file.

The file is ``config_dir()/settings.json``, a small versioned JSON object
(``{"version": 1, "model": ..., ...}``) written atomically. Per-conversation overrides
(:class:`ConversationSettings`) are kept by the store with the conversation. There is no
field for the API key, by design: the key lives in the keychain (``core.credentials``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from desktop_chat.core.i18n import translate
from desktop_chat.core.language_setting import LANGUAGES, SETTINGS_FILE, Language
from desktop_chat.core.paths import config_dir
from desktop_chat.core.safe_files import keep_aside_saying, write_atomically

if TYPE_CHECKING:
    from desktop_chat.core.models import ModelInfo

ThinkingMode = Literal["off", "adaptive", "enabled"]
Theme = Literal["system", "light", "dark"]

DEFAULT_MODEL = "claude-sonnet-5-5"
SCHEMA_VERSION = 1
MAX_TOKENS_CAP = 128_000
MIN_THINKING_BUDGET = 1024
MAX_RETRIES_CAP = 10
MAX_TIMEOUT_S = 24 * 3600.0
MAX_TOOL_TIMEOUT_S = 3600.0
MAX_TOOL_ROUNDS = 100
THINKING_MODES: tuple[ThinkingMode, ...] = ("off", "adaptive", "enabled")
EFFORTS = ("low", "medium", "high", "xhigh", "max")
THEMES: tuple[Theme, ...] = ("system", "light", "dark")
CACHE_TTLS = ("5m", "1h", "off")  # prompt caching: 5 minutes, 1 hour, or none
MAX_SEARCHES_CAP = 50
CHAT_FONT_SIZES = (6, 48)  # points; 0 means the system's size


@dataclass
class Settings:
    """What the user chose; ``request_params()`` turns it into Messages API parameters."""

    model: str = DEFAULT_MODEL
    max_tokens: int = 16000
    thinking: ThinkingMode = "adaptive"
    thinking_budget: int = 4096  # used when thinking == "enabled"
    effort: str | None = None  # low / medium / high / xhigh / max, or the model's default
    system_prompt: str = ""
    base_url: str | None = None  # None: ANTHROPIC_BASE_URL or the SDK's default
    timeout_s: float = 600.0
    max_retries: int = 2
    theme: Theme = "system"
    language: Language = "system"  # "system": the system locale's, if translated (on restart)
    chat_font_pt: int = 0  # the chat's text size in points (Ctrl+= / Ctrl+-); 0: the system's
    # Tools (MCP): run read-only tools without asking; each call's time limit; the most
    # request rounds one turn may make for tools before it stops and says so.
    tools_allow_read_only: bool = False
    tool_timeout_s: float = 60.0
    tool_rounds: int = 10
    # Prompt caching (a top-level cache_control on every request) and Claude's web tools.
    cache_ttl: str = "5m"
    web_tools: bool = False  # Claude's web search and fetch; turned on per conversation
    web_allowed_domains: str = ""  # space- or comma-separated; empty: any
    web_blocked_domains: str = ""
    web_max_searches: int = 5

    def request_params(self, model: ModelInfo | None = None) -> dict[str, Any]:
        """The Messages API parameters these settings stand for (no ``messages``).

        Fitted to what the model accepts (``capabilities.fit``): ``model`` describes it,
        else the built-in catalogue does; a model neither knows is sent the settings as
        they are.
        """
        from desktop_chat.core.capabilities import fit, model_info

        s, _ = fit(self, model if model is not None else model_info(self.model))
        params: dict[str, Any] = {"model": s.model, "max_tokens": s.max_tokens}
        if s.thinking == "adaptive":
            params["thinking"] = {"type": "adaptive"}
        elif s.thinking == "enabled":
            params["thinking"] = {"type": "enabled", "budget_tokens": s.thinking_budget}
        if s.effort:
            params["output_config"] = {"effort": s.effort}
        if s.system_prompt.strip():
            params["system"] = s.system_prompt
        if s.cache_ttl != "off":
            # Automatic caching: the API moves the breakpoint to the last block each turn.
            cache: dict[str, str] = {"type": "ephemeral"}
            if s.cache_ttl == "1h":
                cache["ttl"] = "1h"
            params["cache_control"] = cache
        if s.web_tools:
            from desktop_chat.core import web_tools

            info = model if model is not None else model_info(self.model)
            if web_tools.offered(info):
                params["tools"] = web_tools.tool_params(s)
        return params

    def validate(self) -> list[str]:
        """Why these settings cannot be used, in plain words; empty when they can."""
        from desktop_chat.core.web_tools import domain_problems

        problems = [p for name in _PARSERS if (p := _problem(name, getattr(self, name)))]
        problems += domain_problems(self.web_allowed_domains, self.web_blocked_domains)
        if self.thinking == "enabled":
            if self.thinking_budget < MIN_THINKING_BUDGET:
                problems.append(
                    translate(
                        "Settings",
                        "The thinking budget must be at least {MIN_THINKING_BUDGET} tokens.",
                    ).format(MIN_THINKING_BUDGET=MIN_THINKING_BUDGET)
                )
            if self.thinking_budget >= self.max_tokens:
                problems.append(
                    translate(
                        "Settings",
                        "The thinking budget ({thinking_budget}) must be below max tokens "
                        "({max_tokens}).",
                    ).format(thinking_budget=self.thinking_budget, max_tokens=self.max_tokens)
                )
        return problems

    def to_dict(self) -> dict[str, Any]:
        """The fields as JSON-ready values (no version: see :func:`save_settings`)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
        """Settings from ``data``: unknown keys ignored, invalid values refused with a reason.

        A refused value keeps its default; so do the thinking fields and max tokens when
        they do not fit together.
        """
        values, problems = _parse(data, _PARSERS)
        settings = cls(**values)
        if settings.validate():
            problems += settings.validate()
            defaults = cls()
            settings = replace(
                settings,
                max_tokens=defaults.max_tokens,
                thinking=defaults.thinking,
                thinking_budget=defaults.thinking_budget,
            )
        return settings, problems

    def with_overrides(self, overrides: ConversationSettings | Mapping[str, Any]) -> Settings:
        """These settings with a conversation's choices on top (invalid ones are skipped)."""
        if not isinstance(overrides, ConversationSettings):
            overrides, _ = ConversationSettings.from_dict(overrides)
        allowed = ConversationSettings.OVERRIDABLE
        return replace(self, **{k: v for k, v in overrides.values.items() if k in allowed})


@dataclass
class ConversationSettings:
    """A conversation's own choices; a key left out means "as in the settings".

    ``{"effort": None}`` is a choice too (the model's default), hence a dict, not fields.
    """

    values: dict[str, Any] = field(default_factory=dict)

    OVERRIDABLE = (
        "model",
        "system_prompt",
        "thinking",
        "thinking_budget",
        "max_tokens",
        "effort",
        "web_tools",
    )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.values)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> tuple[ConversationSettings, list[str]]:
        """Overrides from ``data``: unknown keys ignored, invalid values dropped with a reason."""
        parsers = {name: _PARSERS[name] for name in cls.OVERRIDABLE}
        values, problems = _parse(data, parsers)
        return cls(values), problems


# section: one check per field


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value


def _model(value: Any) -> str:
    text = _text(value).strip()
    if not text or any(c.isspace() for c in text):
        raise ValueError(
            translate("Settings", "The model must be a model id such as claude-sonnet-5-5.")
        )
    return text


def _int_in(label: str, low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(
                translate(
                    "Settings", "{label} must be a whole number from {low} to {high}."
                ).format(label=label, low=low, high=high)
            )
        return value

    return parse


def _choice(label: str, choices: tuple[str, ...], optional: bool = False) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if value is None and optional:
            return None
        if value not in choices:
            raise ValueError(
                translate("Settings", "{label} must be one of: {join}.").format(
                    label=label, join=", ".join(choices)
                )
            )
        return value

    return parse


def _base_url(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    reason = translate(
        "Settings",
        "The base URL must be an http:// or https:// address, such as https://host:8080.",
    )
    text = _text(value).strip()
    try:
        parts = urlsplit(text)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:
        ok = False
    if not ok or any(c.isspace() for c in text):
        raise ValueError(reason)
    return text


def _seconds(label: str, high: float) -> Callable[[Any], float]:
    def parse(value: Any) -> float:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is None or not math.isfinite(number) or not 0 < number <= high:
            raise ValueError(
                translate(
                    "Settings", "{label} must be more than 0 and at most {high:g} seconds."
                ).format(label=label, high=high)
            )
        return float(number)

    return parse


def _flag(label: str) -> Callable[[Any], bool]:
    def parse(value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(
                translate("Settings", "{label} must be true or false.").format(label=label)
            )
        return value

    return parse


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "model": _model,
    "max_tokens": _int_in(translate("Settings", "Max tokens"), 1, MAX_TOKENS_CAP),
    "thinking": _choice(translate("Settings", "Thinking"), THINKING_MODES),
    "thinking_budget": _int_in(translate("Settings", "The thinking budget"), 0, MAX_TOKENS_CAP),
    "effort": _choice(translate("Settings", "Effort"), EFFORTS, optional=True),
    "system_prompt": _text,
    "base_url": _base_url,
    "timeout_s": _seconds(translate("Settings", "The timeout"), MAX_TIMEOUT_S),
    "max_retries": _int_in(translate("Settings", "Retries"), 0, MAX_RETRIES_CAP),
    "theme": _choice(translate("Settings", "The theme"), THEMES),
    "language": _choice(translate("Settings", "The language"), LANGUAGES),
    "chat_font_pt": _int_in(translate("Settings", "The chat font size"), 0, CHAT_FONT_SIZES[1]),
    "tools_allow_read_only": _flag(
        translate("Settings", "Allowing read-only tools without asking")
    ),
    "tool_timeout_s": _seconds(translate("Settings", "The tool time limit"), MAX_TOOL_TIMEOUT_S),
    "tool_rounds": _int_in(translate("Settings", "Tool rounds per turn"), 1, MAX_TOOL_ROUNDS),
    "cache_ttl": _choice(translate("Settings", "Prompt caching"), CACHE_TTLS),
    "web_allowed_domains": _text,
    "web_blocked_domains": _text,
    "web_max_searches": _int_in(translate("Settings", "Searches per turn"), 1, MAX_SEARCHES_CAP),
    "web_tools": _flag(translate("Settings", "Web search")),
}


def _problem(name: str, value: Any) -> str | None:
    try:
        _PARSERS[name](value)
    except ValueError as exc:
        return _reason(name, exc)
    return None


def _reason(name: str, exc: ValueError) -> str:
    text = str(exc)
    return f"{name} {text}." if text[:1].islower() else text  # (CJK has no capitals)


def _parse(
    data: Mapping[str, Any], parsers: Mapping[str, Callable[[Any], Any]]
) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for name, parse in parsers.items():
        if name in data:
            try:
                values[name] = parse(data[name])
            except ValueError as exc:
                problems.append(_reason(name, exc))
    return values, problems


# section: the file


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` atomically; raises ValueError (with the reasons) if invalid."""
    problems = settings.validate()
    if problems:
        raise ValueError(" ".join(problems))
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": SCHEMA_VERSION, **settings.to_dict()}, indent=2) + "\n"
    write_atomically(path, text)
    return path


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The saved settings, and what was wrong with the file in plain words.

    A file that cannot be used in full is kept as ``settings.json.bad-<timestamp>``: a
    corrupt one gives the defaults, one with refused values gives the rest (and is
    rewritten without them). A missing file is the defaults, with no problem.
    """
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [
            translate("Settings", "Could not read {path}: {value}.").format(
                path=path, value=exc.strerror or exc
            )
        ]
    try:
        data = json.loads(raw.decode("utf-8"))
        version = data.get("version") if isinstance(data, dict) else None
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise ValueError("no valid version")
    except ValueError:
        return Settings(), keep_aside_saying(
            path, translate("Settings", "The settings file is not valid; using the defaults.")
        )
    settings, problems = Settings.from_dict(data)
    if version > SCHEMA_VERSION:
        problems.insert(
            0, translate("Settings", "The settings file comes from a newer version of the app.")
        )
    if problems:
        problems = keep_aside_saying(path, *problems)
        if not path.exists():
            try:
                save_settings(settings, path)
            except OSError as exc:
                problems.append(
                    translate("Settings", "Could not rewrite {path}: {value}.").format(
                        path=path, value=exc.strerror or exc
                    )
                )
    return settings, problems

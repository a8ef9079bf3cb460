"""Typed settings that shape each request. Persistence lives here too (see the key/settings issue)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ThinkingMode = Literal["off", "adaptive", "enabled"]

DEFAULT_MODEL = "claude-sonnet-5-5"


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
    theme: Literal["system", "light", "dark"] = "system"

    def request_params(self) -> dict[str, Any]:
        """The Messages API parameters these settings stand for (no ``messages``)."""
        params: dict[str, Any] = {"model": self.model, "max_tokens": self.max_tokens}
        if self.thinking == "adaptive":
            params["thinking"] = {"type": "adaptive"}
        elif self.thinking == "enabled":
            params["thinking"] = {"type": "enabled", "budget_tokens": self.thinking_budget}
        if self.effort:
            params["output_config"] = {"effort": self.effort}
        if self.system_prompt.strip():
            params["system"] = self.system_prompt
        return params

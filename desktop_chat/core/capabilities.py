"""What a model accepts, read from its ``capabilities``, and settings fitted to it.

The API refuses a request that asks a model for what it lacks: ``budget_tokens`` on the
newest models, adaptive thinking on some older ones, an effort level it does not have,
more output tokens than it writes, or a final assistant message (prefill) on models
without it. :func:`fit` changes settings to what the model takes and says what it
changed; :func:`allows_prefill` tells whether Continue can send a partial reply back.
A model nothing is known about is taken to accept everything (the API will say).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop_chat.core.i18n import translate
from desktop_chat.core.models import FALLBACK_MODELS, ModelInfo

if TYPE_CHECKING:
    from desktop_chat.core.settings import Settings, ThinkingMode

MIN_THINKING_BUDGET = 1024
ALL_THINKING: tuple[ThinkingMode, ...] = ("off", "adaptive", "enabled")
ALL_EFFORTS = ("low", "medium", "high", "xhigh", "max")
_API_THINKING = {"off": "disabled", "adaptive": "adaptive", "enabled": "enabled"}


def model_info(model_id: str, models: Iterable[ModelInfo] = ()) -> ModelInfo | None:
    """``model_id`` in ``models`` (the live or cached list), else in the built-in catalogue."""
    for m in (*models, *FALLBACK_MODELS):
        if m.id == model_id:
            return m
    return None


def _supported(data: Any, *path: str) -> bool | None:
    """``data[path...]["supported"]``, or None when the object does not say."""
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    if isinstance(data, dict) and isinstance(data.get("supported"), bool):
        return bool(data["supported"])
    return None


def supports(info: ModelInfo | None, *path: str) -> bool:
    """Whether the model has a capability: ``supports(info, "pdf_input")``,
    ``supports(info, "server_tools", "web_search")``. Unknown: taken as yes."""
    caps = info.capabilities if info is not None else None
    if caps is None:
        return True
    # "server_tools" unsupported means none of its tools is, whatever they say.
    return all(_supported(caps, *path[:n]) is not False for n in range(1, len(path) + 1))


def thinking_modes(info: ModelInfo | None) -> tuple[ThinkingMode, ...]:
    """The settings' thinking choices the model accepts, in the settings' order."""
    caps = info.capabilities if info is not None else None
    if caps is None:
        return ALL_THINKING
    if _supported(caps, "thinking") is False:
        return ("off",)
    return tuple(
        mode
        for mode in ALL_THINKING
        if _supported(caps, "thinking", "types", _API_THINKING[mode]) is not False
    )


def effort_levels(info: ModelInfo | None) -> tuple[str, ...]:
    """The effort levels the model accepts; empty when it takes no effort at all."""
    caps = info.capabilities if info is not None else None
    if caps is None:
        return ALL_EFFORTS
    if _supported(caps, "effort") is False:
        return ()
    return tuple(e for e in ALL_EFFORTS if _supported(caps, "effort", e) is True)


def max_output_tokens(info: ModelInfo | None, cap: int) -> int:
    """The most output tokens a request to the model may ask for (at most ``cap``)."""
    limit = info.max_tokens if info is not None else None
    return min(cap, limit) if limit else cap


def allows_prefill(info: ModelInfo | None) -> bool:
    """Whether the model continues a final assistant message (Continue) or refuses it.

    The API's model object does not say: the built-in catalogue does, for the models it
    knows (by ``info.prefill``, else by id). Any other model is taken to allow it; if it
    does not, the API answers with a 400 that says so.
    """
    if info is None:
        return True
    if info.prefill is not None:
        return info.prefill
    known = model_info(info.id)
    return known is None or known.prefill is not False


def why_no_continue(info: ModelInfo | None) -> str | None:
    """Why Continue cannot carry on a cut reply with this model, in words; None if it can."""
    if allows_prefill(info):
        return None
    name = info.display_name if info is not None else translate("Capabilities", "This model")
    return translate(
        "Capabilities",
        "{name} cannot carry on a cut reply where it stopped (it takes no prefill): ask it to go "
        "on, or pick another model.",
    ).format(name=name)


def lifecycle_note(info: ModelInfo) -> str:
    """How the picker marks the model: empty, or "deprecated, retires 15 Dec 2026"."""
    if not info.deprecated:
        return ""
    if info.retires_at is not None:
        day = info.retires_at
        return f"deprecated, retires {day.day} {day:%b %Y}"
    return "deprecated"


def offered(models: Iterable[ModelInfo]) -> list[ModelInfo]:
    """The models to offer: all but the retired ones."""
    return [m for m in models if m.lifecycle != "retired"]


def fit(settings: Settings, info: ModelInfo | None) -> tuple[Settings, list[str]]:
    """``settings`` changed to what the model accepts, and what changed, in plain words."""
    if info is None:
        return settings, []
    notes: list[str] = []
    name = info.display_name
    limit = max_output_tokens(info, settings.max_tokens)
    if settings.max_tokens > limit:
        notes.append(
            translate(
                "Capabilities",
                "{name} writes at most {limit} tokens: max tokens lowered from {max_tokens}.",
            ).format(name=name, limit=limit, max_tokens=settings.max_tokens)
        )
        settings = replace(settings, max_tokens=limit)
    settings = _fit_thinking(settings, info, notes)
    levels = effort_levels(info)
    if settings.effort is not None and settings.effort not in levels:
        lower = [e for e in levels if ALL_EFFORTS.index(e) < ALL_EFFORTS.index(settings.effort)]
        effort = lower[-1] if lower else None
        if not levels:
            notes.append(
                translate(
                    "Capabilities", "{name} takes no effort level: using the model's default."
                ).format(name=name)
            )
        else:
            instead = (
                translate("Capabilities", "using “{effort}”.").format(effort=effort)
                if effort
                else translate("Capabilities", "using the model's default.")
            )
            notes.append(
                translate("Capabilities", "{name} has no “{effort}” effort: {instead}").format(
                    name=name, effort=settings.effort, instead=instead
                )
            )
        settings = replace(settings, effort=effort)
    return settings, notes


def _fit_thinking(settings: Settings, info: ModelInfo, notes: list[str]) -> Settings:
    modes = thinking_modes(info)
    name = info.display_name
    mode = settings.thinking
    if mode not in modes:
        # The nearest the model has: the other kind of thinking, else none, else any.
        order = {"adaptive": ("enabled", "off"), "enabled": ("adaptive", "off")}
        options = order.get(mode, ("adaptive", "enabled"))
        mode = next((m for m in options if m in modes), modes[0] if modes else "off")
        notes.append(
            translate("Capabilities", "{name} does not take {value}: {value2} instead.").format(
                name=name, value=_WORDS[settings.thinking], value2=_WORDS[mode]
            )
        )
        settings = replace(settings, thinking=mode)
    if mode == "enabled" and settings.thinking_budget >= settings.max_tokens:
        budget = settings.max_tokens - 1
        if budget >= MIN_THINKING_BUDGET:
            notes.append(
                translate(
                    "Capabilities", "Thinking budget lowered to {budget}, below max tokens."
                ).format(budget=budget)
            )
            return replace(settings, thinking_budget=budget)
        fallback: ThinkingMode = "off" if "off" in modes else mode
        if fallback != mode:
            notes.append(
                translate(
                    "Capabilities", "Max tokens leave no room for a thinking budget: thinking off."
                )
            )
            return replace(settings, thinking=fallback)
    return settings


_WORDS = {
    "off": translate("Capabilities", "thinking off"),
    "adaptive": translate("Capabilities", "adaptive thinking"),
    "enabled": translate("Capabilities", "thinking with a budget"),
}

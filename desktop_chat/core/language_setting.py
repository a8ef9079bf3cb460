"""The interface language chosen in the settings, read before anything else loads.

Kept apart from ``core.settings``: that module's words are translated as it is imported, so
it must be imported only once the translators are installed, and they need this first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from desktop_chat.core.paths import config_dir

Language = Literal["system", "en", "zh_CN", "ja"]
LANGUAGES: tuple[Language, ...] = ("system", "en", "zh_CN", "ja")
SETTINGS_FILE = "settings.json"


def saved_language(path: Path | None = None) -> Language:
    """The interface language chosen in the settings file ("system" when none is, or the
    file cannot be read); read before the window, so it touches nothing and says nothing."""
    try:
        data = json.loads((path or config_dir() / SETTINGS_FILE).read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return "system"
    value = data.get("language") if isinstance(data, dict) else None
    return value if value in LANGUAGES else "system"

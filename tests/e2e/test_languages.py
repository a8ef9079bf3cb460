"""The real app in the system's language: a Japanese or Chinese locale gets the interface in
it (words, Qt's own words, numbers), and an English or untranslated one gets English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def smoke_test(home: Path, lang: str) -> tuple[dict[str, object], str]:
    state = home / "state.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DESKTOP_CHAT_HOME": str(home),
        "DESKTOP_CHAT_STATE_REPORT": str(state),
        "LANG": lang,
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANGUAGE": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(state.read_text(encoding="utf-8")), result.stderr


@pytest.mark.parametrize(
    ("lang", "you", "stop_words", "code"),
    [("ja_JP.UTF-8", "あなた", "準備完了", "ja"), ("zh_CN.UTF-8", "你", "就绪", "zh_CN")],
)
def test_the_system_language_is_the_interfaces(
    app_home: Path, lang: str, you: str, stop_words: str, code: str
) -> None:
    state, log = smoke_test(app_home, lang)
    assert f"interface language: {code} (desktop_chat_{code}.qm, qtbase_{code}.qm)" in log
    assert str(state["transcript"]).startswith(f"{you}\nHello from the smoke test.")
    assert state["status"] == stop_words


def test_an_untranslated_language_gets_english(app_home: Path) -> None:
    state, log = smoke_test(app_home, "de_DE.UTF-8")
    assert "interface language" not in log
    assert str(state["transcript"]).startswith("You\nHello from the smoke test.")
    side_pane = state["side_pane"]
    assert isinstance(side_pane, dict) and side_pane["stop_reason"] == "end_turn"

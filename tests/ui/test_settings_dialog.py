"""The settings dialog, driven by keys: bad choices refused with the reason, good ones saved."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDialog, QWidget

from desktop_chat.core.models import FALLBACK_MODELS, ModelInfo
from desktop_chat.core.settings import Settings, load_settings
from desktop_chat.ui.settings_dialog import SettingsDialog

MODELS = [*FALLBACK_MODELS, ModelInfo("claude-sonnet-4-5", "Claude Sonnet 4.5", deprecated=True)]


@pytest.fixture
def saved() -> list[Settings]:
    return []


def make_dialog(qtbot: Any, settings: Settings, saved: list[Settings] | None = None) -> Any:
    dialog = (
        SettingsDialog(settings, MODELS)
        if saved is None
        else SettingsDialog(settings, MODELS, save=saved.append)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot: Any, widget: QWidget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def press_ok(qtbot: Any, dialog: SettingsDialog) -> None:
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)


def choose_enabled_thinking(qtbot: Any, dialog: SettingsDialog) -> None:
    qtbot.keyClick(dialog.thinking, Qt.Key.Key_End)  # the last choice: enabled
    assert dialog.thinking.currentData() == "enabled"


def test_a_budget_below_1024_is_refused_with_the_reason(qtbot: Any, saved: list[Settings]) -> None:
    dialog = make_dialog(qtbot, Settings(), saved)
    choose_enabled_thinking(qtbot, dialog)
    retype(qtbot, dialog.thinking_budget, "500")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and saved == []
    assert dialog.problems.isVisible()
    assert dialog.problems.text() == "The thinking budget must be at least 1024 tokens."
    retype(qtbot, dialog.thinking_budget, "2048")
    press_ok(qtbot, dialog)
    assert saved == [Settings(thinking="enabled", thinking_budget=2048)]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_budget_not_below_max_tokens_is_refused(qtbot: Any, saved: list[Settings]) -> None:
    dialog = make_dialog(qtbot, Settings(), saved)
    choose_enabled_thinking(qtbot, dialog)
    retype(qtbot, dialog.max_tokens, "3000")
    retype(qtbot, dialog.thinking_budget, "3000")
    press_ok(qtbot, dialog)
    assert saved == [] and dialog.isVisible()
    assert "The thinking budget (3000) must be below max tokens (3000)." in dialog.problems.text()


def test_the_budget_is_editable_only_when_thinking_is_enabled(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Settings(thinking="off"), [])
    assert not dialog.thinking_budget.isEnabled()
    choose_enabled_thinking(qtbot, dialog)
    assert dialog.thinking_budget.isEnabled()
    qtbot.keyClick(dialog.thinking, Qt.Key.Key_Home)
    assert dialog.thinking.currentData() == "off" and not dialog.thinking_budget.isEnabled()


def test_an_invalid_base_url_is_refused(qtbot: Any, saved: list[Settings]) -> None:
    dialog = make_dialog(qtbot, Settings(), saved)
    qtbot.keyClicks(dialog.base_url, "localhost:8080")
    press_ok(qtbot, dialog)
    assert saved == [] and dialog.problems.text().startswith("The base URL must be an http://")


def test_valid_settings_are_saved_to_the_settings_file(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Settings())
    with qtbot.waitSignal(dialog.saved) as signal:
        retype(qtbot, dialog.max_tokens, "8000")
        qtbot.keyClick(dialog.effort, Qt.Key.Key_End)  # max
        qtbot.keyClicks(dialog.system_prompt, "Answer in French.")
        qtbot.keyClicks(dialog.base_url, "http://127.0.0.1:8080")
        retype(qtbot, dialog.timeout, "30")
        retype(qtbot, dialog.retries, "5")
        qtbot.keyClick(dialog.theme, Qt.Key.Key_End)  # dark
        qtbot.keyClick(dialog.model_combo, Qt.Key.Key_Up)  # from Sonnet 5.5 to Opus 5.5
        press_ok(qtbot, dialog)
    expected = Settings(
        model="claude-opus-5-5",
        max_tokens=8000,
        effort="max",
        system_prompt="Answer in French.",
        base_url="http://127.0.0.1:8080",
        timeout_s=30.0,
        max_retries=5,
        theme="dark",
    )
    assert signal.args == [expected] and dialog.result_settings == expected
    assert load_settings() == (expected, [])


def test_cancel_changes_nothing(qtbot: Any, saved: list[Settings]) -> None:
    dialog = make_dialog(qtbot, Settings(), saved)
    retype(qtbot, dialog.max_tokens, "100")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert saved == [] and dialog.result() == QDialog.DialogCode.Rejected


def test_the_model_picker(qtbot: Any, saved: list[Settings]) -> None:
    dialog = make_dialog(qtbot, Settings(model="claude-sonnet-4-5"), saved)
    assert dialog.model_combo.currentText() == "Claude Sonnet 4.5 (deprecated)"
    assert dialog.model_id() == "claude-sonnet-4-5"
    dialog.set_models(FALLBACK_MODELS)  # a refreshed list without it keeps the choice
    assert dialog.model_id() == "claude-sonnet-4-5"
    retype(qtbot, dialog.model_combo.lineEdit(), "my-proxy-model")
    press_ok(qtbot, dialog)
    assert saved[-1].model == "my-proxy-model"


def test_the_current_settings_are_shown(qtbot: Any) -> None:
    settings = Settings(
        model="claude-sonnet-4-6",
        max_tokens=9000,
        thinking="enabled",
        thinking_budget=3000,
        effort="low",
        system_prompt="Be terse.",
        base_url="https://proxy.example",
        timeout_s=42.5,
        max_retries=7,
        theme="light",
    )
    dialog = make_dialog(qtbot, settings, [])
    assert dialog.model_combo.currentText() == "Claude Sonnet 4.6"
    assert dialog.current_settings() == settings
    assert not dialog.adjusted.isVisible()  # it all fits the model: nothing said


def test_every_control_is_named_and_tab_goes_down_the_form(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Settings(thinking="enabled"), [])
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisible()
        and w.parent() is not None
        and not isinstance(w.parent(), QAbstractSpinBox | type(dialog.model_combo))
    ]
    assert controls and all(w.accessibleName() for w in controls), [
        w.objectName() or type(w).__name__ for w in controls if not w.accessibleName()
    ]
    fields = [
        dialog.model_combo,
        dialog.max_tokens,
        dialog.thinking,
        dialog.thinking_budget,
        dialog.effort,
        dialog.system_prompt,
        dialog.base_url,
        dialog.timeout,
        dialog.retries,
        dialog.theme,
    ]

    def field_with_focus() -> QWidget:
        widget = dialog.focusWidget()
        while widget not in fields:  # e.g. the line edit inside an editable combo box
            widget = widget.parentWidget()
        return widget

    dialog.model_combo.setFocus()
    order = [field_with_focus()]
    for _ in fields[1:]:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(field_with_focus())
    assert order == fields


def test_only_what_the_model_accepts_is_offered(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, Settings(model="claude-haiku-4-5"), [])
    offered = [dialog.thinking.itemData(i) for i in range(dialog.thinking.count())]
    assert offered == ["off", "enabled"]  # no adaptive thinking on Haiku 4.5
    assert not dialog.effort.isEnabled() and dialog.effort.count() == 1
    assert dialog.max_tokens.maximum() == 64_000
    # The default (adaptive) did not fit: changed, and said so.
    assert dialog.thinking.currentData() == "enabled"
    assert "does not take adaptive thinking" in dialog.adjusted.text()


def test_switching_model_fits_the_fields_and_says_what_changed(
    qtbot: Any, saved: list[Settings]
) -> None:
    dialog = make_dialog(qtbot, Settings(model="claude-opus-4-8", effort="xhigh"), saved)
    choose_enabled_thinking(qtbot, dialog)
    retype(qtbot, dialog.max_tokens, "100000")

    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("claude-haiku-5-5"))

    assert dialog.thinking.currentData() == "adaptive"
    assert [dialog.effort.itemData(i) for i in range(dialog.effort.count())] == [
        None,
        "low",
        "medium",
        "high",
    ]
    assert dialog.effort.currentData() == "high"
    assert dialog.max_tokens.value() == 64_000
    notes = dialog.adjusted.text()
    assert dialog.adjusted.isVisible() and "64000" in notes and "“xhigh”" in notes
    press_ok(qtbot, dialog)
    made = saved[-1]
    assert made.request_params() == made.request_params(dialog._models[made.model])
    assert made.request_params()["thinking"] == {"type": "adaptive"}


def test_retired_models_are_not_offered_and_deprecated_ones_say_when_they_go(
    qtbot: Any,
) -> None:
    retired = ModelInfo("claude-old-1", "Claude Old 1", lifecycle="retired")
    dialog = make_dialog(qtbot, Settings(), [])
    dialog.set_models([*FALLBACK_MODELS, retired])

    labels = [dialog.model_combo.itemText(i) for i in range(dialog.model_combo.count())]
    assert "Claude Old 1" not in labels
    assert "Claude Opus 4.5 (deprecated, retires 22 Jan 2027)" in labels


def test_a_typed_model_id_is_fitted_too(qtbot: Any, saved: list[Settings]) -> None:
    dialog = make_dialog(qtbot, Settings(thinking="enabled"), saved)
    retype(qtbot, dialog.model_combo.lineEdit(), "claude-opus-5-5")

    assert dialog.thinking.currentData() == "adaptive"
    press_ok(qtbot, dialog)
    assert saved[-1].thinking == "adaptive"


def test_settings_it_does_not_show_are_kept(qtbot: Any, saved: list[Settings]) -> None:
    tools = Settings(tools_allow_read_only=True, tool_timeout_s=5.0, tool_rounds=3)
    dialog = make_dialog(qtbot, tools, saved)
    retype(qtbot, dialog.retries, "4")
    press_ok(qtbot, dialog)
    assert saved == [
        Settings(tools_allow_read_only=True, tool_timeout_s=5.0, tool_rounds=3, max_retries=4)
    ]

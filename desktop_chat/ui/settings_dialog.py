"""The settings dialog (Ctrl+,): model, tokens, thinking, effort, system prompt, connection, theme.

The choices offered are the chosen model's (``core.capabilities``): its thinking types, its
effort levels, its max tokens; choosing another model fits the fields to it and says what
changed. Retired models are not offered; deprecated ones say when they retire.
OK is refused while ``Settings.validate()`` has reasons; they are shown in the dialog.
Saving is the injected ``save`` (``settings.save_settings`` by default); no network here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.capabilities import (
    effort_levels,
    fit,
    lifecycle_note,
    max_output_tokens,
    model_info,
    offered,
    thinking_modes,
)
from desktop_chat.core.i18n import translate
from desktop_chat.core.models import ModelInfo
from desktop_chat.core.pricing import user_prices_path
from desktop_chat.core.settings import (
    MAX_RETRIES_CAP,
    MAX_SEARCHES_CAP,
    MAX_TIMEOUT_S,
    MAX_TOKENS_CAP,
    Settings,
    save_settings,
)
from desktop_chat.ui.translations import LANGUAGE_NAMES

SaveSettings = Callable[[Settings], object]

THINKING_LABELS = (
    (translate("SettingsDialog", "Off"), "off"),
    (translate("SettingsDialog", "Adaptive"), "adaptive"),
    (translate("SettingsDialog", "Enabled, with a budget"), "enabled"),
)
EFFORT_LABELS = (
    (translate("SettingsDialog", "Model default"), None),
    (translate("SettingsDialog", "Low"), "low"),
    (translate("SettingsDialog", "Medium"), "medium"),
    (translate("SettingsDialog", "High"), "high"),
    (translate("SettingsDialog", "Extra high"), "xhigh"),
    (translate("SettingsDialog", "Max"), "max"),
)
THEME_LABELS = (
    (translate("SettingsDialog", "System"), "system"),
    (translate("SettingsDialog", "Light"), "light"),
    (translate("SettingsDialog", "Dark"), "dark"),
)


def language_labels() -> Sequence[tuple[str, object]]:
    """The language choices: the system's, then each language named in itself."""
    return [(translate("SettingsDialog", "System"), "system")] + [
        (name, code) for code, name in LANGUAGE_NAMES
    ]


def _combo(name: str, choices: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def _refill(combo: QComboBox, choices: Sequence[tuple[str, object]]) -> None:
    """Offer only ``choices``, keeping the current one if it is among them."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for label, value in choices:
        combo.addItem(label, value)
    combo.blockSignals(False)
    _select(combo, current)


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def _spin(name: str, low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setGroupSeparatorShown(False)
    return spin


class SettingsDialog(QDialog):
    """Edits a copy of ``settings``; OK validates, saves through ``save``, then accepts.

    Signals:
        saved(object): the new ``Settings``, once saved.
    """

    saved = Signal(object)

    def __init__(
        self,
        settings: Settings,
        models: Sequence[ModelInfo],
        *,
        save: SaveSettings = save_settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._original = settings
        self._models: dict[str, ModelInfo] = {}
        self._fitted_for: str | None = None  # the model the fields were last fitted to
        self.result_settings: Settings | None = None
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setObjectName("settings_dialog")
        self.setMinimumWidth(520)
        self._build()
        self._connect_signals()
        self.set_models(models)
        self._load(settings)

    def _build(self) -> None:
        self.model_combo = QComboBox()
        self.model_combo.setAccessibleName(translate("SettingsDialog", "Model"))
        self.model_combo.setEditable(True)  # a model the list does not know can be typed
        self.model_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.max_tokens = _spin(translate("SettingsDialog", "Max tokens"), 1, MAX_TOKENS_CAP)
        self.thinking = _combo(translate("SettingsDialog", "Thinking"), THINKING_LABELS)
        # Below 1024 stays typeable so that OK can say why it is refused.
        self.thinking_budget = _spin(
            translate("SettingsDialog", "Thinking budget"),
            0,
            MAX_TOKENS_CAP,
            translate("SettingsDialog", " tokens"),
        )
        self.effort = _combo(translate("SettingsDialog", "Effort"), EFFORT_LABELS)
        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setAccessibleName(translate("SettingsDialog", "System prompt"))
        self.system_prompt.setPlaceholderText(
            translate("SettingsDialog", "Optional: instructions sent with every message")
        )
        self.system_prompt.setTabChangesFocus(True)
        self.system_prompt.setFixedHeight(96)
        self.base_url = QLineEdit()
        self.base_url.setAccessibleName(translate("SettingsDialog", "Base URL"))
        self.base_url.setPlaceholderText(
            translate("SettingsDialog", "Default: ANTHROPIC_BASE_URL, else api.anthropic.com")
        )
        self.timeout = QDoubleSpinBox()
        self.timeout.setAccessibleName(translate("SettingsDialog", "Request timeout"))
        self.timeout.setRange(0, MAX_TIMEOUT_S)
        self.timeout.setDecimals(1)
        self.timeout.setSuffix(translate("SettingsDialog", " s", "seconds"))
        self.retries = _spin(translate("SettingsDialog", "Retries"), 0, MAX_RETRIES_CAP)
        self.theme = _combo(translate("SettingsDialog", "Theme"), THEME_LABELS)
        self.language = _combo(translate("SettingsDialog", "Language"), language_labels())
        self.language.setToolTip(translate("SettingsDialog", "Takes effect when the app restarts."))
        self.cache_ttl = _combo(
            translate("Settings", "Prompt caching"),
            (
                (translate("Settings", "On, 5 minutes"), "5m"),
                (translate("Settings", "On, 1 hour (writes cost more)"), "1h"),
                (translate("Settings", "Off"), "off"),
            ),
        )
        self.web_allowed = QLineEdit()
        self.web_allowed.setAccessibleName(translate("Settings", "Web search: only these domains"))
        self.web_allowed.setPlaceholderText(translate("Settings", "Any domain, e.g. wikipedia.org"))
        self.web_blocked = QLineEdit()
        self.web_blocked.setAccessibleName(translate("Settings", "Web search: never these domains"))
        self.web_blocked.setPlaceholderText(translate("Settings", "None"))
        self.web_max = _spin(translate("Settings", "Searches per turn"), 1, MAX_SEARCHES_CAP)
        self.prices_note = QLabel(
            translate("Settings", "Your own prices, if any: %1").replace(
                "%1", str(user_prices_path())
            )
        )
        self.prices_note.setWordWrap(True)
        self.prices_note.setAccessibleName(translate("Settings", "Where your own prices go"))
        self.prices_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QLabel()
        self.problems.setObjectName("settings_problems")
        self.problems.setAccessibleName(translate("SettingsDialog", "Problems"))
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("font-weight: bold;")
        self.problems.setVisible(False)
        self.adjusted = QLabel()
        self.adjusted.setObjectName("settings_adjusted")
        self.adjusted.setAccessibleName(translate("SettingsDialog", "Changed for the model"))
        self.adjusted.setWordWrap(True)
        self.adjusted.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName(translate("SettingsDialog", "OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            translate("SettingsDialog", "Cancel")
        )

        form = QFormLayout()
        rows: list[tuple[str, QWidget]] = [
            (translate("SettingsDialog", "&Model"), self.model_combo),
            (translate("SettingsDialog", "Max &tokens"), self.max_tokens),
            (translate("SettingsDialog", "T&hinking"), self.thinking),
            (translate("SettingsDialog", "Thinking &budget"), self.thinking_budget),
            (translate("SettingsDialog", "&Effort"), self.effort),
            (translate("SettingsDialog", "&System prompt"), self.system_prompt),
            (translate("SettingsDialog", "Base &URL"), self.base_url),
            (translate("SettingsDialog", "Request time&out"), self.timeout),
            (translate("SettingsDialog", "&Retries"), self.retries),
            (translate("SettingsDialog", "Th&eme"), self.theme),
            (translate("SettingsDialog", "&Language (on restart)"), self.language),
            (translate("Settings", "Prompt caching"), self.cache_ttl),
            (translate("Settings", "Web search: only"), self.web_allowed),
            (translate("Settings", "Web search: never"), self.web_blocked),
            (translate("Settings", "Searches per turn"), self.web_max),
        ]
        for label, widget in rows:
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.prices_note)
        layout.addWidget(self.adjusted)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        chain = [widget for _, widget in rows] + [self.buttons]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        # section: fields that depend on others
        self.thinking.currentIndexChanged.connect(self.on_thinking_changed)
        self.model_combo.currentIndexChanged.connect(self.on_model_changed)
        self.model_combo.editTextChanged.connect(self.on_model_typed)
        # section: the buttons
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)

    def _load(self, s: Settings) -> None:
        # Every choice first, so that the saved ones can be shown; then fitted to the model.
        _refill(self.thinking, THINKING_LABELS)
        _refill(self.effort, EFFORT_LABELS)
        self.max_tokens.setMaximum(MAX_TOKENS_CAP)
        self._fitted_for = None
        self.model_combo.blockSignals(True)
        self._select_model(s.model)
        self.model_combo.blockSignals(False)
        self.max_tokens.setValue(s.max_tokens)
        _select(self.thinking, s.thinking)
        self.thinking_budget.setValue(s.thinking_budget)
        _select(self.effort, s.effort)
        self.system_prompt.setPlainText(s.system_prompt)
        self.base_url.setText(s.base_url or "")
        self.timeout.setValue(s.timeout_s)
        self.retries.setValue(s.max_retries)
        _select(self.theme, s.theme)
        _select(self.cache_ttl, s.cache_ttl)
        self.web_allowed.setText(s.web_allowed_domains)
        self.web_blocked.setText(s.web_blocked_domains)
        self.web_max.setValue(s.web_max_searches)
        _select(self.language, s.language)
        self.on_model_changed()
        self.on_thinking_changed()

    # section: the model list

    def set_models(self, models: Sequence[ModelInfo]) -> None:
        """Refill the picker (e.g. when the live list arrives), keeping the current choice."""
        current = self.model_id() if self.model_combo.count() else self._original.model
        self._models = {m.id: m for m in offered(models)}
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for m in self._models.values():
            note = lifecycle_note(m)
            self.model_combo.addItem(m.display_name + (f" ({note})" if note else ""), m.id)
            self.model_combo.setItemData(
                self.model_combo.count() - 1, m.id, Qt.ItemDataRole.ToolTipRole
            )
        self._select_model(current)
        self.model_combo.blockSignals(False)
        if self.thinking.count():  # (not while the dialog is being built)
            self._fitted_for = None  # the model may be described anew
            self.on_model_changed()

    def _select_model(self, model_id: str) -> None:
        index = self.model_combo.findData(model_id)
        if index < 0:  # not listed (another server, or typed): keep it as it is
            self.model_combo.addItem(model_id, model_id)
            index = self.model_combo.count() - 1
        self.model_combo.setCurrentIndex(index)

    def model_id(self) -> str:
        """The chosen model's id: the listed one whose name is shown, else the typed text."""
        text = self.model_combo.currentText().strip()
        index = self.model_combo.findText(text, Qt.MatchFlag.MatchExactly)
        return str(self.model_combo.itemData(index)) if index >= 0 else text

    # section: slots

    def on_model_changed(self, _index: int = 0) -> None:
        """Offer what the chosen model accepts; fit the fields to it and say what changed."""
        if self.model_id() == self._fitted_for:
            return  # (both the typed text and the index say when a model is chosen)
        self._fitted_for = self.model_id()
        info = model_info(self.model_id(), self._models.values())
        fitted, notes = fit(self.current_settings(), info)
        labels = dict((value, label) for label, value in THINKING_LABELS)
        _refill(self.thinking, [(labels[mode], mode) for mode in thinking_modes(info)])
        levels = effort_levels(info)
        _refill(self.effort, [e for e in EFFORT_LABELS if e[1] is None or e[1] in levels])
        self.effort.setEnabled(bool(levels))
        self.max_tokens.setMaximum(max_output_tokens(info, MAX_TOKENS_CAP))
        self.max_tokens.setValue(fitted.max_tokens)
        _select(self.thinking, fitted.thinking)
        self.thinking_budget.setValue(fitted.thinking_budget)
        _select(self.effort, fitted.effort)
        self.adjusted.setText("\n".join(notes))
        self.adjusted.setVisible(bool(notes))
        self.on_thinking_changed()

    def on_model_typed(self, _text: str) -> None:
        """A typed id is fitted to once it names a model the dialog knows."""
        if model_info(self.model_id(), self._models.values()) is not None:
            self.on_model_changed()

    def on_thinking_changed(self, _index: int = 0) -> None:
        self.thinking_budget.setEnabled(self.thinking.currentData() == "enabled")

    def on_accept(self) -> None:
        new = self.current_settings()
        problems = new.validate()
        if not problems:
            try:
                self._save(new)
            except (OSError, ValueError) as exc:
                problems = [
                    translate("SettingsDialog", "Could not save the settings: {exc}").format(
                        exc=exc
                    )
                ]
        if problems:
            self.problems.setText("\n".join(problems))
            self.problems.setVisible(True)
            return
        self.result_settings = new
        self.saved.emit(new)
        self.accept()

    def current_settings(self) -> Settings:
        """What the fields say now (not validated); settings it does not show are kept."""
        return replace(
            self._original,
            model=self.model_id(),
            max_tokens=self.max_tokens.value(),
            thinking=self.thinking.currentData(),
            thinking_budget=self.thinking_budget.value(),
            effort=self.effort.currentData(),
            system_prompt=self.system_prompt.toPlainText(),
            base_url=self.base_url.text().strip() or None,
            timeout_s=self.timeout.value(),
            max_retries=self.retries.value(),
            theme=self.theme.currentData(),
            cache_ttl=self.cache_ttl.currentData(),
            web_allowed_domains=self.web_allowed.text().strip(),
            web_blocked_domains=self.web_blocked.text().strip(),
            web_max_searches=self.web_max.value(),
            language=self.language.currentData(),
        )

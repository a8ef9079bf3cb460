"""Translations: every visible string is marked, every marked string is translated into
Chinese and Japanese, and the app's translators turn the interface into either language."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop_chat.core import i18n
from desktop_chat.core.language_setting import saved_language
from desktop_chat.core.settings import Settings, load_settings, save_settings
from desktop_chat.ui import translations

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translation_catalogue as catalogue  # noqa: E402

# Calls whose string arguments a user sees (or hears, through a screen reader).
VISIBLE_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setStatusTip", "setWhatsThis", "addAction", "addItem",
    "addRow", "addButton", "setTitle", "setHeaderLabels", "showMessage", "show_notice",
    "setSuffix", "setPrefix", "setLabelText", "information", "warning", "critical", "question",
    "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QRadioButton", "QToolButton",
    "plain_label", "push_button", "CollapsibleText", "write_note", "insertPlainText",
}  # fmt: skip
# Names, not words: the same in every language.
UNTRANSLATED = {"Desktop Chat", "Claude", "mcp.json", "sk-ant-…"}
# Sources a translation may leave as they are.
SAME_IN_TRANSLATION = {
    *("KWallet", "Markdown (*.md)", "{title} — Desktop Chat", "OK", "Claude"),
    "{width}\u00d7{height} px",  # Japanese writes pixels "px" too
}
UI_FILES = [*sorted((ROOT / "desktop_chat" / "ui").glob("*.py")), ROOT / "desktop_chat" / "app.py"]


def _bare_words(node: ast.expr) -> str | None:
    """The words of a literal (or f-string) with letters in it, outside any translate()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    if text.strip() in UNTRANSLATED or not re.search(r"[A-Za-z]{2,}", text):
        return None
    return text


def unmarked_strings(path: Path) -> list[str]:
    """``file:line: text`` for each literal handed straight to a call that shows it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name not in VISIBLE_CALLS:
            continue
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in ("log", "logging"):
            continue  # a log line, for developers
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            candidates = [arg]
            if isinstance(arg, ast.IfExp):
                candidates = [arg.body, arg.orelse]
            for candidate in candidates:
                if (words := _bare_words(candidate)) is not None:
                    found.append(f"{path.relative_to(ROOT)}:{candidate.lineno}: {words!r}")
    return found


def test_every_visible_string_in_the_ui_is_marked_for_translation() -> None:
    unmarked = [line for path in UI_FILES for line in unmarked_strings(path)]
    assert unmarked == [], "wrap these in translate(...):\n" + "\n".join(unmarked)


def test_the_scan_finds_a_bare_literal(tmp_path: Path) -> None:
    """The check above can fail: a label, a tooltip and an f-string slip through unmarked."""
    source = tmp_path / "desktop_chat_view.py"
    source.write_text(
        "label = QLabel('Hello there')\n"
        "label.setToolTip(f'Press {key} to send')\n"
        "label.setText(translate('Ctx', 'Fine'))\n"
        "label.setAccessibleName('Claude')\n",
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in unmarked_strings_at(source, tmp_path)]
    assert found == ["'Hello there'", "'Press  to send'"]


def unmarked_strings_at(path: Path, root: Path) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, root
    try:
        return unmarked_strings(path)
    finally:
        ROOT = saved


def test_every_marked_string_is_translated_into_chinese_and_japanese() -> None:
    """The .ts files hold a finished translation of every translate() in the code now (what
    `scripts/translations check` says; run `scripts/translations` to list and add them)."""
    missing = catalogue.check()
    left = {
        lang: [f"{e.context}: {e.source!r}" for e in entries] for lang, entries in missing.items()
    }
    assert left == {"zh_CN": [], "ja": []}


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_translations_keep_placeholders_and_mnemonics(language: str) -> None:
    """A translation keeps every {name} of its source (or .format() fails) and its &key."""
    wrong = []
    for e in catalogue.entries(catalogue.ts_path(language)):
        if sorted(re.findall(r"\{[^{}]*\}", e.source)) != sorted(
            re.findall(r"\{[^{}]*\}", e.translation)
        ):
            wrong.append(f"{e.context}: {e.source!r} -> {e.translation!r}")
        if bool(re.search(r"&\w", e.source)) != bool(re.search(r"&\w", e.translation)):
            wrong.append(f"{e.context}: mnemonic: {e.source!r} -> {e.translation!r}")
        if e.translation == e.source and e.source not in SAME_IN_TRANSLATION:
            wrong.append(f"{e.context}: left in English: {e.source!r}")
    assert wrong == []


# section: loading the translators


@pytest.fixture
def restore_language(qapp: Any) -> Iterator[None]:
    before = QLocale()
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.setParent(None)
    i18n.install(None)
    i18n.install_numbers(None)
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_TW", None),
        ("zh_HK", None),
        ("ja_JP", "ja"),
        ("en_US", None),
        ("de_DE", None),
    ],
)
def test_which_translation_suits_a_locale(name: str, expected: str | None) -> None:
    assert translations.catalogue_for(QLocale(name)) == expected


def test_the_built_translations_are_where_the_app_looks() -> None:
    for language in catalogue.LANGUAGES:
        assert (translations.translations_dir() / f"desktop_chat_{language}.qm").is_file()


@pytest.mark.parametrize(
    ("language", "settings_title", "ok_button"),
    [("zh_CN", "设置", "确定"), ("ja", "設定", "OK")],
)
def test_a_chosen_language_translates_our_words_and_qts(
    qapp: Any, restore_language: None, language: str, settings_title: str, ok_button: str
) -> None:
    locale = translations.install_translators(qapp, language)
    assert translations.catalogue_for(locale) == language
    assert i18n.translate("SettingsDialog", "Settings") == settings_title
    assert i18n.translate("Keymap", "Send the message") != "Send the message"
    # Qt's own words (standard buttons) come from PySide6's qtbase_<lang>.qm.
    assert QCoreApplication.translate("QPlatformTheme", "OK") == ok_button
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"


def test_numbers_and_sizes_follow_the_language(qapp: Any, restore_language: None) -> None:
    from desktop_chat.ui.locale_format import data_size, number

    translations.install_translators(qapp, "en")
    assert (number(1234567), data_size(17 * 1024 * 1024)) == ("1,234,567", "17 MB")
    QLocale.setDefault(QLocale("de_DE"))  # a locale that writes numbers another way
    assert (number(1234567), number(2.5, 1), data_size(1536)) == ("1.234.567", "2,5", "1,5 kB")
    # The core's counts too (the context meter's words are made there).
    from desktop_chat.core.context_budget import ContextFill, fill_text

    assert fill_text(ContextFill(150_000, 1_000_000)) == "150.000 / 1.000.000 tokens (15%)"


def test_an_attachments_facts_and_pasted_name_are_in_the_language(
    qapp: Any, restore_language: None
) -> None:
    """The chip says an attachment's facts in Japanese (numbers the locale's way); an export
    keeps them in English."""
    from desktop_chat.core.attachments import Kind, estimate_tokens, facts_line
    from desktop_chat.ui.attachment_facts import facts_text
    from desktop_chat.ui.attachment_intake import pasted_name
    from desktop_chat.ui.locale_format import data_size, number

    translations.install_translators(qapp, "ja")
    size = 3 * 1024 * 1024
    source = {"media_type": "application/pdf", "size": size, "pages": 12}
    tokens = number(estimate_tokens(Kind.PDF, size, 0, 0, 12))
    assert facts_text(source) == f"{data_size(size)} · 12 ページ · 約 {tokens} トークン"
    assert pasted_name("jpg") == "貼り付けた画像.jpg"
    assert "12 pages" in facts_line(source) and "tokens" in facts_line(source)


def test_english_and_an_untranslated_system_language_keep_the_source_words(
    qapp: Any, restore_language: None
) -> None:
    translations.install_translators(qapp, "en")
    assert i18n.translate("SettingsDialog", "Settings") == "Settings"
    assert qapp.findChildren(QTranslator) == []


def test_the_language_setting_is_saved_and_read_before_the_window() -> None:
    assert saved_language() == "system"  # no file yet
    save_settings(Settings(language="ja"))
    assert saved_language() == "ja" and load_settings()[0].language == "ja"
    assert Settings.from_dict({"language": "klingon"})[1] == [
        "The language must be one of: system, en, zh_CN, ja."
    ]


def test_the_language_is_chosen_in_the_settings_dialog_by_its_own_name(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from desktop_chat.core.models import FALLBACK_MODELS
    from desktop_chat.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), FALLBACK_MODELS)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["System", "English", "简体中文", "日本語"]
    assert dialog.language.accessibleName() == "Language"
    qtbot.keyClick(dialog.language, Qt.Key.Key_End)
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()
    assert load_settings()[0].language == "ja" and saved_language() == "ja"


def test_no_locale_at_all_is_english_with_grouped_digits() -> None:
    locale = translations.locale_for("system", QLocale(QLocale.Language.C))
    assert locale.language() is QLocale.Language.English
    assert locale.toString(1000000) == "1,000,000"  # the meter's "… / 1,000,000 tokens"

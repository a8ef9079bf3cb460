from collections.abc import Iterator

import pytest

from desktop_chat.core import i18n


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    yield
    i18n.install(None)


def test_without_a_translator_the_source_text_is_shown_with_the_count() -> None:
    assert i18n.translate("Ctx", "Send") == "Send"
    assert i18n.translate("Ctx", "%n files", None, 3) == "3 files"


def test_an_installed_translator_is_asked_with_context_and_count() -> None:
    seen: list[tuple[str, str, str | None, int]] = []

    def fake(context: str, text: str, disambiguation: str | None, n: int) -> str:
        seen.append((context, text, disambiguation, n))
        return "発信"

    i18n.install(fake)
    assert i18n.translate("Composer", "Send") == "発信"
    assert seen == [("Composer", "Send", None, -1)]


def test_counts_are_grouped_until_the_ui_gives_its_locale() -> None:
    assert i18n.number(1234567) == "1,234,567"
    i18n.install_numbers(lambda value: f"{value:_}")
    try:
        assert i18n.number(1234567) == "1_234_567"
    finally:
        i18n.install_numbers(None)

"""The interface language: Qt translators for the app's words and for Qt's own dialogs.

The app's translations are ``resources/translations/desktop_chat_<lang>.qm``, built from the
``.ts`` sources by ``scripts/translations`` (``scripts/setup`` runs it). Qt's words (the
buttons of standard dialogs, a line edit's context menu) come from PySide6's own
``qtbase_<lang>.qm``. The language is the setting's, or the system locale's when the setting
is "system"; a language the app has no translation for shows the English source texts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_chat.core import i18n

log = logging.getLogger(__name__)

APP_CATALOGUE = "desktop_chat"
# The languages the app is translated into, by the name of their .ts/.qm file.
TRANSLATED = ("zh_CN", "ja")
# How each choice of the language setting is named, in its own language (never translated:
# a user who cannot read the current language still finds theirs).
LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "简体中文"), ("ja", "日本語"))


def translations_dir() -> Path:
    """Where the app's ``.qm`` files are: ``resources/translations`` beside the package (a
    source checkout and the bundled builds alike)."""
    return Path(__file__).resolve().parent.parent.parent / "resources" / "translations"


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own ``.qm`` files may be: Qt's configured folder, then PySide6's own (a
    bundled build may configure Qt elsewhere)."""
    import PySide6

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).resolve().parent / "Qt" / "translations",
    ]


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale the interface uses for ``language`` (a setting's value)."""
    if language == "system":
        locale = system if system is not None else QLocale.system()
        # No locale set (LANG=C, POSIX): English, written with its digit grouping.
        return (
            QLocale(QLocale.Language.English) if locale.language() is QLocale.Language.C else locale
        )
    return QLocale(language)


def catalogue_for(locale: QLocale) -> str | None:
    """Which of the app's translations suits ``locale`` ("zh_CN", "ja"), or None (English).

    Any Chinese written in simplified script takes zh_CN; traditional script (Taiwan, Hong
    Kong) is not translated yet and gets English rather than the wrong script.
    """
    if locale.language() == QLocale.Language.Japanese:
        return "ja"
    if locale.language() == QLocale.Language.Chinese:
        script = locale.script()
        if script == QLocale.Script.SimplifiedChineseScript or (
            script == QLocale.Script.AnyScript
            and locale.territory() not in _TRADITIONAL_TERRITORIES
        ):
            return "zh_CN"
    return None


_TRADITIONAL_TERRITORIES = (
    QLocale.Country.Taiwan,
    QLocale.Country.HongKong,
    QLocale.Country.Macau,
)


def install_translators(
    app: QCoreApplication, language: str, directory: Path | None = None
) -> QLocale:
    """Load and install the translators for ``language``; returns the locale now in use.

    The locale becomes the default (``QLocale()``), so numbers, dates and sizes follow the
    language too. Translators are children of ``app``: they live as long as it does.
    """
    locale = locale_for(language)
    catalogue = catalogue_for(locale)
    i18n.install_numbers(lambda value: QLocale().toString(value))  # the default, set below
    if catalogue is None:
        # English words; numbers and dates as the system shows them unless English was chosen.
        QLocale.setDefault(QLocale(QLocale.Language.English) if language == "en" else locale)
        return QLocale()
    QLocale.setDefault(QLocale(catalogue))
    folder = directory or translations_dir()
    ours = QTranslator(app)
    if ours.load(f"{APP_CATALOGUE}_{catalogue}", str(folder)):
        app.installTranslator(ours)
        i18n.install(QCoreApplication.translate)
    else:
        log.warning(
            "no %s translation in %s (run scripts/translations); the interface is in English",
            catalogue,
            folder,
        )
    qt_words = QTranslator(app)
    if any(qt_words.load(f"qtbase_{catalogue}", str(path)) for path in qt_translation_dirs()):
        app.installTranslator(qt_words)
    loaded = [Path(t.filePath()).name for t in (ours, qt_words) if not t.isEmpty()]
    log.info("interface language: %s (%s)", catalogue, ", ".join(loaded))
    return QLocale()

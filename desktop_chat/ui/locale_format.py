"""Numbers, sizes and times written the interface language's way (``QLocale()``, which
``translations.install_translators`` sets to the chosen language)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def data_size(size: int) -> str:
    """``size`` bytes as the locale writes it: "12.5 KB", "12,5 KB", "12.5 KB" (1024-based,
    as the app's limits are)."""
    locale = QLocale()
    text = locale.formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
    return text.replace(f"{locale.decimalPoint()}0 ", " ")  # "17 MB", not "17.0 MB"


def number(value: float, decimals: int = 0) -> str:
    """``value`` with the locale's digit grouping and decimal sign."""
    locale = QLocale()
    if decimals == 0:
        return locale.toString(round(value))
    return locale.toString(float(value), "f", decimals)

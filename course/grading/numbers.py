"""How points are written, in results, reasons and pages: 57.5, 60, 0.25 (no trailing zeros)."""

from __future__ import annotations

from decimal import Decimal

from ..content.ui import DECIMAL


def number(value: Decimal | int | float, lang: str = "en") -> str:
    """A score as text, exactly and without trailing zeros or exponents: 57.5, 60, 0.25 (French: 57,5)."""
    value = value if isinstance(value, Decimal) else Decimal(str(value))
    text = str(value)
    if "E" in text:             # str() writes a very small or large number with an exponent: 1E-7
        text = format(value, "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text if lang == "en" else text.replace(".", DECIMAL[lang])

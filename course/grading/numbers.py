"""How points are written, in results, reasons and pages: 57.5, 60, 0.25 (no trailing zeros)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..content.ui import DECIMAL


@lru_cache(maxsize=4096)        # scores take few values, and every one written passes here
def number(value: Decimal | int | float, lang: str = "en") -> str:
    """A score as text, exactly and without trailing zeros or exponents: 57.5, 60, 0.25 (French: 57,5)."""
    text = format(value if isinstance(value, Decimal) else Decimal(str(value)), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text if lang == "en" else text.replace(".", DECIMAL[lang])

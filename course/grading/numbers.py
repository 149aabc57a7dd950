"""How points are written, in results, reasons and pages: 57.5, 60, 0.25 (no trailing zeros)."""

from __future__ import annotations

from decimal import Decimal


class _NumberTexts(dict):
    """Score -> its text, remembered: scores take few distinct values and this runs for every cell written."""

    def __missing__(self, value):
        d = value if isinstance(value, (Decimal, int)) else Decimal(str(value))
        text = str(d)
        if "E" in text or "e" in text:         # str() uses exponents for very small or normalised values
            text = format(d, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if len(self) < 4096:
            self[value] = text
        return text


# number(score) -> text without trailing zeros: 57.5, 60, 0.25. A dict look-up: no Python frame per cell.
number = _NumberTexts().__getitem__

"""A score sheet file as rows of cells: CSV as spreadsheets save it, or an .xlsx / .ods workbook.

Nothing is guessed that could change a name or a score. The encoding of a CSV is UTF-8 (with or
without a byte-order mark), the one the tutor names (`--encoding`), or one that charset-normalizer
finds and that every equally likely reading agrees with; otherwise the file is refused with the
readings side by side. A quote that is never closed is an error naming where it opens. Workbook
cells keep their types (a number is a number, a date is a date) and are read by python-calamine.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError

WORKBOOKS = (".xlsx", ".ods")
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
# Bytes that only UTF-8 produces: a lead byte followed by the right number of continuation bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_SURROGATE = re.compile("[\udc80-\udcff]")      # a byte the encoding could not read (surrogateescape)
_SEP_LINE = re.compile(r"\Asep=(.)\r?\n?", re.IGNORECASE)


@dataclass
class Table:
    """The rows of one sheet. `rows` yields (row number as the spreadsheet shows it, cells)."""

    name: str                   # how messages name it: scores.csv, or scores.xlsx:Sheet1
    read_as: str                # for the summary: "UTF-8, comma-separated" or "sheet Sheet1"
    rows: Iterator[tuple[int, list]]
    problems: list[tuple[int, int | None, str]]     # (row, cell index or None, message), found while reading
    encoding: str = ""          # a CSV file's
    unreadable: bool = False    # some bytes of a CSV file are not in its encoding (see bad_bytes)
    cut_short: bool = False     # a CSV file that does not end with a line break


def open_table(path: Path, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None) -> Table:
    """Open a CSV file or a workbook; CourseError if it cannot be read at all."""
    path = Path(path)
    if path.is_dir():
        raise CourseError(f"{path}: is a folder; give the score sheet file (.csv, .xlsx or .ods)")
    if path.suffix.lower() in WORKBOOKS:
        if encoding or delimiter:
            raise CourseError(f"{path}: --encoding and --delimiter are for CSV files; a workbook says its own")
        return _workbook(path, sheet)
    if sheet is not None:
        raise CourseError(f"{path}: --sheet is for .xlsx and .ods workbooks; a CSV file has one sheet")
    if path.suffix.lower() in (".xls", ".xlsm", ".xlsb", ".numbers"):
        raise CourseError(f"{path}: save the sheet as .xlsx, .ods or \"CSV UTF-8\"; {path.suffix} is not read")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CourseError(f"{path}: cannot read: {exc.strerror}") from None
    if data[:4] == b"PK\x03\x04":
        raise CourseError(f"{path}: is a workbook (a zip file), not CSV text; name it .xlsx or .ods, or save it "
                          "as \"CSV UTF-8\"")
    return _csv(path, data, encoding, delimiter)


# --- CSV ---------------------------------------------------------------------------------------------------

def _csv(path: Path, data: bytes, encoding: str | None, delimiter: str | None) -> Table:
    text, encoding_name = decode(path, data, encoding)
    first_row = 1
    sep = _SEP_LINE.match(text)
    if sep:     # Excel's own hint: the separator, on a line of its own that is not a row
        text = text[sep.end():]
        delimiter = delimiter or sep.group(1)
    if delimiter is None:
        delimiter = _sniff(text.split("\n", 1)[0])
    if len(delimiter) != 1:
        raise CourseError(f"{path}: --delimiter must be one character, e.g. ';' or 'tab'")
    separated = DELIMITERS.get(delimiter, repr(delimiter))
    read_as = f"{encoding_name}, {separated}-separated" + (" (from its sep= line)" if sep else "")
    problems: list[tuple[int, int | None, str]] = []
    return Table(str(path), read_as, _csv_rows(text, delimiter, first_row, problems), problems,
                 encoding=encoding_name, unreadable=bool(_SURROGATE.search(text)),
                 cut_short=bool(text) and not text.endswith(("\n", "\r")))


def decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding. Bytes the encoding cannot read stay in the
    text as lone surrogates, so the cell they are in can be named (see bad_bytes)."""
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise CourseError(f"{path}: --encoding {encoding!r} is not an encoding Python knows "
                              "(e.g. utf-8, cp1252, cp1250, mac-roman)") from None
        name = "UTF-8" if codec.name == "utf-8" else codec.name
        return data.decode(codec.name, errors="surrogateescape").removeprefix("\ufeff"), name
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="surrogateescape"), "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):     # Excel's "Unicode text"
        try:
            return data.decode("utf-16").removeprefix("\ufeff"), "UTF-16"
        except UnicodeDecodeError:
            raise CourseError(f"{path}: starts like UTF-16 text but is not; save it as \"CSV UTF-8\"") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(data):
        # UTF-8 with some rows from elsewhere: the cells with unreadable bytes are reported one by one.
        return data.decode("utf-8", errors="surrogateescape"), "UTF-8"
    return _detected(path, data)


def _detected(path: Path, data: bytes) -> tuple[str, str]:
    """A legacy 8-bit encoding, accepted only when every equally likely reading gives the same text."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if matches:
        least = min(m.chaos for m in matches)
        readings: dict[str, list[str]] = {}
        for m in matches:
            if m.chaos <= least:
                readings.setdefault(str(m), []).append(m.encoding)
        if len(readings) == 1:
            (text, encodings), = readings.items()
            return text.removeprefix("\ufeff"), _preferred(encodings)
    sample = _differing_line(data, ["cp1252", "cp1250", "mac_roman"])
    raise CourseError(
        f"{path}: is not UTF-8, and which encoding it is cannot be told for sure; names would come out "
        f"differently. {sample}Save the sheet as \"CSV UTF-8\", or run again with the encoding that shows "
        "the names correctly, e.g. --encoding cp1252 (Windows, Western Europe), --encoding cp1250 (Windows, "
        "Central Europe) or --encoding mac-roman (Excel for Mac's \"CSV (Macintosh)\").")


def _preferred(encodings: list[str]) -> str:
    """Of encodings that read the file alike, the one a tutor knows by name."""
    for known in ("cp1252", "cp1250", "mac_roman", "cp1251", "iso8859_15", "latin_1"):
        if known in encodings:
            return known
    return encodings[0]


def _differing_line(data: bytes, encodings: list[str]) -> str:
    """The first line that reads differently in the given encodings, as each reads it."""
    for number, line in enumerate(re.split(rb"\r\n|\r|\n", data), start=1):
        if max(line, default=0) < 0x80:
            continue
        readings = {enc: line.decode(enc, errors="replace") for enc in encodings}
        if len(set(readings.values())) > 1:
            shown = "; ".join(f"{enc}: {text!r}" for enc, text in readings.items())
            return f"Line {number} reads as {shown}. "
    return ""


def _sniff(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(text: str, delimiter: str, first_row: int, problems) -> Iterator[tuple[int, list]]:
    """Every record with its row number; an unclosed quote or a stray one is a problem, not a repair."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    row, line = first_row - 1, 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start = _line(text, line + 1)
            cell = _quoted_cell(start, delimiter)
            if "unexpected end of data" in str(exc):
                problems.append((row, cell, "a quote opens in this cell and is never closed, so every row after "
                                            "it would be read into this cell; close the quote or remove it"))
                return
            problems.append((row, cell, "a quote ends in the middle of the cell (a cell that starts with a quote "
                                        "must end with one; write a quote inside a cell as two: \"\")"))
            line = reader.line_num
            continue
        line = reader.line_num
        yield row, cells


def _line(text: str, number: int) -> str:
    """Line `number` (1-based) of the text, however lines end."""
    lines = re.split(r"\r\n|\r|\n", text, maxsplit=number)
    return lines[number - 1] if len(lines) >= number else ""


def _quoted_cell(line: str, delimiter: str) -> int | None:
    """The index of the cell where a bad quote sits: the first that starts with a quote and does not end
    with one (cells split naively: enough to point at it)."""
    for i, raw in enumerate(line.split(delimiter)):
        raw = raw.strip()
        if raw.startswith('"') and (len(raw) == 1 or not raw.endswith('"')):
            return i
    return None


def bad_bytes(text: str) -> str | None:
    """The bytes in a cell that the encoding could not read, as text for a message (None if all were read)."""
    found = _SURROGATE.findall(text)
    return " ".join(f"0x{ord(c) - 0xDC00:02X}" for c in found[:3]) if found else None


# --- Workbooks ---------------------------------------------------------------------------------------------

def _workbook(path: Path, sheet: str | None) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise CourseError(f"{path}: cannot be read as a {path.suffix} workbook ({exc})") from None
    names = book.sheet_names
    if not names:
        raise CourseError(f"{path}: the workbook has no sheet")
    name = sheet if sheet is not None else names[0]
    if name not in names:
        raise CourseError(f"{path}: no sheet named {name!r} (the sheets are: {', '.join(names)})")
    data = book.get_sheet_by_name(name)
    first_row = data.start[0] + 1 if data.height else 1
    rows = ((first_row + i, list(cells)) for i, cells in enumerate(data.iter_rows()))
    return Table(f"{path}:{name}", f"sheet {name}", rows, [])

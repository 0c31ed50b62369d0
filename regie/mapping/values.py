"""Parsing of typed cell values: Dutch amounts, dates and 1–5 scales (docs/inventaris.md, section 6).

Each parser returns the value, or None when the cell cannot be read (the caller reports it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from regie import vocabulary as voc
from regie.normalise import cell_text, fold, is_empty_text

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_AMOUNT_CLEAN = re.compile(r"[€\s\u00a0]|eur(o)?", re.IGNORECASE)
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DUTCH_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$")
_ENGLISH_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$")


def parse_amount(value: object) -> float | None:
    """``€ 1.250.000,50`` → 1250000.5; ``1,250.50`` and ``12.000,-`` too; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = _AMOUNT_CLEAN.sub("", cell_text(value))
    if text.endswith(",-") or text.endswith(".-"):
        text = text[:-2]
    if not text:
        return None
    if _DUTCH_NUMBER.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _ENGLISH_NUMBER.match(text):
        return float(text.replace(",", ""))
    return None


def parse_date(value: object) -> dt.date | None:
    """Excel dates, Excel serial numbers, ISO and d-m-jjjj (``-``, ``/`` or ``.``); None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return None
    text = cell_text(value).strip()
    try:
        m = _DATE_ISO.match(text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _DATE_DMY.match(text)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    if text.isdigit():
        return parse_date(int(text))
    return None


def parse_scale(value: object, words: Mapping[str, int] = voc.SCALE_WORDS) -> int | None:
    """A 1–5 score: a number 1–5, or one of ``words`` (invloed, belang: laag/middel/hoog = 1/3/5);
    None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() and 1 <= value <= 5 else None
    text = fold(cell_text(value)).strip()
    if text.isdigit() and 1 <= int(text) <= 5:
        return int(text)
    return words.get(text)


def parse_level(value: object) -> int | None:
    """A team member's level: 1–5, or a word (basis = 2, gevorderd = 4, expert = 5…); None otherwise."""
    return parse_scale(value, voc.LEVEL_WORDS)


def present(value: object) -> bool:
    """True when a cell holds something (not blank, punctuation or an empty-like word)."""
    if value is None:
        return False
    if isinstance(value, str):
        return not is_empty_text(value)
    return not (isinstance(value, float) and value != value)

"""File names for downloads and the CLI: ``<inventory>-<kind>-<date>.<ext>``, safe on every system."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


def export_name(source: str, kind: str, extension: str, moment: dt.date | None = None) -> str:
    """``inventaris-rapport-23-11-2026.pptx`` for ``inventaris.xlsx``; only letters, digits, ``._-``."""
    day = moment or dt.date.today()
    stem = _UNSAFE.sub("-", PurePath(source or "inventaris").stem).strip("-._") or "inventaris"
    return f"{stem[:60]}-{kind}-{day.day:02d}-{day.month:02d}-{day.year}.{extension}"

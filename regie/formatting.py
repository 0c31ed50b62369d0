"""Dutch number, percentage and date formats: one formatter for the UI, the CLI and the exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def nl_int(n: int | float) -> str:
    """A whole number with Dutch thousands marks: ``12345`` → ``12.345``."""
    return f"{round(n):,}".replace(",", ".")


def nl_number(x: float, decimals: int = 1) -> str:
    """A number with Dutch marks: ``1234.5`` → ``1.234,5``."""
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def nl_percent(share: float, decimals: int = 0) -> str:
    """A share (0–1) as a Dutch percentage: ``0.375`` → ``38%``."""
    return f"{nl_number(share * 100, decimals)}%"


def nl_money(x: float) -> str:
    """An amount in euros: ``1250000.5`` → ``€ 1.250.000,50``."""
    return f"€ {nl_number(x, 2)}"


_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def nl_date(day: dt.date | dt.datetime, long: bool = False) -> str:
    """A date the Dutch way: ``23-11-2026`` or, long, ``23 november 2026``."""
    if long:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def nl_datetime(moment: dt.datetime) -> str:
    """A moment the Dutch way: ``23-11-2026 14:05``."""
    return f"{nl_date(moment)} {moment.hour:02d}:{moment.minute:02d}"


def nl_count(n: int, singular: str, plural: str) -> str:
    """A count with its noun: ``1 project``, ``12 projecten``, ``1.200 projecten``."""
    return f"{nl_int(n)} {singular if n == 1 else plural}"


def nl_join(items: Sequence[str]) -> str:
    """Items the Dutch way: ``a``, ``a en b``, ``a, b en c`` (``""`` for none)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def nl_clauses(counted: Sequence[tuple[int, str]]) -> str:
    """Counted clauses joined the Dutch way, leaving out every clause whose count is 0:
    ``[(3, "{n} zonder rol"), (0, "{n} met één rol")]`` → ``3 zonder rol``. ``{n}`` is the count."""
    return nl_join([text.format(n=nl_int(n)) for n, text in counted if n])

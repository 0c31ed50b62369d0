"""Making user text safe for the files we write: no formulas, no characters XML cannot hold.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, after a paste, tab or
carriage return) as a formula (OWASP "CSV/formula injection"). The Excel export writes such cells
as text with Excel's quote prefix (:mod:`.xlsx`); the chart workbooks inside a PowerPoint deck are
written by python-pptx through xlsxwriter, which turns a string starting with ``=`` (or ``{=…}``)
into a formula and one starting with ``http://``/``mailto:`` into a link, so labels for charts get
a leading apostrophe (:func:`chart_label`). XML 1.0 cannot hold most control characters at all;
:func:`xml_text` removes them.
"""

from __future__ import annotations

import re

FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet cell a formula (OWASP)."""

_XLSXWRITER_SPECIAL = re.compile(r"^(?:\{=|(?:ftp|http)s?://|mailto:|(?:in|ex)ternal:|file://)", re.IGNORECASE)
"""What xlsxwriter's ``write()`` would turn into an array formula or a hyperlink."""

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (tab, line feed and carriage return are allowed)."""


def starts_like_formula(text: str) -> bool:
    """True when a spreadsheet would treat ``text`` as a formula."""
    return text.startswith(FORMULA_START)


def xml_text(value: object) -> str:
    """``value`` as text without the control characters XML cannot hold."""
    return XML_ILLEGAL.sub("", "" if value is None else str(value))


def chart_label(value: object) -> str:
    """A label for a native chart (category or series name), safe in its embedded workbook.

    Text that a spreadsheet would run as a formula or a link gets a leading apostrophe (visible,
    as OWASP advises), tabs and line breaks become spaces and XML-illegal characters go.
    """
    text = xml_text(value)
    if starts_like_formula(text) or _XLSXWRITER_SPECIAL.match(text):
        text = "'" + text
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

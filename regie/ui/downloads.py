"""Download buttons for the exports (PowerPoint, HTML report, enriched Excel) and a chart's PNG.

The files are made only when the user clicks (``data`` is a callable), and a click does not rerun
the page (``on_click="ignore"``), so the page keeps its state. The inventory passed is the one the
page shows: filtered, and name-hidden when "Namen verbergen" is on.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from regie.charts.theme import Chart
from regie.export import html, png, pptx, xlsx
from regie.ui import state
from regie.ui.state import View

MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _guarded(make: Callable[[], bytes], what: str) -> Callable[[], bytes]:
    """``make`` that never shows a traceback: on an error the download holds a Dutch explanation."""
    def run() -> bytes:
        try:
            return make()
        except Exception:  # never a traceback for the user
            return (f"Het maken van {what} is mislukt. Probeer het opnieuw of meld het bij de beheerder."
                    ).encode()
    return run


def export_buttons(view: View, key: str) -> None:
    """Three buttons: the presentation (.pptx), the HTML report and the enriched inventory (.xlsx)."""
    inv, filters, hidden = view.inventory, view.filters, state.names_hidden()
    columns = st.columns(3)
    columns[0].download_button(
        "PowerPoint (bewerkbare grafieken)",
        _guarded(lambda: pptx.deck_bytes(inv, filters, names_hidden=hidden), "de presentatie"),
        file_name=pptx.file_name(inv), mime=MIME_PPTX, key=f"{key}_pptx", on_click="ignore",
        icon=":material/slideshow:",
        help="Een presentatie met een dia per grafiek; de grafieken zijn te bewerken in PowerPoint en LibreOffice.",
    )
    columns[1].download_button(
        "HTML-rapport (werkt offline)",
        _guarded(lambda: html.report_bytes(inv, filters, names_hidden=hidden), "het rapport"),
        file_name=html.file_name(inv), mime="text/html", key=f"{key}_html", on_click="ignore",
        icon=":material/description:",
        help="Eén bestand met alle grafieken (interactief) en hun tabellen, om te mailen.",
    )
    columns[2].download_button(
        "Verrijkte inventaris (Excel)",
        _guarded(lambda: xlsx.workbook_bytes(inv, filters, names_hidden=hidden), "de Excel-export"),
        file_name=xlsx.file_name(inv), mime=MIME_XLSX, key=f"{key}_xlsx", on_click="ignore",
        icon=":material/table_view:",
        help="De inventaris met fase, element en rol per fase en hun uitleg, de meldingen en een toelichting; "
        "weer in te lezen met dezelfde analyse.",
    )


def png_button(chart: Chart, key: str) -> None:
    """A "PNG" download of the chart, only when pictures can be made here (kaleido and Chromium)."""
    if not png.png_available():
        return
    st.download_button(
        "PNG", _guarded(lambda: png.chart_png(chart) or b"", "de afbeelding"),
        file_name=f"{key}.png", mime="image/png", key=f"{key}_png", on_click="ignore",
        icon=":material/image:", help="Deze grafiek als afbeelding (PNG) downloaden.",
    )


"""Export buttons (PowerPoint, HTML report, enriched Excel) and a chart's PNG.

An export is made when the user asks for it ("… maken"): on success the page offers the file
("… downloaden"), kept in the session's memo for this view; on failure the page says so in Dutch
and nothing broken is downloaded. The inventory exported is the one the page shows: filtered, and
name-hidden when "Namen verbergen" is on.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from regie.charts.theme import Chart
from regie.errors import ExportError, RegieError
from regie.export import html, png, pptx, xlsx
from regie.ui.memo import session_memo
from regie.ui.state import View
from regie.ui.widgets import show_error

log = logging.getLogger(__name__)

MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class _Export:
    kind: str
    label: str
    what: str
    mime: str
    icon: str
    help: str
    make: Callable[[View], bytes]
    file_name: Callable[[View], str]


EXPORTS: tuple[_Export, ...] = (
    _Export(
        "pptx", "PowerPoint (bewerkbare grafieken)", "de presentatie", MIME_PPTX, ":material/slideshow:",
        "Een presentatie met een dia per grafiek; de grafieken zijn te bewerken in PowerPoint en LibreOffice.",
        lambda v: pptx.deck_bytes(v.inventory, v.filters, names_hidden=v.names_hidden),
        lambda v: pptx.file_name(v.inventory),
    ),
    _Export(
        "html", "HTML-rapport (werkt offline)", "het rapport", "text/html", ":material/description:",
        "Eén bestand met alle grafieken (interactief) en hun tabellen, om te mailen.",
        lambda v: html.report_bytes(v.inventory, v.filters, names_hidden=v.names_hidden),
        lambda v: html.file_name(v.inventory),
    ),
    _Export(
        "xlsx", "Verrijkte inventaris (Excel)", "de Excel-export", MIME_XLSX, ":material/table_view:",
        "De inventaris met fase, element en rol per fase en hun uitleg, de meldingen en een toelichting; "
        "weer in te lezen met dezelfde analyse.",
        lambda v: xlsx.workbook_bytes(v.inventory, v.filters, names_hidden=v.names_hidden),
        lambda v: xlsx.file_name(v.inventory),
    ),
)


def make_export(make: Callable[[], bytes], what: str) -> bytes:
    """``make()``, or an :class:`ExportError` with a Dutch sentence (the cause goes to the log)."""
    try:
        data = make()
    except RegieError:
        raise
    except Exception as exc:
        log.exception("export failed: %s", what)
        raise ExportError(
            f"Het maken van {what} is mislukt. Probeer het opnieuw; blijft het misgaan, meld het dan bij de "
            "beheerder. Er is niets gedownload."
        ) from exc
    if not data:
        raise ExportError(f"Het maken van {what} gaf een leeg bestand; er is niets gedownload. Probeer het opnieuw.")
    return data


def offer_file(
    *, namespace: str, memo_key: tuple[object, ...], label: str, what: str, make: Callable[[], bytes],
    file_name: str, mime: str, key: str, icon: str, help: str, download_label: str,
) -> None:
    """A "maken" button; once the file is made (kept for ``memo_key``), its download button. A failure
    is shown here in Dutch and nothing is offered."""
    memo = session_memo()
    if st.button(label, key=f"{key}_maken", icon=icon, help=help, width="stretch"):
        try:
            with st.spinner(f"{what[0].upper()}{what[1:]} maken…"):
                data = make_export(make, what)
        except RegieError as exc:
            show_error(str(exc))
            return
        memo.forget(namespace)
        memo.get(namespace, memo_key, lambda: data)
    made = memo.peek(namespace, memo_key)
    if isinstance(made, bytes):
        st.download_button(
            download_label, made, file_name=file_name, mime=mime, key=key, on_click="ignore",
            icon=":material/download:", type="primary", width="stretch",
        )


def export_buttons(view: View, key: str) -> None:
    """Per export a "maken" button; once made, its download button (for this view)."""
    columns = st.columns(len(EXPORTS))
    for column, export in zip(columns, EXPORTS, strict=True):
        with column:
            offer_file(
                namespace=f"export_{export.kind}", memo_key=(export.kind, *view.key),
                label=f"{export.label} maken", what=export.what, make=functools.partial(export.make, view),
                file_name=export.file_name(view), mime=export.mime, key=f"{key}_{export.kind}", icon=export.icon,
                help=export.help, download_label=f"{export.label.split(' (')[0]} downloaden",
            )


def png_button(chart: Chart, key: str) -> None:
    """"PNG maken", then the chart as a picture, only when pictures can be made here (kaleido and Chromium)."""
    if not png.png_available():
        return

    def make() -> bytes:
        data = png.chart_png(chart)
        if not data:
            raise ExportError("De afbeelding kon niet worden gemaakt (de browser voor afbeeldingen antwoordde niet). "
                              "Probeer het opnieuw, of gebruik de PowerPoint of het HTML-rapport.")
        return data

    offer_file(
        namespace="export_png", memo_key=(key, chart.fingerprint), label="PNG maken",
        what="de afbeelding", make=make, file_name=f"{key}.png", mime="image/png", key=f"{key}_png",
        icon=":material/image:", help="Deze grafiek als afbeelding (PNG).", download_label="PNG downloaden",
    )

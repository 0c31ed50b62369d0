"""The presentation as one self-contained HTML report that works offline.

One file to e-mail to a raad or college: the title, the date, the active filters, then every view
of :mod:`regie.charts.presentation` with its explanation, its interactive plotly chart, the chart's data as
a table and the definition of what is counted, plus MOVISIE's Schema 3. plotly.js is inlined once
(in the first chart); nothing is loaded from the internet: no external script, stylesheet, font
or image.

All user text is escaped: table cells and headings with :func:`html.escape`, chart labels by the
charts themselves (:func:`regie.charts.theme.safe_label`) and plotly's JSON encoder, which writes
``<``, ``>`` and ``/`` as ``\\u003c``, ``\\u003e`` and ``\\u002f`` inside the script.
"""

from __future__ import annotations

import datetime as dt
import html
import math

import pandas as pd
import plotly.io as pio

from regie import vocabulary as voc
from regie.analysis.filters import Filters, describe
from regie.charts import presentation as pres
from regie.charts.headline import Headline
from regie.charts.theme import Chart
from regie.export.names import export_name
from regie.export.safe import xml_text
from regie.formatting import nl_date, nl_datetime, nl_int, nl_number
from regie.model import Inventory
from regie.vocabulary import schemas

PLOTLY_CONFIG: dict[str, object] = {
    "displaylogo": False, "responsive": True,
    "modeBarButtonsToRemove": ["sendDataToCloud", "select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
DEFAULT_HEIGHT = 520

STYLE = """
:root { --tekst: #1A1A1A; --grijs: #555555; --lijn: #D0D7DE; --accent: #0072B2; --vlak: #F2F7FB; }
* { box-sizing: border-box; }
body { font-family: "Source Sans Pro", Arial, Helvetica, sans-serif; color: var(--tekst); margin: 0;
       line-height: 1.45; font-size: 17px; background: #FFFFFF; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 32px; border-bottom: 4px solid var(--accent); padding-bottom: 16px; }
h1 { font-size: 2rem; margin: 0 0 8px; }
h2 { font-size: 1.5rem; margin: 0 0 6px; }
p.meta, p.sub { color: var(--grijs); margin: 2px 0; }
nav ol { columns: 2; padding-left: 1.2em; }
nav a, footer a { color: var(--accent); }
section { padding: 28px 0 20px; border-bottom: 1px solid var(--lijn); break-inside: avoid-page; }
.uitleg { font-size: 1.05rem; margin: 4px 0 2px; }
.grafiek { width: 100%; min-height: 360px; }
.melding { background: var(--vlak); border-left: 4px solid var(--accent); padding: 12px 16px; }
.definitie { color: var(--grijs); font-size: 0.95rem; }
.hulpmiddel { font-size: 0.95rem; border-left: 4px solid var(--grijs); padding: 4px 12px; }
.hulpmiddel::before { content: "ⓘ "; }
.kerncijfers { display: flex; flex-wrap: wrap; gap: 12px; padding: 0; margin: 16px 0; list-style: none; }
.kerncijfers li { background: var(--vlak); border: 1px solid var(--accent); border-radius: 4px;
                  padding: 10px 16px; min-width: 130px; text-align: center; }
.kerncijfers .getal { display: block; font-size: 1.8rem; font-weight: 700; }
.kerncijfers .label { color: var(--grijs); }
details { margin: 12px 0; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.tabel { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.95rem; }
caption { text-align: left; color: var(--grijs); padding-bottom: 4px; }
th, td { border: 1px solid var(--lijn); padding: 4px 10px; text-align: left; vertical-align: top;
         white-space: pre-wrap; }
th { background: var(--vlak); }
td.getal { text-align: right; font-variant-numeric: tabular-nums; }
footer { color: var(--grijs); font-size: 0.9rem; padding: 16px 24px 40px; }
@media print { nav, summary { display: none; } details { display: block; } .grafiek { break-inside: avoid; } }
"""


def _e(value: object) -> str:
    """User or vocabulary text, escaped for HTML (quotes included) and without XML-illegal characters."""
    return html.escape(xml_text(value), quote=True)


def _cell(value: object) -> tuple[str, bool]:
    """A table cell as Dutch text, and whether it is a number (right-aligned)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "", False
    if isinstance(value, bool):
        return ("ja" if value else "nee"), False
    if isinstance(value, int):
        return nl_int(value), True
    if isinstance(value, float):
        return (nl_int(value) if value.is_integer() else nl_number(value, 2)), True
    if isinstance(value, dt.date | dt.datetime | pd.Timestamp):
        return nl_date(value), False
    if isinstance(value, str):
        return value, False
    try:  # numpy integers and floats
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value), False
    return (nl_int(number) if number.is_integer() else nl_number(number, 2)), True


def table_html(table: pd.DataFrame, caption: str) -> str:
    """A DataFrame as an accessible, escaped HTML table."""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in table.columns)
    rows = []
    for row in table.itertuples(index=False, name=None):
        cells = []
        for value in row:
            text, numeric = _cell(value)
            cells.append(f'<td class="getal">{_e(text)}</td>' if numeric else f"<td>{_e(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="tabel"><table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _figure_html(chart: Chart, key: str, first: bool) -> str:
    figure = chart.figure
    height = figure.layout.height or DEFAULT_HEIGHT
    return pio.to_html(
        figure, config=PLOTLY_CONFIG, include_plotlyjs=first, include_mathjax=False, full_html=False,
        div_id=f"grafiek-{key}", default_height=f"{int(height)}px", validate=False,
    )


def _headline_html(numbers: list[Headline]) -> str:
    items = "".join(
        f'<li title="{_e(n.help)}"><span class="getal">{_e(n.value)}</span><span class="label">{_e(n.label)}</span></li>'
        for n in numbers
    )
    return f'<ul class="kerncijfers" aria-label="Kerncijfers">{items}</ul>'


def _section(shown: pres.Shown, inv: Inventory, subtitle: str, first_chart: bool) -> str:
    view = shown.view
    parts = [
        f'<section id="{_e(view.key)}" aria-labelledby="kop-{_e(view.key)}">',
        f'<h2 id="kop-{_e(view.key)}">{_e(view.title)}</h2>',
        f'<p class="uitleg">{_e(view.explanation)}</p>',
        f'<p class="sub">{_e(subtitle)}</p>',
    ]
    if shown.chart is None:
        parts.append(f'<p class="melding" role="note">{_e(shown.message)}</p>')
    else:
        chart = shown.chart
        numbers = chart.extra.get("kerncijfers")
        if isinstance(numbers, list) and numbers:
            parts.append(_headline_html(numbers))
        parts.append(f'<div class="grafiek" role="img" aria-label="{_e(chart.title)}">'
                     f"{_figure_html(chart, view.key, first_chart)}</div>")
        parts.append('<details open><summary>Tabel bij de grafiek</summary>'
                     f"{table_html(chart.table, chart.title)}</details>")
        parts.append(f'<p class="definitie"><strong>Definitie:</strong> {_e(chart.notes)}</p>')
        if chart.source:
            parts.append(f'<p class="definitie">{_e(chart.source)}</p>')
        if chart.marker:
            parts.append(f'<p class="hulpmiddel" role="note">{_e(chart.marker)}</p>')
        if view.appendix is not None:
            extra = view.appendix(inv)
            parts.append(f'<h3>{_e(extra.title)}</h3><p class="uitleg">{_e(extra.description)}</p>')
            parts.append(table_html(extra.table, extra.title))
            parts.append(f'<p class="definitie">{_e(extra.notes)} {_e(extra.source)}</p>')
            parts.append(f'<p class="hulpmiddel" role="note">{_e(extra.marker)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _schema3_section() -> str:
    return "\n".join([
        '<section id="schema3" aria-labelledby="kop-schema3">',
        f'<h2 id="kop-schema3">{_e(voc.SCHEMA_TITLES[3])}</h2>',
        f'<p class="uitleg">{_e(voc.sources.SCHEMA3_EXAMPLE)}</p>',
        table_html(schemas.schema3_table(), voc.SCHEMA_TITLES[3]),
        f'<p class="definitie">Bron: {_e(voc.schema_source(3))}</p>',
        f'<p class="hulpmiddel" role="note">{_e(voc.READINGS["schema3_for_all"].note)}</p>',
        "</section>",
    ])


def report_html(
    inv: Inventory, filters: Filters | None = None, *, names_hidden: bool = False, title: str | None = None,
    moment: dt.datetime | None = None,
) -> str:
    """The report as one HTML document (see the module docstring)."""
    filters = filters or Filters()
    moment = moment or dt.datetime.now()
    subtitle = pres.subtitle(filters, inv.file)
    heading = title or f"Regierol per fase — {inv.file}"
    shown = pres.show_all(inv, subtitle)
    sections = []
    first = True
    for item in shown:
        if item.view.key == "vaardigheden":
            sections.append(_schema3_section())
        sections.append(_section(item, inv, subtitle, first and item.chart is not None))
        first = first and item.chart is None
    toc = "".join(
        f'<li><a href="#{_e(item.view.key)}">{_e(item.view.title)}</a></li>' for item in shown
    ) + f'<li><a href="#schema3">{_e(voc.SCHEMA_TITLES[3])}</a></li>'
    meta = [
        f"Gemaakt op {_e(nl_date(moment, long=True))}",
        f"Selectie: {_e(describe(filters))}",
        f"Inventaris: {_e(inv.file)}",
    ]
    if names_hidden:
        meta.append("Namen van partners en personen zijn verborgen.")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Regierol per fase">',
        f"<title>{_e(heading)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(heading)}</h1>",
        *(f'<p class="meta">{line}</p>' for line in meta),
        "</header>",
        "<main>",
        f'<nav aria-label="Inhoud"><h2>Inhoud</h2><ol>{toc}</ol></nav>',
        *sections,
        "</main>",
        f"<footer>Gemaakt met Regierol per fase op {_e(nl_datetime(moment))}, naar {_e(voc.MOVISIE_SOURCE)}. "
        "Dit bestand werkt zonder internet; de grafieken zijn interactief (aanwijzen, in- en uitzoomen).</footer>",
        "</body>",
        "</html>",
    ])


def report_bytes(
    inv: Inventory, filters: Filters | None = None, *, names_hidden: bool = False, title: str | None = None,
    moment: dt.datetime | None = None,
) -> bytes:
    """The report as UTF-8 bytes (for downloads and the CLI)."""
    return report_html(inv, filters, names_hidden=names_hidden, title=title, moment=moment).encode("utf-8")


def file_name(inv: Inventory, moment: dt.date | None = None) -> str:
    """A download name: ``<stem>-rapport-23-11-2026.html``."""
    return export_name(inv.file, "rapport", "html", moment)

"""The presentation as a PowerPoint deck with native, editable charts (python-pptx).

One title slide (the inventory's name, the date in Dutch, the active filters), then one slide per
view of :mod:`regie.charts.presentation`, with MOVISIE's Schema 3 as a native table before the skills.
Every chart is a real PowerPoint chart (right-click → "Gegevens bewerken" in PowerPoint, or edit in
LibreOffice Impress), drawn in the app's colour-blind-safe palette with a fill pattern per series
and the numbers on the bars, so colour never carries meaning alone. Every chart slide has speaker
notes with the explanation, the definition of what is counted and the source.

User text (category and series names) passes :func:`regie.export.safe.chart_label`: python-pptx
writes the chart data into an embedded workbook with xlsxwriter, which would turn ``=...`` into a
formula; such labels get a leading apostrophe. The caller passes the inventory as the user sees it:
filtered, and with names hidden when "Namen verbergen" is on.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_PATTERN
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from regie import vocabulary as voc
from regie.analysis.filters import Filters, describe
from regie.charts import presentation as pres
from regie.charts.headline import Headline
from regie.charts.native import CLUSTERED, NativeChart
from regie.charts.theme import PALETTE, ink
from regie.export.names import export_name
from regie.export.safe import chart_label, xml_text
from regie.formatting import nl_date
from regie.model import Inventory
from regie.vocabulary import schemas

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
"""16:9 slides."""
MARGIN = Inches(0.5)
TEXT_COLOUR = RGBColor(0x1A, 0x1A, 0x1A)
MUTED_COLOUR = RGBColor(0x55, 0x55, 0x55)
ACCENT = PALETTE["blauw"]
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5
SCHEMA3_BEFORE = "vaardigheden"
"""The Schema 3 slide comes right before this view."""

PATTERNS: dict[str, MSO_PATTERN] = {
    "/": MSO_PATTERN.WIDE_UPWARD_DIAGONAL,
    "\\": MSO_PATTERN.WIDE_DOWNWARD_DIAGONAL,
    "x": MSO_PATTERN.DIAGONAL_CROSS,
    ".": MSO_PATTERN.PERCENT_20,
    "-": MSO_PATTERN.HORIZONTAL,
    "|": MSO_PATTERN.VERTICAL,
    "+": MSO_PATTERN.CROSS,
}
"""Plotly's pattern shapes (regie.charts.theme) as PowerPoint fill patterns. LibreOffice draws the
"dark" presets (dkHorz, dkVert) almost white, so the plain ones are used."""

_CHART_TYPES = {
    (CLUSTERED, True): XL_CHART_TYPE.BAR_CLUSTERED,
    (CLUSTERED, False): XL_CHART_TYPE.COLUMN_CLUSTERED,
    ("stacked", True): XL_CHART_TYPE.BAR_STACKED,
    ("stacked", False): XL_CHART_TYPE.COLUMN_STACKED,
}


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _paragraph(frame, text: str, size: int, *, bold: bool = False, colour: RGBColor = TEXT_COLOUR,
               first: bool = False, align: PP_ALIGN | None = None) -> None:
    """Add a paragraph of plain text (one run) to a text frame."""
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run()
    run.text = xml_text(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour
    run.font.language_id = MSO_LANGUAGE_ID.DUTCH


def _text_box(slide: Slide, left: int, top: int, width: int, height: int, lines: list[tuple[str, int, bool]],
              colour: RGBColor = TEXT_COLOUR, align: PP_ALIGN | None = None) -> None:
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    for i, (text, size, bold) in enumerate(lines):
        _paragraph(frame, text, size, bold=bold, colour=colour, first=i == 0, align=align)


def _title(slide: Slide, text: str, size: int = 32) -> None:
    """Fill and place the slide's title placeholder (kept a placeholder: screen readers use it)."""
    shape = _title_shape(slide)
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.3), Emu(WIDTH - 2 * MARGIN), Inches(0.9)
    frame = shape.text_frame
    frame.clear()
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _paragraph(frame, text, size, bold=True, first=True, align=PP_ALIGN.LEFT)


def _title_shape(slide: Slide) -> Any:
    """The slide's title placeholder (every layout the deck uses has one)."""
    shape = slide.shapes.title
    if shape is None:
        raise ValueError("layout without a title placeholder")
    return shape


def _notes(slide: Slide, lines: list[str]) -> None:
    notes: Any = slide.notes_slide.notes_text_frame
    notes.text = xml_text("\n".join(line for line in lines if line))


def _alt_text(shape, text: str) -> None:
    """Alternative text for a chart or table (read by screen readers)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", xml_text(text))


# --------------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------------


def add_native_chart(slide: Slide, spec: NativeChart, left: int, top: int, width: int, height: int,
                     description: str = "") -> Any:
    """Draw a :class:`NativeChart` as an editable PowerPoint chart; returns the graphic frame."""
    data = CategoryChartData(number_format="0")
    data.categories = [chart_label(c) for c in spec.categories]
    for series in spec.series:
        data.add_series(chart_label(series.name), [float(v) for v in series.values])
    frame: Any = slide.shapes.add_chart(
        _CHART_TYPES[(spec.grouping, spec.horizontal)], Emu(left), Emu(top), Emu(width), Emu(height),
        data,  # type: ignore[arg-type]
    )
    chart = frame.chart
    chart.font.size = Pt(14)
    chart.font.color.rgb = TEXT_COLOUR
    chart.has_title = False
    chart.has_legend = spec.legend and len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(13)
    plot = chart.plots[0]
    plot.gap_width = 60 if spec.grouping == CLUSTERED else 50
    if spec.grouping != CLUSTERED:
        plot.overlap = 100
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "#,##0;-#,##0;;"
    labels.number_format_is_linked = False
    labels.font.size = Pt(12)
    labels.position = XL_LABEL_POSITION.CENTER if spec.grouping != CLUSTERED else XL_LABEL_POSITION.OUTSIDE_END
    for drawn, series in zip(plot.series, spec.series, strict=True):
        _fill(drawn.format.fill, series.colour, series.pattern)
        if spec.grouping != CLUSTERED:  # labels sit on the bar: the more readable of black and white
            drawn.data_labels.show_value = True  # (on a white pattern over the colour: always dark)
            drawn.data_labels.font.color.rgb = TEXT_COLOUR if series.pattern in PATTERNS \
                else _label_colour(series.colour)
            drawn.data_labels.font.size = Pt(12)
            drawn.data_labels.number_format = labels.number_format
            drawn.data_labels.number_format_is_linked = False
            drawn.data_labels.position = XL_LABEL_POSITION.CENTER
        drawn.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        drawn.invert_if_negative = False
        if series.point_colours:
            for index, colour in enumerate(series.point_colours):
                _fill(drawn.points[index].format.fill, colour, series.pattern)
    category_axis = chart.category_axis
    category_axis.tick_labels.font.size = Pt(13 if len(spec.categories) <= 6 else 11)
    category_axis.has_major_gridlines = False
    if spec.horizontal:
        category_axis.reverse_order = True  # first category on top, as in the dashboard ...
        value_element = chart.value_axis._element  # ... and the value axis crosses at the last one (bottom)
        value_element._remove_crosses()
        value_element._remove_crossesAt()
        value_element._add_crosses(val=XL_AXIS_CROSSES.MAXIMUM)
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE5, 0xE5)
    value_axis.tick_labels.font.size = Pt(12)
    value_axis.tick_labels.number_format = "#,##0"
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_title = True
    value_axis.axis_title.text_frame.text = xml_text(spec.value_title)
    value_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(13)
    if not any(v < 0 for s in spec.series for v in s.values):
        value_axis.minimum_scale = 0
    if _largest(spec) <= 8:  # whole numbers only: no 0,5 steps shown as "0, 1, 1, 2"
        value_axis.major_unit = 1
    if description:
        _alt_text(frame, description)
    return frame


def _largest(spec: NativeChart) -> float:
    """The longest bar: the largest value, or the largest category total when stacked."""
    if not spec.series or not spec.categories:
        return 0.0
    if spec.grouping == CLUSTERED:
        return max(abs(v) for s in spec.series for v in s.values)
    return max(sum(s.values[i] for s in spec.series) for i in range(len(spec.categories)))


def _label_colour(hex_colour: str) -> RGBColor:
    """White or near-black, whichever contrasts more with the bar colour (the theme's rule)."""
    return _rgb(ink(hex_colour))


def _fill(fill, colour: str, pattern: str) -> None:
    """Solid fill, or a white pattern over the colour (as the dashboard's bar patterns)."""
    if pattern and pattern in PATTERNS:
        fill.patterned()
        fill.pattern = PATTERNS[pattern]
        fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        fill.back_color.rgb = _rgb(colour)
    else:
        fill.solid()
        fill.fore_color.rgb = _rgb(colour)


# --------------------------------------------------------------------------------------------
# Slides
# --------------------------------------------------------------------------------------------


def _title_slide(prs: Deck, title: str, inv: Inventory, filters: Filters, names_hidden: bool,
                 moment: dt.datetime) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    shape = _title_shape(slide)
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(1.6), Emu(WIDTH - 2 * MARGIN), Inches(1.6)
    shape.text_frame.clear()
    shape.text_frame.word_wrap = True
    _paragraph(shape.text_frame, title, 40, bold=True, first=True, align=PP_ALIGN.LEFT)
    subtitle = slide.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = MARGIN, Inches(3.4), WIDTH - 2 * MARGIN, Inches(2.8)
    frame = subtitle.text_frame
    frame.clear()
    frame.word_wrap = True
    lines = [
        (f"Regierol per fase · {nl_date(moment, long=True)}", 24, False),
        (describe(filters), 20, False),
        (f"Inventaris: {inv.file}", 18, False),
    ]
    if names_hidden:
        lines.append(("Namen van partners en personen zijn verborgen.", 18, False))
    for i, (text, size, bold) in enumerate(lines):
        _paragraph(frame, text, size, bold=bold, colour=MUTED_COLOUR if i else TEXT_COLOUR, first=i == 0,
                   align=PP_ALIGN.LEFT)
    _notes(slide, [
        "Deze presentatie is gemaakt met Regierol per fase, naar MOVISIE (2010), Werk maken van regie.",
        f"Selectie: {describe(filters)}.", f"Bron: {inv.file}.",
        "De grafieken zijn bewerkbaar: klik met de rechtermuisknop op een grafiek en kies Gegevens bewerken.",
    ])


def _view_header(slide: Slide, shown: pres.Shown, subtitle: str) -> None:
    _title(slide, shown.view.title)
    _text_box(slide, MARGIN, Inches(1.15), WIDTH - 2 * MARGIN, Inches(0.95), [
        (shown.view.explanation, 16, False), (subtitle, 13, False),
    ], colour=MUTED_COLOUR)


def _headline_cards(slide: Slide, numbers: list[Headline], top: int) -> None:
    """The headline numbers as a row of cards: the number large, its label underneath."""
    count = len(numbers)
    gap = Inches(0.2)
    width = (WIDTH - 2 * MARGIN - gap * (count - 1)) // count
    for i, number in enumerate(numbers):
        left = MARGIN + i * (width + gap)
        card = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(left), Emu(top), Emu(width), Inches(1.25))
        card.fill.solid()
        card.fill.fore_color.rgb = RGBColor(0xF2, 0xF7, 0xFB)
        card.line.color.rgb = _rgb(ACCENT)
        frame = card.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        size = 28 if len(number.value) <= 8 else 15
        _paragraph(frame, number.value, size, bold=True, first=True, align=PP_ALIGN.CENTER)
        _paragraph(frame, number.label, 13 if len(number.label) <= 12 else 11, colour=MUTED_COLOUR,
                   align=PP_ALIGN.CENTER)


def _view_slide(prs: Deck, shown: pres.Shown, inv: Inventory, subtitle: str, source: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _view_header(slide, shown, subtitle)
    top = Inches(2.25)
    if shown.chart is None:
        _text_box(slide, MARGIN, Inches(2.6), WIDTH - 2 * MARGIN, Inches(2.0), [(shown.message or "", 24, False)])
        _notes(slide, [shown.view.explanation, f"Niets te tonen: {shown.message}", source])
        return
    numbers = shown.chart.extra.get("kerncijfers")
    if isinstance(numbers, list) and numbers:
        _headline_cards(slide, numbers, top)
        top = Inches(3.65)
    spec = shown.view.native(inv)
    extra = ""
    if int(spec.extra.get("total", 0)) > int(spec.extra.get("shown", 0)):  # type: ignore[call-overload]
        extra = (f"De dia toont de {spec.extra['shown']} meest voorkomende van {spec.extra['total']} rolpaden; "
                 "het HTML-rapport en het dashboard tonen ze allemaal.")
    provenance = shown.chart.provenance
    bottom = Inches(0.75) if provenance else Inches(0.3)
    add_native_chart(slide, spec, MARGIN, top, WIDTH - 2 * MARGIN, HEIGHT - top - bottom,
                     f"{shown.view.title}: {shown.view.explanation}")
    if provenance:
        _text_box(slide, MARGIN, HEIGHT - Inches(0.7), WIDTH - 2 * MARGIN, Inches(0.5),
                  [(provenance, 11, False)], colour=MUTED_COLOUR)
    _notes(slide, [shown.view.explanation, f"Definitie: {shown.chart.notes}", shown.chart.source,
                   shown.chart.marker, extra, *pres.appendix_lines(shown.view, inv), source])


def _schema3_slide(prs: Deck, source: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, voc.SCHEMA_TITLES[3])
    _text_box(slide, MARGIN, Inches(1.15), WIDTH - 2 * MARGIN, Inches(0.8), [
        (voc.sources.SCHEMA3_EXAMPLE, 14, False),
    ], colour=MUTED_COLOUR)
    table = schemas.schema3_table()
    rows, columns = len(table) + 1, len(table.columns)
    shape = slide.shapes.add_table(rows, columns, MARGIN, Inches(2.0), WIDTH - 2 * MARGIN, Inches(1.0) * rows)
    grid = shape.table
    widths = (Inches(4.6), Inches(2.8), WIDTH - 2 * MARGIN - Inches(7.4))
    for i, width in enumerate(widths):
        grid.columns[i].width = width
    for c, header in enumerate(table.columns):
        _cell_text(grid.cell(0, c), str(header), bold=True, header=True)
    for r, row in enumerate(table.itertuples(index=False, name=None), start=1):
        for c, value in enumerate(row):
            _cell_text(grid.cell(r, c), str(value))
    _alt_text(shape, f"{voc.SCHEMA_TITLES[3]}: per fase waarop de regie zich richt en welke vaardigheden nodig zijn.")
    _text_box(slide, MARGIN, HEIGHT - Inches(0.9), WIDTH - 2 * MARGIN, Inches(0.6),
              [(f"Bron: {voc.schema_source(3)}", 12, False), (voc.READINGS["schema3_for_all"].note, 11, False)],
              colour=MUTED_COLOUR)
    _notes(slide, [
        "MOVISIE's Schema 3, letterlijk: per fase in het proces waarop de regie zich richt en welke "
        "vaardigheden de nadruk krijgen, in MOVISIE's uitgewerkte voorbeeld. De vraag naar vaardigheden op de "
        "volgende dia volgt deze indeling.", voc.sources.SCHEMA3_GENERALISED, voc.READINGS["schema3_for_all"].note,
        f"Bron: {voc.schema_source(3)}.", source,
    ])


def _cell_text(cell, text: str, *, bold: bool = False, header: bool = False, size: int | None = None) -> None:
    frame = cell.text_frame
    frame.clear()
    frame.word_wrap = True
    _paragraph(frame, text, size or (18 if not header else 17), bold=bold or header,
               colour=RGBColor(0xFF, 0xFF, 0xFF) if header else TEXT_COLOUR, first=True)
    if header:
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(ACCENT)


# --------------------------------------------------------------------------------------------
# Building blocks for other decks (the werkplaats' results)
# --------------------------------------------------------------------------------------------

TABLE_ROWS_PER_SLIDE = 8


def new_deck(title: str) -> Deck:
    """An empty 16:9 deck with the app's properties."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDTH), Emu(HEIGHT)
    prs.core_properties.title = xml_text(title)[:250]
    prs.core_properties.author = "Regierol per fase"
    prs.core_properties.language = "nl-NL"
    return prs


def text_slide(prs: Deck, title: str, lines: list[str], notes: list[str] | None = None) -> Slide:
    """A slide with a title and lines of text (the first one larger)."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, title)
    _text_box(slide, MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, HEIGHT - Inches(2.2),
              [(line, 24 if i == 0 else 18, False) for i, line in enumerate(lines)])
    _notes(slide, notes or lines)
    return slide


def table_slides(prs: Deck, title: str, frame: Any, caption: str, notes: list[str]) -> int:
    """``frame`` (a DataFrame) as native tables, :data:`TABLE_ROWS_PER_SLIDE` rows a slide, with ``caption``
    under the title; returns the number of slides added (one, saying so, for an empty frame)."""
    if not len(frame):
        text_slide(prs, title, [caption, "Nog niets vastgelegd."], notes)
        return 1
    parts = [frame.iloc[i:i + TABLE_ROWS_PER_SLIDE] for i in range(0, len(frame), TABLE_ROWS_PER_SLIDE)]
    for n, part in enumerate(parts, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        heading = title if len(parts) == 1 else f"{title} ({n}/{len(parts)})"
        _title(slide, heading, size=32 if len(heading) <= 40 else 26)
        _text_box(slide, MARGIN, Inches(1.15), WIDTH - 2 * MARGIN, Inches(0.6), [(caption, 14, False)],
                  colour=MUTED_COLOUR)
        rows, columns = len(part) + 1, len(part.columns)
        shape = slide.shapes.add_table(rows, columns, MARGIN, Inches(1.9), WIDTH - 2 * MARGIN, Inches(0.55) * rows)
        grid = shape.table
        weights = [min(60, max(12, len(str(header)), *(len(str(v)) for v in frame[header]))) for header in part.columns]
        for c, weight in enumerate(weights):  # wide columns for long text, all of them on the slide
            grid.columns[c].width = Emu(int((WIDTH - 2 * MARGIN) * weight / sum(weights)))
        for c, header in enumerate(part.columns):
            _cell_text(grid.cell(0, c), str(header), header=True, size=14)
        for r, row in enumerate(part.itertuples(index=False, name=None), start=1):
            for c, value in enumerate(row):
                _cell_text(grid.cell(r, c), "" if value is None else str(value), size=14)
        _alt_text(shape, f"{title}: {caption}")
        _notes(slide, notes)
    return len(parts)


def chart_slide(prs: Deck, title: str, spec: NativeChart, caption: str, notes: list[str]) -> Slide:
    """One editable native chart under a title and a caption."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, title)
    _text_box(slide, MARGIN, Inches(1.15), WIDTH - 2 * MARGIN, Inches(0.6), [(caption, 14, False)],
              colour=MUTED_COLOUR)
    top = Inches(1.9)
    add_native_chart(slide, spec, MARGIN, top, WIDTH - 2 * MARGIN, HEIGHT - top - Inches(0.3), f"{title}: {caption}")
    _notes(slide, notes)
    return slide


def deck_to_bytes(prs: Deck) -> bytes:
    """The deck as .pptx bytes."""
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# The deck
# --------------------------------------------------------------------------------------------


def deck_bytes(
    inv: Inventory, filters: Filters | None = None, *, names_hidden: bool = False, title: str | None = None,
    moment: dt.datetime | None = None,
) -> bytes:
    """The presentation of ``inv`` as .pptx bytes (see the module docstring)."""
    filters = filters or Filters()
    moment = moment or dt.datetime.now()
    subtitle = pres.subtitle(filters, inv.file)
    source = f"Bron: inventaris {inv.file}; selectie: {describe(filters)}."
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDTH), Emu(HEIGHT)
    heading = title or f"Regierol per fase — {inv.file}"
    prs.core_properties.title = xml_text(heading)[:250]
    prs.core_properties.author = "Regierol per fase"
    prs.core_properties.language = "nl-NL"
    _title_slide(prs, heading, inv, filters, names_hidden, moment)
    for shown in pres.show_all(inv, subtitle):
        if shown.view.key == SCHEMA3_BEFORE:
            _schema3_slide(prs, source)
        _view_slide(prs, shown, inv, subtitle, source)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def file_name(inv: Inventory, moment: dt.date | None = None) -> str:
    """A download name: ``<stem>-presentatie-23-11-2026.pptx``."""
    return export_name(inv.file, "presentatie", "pptx", moment)

"""The PowerPoint deck: native, editable charts with the analysis' numbers, notes, Schema 3, safe labels.

Issue 4: "a deck with a title slide (gemeente/inventory name, date, filters), one slide per view with
native, editable charts (not pictures) [...] the Schema 3 table as a native table, and speaker notes
on every chart slide with the source and definition. It must open in PowerPoint and in LibreOffice.
Labels are sanitised (no text that becomes a formula in the embedded chart workbook)."
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import realistic as rb
import ui_support as ui
from export_support import HOSTILE_NAMES, INJECTIONS, example_inventory, hostile_inventory
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis import elements, paths, skills
from regie.analysis import partners as partner_analysis
from regie.analysis.filters import Filters, apply, describe
from regie.analysis.privacy import hide_names
from regie.charts import presentation as pres
from regie.charts.native import NativeChart, NativeSeries
from regie.export import pptx as export
from regie.formatting import nl_date
from regie.model import Inventory
from regie.vocabulary.schemas import schema3_table

MOMENT = dt.datetime(2026, 11, 23, 14, 5)
SCHEMA3_INDEX = 1 + [v.key for v in pres.VIEWS].index(export.SCHEMA3_BEFORE)
"""Slide index of the Schema 3 table (after the title slide and the views before the skills)."""


def deck(inv: Inventory, filters: Filters | None = None, **kwargs: object) -> Presentation:
    data = export.deck_bytes(inv, filters, moment=MOMENT, **kwargs)  # type: ignore[arg-type]
    return Presentation(io.BytesIO(data))


def view_slides(prs: Presentation) -> dict[str, object]:
    """The slide of each view, by key (the Schema 3 slide left out)."""
    slides = [s for i, s in enumerate(prs.slides) if i and i != SCHEMA3_INDEX]
    return {view.key: slide for view, slide in zip(pres.VIEWS, slides, strict=True)}


def chart_of(slide: object):
    charts = [shape for shape in slide.shapes if shape.has_chart]  # type: ignore[attr-defined]
    assert len(charts) == 1, "one native chart per view slide"
    return charts[0].chart


def series_values(chart) -> dict[str, list[float]]:
    return {s.name: list(s.values) for s in chart.plots[0].series}


def text_of(slide: object) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------
# Structure and numbers
# --------------------------------------------------------------------------------------------


def test_slides_in_presentation_order() -> None:
    prs = deck(example_inventory())
    assert len(prs.slides) == 1 + len(pres.VIEWS) + 1
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[0].startswith("Regierol per fase")
    assert titles[SCHEMA3_INDEX] == voc.SCHEMA_TITLES[3]
    assert [t for i, t in enumerate(titles) if i and i != SCHEMA3_INDEX] == [v.title for v in pres.VIEWS]
    assert prs.slide_width == Inches(13.333) and prs.slide_height == Inches(7.5)


def test_title_slide_names_inventory_date_and_filters() -> None:
    filters = Filters(fase=("visie",), rol=("regisseur",))
    prs = deck(apply(example_inventory(), filters), filters, names_hidden=True, title="Gemeente Wadlo")
    text = text_of(prs.slides[0])
    assert "Gemeente Wadlo" in text
    assert nl_date(MOMENT, long=True) in text and "23 november 2026" in text
    assert describe(filters) in text and "voorbeeld_inventaris.xlsx" in text
    assert "verborgen" in text


def test_every_view_has_a_native_chart_with_the_analysis_numbers() -> None:
    inv = example_inventory()
    slides = view_slides(deck(inv))
    phases = [voc.phase_label(p) for p in voc.PHASE_CODES]

    chart = chart_of(slides["fase_element"])
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].categories) == phases
    counts = analysis.phase_element_counts(inv)
    assert series_values(chart) == {
        voc.element_label(e): [counts[p][e] for p in voc.PHASE_CODES] for e in analysis.ELEMENT_KEYS
    }

    chart = chart_of(slides["rol_per_fase"])
    assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
    roles = analysis.role_counts(inv)
    assert list(chart.plots[0].categories) == phases
    assert series_values(chart) == {voc.role_label(r): [roles[p][r] for p in voc.PHASE_CODES] for r in analysis.ROLE_KEYS}

    chart = chart_of(slides["vaardigheden"])  # the example has a team: inzetbaar and in ontwikkeling per skill
    assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
    table = skills.supply_table(inv)
    assert list(chart.plots[0].categories) == [
        f"{s} ({f.lower()}) · vraag {q}" for s, f, q in zip(table["Vaardigheid"], table["Fase"], table["Vraag (projecten)"],
                                                           strict=True)]
    assert series_values(chart) == {
        "Inzetbaar": table["Inzetbaar (teamleden)"].tolist(), "In ontwikkeling": table["In ontwikkeling (teamleden)"].tolist(),
    }
    demand = analysis.skill_demand(inv)
    assert all(demand[voc.SKILL_PHASE[s]][s] == v for s, v in zip(table["Vaardigheid"], table["Vraag (projecten)"],
                                                                   strict=True))
    notes = slides["vaardigheden"].notes_slide.notes_text_frame.text
    assert voc.READING_MARKER in notes and "Schema 3" in notes

    chart = chart_of(slides["partners"])
    assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
    table = partner_analysis.partner_type_counts(inv)
    values = series_values(chart)
    assert values and all(sum(v) > 0 for v in values.values())
    for code in partner_analysis.TYPE_KEYS:
        if table[code].sum():
            label = voc.partner_type_label(code) if code != voc.UNKNOWN else "Onbekend type"
            assert values[label] == table[code].tolist()

    chart = chart_of(slides["rolpaden"])
    frame = paths.role_paths(inv).head(12)
    assert list(chart.plots[0].categories) == frame["pad"].tolist()
    assert series_values(chart) == {"Projecten": frame["projecten"].tolist()}

    chart = chart_of(slides["overzicht"])
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert series_values(chart)["Projecten in de fase"] == [analysis.phase_counts(inv)[p] for p in voc.PHASE_CODES]


def test_skills_without_team_show_the_demand() -> None:
    inv = load_inventory(rb.title_rows_xlsx(), "x.xlsx")
    chart = chart_of(view_slides(deck(inv))["vaardigheden"])
    demand = analysis.skill_demand(inv)
    values = dict(zip(chart.plots[0].categories, chart.plots[0].series[0].values, strict=True))
    assert values == {f"{p.label}: {', '.join(s.lower() for s in p.skills)}": demand[p.code][p.skills[0]]
                      for p in voc.PHASES}
    assert [s.name for s in chart.plots[0].series] == ["Vraag (projecten)"]


def test_filtered_deck_counts_the_filtered_inventory() -> None:
    filters = Filters(fase=("uitvoering",))
    inv = apply(example_inventory(), filters)
    slides = view_slides(deck(inv, filters))
    roles = analysis.role_counts(inv)
    assert series_values(chart_of(slides["rol_per_fase"]))["Regisseur"] == [roles[p]["regisseur"] for p in voc.PHASE_CODES]
    assert describe(filters) in text_of(slides["rol_per_fase"])


def test_colours_come_from_the_theme() -> None:
    """Each role's colour (and, where the dashboard has one, its pattern: white over the colour)."""
    from regie.charts.theme import ROLE_COLOURS, ROLE_PATTERNS

    chart = chart_of(view_slides(deck(example_inventory()))["rol_per_fase"])
    for drawn, role in zip(chart.plots[0].series, analysis.ROLE_KEYS, strict=True):
        fill = drawn.format.fill
        if ROLE_PATTERNS[role]:
            assert fill.pattern == export.PATTERNS[ROLE_PATTERNS[role]]
            assert str(fill.back_color.rgb) == ROLE_COLOURS[role].lstrip("#").upper()
        else:
            assert str(fill.fore_color.rgb) == ROLE_COLOURS[role].lstrip("#").upper()


# --------------------------------------------------------------------------------------------
# Notes, Schema 3, degenerate inventories
# --------------------------------------------------------------------------------------------


def test_every_chart_slide_has_notes_with_definition_and_source() -> None:
    inv = example_inventory()
    prs = deck(inv)
    charts = pres.show_all(inv, "x")
    for shown, slide in zip(charts, view_slides(prs).values(), strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        assert shown.chart is not None
        assert f"Definitie: {shown.chart.notes}" in notes
        assert "Bron: inventaris voorbeeld_inventaris.xlsx" in notes
    phase_notes = view_slides(prs)["fase_element"].notes_slide.notes_text_frame.text
    assert "een project in twee fasen" in phase_notes


def test_schema3_is_a_native_table_verbatim() -> None:
    slide = deck(example_inventory()).slides[SCHEMA3_INDEX]
    tables = [shape.table for shape in slide.shapes if shape.has_table]
    assert len(tables) == 1
    cells = [[cell.text for cell in row.cells] for row in tables[0].rows]
    expected = schema3_table()
    assert cells[0] == list(expected.columns)
    assert cells[1:] == expected.values.tolist()
    assert slide.notes_slide.notes_text_frame.text.strip()


@pytest.mark.parametrize(("builder", "missing"), [
    (ui.one_project_xlsx, ()),
    (ui.no_partners_xlsx, ("partners",)),
    (ui.no_roles_xlsx, ("rolpaden",)),
    (ui.all_unknown_xlsx, ("rolpaden", "partners")),
    (ui.header_only_xlsx, tuple(v.key for v in pres.VIEWS)),
])
def test_degenerate_inventories_give_a_deck_with_messages(builder, missing: tuple[str, ...]) -> None:
    inv = load_inventory(builder(), "x.xlsx")
    slides = view_slides(deck(inv))
    for view in pres.VIEWS:
        slide = slides[view.key]
        message = view.missing(inv)
        assert slide.notes_slide.notes_text_frame.text.strip()
        if message is None:
            chart_of(slide)
        else:
            assert not any(shape.has_chart for shape in slide.shapes)
            assert message in text_of(slide)
    assert set(missing) <= {v.key for v in pres.VIEWS if v.missing(inv) is not None}


# --------------------------------------------------------------------------------------------
# Safe labels, hidden names
# --------------------------------------------------------------------------------------------


def _embedded_workbooks(data: bytes) -> list[openpyxl.Workbook]:
    package = zipfile.ZipFile(io.BytesIO(data))
    return [openpyxl.load_workbook(io.BytesIO(package.read(n))) for n in package.namelist()
            if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]


def test_labels_never_become_formulas_in_the_chart_workbook() -> None:
    """Categories and series names that start like a formula or a link get a leading apostrophe."""
    hostile = (*INJECTIONS, *HOSTILE_NAMES, "http://evil.example", "{=1+1}", "bad\x0bchar")
    spec = NativeChart(hostile, (NativeSeries("=SUM(A1:A9)", tuple(range(len(hostile))), "#0072B2", "/"),
                                 NativeSeries("@serie", tuple(range(len(hostile))), "#E69F00")))
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    export.add_native_chart(slide, spec, 0, 0, Inches(8), Inches(5))
    buffer = io.BytesIO()
    prs.save(buffer)
    (book,) = _embedded_workbooks(buffer.getvalue())
    sheet = book.active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r", "{=", "http")), cell.value
                assert "\x0b" not in cell.value
    assert sheet.cell(1, 2).value == "'=SUM(A1:A9)"
    assert sheet.cell(2, 1).value == "'=1+1"
    assert [c.value for c in sheet["A"][1:]].count("<img src=x onerror=alert(1)>") == 1
    package = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    assert b"<f>" not in b"".join(package.read(n) for n in package.namelist() if n.endswith(".xlsx"))


def test_hostile_inventory_gives_a_valid_deck() -> None:
    inv = hostile_inventory()
    data = export.deck_bytes(inv, moment=MOMENT)
    prs = Presentation(io.BytesIO(data))
    assert "<b>gemeente</b> & =inventaris.xlsx" in prs.slides[0].shapes.title.text
    for book in _embedded_workbooks(data):
        for row in book.active.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_hidden_names_are_not_in_the_deck() -> None:
    full = load_inventory(ui.named_partners_xlsx(), "x.xlsx")
    data = export.deck_bytes(hide_names(full), names_hidden=True, moment=MOMENT)
    package = zipfile.ZipFile(io.BytesIO(data))
    text = b"".join(package.read(n) for n in package.namelist())
    for name in (*ui.PARTNER_NAMES, *ui.PERSON_NAMES):
        assert name.encode() not in text, name


def test_file_name() -> None:
    assert export.file_name(example_inventory(), dt.date(2026, 11, 23)) == \
        "voorbeeld_inventaris-presentatie-23-11-2026.pptx"


# --------------------------------------------------------------------------------------------
# LibreOffice opens it
# --------------------------------------------------------------------------------------------


def test_libreoffice_converts_the_deck_to_pdf(tmp_path: Path) -> None:
    soffice = rb.soffice_path()
    if soffice is None:
        print("LibreOffice (soffice) ontbreekt: de PDF-controle van de presentatie is overgeslagen")
        pytest.skip("LibreOffice (soffice) is not installed; in CI .ci/run installs libreoffice-impress")
    source = tmp_path / "presentatie.pptx"
    source.write_bytes(export.deck_bytes(example_inventory(), moment=MOMENT))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profiel'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=240, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pdf = (tmp_path / "presentatie.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1 + len(pres.VIEWS) + 1


def test_sources_and_the_apps_own_readings_are_marked() -> None:
    """docs/domein.md: what comes from a seed names it; the app's own readings carry the marker, on the slide
    and in the speaker notes; the element coverage travels in the notes of the phase × element slide."""
    inv = example_inventory()
    prs = deck(inv)
    slides = view_slides(prs)
    notes = {key: slide.notes_slide.notes_text_frame.text for key, slide in slides.items()}  # type: ignore[attr-defined]
    for key in ("rol_per_fase", "rolpaden", "vaardigheden"):
        assert voc.READING_MARKER in notes[key], key
        assert voc.READING_MARKER in text_of(slides[key]), f"{key}: visible on the slide, not only in the notes"
    coverage = elements.coverage_counts(inv)
    assert "Waar de vier elementen van regie ontbreken" in notes["fase_element"]
    assert voc.READINGS["element_coverage"].note in notes["fase_element"]
    assert f"Ontbreekt {coverage['A']['ontbreekt']}" in notes["fase_element"]
    schema3 = prs.slides[SCHEMA3_INDEX]
    assert voc.sources.SCHEMA3_EXAMPLE in text_of(schema3)
    assert voc.READINGS["schema3_for_all"].note in schema3.notes_slide.notes_text_frame.text

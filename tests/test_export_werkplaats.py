"""regie.export.werkplaats: a werkplaats' outcome as XLSX (a sheet per table, dates as dates, no formulas)
and PPTX (native editable charts of the votes, native tables, the agreements), also with hostile text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
import werkplaats_fixtures as fx
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from regie import load_inventory
from regie import vocabulary as voc
from regie.export import werkplaats as export
from regie.instruments import afspraken
from regie.instruments import werkplaats as wp
from regie.storage import Store

HOSTILE = "=HYPERLINK(\"http://evil.example\",\"klik\") <b>vet</b>"
MOMENT = dt.datetime(2026, 11, 12, 15, 0)


@pytest.fixture
def outcome(tmp_path: Path):
    with Store(f"sqlite:///{tmp_path / 'regie.sqlite3'}") as store:
        store.create_werkruimte("Gemeente Wadlo")
        inventory = load_inventory(fx.inventory_xlsx(), "werkplaats.xlsx")
        specs = wp.item_specs(inventory, ["id:p1", "id:p2"], list(voc.PHASE_CODES))
        new = wp.start(store, "Gemeente Wadlo", "Werkplaats 12 november", specs, source="werkplaats.xlsx")
        visie = new.werkplaats.items[0].id
        for perspective, role in (("bestuur", "regisseur"), ("partner", "facilitator")):
            person = wp.new_participant()
            wp.set_perspective(store, new.code, person, perspective)
            wp.vote(store, new.code, person, {(visie, wp.QUESTION_NOW): role})
            if perspective == "bestuur":
                wp.answer_scan(store, new.code, person, {"L1": "ja"})
        afspraken.add(store, new.code, new.key, wie=HOSTILE, wat="Corporaties uitnodigen", fase="beleid",
                      wanneer=dt.date(2027, 3, 1), project="Woonvisie 2030")
        wp.set_revealed(store, new.code, new.key)
        yield wp.results(store, new.code, new.key), afspraken.of_werkplaats(store, new.code, new.key)


def test_the_workbook_has_a_sheet_per_table_and_the_agreements_as_data(outcome) -> None:
    res, made = outcome
    book = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(res, made, MOMENT)))
    assert book.sheetnames == ["Uitslag", "Gemeente en partners", "Zelfscan", "Afspraken", "Toelichting"]
    sheet = book["Afspraken"]
    assert [c.value for c in sheet[1]] == ["Wie", "Wat", "Fase", "Wanneer", "Project", "Werkplaats"]
    who, what, phase, when, project, title = (c for c in sheet[2])
    assert who.value == HOSTILE and who.data_type == "s", "user text never becomes a formula"
    assert (what.value, phase.value, project.value, title.value) == (
        "Corporaties uitnodigen", "Beleid", "Woonvisie 2030", "Werkplaats 12 november")
    assert when.value == dt.datetime(2027, 3, 1), "a real date in Excel"
    sides = book["Gemeente en partners"]
    header = [c.value for c in sides[1]]
    first = dict(zip(header, [c.value for c in sides[2]], strict=True))
    assert (first["Gemeente: speelt nu"], first["Partners: speelt nu"], first["Zelfde rol: speelt nu"]) == (
        "Regisseur", "Facilitator", "Nee")
    notes = " ".join(str(c.value) for row in book["Toelichting"].iter_rows() for c in row if c.value)
    assert "2 deelnemers (gemeente 1, partners 1)" in notes and "MOVISIE" in notes


def test_the_deck_has_native_charts_and_the_agreements(outcome) -> None:
    res, made = outcome
    data = export.deck_bytes(res, made, MOMENT)
    prs = Presentation(io.BytesIO(data))
    charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert len(charts) == 1, "only the question with votes ('zou moeten' has none)"
    assert charts[0].chart_type == XL_CHART_TYPE.BAR_STACKED
    assert [s.name for s in charts[0].plots[0].series] == ["Regisseur", "Facilitator"]
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[1:] == [wp.QUESTIONS[wp.QUESTION_NOW], "Rol van de gemeente: stemmen naast de inventaris",
                          "Ziet de partner dezelfde rol?", "Zelfscan van de groep (1/2)", "Zelfscan van de groep (2/2)",
                          "Afspraken"], "16 zelfscan questions, 8 rows a slide"
    agreements = prs.slides[-1]
    [table] = [s.table for s in agreements.shapes if s.has_table]
    assert [table.cell(1, c).text for c in range(5)] == [HOSTILE, "Corporaties uitnodigen", "Beleid", "01-03-2027",
                                                         "Woonvisie 2030"]
    package = zipfile.ZipFile(io.BytesIO(data))
    assert b"<f>" not in b"".join(package.read(n) for n in package.namelist() if n.endswith(".xlsx"))


def test_without_agreements_the_deck_says_so_and_file_names_are_safe(outcome) -> None:
    res, _made = outcome
    prs = Presentation(io.BytesIO(export.deck_bytes(res, [], MOMENT)))
    texts = [shape.text_frame.text for shape in prs.slides[-1].shapes if shape.has_text_frame]
    assert "Nog niets vastgelegd." in " ".join(texts)
    name = export.file_name(res.werkplaats, "pptx", dt.date(2026, 11, 12))
    assert name == "werkplaats-Werkplaats-12-november-uitkomst-12-11-2026.pptx"

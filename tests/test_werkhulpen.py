"""regie.instruments.werkhulpen and regie.export.werkhulpen: Schema 2 and RIVM's actions as checklists per
project, the opdracht where it is asked, the interne regie from the Afdelingen column; stored per werkruimte
(SQLite and PostgreSQL), summed over the inventory, exported without formulas."""

from __future__ import annotations

import io

import conftest_pg
import openpyxl
import pytest
import sqlalchemy as sa
from realistic import Sheet, xlsx

from regie import load_inventory
from regie import vocabulary as voc
from regie.errors import UnknownWerkruimteError, WerkhulpError
from regie.export import werkhulpen as export
from regie.instruments import werkhulpen as aids
from regie.storage import Store

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url

INVENTORY = xlsx([Sheet("Projecten", [
    ["ID", "Projectnaam", "Fase", "Rol visie", "Rol beleid", "Rol uitvoering", "Afdelingen"],
    ["P1", "Woonvisie", "Visie; Beleid", "Regisseur", "Opdrachtgever", "", "Wonen; Zorg"],
    ["P2", "Buurtkamer", "Uitvoering", "", "", "Regie bij anderen", ""],
    ["P3", "Verkenning", "Visie", "Facilitator", "", "", ""],
])])


@pytest.fixture
def inv():
    return load_inventory(INVENTORY, "werkhulpen.xlsx")


@pytest.fixture
def store(db_url: str):
    with Store(db_url) as opened:
        opened.create_werkruimte("Gemeente Wadlo")
        yield opened


def test_the_checklists_are_the_sources_verbatim() -> None:
    assert [i.text for i in aids.ITEMS_OF[aids.SCHEMA2]] == [t for level in voc.SCHEMA2 for t in level.tasks]
    assert next(i.group for i in aids.ITEMS_OF[aids.SCHEMA2]) == voc.SCHEMA2[0].name
    assert [i.text for i in aids.ITEMS_OF[aids.RIVM]] == list(voc.sources.RIVM_EXTERNAL_ACTIONS)
    assert [i.text for i in aids.ITEMS_OF[aids.OPDRACHT]] == [label for _c, label in aids.OPDRACHT_PARTS]
    assert len(aids.ITEM_BY_CODE) == len(aids.ITEMS), "codes are unique"
    assert "Schema 2" in aids.AID_SOURCES[aids.SCHEMA2] and "RIVM" in aids.AID_SOURCES[aids.RIVM]


@pytest.mark.parametrize(("project", "phases"), [("id:p1", ["beleid"]), ("id:p2", ["uitvoering"]), ("id:p3", [])])
def test_the_opdracht_is_asked_where_the_regie_lies_elsewhere_or_the_gemeente_is_opdrachtgever(
        inv, project, phases) -> None:
    assert aids.opdracht_phases(inv, project) == phases


def test_interne_regie_counts_afdelingen_and_flags_beleid_or_uitvoering_without_one(inv) -> None:
    table = aids.internal_regie(inv).set_index("project")
    assert table.loc["id:p1", "Afdelingen"] == 2 and table.loc["id:p1", "Welke"] == "Wonen, Zorg"
    assert table.loc["id:p1", "Melding"] == ""
    assert "zonder afdeling" in table.loc["id:p2", "Melding"], "uitvoering, no afdeling"
    assert table.loc["id:p3", "Melding"] == "", "only visie: not flagged"
    bare = load_inventory(xlsx([Sheet("Projecten", [["Projectnaam", "Fase"], ["X", "Uitvoering"]])]), "x.xlsx")
    assert aids.internal_regie(bare)["Melding"].tolist() == [""], "no Afdelingen column: nothing to say"


def test_answers_are_kept_per_werkruimte_and_project(store: Store, inv) -> None:
    assert aids.save(store, "Gemeente Wadlo", "id:p1", "Woonvisie", {
        "S1.1": ("ja", "met corporaties"), "S1.2": ("nvt", ""), "R1": (None, "nog bespreken"), "S2.1": (None, ""),
        "O.resultaat": ("ja", "200 woningen"),
    }) == 4, "an item with neither answer nor note is not kept"
    mine = aids.answers(store, "gemeente wadlo", "id:p1")
    assert mine["S1.1"] == aids.Answer("ja", "met corporaties")
    assert mine["O.resultaat"] == aids.Answer(None, "200 woningen"), "the opdracht is text"
    assert "S2.1" not in mine and aids.answers(store, "Gemeente Wadlo", "id:p2") == {}
    aids.save(store, "Gemeente Wadlo", "id:p1", "Woonvisie", {"S1.1": ("deels", ""), "R1": (None, "")})
    mine = aids.answers(store, "Gemeente Wadlo", "id:p1")
    assert mine["S1.1"] == aids.Answer("deels", "") and "R1" not in mine and mine["S1.2"].answer == "nvt"
    with pytest.raises(WerkhulpError, match="geen antwoord"):
        aids.save(store, "Gemeente Wadlo", "id:p1", "Woonvisie", {"S1.1": ("misschien", "")})
    with pytest.raises(WerkhulpError, match="Onbekende vraag"):
        aids.save(store, "Gemeente Wadlo", "id:p1", "Woonvisie", {"X1": ("ja", "")})
    with pytest.raises(UnknownWerkruimteError):
        aids.answers(store, "Veenland", "id:p1")
    store.delete_werkruimte("Gemeente Wadlo")
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM werkhulp_answers")).scalar_one() == 0


def test_totals_and_per_project_over_the_inventory(store: Store, inv) -> None:
    aids.save(store, "Gemeente Wadlo", "id:p1", "Woonvisie", {"S1.1": ("ja", ""), "R1": ("nee", "")})
    aids.save(store, "Gemeente Wadlo", "id:p2", "Buurtkamer", {"S1.1": ("deels", ""), "O.rolverdeling": (None, "x")})
    aids.save(store, "Gemeente Wadlo", "id:weg", "Oud project", {"S1.1": ("ja", "")})  # not in this inventory
    stored = aids.all_answers(store, "Gemeente Wadlo")
    totals = aids.totals(stored, inv.projects["project"]).set_index("Taak")
    first = totals.loc[voc.SCHEMA2[0].tasks[0]]
    assert (first["Ja"], first["Deels"], first["Nee"], first["N.v.t."], first["Niet ingevuld"]) == (1, 1, 0, 0, 1)
    assert len(totals) == len(aids.ITEMS_OF[aids.SCHEMA2]) + len(aids.ITEMS_OF[aids.RIVM])
    rows = aids.per_project(stored, inv).set_index("Project")
    assert rows.loc["Woonvisie", "Schema 2: ingevuld"] == f"1 van {len(aids.ITEMS_OF[aids.SCHEMA2])}"
    assert rows.loc["Woonvisie", "RIVM: nee"] == 1
    assert rows.loc["Buurtkamer", "Opdracht nodig in"] == "Uitvoering"
    assert rows.loc["Buurtkamer", "Opdracht beschreven"] == "1 van 4"
    assert rows.loc["Verkenning", "Opdracht beschreven"] == "—"
    assert aids.answered_projects(stored, inv) == 2


def test_the_workbook_has_every_answer_and_no_formula(store: Store, inv) -> None:
    aids.save(store, "Gemeente Wadlo", "id:p1", "Woonvisie", {"S1.1": ("ja", "=HYPERLINK(\"http://x\")")})
    data = export.workbook_bytes(aids.all_answers(store, "Gemeente Wadlo"), inv, "Gemeente Wadlo")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == list(export.SHEETS)
    answers = book["Antwoorden"]
    assert [c.value for c in answers[1]] == ["Project", "Lijst", "Niveau", "Vraag", "Antwoord", "Toelichting"]
    note = answers.cell(2, 6)
    assert note.value == "=HYPERLINK(\"http://x\")" and note.data_type == "s"
    assert answers.cell(2, 5).value == "Ja"
    internal = book["Interne regie"]
    assert [c.value for c in internal[1]] == ["Project", "Fasen", "Afdelingen", "Welke", "Melding"]
    assert export.file_name(inv).startswith("werkhulpen-werkhulpen-")

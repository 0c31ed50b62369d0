"""Sheet names and column headers (docs/inventaris.md, sections 2 and 4)."""

from __future__ import annotations

import pytest

from regie import vocabulary as voc
from regie.reading.columns import classify_sheet, match_header


@pytest.mark.parametrize(
    ("sheet", "table"),
    [
        ("Projecten", "projects"), ("projecten", "projects"), ("PROJECTEN 2026", "projects"),
        ("Projecten wonen", "projects"), ("Projecten_zorg", "projects"), ("Projecten-welzijn", "projects"),
        ("Projecten2026", "projects"), ("Initiatieven", "projects"), ("Inventaris", "projects"),
        ("Partners", "partners"), ("Partners_regio", "partners"), ("Stakeholders", "partners"),
        ("Partners per project", "involvements"), ("Betrokkenheid", "involvements"), ("Links", "involvements"),
        ("Team", "team"), ("Vaardigheden", "team"), ("Competenties", "team"),
        ("Projectpartners", None), ("Lijsten", None), ("Instructies", None), ("Teamleden", None),
    ],
)
def test_sheet_names(sheet: str, table: str | None) -> None:
    assert classify_sheet(sheet) == table


@pytest.mark.parametrize(
    ("table", "field", "header"),
    [(table, field, header) for table, fields in voc.COLUMNS.items() for field, headers in fields.items()
     for header in headers],
)
def test_every_header_synonym(table: str, field: str, header: str) -> None:
    meaning = match_header(header, table)
    assert meaning is not None and meaning.field == field
    assert match_header(f"  {header.upper()}* ", table).field == field


@pytest.mark.parametrize(
    ("header", "kind", "arg"),
    [
        ("Visie", "phase_mark", "visie"), ("Beleid", "phase_mark", "beleid"), ("Uitvoering", "phase_mark", "uitvoering"),
        ("Visiefase", "phase_mark", "visie"), ("Fase visie", "phase_mark", "visie"), ("Fase: beleid", "phase_mark", "beleid"),
        ("Ontwikkeling gezamenlijke beleidsvisie", "phase_mark", "visie"),
        ("Ontwikkeling ruimtelijke plannen en vormgeving", "phase_mark", "beleid"),
        ("Uitvoering/keten", "phase_mark", "uitvoering"),
        ("Rol visie", "phase_role", "visie"), ("Rol in beleidsfase", "phase_role", "beleid"),
        ("Regierol uitvoering", "phase_role", "uitvoering"), ("Rol gemeente tijdens visie", "phase_role", "visie"),
        ("Rol van de gemeente in de uitvoeringsfase", "phase_role", "uitvoering"), ("Visie rol", "phase_role", "visie"),
        ("Uitvoering regierol", "phase_role", "uitvoering"),
        ("A", "element_mark", "A"), ("Element B", "element_mark", "B"), ("C. De rol benoemen", "element_mark", "C"),
        ("Regie-element D", "element_mark", "D"), ("Het netwerk koesteren", "element_mark", "B"),
    ],
)
def test_wide_format_headers(header: str, kind: str, arg: str) -> None:
    meaning = match_header(header, "projects")
    assert (meaning.kind, meaning.arg) == (kind, arg)


@pytest.mark.parametrize("header", ["Opmerkingen", "Beleidsterrein2", "Projectpartners", "E", "Monitoring"])
def test_unknown_headers_are_extra_columns(header: str) -> None:
    assert match_header(header, "projects") is None


def test_priority_order_is_the_synonym_order() -> None:
    assert match_header("Projectnaam", "projects").priority < match_header("Naam", "projects").priority
    assert match_header("Naam", "projects").priority < match_header("Project", "projects").priority


@pytest.mark.parametrize("skill", voc.SKILLS)
def test_team_skill_columns(skill: str) -> None:
    meaning = match_header(skill, "team")
    assert (meaning.kind, meaning.arg) == ("skill", skill)

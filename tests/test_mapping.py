"""Mapping rules: roles per phase, long and wide formats, partners, involvement, team, review choices."""

from __future__ import annotations

import pytest
from conftest import analysis_of, inventory_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from realistic import Sheet

from regie import vocabulary as voc

H = ["ID", "Projectnaam", "Fase", "Rol", "Rol visie", "Rol beleid", "Rol uitvoering"]


def roles_of(rows: list[list[object]], header: list[str] = H) -> dict[str, dict[str, int]]:
    result = analysis_of(Sheet("Projecten", [header, *rows]))
    return {p: {r: n for r, n in counts.items() if n} for p, counts in result["roles"].items()}


# Each case: one project row and the expected roles per phase (docs/inventaris.md, section 8, roles).
ROLE_CASES = [
    ("project role at its phases", [1, "P", "visie; beleid", "regisseur", None, None, None],
     {"visie": {"regisseur": 1}, "beleid": {"regisseur": 1}, "uitvoering": {}}),
    ("per-phase role wins", [1, "P", "visie; uitvoering", "regisseur", None, None, "partner"],
     {"visie": {"regisseur": 1}, "beleid": {}, "uitvoering": {"partner": 1}}),
    ("per-phase role counts without phase", [1, "P", "visie", None, None, "facilitator", None],
     {"visie": {"onbekend": 1}, "beleid": {"facilitator": 1}, "uitvoering": {}}),
    ("blank role is onbekend, not geen", [1, "P", "uitvoering", None, None, None, None],
     {"visie": {}, "beleid": {}, "uitvoering": {"onbekend": 1}}),
    ("geen regie", [1, "P", "uitvoering", "regie bij partners", None, None, None],
     {"visie": {}, "beleid": {}, "uitvoering": {"geen": 1}}),
    ("two roles in one phase", [1, "P", "beleid", "regisseur; facilitator", None, None, None],
     {"visie": {}, "beleid": {"regisseur": 1, "facilitator": 1}, "uitvoering": {}}),
    ("ambiguous government role", [1, "P", "visie", "Presterende overheid", None, None, None],
     {"visie": {"onbekend": 1}, "beleid": {}, "uitvoering": {}}),
    ("pairs in the rol cell", [1, "P", None, "visie: regisseur; uitvoering: partner", None, None, None],
     {"visie": {"regisseur": 1}, "beleid": {}, "uitvoering": {"partner": 1}}),
    ("no phase, no per-phase role", [1, "P", None, "regisseur", None, None, None],
     {"visie": {}, "beleid": {}, "uitvoering": {}}),
]


@pytest.mark.parametrize(("row", "expected"), [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES])
def test_role_per_phase(row: list[object], expected: dict[str, dict[str, int]]) -> None:
    assert roles_of([row]) == expected


def test_long_format_row_role_is_that_phases_role() -> None:
    rows = [[7, "Loket", "visie", "regisseur", None, None, None],
            [7, "Loket", "uitvoering", "opdrachtgever", None, None, None]]
    result = analysis_of(Sheet("Projecten", [H, *rows]))
    assert result["counts"]["projects"] == 1 and result["rows"]["projects"]["used"] == 2
    assert result["roles"]["visie"]["regisseur"] == 1 and result["roles"]["visie"]["opdrachtgever"] == 0
    assert result["roles"]["uitvoering"]["opdrachtgever"] == 1 and result["roles"]["uitvoering"]["regisseur"] == 0


def test_role_in_mark_cell_wins_over_row_role() -> None:
    header = ["Projectnaam", "Visie", "Beleid", "Uitvoering", "Rol"]
    result = analysis_of(Sheet("Projecten", [header, ["P", "x", None, "regisseur", "partner"]]))
    assert result["phases"] == {"visie": 1, "beleid": 0, "uitvoering": 1, "onbekend": 0}
    assert result["roles"]["visie"]["partner"] == 1
    assert result["roles"]["uitvoering"]["regisseur"] == 1 and result["roles"]["uitvoering"]["partner"] == 0


def test_skill_demand_counts_onbekend_not_geen() -> None:
    rows = [[1, "A", "beleid", "geen regie", None, None, None], [2, "B", "beleid", None, None, None, None],
            [3, "C", "beleid", "regisseur", None, None, None]]
    result = analysis_of(Sheet("Projecten", [H, *rows]))
    assert result["skills"]["beleid"] == dict.fromkeys(voc.PHASE_BY_CODE["beleid"].skills, 2)
    assert result["skills"]["visie"] == dict.fromkeys(voc.PHASE_BY_CODE["visie"].skills, 0)


def test_explanations_travel_with_values() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase", "Rol visie"], ["P", "Visiefase; realisatie", "regie"]]))
    phases = inv.phases.set_index("phase")
    assert phases.at["visie", "original"] == "Visiefase" and phases.at["visie", "split"]
    assert phases.at["uitvoering", "rule"] == "synoniem" and phases.at["uitvoering", "column"] == "Fase"
    role = inv.roles.iloc[0]
    assert (role["role"], role["original"], role["source"]) == ("regisseur", "regie", "rol_per_fase")


def test_value_mappings_apply_and_are_explained() -> None:
    sheet = Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], ["P", "afronding", "trekker"]])
    before = analysis_of(sheet)
    assert before["phases"]["onbekend"] == 1
    assert [i["value"] for i in before["issues"]] == ["afronding", "trekker"]
    mapped = inventory_of(sheet, value_mappings={"fase": {"Afronding": "uitvoering"}, "rol": {"trekker": "regisseur"}})
    assert mapped.phases.iloc[0]["rule"] == "handmatig toegewezen"
    after = analysis_of(sheet, value_mappings={"fase": {"afronding": "uitvoering"}, "rol": {"trekker": "regisseur"}})
    assert after["phases"]["uitvoering"] == 1 and after["roles"]["uitvoering"]["regisseur"] == 1
    assert after["issues"] == []


def test_unknown_values_listed_for_review() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase"], ["P", "afronding"], ["Q", "afronding; visie"]]))
    unknown = inv.unknown.set_index(["field", "value"])["count"].to_dict()
    assert unknown == {("fase", "afronding"): 2}


def test_element_suggestions_are_not_elements_until_accepted() -> None:
    sheet = Sheet("Projecten", [["Projectnaam", "Omschrijving"], ["Netwerktafel zorg", "partners verbinden"]])
    inv = inventory_of(sheet)
    assert set(inv.suggestions["element"]) == {"B"}
    assert analysis_of(sheet)["elements"]["onbepaald"] == 1
    key = inv.projects.iloc[0]["project"]
    accepted = analysis_of(sheet, accepted_elements={key: ["B"]})
    assert accepted["elements"]["B"] == 1 and accepted["elements"]["onbepaald"] == 0


def test_partners_from_three_places_merged_by_normalised_name() -> None:
    projects = Sheet("Projecten", [["ID", "Projectnaam", "Partners"], [1, "A", "Woonstichting De Kern; GGD"],
                                   [2, "B", "ggd"]])
    partners = Sheet("Partners", [["Naam", "Type"], ["Woonstichting De Kern", "corporatie"], ["GGD", "GGD"],
                                  ["G.G.D.", "GGD"]])
    links = Sheet("Betrokkenheid", [["Project ID", "Partner", "Fase", "Rol"], [1, "GGD", "visie", "adviseur"],
                                    [2, "Welzijn Plus", "uitvoering", "uitvoerder"], [9, "GGD", None, None]])
    inv = inventory_of(projects, partners, links)
    result = analysis_of(projects, partners, links)
    assert result["counts"]["partners"] == 3  # De Kern, GGD (G.G.D. is the same), Welzijn Plus (added)
    assert result["rows"]["partners"] == {"read": 3, "used": 3, "rejected": 0}
    assert result["rows"]["involvements"] == {"read": 3, "used": 2, "rejected": 1}
    # 2 used rows + links from the Partners column not already held: (1, De Kern), (2, GGD)
    assert result["counts"]["involvements"] == 4
    added = inv.partners.set_index("naam").at["Welzijn Plus", "type"]
    assert added == "onbekend"
    messages = [i["message"] for i in result["issues"]]
    assert any("G.G.D." in m and "samengevoegd" in m for m in messages)
    assert any("'9'" in m and "niet in de projectenlijst" in m for m in messages)


def test_involvement_matches_excel_numbers_to_text_ids() -> None:
    projects = Sheet("Projecten", [["ID", "Projectnaam"], ["101", "A"]])
    links = Sheet("Betrokkenheid", [["Project ID", "Partner"], [101.0, "GGD"]])
    assert analysis_of(projects, links)["rows"]["involvements"]["used"] == 1


def test_team_long_and_supply() -> None:
    projects = Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], ["A", "visie", "regisseur"]])
    team = Sheet("Team", [["Naam", "Vaardigheid", "Niveau"], ["Ann", "Netwerken", 4], ["Ann", "initieren", 2],
                          ["Bo", "Netwerken", "hoog"], [None, "Beslissen", 3], ["Cas", "Jongleren", 5]])
    result = analysis_of(projects, team)
    assert result["counts"]["team"] == 3
    assert result["rows"]["team"] == {"read": 5, "used": 4, "rejected": 1}
    supply = result["skills_supply"]["visie"]
    assert supply["Netwerken"] == {"inzetbaar": 2, "in_ontwikkeling": 0}  # Ann 4, Bo hoog
    assert supply["Initiëren"] == {"inzetbaar": 0, "in_ontwikkeling": 1}  # Ann 2
    assert result["skills_load"]["visie"] == {"Netwerken": 0.5, "Stimuleren": None, "Initiëren": None}
    assert "skills_gap" not in result


def test_team_wide_format() -> None:
    projects = Sheet("Projecten", [["Projectnaam"], ["A"]])
    team = Sheet("Team", [["Naam", "Netwerken", "Onderhandelen", "Vastleggen van afspraken"],
                          ["Ann", 4, None, "x"], ["Bo", "nee", 2, None]])
    result = analysis_of(projects, team)
    supply = result["skills_supply"]
    assert supply["visie"]["Netwerken"] == {"inzetbaar": 1, "in_ontwikkeling": 0}  # Ann 4; Bo "nee"
    assert supply["beleid"]["Onderhandelen"] == {"inzetbaar": 0, "in_ontwikkeling": 1}  # Bo 2
    assert supply["uitvoering"]["Vastleggen van afspraken"] == {"inzetbaar": 1, "in_ontwikkeling": 0}  # mark


def test_degenerate_inventories_map() -> None:
    one = analysis_of(Sheet("Projecten", [["Projectnaam"], ["Alleen"]]))
    assert one["counts"] == {"projects": 1, "partners": 0, "involvements": 0, "team": 0}
    assert one["phases"]["onbekend"] == 1 and one["elements"]["onbepaald"] == 1
    empty = analysis_of(Sheet("Projecten", [["Projectnaam", "Fase"]]))
    assert empty["counts"]["projects"] == 0
    assert [i["severity"] for i in empty["issues"]] == ["fout"]


names = st.text(alphabet="abcdeéfgh ", min_size=0, max_size=8)
phases = st.sampled_from(["visie", "Beleid", "uitvoering/keten", "afronding", "", "visie; beleid", "-", None])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, phases, st.sampled_from(["regisseur", "", "x", None])), min_size=1, max_size=25))
def test_nothing_is_lost(rows: list[tuple[str, object, object]]) -> None:
    """Every data row is used or rejected with a reason; every named project is in the inventory."""
    sheet = Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], *[list(r) for r in rows]])
    inv = inventory_of(sheet)
    counts = inv.rows["projects"]
    non_empty = [r for r in rows if any(v not in (None, "") and str(v).strip() for v in r)]
    assert counts.read == len(non_empty)
    assert counts.read == counts.used + counts.rejected
    rejected_issues = [i for i in inv.issues if i.severity == "fout" and i.table == "projects" and i.row]
    assert len(rejected_issues) == counts.rejected
    from regie.normalise import is_empty_text, norm

    named = {norm(r[0]) for r in non_empty if r[0] and not is_empty_text(r[0])}
    assert {norm(n) for n in inv.projects["naam"]} == named

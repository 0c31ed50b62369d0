"""Role paths across visie → beleid → uitvoering (regie.analysis.paths)."""

from __future__ import annotations

import pytest
from conftest import inventory_of
from realistic import Sheet, long_format_xlsx, per_phase_roles_xlsx

from regie import load_inventory
from regie.analysis import paths


def test_per_phase_role_columns_make_paths() -> None:
    inv = load_inventory(per_phase_roles_xlsx(), "x.xlsx")
    table = paths.role_paths(inv)
    assert list(table.columns) == list(paths.PATH_COLUMNS)
    assert dict(zip(table["pad"], table["projecten"], strict=True)) == {
        "Visie: Facilitator → Beleid: Facilitator": 1,
        "Visie: Regie bij anderen → Uitvoering: Zelf doen": 1,
        "Visie: Regisseur → Uitvoering: Samenwerkingspartner": 1,
    }
    assert table["aandeel"].sum() == pytest.approx(1.0)


def test_long_format_rows_are_per_phase_roles() -> None:
    """One row per project and phase, each with its role: the row role is that phase's role."""
    inv = load_inventory(long_format_xlsx(), "x.xlsx")
    per_project = paths.project_paths(inv).set_index("project")
    assert per_project.loc["id:1", "pad"] == (
        "Visie: Regisseur → Beleid: Samenwerkingspartner → Uitvoering: Opdrachtgever"
    )
    assert per_project.loc["id:2", "pad"] == "Beleid: Zelf doen → Uitvoering: Facilitator"
    assert per_project.loc["id:1", "naam"] == "Wonen met zorg Oost"
    assert len(per_project) == 2


def test_a_project_role_is_not_a_path() -> None:
    """A Rol for the whole project repeated over its phases is no path (it names no choice per phase)."""
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Rol"],
        [1, "Woonvisie", "Visie; Beleid; Uitvoering", "Regisseur"],
    ]))
    assert paths.project_paths(inv).empty
    assert paths.role_paths(inv).empty
    assert paths.path_links(inv).empty
    summary = paths.path_summary(inv)
    assert (summary.projects, summary.with_path, summary.one_phase, summary.project_role_only,
            summary.without_role) == (1, 0, 0, 1, 0)


def test_path_links_skip_a_phase_without_role() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Rol visie", "Rol beleid", "Rol uitvoering"],
        [1, "A", "Regisseur", None, "Partner"],
        [2, "B", "Regisseur", None, "Partner"],
        [3, "C", "Regisseur", "Regisseur", "Facilitator"],
    ]))
    links = paths.path_links(inv)
    rows = {tuple(r) for r in links[list(paths.LINK_COLUMNS)].itertuples(index=False, name=None)}
    assert rows == {
        ("visie", "regisseur", "uitvoering", "partner", 2),
        ("visie", "regisseur", "beleid", "regisseur", 1),
        ("beleid", "regisseur", "uitvoering", "facilitator", 1),
    }
    table = paths.role_paths(inv)
    assert table.iloc[0]["pad"] == "Visie: Regisseur → Uitvoering: Samenwerkingspartner"
    assert table.iloc[0]["projecten"] == 2
    assert table.iloc[0]["beleid"] is None


def test_two_roles_in_one_phase_are_one_step() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Rol visie", "Rol uitvoering"],
        [1, "A", "Partner; Regisseur", "Opdrachtgever"],
    ]))
    per_project = paths.project_paths(inv)
    assert per_project.iloc[0]["visie"] == "regisseur+partner"
    assert per_project.iloc[0]["pad"] == "Visie: Regisseur + Samenwerkingspartner → Uitvoering: Opdrachtgever"


@pytest.mark.parametrize(("role", "label"), [
    ("regisseur", "Regisseur"),
    ("regisseur+partner", "Regisseur + Samenwerkingspartner"),
    ("onbekend", "Onbekend"),
])
def test_step_label(role: str, label: str) -> None:
    assert paths.step_label(role) == label


def test_summary_explains_every_project() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Fase", "Rol", "Rol visie", "Rol beleid"],
        [1, "Pad", None, None, "Regisseur", "Partner"],
        [2, "Eén fase", None, None, "Regisseur", None],
        [3, "Projectrol", "Beleid; Uitvoering", "Facilitator", None, None],
        [4, "Zonder rol", "Beleid", None, None, None],
        [5, "Eén fase, één rol", "Uitvoering", "Zelf doen", None, None],
    ]))
    summary = paths.path_summary(inv)
    # A row naming one phase and a role names that phase's role (project 5).
    assert (summary.projects, summary.with_path, summary.one_phase, summary.project_role_only,
            summary.without_role) == (5, 1, 2, 1, 1)


def test_example_has_paths(example_path) -> None:
    inv = load_inventory(example_path.read_bytes(), example_path.name)
    summary = paths.path_summary(inv)
    assert summary.with_path == 18
    assert paths.role_paths(inv)["projecten"].sum() == 18
    assert summary.with_path + summary.one_phase + summary.project_role_only + summary.without_role == 30


def test_no_projects_gives_empty_frames() -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Fase", "Rol"]]))
    assert paths.role_paths(inv).empty
    assert list(paths.role_paths(inv).columns) == list(paths.PATH_COLUMNS)
    assert paths.path_summary(inv).projects == 0

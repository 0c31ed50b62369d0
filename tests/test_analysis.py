"""Analysis functions beyond the JSON contract."""

from __future__ import annotations

from conftest import inventory_of
from realistic import Sheet

from regie import analysis


def test_named_role_share_counts_only_projects_in_the_phase() -> None:
    inv = inventory_of(Sheet("Projecten", [
        ["Projectnaam", "Fase", "Rol", "Rol beleid"],
        ["A", "visie", "regisseur", None],
        ["B", "visie", None, "partner"],   # a role for beleid, a phase B is not in
        ["C", "beleid", None, None],
    ]))
    share = analysis.named_role_share(inv)
    assert share["visie"] == {"projecten": 2, "met_rol": 1, "aandeel": 0.5}
    assert share["beleid"] == {"projecten": 1, "met_rol": 0, "aandeel": 0.0}
    assert share["uitvoering"]["projecten"] == 0


def test_missing_information_names_what_to_add() -> None:
    bare = inventory_of(Sheet("Projecten", [["Projectnaam"], ["A"]]))
    notes = " ".join(analysis.missing_information(bare))
    assert "fase" in notes.lower() and "rol" in notes.lower() and "element" in notes.lower()
    full = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase", "Rol", "Element"], ["A", "visie", "regisseur", "B"]]))
    assert analysis.missing_information(full) == []

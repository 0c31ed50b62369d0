"""Namen verbergen: partner and person names (and keys) replaced consistently."""

from __future__ import annotations

from conftest import inventory_of
from realistic import Sheet

from regie.analysis.filters import Filters, apply
from regie.analysis.privacy import hide_names, without_personal_data

PROJECTS = Sheet("Projecten", [
    ["ID", "Projectnaam", "Fase", "Trekker", "Partners", "Domein"],
    [1, "Loket", "visie", "Jan Jansen", "Woonstichting Noord; GGD Hollands Midden", "wonen"],
    [2, "Tafels", "beleid", "Piet Pieters", "GGD Hollands Midden", "zorg"],
])
PARTNERS = Sheet("Partners", [
    ["Naam", "Type", "Contactpersoon"],
    ["Woonstichting Noord", "woningcorporatie", "a.b@noord.nl"],
    ["GGD Hollands Midden", "GGD", "c.d@ggd.nl"],
])
TEAM = Sheet("Team", [["Naam", "Vaardigheid"], ["Anna de Vries", "Netwerken"]])


def _texts(inv) -> str:
    frames = [inv.partners, inv.involvements, inv.projects, inv.team]
    return " ".join(frame.astype(str).to_string() for frame in frames)


def test_no_name_or_key_survives() -> None:
    hidden = hide_names(inventory_of(PROJECTS, PARTNERS, TEAM))
    text = _texts(hidden).lower()
    for secret in ("woonstichting", "hollands", "jan jansen", "piet", "anna", "@noord", "@ggd"):
        assert secret not in text, secret
    assert set(hidden.partners["naam"]) == {"Woningcorporatie 1", "GGD 1"}
    assert set(hidden.involvements["partner"]) <= set(hidden.partners["partner"])


def test_filtered_view_uses_the_same_aliases() -> None:
    full = inventory_of(PROJECTS, PARTNERS, TEAM)
    zorg = apply(full, Filters(domein=("zorg",)))
    hidden_full = hide_names(full)
    hidden_zorg = hide_names(zorg, reference=full)
    ggd_full = hidden_full.partners.set_index("type").at["ggd", "naam"]
    assert list(hidden_zorg.partners["naam"]) == [ggd_full]
    assert list(hidden_zorg.projects["trekker"]) == list(hidden_full.projects["trekker"])[1:]


def test_without_personal_data() -> None:
    stripped = without_personal_data(inventory_of(PROJECTS, PARTNERS))
    assert stripped.projects["trekker"].isna().all() and stripped.partners["contact"].isna().all()

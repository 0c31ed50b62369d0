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


WITH_CONTACT_COLUMNS = Sheet("Projecten", [
    ["ID", "Projectnaam", "Fase", "E-mailadres", "Telefoon trekker", "Opmerkingen"],
    [1, "Loket", "visie", "jan.jansen@wadlo.nl", "06-12345678", "loopt goed"],
    [2, "Tafels", "beleid", "piet@wadlo.nl", "0612345679", "start in mei"],
])


def test_personal_extra_columns_are_hidden_on_every_page_and_export() -> None:
    from regie.export import html, pptx, xlsx
    from regie.mapping.explain import project_table

    inv = inventory_of(WITH_CONTACT_COLUMNS)
    assert "E-mailadres" in inv.extra.columns
    hidden = hide_names(inv)
    assert list(hidden.extra.columns) == ["project", "Opmerkingen"], "e-mail and telephone go, remarks stay"
    table = project_table(hidden)
    assert not any("mail" in c.lower() or "telefoon" in c.lower() for c in table.columns)
    shown = table.astype(str).to_string()
    for secret in ("jan.jansen", "piet@", "06-1234"):
        assert secret not in shown
        for data in (xlsx.workbook_bytes(hidden, names_hidden=True), html.report_bytes(hidden, names_hidden=True),
                     pptx.deck_bytes(hidden, names_hidden=True)):
            assert secret.encode() not in _unpacked(data), secret
    assert "loopt goed" in shown


def _unpacked(data: bytes) -> bytes:
    import io
    import zipfile

    if data[:2] != b"PK":
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(n) for n in archive.namelist())

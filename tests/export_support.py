"""Shared fixtures of the export tests: inventories with hostile text, and the analysis keys compared.

``INJECTIONS`` are the OWASP formula-injection starts; ``HOSTILE_NAMES`` adds HTML and markdown that
must stay literal text. ``hostile_xlsx`` puts them in every place user text can live: project names,
descriptions, domains, an extra column, partner names and types, involvement and team names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui_support import workbook

from regie import Inventory, analyse, load_inventory

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "voorbeeld_inventaris.xlsx"

ANALYSIS_KEYS: tuple[str, ...] = ("counts", "phases", "elements", "phase_element", "roles", "skills")
"""What a re-imported export must reproduce (docs/inventaris.md)."""

INJECTIONS: tuple[str, ...] = ("=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx")
"""Cell starts that a spreadsheet runs as a formula (OWASP)."""

HOSTILE_NAMES: tuple[str, ...] = (
    "<img src=x onerror=alert(1)>", "**vet** & _schuin_", "<script>alert('x')</script>",
    '=HYPERLINK("http://evil.example","klik")', "</table><b>los</b>",
)


def example_inventory() -> Inventory:
    """The committed example inventory."""
    return load_inventory(EXAMPLE)


def hostile_xlsx() -> bytes:
    """Projects, partners, involvement and team whose user text is hostile, written as text cells."""
    names = [*INJECTIONS, *HOSTILE_NAMES]
    phases = ["Visie", "Beleid", "Uitvoering", "Visie; Uitvoering", "Beleid", "Uitvoering",
              "Visie", "Beleid", "Uitvoering", "Visie; Beleid; Uitvoering", "Beleid"]
    roles = ["Regisseur", "Partner", "Opdrachtgever", "Facilitator", "Zelf doen", "Geen regie",
             "Regisseur", None, "Partner", "Regisseur", "Opdrachtgever"]
    elements = ["A", "B", "C", "D", "A, B", None, "C", "D", None, "B", "A"]
    partner_names = ["=corporatie partner", "+zorg partner", "<b>welzijn</b> partner"]
    projects = [["ID", "Projectnaam", "Omschrijving", "Domein", "Fase", "Rol", "Element", "Budget",
                 "Opmerking", "Aantal woningen"]]
    for i, name in enumerate(names):
        projects.append([
            f"H{i + 1:02d}", name, names[-1 - i], names[(i + 3) % len(names)], phases[i], roles[i],
            elements[i], 1000.5 * (i + 1), INJECTIONS[i % len(INJECTIONS)], i * 10,
        ])
    partners = [["Naam", "Type", "Werkgebied"],
                [partner_names[0], "Woningcorporatie", "Lokaal"],
                [partner_names[1], "Zorgaanbieder", "Regionaal"],
                [partner_names[2], "@onbekend type", "Lokaal"]]
    involvement = [["Project ID", "Partner", "Fase", "Rol", "Invloed"],
                   ["H01", partner_names[0], "Visie", "Trekker", 5],
                   ["H02", partner_names[1], None, "Adviseur", 2],
                   ["H07", partner_names[2], "Visie", "Deelnemer", "hoog"],
                   ["H10", partner_names[0], "Uitvoering", "Uitvoerder", 3]]
    team = [["Naam", "Vaardigheid", "Niveau"],
            ["=Teamlid", "Netwerken", 4], ["<i>Anna</i>", "Onderhandelen", 3],
            ["<i>Anna</i>", "Concretiseren", 5], ["-Piet", "Stimuleren", None]]
    return workbook({"Projecten": projects, "Partners": partners, "Betrokkenheid": involvement, "Team": team})


def hostile_inventory() -> Inventory:
    """The hostile fixture, mapped."""
    return load_inventory(hostile_xlsx(), "<b>gemeente</b> & =inventaris.xlsx")


def same_analysis(first: Inventory, second: Inventory) -> dict[str, tuple[Any, Any]]:
    """The analysis keys (with element coverage, skill supply and load) on which two inventories differ."""
    a, b = analyse(first), analyse(second)
    keys = [*ANALYSIS_KEYS, "element_coverage", "skills_supply", "skills_load"]
    return {k: (a.get(k), b.get(k)) for k in keys if a.get(k) != b.get(k)}

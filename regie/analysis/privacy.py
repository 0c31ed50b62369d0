"""Personal data: "Namen verbergen" and what is kept when storing.

:func:`hide_names` replaces partner names by their type and a number ("Woningcorporatie 2") and
person names (trekker, contactpersoon, teamleden) by "Persoon 3" / "Teamlid 1", and leaves out the
extra columns whose header names personal data (e-mail, telefoon, contactpersoon...), for projectors
and for sharing outside the organisation. Project names stay: they are not personal data.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory
from regie.reading.columns import is_personal_header


def partner_aliases(partners: pd.DataFrame) -> dict[str, str]:
    """Partner key → "Type n", numbered per type in the partners' order."""
    counters: dict[str, int] = {}
    aliases: dict[str, str] = {}
    for key, type_code in zip(partners["partner"], partners["type"], strict=True):
        counters[type_code] = counters.get(type_code, 0) + 1
        label = voc.partner_type_label(type_code) if type_code != voc.UNKNOWN else "Partner"
        aliases[key] = f"{label} {counters[type_code]}"
    return aliases


def _numbering(values: pd.Series, word: str) -> dict[object, str]:
    """Distinct names → "Word n" in order of appearance."""
    return {name: f"{word} {i}" for i, name in enumerate(pd.unique(values.dropna()), start=1)}


def _people(values: pd.Series, word: str) -> pd.Series:
    numbers = _numbering(values, word)
    return values.map(numbers).astype(object).where(values.notna(), None)


def hide_names(inv: Inventory, reference: Inventory | None = None) -> Inventory:
    """The inventory with partner and person names replaced by their kind and a number.

    The keys go too (a partner's key is its normalised name): partners get ``partner-1``... and
    team members ``teamlid-1``..., consistently across the frames. Numbers are taken from
    ``reference`` (the unfiltered inventory) when given, so a filtered view and the full view call
    the same partner by the same alias.
    """
    base = (reference if reference is not None else inv).partners
    aliases = partner_aliases(base)
    keys = {key: f"partner-{i}" for i, key in enumerate(base["partner"], start=1)}
    partners = inv.partners.assign(
        naam=inv.partners["partner"].map(aliases),
        partner=inv.partners["partner"].map(keys),
        type_original=None,
        contact=None,
    )
    involvements = inv.involvements.assign(
        naam=inv.involvements["partner"].map(aliases),
        partner=inv.involvements["partner"].map(keys),
    )
    people = (reference if reference is not None else inv).projects["trekker"]
    persons = _numbering(people, "Persoon")
    projects = inv.projects.assign(
        trekker=inv.projects["trekker"].map(persons).astype(object).where(inv.projects["trekker"].notna(), None)
    )
    team_names = _people(inv.team["naam"], "Teamlid")
    team = inv.team.assign(naam=team_names, person=team_names.map(lambda n: n and n.lower().replace(" ", "-")))
    return replace(inv, partners=partners, involvements=involvements, projects=projects, team=team,
                   extra=without_personal_columns(inv.extra))


def personal_columns(extra: pd.DataFrame) -> list[str]:
    """The extra columns whose header names personal data (``E-mailadres``, ``Telefoon``...)."""
    return [c for c in extra.columns if c != "project" and is_personal_header(str(c))]


def without_personal_columns(extra: pd.DataFrame) -> pd.DataFrame:
    """The extra columns without those that name personal data."""
    return extra.drop(columns=personal_columns(extra))


def without_personal_data(inv: Inventory) -> Inventory:
    """The inventory without contact persons and trekkers (for storing when the user did not opt in)."""
    return replace(
        inv,
        partners=inv.partners.assign(contact=None),
        projects=inv.projects.assign(trekker=None),
        extra=without_personal_columns(inv.extra),
    )

"""Element coverage (docs/domein.md section 2): per project, what the inventory shows of each of MOVISIE's
four crucial elements of regie — this app's own reading (``READINGS["element_coverage"]``).

MOVISIE calls A–D "vier cruciale elementen": steps every regie needs, not categories that divide
projects. The stated elements (the ``Element`` column) stay a separate view (:mod:`.counts`).

* A ``Visie ontwikkelen`` — the column ``Gedeelde visie`` decides when filled (ja: aanwezig; deels or
  nee: ontbreekt). Otherwise: aanwezig when a partner is involved in the visie phase; ontbreekt when
  the project is in visie without any partner; onbekend for a project not in visie.
* B ``Het netwerk koesteren`` — aanwezig with at least one partner, else ontbreekt.
* C ``De eigen rol benoemen`` — aanwezig when a role is named for every phase the project is in,
  else ontbreekt (naming the phases without a role); onbekend without any known phase.
* D ``Variëren in aanpak`` — n.v.t. for a project in one phase or with a role for one phase only;
  ontbreekt ("niet gevarieerd", a point to discuss) when the same role is named in every phase;
  aanwezig when the roles differ.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory

PRESENT = "aanwezig"
MISSING = "ontbreekt"
UNKNOWN = "onbekend"
NOT_APPLICABLE = "nvt"
STATUSES: tuple[str, ...] = (PRESENT, MISSING, UNKNOWN, NOT_APPLICABLE)
STATUS_LABELS: dict[str, str] = {PRESENT: "Aanwezig", MISSING: "Ontbreekt", UNKNOWN: "Onbekend", NOT_APPLICABLE: "N.v.t."}
COVERAGE_COLUMNS: tuple[str, ...] = ("project", "element", "status", "reden")


def _phase_text(phases: list[str]) -> str:
    labels = [voc.phase_label(p).lower() for p in phases]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]


def coverage(inv: Inventory) -> pd.DataFrame:
    """One row per project and element: ``project``, ``element``, ``status`` (:data:`STATUSES`) and
    ``reden`` (why, in Dutch)."""
    projects = list(inv.projects["project"])
    phases: dict[str, list[str]] = {}
    for project, phase in inv.phases[["project", "phase"]].drop_duplicates().itertuples(index=False):
        phases.setdefault(project, []).append(phase)
    order = {p: i for i, p in enumerate(voc.PHASE_CODES)}
    for values in phases.values():
        values.sort(key=order.__getitem__)
    roles: dict[str, dict[str, set[str]]] = {}
    for project, phase, role in inv.roles[["project", "phase", "role"]].drop_duplicates().itertuples(index=False):
        if role != voc.UNKNOWN:
            roles.setdefault(project, {}).setdefault(phase, set()).add(role)
    links = inv.involvements[["project", "fase"]]
    with_partner = set(links["project"])
    partner_in_visie = set(links.loc[links["fase"] == "visie", "project"])
    partner_no_phase = set(links.loc[links["fase"].isna(), "project"])
    shared = dict(zip(inv.projects["project"], inv.projects.get("gedeelde_visie", pd.Series(None, index=inv.projects.index)),
                      strict=True))
    rows: list[tuple[str, str, str, str]] = []
    for project in projects:
        own = phases.get(project, [])
        named = roles.get(project, {})
        rows.append((project, "A", *_element_a(project, own, shared.get(project), partner_in_visie, partner_no_phase)))
        rows.append((project, "B", *(
            (PRESENT, "Er is een partner bij het project betrokken.") if project in with_partner
            else (MISSING, "Er is geen partner bij het project betrokken.")
        )))
        rows.append((project, "C", *_element_c(own, named)))
        rows.append((project, "D", *_element_d(own, named)))
    return pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS))


def _element_a(project: str, own: list[str], shared: object, in_visie: set[str], no_phase: set[str]) -> tuple[str, str]:
    if shared == "ja":
        return PRESENT, "Volgens de kolom Gedeelde visie is de visie gedeeld."
    if shared == "deels":
        return MISSING, "Volgens de kolom Gedeelde visie is de visie maar deels gedeeld."
    if shared == "nee":
        return MISSING, "Volgens de kolom Gedeelde visie is er (nog) geen gedeelde visie."
    if project in in_visie or ("visie" in own and project in no_phase):
        return PRESENT, "Er is een partner betrokken bij de visiefase."
    if "visie" in own:
        return MISSING, "Het project zit in de visiefase, maar er is daar geen partner bij betrokken."
    return UNKNOWN, "Het project zit niet in de visiefase en de kolom Gedeelde visie is leeg."


def _element_c(own: list[str], named: dict[str, set[str]]) -> tuple[str, str]:
    if not own:
        return UNKNOWN, "Van het project is geen fase bekend."
    without = [p for p in own if p not in named]
    if not without:
        return PRESENT, "Voor elke fase van het project is de rol van de gemeente benoemd."
    return MISSING, f"Geen rol benoemd voor {_phase_text(without)}."


def _element_d(own: list[str], named: dict[str, set[str]]) -> tuple[str, str]:
    if len(own) <= 1:
        return NOT_APPLICABLE, "Het project zit in één fase (of geen): variëren per fase speelt niet."
    if len(named) <= 1:
        return NOT_APPLICABLE, "Er is een rol benoemd voor hooguit één fase."
    if len({frozenset(r) for r in named.values()}) == 1:
        return MISSING, ("Niet gevarieerd: in elke fase dezelfde rol. Geen fout, wel een punt om te bespreken: "
                         "MOVISIE vraagt de rol per fase af te wegen.")
    return PRESENT, "De rol van de gemeente verschilt per fase."


def statuses(inv: Inventory) -> pd.DataFrame:
    """Per project (index ``project``, inventory order), the status of A, B, C and D: the same statuses as
    :func:`coverage`, computed with array operations on project positions (no reasons; for counts at
    any size)."""
    projects = pd.Index(inv.projects["project"], name="project")
    n = len(projects)
    named = inv.roles.loc[inv.roles["role"] != voc.UNKNOWN, ["project", "phase", "role"]]
    # phases as bit positions, the same for both tables: a project's phases become one number
    phase_at, phase_values = pd.factorize(pd.concat([inv.phases["phase"], named["phase"]], ignore_index=True))
    own_phase, named_phase = phase_at[:len(inv.phases)], phase_at[len(inv.phases):]
    own_at, named_at = projects.get_indexer(inv.phases["project"]), projects.get_indexer(named["project"])
    own = _phase_bits(own_at, own_phase, n)
    named_mask = _phase_bits(named_at, named_phase, n)
    # per project and phase, the set of roles named as one number (bit i: role i)
    role_bits = {role: 1 << i for i, role in enumerate(voc.ROLE_CODES)}
    keep = (named_at >= 0) & (named_phase >= 0)
    sets = np.zeros((n, max(len(phase_values), 1)), dtype=np.int64)
    np.bitwise_or.at(sets, (named_at[keep], named_phase[keep]),
                     named["role"].map(role_bits).fillna(0).astype("int64").to_numpy()[keep])
    present = (named_mask[:, None] >> np.arange(sets.shape[1])) & 1 == 1
    own_count = _popcount(own)
    named_phases = _popcount(named_mask)
    unnamed = _popcount(own & ~named_mask)
    highest = np.where(present, sets, -1).max(axis=1)
    lowest = np.where(present, sets, np.iinfo(np.int64).max).min(axis=1)
    same_sets = named_phases.astype(bool) & (highest == lowest)
    in_visie_own = projects.isin(inv.phases.loc[inv.phases["phase"] == "visie", "project"])
    links = inv.involvements[["project", "fase"]]
    linked = projects.get_indexer(links["project"])
    with_partner = _any_at(linked, np.ones(len(links), dtype=bool), n)
    partner_in_visie = _any_at(linked, (links["fase"] == "visie").to_numpy(dtype=bool), n)
    partner_no_phase = _any_at(linked, links["fase"].isna().to_numpy(dtype=bool), n)
    shared = (inv.projects["gedeelde_visie"] if "gedeelde_visie" in inv.projects
              else pd.Series(None, index=inv.projects.index, dtype=object)).to_numpy(dtype=object)
    a = np.select(
        [shared == "ja", (shared == "deels") | (shared == "nee"), partner_in_visie | (in_visie_own & partner_no_phase),
         in_visie_own],
        [PRESENT, MISSING, PRESENT, MISSING], UNKNOWN)
    b = np.where(with_partner, PRESENT, MISSING)
    c = np.select([own_count == 0, unnamed == 0], [UNKNOWN, PRESENT], MISSING)
    d = np.select([own_count <= 1, named_phases <= 1, same_sets], [NOT_APPLICABLE, NOT_APPLICABLE, MISSING], PRESENT)
    return pd.DataFrame({"A": a, "B": b, "C": c, "D": d}, index=projects)


def _phase_bits(at: np.ndarray, phase: np.ndarray, n: int) -> np.ndarray:
    """Per project position, the phases of its rows as bits (rows of unknown projects or without a
    phase are left out)."""
    out = np.zeros(n, dtype=np.int64)
    keep = (at >= 0) & (phase >= 0)
    np.bitwise_or.at(out, at[keep], np.left_shift(1, phase[keep].astype(np.int64)))
    return out


def _any_at(at: np.ndarray, flags: np.ndarray, n: int) -> np.ndarray:
    """Per project position: does any row at that position have its flag set."""
    hit = at[(at >= 0) & flags]
    return np.bincount(hit, minlength=n)[:n] > 0


def _popcount(bits: np.ndarray) -> np.ndarray:
    return np.bitwise_count(bits.astype(np.uint64)).astype(np.int64)


def coverage_counts(inv: Inventory) -> dict[str, dict[str, int]]:
    """Per element A–D, projects per status (every key present): the JSON ``element_coverage``."""
    table = statuses(inv)
    counts = {e: table[e].value_counts() for e in voc.ELEMENT_CODES}
    return {e: {s: int(counts[e].get(s, 0)) for s in STATUSES} for e in voc.ELEMENT_CODES}


def coverage_table(inv: Inventory) -> pd.DataFrame:
    """Per project, the status of A–D in words (one column per element, the reason beside it)."""
    frame = coverage(inv)
    names = dict(zip(inv.projects["project"], inv.projects["naam"], strict=True))
    ids = dict(zip(inv.projects["project"], inv.projects["id"], strict=True))
    columns = ["ID", "Project"] + [c for e in voc.ELEMENT_CODES for c in (voc.element_label(e), f"Waarom {e}")]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    wide: dict[str, dict[str, str]] = {}
    for project, element, status, reason in frame.itertuples(index=False):
        row = wide.setdefault(project, {"ID": str(ids[project]), "Project": str(names[project])})
        row[voc.element_label(element)] = STATUS_LABELS[status]
        row[f"Waarom {element}"] = reason
    return pd.DataFrame(list(wide.values()), columns=columns)


def missing_table(counts: dict[str, dict[str, int]]) -> pd.DataFrame:
    """Per element, how many projects show it, miss it, do not show it, or where it does not apply
    (``counts`` as :func:`coverage_counts` gives them)."""
    return pd.DataFrame([
        {"Element": voc.element_label(e), **{STATUS_LABELS[s]: counts[e][s] for s in STATUSES}}
        for e in voc.ELEMENT_CODES
    ])

"""Make the example inventory and the empty template in ``data/``.

Run from the repository root::

    python data/make_data.py

Writes ``data/voorbeeld_inventaris.xlsx`` (a fictional gemeente, "Gemeente Wadlo", built from the
cases in the seed texts) and ``data/sjabloon_inventaris.xlsx`` (the template an adviser fills in,
with dropdowns fed from a hidden sheet "Lijsten"). The output is byte-for-byte deterministic.

The data live in module-level structures (``PROJECTS``, ``PARTNERS``, ``INVOLVEMENTS``, ``TEAM``)
that hold, for every cell that carries a vocabulary value, both what is written and its canonical
code. ``expected_counts()`` computes the analysis numbers of docs/inventaris.md straight from these
structures, so tests can check the reader and the analysis without trusting either.
"""

from __future__ import annotations

import io
import math
import re
import sys
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from regie import vocabulary as voc  # noqa: E402 — after the sys.path line above

DATA_DIR = ROOT / "data"
EXAMPLE_PATH = DATA_DIR / "voorbeeld_inventaris.xlsx"
TEMPLATE_PATH = DATA_DIR / "sjabloon_inventaris.xlsx"

GEMEENTE = "Gemeente Wadlo"
PEILDATUM = date(2026, 11, 1)
FIXED_TIMESTAMP = datetime(2026, 11, 1, 9, 0, 0)
"""Used for the workbook properties and every zip member, so the files are reproducible."""

TITLE = f"{GEMEENTE} – Inventarisatie regierol per fase"
TITLE_ROWS = 3
"""Rows above the header on the example's projects sheet (title, peildatum, blank)."""

TEMPLATE_ROWS = 1000
"""Dropdowns in the template cover rows 2..TEMPLATE_ROWS."""

LISTS_SHEET = "Lijsten"
INSTRUCTIONS_SHEET = "Instructies"

# --------------------------------------------------------------------------------------------
# Sheet names and headers, taken from the vocabulary
# --------------------------------------------------------------------------------------------

SHEET = {table: names[0] for table, names in voc.SHEET_NAMES.items()}
"""Sheet name per table: Projecten, Partners, Betrokkenheid, Team."""

_P = voc.COLUMNS["projects"]
H_ID = _P["id"][0]
H_NAAM = _P["naam"][0]
H_OMSCHRIJVING = _P["omschrijving"][0]
H_DOMEIN = _P["domein"][0]
H_GEBIED = _P["gebied"][2]  # "Kern": Wadlo is a gemeente of several kernen
H_FASE = _P["fase"][0]
H_ELEMENT = _P["element"][0]
H_ROL = _P["rol"][0]
H_ROL_FASE = {code: f"{_P['rol'][0]} {code}" for code in voc.PHASE_CODES}
"""Per-phase role columns: "Rol visie", "Rol beleid", "Rol uitvoering"."""
H_REGIE = _P["regie"][0]
H_TAAKSOORT = _P["taaksoort"][0]
H_BELEIDSKADER = _P["beleidskader"][0]
H_DOORZETTINGSMACHT = _P["doorzettingsmacht"][0]
H_TREKKER = _P["trekker"][0]
H_START = _P["start"][0]
H_EIND = _P["eind"][0]
H_BUDGET = _P["budget"][0]
H_PARTNERS = _P["partners"][0]

H_OVERHEIDSROL = _P["overheidsrol"][0]
H_GEDEELDE_VISIE = _P["gedeelde_visie"][0]
H_AFDELINGEN = _P["afdelingen"][0]

TREE_FIELDS: tuple[str, ...] = ("kenmerken", "samenwerking", "kernactiviteit", "andere_partijen", "nabijheid", "vorm")
TREE_HEADERS: dict[str, str] = {code: _P[code][0] for code in TREE_FIELDS}
"""Kaag en Braassem decision-tree columns (docs/domein.md section 6): the four questions, nabijheid and the
chosen form; the tree over an inventory reads only these."""

PROJECT_HEADERS: tuple[str, ...] = (
    H_ID, H_NAAM, H_OMSCHRIJVING, H_DOMEIN, H_GEBIED, H_FASE, H_ELEMENT, H_ROL,
    *H_ROL_FASE.values(),
    H_REGIE, H_TAAKSOORT, H_OVERHEIDSROL, H_BELEIDSKADER, H_DOORZETTINGSMACHT, H_TREKKER, H_START,
    H_EIND, H_BUDGET, H_PARTNERS, H_GEDEELDE_VISIE, H_AFDELINGEN, *TREE_HEADERS.values(),
)

_PA = voc.COLUMNS["partners"]
PARTNER_HEADERS: tuple[str, ...] = (
    _PA["naam"][0], _PA["type"][0], _PA["werkgebied"][0], _PA["contact"][0],
)

_I = voc.COLUMNS["involvements"]
H_I_PROJECT = _I["project_id"][0]
H_I_PARTNER = _I["partner"][0]
H_I_FASE = _I["fase"][0]
H_I_ROL = _I["rol"][1]  # "Rol partner"
H_I_INVLOED = _I["invloed"][0]
H_I_BELANG = _I["belang"][0]
INVOLVEMENT_HEADERS: tuple[str, ...] = (
    H_I_PROJECT, H_I_PARTNER, H_I_FASE, H_I_ROL, H_I_INVLOED, H_I_BELANG,
)

_T = voc.COLUMNS["team"]
TEAM_HEADERS: tuple[str, ...] = (_T["naam"][0], _T["vaardigheid"][0], _T["niveau"][0])

YES, NO = "ja", "nee"

# --------------------------------------------------------------------------------------------
# Partners
# --------------------------------------------------------------------------------------------


def _partner(key: str, name: str, type_code: str, area_code: str, contact: str) -> dict[str, Any]:
    """One partner: canonical codes plus the cells as written (labels from the vocabulary)."""
    type_label = voc.PARTNER_TYPE_BY_CODE[type_code].label
    area_label = {c.code: c.label for c in voc.WERKGEBIEDEN}[area_code]
    return {
        "key": key, "naam": name, "type": type_code, "werkgebied": area_code,
        "contact": contact or None,
        "cells": dict(zip(PARTNER_HEADERS, (name, type_label, area_label, contact or None),
                          strict=True)),
    }


PARTNERS: list[dict[str, Any]] = [
    _partner("ww", "Woonstichting Wadlo Wonen", "woningcorporatie", "lokaal", "Erik Molenaar"),
    _partner("rt", "Rijnstreek Thuis", "woningcorporatie", "regionaal", "Anouk Brink"),
    _partner("linde", "Zorggroep De Linde", "zorgaanbieder", "regionaal", "Hanneke Dijkhuis"),
    _partner("tzv", "Thuiszorg Veenland", "zorgaanbieder", "regionaal", "Marco Bleeker"),
    _partner("ha", "Huisartsencoöperatie Wadlo", "zorgaanbieder", "lokaal", "Yvonne Kamp"),
    _partner("jgt", "Jeugd- en Gezinsteams Veenland", "zorgaanbieder", "regionaal",
             "Samira Bouzid"),
    _partner("welzijn", "Stichting Welzijn Wadlo", "welzijnsorganisatie", "lokaal",
             "Tom Vermeulen"),
    _partner("asd", "Adviesraad Sociaal Domein Wadlo", "bewonersorganisatie", "lokaal",
             "Gerard Plomp"),
    _partner("hv", "Huurdersvereniging Wadlo", "bewonersorganisatie", "lokaal",
             "Wilma Haverkamp"),
    _partner("dr", "Dorpsraad Ruigewaard", "bewonersorganisatie", "lokaal", "Henk Oosterbaan"),
    _partner("zk", "Zorgkantoor Veenland", "zorgkantoor", "regionaal", "Ellen Sprenger"),
    _partner("zv", "Polderzorg Verzekeringen", "zorgverzekeraar", "landelijk", "Bas Wijnands"),
    _partner("ggd", "GGD Veenland", "ggd", "regionaal", "Nicole Verburg"),
    _partner("vc", "Vrijwilligerscentrale Wadlo", "vrijwilligersorganisatie", "lokaal",
             "Joke van Rijn"),
    _partner("oase", "Stichting De Kleine Oase", "vrijwilligersorganisatie", "lokaal",
             "Ria Zandbergen"),
    _partner("vv", "VV Wadlo", "vrijwilligersorganisatie", "lokaal", "Dennis Kuiper"),
    _partner("hc", "Hockeyclub Lindeveen", "vrijwilligersorganisatie", "lokaal", "Esther Blom"),
    _partner("ald", "Gemeente Aldeveen", "andere_gemeente", "regionaal", "Frank Hoekstra"),
    _partner("zw", "Gemeente Zuiderwaard", "andere_gemeente", "regionaal", "Judith Meijers"),
    _partner("sp", "Servicepunt Veenland", "gemeenschappelijke_regeling", "regionaal",
             "Arjen Wolters"),
    _partner("bs", "Belastingsamenwerking Veenland", "gemeenschappelijke_regeling", "regionaal",
             "Monique Tak"),
    _partner("gw", "Grondwaarde Advies B.V.", "bedrijf", "landelijk", "Rick van Tongeren"),
    _partner("spo", "Stichting Primair Onderwijs Veenland", "onderwijs", "regionaal",
             "Carla Smit"),
    _partner("pol", "Politie basisteam Veenland-Noord", "politie", "regionaal",
             "Mohamed Amrani"),
    _partner("aed", "Inwonersinitiatief AED Wadlo", "inwoners", "lokaal", "Kees Hoogland"),
    _partner("tcw", "Transitiecommissie Warmte Wadlo", "inwoners", "lokaal", "Lotte Baars"),
    _partner("amal", "Bewonersgroep Al Amal", "inwoners", "lokaal", "Rachid Benali"),
    _partner("bp", "Buurtpreventie Wadlo-Zuid", "inwoners", "lokaal", ""),
]
PARTNER_BY_KEY: dict[str, dict[str, Any]] = {p["key"]: p for p in PARTNERS}

# --------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------


def _project(
    pid: str,
    name: str,
    description: str,
    domain: str,
    area: str,
    phases: Sequence[str],
    elements: Sequence[str],
    *,
    phase_roles: dict[str, str],
    role: str | None = None,
    written: dict[str, str] | None = None,
    regie: str,
    taaksoort: str | tuple[str, ...],
    beleidskader: str,
    doorzettingsmacht: str,
    trekker: str,
    start: date,
    end: date,
    budget: int,
    partners: Sequence[str],
    tree: tuple[str | None, ...],
    overheidsrol: tuple[str, ...] = (),
    gedeelde_visie: str | None = None,
    afdelingen: tuple[str, ...] = (),
) -> dict[str, Any]:
    """One project: canonical codes, and the row as written.

    ``phases``, ``elements``, ``phase_roles`` (phase → role code) and ``role`` (project role code)
    are canonical. What is written defaults to the codes/labels; ``written`` overrides a cell with
    a synonym (keys: ``fase``, ``element``, ``rol``, or a phase code for its role column).
    ``tree`` holds the answers (ja/deels/nee or None) to the four questions and nabijheid, and the
    chosen form's code (or None); ``overheidsrol`` and ``taaksoort`` may hold several codes.
    """
    written = written or {}
    kinds = (taaksoort,) if isinstance(taaksoort, str) else tuple(taaksoort)
    tree_values = dict(zip(TREE_FIELDS, tree, strict=True))
    form_labels = {c.code: c.label for c in voc.COOPERATION_FORMS}
    government = {c.code: c.label for c in voc.GOVERNMENT_ROLES}
    cells: dict[str, Any] = {
        H_ID: pid,
        H_NAAM: name,
        H_OMSCHRIJVING: description,
        H_DOMEIN: domain,
        H_GEBIED: area,
        H_FASE: written.get("fase", "; ".join(phases)),
        H_ELEMENT: written.get("element", ", ".join(elements)) or None,
        H_ROL: written.get("rol", voc.role_label(role)) if role else None,
        **{
            H_ROL_FASE[ph]: (
                written.get(ph, voc.role_label(phase_roles[ph])) if ph in phase_roles else None
            )
            for ph in voc.PHASE_CODES
        },
        H_REGIE: regie,
        H_TAAKSOORT: "; ".join(kinds),
        H_OVERHEIDSROL: "; ".join(government[c] for c in overheidsrol) or None,
        H_BELEIDSKADER: beleidskader,
        H_DOORZETTINGSMACHT: doorzettingsmacht,
        H_TREKKER: trekker,
        H_START: start,
        H_EIND: end,
        H_BUDGET: budget,
        H_PARTNERS: "; ".join(PARTNER_BY_KEY[k]["naam"] for k in partners) or None,
        H_GEDEELDE_VISIE: gedeelde_visie,
        H_AFDELINGEN: "; ".join(afdelingen) or None,
        **{TREE_HEADERS[k]: (form_labels[v] if k == "vorm" and v else v) for k, v in tree_values.items()},
    }
    return {
        "id": pid, "naam": name, "omschrijving": description, "domein": domain, "gebied": area,
        "phases": tuple(phases), "elements": tuple(elements), "role": role,
        "phase_roles": dict(phase_roles), "regie": regie, "taaksoort": kinds,
        "overheidsrol": tuple(overheidsrol), "gedeelde_visie": gedeelde_visie, "afdelingen": tuple(afdelingen),
        "beleidskader": beleidskader, "doorzettingsmacht": doorzettingsmacht,
        "trekker": trekker, "start": start, "eind": end, "budget": budget,
        "partners": tuple(partners), **tree_values,
        "cells": {h: cells[h] for h in PROJECT_HEADERS},
    }


_LLB = (
    "Levensloopbestendige wijk: per terrein (wonen, welzijn, zorg) een tafel waar alle partijen "
    "het gemeentelijk toetsingskader onderschrijven; patiënten/consumenten en zorginstellingen "
    "schuiven aan. "
)
_LLB_TREE = ("ja", "ja", "nee", "ja", "nee", None)
"""Complex, partners to work with, not a core activity of the gemeente, aanbieders already carry it out."""
_LEAVE_TREE = ("nee", "nee", "nee", "ja", "nee", "partners_inwoners")
"""Inwoners or maatschappelijke partners already do it: overlaten (faciliteren)."""
_GR_TREE = ("nee", "ja", "nee", "nee", "nee", "gemeenschappelijke_regeling")
"""Bedrijfsvoering and belastingen in a shared organisation (Kaag en Braassem's own examples)."""
_OWN_TREE = ("nee", "nee", "ja", "nee", "ja", None)
"""A core activity close to inhabitants: nabijheid, zelf uitvoeren."""

PROJECTS: list[dict[str, Any]] = [
    _project(
        "P01", "Innovatieprogramma Wonen, Welzijn en Zorg",
        "Invulling van het collegeprogramma: met professionals, bewoners-/cliëntenorganisaties en "
        "vrijwilligersorganisaties een gedeelde ambitie vaststellen ('Gewoon wonen wordt de "
        "norm'), met uitwerkingsplannen per deelgebied en twee pilots.",
        "Wonen, welzijn en zorg", "Gemeentebreed", ("visie", "beleid"), ("A",),
        phase_roles={"visie": "regisseur", "beleid": "regisseur", "uitvoering": "partner"},
        regie="beide", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Marieke Aalbers",
        start=date(2025, 1, 6), end=date(2027, 12, 31), budget=185_000,
        partners=("ww", "linde", "welzijn", "asd", "vc", "zk"), tree=("ja", "ja", "nee", "nee", "nee", None),
        gedeelde_visie="ja", overheidsrol=("samenwerkend",), afdelingen=("Wonen", "Zorg en Welzijn", "Ruimtelijke Ordening"),
    ),
    _project(
        "P02", "Pilot 1: Woonzorgzone Kolderdijk",
        "Eerste pilot van het innovatieprogramma: levensloopbestendige woningen, servicediensten "
        "aan huis en cruciale voorzieningen binnen handbereik in de kern Kolderdijk.",
        "Wonen, welzijn en zorg", "Kolderdijk", ("beleid", "uitvoering"), ("A", "B"),
        phase_roles={"beleid": "regisseur", "uitvoering": "partner"},
        written={"fase": "Beleid/uitvoering", "uitvoering": "Samenwerking"},
        regie="extern", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Joost Verhoef",
        start=date(2025, 9, 1), end=date(2027, 6, 30), budget=420_000,
        partners=("ww", "linde", "welzijn", "hv"), tree=("ja", None, None, None, None, None),
        afdelingen=("Wonen", "Zorg en Welzijn"),
    ),
    _project(
        "P03", "Pilot 2: Kleinschalig groepswonen Lindeveen",
        "Tweede pilot: kleinschalige groepswoningen en beschermd wonen in de wijk voor inwoners "
        "die complexe en intensieve ondersteuning nodig hebben. De gemeente brengt eigen grond in.",
        "Wonen, welzijn en zorg", "Lindeveen", ("visie", "beleid"), ("A",),
        phase_roles={"visie": "regisseur", "beleid": "partner"},
        written={"fase": "Visie, beleid"},
        regie="extern", taaksoort=("privaatrechtelijk", "belanghebbend"), beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Joost Verhoef",
        start=date(2026, 3, 1), end=date(2028, 3, 31), budget=95_000,
        partners=("rt", "linde", "zk", "asd"), tree=("ja", "ja", None, "nee", None, None),
        afdelingen=("Wonen", "Vastgoed"),
    ),
    _project(
        "P04", "Buurtservicepunt Oude School",
        "500 m² van de oude school in de Molenbuurt krijgt een nieuwe bestemming: aangepaste "
        "woningen, zorg voor verschillende doelgroepen en een buurtservicepunt. Totaalplan samen "
        "met de corporatie opgesteld; de corporatie selecteert de exploitant.",
        "Wonen, welzijn en zorg", "Wadlo-Molenbuurt", ("beleid", "uitvoering"), ("B",),
        phase_roles={"beleid": "partner", "uitvoering": "facilitator"},
        written={"element": "B - Het netwerk koesteren"},
        regie="extern", taaksoort="privaatrechtelijk", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Fatima El Idrissi",
        start=date(2024, 4, 1), end=date(2027, 9, 30), budget=60_000,
        partners=("ww", "linde", "welzijn", "spo", "pol"), tree=("nee", "ja", "nee", "ja", "nee", None),
        overheidsrol=("samenwerkend", "participerend"), afdelingen=("Vastgoed", "Zorg en Welzijn"),
    ),
    _project(
        "P05", "Woongroep oudere Marokkaanse bewoners",
        "Oudere bewoners van Marokkaanse afkomst ontwikkelen bij het buurtservicepunt een eigen "
        "woongroep; een lang bestaande wens uit de buurt.",
        "Wonen", "Wadlo-Molenbuurt", ("visie",), ("B",),
        phase_roles={"visie": "facilitator"},
        written={"fase": "Verkenning", "visie": "Faciliteren"},
        regie="extern", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="afwezig", trekker="Fatima El Idrissi",
        start=date(2026, 1, 15), end=date(2027, 6, 30), budget=15_000,
        partners=("amal", "ww", "welzijn"), tree=(None, None, None, None, None, None),
    ),
    _project(
        "P06", "Woonservicezone Ruigewaard",
        "Gebiedsontwikkeling naar een woonservicezone in de kern Ruigewaard, met partners die "
        "regionaal werken. Beleidskaders en productieafspraken met de aanbieders zijn vooraf "
        "benoemd; de regie op de uitvoering ligt bij de aanbieders.",
        "Wonen, welzijn en zorg", "Ruigewaard", ("visie", "beleid", "uitvoering"), ("C",),
        role="regisseur",
        phase_roles={"visie": "regisseur", "beleid": "regisseur", "uitvoering": "geen"},
        written={"element": "C - De eigen rol benoemen", "uitvoering": "Regie bij partners"},
        regie="extern", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Ingrid Scholten",
        start=date(2024, 2, 1), end=date(2028, 12, 31), budget=250_000,
        partners=("rt", "linde", "tzv", "zk", "dr"), tree=_LLB_TREE,
        overheidsrol=("samenwerkend",), afdelingen=("Ruimtelijke Ordening", "Wonen", "Zorg en Welzijn"),
    ),
    _project(
        "P07", "Levensloopbestendige wijk Centrum",
        _LLB + "Eerste wijk: de tafels zijn gestart; de gemeente verbindt de partners in de "
        "uitvoering (ketensturing).",
        "Wonen, welzijn en zorg", "Wadlo-Centrum", ("uitvoering",), ("D",),
        phase_roles={"visie": "regisseur", "beleid": "regisseur", "uitvoering": "regisseur"},
        written={"fase": "Uitvoering", "uitvoering": "Regisseren"},
        regie="beide", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Ingrid Scholten",
        start=date(2023, 3, 1), end=date(2026, 12, 31), budget=310_000,
        partners=("ww", "linde", "welzijn", "hv"), tree=_LLB_TREE,
        gedeelde_visie="ja", afdelingen=("Wonen", "Zorg en Welzijn"),
    ),
    _project(
        "P08", "Levensloopbestendige wijk Noord",
        _LLB + "Gebiedsprogramma vastgesteld; eerste deelprojecten aanbesteed.",
        "Wonen, welzijn en zorg", "Wadlo-Noord", ("beleid", "uitvoering"), ("D",),
        phase_roles={"visie": "regisseur", "beleid": "regisseur", "uitvoering": "opdrachtgever"},
        written={"fase": "beleid + uitvoering", "element": "Element D"},
        regie="beide", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Ruben Tromp",
        start=date(2024, 1, 1), end=date(2027, 12, 31), budget=275_000,
        partners=("ww", "tzv", "welzijn", "asd"), tree=_LLB_TREE,
        afdelingen=("Wonen",),
    ),
    _project(
        "P09", "Levensloopbestendige wijk Oost",
        _LLB + "Concept gebiedsprogramma wordt getoetst aan locaties en bestemmingsplan.",
        "Wonen, welzijn en zorg", "Wadlo-Oost", ("beleid",), ("B", "D"),
        phase_roles={"beleid": "regisseur", "uitvoering": "partner"},
        regie="extern", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Ingrid Scholten",
        start=date(2025, 5, 1), end=date(2028, 6, 30), budget=90_000,
        partners=("ww", "linde", "welzijn", "zk"), tree=_LLB_TREE,
        afdelingen=("Wonen", "Ruimtelijke Ordening"),
    ),
    _project(
        "P10", "Levensloopbestendige wijk Zuid",
        _LLB + "Integrale analyse gereed; doelen per woongebied in planvorming.",
        "Wonen, welzijn en zorg", "Wadlo-Zuid", ("beleid",), ("D",),
        phase_roles={"beleid": "regisseur"},
        written={"fase": "Planvorming"},
        regie="extern", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Ruben Tromp",
        start=date(2026, 1, 1), end=date(2028, 12, 31), budget=70_000,
        partners=("ww", "tzv", "welzijn"), tree=_LLB_TREE,
    ),
    _project(
        "P11", "Levensloopbestendige wijk West",
        _LLB + "Partners worden bijeengebracht voor een gezamenlijke visie op de wijk.",
        "Wonen, welzijn en zorg", "Wadlo-West", ("visie",), ("D",),
        phase_roles={"visie": "regisseur"},
        written={"visie": "Regievoerder"},
        regie="extern", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Ingrid Scholten",
        start=date(2026, 9, 1), end=date(2029, 12, 31), budget=40_000,
        partners=("rt", "linde", "welzijn"), tree=_LLB_TREE,
        gedeelde_visie="deels",
    ),
    _project(
        "P12", "Levensloopbestendige wijk Molenbuurt",
        _LLB + "Start met een wijkvisie, samen met de bewoners van de oude stadsvernieuwingsbuurt.",
        "Wonen, welzijn en zorg", "Wadlo-Molenbuurt", ("visie",), ("A", "D"),
        phase_roles={"visie": "regisseur", "beleid": "regisseur"},
        regie="beide", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Fatima El Idrissi",
        start=date(2026, 6, 1), end=date(2029, 12, 31), budget=35_000,
        partners=("ww", "welzijn", "asd"), tree=_LLB_TREE,
        gedeelde_visie="nee",
    ),
    _project(
        "P13", "Centrale intake bouwinitiatieven wonen-welzijn-zorg",
        "Eén loket binnen de gemeentelijke organisatie beoordeelt alle bouwinitiatieven op het "
        "terrein van wonen, welzijn en zorg; het zorgkantoor schuift aan. Kortere procedures en "
        "één mond naar buiten.",
        "Wonen, welzijn en zorg", "Gemeentebreed", ("uitvoering",), ("C",),
        phase_roles={"beleid": "zelf", "uitvoering": "zelf"},
        written={"uitvoering": "Zelf doen"},
        regie="intern", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="groot", trekker="Koen Hermans",
        start=date(2025, 3, 1), end=date(2026, 12, 31), budget=80_000,
        partners=("zk",), tree=_OWN_TREE,
        overheidsrol=("presterend", "rechtmatig"), afdelingen=("Vergunningen", "Wonen", "Zorg en Welzijn"),
    ),
    _project(
        "P14", "AED-netwerk door inwoners",
        "Inwoners hebben zelf AED's aangeschaft en gefinancierd en een netwerk van "
        "burgerhulpverleners opgezet; de gemeente helpt met communicatie en een kleine bijdrage.",
        "Gezondheid", "Gemeentebreed", ("uitvoering",), ("B",),
        phase_roles={"uitvoering": "facilitator"},
        written={"fase": "Realisatie", "uitvoering": "Overlaten aan de samenleving"},
        regie="extern", taaksoort="belanghebbend", beleidskader="ander",
        doorzettingsmacht="afwezig", trekker="Linda Veenstra",
        start=date(2023, 5, 1), end=date(2026, 12, 31), budget=12_500,
        partners=("aed", "vc"), tree=_LEAVE_TREE,
        overheidsrol=("participerend",),
    ),
    _project(
        "P15", "Transitiecommissie Warmte",
        "Inwoners nemen in de Transitiecommissie Warmte de leiding: zij werken een visie op de "
        "warmtetransitie per kern uit en bouwen een netwerk van bewoners, corporaties en "
        "bedrijven. De gemeente bepaalt per fase haar rol en sluit aan.",
        "Duurzaamheid", "Gemeentebreed", ("visie", "beleid"), (),
        phase_roles={"visie": "facilitator", "beleid": "partner"},
        written={"visie": "Overlaten aan de samenleving"},
        regie="extern", taaksoort="belanghebbend", beleidskader="ander",
        doorzettingsmacht="afwezig", trekker="Ruben Tromp",
        start=date(2025, 6, 1), end=date(2027, 12, 31), budget=75_000,
        partners=("tcw", "ww", "rt"), tree=("ja", "nee", "nee", "ja", "nee", "partners_inwoners"),
        gedeelde_visie="ja", overheidsrol=("participerend",), afdelingen=("Duurzaamheid",),
    ),
    _project(
        "P16", "Welzijn op Recept",
        "Huisartsen verwijzen inwoners met psychosociale klachten naar welzijnsactiviteiten, "
        "uitgevoerd door de welzijnsorganisatie en vrijwilligers; de zorgverzekeraar draagt bij.",
        "Gezondheid", "Gemeentebreed", ("uitvoering",), ("B",),
        phase_roles={"beleid": "partner", "uitvoering": "opdrachtgever"},
        written={"uitvoering": "Subsidiegever"},
        regie="extern", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Linda Veenstra",
        start=date(2024, 1, 1), end=date(2027, 12, 31), budget=140_000,
        partners=("ha", "welzijn", "zv", "ggd"), tree=("nee", "ja", "nee", "ja", "nee", None),
        afdelingen=("Zorg en Welzijn",),
    ),
    _project(
        "P17", "De Kleine Oase",
        "Ontmoetingsplek en inloop in Lindeveen, gedragen door vrijwilligers. Het netwerk van "
        "vrijwilligers en organisaties draagt het initiatief; de gemeente kiest bewust een "
        "faciliterende aanpak.",
        "Welzijn", "Lindeveen", ("uitvoering",), (),
        phase_roles={"uitvoering": "facilitator"},
        regie="extern", taaksoort="belanghebbend", beleidskader="ander",
        doorzettingsmacht="afwezig", trekker="Fatima El Idrissi",
        start=date(2022, 9, 1), end=date(2027, 12, 31), budget=18_000,
        partners=("oase", "welzijn", "vc"), tree=_LEAVE_TREE,
        overheidsrol=("participerend",), afdelingen=("Zorg en Welzijn",),
    ),
    _project(
        "P18", "Kunstgrasvelden sportverenigingen",
        "Sportverenigingen leggen zelf kunstgrasvelden aan en beheren ze; de gemeente is eigenaar "
        "van de grond, staat garant voor de lening en regelt het opstalrecht.",
        "Sport", "Sportpark De Hoeven", ("beleid", "uitvoering"), ("C",),
        phase_roles={"beleid": "partner", "uitvoering": "facilitator"},
        regie="extern", taaksoort="privaatrechtelijk", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Koen Hermans",
        start=date(2024, 6, 1), end=date(2026, 8, 31), budget=45_000,
        partners=("vv", "hc"), tree=_LEAVE_TREE,
        afdelingen=("Sport", "Vastgoed"),
    ),
    _project(
        "P19", "Rioolbeheer calamiteiten",
        "Verstoppingen en calamiteiten in het riool lost de eigen buitendienst op: sneller en "
        "zichtbaarder schakelen dan in regie met bedrijven; inwoners waarderen het.",
        "Openbare ruimte", "Gemeentebreed", ("uitvoering",), ("C",),
        role="zelf", phase_roles={},
        written={"fase": "Beheer"},
        regie="intern", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="groot", trekker="Pieter-Jan Kok",
        start=date(2020, 1, 1), end=date(2029, 12, 31), budget=310_000,
        partners=(), tree=_OWN_TREE,
        overheidsrol=("presterend",), afdelingen=("Buitendienst",),
    ),
    _project(
        "P20", "Functionaris gegevensbescherming",
        "Gedeelde functionaris gegevensbescherming met twee buurgemeenten: een specialisme dat te "
        "weinig voorkomt voor een eigen functionaris.",
        "Bedrijfsvoering", "Regio Veenland", ("uitvoering",), ("C",),
        role="partner", phase_roles={},
        regie="extern", taaksoort="publiekrechtelijk", beleidskader="ander",
        doorzettingsmacht="beperkt", trekker="Koen Hermans",
        start=date(2023, 1, 1), end=date(2026, 12, 31), budget=38_000,
        partners=("ald", "zw"), tree=("nee", "ja", "nee", "nee", "nee", "andere_gemeenten"),
        overheidsrol=("rechtmatig",), afdelingen=("Bedrijfsvoering",),
    ),
    _project(
        "P21", "Planeconomie grondexploitaties",
        "Het doorrekenen van grondexploitaties en planschade is belegd bij een gespecialiseerd "
        "bureau; de gemeente stuurt op opdracht, kwaliteit en planning.",
        "Ruimte", "Gemeentebreed", ("uitvoering",), ("C",),
        role="opdrachtgever", phase_roles={},
        written={"rol": "Uitbesteden"},
        regie="extern", taaksoort="privaatrechtelijk", beleidskader="eigen",
        doorzettingsmacht="groot", trekker="Pieter-Jan Kok",
        start=date(2025, 1, 1), end=date(2026, 12, 31), budget=65_000,
        partners=("gw",), tree=("nee", "ja", "nee", "nee", "nee", "bedrijf"),
        afdelingen=("Grondzaken", "Financiën"),
    ),
    _project(
        "P22", "Jeugd- en Gezinsteams",
        "Nieuw in te richten Jeugd- en Gezinsteams: de gemeente formuleert de maatschappelijke "
        "opgave (de wat-vraag), de teams bepalen samen met inwoners de werkwijze (de hoe-vraag).",
        "Jeugd", "Gemeentebreed", ("beleid", "uitvoering"), ("B", "C"),
        role="regisseur", phase_roles={"uitvoering": "opdrachtgever"},
        regie="beide", taaksoort="publiekrechtelijk", beleidskader="ander",
        doorzettingsmacht="beperkt", trekker="Marieke Aalbers",
        start=date(2025, 10, 1), end=date(2028, 12, 31), budget=2_400_000,
        partners=("jgt", "ggd", "spo", "pol"), tree=("ja", "ja", "nee", "ja", "nee", None),
        overheidsrol=("presterend", "samenwerkend"), afdelingen=("Jeugd", "Zorg en Welzijn"),
    ),
    _project(
        "P23", "Bedrijfsvoering via Servicepunt Veenland",
        "ICT, informatievoorziening, inkoop en HR worden afgenomen bij een gedeelde "
        "bedrijfsvoeringsorganisatie; sturing via dienstverleningsovereenkomst, rapportages en "
        "KPI's (tellen en vertellen).",
        "Bedrijfsvoering", "Regio Veenland", ("uitvoering",), ("C",),
        phase_roles={"beleid": "partner", "uitvoering": "opdrachtgever"},
        written={"fase": "Uitvoering/keten", "uitvoering": "Contractmanagement"},
        regie="extern", taaksoort="privaatrechtelijk", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Koen Hermans",
        start=date(2019, 1, 1), end=date(2029, 12, 31), budget=1_850_000,
        partners=("sp", "ald", "zw"), tree=_GR_TREE,
        afdelingen=("Bedrijfsvoering",),
    ),
    _project(
        "P24", "Belastingtaken",
        "Heffing en invordering van gemeentelijke belastingen en de WOZ-waardering via de "
        "gemeenschappelijke regeling Belastingsamenwerking Veenland.",
        "Financiën", "Regio Veenland", ("uitvoering",), ("C",),
        role="opdrachtgever", phase_roles={},
        regie="extern", taaksoort="publiekrechtelijk", beleidskader="ander",
        doorzettingsmacht="groot", trekker="Pieter-Jan Kok",
        start=date(2021, 1, 1), end=date(2029, 12, 31), budget=640_000,
        partners=("bs",), tree=_GR_TREE,
        overheidsrol=("rechtmatig",), afdelingen=("Financiën",),
    ),
    _project(
        "P25", "Gezond Wadlo",
        "Programma naar het voorbeeld van Zwolle Gezonde Stad: brengt initiatieven en ideeën van "
        "inwoners, organisaties en gemeente bij elkaar. Een gezamenlijke visie op gezondheid en "
        "een netwerk van initiatiefnemers; de uitvoering wordt overgelaten aan de samenleving.",
        "Gezondheid", "Gemeentebreed", ("visie", "uitvoering"), (),
        phase_roles={"visie": "regisseur", "uitvoering": "facilitator"},
        written={"uitvoering": "Overlaten aan de samenleving"},
        regie="extern", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="afwezig", trekker="Linda Veenstra",
        start=date(2026, 1, 1), end=date(2029, 12, 31), budget=120_000,
        partners=("ggd", "zv", "vv", "spo", "welzijn", "ha"), tree=("ja", "ja", "nee", "ja", "nee", None),
        afdelingen=("Zorg en Welzijn", "Sport"),
    ),
    _project(
        "P26", "Nota lokaal gezondheidsbeleid",
        "Interne regie: de bijdragen van wonen, sport, openbare ruimte en jeugd aan de "
        "gezondheidsdoelen verbinden en overlap tussen beleidsterreinen wegnemen, met steun van "
        "afdelingsmanagers en portefeuillehouders.",
        "Gezondheid", "Gemeentebreed", ("beleid",), ("D",),
        phase_roles={"beleid": "zelf"},
        written={"fase": "Beleidsvorming"},
        regie="intern", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="groot", trekker="Marieke Aalbers",
        start=date(2026, 2, 1), end=date(2026, 12, 31), budget=30_000,
        partners=("ggd",), tree=("nee", "deels", "ja", "nee", "nee", None),
        overheidsrol=("rechtmatig",), afdelingen=("Zorg en Welzijn",),
    ),
    _project(
        "P27", "Inkoop Wmo huishoudelijke ondersteuning",
        "Aanbesteding en contractmanagement van huishoudelijke ondersteuning: de gemeente stelt "
        "indicatie en kaders vast en stuurt aanbieders op resultaat.",
        "Zorg", "Gemeentebreed", ("beleid", "uitvoering"), ("C",),
        phase_roles={"beleid": "zelf", "uitvoering": "opdrachtgever"},
        regie="extern", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="groot", trekker="Joost Verhoef",
        start=date(2026, 1, 1), end=date(2029, 12, 31), budget=3_200_000,
        partners=("tzv", "linde", "asd"), tree=("ja", "ja", "nee", "ja", "nee", None),
        overheidsrol=("presterend", "rechtmatig"), afdelingen=("Zorg en Welzijn", "Inkoop"),
    ),
    _project(
        "P28", "Maatschappelijke Agenda sociaal domein",
        "Met maatschappelijke partners een gedeelde visie en agenda opstellen: de gemeente "
        "beantwoordt de wat-vraag, partners de hoe-vraag. Doel is een netwerkstructuur waarin "
        "ieders rol en de aanpak per opgave helder zijn.",
        "Welzijn", "Gemeentebreed", ("visie", "beleid"), (),
        phase_roles={"visie": "regisseur", "beleid": "regisseur", "uitvoering": "geen"},
        regie="beide", taaksoort="belanghebbend", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Marieke Aalbers",
        start=date(2024, 9, 1), end=date(2026, 12, 31), budget=55_000,
        partners=("welzijn", "jgt", "asd", "vc", "ggd"), tree=("ja", "ja", "ja", "ja", "nee", None),
        gedeelde_visie="deels", overheidsrol=("samenwerkend", "participerend"), afdelingen=("Zorg en Welzijn", "Jeugd", "Wonen"),
    ),
    _project(
        "P29", "Buurtpreventie Wadlo-Zuid",
        "Buurtbewoners organiseren buurtpreventie en buurtapps; politie en gemeente ondersteunen "
        "met materiaal en informatie.",
        "Veiligheid", "Wadlo-Zuid", ("uitvoering",), ("B",),
        role="facilitator", phase_roles={},
        written={"rol": "Faciliteren"},
        regie="extern", taaksoort="belanghebbend", beleidskader="ander",
        doorzettingsmacht="afwezig", trekker="Ruben Tromp",
        start=date(2024, 3, 1), end=date(2026, 12, 31), budget=6_000,
        partners=("bp", "pol"), tree=_LEAVE_TREE,
        overheidsrol=("participerend",),
    ),
    _project(
        "P30", "Mantelzorg- en vrijwilligersondersteuning",
        "Ondersteuning van mantelzorgers en vrijwilligers via de vrijwilligerscentrale en de "
        "welzijnsorganisatie, met subsidieafspraken en jaarlijkse verantwoording.",
        "Welzijn", "Gemeentebreed", ("beleid", "uitvoering"), ("D",),
        phase_roles={"beleid": "partner", "uitvoering": "opdrachtgever"},
        written={"uitvoering": "Subsidiegever"},
        regie="extern", taaksoort="publiekrechtelijk", beleidskader="eigen",
        doorzettingsmacht="beperkt", trekker="Fatima El Idrissi",
        start=date(2025, 1, 1), end=date(2028, 12, 31), budget=210_000,
        partners=("vc", "welzijn", "asd"), tree=("nee", "nee", "ja", "nee", "nee", None),
        afdelingen=("Zorg en Welzijn",),
    ),
]
PROJECT_BY_ID: dict[str, dict[str, Any]] = {p["id"]: p for p in PROJECTS}

# --------------------------------------------------------------------------------------------
# Involvement (Betrokkenheid): project, partner key, fase, rol partner, invloed, belang
# --------------------------------------------------------------------------------------------

_INVOLVEMENT_ROWS: tuple[tuple[str, str, str, str, int, int], ...] = (
    ("P01", "ww", "visie", "deelnemer", 4, 4),
    ("P01", "ww", "beleid", "adviseur", 4, 4),
    ("P01", "linde", "visie", "deelnemer", 3, 4),
    ("P01", "welzijn", "visie", "deelnemer", 3, 5),
    ("P01", "asd", "visie", "adviseur", 2, 5),
    ("P01", "asd", "beleid", "adviseur", 2, 5),
    ("P01", "vc", "visie", "deelnemer", 2, 3),
    ("P01", "zk", "beleid", "adviseur", 3, 3),
    ("P02", "ww", "beleid", "trekker", 4, 5),
    ("P02", "ww", "uitvoering", "uitvoerder", 5, 5),
    ("P02", "linde", "uitvoering", "uitvoerder", 4, 4),
    ("P02", "welzijn", "uitvoering", "uitvoerder", 3, 4),
    ("P02", "hv", "beleid", "adviseur", 2, 4),
    ("P03", "rt", "visie", "deelnemer", 3, 4),
    ("P03", "linde", "visie", "trekker", 4, 5),
    ("P03", "zk", "beleid", "financier", 4, 3),
    ("P03", "asd", "visie", "adviseur", 2, 5),
    ("P04", "ww", "beleid", "trekker", 5, 5),
    ("P04", "ww", "uitvoering", "uitvoerder", 5, 5),
    ("P04", "linde", "uitvoering", "uitvoerder", 3, 5),
    ("P04", "welzijn", "uitvoering", "uitvoerder", 3, 4),
    ("P04", "spo", "beleid", "deelnemer", 2, 2),
    ("P04", "pol", "uitvoering", "adviseur", 2, 3),
    ("P05", "amal", "visie", "trekker", 3, 5),
    ("P05", "ww", "visie", "deelnemer", 4, 3),
    ("P05", "welzijn", "visie", "adviseur", 2, 4),
    ("P06", "rt", "visie", "deelnemer", 4, 4),
    ("P06", "rt", "uitvoering", "trekker", 5, 5),
    ("P06", "linde", "uitvoering", "uitvoerder", 4, 4),
    ("P06", "tzv", "uitvoering", "uitvoerder", 3, 4),
    ("P06", "zk", "beleid", "financier", 4, 3),
    ("P06", "dr", "visie", "adviseur", 2, 5),
    ("P07", "ww", "uitvoering", "uitvoerder", 4, 4),
    ("P07", "linde", "uitvoering", "uitvoerder", 3, 4),
    ("P07", "welzijn", "uitvoering", "uitvoerder", 3, 4),
    ("P07", "hv", "uitvoering", "deelnemer", 2, 5),
    ("P08", "ww", "beleid", "deelnemer", 4, 4),
    ("P08", "ww", "uitvoering", "uitvoerder", 4, 4),
    ("P08", "tzv", "uitvoering", "uitvoerder", 3, 3),
    ("P08", "welzijn", "uitvoering", "uitvoerder", 3, 4),
    ("P08", "asd", "beleid", "adviseur", 2, 5),
    ("P09", "ww", "beleid", "deelnemer", 4, 4),
    ("P09", "linde", "beleid", "deelnemer", 3, 4),
    ("P09", "zk", "beleid", "adviseur", 3, 3),
    ("P11", "rt", "visie", "deelnemer", 3, 3),
    ("P12", "ww", "visie", "deelnemer", 3, 4),
    ("P12", "welzijn", "visie", "deelnemer", 3, 4),
    ("P12", "asd", "visie", "adviseur", 2, 5),
    ("P13", "zk", "uitvoering", "adviseur", 3, 3),
    ("P14", "aed", "uitvoering", "trekker", 5, 5),
    ("P14", "aed", "uitvoering", "financier", 4, 5),
    ("P14", "vc", "uitvoering", "deelnemer", 2, 3),
    ("P15", "tcw", "visie", "trekker", 5, 5),
    ("P15", "tcw", "beleid", "trekker", 4, 5),
    ("P15", "ww", "beleid", "deelnemer", 3, 4),
    ("P15", "rt", "beleid", "deelnemer", 2, 3),
    ("P16", "ha", "uitvoering", "deelnemer", 3, 4),
    ("P16", "welzijn", "uitvoering", "uitvoerder", 4, 4),
    ("P16", "zv", "uitvoering", "financier", 3, 3),
    ("P16", "ggd", "beleid", "adviseur", 2, 3),
    ("P17", "oase", "uitvoering", "trekker", 5, 5),
    ("P17", "welzijn", "uitvoering", "adviseur", 2, 3),
    ("P17", "vc", "uitvoering", "deelnemer", 2, 3),
    ("P18", "vv", "uitvoering", "trekker", 5, 5),
    ("P18", "hc", "uitvoering", "trekker", 5, 5),
    ("P18", "vv", "beleid", "deelnemer", 3, 5),
    ("P20", "ald", "uitvoering", "trekker", 3, 3),
    ("P20", "zw", "uitvoering", "deelnemer", 3, 3),
    ("P21", "gw", "uitvoering", "uitvoerder", 2, 2),
    ("P22", "jgt", "uitvoering", "uitvoerder", 4, 5),
    ("P22", "jgt", "beleid", "adviseur", 3, 5),
    ("P22", "ggd", "uitvoering", "deelnemer", 2, 3),
    ("P22", "spo", "uitvoering", "deelnemer", 2, 4),
    ("P22", "pol", "uitvoering", "deelnemer", 2, 3),
    ("P23", "sp", "uitvoering", "uitvoerder", 4, 4),
    ("P23", "ald", "beleid", "deelnemer", 3, 3),
    ("P23", "zw", "beleid", "deelnemer", 3, 3),
    ("P24", "bs", "uitvoering", "uitvoerder", 4, 3),
    ("P25", "ggd", "visie", "adviseur", 3, 4),
    ("P25", "zv", "visie", "financier", 3, 3),
    ("P25", "vv", "uitvoering", "uitvoerder", 2, 4),
    ("P25", "spo", "uitvoering", "uitvoerder", 2, 4),
    ("P25", "welzijn", "uitvoering", "trekker", 3, 4),
    ("P26", "ggd", "beleid", "adviseur", 3, 4),
    ("P27", "tzv", "uitvoering", "uitvoerder", 3, 5),
    ("P27", "linde", "uitvoering", "uitvoerder", 3, 5),
    ("P27", "asd", "beleid", "adviseur", 2, 4),
    ("P28", "welzijn", "visie", "deelnemer", 4, 5),
    ("P28", "welzijn", "beleid", "deelnemer", 4, 5),
    ("P28", "jgt", "visie", "deelnemer", 3, 4),
    ("P28", "asd", "beleid", "adviseur", 2, 5),
    ("P28", "vc", "visie", "deelnemer", 2, 4),
    ("P29", "bp", "uitvoering", "trekker", 4, 5),
    ("P29", "pol", "uitvoering", "adviseur", 3, 4),
    ("P30", "vc", "uitvoering", "uitvoerder", 3, 4),
    ("P30", "welzijn", "uitvoering", "uitvoerder", 3, 4),
)

_PARTNER_ROLE_LABEL = {c.code: c.label for c in voc.PARTNER_ROLES}

INVOLVEMENTS: list[dict[str, Any]] = [
    {
        "project_id": pid, "partner": PARTNER_BY_KEY[key]["naam"], "partner_key": key,
        "fase": phase, "rol": role, "invloed": invloed, "belang": belang,
        "cells": dict(zip(
            INVOLVEMENT_HEADERS,
            (pid, PARTNER_BY_KEY[key]["naam"], phase, _PARTNER_ROLE_LABEL[role], invloed, belang),
            strict=True,
        )),
    }
    for pid, key, phase, role, invloed, belang in _INVOLVEMENT_ROWS
]

# --------------------------------------------------------------------------------------------
# Team: who has which Schema 3 skill, and how well (1–5)
# --------------------------------------------------------------------------------------------

_TEAM_SKILLS: dict[str, dict[str, int]] = {
    "Marieke Aalbers": {"Netwerken": 5, "Stimuleren": 4, "Initiëren": 4, "Bemiddelen": 3,
                        "Beslissen": 3},
    "Joost Verhoef": {"Netwerken": 4, "Initiëren": 3, "Onderhandelen": 3, "Faciliteren": 3,
                      "Concretiseren": 2},
    "Fatima El Idrissi": {"Netwerken": 5, "Stimuleren": 5, "Faciliteren": 4, "Bemiddelen": 4},
    "Pieter-Jan Kok": {"Vastleggen van afspraken": 4, "Concretiseren": 4, "Beslissen": 3},
    "Ingrid Scholten": {"Netwerken": 3, "Initiëren": 4, "Onderhandelen": 2, "Concretiseren": 3},
    "Ruben Tromp": {"Netwerken": 3, "Stimuleren": 4, "Faciliteren": 3},
    "Linda Veenstra": {"Netwerken": 4, "Stimuleren": 3, "Faciliteren": 4, "Bemiddelen": 2},
    "Koen Hermans": {"Concretiseren": 3, "Vastleggen van afspraken": 3, "Beslissen": 2},
}
"""Onderhandelen and Vastleggen van afspraken are deliberately scarce."""

TEAM: list[dict[str, Any]] = [
    {"naam": name, "vaardigheid": skill, "niveau": level,
     "cells": dict(zip(TEAM_HEADERS, (name, skill, level), strict=True))}
    for name, skills in _TEAM_SKILLS.items()
    for skill, level in skills.items()
]

# --------------------------------------------------------------------------------------------
# Expected analysis numbers (docs/inventaris.md), computed from the structures above
# --------------------------------------------------------------------------------------------


def project_roles(project: dict[str, Any]) -> dict[str, set[str]]:
    """Roles per phase: a per-phase role wins; a phase the project is in takes the project role."""
    roles: dict[str, set[str]] = {}
    for phase in voc.PHASE_CODES:
        if phase in project["phase_roles"]:
            roles[phase] = {project["phase_roles"][phase]}
        elif phase in project["phases"]:
            roles[phase] = {project["role"] or voc.UNKNOWN}
    return roles


def expected_counts() -> dict[str, Any]:
    """The analysis of the example inventory per docs/inventaris.md, without reading the xlsx."""
    element_keys = (*voc.ELEMENT_CODES, voc.UNDETERMINED)
    phases = {code: 0 for code in (*voc.PHASE_CODES, voc.UNKNOWN)}
    elements = dict.fromkeys(element_keys, 0)
    phase_element = {ph: dict.fromkeys(element_keys, 0) for ph in voc.PHASE_CODES}
    roles = {ph: dict.fromkeys((*voc.ROLE_CODES, voc.UNKNOWN), 0) for ph in voc.PHASE_CODES}
    demand = dict.fromkeys(voc.PHASE_CODES, 0)

    for project in PROJECTS:
        project_elements = project["elements"] or (voc.UNDETERMINED,)
        for element in project_elements:
            elements[element] += 1
        for phase in project["phases"] or (voc.UNKNOWN,):
            phases[phase] += 1
            if phase in phase_element:
                for element in project_elements:
                    phase_element[phase][element] += 1
        for phase, codes in project_roles(project).items():
            for code in codes:
                roles[phase][code] += 1
            if phase in project["phases"] and codes - voc.NOT_IN_REGIE_ROLES:
                demand[phase] += 1

    links = {(p["id"], k) for p in PROJECTS for k in p["partners"]}
    involvement_links = {(i["project_id"], i["partner_key"]) for i in INVOLVEMENTS}
    return {
        "counts": {
            "projects": len(PROJECTS),
            "partners": len(PARTNERS),
            "involvements": len(INVOLVEMENTS) + len(links - involvement_links),
            "team": len({t["naam"] for t in TEAM}),
        },
        "rows": {
            table: {"read": n, "used": n, "rejected": 0}
            for table, n in (("projects", len(PROJECTS)), ("partners", len(PARTNERS)),
                             ("involvements", len(INVOLVEMENTS)), ("team", len(TEAM)))
        },
        "phases": phases,
        "elements": elements,
        "phase_element": phase_element,
        "roles": roles,
        "skills": {
            ph.code: {skill: demand[ph.code] for skill in ph.skills} for ph in voc.PHASES
        },
    }


def skill_supply() -> dict[str, dict[str, dict[str, int]]]:
    """Team members per Schema 3 skill (docs/domein.md section 4): ``inzetbaar`` at level 3 or higher,
    ``in_ontwikkeling`` at level 1 or 2 — the JSON ``skills_supply``."""
    deployable: dict[str, set[str]] = {s: set() for s in voc.SKILLS}
    learning: dict[str, set[str]] = {s: set() for s in voc.SKILLS}
    for row in TEAM:
        (deployable if row["niveau"] >= voc.DEPLOYABLE_LEVEL else learning)[row["vaardigheid"]].add(row["naam"])
    return {
        ph.code: {s: {"inzetbaar": len(deployable[s]), "in_ontwikkeling": len(learning[s] - deployable[s])}
                  for s in ph.skills}
        for ph in voc.PHASES
    }


# --------------------------------------------------------------------------------------------
# Self-check: every written value maps to the vocabulary (an independent mini matcher)
# --------------------------------------------------------------------------------------------


def _norm(text: object) -> str:
    """Lower case, accents and every non-alphanumeric character removed."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed.lower() if c.isalnum() and not unicodedata.combining(c))


def _split(text: str, match: dict[str, str]) -> list[str] | None:
    """Whole-first-then-split matching (docs/domein.md section 1); None when a part matches nothing."""
    if _norm(text) in match:
        return [match[_norm(text)]]
    for sep in voc.SPLIT_SEPARATORS:
        if sep in text:
            codes: list[str] = []
            for part in text.split(sep):
                if not part.strip():
                    continue
                found = _split(part, match)
                if found is None:
                    return None
                codes.extend(found)
            return codes
    return None


def _table(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Normalised synonym → code."""
    return {_norm(s): code for code, synonyms in entries for s in synonyms}


PHASE_MATCH = _table((p.code, (p.code, p.label, *p.synonyms)) for p in voc.PHASES)
ROLE_MATCH = _table((r.code, (r.code, r.label, *r.synonyms)) for r in voc.ROLES)


def _element_forms(element: voc.Element) -> set[str]:
    """Normalised forms of an element's names, with and without the stop words."""
    forms = set()
    for name in (element.name, *element.name_forms):
        words = re.sub(r"[()]", "", name).split()
        forms.add(_norm(" ".join(words)))
        forms.add(_norm(" ".join(w for w in words if w.lower() not in voc.ELEMENT_STOPWORDS)))
    return forms


ELEMENT_MATCH: dict[str, str] = {}
for _e in voc.ELEMENTS:
    for _form in _element_forms(_e):
        ELEMENT_MATCH[_form] = _e.code
        ELEMENT_MATCH[_norm(_e.code) + _form] = _e.code
    ELEMENT_MATCH[_norm(_e.code)] = _e.code
    ELEMENT_MATCH["element" + _norm(_e.code)] = _e.code


def _choice_match(choices: Iterable[voc.Choice]) -> dict[str, str]:
    """Normalised code, label and synonyms of a closed vocabulary → code."""
    return _table((c.code, (c.code, c.label, *c.synonyms)) for c in choices)


CHOICE_MATCH: dict[str, dict[str, str]] = {
    "regie": _choice_match(voc.REGIE_KINDS),
    "taaksoort": _choice_match(voc.TASK_KINDS),
    "overheidsrol": _choice_match(voc.GOVERNMENT_ROLES),
    "antwoord": _choice_match(voc.ANSWERS),
    "vorm": _choice_match(voc.COOPERATION_FORMS),
    "beleidskader": _choice_match(voc.BELEIDSKADERS),
    "doorzettingsmacht": _choice_match(voc.DOORZETTINGSMACHT),
    "werkgebied": _choice_match(voc.WERKGEBIEDEN),
    "type": _choice_match(voc.PARTNER_TYPES),
    "partnerrol": _choice_match(voc.PARTNER_ROLES),
}
SKILL_MATCH = _table((s, (s, *voc.SKILL_SYNONYMS[s])) for s in voc.SKILLS)


def validate() -> list[str]:
    """Problems in the example data: unmapped values, dangling references, inconsistencies."""
    problems: list[str] = []

    def expect(label: str, text: object, match: dict[str, str], codes: Sequence[str]) -> None:
        found = _split(str(text), match) if text not in (None, "") else []
        if found is None or sorted(set(found)) != sorted(set(codes)):
            problems.append(f"{label}: {text!r} maps to {found}, expected {list(codes)}")

    for p in PROJECTS:
        cells, pid = p["cells"], p["id"]
        expect(f"{pid} fase", cells[H_FASE], PHASE_MATCH, p["phases"])
        expect(f"{pid} element", cells[H_ELEMENT], ELEMENT_MATCH, p["elements"])
        expect(f"{pid} rol", cells[H_ROL], ROLE_MATCH, [p["role"]] if p["role"] else [])
        for phase in voc.PHASE_CODES:
            code = p["phase_roles"].get(phase)
            expect(f"{pid} rol {phase}", cells[H_ROL_FASE[phase]], ROLE_MATCH,
                   [code] if code else [])
        for field, header in (("regie", H_REGIE), ("beleidskader", H_BELEIDSKADER),
                              ("doorzettingsmacht", H_DOORZETTINGSMACHT)):
            expect(f"{pid} {field}", cells[header], CHOICE_MATCH[field], [p[field]])
        expect(f"{pid} taaksoort", cells[H_TAAKSOORT], CHOICE_MATCH["taaksoort"], p["taaksoort"])
        expect(f"{pid} overheidsrol", cells[H_OVERHEIDSROL], CHOICE_MATCH["overheidsrol"], p["overheidsrol"])
        for field in (*TREE_FIELDS[:-1], "gedeelde_visie"):
            header = TREE_HEADERS.get(field, H_GEDEELDE_VISIE)
            expect(f"{pid} {field}", cells[header], CHOICE_MATCH["antwoord"], [p[field]] if p[field] else [])
        expect(f"{pid} vorm", cells[TREE_HEADERS["vorm"]], CHOICE_MATCH["vorm"], [p["vorm"]] if p["vorm"] else [])
        if not p["phases"]:
            problems.append(f"{pid}: no phase")
        if not p["elements"] and not any(
            w in p["omschrijving"].lower() for w in ("visie", "netwerk", "rol", "aanpak")
        ):
            problems.append(f"{pid}: no element and no keyword for a suggestion")
        roles = project_roles(p)
        if voc.UNKNOWN in set().union(*roles.values()):
            problems.append(f"{pid}: a phase without a role")
        if p["nabijheid"] == "ja" and {c for ph in p["phases"] for c in roles[ph]} != {"zelf"}:
            problems.append(f"{pid}: nabijheid but not zelf")
        if p["start"] >= p["eind"]:
            problems.append(f"{pid}: start after eind")
        for name in p["partners"]:
            if any(sep in PARTNER_BY_KEY[name]["naam"] for sep in voc.PARTNER_NAME_SEPARATORS):
                problems.append(f"{pid}: partner name with a separator")

    for partner in PARTNERS:
        cells = partner["cells"]
        expect(f"{partner['naam']} type", cells[PARTNER_HEADERS[1]], CHOICE_MATCH["type"],
               [partner["type"]])
        expect(f"{partner['naam']} werkgebied", cells[PARTNER_HEADERS[2]],
               CHOICE_MATCH["werkgebied"], [partner["werkgebied"]])
    used = {k for p in PROJECTS for k in p["partners"]}
    if unused := {p["key"] for p in PARTNERS} - used:
        problems.append(f"partners in no project: {sorted(unused)}")

    seen: set[tuple[str, str, str, str]] = set()
    for inv in INVOLVEMENTS:
        label = f"betrokkenheid {inv['project_id']}/{inv['partner']}"
        project = PROJECT_BY_ID.get(inv["project_id"])
        if project is None or inv["partner_key"] not in project["partners"]:
            problems.append(f"{label}: not in the project's Partners column")
        expect(f"{label} fase", inv["fase"], PHASE_MATCH, [inv["fase"]])
        expect(f"{label} rol", inv["cells"][H_I_ROL], CHOICE_MATCH["partnerrol"], [inv["rol"]])
        if not (1 <= inv["invloed"] <= 5 and 1 <= inv["belang"] <= 5):
            problems.append(f"{label}: invloed/belang outside 1–5")
        key = (inv["project_id"], inv["partner_key"], inv["fase"], inv["rol"])
        if key in seen:
            problems.append(f"{label}: duplicate row")
        seen.add(key)

    for row in TEAM:
        expect(f"team {row['naam']}", row["vaardigheid"], SKILL_MATCH, [row["vaardigheid"]])
        if not 1 <= row["niveau"] <= 5:
            problems.append(f"team {row['naam']}: niveau outside 1–5")

    for key, values in _list_columns().items():
        match = _LIST_MATCH.get(key)
        for value in values:
            if match is not None and (_split(str(value), match) or [None])[0] is None:
                problems.append(f"Lijsten {key}: {value!r} maps to nothing")

    counts = expected_counts()
    for name, minimum in (("projects", 25), ("partners", 14), ("involvements", 40)):
        if counts["counts"][name] < minimum:
            problems.append(f"too few {name}")
    for what, keys in (("roles", voc.ROLE_CODES), ("elements", voc.ELEMENT_CODES)):
        present = (
            {c for ph in counts["roles"].values() for c, n in ph.items() if n}
            if what == "roles" else {c for c, n in counts["elements"].items() if n}
        )
        if missing := set(keys) - present:
            problems.append(f"{what} never used: {sorted(missing)}")
    return problems


# --------------------------------------------------------------------------------------------
# Writing helpers
# --------------------------------------------------------------------------------------------

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(bold=True, size=14, color="1F4E79")
SUBTLE_FONT = Font(italic=True, color="595959")
THIN = Side(style="thin", color="BFBFBF")
HEADER_BORDER = Border(bottom=Side(style="medium", color="1F4E79"))
DATE_FORMAT = "dd-mm-yyyy"
EURO_FORMAT = '"€" #,##0'

COLUMN_WIDTHS: dict[str, float] = {
    H_ID: 11, H_NAAM: 40, H_OMSCHRIJVING: 60, H_DOMEIN: 22, H_GEBIED: 18, H_FASE: 22,
    H_ELEMENT: 24, H_ROL: 18, **dict.fromkeys(H_ROL_FASE.values(), 26), H_REGIE: 10,
    H_TAAKSOORT: 18, H_BELEIDSKADER: 18, H_DOORZETTINGSMACHT: 18, H_TREKKER: 18, H_START: 12,
    H_EIND: 12, H_BUDGET: 14, H_PARTNERS: 60, **dict.fromkeys(TREE_HEADERS.values(), 15),
    H_OVERHEIDSROL: 26, H_GEDEELDE_VISIE: 12, H_AFDELINGEN: 30, TREE_HEADERS["vorm"]: 30,
    PARTNER_HEADERS[0]: 38, PARTNER_HEADERS[1]: 28, PARTNER_HEADERS[2]: 13,
    PARTNER_HEADERS[3]: 22, H_I_PARTNER: 38, H_I_ROL: 14, H_I_INVLOED: 9, H_I_BELANG: 9,
    TEAM_HEADERS[1]: 26, TEAM_HEADERS[2]: 9,
}


def _write_table(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    header_row: int = 1,
    freeze_col: int = 1,
    widths: dict[str, float] | None = None,
) -> int:
    """Write a header and rows with an adviser's formatting; return the last row written."""
    widths = widths or {}
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=header_row, column=col, value=header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = widths.get(header, COLUMN_WIDTHS.get(header, 16))
    last = header_row
    for last, values in enumerate(rows, start=header_row + 1):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=last, column=col, value=value)
            width = ws.column_dimensions[get_column_letter(col)].width
            cell.alignment = Alignment(
                vertical="top", wrap_text=isinstance(value, str) and len(value) > width
            )
            cell.border = Border(bottom=THIN)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif headers[col - 1] == H_BUDGET:
                cell.number_format = EURO_FORMAT
    ws.row_dimensions[header_row].height = 30
    _fit_row_heights(ws, header_row + 1, last)
    _print_setup(ws, header_row)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=freeze_col + 1)
    if last > header_row:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{last}"
    return last


def _fit_row_heights(ws: Worksheet, first: int, last: int) -> None:
    """Give rows with wrapped text room for their lines (Excel does not do this on opening)."""
    for row in range(first, last + 1):
        lines = 1
        for cell in ws[row]:
            if isinstance(cell.value, str) and cell.alignment.wrap_text:
                width = ws.column_dimensions[cell.column_letter].width
                for merged in ws.merged_cells.ranges:
                    if cell.coordinate in merged:
                        width = sum(
                            ws.column_dimensions[get_column_letter(c)].width
                            for c in range(merged.min_col, merged.max_col + 1)
                        )
                per_line = max(1, int(width * 1.05) - 1)
                count = sum(max(1, math.ceil(len(part) / per_line))
                            for part in cell.value.split("\n"))
                lines = max(lines, count)
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines + 2


def _print_setup(ws: Worksheet, header_row: int) -> None:
    """Landscape A4, header row repeated on every page; narrow sheets fit to the page width."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    total_width = sum(d.width or 0 for d in ws.column_dimensions.values())
    if total_width <= 200:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"


def _save(wb: Workbook, path: Path) -> None:
    """Save with fixed properties and zip timestamps, so the bytes do not depend on the clock."""
    wb.properties.creator = GEMEENTE
    wb.properties.lastModifiedBy = GEMEENTE
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # unlike wb.save, keeps properties.modified as set
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------------------------
# The example inventory
# --------------------------------------------------------------------------------------------


def build_example() -> Workbook:
    """The example workbook of Gemeente Wadlo."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET["projects"]
    ws["A1"] = TITLE
    ws["A1"].font = TITLE_FONT
    ws["A2"] = "Peildatum:"
    ws["A2"].font = SUBTLE_FONT
    ws["B2"] = PEILDATUM
    ws["B2"].number_format = DATE_FORMAT
    ws["B2"].font = SUBTLE_FONT
    ws["B2"].alignment = Alignment(horizontal="left")
    ws["C2"] = "Opgesteld door team Regie & Samenwerking, afdeling Samenleving"
    ws["C2"].font = SUBTLE_FONT
    ws.row_dimensions[1].height = 22
    _write_table(
        ws, PROJECT_HEADERS, ([p["cells"][h] for h in PROJECT_HEADERS] for p in PROJECTS),
        header_row=TITLE_ROWS + 1, freeze_col=2,
    )

    ws = wb.create_sheet(SHEET["partners"])
    _write_table(ws, PARTNER_HEADERS,
                 ([p["cells"][h] for h in PARTNER_HEADERS] for p in PARTNERS))
    ws = wb.create_sheet(SHEET["involvements"])
    _write_table(ws, INVOLVEMENT_HEADERS,
                 ([i["cells"][h] for h in INVOLVEMENT_HEADERS] for i in INVOLVEMENTS),
                 freeze_col=2, widths={H_I_PROJECT: 11, H_I_FASE: 12})
    ws = wb.create_sheet(SHEET["team"])
    _write_table(ws, TEAM_HEADERS, ([t["cells"][h] for h in TEAM_HEADERS] for t in TEAM),
                 widths={TEAM_HEADERS[0]: 22})
    return wb


# --------------------------------------------------------------------------------------------
# The template
# --------------------------------------------------------------------------------------------

LEVELS = (1, 2, 3, 4, 5)


def _list_columns() -> dict[str, tuple[Any, ...]]:
    """The dropdown lists on the hidden sheet: canonical codes or labels from the vocabulary."""
    return {
        "Fase": voc.PHASE_CODES,
        "Element": tuple(voc.element_label(c) for c in voc.ELEMENT_CODES),
        "Rol": tuple(r.label for r in voc.ROLES),
        "Regie": tuple(c.code for c in voc.REGIE_KINDS),
        "Taaksoort": tuple(c.code for c in voc.TASK_KINDS),
        "Beleidskader": tuple(c.label for c in voc.BELEIDSKADERS),
        "Doorzettingsmacht": tuple(c.label for c in voc.DOORZETTINGSMACHT),
        "Type partner": tuple(c.label for c in voc.PARTNER_TYPES),
        "Werkgebied": tuple(c.label for c in voc.WERKGEBIEDEN),
        "Rol partner": tuple(c.label for c in voc.PARTNER_ROLES),
        "Vaardigheid": voc.SKILLS,
        "Niveau": LEVELS,
        "Ja/deels/nee": voc.ANSWER_CODES,
        "Overheidsrol": tuple(c.label for c in voc.GOVERNMENT_ROLES),
        "Vorm": tuple(c.label for c in voc.COOPERATION_FORMS),
    }


_LIST_MATCH: dict[str, dict[str, str]] = {
    "Fase": PHASE_MATCH, "Element": ELEMENT_MATCH, "Rol": ROLE_MATCH,
    "Regie": CHOICE_MATCH["regie"], "Taaksoort": CHOICE_MATCH["taaksoort"],
    "Beleidskader": CHOICE_MATCH["beleidskader"],
    "Doorzettingsmacht": CHOICE_MATCH["doorzettingsmacht"], "Type partner": CHOICE_MATCH["type"],
    "Werkgebied": CHOICE_MATCH["werkgebied"], "Rol partner": CHOICE_MATCH["partnerrol"],
    "Vaardigheid": SKILL_MATCH, "Ja/deels/nee": CHOICE_MATCH["antwoord"],
    "Overheidsrol": CHOICE_MATCH["overheidsrol"], "Vorm": CHOICE_MATCH["vorm"],
}
"""How each dropdown list is checked against the vocabulary (Niveau needs no check)."""

TEMPLATE_PROJECT_ID = "P001"
TEMPLATE_PARTNER = "Woningcorporatie Voorbeeld"

TEMPLATE_EXAMPLE: dict[str, tuple[Any, ...]] = {
    "projects": (
        TEMPLATE_PROJECT_ID, "Voorbeeld: woonservicezone dorpskern",
        ("Voorbeeldregel: overschrijven of verwijderen. Gebiedsontwikkeling met zorg- en "
        "welzijnsvoorzieningen; de regie op de uitvoering ligt bij de aanbieders."),
        "Wonen, welzijn en zorg", "Dorpskern", "visie; beleid", voc.element_label("C"),
        voc.role_label("regisseur"), voc.role_label("regisseur"), voc.role_label("regisseur"),
        voc.role_label("geen"), "extern", "publiekrechtelijk", voc.GOVERNMENT_ROLES[1].label,
        voc.BELEIDSKADERS[0].label, voc.DOORZETTINGSMACHT[1].label, None, date(2026, 1, 1),
        date(2027, 12, 31), 50_000, TEMPLATE_PARTNER, "deels", "Wonen; Zorg en Welzijn",
        "ja", "ja", "nee", "ja", "nee", None,
    ),
    "partners": (TEMPLATE_PARTNER, voc.partner_type_label("woningcorporatie"), "Regionaal", None),
    "involvements": (TEMPLATE_PROJECT_ID, TEMPLATE_PARTNER, "visie", "Deelnemer", 3, 4),
    "team": ("Voorbeeld Medewerker", "Netwerken", 3),
}

_TEMPLATE_HEADERS: dict[str, tuple[str, ...]] = {
    "projects": PROJECT_HEADERS, "partners": PARTNER_HEADERS,
    "involvements": INVOLVEMENT_HEADERS, "team": TEAM_HEADERS,
}

LENIENT = "lenient"
STRICT = "strict"

TEMPLATE_DROPDOWNS: dict[str, dict[str, tuple[str, str]]] = {
    "projects": {
        H_FASE: ("Fase", LENIENT), H_ELEMENT: ("Element", LENIENT), H_ROL: ("Rol", LENIENT),
        **{h: ("Rol", STRICT) for h in H_ROL_FASE.values()},
        H_REGIE: ("Regie", STRICT), H_TAAKSOORT: ("Taaksoort", STRICT),
        H_BELEIDSKADER: ("Beleidskader", STRICT),
        H_DOORZETTINGSMACHT: ("Doorzettingsmacht", STRICT),
        H_OVERHEIDSROL: ("Overheidsrol", LENIENT), H_GEDEELDE_VISIE: ("Ja/deels/nee", STRICT),
        **{h: ("Ja/deels/nee", STRICT) for f, h in TREE_HEADERS.items() if f != "vorm"},
        TREE_HEADERS["vorm"]: ("Vorm", STRICT),
    },
    "partners": {
        PARTNER_HEADERS[1]: ("Type partner", STRICT), PARTNER_HEADERS[2]: ("Werkgebied", STRICT),
    },
    "involvements": {
        H_I_FASE: ("Fase", STRICT), H_I_ROL: ("Rol partner", STRICT),
        H_I_INVLOED: ("Niveau", STRICT), H_I_BELANG: ("Niveau", STRICT),
    },
    "team": {TEAM_HEADERS[1]: ("Vaardigheid", STRICT), TEAM_HEADERS[2]: ("Niveau", STRICT)},
}
"""Per table: header → (list on the Lijsten sheet, strictness). Lenient lists warn nothing, so
several values ("visie; beleid", "A, C") and role pairs stay possible."""

LENIENT_PROMPTS: dict[str, str] = {
    H_FASE: "Kies een fase, of typ er meerdere, bijvoorbeeld: visie; beleid",
    H_ELEMENT: "Kies een element, of typ er meerdere, bijvoorbeeld: A, C",
    H_ROL: "Rol voor alle fasen. Een rol per fase (kolommen Rol visie/beleid/uitvoering) gaat "
           "voor.",
    H_OVERHEIDSROL: "Kies een overheidsrol, of typ er meerdere, bijvoorbeeld: Presterende overheid; "
                    "Rechtmatige overheid",
}


def _instruction_rows() -> list[tuple[str, str, str, str] | str]:
    """Rows of the Instructies sheet; a plain string is a section heading."""
    def join(values: Iterable[Any]) -> str:
        return " · ".join(str(v) for v in values)

    lists = _list_columns()
    phases = "; ".join(
        f"{p.code} = {p.fase_in_het_proces} (regie op {p.regie_op.lower()})" for p in voc.PHASES
    )
    roles = "; ".join(f"{r.label} = {r.meaning}" for r in voc.ROLES)
    skills = "; ".join(f"{p.code}: {', '.join(p.skills)}" for p in voc.PHASES)
    opt, req = "nee", "ja"
    return [
        "Projecten: één regel per project of taak",
        (H_ID, "Eigen nummer of code van het project; gebruikt op het blad Betrokkenheid.",
         "vrij, bijvoorbeeld P001", "nee (wordt anders gemaakt)"),
        (H_NAAM, "Naam van het project, de taak of het initiatief.", "vrij", req),
        (H_OMSCHRIJVING, ("Korte beschrijving. Zonder element stelt de app er een voor op basis "
         "van deze tekst."), "vrij", opt),
        (H_DOMEIN, "Beleidsterrein.", "vrij, bijvoorbeeld wonen, welzijn, zorg", opt),
        (H_GEBIED, "Kern, wijk of gebied.", "vrij", opt),
        (H_FASE, ("Fase(n) van het proces (MOVISIE Schema 3). Meerdere fasen mag: schrijf "
         "\"visie; beleid\"."), phases, req),
        (H_ELEMENT, ("Regie-element(en) van MOVISIE. Meerdere mag: \"A, C\". Leeg laten mag: de "
         "app doet een voorstel dat u accepteert."), join(lists["Element"]), opt),
        (H_ROL, "Rol van de gemeente voor het hele project.", roles, opt),
        (" / ".join(H_ROL_FASE.values()), ("Rol van de gemeente in die fase. Een rol per fase gaat "
         "vóór de projectrol. Een lege rol telt als onbekend, niet als geen regie."),
         join(lists["Rol"]), opt),
        (H_REGIE, ("Interne regie (binnen de gemeente) of externe regie (op de bijdragen van "
         "partners), of beide."), join(lists["Regie"]), opt),
        (H_TAAKSOORT, ("Soort gemeentelijke taak (MOVISIE Schema 1). Meerdere mag: \"publiekrechtelijk; "
         "belanghebbend\"."), join(lists["Taaksoort"]), opt),
        (H_OVERHEIDSROL, ("Rol van de overheid zoals Kaag en Braassem die uit haar Omgevingsvisie noemt; "
         "meerdere tegelijk mag. De app leidt deze nooit af uit de rol."), join(lists["Overheidsrol"]), opt),
        (H_BELEIDSKADER, ("Voert de gemeente een eigen script uit of het script van een ander "
         "(Rijk, provincie)?"), join(lists["Beleidskader"]), opt),
        (H_DOORZETTINGSMACHT, "Kan de gemeente medewerking van partijen afdwingen?",
         join(lists["Doorzettingsmacht"]), opt),
        (H_TREKKER, "Naam van de trekker. Persoonsgegeven: invullen is niet nodig.", "vrij", opt),
        (f"{H_START} / {H_EIND}", "Start- en einddatum.", "datum, bijvoorbeeld 01-03-2026", opt),
        (H_BUDGET, "Budget in euro.", "getal", opt),
        (H_PARTNERS, ("Betrokken partners, gescheiden door een puntkomma. Gebruik dezelfde namen "
         "als op het blad Partners."), "bijvoorbeeld: Woningcorporatie X; Welzijn Y", opt),
        (H_GEDEELDE_VISIE, ("Is de visie gedeeld met de partners (MOVISIE element A)? Leeg: de app kijkt of er "
         "een partner betrokken is bij de visiefase."), join(lists["Ja/deels/nee"]), opt),
        (H_AFDELINGEN, ("Afdelingen of portefeuillehouders binnen de gemeente die betrokken zijn (interne "
         "regie), gescheiden door een puntkomma."), "bijvoorbeeld: Wonen; Zorg en Welzijn", opt),
        (TREE_HEADERS["kenmerken"], ("Beslisboom (Kaag en Braassem), vraag 1: vereist de taak een regisserende "
         "aanpak (complexiteit, belang voor de gemeente, impact op de samenleving)?"), join(lists["Ja/deels/nee"]), opt),
        (TREE_HEADERS["samenwerking"], ("Vraag 2: biedt samenwerking met andere partijen, publiek of privaat, "
         "kansen of voordelen?"), join(lists["Ja/deels/nee"]), opt),
        (TREE_HEADERS["kernactiviteit"], ("Vraag 3: hoort de taak bij de kernactiviteiten van de gemeente, en "
         "heeft de gemeente de expertise en capaciteit om haar effectief te regisseren?"),
         join(lists["Ja/deels/nee"]), opt),
        (TREE_HEADERS["andere_partijen"], "Vraag 4: voeren andere partijen, privaat of publiek, de taak al uit?",
         join(lists["Ja/deels/nee"]), opt),
        (TREE_HEADERS["nabijheid"], ("Staat de taak zo dicht bij de inwoners dat de gemeente beleid én "
         "uitvoering in eigen hand houdt (een principiële keuze)?"), join(lists["Ja/deels/nee"]), opt),
        (TREE_HEADERS["vorm"], "De gekozen vorm, als de taak in regie gaat.", join(lists["Vorm"]), opt),
        "Partners: één regel per organisatie of groep inwoners",
        (PARTNER_HEADERS[0], "Naam van de organisatie.", "vrij", req),
        (PARTNER_HEADERS[1], "Soort partner.", join(lists["Type partner"]), opt),
        (PARTNER_HEADERS[2], "Werkgebied van de partner.", join(lists["Werkgebied"]), opt),
        (PARTNER_HEADERS[3], "Contactpersoon. Persoonsgegeven: invullen is niet nodig.", "vrij",
         opt),
        "Betrokkenheid: welke partner in welk project, in welke fase en met welke rol",
        (H_I_PROJECT, "ID van het project (zoals op het blad Projecten).", "bestaand ID", req),
        (H_I_PARTNER, "Naam van de partner (zoals op het blad Partners).", "bestaande naam", req),
        (H_I_FASE, ("Fase waarin de partner betrokken is. Verandert de fasen van het project "
         "niet."), join(lists["Fase"]), opt),
        (H_I_ROL, "Rol van de partner in het project.", join(lists["Rol partner"]), opt),
        (f"{H_I_INVLOED} / {H_I_BELANG}", ("Invloed en belang van de partner, van 1 (laag) tot 5 "
         "(hoog)."), join(LEVELS), opt),
        "Team: één regel per medewerker en vaardigheid",
        (TEAM_HEADERS[0], "Naam van de medewerker of het team.", "vrij", req),
        (TEAM_HEADERS[1], "Vaardigheid uit MOVISIE Schema 3.", skills, req),
        (TEAM_HEADERS[2], "Niveau van 1 (beginner) tot 5 (expert).", join(LEVELS), opt),
    ]


INSTRUCTION_INTRO: tuple[str, ...] = (
    "Sjabloon inventarisatie regierol per fase",
    ("Met dit sjabloon brengt u per project en per fase de regierol van de gemeente in beeld, "
    "volgens MOVISIE (Werk maken van regie), het RIVM (gemeentelijke regie en rollen) en de "
    "beslisboom van Kaag en Braassem."),
    ("Vul de bladen Projecten, Partners, Betrokkenheid en Team in. Alleen Projecten is nodig; de "
    "andere bladen zijn aanvullend. Elk blad heeft één voorbeeldregel: overschrijf of verwijder "
    "die."),
    ("De keuzelijsten tonen de waarden die de app kent. In Fase, Element en Rol mag u ook meerdere "
    "waarden typen (\"visie; beleid\", \"A, C\"). Gangbare synoniemen (bijvoorbeeld \"regie bij "
    "partners\" of \"uitbesteden\") worden ook herkend."),
    ("Een rol per fase (Rol visie, Rol beleid, Rol uitvoering) gaat vóór de rol van het hele "
    "project. Een lege rol betekent onbekend, niet geen regie."),
    ("Persoonsgegevens (Trekker, Contactpersoon) zijn niet nodig: laat ze leeg als het bestand "
    "breed wordt gedeeld."),
    ("Een titelregel boven de kopregel, extra kolommen en bladen per domein of jaar (\"Projecten "
    "wonen\") mogen. Het verborgen blad Lijsten bevat de keuzelijsten: niet wijzigen."),
)


def build_template() -> Workbook:
    """The template workbook with instructions, example rows and dropdowns."""
    wb = Workbook()
    ws = wb.active
    ws.title = INSTRUCTIONS_SHEET
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 70
    ws.column_dimensions["D"].width = 14
    row = 1
    for i, text in enumerate(INSTRUCTION_INTRO):
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = TITLE_FONT if i == 0 else Font()
        if i:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    row += 1
    for col, header in enumerate(("Kolom", "Betekenis", "Toegestane waarden", "Verplicht"), 1):
        cell = ws.cell(row=row, column=col, value=header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    ws.freeze_panes = ws.cell(row=row + 1, column=1)
    header_row = row
    for item in _instruction_rows():
        row += 1
        if isinstance(item, str):
            row += 1
            cell = ws.cell(row=row, column=1, value=item)
            cell.font = Font(bold=True, size=12, color="1F4E79")
            continue
        for col, value in enumerate(item, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = Border(bottom=THIN)
        ws.cell(row=row, column=1).font = Font(bold=True)
    _fit_row_heights(ws, 1, row)
    _print_setup(ws, header_row)

    lists = _list_columns()
    ranges: dict[str, str] = {}
    lists_ws = wb.create_sheet(LISTS_SHEET)
    for col, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        lists_ws.cell(row=1, column=col, value=name).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            lists_ws.cell(row=r, column=col, value=value)
        lists_ws.column_dimensions[letter].width = max(12, max(len(str(v)) for v in values) + 2)
        ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    lists_ws.sheet_state = "hidden"

    for table in ("projects", "partners", "involvements", "team"):
        headers = _TEMPLATE_HEADERS[table]
        ws = wb.create_sheet(SHEET[table], index=len(wb.sheetnames) - 1)
        _write_table(ws, headers, [TEMPLATE_EXAMPLE[table]],
                     freeze_col=2 if table in ("projects", "involvements") else 1)
        ws.auto_filter.ref = None
        for header, (list_name, strictness) in TEMPLATE_DROPDOWNS[table].items():
            _add_dropdown(ws, headers, header, ranges[list_name], strictness)
        if table == "involvements":
            _add_dropdown(ws, headers, H_I_PROJECT,
                          f"'{SHEET['projects']}'!$A$2:$A${TEMPLATE_ROWS}", LENIENT)
            _add_dropdown(ws, headers, H_I_PARTNER,
                          f"'{SHEET['partners']}'!$A$2:$A${TEMPLATE_ROWS}", LENIENT)
    return wb


def _add_dropdown(
    ws: Worksheet, headers: Sequence[str], header: str, formula: str, strictness: str
) -> None:
    """A list validation on rows 2..TEMPLATE_ROWS of the column named ``header``."""
    letter = get_column_letter(headers.index(header) + 1)
    strict = strictness == STRICT
    dv = DataValidation(
        type="list", formula1=formula, allow_blank=True,
        showErrorMessage=strict, errorStyle="stop" if strict else "warning",
        errorTitle="Onbekende waarde", error="Kies een waarde uit de lijst.",
        showInputMessage=header in LENIENT_PROMPTS, promptTitle=header,
        prompt=LENIENT_PROMPTS.get(header),
    )
    ws.add_data_validation(dv)
    dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")


# --------------------------------------------------------------------------------------------


def main() -> None:
    """Check the data, then write both workbooks."""
    problems = validate()
    if problems:
        raise SystemExit("Voorbeelddata klopt niet:\n" + "\n".join(problems))
    DATA_DIR.mkdir(exist_ok=True)
    _save(build_example(), EXAMPLE_PATH)
    _save(build_template(), TEMPLATE_PATH)
    counts = expected_counts()["counts"]
    print(f"{EXAMPLE_PATH.relative_to(ROOT)}: {counts}")
    print(f"{TEMPLATE_PATH.relative_to(ROOT)}: sjabloon")


if __name__ == "__main__":
    main()

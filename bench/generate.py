"""Generate a synthetic, deliberately messy inventory workbook for benchmarking.

The workbook looks like something an adviser of a Dutch gemeente keeps by hand: title rows above
the header, header synonyms that vary per file, phases, roles and elements written as synonyms in odd
casing, several values in one cell, per-phase role columns for part of the rows, blank rows, a few
unknown values, Dutch amounts (``€ 1.250,50``), dates in several forms, a totals row and a hidden
sheet with dropdown lists. All words come from :mod:`regie.vocabulary`.

Usage::

    python bench/generate.py --projects 1000 --out bench/out/inv_1k.xlsx
    python bench/generate.py --projects 100k --out bench/out/inv_100k.xlsx --seed 7

Strings go into a shared-strings table as in files saved by Excel (``--inline-strings`` streams
rows in xlsxwriter's constant_memory mode instead); 100k projects take about 20 s either way.
Output is deterministic for a given ``--projects`` and ``--seed``. Next to the workbook a small JSON
manifest (``inv_1k.json``) records what was written: rows per sheet, the header choices and the
counts a correct pipeline should report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from regie import vocabulary as voc  # noqa: E402 - after the sys.path set-up above

EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day zero of Excel's 1900 date system (serial numbers count days from here)."""

FIXED_CREATED = dt.datetime(2026, 1, 1, 9, 0, 0)
"""Creation time written into the document properties, so output is byte-stable."""

# Words for names and free text. Kept here (not in the vocabulary): they are only filler.
TOPICS: tuple[str, ...] = (
    "Wooncoach",
    "Mantelzorgsteunpunt",
    "Buurtkamer",
    "Langer thuis wonen",
    "Valpreventie",
    "Schuldhulpverlening",
    "Jongerenwerk",
    "Eenzaamheid aanpakken",
    "Levensloopbestendige woningen",
    "Wijkverpleging",
    "Dementievriendelijke gemeente",
    "Huisvesting statushouders",
    "Preventieakkoord",
    "Sociaal wijkteam",
    "Opvang dak- en thuislozen",
    "Beschermd wonen",
    "Woonzorgvisie",
    "Energiearmoede",
    "Ouderenhuisvesting",
    "Welzijn op recept",
    "Vroegsignalering",
    "Knarrenhof",
    "Inclusieagenda",
    "Mobiliteit ouderen",
    "Informele zorg",
    "Vrijwilligersbeleid",
    "Jeugdhulp dichtbij",
    "Sportakkoord",
    "Gezond in de wijk",
    "Woningtoewijzing urgentie",
    "Tijdelijke woonunits",
    "Huisartsenzorg op peil",
    "Ketenaanpak huiselijk geweld",
    "Taalhuis",
)
PLACES: tuple[str, ...] = (
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Centrum",
    "De Hoven",
    "Molenwijk",
    "Kerkbuurt",
    "Het Rietveld",
    "Vogelwijk",
    "Bloemenbuurt",
    "De Akkers",
    "Stationsgebied",
    "Oude Dorp",
    "Nieuwland",
    "De Weide",
    "Havenkwartier",
    "Bosrand",
    "Heuvelrug",
    "Polderzicht",
)
DOMAINS: tuple[str, ...] = ("wonen", "welzijn", "zorg", "Wonen", "Zorg", "WELZIJN", "wonen/zorg", "Sociaal domein")
FIRST_NAMES: tuple[str, ...] = (
    "Anna",
    "Bas",
    "Carla",
    "Dirk",
    "Eva",
    "Femke",
    "Gert",
    "Hanna",
    "Ilse",
    "Joost",
    "Karin",
    "Lars",
    "Mirjam",
    "Niels",
    "Olga",
    "Pieter",
    "Romy",
    "Sander",
    "Tineke",
    "Wouter",
)
LAST_NAMES: tuple[str, ...] = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Dekker",
    "Brouwer",
    "van der Linden",
    "Kok",
)
REMARKS: tuple[str, ...] = (
    "loopt",
    "zie raadsbesluit",
    "wacht op subsidie",
    "herijken in Q3",
    "afstemmen met regio",
    "besproken in MT",
    "pilot verlengd",
)
PARTNER_NAME_PREFIX: dict[str, tuple[str, ...]] = {
    "woningcorporatie": ("Woonstichting", "Woningcorporatie", "Wooncompagnie"),
    "zorgaanbieder": ("Zorggroep", "Thuiszorg", "Zorgcentrum"),
    "welzijnsorganisatie": ("Welzijn", "Stichting Welzijn", "Wijkteam"),
    "bewonersorganisatie": ("Huurdersvereniging", "Wijkraad", "Adviesraad Sociaal Domein"),
    "zorgkantoor": ("Zorgkantoor",),
    "zorgverzekeraar": ("Zorgverzekeraar",),
    "ggd": ("GGD",),
    "vrijwilligersorganisatie": ("Vrijwilligerscentrale", "Stichting Vrijwilligers"),
    "andere_gemeente": ("Gemeente",),
    "gemeenschappelijke_regeling": ("Omgevingsdienst", "Veiligheidsregio"),
    "bedrijf": ("Bouwbedrijf", "Projectontwikkelaar"),
    "onderwijs": ("Basisschool", "ROC"),
    "politie": ("Politie basisteam",),
    "inwoners": ("Bewonersinitiatief",),
}
UNKNOWN_PHASES: tuple[str, ...] = ("Nazorg", "Afronding", "pilotfase", "Fase 4")
UNKNOWN_ELEMENTS: tuple[str, ...] = ("E", "Element F", "A - Netwerk koesteren")
UNKNOWN_ROLES: tuple[str, ...] = ("Presterende overheid", "Toezichthouder", "Samenwerkende overheid")


@dataclass
class Manifest:
    """What the generator wrote, for the benchmark and for checking a pipeline's counts."""

    file: str
    seed: int
    projects: int
    sheets: dict[str, str] = field(default_factory=dict)
    """Table → sheet name as written."""
    headers: dict[str, list[str]] = field(default_factory=dict)
    """Table → header row as written."""
    rows: dict[str, int] = field(default_factory=dict)
    """Table → non-empty data rows written below the header (what ``rows.<table>.read`` counts)."""
    rejected: dict[str, int] = field(default_factory=dict)
    """Table → rows that a correct pipeline rejects (totals row, rows without a name)."""
    expected_counts: dict[str, int] = field(default_factory=dict)
    """``counts`` a correct pipeline reports (involvements left out: it depends on link merging)."""
    strings: str = "shared"
    """``shared`` (a shared-strings table, as Excel writes) or ``inline`` (constant_memory)."""
    blank_rows: int = 0
    cells: int = 0
    seconds: float = 0.0


def parse_size(text: str) -> int:
    """Parse a project count such as ``1000``, ``10k`` or ``0.1M``."""
    text = text.strip().lower().replace("_", "")
    factor = 1
    if text.endswith("k"):
        factor, text = 1_000, text[:-1]
    elif text.endswith("m"):
        factor, text = 1_000_000, text[:-1]
    value = int(float(text) * factor)
    if value < 1:
        raise argparse.ArgumentTypeError(f"project count must be positive: {text!r}")
    return value


def size_label(n: int) -> str:
    """Short label for a project count: 1000 → ``1k``, 100000 → ``100k``, 1500 → ``1500``."""
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def odd_case(rng: random.Random, text: str) -> str:
    """Return ``text`` in the casing and spacing people really type."""
    r = rng.random()
    if r < 0.45:
        return text
    if r < 0.70:
        return text.capitalize()
    if r < 0.80:
        return text.upper()
    if r < 0.90:
        return text.title()
    if r < 0.95:
        return f" {text} "
    return text + "."


def _single_word(values: tuple[str, ...]) -> tuple[str, ...]:
    """Synonyms that are safe to join with separators (no spaces, slashes or hyphens)."""
    return tuple(v for v in values if not any(ch in v for ch in " /-"))


class Vocab:
    """Value pools drawn from :mod:`regie.vocabulary`, weighted toward the canonical words."""

    def __init__(self) -> None:
        self.phase_codes = voc.PHASE_CODES
        # Canonical code listed several times so it dominates, as in real files.
        self.phase_syn = {p.code: (p.code,) * 6 + p.synonyms for p in voc.PHASES}
        self.phase_word = {p.code: (p.code,) * 6 + _single_word(p.synonyms) for p in voc.PHASES}
        self.role_codes = voc.ROLE_CODES
        self.role_syn = {r.code: (r.code,) * 4 + r.synonyms for r in voc.ROLES}
        self.element_forms: dict[str, tuple[str, ...]] = {}
        # Part of the element's own name, as in "A - Visie" or "C. De rol benoemen".
        short_names = {"A": "Visie", "B": "Netwerk", "C": "De rol benoemen", "D": "Variëren"}
        for e in voc.ELEMENTS:
            first = e.name_forms[0]
            short = short_names.get(e.code, first)
            self.element_forms[e.code] = (
                e.code,
                e.code,
                e.code,
                e.code.lower(),
                f"Element {e.code}",
                f"{e.code} - {first}",
                f"{e.code}. {short}",
                f"{e.code} – {e.name}",
                *e.name_forms,
            )
        self.element_letter = {e.code: (e.code, e.code.lower(), f"Element {e.code}") for e in voc.ELEMENTS}
        self.regie = tuple(s for c in voc.REGIE_KINDS for s in (c.code, c.code, *c.synonyms))
        self.taaksoort = tuple(s for c in voc.TASK_KINDS for s in (c.code, *c.synonyms[:3]))
        self.kader = tuple(s for c in voc.BELEIDSKADERS for s in (c.code, *c.synonyms[:3]))
        self.macht = tuple(s for c in voc.DOORZETTINGSMACHT for s in (c.code, *c.synonyms[:2]))
        self.werkgebied = tuple(s for c in voc.WERKGEBIEDEN for s in (c.code,) * 3 + c.synonyms[:3])
        self.partner_roles = tuple(s for c in voc.PARTNER_ROLES for s in (c.code,) * 2 + c.synonyms[:4])
        self.partner_types = tuple(c.code for c in voc.PARTNER_TYPES)
        self.partner_type_syn = {c.code: (c.label, c.label, c.code, *c.synonyms[:3]) for c in voc.PARTNER_TYPES}
        self.skills = voc.SKILLS


class Generator:
    """Builds one messy workbook; all randomness comes from one seeded :class:`random.Random`."""

    def __init__(self, projects: int, seed: int) -> None:
        self.n = projects
        self.seed = seed
        # A string seed is hashed deterministically; each size gets its own header choices.
        self.rng = random.Random(f"regie-bench:{seed}:{projects}")
        self.v = Vocab()
        self.manifest = Manifest(file="", seed=seed, projects=projects)

    # ---------------------------------------------------------------- value helpers

    def phase_cell(self) -> str:
        """A fase cell: one or more phases as synonyms, sometimes blank or unknown."""
        rng = self.rng
        r = rng.random()
        if r < 0.04:
            return rng.choice(("", "", "?", "n.v.t.", "onbekend"))
        if r < 0.05:
            return rng.choice(UNKNOWN_PHASES)
        k = 1 if r < 0.70 else (2 if r < 0.95 else 3)
        codes = rng.sample(self.v.phase_codes, k)
        if k == 1:
            return odd_case(rng, rng.choice(self.v.phase_syn[codes[0]]))
        codes.sort(key=self.v.phase_codes.index)
        sep = rng.choice(("; ", ", ", ";", "\n", " + ", " en ", ", "))
        return sep.join(odd_case(rng, rng.choice(self.v.phase_word[c])) for c in codes)

    def element_cell(self) -> str:
        """An element cell: a letter, a name or several, often blank, rarely unknown."""
        rng = self.rng
        r = rng.random()
        if r < 0.20:
            return ""
        if r < 0.21:
            return rng.choice(UNKNOWN_ELEMENTS)
        if r < 0.80:
            code = rng.choice(voc.ELEMENT_CODES)
            return rng.choice(self.v.element_forms[code])
        codes = sorted(rng.sample(voc.ELEMENT_CODES, rng.choice((2, 2, 3))))
        sep = rng.choice((", ", "; ", ",", " + ", "\n"))
        return sep.join(rng.choice(self.v.element_letter[c]) for c in codes)

    def role_value(self) -> str:
        """One role as a synonym in odd casing."""
        code = self.rng.choice(self.v.role_codes)
        return odd_case(self.rng, self.rng.choice(self.v.role_syn[code]))

    def role_cell(self) -> str:
        """A project-wide rol cell, now and then per-phase pairs or an unknown value."""
        rng = self.rng
        r = rng.random()
        if r < 0.10:
            return ""
        if r < 0.11:
            return rng.choice(UNKNOWN_ROLES)
        if r < 0.13:
            phases = sorted(rng.sample(self.v.phase_codes, 2), key=self.v.phase_codes.index)
            return "; ".join(f"{p}: {rng.choice(self.v.role_codes)}" for p in phases)
        if r < 0.15:
            return ", ".join(rng.sample(("regisseur", "partner", "facilitator", "opdrachtgever"), 2))
        return self.role_value()

    def person(self) -> str:
        """A civil servant's name (personal data in real files)."""
        rng = self.rng
        first = rng.choice(FIRST_NAMES)
        return rng.choice((f"{first} {rng.choice(LAST_NAMES)}", f"{first[0]}. {rng.choice(LAST_NAMES)}"))

    def date_value(self, base: dt.date) -> tuple[str, Any]:
        """A date in one of the forms found in inventories: ``('serial', n)`` or ``('text', s)``."""
        rng = self.rng
        day = base + dt.timedelta(days=rng.randrange(0, 900))
        r = rng.random()
        if r < 0.55:
            return "serial", (day - EXCEL_EPOCH).days
        if r < 0.75:
            return "text", f"{day.day}-{day.month}-{day.year}"
        if r < 0.85:
            return "text", day.isoformat()
        if r < 0.92:
            return "text", f"{day.day:02d}/{day.month:02d}/{day.year}"
        if r < 0.97:
            return "text", f"{day.day}.{day.month}.{day.year}"
        return "text", rng.choice(("Q3 2026", "najaar", "z.s.m."))

    def budget_value(self) -> tuple[str, Any]:
        """An amount as a number or as Dutch-formatted text (``€ 1.250,50``, ``12.000,-``)."""
        rng = self.rng
        amount = rng.randrange(5, 2_000_000) / rng.choice((1, 1, 100))
        r = rng.random()
        if r < 0.40:
            return "number", round(amount, 2)
        if r < 0.75:
            whole, cents = divmod(round(amount * 100), 100)
            text = f"{whole:,}".replace(",", ".")
            return "text", rng.choice((f"€ {text},{cents:02d}", f"€{text},{cents:02d}", f"{text},{cents:02d}"))
        if r < 0.82:
            return "text", f"{int(amount):,}".replace(",", ".") + ",-"
        if r < 0.86:
            return "text", f"{amount:,.2f}"
        return "blank", None

    # ---------------------------------------------------------------- workbook

    def build(self, out: Path, constant_memory: bool = False) -> Manifest:
        """Write the workbook to ``out`` and return its manifest.

        By default strings go into a shared-strings table, as in files saved by Excel; with
        ``constant_memory`` xlsxwriter streams rows with inline strings (flat memory, same speed,
        slightly larger file and slower to read).
        """
        t0 = time.perf_counter()
        out.parent.mkdir(parents=True, exist_ok=True)
        wb = xlsxwriter.Workbook(str(out), {"constant_memory": constant_memory})
        wb.set_properties({"title": "Inventarisatie regierol per fase", "author": "bench", "created": FIXED_CREATED})
        self.fmt_date = wb.add_format({"num_format": "d-m-yyyy"})
        self.fmt_money = wb.add_format({"num_format": "€ #,##0.00"})
        self.fmt_title = wb.add_format({"bold": True, "font_size": 14})
        self.fmt_head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True})
        self.manifest.file = out.name
        self.manifest.strings = "inline" if constant_memory else "shared"

        partners = self.make_partners()
        project_ids = self.write_projects(wb, partners)
        self.write_partners(wb, partners)
        self.write_involvements(wb, project_ids, partners)
        self.write_team(wb)
        self.write_lists(wb)
        wb.close()
        self.manifest.seconds = round(time.perf_counter() - t0, 3)
        return self.manifest

    def make_partners(self) -> list[tuple[str, str]]:
        """Partner names (distinct after normalisation) with their type code."""
        rng = self.rng
        count = max(50, self.n // 20)
        result: list[tuple[str, str]] = []
        seen: set[str] = set()
        i = 0
        while len(result) < count:
            ptype = rng.choice(self.v.partner_types)
            name = f"{rng.choice(PARTNER_NAME_PREFIX[ptype])} {rng.choice(PLACES)}"
            if name.lower() in seen:
                i += 1
                name = f"{name} {i}"
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            result.append((name, ptype))
        return result

    def write_projects(self, wb: xlsxwriter.Workbook, partners: list[tuple[str, str]]) -> list[Any]:
        """Write the projects sheet; return the project ids as written (for the involvements)."""
        rng = self.rng
        v = self.v
        c = voc.COLUMNS["projects"]
        sheet = rng.choice(
            ("Projecten", "Projecten 2026", "Initiatieven", "Inventarisatie", "Projecten wonen-welzijn-zorg", "Opgaven")
        )
        ws = wb.add_worksheet(sheet)
        self.manifest.sheets["projects"] = sheet

        def pick(options: tuple[str, ...]) -> str:
            head = rng.choice(options)
            r = rng.random()
            if r < 0.08:
                return head.upper()
            if r < 0.14:
                return head + "*"
            return head

        per_phase_style = rng.choice(("Rol {}", "Rol {}", "Regierol {}", "Rol tijdens {}", "Rol gemeente {}", "{} rol"))
        columns: list[tuple[str, str]] = [
            ("id", pick(c["id"][:4])),
            ("naam", pick(("Projectnaam", "Naam project", "Naam van het project", "Naam", "Titel", "Project"))),
            ("omschrijving", pick(c["omschrijving"][:3])),
            ("domein", pick(c["domein"])),
            ("gebied", pick(c["gebied"])),
            ("fase", pick(c["fase"][:4])),
            ("element", pick(c["element"])),
            ("rol", pick(c["rol"])),
        ]
        for p in v.phase_codes:
            head = per_phase_style.format(p)
            columns.append((f"rol_{p}", head[0].upper() + head[1:]))
        columns += [
            ("regie", pick(c["regie"])),
            ("taaksoort", pick(c["taaksoort"])),
            ("beleidskader", pick(c["beleidskader"][:2])),
            ("doorzettingsmacht", pick(c["doorzettingsmacht"])),
            ("trekker", pick(c["trekker"])),
            ("start", pick(c["start"])),
            ("eind", pick(c["eind"])),
            ("budget", rng.choice(("Budget", "Budget (€)", "Begroting", "Kosten (gepland)"))),
            ("partners", pick(("Partners", "Betrokken partners", "Samenwerkingspartners"))),
            ("opmerkingen", rng.choice(("Opmerkingen", "Notities", "Status"))),
        ]
        # Move a column around, as people do.
        keys_before = [k for k, _ in columns]
        if rng.random() < 0.5:
            columns.insert(2, columns.pop(keys_before.index("fase")))
        keys = [k for k, _ in columns]
        col = {k: i for i, k in enumerate(keys)}
        self.manifest.headers["projects"] = [h for _, h in columns]

        # Title block: one to three rows, a blank row, then the header.
        row = 0
        ws.write_string(row, 0, "Inventarisatie regierol per fase – gemeente Voorbeeld", self.fmt_title)
        row += 1
        if rng.random() < 0.7:
            ws.write_string(row, 0, "Peildatum:")
            ws.write_number(row, 1, (dt.date(2026, 3, 1) - EXCEL_EPOCH).days, self.fmt_date)
            row += 1
        if rng.random() < 0.5:
            ws.write_string(row, 0, "Bron: afdeling Samenleving, versie 3 (concept)")
            row += 1
        row += 1  # blank
        for i, (_, head) in enumerate(columns):
            ws.write_string(row, i, head, self.fmt_head)
        ws.set_column(0, len(columns) - 1, 16)
        row += 1

        # Bind hot methods locally: this loop writes millions of cells.
        w_str = ws.write_string
        w_num = ws.write_number
        fmt_date, fmt_money = self.fmt_date, self.fmt_money
        random_ = rng.random
        choice = rng.choice
        id_style = rng.choice(("P-{:05d}", "int", "{}", "2026-{:05d}"))
        partner_names = [p for p, _ in partners]
        missing_partners: list[str] = [f"Stichting Nieuw Initiatief {i}" for i in range(1, 4)]
        used_missing: set[str] = set()
        ids: list[Any] = []
        rows_written = 0
        blank = 0
        cells = 0
        reject_rows = max(1, self.n // 50_000)  # rows without a name: rejected
        reject_at = {rng.randrange(self.n) for _ in range(reject_rows)}
        budget_sum = 0.0
        first_data_row = row

        for k in range(self.n):
            if random_() < 0.005:
                row += 1  # a blank row in the middle of the data
                blank += 1
            pid: Any = 1000 + k + 1 if id_style == "int" else id_style.format(k + 1)
            ids.append(pid)
            if isinstance(pid, int):
                w_num(row, 0, pid)
            else:
                w_str(row, 0, pid)
            gebied = choice(PLACES)
            rejected_row = k in reject_at
            if not rejected_row:  # a row without a name cannot be a project: rejected
                w_str(row, col["naam"], f"{choice(TOPICS)} {gebied} {k + 1}")
            if random_() < 0.6:
                w_str(row, col["omschrijving"], f"Aanpak {choice(TOPICS).lower()} in {gebied}")
                cells += 1
            w_str(row, col["domein"], choice(DOMAINS))
            w_str(row, col["gebied"], gebied)
            cells += 4
            for key, value in (
                ("fase", self.phase_cell()),
                ("element", self.element_cell()),
                ("rol", self.role_cell()),
            ):
                if value:
                    w_str(row, col[key], value)
                    cells += 1
            if random_() < 0.30:
                for p in v.phase_codes:
                    if random_() < 0.8:
                        w_str(row, col[f"rol_{p}"], self.role_value())
                        cells += 1
            for key, pool in (
                ("regie", v.regie),
                ("taaksoort", v.taaksoort),
                ("beleidskader", v.kader),
                ("doorzettingsmacht", v.macht),
            ):
                r = random_()
                if r < 0.7:
                    w_str(row, col[key], choice(pool))
                    cells += 1
                elif r < 0.705:
                    w_str(row, col[key], "weet niet")  # unknown value: a warning
                    cells += 1
            w_str(row, col["trekker"], self.person())
            cells += 1
            base = dt.date(2024, 1, 1)
            for key in ("start", "eind"):
                if random_() < 0.85:
                    kind, value = self.date_value(base)
                    if kind == "serial":
                        w_num(row, col[key], value, fmt_date)
                    else:
                        w_str(row, col[key], value)
                    cells += 1
                base = dt.date(2026, 6, 1)
            kind, value = self.budget_value()
            if kind == "number":
                w_num(row, col["budget"], value, fmt_money)
                budget_sum += value
                cells += 1
            elif kind == "text":
                w_str(row, col["budget"], value)
                cells += 1
            r = random_()
            if r < 0.85:
                names = rng.sample(partner_names, choice((1, 1, 2, 3)))
                if r < 0.002 and not rejected_row:
                    extra = choice(missing_partners)
                    used_missing.add(extra)
                    names.append(extra)
                w_str(row, col["partners"], choice(("; ", ", ", "\n", ";")).join(names))
                cells += 1
            if random_() < 0.15:
                w_str(row, col["opmerkingen"], choice(REMARKS))
                cells += 1
            row += 1
            rows_written += 1

        # Totals row with a formula and its cached value: a pipeline rejects it.
        w_str(row, col["naam"], "Totaal")
        last = row - 1
        bcol = xlsxwriter.utility.xl_col_to_name(col["budget"])
        ws.write_formula(
            row, col["budget"], f"=SUM({bcol}{first_data_row + 1}:{bcol}{last + 1})", fmt_money, round(budget_sum, 2)
        )
        rows_written += 1
        ws.freeze_panes(first_data_row, 2)

        m = self.manifest
        m.rows["projects"] = rows_written
        m.rejected["projects"] = len(reject_at) + 1
        m.blank_rows += blank
        m.cells += cells + rows_written * 2
        m.expected_counts["projects"] = self.n - len(reject_at)
        self._missing_partners = used_missing
        self._rejected_ids = {ids[k] for k in reject_at}
        return ids

    def write_partners(self, wb: xlsxwriter.Workbook, partners: list[tuple[str, str]]) -> None:
        """Write the partners sheet, with a couple of duplicate rows."""
        rng = self.rng
        v = self.v
        sheet = rng.choice(("Partners", "Samenwerkingspartners", "Organisaties", "Partners_regio"))
        ws = wb.add_worksheet(sheet)
        self.manifest.sheets["partners"] = sheet
        heads = [
            rng.choice(("Naam", "Organisatie", "Partnernaam", "Partner")),
            rng.choice(("Type", "Soort organisatie", "Categorie")),
            rng.choice(("Werkgebied", "Schaal")),
            rng.choice(("Contactpersoon", "Contact")),
        ]
        self.manifest.headers["partners"] = heads
        row = 0
        if rng.random() < 0.5:
            ws.write_string(row, 0, "Overzicht samenwerkingspartners", self.fmt_title)
            row += 2
        for i, head in enumerate(heads):
            ws.write_string(row, i, head, self.fmt_head)
        row += 1
        rows = list(partners)
        dups = [rng.choice(partners) for _ in range(2)]
        for d in dups:
            rows.insert(rng.randrange(len(rows)), d)
        w_str = ws.write_string
        for name, ptype in rows:
            w_str(row, 0, name)
            if rng.random() < 0.95:
                w_str(row, 1, odd_case(rng, rng.choice(v.partner_type_syn[ptype])))
            if rng.random() < 0.8:
                w_str(row, 2, rng.choice(v.werkgebied))
            if rng.random() < 0.6:
                w_str(row, 3, self.person())
            row += 1
        m = self.manifest
        m.rows["partners"] = len(rows)
        m.rejected["partners"] = 0
        m.cells += len(rows) * 3
        self._partner_table_size = len(partners)

    def write_involvements(self, wb: xlsxwriter.Workbook, ids: list[Any], partners: list[tuple[str, str]]) -> None:
        """Write the involvement sheet: one row per project on average."""
        rng = self.rng
        v = self.v
        sheet = rng.choice(("Betrokkenheid", "Koppelingen", "Partners per project"))
        ws = wb.add_worksheet(sheet)
        self.manifest.sheets["involvements"] = sheet
        heads = [
            rng.choice(("Project ID", "Projectnummer", "Projectcode")),
            "Partner",
            rng.choice(("Fase", "Procesfase")),
            rng.choice(("Rol partner", "Rol van de partner")),
            "Invloed",
            "Belang",
        ]
        self.manifest.headers["involvements"] = heads
        for i, head in enumerate(heads):
            ws.write_string(0, i, head, self.fmt_head)
        w_str = ws.write_string
        w_num = ws.write_number
        random_ = rng.random
        choice = rng.choice
        partner_names = [p for p, _ in partners]
        scale_words = ("laag", "middel", "hoog", "Hoog", "gemiddeld")
        row = 1
        missing = {f"Stichting Nieuw Initiatief {i}" for i in range(4, 6)}
        used_missing: set[str] = set()
        rejected = 0
        for _ in range(self.n):
            pid = choice(ids)
            while pid in self._rejected_ids:
                pid = choice(ids)
            bad_row = random_() < 0.0002
            if bad_row:
                pid = "P-99999X"  # project not in the projects table: rejected
                rejected += 1
            if isinstance(pid, int):
                # Excel numbers and text ids mixed, as in real files.
                if random_() < 0.3:
                    w_str(row, 0, str(pid))
                else:
                    w_num(row, 0, pid)
            else:
                w_str(row, 0, pid)
            name = choice(partner_names)
            if random_() < 0.0005 and not bad_row:
                name = choice(sorted(missing))
                used_missing.add(name)
            w_str(row, 1, name)
            if random_() < 0.7:
                w_str(row, 2, odd_case(rng, choice(v.phase_word[choice(v.phase_codes)])))
            if random_() < 0.9:
                w_str(row, 3, choice(v.partner_roles))
            for c in (4, 5):
                r = random_()
                if r < 0.6:
                    w_num(row, c, rng.randint(1, 5))
                elif r < 0.85:
                    w_str(row, c, choice(scale_words))
            row += 1
        m = self.manifest
        m.rows["involvements"] = self.n
        m.rejected["involvements"] = rejected
        m.cells += self.n * 5
        m.expected_counts["partners"] = self._partner_table_size + len(self._missing_partners) + len(used_missing)

    def write_team(self, wb: xlsxwriter.Workbook) -> None:
        """Write a long-format team sheet: one skill per row with a level."""
        rng = self.rng
        ws = wb.add_worksheet("Team")
        self.manifest.sheets["team"] = "Team"
        heads = [
            rng.choice(("Naam", "Medewerker", "Teamlid")),
            rng.choice(("Vaardigheid", "Competentie")),
            rng.choice(("Niveau", "Score")),
        ]
        self.manifest.headers["team"] = heads
        for i, head in enumerate(heads):
            ws.write_string(0, i, head, self.fmt_head)
        people = max(8, self.n // 1000)
        row = 1
        names: set[str] = set()
        for p in range(people):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name in names:
                name = f"{name}-{rng.choice(LAST_NAMES).split()[-1]} {p + 1}"
            names.add(name)
            for skill in rng.sample(self.v.skills, 3):
                ws.write_string(row, 0, name)
                ws.write_string(row, 1, odd_case(rng, skill))
                if rng.random() < 0.7:
                    ws.write_number(row, 2, rng.randint(1, 5))
                else:
                    ws.write_string(row, 2, rng.choice(("hoog", "middel", "laag")))
                row += 1
        m = self.manifest
        m.rows["team"] = row - 1
        m.rejected["team"] = 0
        m.cells += (row - 1) * 3
        m.expected_counts["team"] = len(names)

    def write_lists(self, wb: xlsxwriter.Workbook) -> None:
        """A hidden sheet with dropdown lists, as templates have; never a table."""
        ws = wb.add_worksheet("Lijsten")
        for i, p in enumerate(voc.PHASE_CODES):
            ws.write_string(i, 0, p)
        for i, r in enumerate(voc.ROLE_CODES):
            ws.write_string(i, 1, r)
        for i, e in enumerate(voc.ELEMENT_CODES):
            ws.write_string(i, 2, e)
        ws.hide()


def generate(projects: int, out: Path, seed: int = 42, constant_memory: bool = False) -> Manifest:
    """Generate a workbook with ``projects`` project rows at ``out``; write and return its manifest."""
    manifest = Generator(projects, seed).build(out, constant_memory=constant_memory)
    manifest_path(out).write_text(json.dumps(asdict(manifest), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def manifest_path(out: Path) -> Path:
    """Path of the JSON manifest written next to a generated workbook."""
    return out.with_suffix(".json")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--projects", type=parse_size, default=1000, help="number of project rows, e.g. 1000, 10k, 100k (default 1000)"
    )
    parser.add_argument("--out", type=Path, default=None, help="output .xlsx (default bench/out/inv_<size>.xlsx)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument(
        "--inline-strings",
        action="store_true",
        help="write inline strings (xlsxwriter constant_memory mode, flat memory) "
        "instead of a shared-strings table as Excel and LibreOffice do",
    )
    args = parser.parse_args(argv)
    out = args.out or ROOT / "bench" / "out" / f"inv_{size_label(args.projects)}.xlsx"
    m = generate(args.projects, out, args.seed, constant_memory=args.inline_strings)
    print(f"{out}: {m.projects} projects, rows {m.rows}, {out.stat().st_size / 1e6:.1f} MB, {m.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Property tests: messy inventories generated together with the numbers they must give.

The generator draws a small model of projects (name, phases, roles, elements, partners) and
writes it the way different advisers would: title rows above the header, header synonyms from
``vocabulary.COLUMNS`` in random casing with a required-star, plural marker or remark, columns in
any order, phases in one cell with random separators, one column per phase with marks (under a
one- or two-row header), or one row per phase; per-phase role columns and ``fase: rol`` pairs;
blank rows, section headings, a Domein merged over several rows, an empty column, projects split
over two sheets, a row without a name and a cell with an unknown part; saved as .xlsx or as CSV
(Dutch Excel or UTF-8). The expected analysis is computed from the model alone (docs/inventaris.md
``counts``/``rows``/``phases``/``roles``, docs/domein.md §4), and the command line must agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regie import vocabulary as voc

try:
    from tests import realistic as rb
    from tests import test_realistic as base
except ImportError:  # tests/ is not a package: pytest puts this folder on sys.path
    import realistic as rb  # type: ignore[no-redef]
    import test_realistic as base  # type: ignore[no-redef]

PHASES = base.PHASES
ELEMENTS = base.ELEMENTS
ROLE_CODES = ("zelf", "opdrachtgever", "regisseur", "partner", "facilitator", "geen")
SEPARATORS = ("; ", ";", ", ", ",", "/", " / ", " + ", "+", " & ", " en ", "\n")
"""Separators advisers put between several values in one cell (docs/domein.md §1)."""
SPLIT_CHARS = ("\n", ";", ",", "+", "&", "/", " en ")
PARTNER_SEPARATORS = ("; ", ";", ", ", ",", "\n")
"""Partner names in a projects cell are split on `;` `,` and line breaks (docs/inventaris.md)."""

PHASE_MARK_HEADERS: dict[str, tuple[str, ...]] = {
    "visie": ("Visie", "Visiefase", "Fase visie", "Ontwikkeling gezamenlijke beleidsvisie"),
    "beleid": ("Beleid", "Beleidsfase", "Fase beleid",
               "Ontwikkeling ruimtelijke plannen en vormgeving"),
    "uitvoering": ("Uitvoering", "Uitvoeringsfase", "Fase uitvoering"),
}
"""Per-phase mark headers (docs/inventaris.md: Visie, Visiefase, Fase visie, the Schema 3 names)."""

PHASE_WORDS: dict[str, tuple[str, ...]] = {
    "visie": ("visie", "visiefase"),
    "beleid": ("beleid", "beleidsfase"),
    "uitvoering": ("uitvoering", "uitvoeringsfase"),
}
"""The phase in a per-phase role header, optionally followed by "fase"."""

ELEMENT_VALUES: dict[str, tuple[str, ...]] = {
    "A": ("A", "a", "Element A", "A - Visie ontwikkelen", "Visie ontwikkelen", "A - Visie"),
    "B": ("B", "b", "Element B", "B - Het netwerk koesteren", "Netwerk koesteren",
          "Het netwerk koesteren"),
    "C": ("C", "c", "Element C", "C. De rol benoemen", "De eigen rol benoemen",
          "Eigen rol benoemen"),
    "D": ("D", "d", "Element D", "D - Variëren in aanpak", "Variëren in aanpak",
          "Varieren in aanpak"),
}
"""Values that mean an element (docs/domein.md §2; matching ignores accents)."""

ELEMENT_MARK_HEADERS: dict[str, tuple[str, ...]] = {
    "A": ("A", "Element A", "Visie ontwikkelen"),
    "B": ("B", "Element B", "Het netwerk koesteren"),
    "C": ("C", "Element C", "De eigen rol benoemen"),
    "D": ("D", "Element D", "Variëren in aanpak"),
}

TRUE_MARKS = tuple(sorted(voc.MARKS_TRUE))
FALSE_MARKS = tuple(sorted(voc.MARKS_FALSE))
ROLE_SYNONYMS = {role.code: role.synonyms for role in voc.ROLES}
PHASE_SYNONYMS = {phase.code: phase.synonyms for phase in voc.PHASES}
EMPTY_LIKE = ("-", "?", "nvt", "n.v.t.", "onbekend", "...")

TITLES = (
    "Inventarisatie regierol gemeente Voorbeeld",
    "Overzicht sociaal domein",
    "Versie 3 (concept)",
    "Bijgewerkt door team Beleid",
)
NAME_WORDS = (
    "Buurthuis", "Woonzorgzone", "Mantelzorg", "Jongerenwerk", "Schuldhulp", "Valpreventie",
    "Statushouders", "Sportakkoord", "Wijkteam", "Dagbesteding", "Eenzaamheid", "Armoede",
)
PARTNER_NAMES = (
    "Woonstichting Vooruit", "GGD Hollands Midden", "Welzijn Plus", "Stichting MEE",
    "Politie", "Huurdersvereniging Samen", "Zorggroep Oost", "Bibliotheek Midden",
)
DOMAINS = ("Wonen", "Zorg", "Welzijn")
SECTIONS = ("WONEN", "ZORG", "WELZIJN", "Overig")
SHEET_SUFFIXES = ("", " 2026", "_wonen", "-2025", " sociaal domein")
REMARKS = ("*", " *", " (gepland)", " (optioneel)")
PLURALS = {"fase": "(n)", "element": "(en)", "partners": "(s)"}


@dataclass
class Project:
    """A project of the model."""

    name: str
    phases: list[str]
    role: str | None
    """The project role (None = blank)."""
    elements: list[str]
    partners: list[str]
    domain: str
    phase_roles: dict[str, str | None] = field(default_factory=dict)
    """Per-phase roles (columns, pairs, long-format rows, mark cells); they win over ``role``."""

    def role_in(self, phase: str) -> str:
        """The role counted in ``phase``."""
        return self.phase_roles.get(phase) or self.role or "onbekend"

    def has_role_in(self, phase: str) -> bool:
        """Counted in ``roles[phase]``: in the phase, or naming a role for it."""
        return phase in self.phases or bool(self.phase_roles.get(phase))


@dataclass
class SheetOut:
    """One written sheet: its rows (Excel row 1 first), merges and the rows it must give."""

    name: str
    rows: list[list[Any]]
    merges: list[str]
    read: int
    rejected: int


@dataclass
class Generated:
    """A generated file with the analysis it must give."""

    data: bytes
    filename: str
    layout: str
    sheets: list[SheetOut]
    want: dict[str, Any]
    issues: list[tuple[str, str, int, str]]
    """(severity, sheet, row, column) of every expected projects issue."""
    partner_note: bool
    """True when partners are named without a partners sheet: one file-level note."""

    def __repr__(self) -> str:
        """The rows as written and the expected issues (not the file's bytes)."""
        lines = [f"{self.layout} {self.filename}"]
        for sheet in self.sheets:
            lines.append(f" sheet {sheet.name!r} merges={sheet.merges}")
            lines += [f"  row {n}: {row!r}" for n, row in enumerate(sheet.rows, start=1)]
        lines.append(f" expected issues: {self.issues}; partner note: {self.partner_note}")
        return "\n".join(lines)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Hypothesis prints falsifying examples with this."""
        printer.text(repr(self))


# --------------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------------


def cased(draw: st.DrawFn, text: str) -> str:
    """The text in the casing an adviser happened to use."""
    style = draw(st.sampled_from(("as-is", "lower", "upper", "title")))
    return {"as-is": text, "lower": text.lower(), "upper": text.upper(),
            "title": text.title()}[style]


def padded(draw: st.DrawFn, text: str) -> str:
    """The text with the stray spaces of hand typing (matching ignores surrounding spaces)."""
    return draw(st.sampled_from(("", " "))) + text + draw(st.sampled_from(("", " ", "  ")))


def header(draw: st.DrawFn, field_name: str) -> str:
    """A header for a projects field: a synonym, in some casing, maybe decorated."""
    text = cased(draw, draw(st.sampled_from(voc.COLUMNS["projects"][field_name])))
    decoration = draw(st.sampled_from(("", "", *REMARKS, PLURALS.get(field_name, ""))))
    return text + decoration


def single_free(text: str) -> bool:
    """True when ``text`` holds none of the split separators (safe inside a multi-value cell)."""
    lowered = f" {text.lower()} "
    return not any(sep in lowered for sep in SPLIT_CHARS)


def phase_cell(draw: st.DrawFn, phases: list[str]) -> Any:
    """A Fase cell holding ``phases`` (any synonym alone, separator-free ones in a list)."""
    if not phases:
        return draw(st.sampled_from((None, *EMPTY_LIKE)))
    if len(phases) == 1:
        return padded(draw, cased(draw, draw(st.sampled_from(PHASE_SYNONYMS[phases[0]]))))
    words = [
        cased(draw, draw(st.sampled_from([s for s in PHASE_SYNONYMS[p] if single_free(s)])))
        for p in phases
    ]
    return draw(st.sampled_from(SEPARATORS)).join(words)


def element_cell(draw: st.DrawFn, elements: list[str]) -> Any:
    """An Element cell holding ``elements``."""
    if not elements:
        return draw(st.sampled_from((None, *EMPTY_LIKE)))
    words = [draw(st.sampled_from(ELEMENT_VALUES[e])) for e in elements]
    if len(words) == 1:
        return padded(draw, words[0])
    return draw(st.sampled_from(SEPARATORS)).join(words)


def role_word(draw: st.DrawFn, role: str) -> str:
    """One way of writing a role."""
    return cased(draw, draw(st.sampled_from(ROLE_SYNONYMS[role])))


def role_cell(draw: st.DrawFn, role: str | None) -> Any:
    """A Rol cell holding one role (or blank)."""
    if role is None:
        return draw(st.sampled_from((None, "", "-", "?", "nvt")))
    return padded(draw, role_word(draw, role))


def pairs_cell(draw: st.DrawFn, pairs: dict[str, str]) -> str:
    """A Rol cell holding per-phase pairs: ``visie: regisseur; uitvoering: partner``."""
    separator = draw(st.sampled_from(("; ", ";", "\n")))
    return separator.join(
        f"{cased(draw, phase)}{draw(st.sampled_from((': ', ':', ' : ')))}{role_word(draw, role)}"
        for phase, role in pairs.items()
    )


def per_phase_role_header(draw: st.DrawFn, phase: str) -> str:
    """"Rol visie", "Regierol in beleidsfase", "Rol gemeente tijdens uitvoering", "Visie rol"."""
    word = draw(st.sampled_from(PHASE_WORDS[phase]))
    if draw(st.booleans()):
        return cased(draw, f"{word} {draw(st.sampled_from(('rol', 'regierol')))}")
    prefix = draw(st.sampled_from(voc.COLUMNS["projects"]["rol"]))
    connector = draw(st.sampled_from(("", "in ", "tijdens ", "de ")))
    return cased(draw, f"{prefix} {connector}{word}")


def true_mark(draw: st.DrawFn, workbook: bool, marks: tuple[str, ...]) -> Any:
    """A mark meaning "yes": text in any casing, or an Excel TRUE / number 1 in a workbook."""
    options: list[Any] = [cased(draw, draw(st.sampled_from(marks)))]
    if workbook:
        options += [True, 1]
    return draw(st.sampled_from(options))


def false_mark(draw: st.DrawFn, workbook: bool) -> Any:
    """A cell meaning "no mark": empty, a no-word, or an Excel FALSE / number 0."""
    options: list[Any] = [None, cased(draw, draw(st.sampled_from(FALSE_MARKS)))]
    if workbook:
        options += [False, 0]
    return draw(st.sampled_from(options))


def letter(index: int) -> str:
    """Excel column letter of a 0-based index (tables here are narrower than 26 columns)."""
    return chr(ord("A") + index)


# --------------------------------------------------------------------------------------------
# One sheet
# --------------------------------------------------------------------------------------------


@dataclass
class Options:
    """Choices that hold for the whole file."""

    layout: str
    workbook: bool
    marks: tuple[str, ...]
    with_partners: bool


def write_sheet(
    draw: st.DrawFn, name: str, projects: list[Project], first_id: int, opts: Options,
    issues: list[tuple[str, str, int, str]],
) -> SheetOut:
    """Write ``projects`` as one adviser would, appending the issues they must give."""
    layout, workbook = opts.layout, opts.workbook
    headers: dict[str, str] = {"naam": header(draw, "naam")}
    if draw(st.booleans()):
        headers["id"] = header(draw, "id")
    two_row = layout == "wide" and workbook and draw(st.booleans())
    role_columns: list[str] = []
    pairs_mode = False
    if layout == "wide":
        for phase in PHASES:
            headers[f"mark:{phase}"] = (
                cased(draw, phase) if two_row
                else cased(draw, draw(st.sampled_from(PHASE_MARK_HEADERS[phase])))
            )
        for element in ELEMENTS:
            headers[f"mark:{element}"] = (
                element if two_row else draw(st.sampled_from(ELEMENT_MARK_HEADERS[element]))
            )
    else:
        headers["fase"] = header(draw, "fase")
        headers["element"] = header(draw, "element")
    headers["rol"] = header(draw, "rol")
    if layout == "cell":
        role_columns = sorted(draw(st.sets(st.sampled_from(PHASES))), key=PHASES.index)
        for phase in role_columns:
            headers[f"rol:{phase}"] = per_phase_role_header(draw, phase)
        pairs_mode = not role_columns and draw(st.booleans())
    if opts.with_partners:
        headers["partners"] = header(draw, "partners")
    domain_column = draw(st.booleans())
    if domain_column:
        headers["domein"] = header(draw, "domein")

    keys = list(headers)
    if two_row:
        # The mark columns form two groups; the other columns keep a random order before them.
        others = draw(st.permutations([k for k in keys if not k.startswith("mark:")]))
        order = [*others, *[f"mark:{p}" for p in PHASES], *[f"mark:{e}" for e in ELEMENTS]]
    else:
        order = list(draw(st.permutations(keys)))
        if draw(st.booleans()):
            # A completely empty column, strictly inside the table (never column A, where
            # titles and headings live, nor last).
            order.insert(draw(st.integers(1, len(order) - 1)), "empty")
            headers["empty"] = ""
    width = len(order)
    last = letter(width - 1)

    def row_of(values: dict[str, Any]) -> list[Any]:
        return [values.get(key) for key in order]

    rows: list[list[Any]] = []
    merges: list[str] = []
    for title in draw(st.lists(st.sampled_from(TITLES), max_size=3, unique=True)):
        rows.append([title])
    if draw(st.booleans()):
        rows.append(["Peildatum", dt.datetime(2026, 3, 1) if workbook else "1-3-2026"])
    rows.extend([] for _ in range(draw(st.integers(0, 2))))
    if two_row:
        top = [None if key.startswith("mark:") else headers[key] for key in order]
        sub: list[Any] = [None] * width
        phase_at = order.index("mark:visie")
        element_at = order.index("mark:A")
        top[phase_at] = cased(draw, draw(st.sampled_from(("Fase", "Fasen", "Procesfase"))))
        top[element_at] = cased(draw, draw(st.sampled_from(("Regie-element", "Element"))))
        for index, key in enumerate(order):
            if key.startswith("mark:"):
                sub[index] = headers[key]
        rows += [top, sub]
        top_row = len(rows) - 1
        merges.append(f"{letter(phase_at)}{top_row}:{letter(phase_at + 2)}{top_row}")
        merges.append(f"{letter(element_at)}{top_row}:{letter(element_at + 3)}{top_row}")
        for index, key in enumerate(order):
            if not key.startswith("mark:"):
                merges.append(f"{letter(index)}{top_row}:{letter(index)}{top_row + 1}")
    else:
        rows.append([headers[key] or None for key in order])

    sections = workbook and draw(st.booleans())
    nameless_at = draw(st.one_of(st.none(), st.integers(0, len(projects))))
    unknown_in = (
        draw(st.one_of(st.none(), st.integers(0, len(projects) - 1)))
        if layout == "cell" else None
    )
    read = rejected = 0
    domain_rows: dict[int, str] = {}
    """Excel row → domain of the project data rows (for vertical merges)."""

    def blank_rows() -> None:
        rows.extend([] for _ in range(draw(st.integers(0, 1))))

    for index, project in enumerate([*projects, None]):
        if index == nameless_at:
            values: dict[str, Any] = {"rol": "Regisseur"}
            if "id" in headers:
                values["id"] = 900 + first_id + index
            if layout == "wide":
                values["mark:visie"] = "x"
            else:
                values["fase"] = "Visie"
            rows.append(row_of(values))
            read += 1
            rejected += 1
            issues.append(("fout", name, len(rows), headers["naam"]))
            blank_rows()
        if project is None:
            break
        if sections and draw(st.booleans()):
            rows.append(row_of({order[0]: draw(st.sampled_from(SECTIONS))}))
            merges.append(f"A{len(rows)}:{last}{len(rows)}")
        common: dict[str, Any] = {"naam": project.name, "domein": project.domain}
        if "id" in headers:
            common["id"] = first_id + index
        if opts.with_partners:
            names = [cased(draw, partner) for partner in project.partners]
            common["partners"] = draw(st.sampled_from(PARTNER_SEPARATORS)).join(names) or None
        values = dict(common)
        if layout == "cell":
            values["fase"] = phase_cell(draw, project.phases)
            if index == unknown_in:
                values["fase"] = (
                    f"{values['fase']}; afronding" if project.phases else "afronding"
                )
                issues.append(("waarschuwing", name, len(rows) + 1, headers["fase"]))
            values["element"] = element_cell(draw, project.elements)
            if pairs_mode and draw(st.booleans()):
                pairs = draw(st.dictionaries(st.sampled_from(PHASES), st.sampled_from(ROLE_CODES),
                                             min_size=1, max_size=3))
                project.role = None
                project.phase_roles = dict(pairs)
                values["rol"] = pairs_cell(draw, pairs)
            else:
                values["rol"] = role_cell(draw, project.role)
            for phase in role_columns:
                per_phase = draw(st.one_of(st.none(), st.sampled_from(ROLE_CODES)))
                project.phase_roles[phase] = per_phase
                values[f"rol:{phase}"] = role_cell(draw, per_phase)
            rows.append(row_of(values))
            domain_rows[len(rows)] = project.domain
            read += 1
        elif layout == "wide":
            for phase in PHASES:
                if phase not in project.phases:
                    values[f"mark:{phase}"] = false_mark(draw, workbook)
                elif draw(st.integers(0, 3)) == 0:
                    # A role in a mark cell: that phase's role (never geen: it reads as "no").
                    mark_role = draw(st.sampled_from(ROLE_CODES[:-1]))
                    project.phase_roles[phase] = mark_role
                    values[f"mark:{phase}"] = role_cell(draw, mark_role)
                else:
                    values[f"mark:{phase}"] = true_mark(draw, workbook, opts.marks)
            for element in ELEMENTS:
                values[f"mark:{element}"] = (
                    true_mark(draw, workbook, opts.marks) if element in project.elements
                    else false_mark(draw, workbook)
                )
            values["rol"] = role_cell(draw, project.role)
            rows.append(row_of(values))
            domain_rows[len(rows)] = project.domain
            read += 1
        else:
            element_text = element_cell(draw, project.elements)
            project.role = None
            for phase in project.phases or [None]:
                values = {**common, "element": element_text}
                if phase is None:
                    values["fase"] = None
                    values["rol"] = role_cell(draw, None)
                else:
                    row_role = draw(st.one_of(st.none(), st.sampled_from(ROLE_CODES)))
                    project.phase_roles[phase] = row_role
                    values["fase"] = padded(
                        draw, cased(draw, draw(st.sampled_from(PHASE_SYNONYMS[phase])))
                    )
                    values["rol"] = role_cell(draw, row_role)
                rows.append(row_of(values))
                domain_rows[len(rows)] = project.domain
                read += 1
                if draw(st.integers(0, 3)) == 0:
                    blank_rows()
            continue
        blank_rows()

    if domain_column and workbook:
        merge_domains(draw, rows, merges, domain_rows, order.index("domein"))
    return SheetOut(name, rows, merges, read, rejected)


def merge_domains(
    draw: st.DrawFn, rows: list[list[Any]], merges: list[str], domain_rows: dict[int, str],
    column: int,
) -> None:
    """Merge the Domein cell over runs of adjacent data rows with the same domain ("In data
    rows, a cell merged over several rows (a grouped Domein) gives its value to each of them").
    """
    runs: list[list[int]] = []
    for row in sorted(domain_rows):
        if runs and runs[-1][-1] == row - 1 and domain_rows[runs[-1][-1]] == domain_rows[row]:
            runs[-1].append(row)
        else:
            runs.append([row])
    for run in runs:
        if len(run) > 1 and draw(st.booleans()):
            for row in run[1:]:
                rows[row - 1][column] = None
            merges.append(f"{letter(column)}{run[0]}:{letter(column)}{run[-1]}")


# --------------------------------------------------------------------------------------------
# The whole file and its expected analysis
# --------------------------------------------------------------------------------------------


def expected_numbers(projects: list[Project], read: int, rejected: int) -> dict[str, Any]:
    """The analysis of the model, straight from docs/inventaris.md and docs/domein.md §4."""
    phases = {p: sum(p in pr.phases for pr in projects) for p in PHASES}
    phases["onbekend"] = sum(not pr.phases for pr in projects)
    elements = {e: sum(e in pr.elements for pr in projects) for e in ELEMENTS}
    elements["onbepaald"] = sum(not pr.elements for pr in projects)
    phase_element: dict[str, dict[str, int]] = {}
    roles: dict[str, dict[str, int]] = {}
    demand: dict[str, int] = {}
    for phase in PHASES:
        members = [pr for pr in projects if phase in pr.phases]
        phase_element[phase] = {e: sum(e in pr.elements for pr in members) for e in ELEMENTS}
        phase_element[phase]["onbepaald"] = sum(not pr.elements for pr in members)
        holders = [pr for pr in projects if pr.has_role_in(phase)]
        roles[phase] = {}
        for pr in holders:
            role = pr.role_in(phase)
            roles[phase][role] = roles[phase].get(role, 0) + 1
        # docs/domein.md §4: projects *in* the phase whose role there is neither geen nor zelf (no role counts)
        demand[phase] = sum(pr.role_in(phase) not in ("geen", "zelf") for pr in members)
    partners = {name.lower() for pr in projects for name in pr.partners}
    links = {(pr.name, name.lower()) for pr in projects for name in pr.partners}
    return base.expected(
        projects=len(projects),
        partners=len(partners),
        involvements=len(links),
        rows={"projects": (read, read - rejected, rejected)},
        phases=phases, elements=elements, phase_element=phase_element, roles=roles,
        demand=demand,
    )


@st.composite
def messy_inventories(draw: st.DrawFn) -> Generated:
    """Draw a model, write it as advisers would, and compute what it must give."""
    layout = draw(st.sampled_from(("cell", "wide", "long")))
    kind = draw(st.sampled_from(("xlsx", "xlsx", "csv")))
    encoding, delimiter = "utf-8", ";"
    if kind == "csv":
        encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "cp1252")))
        delimiter = ";" if encoding == "cp1252" else draw(st.sampled_from((";", ",")))
    marks = TRUE_MARKS
    if encoding == "cp1252":
        marks = tuple(m for m in TRUE_MARKS if m.encode("cp1252", "ignore").decode("cp1252") == m)
    opts = Options(layout, kind == "xlsx", marks, with_partners=draw(st.booleans()))

    count = draw(st.integers(1, 8))
    projects = [
        Project(
            name=f"{draw(st.sampled_from(NAME_WORDS))} {index + 1}",
            phases=sorted(draw(st.sets(st.sampled_from(PHASES))), key=PHASES.index),
            role=draw(st.one_of(st.none(), st.sampled_from(ROLE_CODES))),
            elements=sorted(draw(st.sets(st.sampled_from(ELEMENTS), max_size=2))),
            partners=(
                draw(st.lists(st.sampled_from(PARTNER_NAMES), max_size=3, unique=True))
                if opts.with_partners else []
            ),
            domain=draw(st.sampled_from(DOMAINS)),
        )
        for index in range(count)
    ]

    # Projects split over one or two sheets ("Projecten wonen", "Projecten zorg").
    cut = draw(st.integers(1, count)) if kind == "xlsx" and count > 1 else count
    groups = [projects[:cut], projects[cut:]] if cut < count else [projects]
    base_name = draw(st.sampled_from(voc.SHEET_NAMES["projects"]))
    if len(groups) == 1:
        names = [cased(draw, base_name) + draw(st.sampled_from(SHEET_SUFFIXES))]
    else:
        names = [f"{cased(draw, base_name)} {domain}" for domain in ("wonen", "zorg")]
    issues: list[tuple[str, str, int, str]] = []
    sheets: list[SheetOut] = []
    first_id = 1
    for name, group in zip(names, groups, strict=True):
        sheet_name = name if kind == "xlsx" else "inventaris"
        sheets.append(write_sheet(draw, sheet_name, group, first_id, opts, issues))
        first_id += len(group)

    read = sum(sheet.read for sheet in sheets)
    rejected = sum(sheet.rejected for sheet in sheets)
    want = expected_numbers(projects, read, rejected)
    if kind == "xlsx":
        data = rb.xlsx([rb.Sheet(s.name, s.rows, s.merges) for s in sheets])
        filename = "inventaris.xlsx"
    else:
        newline = draw(st.sampled_from(("\r\n", "\n")))
        data = csv_bytes(sheets[0].rows, encoding, delimiter, newline)
        filename = "inventaris.csv"
    note = any(project.partners for project in projects)
    return Generated(data, filename, layout, sheets, want, sorted(issues), note)


def csv_bytes(rows: list[list[Any]], encoding: str, delimiter: str, newline: str) -> bytes:
    """Rows as a spreadsheet program exports them: every record padded to the widest row."""
    width = max(len(row) for row in rows)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    for row in rows:
        cells = ["" if value is None else str(value) for value in row]
        writer.writerow(cells + [""] * (width - len(cells)))
    return buffer.getvalue().encode(encoding)


# --------------------------------------------------------------------------------------------
# The property
# --------------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(messy_inventories())
def test_messy_inventories_give_the_model_numbers(generated: Generated) -> None:
    """Counts, phases, elements, roles and skills follow the model; nothing is lost (every
    project written is counted, every data row is read); the only issues are the expected
    ones, each with its seven keys and a Dutch message (checked in ``run_cli``).
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / generated.filename
        path.write_bytes(generated.data)
        result = base.run_cli(path)  # exit 0, JSON contract, read == used + rejected
    base.assert_numbers(result, generated.want)
    got = sorted(
        (i["severity"], i["sheet"], i["row"], i["column"])
        for i in result["issues"] if i["table"] is not None
    )
    assert got == generated.issues, result["issues"]
    assert all(i["table"] == "projects" for i in result["issues"] if i["table"] is not None)
    file_level = [i for i in result["issues"] if i["table"] is None]
    # "When the workbook has no partners table at all, partners named in projects ... are
    # partners of unknown type, with one file-level note (not one warning each)."
    assert len(file_level) == (1 if generated.partner_note else 0), file_level
    assert all(i["severity"] == "waarschuwing" for i in file_level)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(messy_inventories())
def test_the_element_counts_agree_with_the_explained_coverage(generated: Generated) -> None:
    """``element_coverage`` (table operations, for any size) counts exactly the statuses that the explained
    coverage per project gives (the Projecten page, the Excel export)."""
    from regie import load_inventory
    from regie.analysis import elements

    inv = load_inventory(generated.data, generated.filename)
    explained = elements.coverage(inv)
    wide = explained.pivot(index="project", columns="element", values="status").reindex(inv.projects["project"])
    fast = elements.statuses(inv)
    assert (wide.to_numpy() == fast.to_numpy()).all() if len(fast) else wide.empty
    assert elements.coverage_counts(inv) == {
        e: {s: int(((explained["element"] == e) & (explained["status"] == s)).sum()) for s in elements.STATUSES}
        for e in "ABCD"
    }

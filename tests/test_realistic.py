"""Acceptance tests: inventories as advisers really make them.

Written from docs/inventaris.md and docs/domein.md alone. Every fixture is built in code in
``tests/realistic.py``; every expected number below is derived by hand from the spec, with the
reasoning in a comment next to it. The tests run the command line
(``python -m regie analyse FILE --json``) and, for a few cases, the library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_support import run_cli as run_command

try:
    from tests import realistic as rb
except ImportError:  # tests/ is not a package: pytest puts this folder on sys.path
    import realistic as rb  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[1]

PHASES = ("visie", "beleid", "uitvoering")
ELEMENTS = ("A", "B", "C", "D")
ROLES = ("zelf", "opdrachtgever", "regisseur", "partner", "facilitator", "geen", "onbekend")
TABLES = ("projects", "partners", "involvements", "team")
SKILLS: dict[str, tuple[str, ...]] = {
    # docs/domein.md section 1, "The skills per phase, as separate items".
    "visie": ("Netwerken", "Stimuleren", "Initiëren"),
    "beleid": ("Onderhandelen", "Beslissen", "Bemiddelen", "Faciliteren"),
    "uitvoering": ("Concretiseren", "Vastleggen van afspraken"),
}
ISSUE_KEYS = {"severity", "table", "sheet", "row", "column", "value", "message"}
W, F = "waarschuwing", "fout"

DUTCH_WORDS = {
    "de", "het", "een", "van", "is", "niet", "geen", "in", "op", "rij", "kolom", "waarde",
    "tabblad", "wordt", "worden", "zijn", "deze", "dit", "met", "voor", "als", "of", "en", "bij",
    "naar", "kan", "staat", "ontbreekt", "onbekend", "onbekende", "vul", "pas", "aan", "te",
    "er", "om", "wel", "ook", "dat", "die", "gelezen", "overgeslagen",
}
ENGLISH_WORDS = {"the", "row", "column", "missing", "unknown", "invalid", "sheet", "should"}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def run_cli(path: Path) -> dict[str, Any]:
    """Run ``python -m regie analyse PATH --json``; assert exit 0 and return the parsed JSON."""
    proc = run_command("analyse", str(path), "--json")
    stderr = proc.stderr
    assert proc.returncode == 0, f"exit {proc.returncode}: {stderr}"
    assert "Traceback" not in stderr, stderr
    result = json.loads(proc.stdout_bytes.decode("utf-8"))
    check_contract(result, path.name)
    return result


def analyse_file(tmp_path: Path, data: bytes, filename: str) -> dict[str, Any]:
    """Write ``data`` as ``filename`` and analyse it through the command line."""
    path = tmp_path / filename
    path.write_bytes(data)
    return run_cli(path)


def is_dutch(message: str) -> bool:
    """A rough check that a message is Dutch: Dutch function words, no English ones."""
    words = set(re.findall(r"[a-zà-ÿ]+", message.lower()))
    return bool(words & DUTCH_WORDS) and not words & ENGLISH_WORDS


def check_contract(result: dict[str, Any], filename: str) -> None:
    """The JSON shape of docs/inventaris.md, true for every file.

    Every key present (zeros included), read == used + rejected per table, every issue with its
    seven keys and a Dutch message, file-level issues with null table/row/column/value and
    ordered first, each table's issues together and in row order per sheet.
    """
    assert result["file"] == filename
    assert set(result["counts"]) == set(TABLES)
    assert set(result["rows"]) == set(TABLES)
    for table in TABLES:
        rows = result["rows"][table]
        assert rows["read"] == rows["used"] + rows["rejected"], (table, rows)
    assert set(result["phases"]) == {*PHASES, "onbekend"}
    assert set(result["elements"]) == {*ELEMENTS, "onbepaald"}
    assert set(result["phase_element"]) == set(PHASES)
    for phase in PHASES:
        assert set(result["phase_element"][phase]) == {*ELEMENTS, "onbepaald"}
        assert set(result["roles"][phase]) == set(ROLES)
        assert set(result["skills"][phase]) == set(SKILLS[phase])
    assert set(result["roles"]) == set(PHASES)
    assert set(result["skills"]) == set(PHASES)
    seen_table_level = False
    last_row: dict[tuple[str, str], int] = {}
    tables_done: list[str] = []
    for issue in result["issues"]:
        assert set(issue) == ISSUE_KEYS, issue
        assert issue["severity"] in (W, F), issue
        assert issue["table"] in (None, *TABLES), issue
        assert issue["message"] and is_dutch(issue["message"]), issue
        if issue["table"] is None:
            assert issue["row"] is None and issue["column"] is None and issue["value"] is None
            assert not seen_table_level, "file-level issues come first"
            continue
        seen_table_level = True
        table = issue["table"]
        if not tables_done or tables_done[-1] != table:
            assert table not in tables_done, "issues of one table are together"
            tables_done.append(table)
        key = (table, issue["sheet"])
        if issue["row"] is not None:
            assert issue["row"] >= last_row.get(key, 0), "issues ordered by row"
            last_row[key] = issue["row"]


def expected(
    *,
    projects: int,
    rows: dict[str, tuple[int, int, int]],
    phases: dict[str, int],
    elements: dict[str, int],
    phase_element: dict[str, dict[str, int]],
    roles: dict[str, dict[str, int]],
    demand: dict[str, int],
    partners: int = 0,
    involvements: int = 0,
    team: int = 0,
) -> dict[str, Any]:
    """The analysis numbers of one file, zeros filled in for every key not given."""
    return {
        "counts": {"projects": projects, "partners": partners, "involvements": involvements,
                   "team": team},
        "rows": {
            table: dict(zip(("read", "used", "rejected"), rows.get(table, (0, 0, 0)), strict=True))
            for table in TABLES
        },
        "phases": {key: phases.get(key, 0) for key in (*PHASES, "onbekend")},
        "elements": {key: elements.get(key, 0) for key in (*ELEMENTS, "onbepaald")},
        "phase_element": {
            phase: {key: phase_element.get(phase, {}).get(key, 0)
                    for key in (*ELEMENTS, "onbepaald")}
            for phase in PHASES
        },
        "roles": {
            phase: {role: roles.get(phase, {}).get(role, 0) for role in ROLES} for phase in PHASES
        },
        "skills": {
            phase: {skill: demand.get(phase, 0) for skill in SKILLS[phase]} for phase in PHASES
        },
    }


def assert_numbers(result: dict[str, Any], want: dict[str, Any]) -> None:
    """Compare every number, one key at a time so a failure names the key."""
    for key in ("counts", "rows", "phases", "elements", "phase_element", "roles", "skills"):
        assert result[key] == want[key], f"{key}: got {result[key]}, expected {want[key]}"


def issues_of(result: dict[str, Any], **where: Any) -> list[dict[str, Any]]:
    """The issues whose fields equal every ``where`` item."""
    return [i for i in result["issues"] if all(i[k] == v for k, v in where.items())]


def table_issues(result: dict[str, Any], table: str) -> list[tuple[str, str, int, str]]:
    """(severity, sheet, row, column) of every issue of one table, in report order."""
    return [
        (i["severity"], i["sheet"], i["row"], i["column"])
        for i in result["issues"] if i["table"] == table
    ]


# --------------------------------------------------------------------------------------------
# 1. Title rows above the header
# --------------------------------------------------------------------------------------------

TITLE_ROWS = expected(
    # Header found at row 5 (title, subtitle and date rows hold no known column); rows 6–11
    # are six projects, one row each.
    projects=6,
    rows={"projects": (6, 6, 0)},
    # Visie: P01, P06. Beleid: P03, P05. Uitvoering: P02, P04.
    phases={"visie": 2, "beleid": 2, "uitvoering": 2},
    # A: P01, P06. B: P02, P04. C: P03. D: P05.
    elements={"A": 2, "B": 2, "C": 1, "D": 1},
    phase_element={"visie": {"A": 2}, "beleid": {"C": 1, "D": 1}, "uitvoering": {"B": 2}},
    # One role column = the project role, shown at the project's phase.
    roles={
        "visie": {"regisseur": 1, "geen": 1},
        "beleid": {"partner": 1, "zelf": 1},
        "uitvoering": {"opdrachtgever": 1, "facilitator": 1},
    },
    # Demand = projects in the phase whose role there is neither geen nor zelf (docs/domein.md §4):
    # visie drops P06 (Geen regie), beleid drops P05 (Zelf doen).
    demand={"visie": 1, "beleid": 1, "uitvoering": 2},
)


def test_title_rows_above_the_header(tmp_path: Path) -> None:
    """"The header is not always row 1": title, subtitle, date and blank rows are skipped."""
    result = analyse_file(tmp_path, rb.title_rows_xlsx(), "inventaris.xlsx")
    assert_numbers(result, TITLE_ROWS)
    # A clean inventory: nothing to report (title rows are not data rows, so no rejected rows).
    assert result["issues"] == []


# --------------------------------------------------------------------------------------------
# 2. Long format
# --------------------------------------------------------------------------------------------

LONG_FORMAT = expected(
    # Seven rows (2–8), four projects: rows with the same id (or name) are one project.
    projects=4,
    rows={"projects": (7, 7, 0)},
    # Project 1 has a row per phase; 2 beleid+uitvoering; 3 visie; 4 uitvoering.
    phases={"visie": 2, "beleid": 2, "uitvoering": 3},
    # A: project 1; B: 2; C: 4; project 3 has no element → onbepaald.
    elements={"A": 1, "B": 1, "C": 1, "onbepaald": 1},
    phase_element={
        "visie": {"A": 1, "onbepaald": 1},
        "beleid": {"A": 1, "B": 1},
        "uitvoering": {"A": 1, "B": 1, "C": 1},
    },
    # "A rol on a row that has a phase is that phase's role": project 1 is regisseur in visie,
    # partner in beleid, opdrachtgever in uitvoering. Project 4's row has no role → onbekend.
    roles={
        "visie": {"regisseur": 2},
        "beleid": {"partner": 1, "zelf": 1},
        "uitvoering": {"opdrachtgever": 1, "facilitator": 1, "onbekend": 1},
    },
    # Nobody is geen; beleid drops project 2 (Zelf doen); onbekend (project 4) counts in the demand.
    demand={"visie": 2, "beleid": 1, "uitvoering": 3},
)


@pytest.mark.parametrize("with_ids", [True, False], ids=["by-id", "by-name"])
def test_long_format_counts_projects_not_rows(tmp_path: Path, with_ids: bool) -> None:
    """counts.projects counts projects, rows.used counts rows; a row's rol is its phase's role."""
    result = analyse_file(tmp_path, rb.long_format_xlsx(with_ids), "inventaris.xlsx")
    assert_numbers(result, LONG_FORMAT)
    # "Conflicting single values get a waarschuwing and the first is kept": Jongerenwerk's
    # Domein is welzijn on row 5 and zorg on row 6 → one warning on the later row.
    assert table_issues(result, "projects") == [(W, "Projecten", 6, "Domein")]
    assert issues_of(result, table="projects", row=6)[0]["value"] == "zorg"
    assert [i for i in result["issues"] if i["severity"] == F] == []


# --------------------------------------------------------------------------------------------
# 3. Wide format
# --------------------------------------------------------------------------------------------

WIDE_FORMAT = expected(
    projects=6,
    rows={"projects": (6, 6, 0)},
    # Marks: row 2 x→visie; row 3 X, ✓ → visie, beleid; row 4 nee (no), ja, 1 → beleid,
    # uitvoering; row 5 TRUE → visie, 0 (no), "regisseur" → uitvoering; row 6 x → uitvoering;
    # row 7 only 0/nee → no phase → onbekend.
    phases={"visie": 3, "beleid": 2, "uitvoering": 3, "onbekend": 1},
    # A: rows 2, 6; B: rows 3, 6; Element C: row 4 (1); Element D: row 5 (TRUE); row 7 none.
    elements={"A": 2, "B": 2, "C": 1, "D": 1, "onbepaald": 1},
    phase_element={
        "visie": {"A": 1, "B": 1, "D": 1},          # rows 2 (A), 3 (B), 5 (D)
        "beleid": {"B": 1, "C": 1},                 # rows 3 (B), 4 (C)
        "uitvoering": {"A": 1, "B": 1, "C": 1, "D": 1},  # rows 4 (C), 5 (D), 6 (A, B)
    },
    roles={
        # Row 2 regisseur, row 3 partner, row 5 partner (its Rol column, in visie).
        "visie": {"regisseur": 1, "partner": 2},
        "beleid": {"partner": 1, "zelf": 1},
        # Row 4 zelf; row 5 "regisseur" in the mark cell wins over Rol = Partner; row 6 has no
        # role → onbekend. Row 7 (facilitator) has no phase, so it is in no phase's roles.
        "uitvoering": {"zelf": 1, "regisseur": 1, "onbekend": 1},
    },
    # Demand leaves out zelf (row 4 in beleid and uitvoering); onbekend (row 6) counts.
    demand={"visie": 3, "beleid": 1, "uitvoering": 2},
)


def test_wide_format_marks_and_role_in_mark_cell(tmp_path: Path) -> None:
    """One column per phase and per element with marks; a role in a mark cell wins."""
    result = analyse_file(tmp_path, rb.wide_format_xlsx(), "inventaris.xlsx")
    assert_numbers(result, WIDE_FORMAT)
    # Every mark and no-mark is in the docs/domein.md lists: nothing to warn about.
    assert result["issues"] == []


# --------------------------------------------------------------------------------------------
# 4. Two-row header
# --------------------------------------------------------------------------------------------

TWO_ROW_HEADER = expected(
    # Header rows 1–2, data rows 3–7 (shifted down by the rows above, if any).
    projects=5,
    rows={"projects": (5, 5, 0)},
    # Row 3 visie; 4 beleid+uitvoering; 5 uitvoering; 6 visie+beleid; 7 none → onbekend.
    phases={"visie": 2, "beleid": 2, "uitvoering": 2, "onbekend": 1},
    # Row 3 B; 4 A; 5 C; 6 D; 7 none.
    elements={"A": 1, "B": 1, "C": 1, "D": 1, "onbepaald": 1},
    phase_element={
        "visie": {"B": 1, "D": 1},
        "beleid": {"A": 1, "D": 1},
        "uitvoering": {"A": 1, "C": 1},
    },
    # Row 6 has no role → onbekend in both its phases; row 7 (partner) has no phase.
    roles={
        "visie": {"facilitator": 1, "onbekend": 1},
        "beleid": {"regisseur": 1, "onbekend": 1},
        "uitvoering": {"regisseur": 1, "opdrachtgever": 1},
    },
    demand={"visie": 2, "beleid": 2, "uitvoering": 2},
)


@pytest.mark.parametrize("above", list(rb.TWO_ROW_ABOVE))
def test_two_row_header_with_group_cells(tmp_path: Path, above: str) -> None:
    """"Fase" and "Regie-element" merged over sub-headers; data starts below the sub-headers,
    also when title rows sit above the header (the two header rules combine: "The header is
    not always row 1" and "A two-row header is common in matrices").
    """
    data = rb.two_row_header_xlsx(rb.TWO_ROW_ABOVE[above])
    result = analyse_file(tmp_path, data, "matrix.xlsx")
    assert_numbers(result, TWO_ROW_HEADER)
    assert result["issues"] == []


# --------------------------------------------------------------------------------------------
# 5. Sheets per domain
# --------------------------------------------------------------------------------------------

SHEETS_PER_DOMAIN = expected(
    # 3 + 2 + 3 rows from "Projecten wonen", "Projecten zorg", "Projecten_welzijn", combined;
    # "Projectpartners" is no projects sheet and the hidden "Lijsten" is never read.
    projects=8,
    rows={"projects": (8, 8, 0)},
    # Visie W2; beleid W1, Z2, Armoedebeleid; uitvoering W3, Z1, Vrijwilligerswerk;
    # Buurtsportcoach has only the unknown "afronding" → onbekend.
    phases={"visie": 1, "beleid": 3, "uitvoering": 3, "onbekend": 1},
    elements={"onbepaald": 8},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 3}, "uitvoering": {"onbepaald": 3},
    },
    roles={
        "visie": {"partner": 1},
        "beleid": {"regisseur": 1, "partner": 1, "zelf": 1},
        "uitvoering": {"facilitator": 2, "opdrachtgever": 1},
    },
    # Beleid leaves out Armoedebeleid (Zelf doen).
    demand={"visie": 1, "beleid": 2, "uitvoering": 3},
)


def test_sheets_per_domain_are_combined(tmp_path: Path) -> None:
    """Several projects sheets are combined, each row keeping its sheet for messages."""
    result = analyse_file(tmp_path, rb.sheets_per_domain_xlsx(), "inventaris.xlsx")
    assert_numbers(result, SHEETS_PER_DOMAIN)
    # The unknown phase is reported on its own sheet, row 3, header as written.
    assert table_issues(result, "projects") == [(W, "Projecten_welzijn", 3, "Fase")]
    assert issues_of(result, table="projects")[0]["value"] == "afronding"
    # "Projectpartners" is listed with a file-level waarschuwing, never silently lost.
    listed = issues_of(result, table=None, sheet="Projectpartners")
    assert len(listed) == 1 and listed[0]["severity"] == W
    assert [i for i in result["issues"] if i["severity"] == F] == []


FALLBACK_SHEET = expected(
    projects=3,
    rows={"projects": (3, 3, 0)},
    phases={"visie": 1, "beleid": 1, "uitvoering": 1},
    elements={"onbepaald": 3},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 1}, "uitvoering": {"onbepaald": 1},
    },
    roles={
        "visie": {"regisseur": 1}, "beleid": {"zelf": 1}, "uitvoering": {"opdrachtgever": 1},
    },
    # The beleid project is zelf doen: no demand for beleid's regie skills.
    demand={"visie": 1, "beleid": 0, "uitvoering": 1},
)


def test_hidden_list_sheet_is_never_a_table(tmp_path: Path) -> None:
    """No sheet is named like a projects table: the only *visible* unmatched sheet is read.

    "Hidden sheets (dropdown lists in templates) are never taken for a table", so "Lijsten"
    (which has Naam, Fase and Rol headers) does not compete with "Blad1".
    """
    result = analyse_file(tmp_path, rb.fallback_sheet_xlsx(), "Blad1.xlsx")
    assert_numbers(result, FALLBACK_SHEET)
    assert table_issues(result, "projects") == []
    assert [i for i in result["issues"] if i["severity"] == F] == []


# --------------------------------------------------------------------------------------------
# 6. Section headings and totals rows
# --------------------------------------------------------------------------------------------

SECTIONS_AND_TOTALS = expected(
    # Data rows 3, 4, 5 (Subtotaal), 7, 8, 9 (Totaal) = 6 read; the headings WONEN (row 2) and
    # ZORG (row 6) are not data rows. The two totals rows are rejected.
    projects=4,
    rows={"projects": (6, 4, 2)},
    phases={"visie": 1, "beleid": 1, "uitvoering": 2},
    elements={"onbepaald": 4},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 1}, "uitvoering": {"onbepaald": 2},
    },
    roles={
        "visie": {"facilitator": 1},
        "beleid": {"regisseur": 1},
        "uitvoering": {"partner": 1, "opdrachtgever": 1},
    },
    demand={"visie": 1, "beleid": 1, "uitvoering": 2},
)


def test_section_headings_and_totals_rows(tmp_path: Path) -> None:
    """A merged heading row is a sectie, not a project; Totaal/Subtotaal rows are rejected."""
    result = analyse_file(tmp_path, rb.sections_and_totals_xlsx(), "begroting.xlsx")
    assert_numbers(result, SECTIONS_AND_TOTALS)
    assert table_issues(result, "projects") == [
        (W, "Projecten", 5, "Projectnaam"),
        (W, "Projecten", 9, "Projectnaam"),
    ]
    subtotal, total = issues_of(result, table="projects")
    assert subtotal["value"] == "Subtotaal" and total["value"] == "Totaal"
    # rejected (not counted), with a waarschuwing that says it is expected: no fout for a totals row
    assert "totaalrij" in subtotal["message"] and "zoals verwacht" in total["message"]


# --------------------------------------------------------------------------------------------
# 7. Dutch synonyms and odd casing
# --------------------------------------------------------------------------------------------

SYNONYMS = expected(
    projects=6,
    rows={"projects": (6, 6, 0)},
    # VISIEFASE → visie; Beleidsvorming, "Ontwikkeling ruimtelijke plannen en vormgeving" (one
    # value, not split at " en ") and beleidsevaluatie → beleid; realisatie and
    # "Uitvoering/keten" (one value) → uitvoering.
    phases={"visie": 1, "beleid": 3, "uitvoering": 2},
    # "B - Het netwerk koesteren" → B; "C. De rol benoemen" → C; "d" → D. "A - Netwerk
    # koesteren" (letter with another element's name) and "Visie" (a phase word) are unknown;
    # rows 4 and 5 and the empty row 6 are onbepaald.
    elements={"B": 1, "C": 1, "D": 1, "onbepaald": 3},
    phase_element={
        "visie": {"B": 1},
        "beleid": {"C": 1, "D": 1, "onbepaald": 1},
        "uitvoering": {"onbepaald": 2},
    },
    # Regievoerder/REGISSEUR → regisseur, uitbesteden → opdrachtgever, faciliterend →
    # facilitator, geen regie → geen; "Presterende overheid" fits two roles → onbekend.
    roles={
        "visie": {"regisseur": 1},
        "beleid": {"opdrachtgever": 1, "onbekend": 1, "regisseur": 1},
        "uitvoering": {"facilitator": 1, "geen": 1},
    },
    # Uitvoering: Zorgketen dementie is geen → 1. Beleid: onbekend counts → 3.
    demand={"visie": 1, "beleid": 3, "uitvoering": 1},
)


def test_dutch_synonyms_and_odd_casing(tmp_path: Path) -> None:
    """Synonyms map whatever their casing; ambiguous and wrong values warn, never guessed."""
    result = analyse_file(tmp_path, rb.synonyms_xlsx(), "inventaris.xlsx")
    assert_numbers(result, SYNONYMS)
    assert table_issues(result, "projects") == [
        (W, "Projecten", 4, "Element"),
        (W, "Projecten", 5, "Element"),
        (W, "Projecten", 6, "Rol"),
    ]
    values = [i["value"] for i in issues_of(result, table="projects")]
    assert values == ["A - Netwerk koesteren", "Visie", "Presterende overheid"]


# --------------------------------------------------------------------------------------------
# 8. Several values in one cell
# --------------------------------------------------------------------------------------------

MULTI_VALUE = expected(
    projects=8,
    rows={"projects": (8, 8, 0)},
    # Rows 2–8 all hold visie (the ; , / + en and line-break forms, and "visie; afronding");
    # beleid: rows 2–6 and 9 ("Beleid & Uitvoering"); uitvoering: rows 7 and 9. Row 8 has a
    # known phase, so it is not onbekend.
    phases={"visie": 7, "beleid": 6, "uitvoering": 2},
    # Row 2 "A, B"; row 3 "C en D"; rows 4–9 onbepaald.
    elements={"A": 1, "B": 1, "C": 1, "D": 1, "onbepaald": 6},
    phase_element={
        "visie": {"A": 1, "B": 1, "C": 1, "D": 1, "onbepaald": 5},     # rows 4–8
        "beleid": {"A": 1, "B": 1, "C": 1, "D": 1, "onbepaald": 4},    # rows 4, 5, 6, 9
        "uitvoering": {"onbepaald": 2},                                # rows 7, 9
    },
    roles={
        "visie": {"regisseur": 2, "partner": 2, "zelf": 1, "facilitator": 1, "opdrachtgever": 1},
        "beleid": {"regisseur": 1, "partner": 1, "zelf": 1, "facilitator": 1,
                   "opdrachtgever": 1, "geen": 1},
        "uitvoering": {"regisseur": 1, "geen": 1},
    },
    # Kinderopvangtoeslag (zelf) drops out of visie and beleid, Afvalinzameling (geen) out of
    # beleid and uitvoering.
    demand={"visie": 6, "beleid": 4, "uitvoering": 1},
)


def test_several_values_in_one_cell(tmp_path: Path) -> None:
    """Every separator of docs/domein.md splits; a cell with an unknown part warns once."""
    result = analyse_file(tmp_path, rb.multi_value_cells_xlsx(), "inventaris.xlsx")
    assert_numbers(result, MULTI_VALUE)
    # "one waarschuwing names the unknown parts (value is the whole cell)"
    assert table_issues(result, "projects") == [(W, "Projecten", 8, "Fase")]
    (issue,) = issues_of(result, table="projects")
    assert issue["value"] == "visie; afronding"
    assert "afronding" in issue["message"]


# --------------------------------------------------------------------------------------------
# 9. Per-phase roles
# --------------------------------------------------------------------------------------------

PER_PHASE_ROLES = expected(
    projects=6,
    rows={"projects": (6, 6, 0)},
    # Phases come from the Fase column only: per-phase roles do not put a project in a phase.
    # Visie: rows 2, 7; beleid: rows 2, 5; uitvoering: rows 3, 6, 7; row 4 has none.
    phases={"visie": 2, "beleid": 2, "uitvoering": 3, "onbekend": 1},
    elements={"onbepaald": 6},
    phase_element={
        "visie": {"onbepaald": 2}, "beleid": {"onbepaald": 2}, "uitvoering": {"onbepaald": 3},
    },
    roles={
        # Row 2: Rol visie = Regisseur wins over Partner. Row 4: per-phase only (facilitator).
        # Row 5: pair "visie: regisseur". Row 6: Geen regie (per-phase, not in visie).
        # Row 7: project role regisseur.
        "visie": {"regisseur": 3, "facilitator": 1, "geen": 1},
        # Row 2: project role partner. Row 4: facilitator. Row 5 is in beleid but its Rol cell
        # holds only pairs, so it has no project role → onbekend. Row 7: per-phase partner.
        "beleid": {"partner": 2, "facilitator": 1, "onbekend": 1},
        # Row 3: per-phase regisseur wins over opdrachtgever. Row 5: pair partner. Row 6: zelf.
        # Row 7: project role regisseur.
        "uitvoering": {"regisseur": 2, "partner": 1, "zelf": 1},
    },
    # Only projects in the phase count (a per-phase role elsewhere is planned, not demand), and
    # not zelf or geen: visie rows 2 and 7; beleid rows 2 and 5 (onbekend counts); uitvoering
    # rows 3 and 7 (row 6 is zelf).
    demand={"visie": 2, "beleid": 2, "uitvoering": 2},
)


@pytest.mark.parametrize("variant", sorted(rb.PER_PHASE_HEADERS))
def test_per_phase_roles_win_and_do_not_add_phases(tmp_path: Path, variant: str) -> None:
    """Per-phase role columns and ``fase: rol`` pairs win over the project role, and count in
    ``roles`` without putting the project in that phase.
    """
    result = analyse_file(tmp_path, rb.per_phase_roles_xlsx(variant), "inventaris.xlsx")
    assert_numbers(result, PER_PHASE_ROLES)
    assert result["issues"] == []


# --------------------------------------------------------------------------------------------
# 10. Partners
# --------------------------------------------------------------------------------------------

PARTNERS = expected(
    projects=4,
    # Partners sheet: De Linie, GGD Regio, Stichting Wonen, Zorg en Welzijn (one name, matched
    # whole), Huurdersvereniging Samen, Fysio Centrum; row 7 repeats De Linie → 5 distinct.
    # Added: Sportbedrijf Oost (projects row 5) and Bibliotheek Midden (involvement row 6) → 7.
    partners=7,
    # Involvement rows used: 2 (101/De Linie), 3 (102/GGD), 4 (Huurdersoverleg → 103/Huurders),
    # 6 (104/Bibliotheek), 7 (101/GGD) = 5. From the projects' Partners column, links not in
    # the involvement table: 102/Stichting WZW, 103/De Linie, 104/Fysio, 104/Sportbedrijf = 4.
    # (101/De Linie, 101/GGD and 103/Huurders are already held.) 5 + 4 = 9.
    involvements=9,
    rows={
        "projects": (4, 4, 0),
        # The duplicate row 7 has a name, so it is not rejected ("A row is rejected only when
        # it cannot be a record"): it merges into De Linie.
        "partners": (6, 6, 0),
        # Row 5 refers to project 999, which does not exist → rejected. Rows 3 and 7 have an
        # unknown Invloed: a warning, the row is kept.
        "involvements": (6, 5, 1),
    },
    # Involvement phases (Beleid on row 7 for 101) do not change the project's phases.
    phases={"visie": 1, "beleid": 1, "uitvoering": 2},
    elements={"onbepaald": 4},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 1}, "uitvoering": {"onbepaald": 2},
    },
    roles={
        "visie": {"regisseur": 1},
        "beleid": {"partner": 1},
        "uitvoering": {"opdrachtgever": 1, "facilitator": 1},
    },
    demand={"visie": 1, "beleid": 1, "uitvoering": 2},
)


@pytest.mark.parametrize("names", list(rb.PARTNER_SHEET_NAMES))
def test_partners_duplicates_and_involvement(tmp_path: Path, names: str) -> None:
    """Partner names matched whole then split; duplicates merged; involvement by id and name.

    The sheet-name variants: "Partners per project" is involvement, not partners ("The longest
    matching name wins"); "Partners_regio" and "Koppelingen 2026" match by their prefix.
    """
    partners_sheet, involvement_sheet = rb.PARTNER_SHEET_NAMES[names]
    data = rb.partners_xlsx(partners_sheet, involvement_sheet)
    result = analyse_file(tmp_path, data, "inventaris.xlsx")
    assert_numbers(result, PARTNERS)
    table_level = sorted(
        (i["table"], i["severity"], i["sheet"], i["row"], i["column"])
        for i in result["issues"] if i["table"] is not None
    )
    assert table_level == sorted([
        ("projects", W, "Projecten", 5, "Partners"),             # Sportbedrijf Oost: missing
        ("partners", W, partners_sheet, 7, table_level_column(result, "partners", 7)),
        ("involvements", W, involvement_sheet, 3, "Invloed"),    # 7 is not 1–5
        ("involvements", F, involvement_sheet, 5, "Project ID"),  # project 999 unknown
        ("involvements", W, involvement_sheet, 6, "Partner"),    # Bibliotheek Midden: missing
        ("involvements", W, involvement_sheet, 7, "Invloed"),    # "zeer hoog" is no scale word
    ])
    # No other sheet is left over: nothing listed as unread.
    assert issues_of(result, table=None) == []
    (missing,) = issues_of(result, table="projects", row=5)
    assert "Sportbedrijf Oost" in missing["message"]
    (unknown_project,) = issues_of(result, table="involvements", row=5)
    assert unknown_project["value"] == "999"    # "numbers without .0"
    (added,) = issues_of(result, table="involvements", row=6)
    assert added["value"] == "Bibliotheek Midden"
    assert [i["value"] for i in issues_of(result, column="Invloed")] == ["7", "zeer hoog"]
    # De Linie appears again in projects row 4, but a warning is only at the *first*
    # occurrence of a missing name, and De Linie is not missing at all.
    assert issues_of(result, table="projects", row=4) == []


def table_level_column(result: dict[str, Any], table: str, row: int) -> str | None:
    """The column of the one issue at ``row`` of ``table`` (where the spec names none)."""
    found = issues_of(result, table=table, row=row)
    return found[0]["column"] if found else None


NO_PARTNERS_SHEET = expected(
    projects=4,
    # Politie, Wijkraad Zuid, Welzijn Plus (twice), Basisschool De Regenboog, GGD Regio → 5.
    partners=5,
    # No involvement table: the six (project, partner) links of the Partners column.
    involvements=6,
    rows={"projects": (4, 4, 0)},
    phases={"visie": 1, "beleid": 1, "uitvoering": 2},
    elements={"onbepaald": 4},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 1}, "uitvoering": {"onbepaald": 2},
    },
    roles={
        "visie": {"partner": 1},
        "beleid": {"regisseur": 1},
        "uitvoering": {"facilitator": 1, "opdrachtgever": 1},
    },
    demand={"visie": 1, "beleid": 1, "uitvoering": 2},
)


def test_without_partners_sheet_one_file_level_note(tmp_path: Path) -> None:
    """Partners only named in projects: unknown type, ONE file-level note, no warning each."""
    result = analyse_file(tmp_path, rb.no_partners_sheet_xlsx(), "inventaris.xlsx")
    assert_numbers(result, NO_PARTNERS_SHEET)
    (note,) = result["issues"]
    assert note["table"] is None and note["row"] is None
    # A note about an optional sheet is not a problem that rejects anything: not a fout.
    assert note["severity"] == W
    assert "partner" in note["message"].lower()


# --------------------------------------------------------------------------------------------
# 12. Team
# --------------------------------------------------------------------------------------------


def team_expected(team: int, team_rows: tuple[int, int, int]) -> dict[str, Any]:
    """The numbers of the team fixtures: the same projects, a different team sheet."""
    return expected(
        projects=7,
        team=team,
        rows={"projects": (7, 7, 0), "team": team_rows},
        # Visie: 1, 2, 7; beleid: 2, 3; uitvoering: 4, 5; project 6 has no phase.
        phases={"visie": 3, "beleid": 2, "uitvoering": 2, "onbekend": 1},
        elements={"onbepaald": 7},
        phase_element={
            "visie": {"onbepaald": 3}, "beleid": {"onbepaald": 2},
            "uitvoering": {"onbepaald": 2},
        },
        # Project 7 "Regisseur, geen regie" counts under both roles in visie.
        roles={
            "visie": {"regisseur": 2, "geen": 2},
            "beleid": {"geen": 1, "onbekend": 1},
            "uitvoering": {"partner": 1, "geen": 1},
        },
        # Visie: 1 and 7 (7 once, since one of its roles is not geen); 2 is only geen.
        # Beleid: 3 (onbekend counts). Uitvoering: 4.
        demand={"visie": 2, "beleid": 1, "uitvoering": 1},
    )


def test_team_sheet_long(tmp_path: Path) -> None:
    """One skill per row; counts.team = distinct names; a row without a name is rejected."""
    result = analyse_file(tmp_path, rb.team_long_xlsx(), "inventaris.xlsx")
    # Eight rows read (2–9); row 7 has no name → rejected; Fatima, Joost, Annelies → 3.
    # Niveau hoog/middel are level words (docs/domein.md §4); "prima" (row 9) is not → a warning, row kept.
    assert_numbers(result, team_expected(3, (8, 7, 1)))
    assert table_issues(result, "team") == [(F, "Team", 7, "Naam"), (W, "Team", 9, "Niveau")]
    assert issues_of(result, table="team", row=9)[0]["value"] == "prima"
    assert table_issues(result, "projects") == []


def test_team_sheet_wide(tmp_path: Path) -> None:
    """One column per Schema 3 skill holding levels or a mark; Fatima appears twice."""
    result = analyse_file(tmp_path, rb.team_wide_xlsx(), "inventaris.xlsx")
    assert_numbers(result, team_expected(3, (4, 4, 0)))
    assert result["issues"] == []


# --------------------------------------------------------------------------------------------
# 13. Duplicate ids, a row without a name, a table without rows
# --------------------------------------------------------------------------------------------

DUPLICATES = expected(
    # Rows 2–6 read; row 5 has no name → rejected. Rows 3 and 4 share id P2: one project
    # (the first name, Jongerencentrum, is kept). Projects: P1, P2, P3.
    projects=3,
    rows={"projects": (5, 4, 1)},
    phases={"visie": 1, "beleid": 1, "uitvoering": 1},
    elements={"onbepaald": 3},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 1}, "uitvoering": {"onbepaald": 1},
    },
    roles={
        "visie": {"facilitator": 1}, "beleid": {"regisseur": 1}, "uitvoering": {"zelf": 1},
    },
    # P1 is zelf doen in the uitvoering: no demand there.
    demand={"visie": 1, "beleid": 1, "uitvoering": 0},
)


def test_duplicate_ids_and_row_without_name(tmp_path: Path) -> None:
    """Same id, different name: reported; no name: rejected, column = the header as written."""
    result = analyse_file(tmp_path, rb.duplicates_xlsx(), "inventaris.xlsx")
    assert_numbers(result, DUPLICATES)
    assert table_issues(result, "projects") == [
        (W, "Projecten", 4, "Projectnaam*"),
        (F, "Projecten", 5, "Projectnaam*"),
    ]
    assert issues_of(result, table="projects", row=4)[0]["value"] == "Jeugdcentrum Oost"


def test_header_without_rows(tmp_path: Path) -> None:
    """"a projects table with a header but no rows gives zero counts and a fout" (exit 0)."""
    result = analyse_file(tmp_path, rb.header_only_xlsx(), "sjabloon.xlsx")
    assert_numbers(result, expected(
        projects=0, rows={}, phases={}, elements={}, phase_element={}, roles={}, demand={},
    ))
    assert [i for i in result["issues"] if i["severity"] == F]


# --------------------------------------------------------------------------------------------
# 14. File formats
# --------------------------------------------------------------------------------------------

SMALL = expected(
    projects=5,
    rows={"projects": (5, 5, 0)},
    # Records 2 visie; 3 visie + beleid (line break in the cell); 4 uitvoering; 5 beleid;
    # 6 uitvoering.
    phases={"visie": 2, "beleid": 2, "uitvoering": 2},
    elements={"A": 1, "B": 1, "C": 1, "D": 1, "onbepaald": 1},
    phase_element={
        "visie": {"A": 1, "B": 1},
        "beleid": {"B": 1, "onbepaald": 1},
        "uitvoering": {"C": 1, "D": 1},
    },
    roles={
        "visie": {"regisseur": 1, "partner": 1},
        "beleid": {"partner": 1, "facilitator": 1},
        "uitvoering": {"opdrachtgever": 1, "onbekend": 1},   # record 6: Presterende overheid
    },
    demand={"visie": 2, "beleid": 2, "uitvoering": 2},
)


@pytest.fixture(scope="session")
def libreoffice_ods() -> bytes:
    """The small inventory converted from .xlsx to .ods by LibreOffice (skipped without it)."""
    if rb.soffice_path() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    data = rb.convert_with_libreoffice(rb.small_xlsx(), "inventaris.xlsx")
    assert data is not None
    return data


FORMATS: dict[str, tuple[str, Callable[[], bytes] | None, str]] = {
    # id: (file name, builder, sheet name in messages)
    "xlsx": ("inventaris.xlsx", rb.small_xlsx, "Projecten"),
    "ods-pandas": ("inventaris.ods", rb.small_ods, "Projecten"),
    "ods-libreoffice": ("inventaris_lo.ods", None, "Projecten"),
    "xls": ("inventaris.xls", rb.small_xls, "Projecten"),
    # For a CSV, sheet is the file name without its extension.
    "csv-excel-nl": ("inventaris_excel.csv", rb.small_csv_dutch_excel, "inventaris_excel"),
    "csv-utf8-bom": ("inventaris_utf8.csv", rb.small_csv_utf8, "inventaris_utf8"),
    # The kind is decided by content: still a workbook, with its sheet name.
    "xlsx-named-csv": ("inventaris_xlsx.csv", rb.small_xlsx, "Projecten"),
}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_file_format_gives_the_same_analysis(
    tmp_path: Path, request: pytest.FixtureRequest, fmt: str
) -> None:
    """.xlsx, .ods (pandas and LibreOffice), .xls, Dutch-Excel CSV, UTF-8 CSV and a renamed
    .xlsx give the same numbers, and the unknown role is on record 6 in every one of them
    (in the Dutch CSV, record 3 spans two physical lines, so a line count would say 7).
    """
    filename, builder, sheet = FORMATS[fmt]
    data = request.getfixturevalue("libreoffice_ods") if builder is None else builder()
    result = analyse_file(tmp_path, data, filename)
    assert_numbers(result, SMALL)
    # Budgets (€ 1.250,50, decimal comma/point) and dates (Excel, d-m-jjjj, ISO) give no issue.
    assert table_issues(result, "projects") == [(W, sheet, 6, "Rol")]
    assert issues_of(result, table="projects")[0]["value"] == "Presterende overheid"


# --------------------------------------------------------------------------------------------
# 15. Values
# --------------------------------------------------------------------------------------------

VALUES = expected(
    projects=5,
    rows={"projects": (5, 5, 0)},
    # "?" (row 3) and "n.v.t." (row 4) are empty phases → onbekend; rows 2, 5, 6 have one each.
    phases={"visie": 1, "beleid": 1, "uitvoering": 1, "onbekend": 2},
    # "-", "onbekend", "n.v.t." are empty elements; A on row 3, B on row 6.
    elements={"A": 1, "B": 1, "onbepaald": 3},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 1}, "uitvoering": {"B": 1},
    },
    # Rows 3 and 4 have no phase: their (empty) roles count nowhere.
    roles={"visie": {"facilitator": 1}, "beleid": {"regisseur": 1}, "uitvoering": {"partner": 1}},
    demand={"visie": 1, "beleid": 1, "uitvoering": 1},
)


def test_values_empty_like_amounts_dates_and_closed_vocabularies(tmp_path: Path) -> None:
    """Empty-like values are silent; amounts and dates in every accepted form are silent;
    unknown taaksoort/doorzettingsmacht and a date in another form warn.
    """
    result = analyse_file(tmp_path, rb.values_xlsx(), "inventaris.xlsx")
    assert_numbers(result, VALUES)
    assert table_issues(result, "projects") == [
        (W, "Projecten", 5, "Taaksoort"),
        (W, "Projecten", 5, "Doorzettingsmacht"),
        (W, "Projecten", 6, "Startdatum"),
    ]
    values = [i["value"] for i in issues_of(result, table="projects")]
    assert values == ["subsidierelatie", "enorm", "Q3 2026"]


# --------------------------------------------------------------------------------------------
# The library gives the same numbers as the command line
# --------------------------------------------------------------------------------------------


def library_analysis(data: bytes, filename: str) -> tuple[Any, dict[str, Any]]:
    """Read, map and analyse in-process; return the inventory and the analysis as a dict."""
    from regie.analysis import analyse
    from regie.mapping import map_inventory
    from regie.reading import read_workbook

    inventory = map_inventory(read_workbook(data, filename=filename))
    result = analyse(inventory)
    if not isinstance(result, dict):
        result = result.to_dict()
    return inventory, result


LIBRARY_CASES = {
    "title-rows": (rb.title_rows_xlsx, "inventaris.xlsx", TITLE_ROWS),
    "partners": (rb.partners_xlsx, "inventaris.xlsx", PARTNERS),
    "csv-excel-nl": (rb.small_csv_dutch_excel, "inventaris.csv", SMALL),
    "per-phase-roles": (rb.per_phase_roles_xlsx, "inventaris.xlsx", PER_PHASE_ROLES),
}


@pytest.mark.parametrize("case", list(LIBRARY_CASES))
def test_library_matches_the_spec(case: str) -> None:
    """read_workbook (bytes + filename) → map_inventory → analyse gives the spec's numbers."""
    builder, filename, want = LIBRARY_CASES[case]
    _, result = library_analysis(builder(), filename)
    assert_numbers(result, want)


def test_library_sections_become_sectie_and_domein() -> None:
    """The heading text is the sectie of the rows below it, and their domein (no domein
    column); the totals rows are not projects.
    """
    inventory, _ = library_analysis(rb.sections_and_totals_xlsx(), "begroting.xlsx")
    projects = inventory.projects.set_index("naam")
    assert sorted(projects.index) == sorted(
        ["Doorstroming senioren", "Flexwonen", "Respijtzorg", "Mantelzorgwaardering"]
    )
    for name, section in [("Doorstroming senioren", "WONEN"), ("Flexwonen", "WONEN"),
                          ("Respijtzorg", "ZORG"), ("Mantelzorgwaardering", "ZORG")]:
        assert projects.loc[name, "sectie"] == section
        assert str(projects.loc[name, "domein"]).lower() == section.lower()


def test_library_amounts_and_dates() -> None:
    """Budgets: € 1.250.000,50 → 1250000.5, 12.000,- → 12000, 1,250.50 → 1250.5; dates from an
    Excel date, a serial number (46203 = 30-6-2026), ISO and d-m-jjjj with - / and .
    """
    import datetime as dt

    import pandas as pd

    inventory, _ = library_analysis(rb.values_xlsx(), "inventaris.xlsx")
    projects = inventory.projects.set_index("naam")

    def number(name: str) -> float | None:
        value = projects.loc[name, "budget"]
        return None if pd.isna(value) else float(value)

    def day(name: str, field: str) -> dt.date | None:
        value = projects.loc[name, field]
        return None if pd.isna(value) else pd.Timestamp(value).date()

    assert number("Nieuwbouw Kloosterweide") == 1250000.5
    assert number("Wijkcentrum Zuid") == 12000
    assert number("Dagbesteding") == 250000
    assert number("Participatieraad") is None
    assert number("Huisvesting arbeidsmigranten") == 1250.5
    assert day("Nieuwbouw Kloosterweide", "start") == dt.date(2026, 1, 15)
    assert day("Nieuwbouw Kloosterweide", "eind") == dt.date(2026, 6, 30)
    assert day("Wijkcentrum Zuid", "start") == dt.date(2026, 2, 1)
    assert day("Wijkcentrum Zuid", "eind") == dt.date(2026, 12, 31)
    assert day("Dagbesteding", "start") == dt.date(2026, 3, 1)
    assert day("Dagbesteding", "eind") == dt.date(2027, 6, 15)
    assert day("Huisvesting arbeidsmigranten", "start") is None


# --------------------------------------------------------------------------------------------
# 16. Extra columns and personal data
# --------------------------------------------------------------------------------------------

EXTRA_COLUMNS = expected(
    # Rows 2–4; rows 2 and 3 share id 1 (long format).
    projects=2,
    rows={"projects": (3, 3, 0)},
    phases={"visie": 1, "beleid": 1, "uitvoering": 1},
    elements={"onbepaald": 2},
    phase_element={
        "visie": {"onbepaald": 1}, "beleid": {"onbepaald": 1}, "uitvoering": {"onbepaald": 1},
    },
    roles={"visie": {"regisseur": 1}, "beleid": {"partner": 1}, "uitvoering": {"facilitator": 1}},
    demand={"visie": 1, "beleid": 1, "uitvoering": 1},
)


def test_extra_columns_and_personal_data(tmp_path: Path) -> None:
    """Extra columns are kept; of two headers for one field the synonym order wins and the
    other warns on the header row; a column with data but no header is "Kolom J"; an issue on
    Trekker leaves the value out.
    """
    result = analyse_file(tmp_path, rb.extra_columns_xlsx(), "inventaris.xlsx")
    assert_numbers(result, EXTRA_COLUMNS)
    projects = issues_of(result, table="projects")
    assert sorted((i["severity"], i["column"]) for i in projects) == sorted([
        (W, "Project"),       # "the first in the list wins and the others are kept as extra
        (W, "Toelichting"),   # columns with a waarschuwing on the header row"
        (W, "Kolom J"),       # "kept as "Kolom X" (its letter) with a waarschuwing"
        (W, "Trekker"),       # conflicting single value, later row
    ])
    assert issues_of(result, table="projects", column="Project")[0]["row"] == 1
    assert issues_of(result, table="projects", column="Toelichting")[0]["row"] == 1
    (trekker,) = issues_of(result, table="projects", column="Trekker")
    assert trekker["row"] == 3
    # "An issue about a personal-data column (trekker, contact) leaves value out (null):
    # messages are shared more widely than the inventory" — so the name is not in it either.
    assert trekker["value"] is None
    assert "Peter de Wit" not in trekker["message"] and "Ingrid Smit" not in trekker["message"]
    # "Opmerkingen" matches nothing: kept, not a problem.
    assert issues_of(result, column="Opmerkingen") == []
    inventory, _ = library_analysis(rb.extra_columns_xlsx(), "inventaris.xlsx")
    projects = inventory.projects.set_index("naam")
    assert sorted(projects.index) == ["Buurtbus", "Kernenbeleid"]
    assert projects.loc["Buurtbus", "omschrijving"] == "Vervoer voor ouderen"


GROUPED_DOMAIN = expected(
    projects=5,
    rows={"projects": (5, 5, 0)},
    phases={"beleid": 2, "uitvoering": 3},
    elements={"onbepaald": 5},
    phase_element={"beleid": {"onbepaald": 2}, "uitvoering": {"onbepaald": 3}},
    roles={
        "beleid": {"regisseur": 1, "partner": 1},
        "uitvoering": {"zelf": 1, "opdrachtgever": 1, "partner": 1},
    },
    # Woningsplitsing is zelf doen: not in the uitvoering demand.
    demand={"beleid": 2, "uitvoering": 2},
)


def test_grouped_domain_merged_over_rows(tmp_path: Path) -> None:
    """"In data rows, a cell merged over several rows (a grouped Domein or Wijk) gives its
    value to each of those rows."
    """
    data = rb.grouped_domain_xlsx()
    result = analyse_file(tmp_path, data, "inventaris.xlsx")
    assert_numbers(result, GROUPED_DOMAIN)
    assert result["issues"] == []
    inventory, _ = library_analysis(data, "inventaris.xlsx")
    domains = dict(zip(inventory.projects["naam"], inventory.projects["domein"], strict=True))
    assert {name: str(domain).lower() for name, domain in domains.items()} == {
        "Starterswoningen": "wonen", "Doorstroming": "wonen", "Woningsplitsing": "wonen",
        "Respijtzorg": "zorg", "Dagbesteding": "zorg",
    }


# --------------------------------------------------------------------------------------------
# 17. Files that cannot be read
# --------------------------------------------------------------------------------------------

UNREADABLE = {
    "pdf-named-xlsx": (rb.not_a_spreadsheet, "inventaris.xlsx"),
    "every-sheet-empty": (rb.empty_workbook_xlsx, "leeg.xlsx"),
    "no-projects-table": (rb.partners_only_xlsx, "partners.xlsx"),
}


@pytest.mark.parametrize("case", list(UNREADABLE))
def test_unreadable_files_exit_2_with_a_dutch_message(tmp_path: Path, case: str) -> None:
    """"exits 2 with a Dutch message on standard error, never a traceback, when it cannot be
    read at all: not a spreadsheet or CSV, ..., every sheet empty, no projects table".
    """
    builder, filename = UNREADABLE[case]
    path = tmp_path / filename
    path.write_bytes(builder())
    proc = run_command("analyse", str(path), "--json")
    stderr = proc.stderr
    assert proc.returncode == 2, (proc.returncode, stderr)
    assert "Traceback" not in stderr
    assert is_dutch(stderr), stderr
    assert proc.stdout_bytes.strip() == b""

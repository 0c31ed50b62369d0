"""Shared helpers of the UI tests: the seven pages, AppTest runs, fixture workbooks and rendered text.

The AppTest tests (``test_app.py``, ``test_page_overzicht.py``, ``test_injection.py``) and the browser
tests (``test_browser.py``) import from here. Fixture workbooks are built in code (xlsxwriter, so a
text that starts with ``=`` stays text instead of becoming a formula).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pandas as pd
import xlsxwriter
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
PAGES_DIR = "pages"
"""The folder of the page files, relative to app.py."""
TIMEOUT = 60


@dataclass(frozen=True)
class Page:
    """One page of the dashboard: its file stem (= URL path) and its exact Dutch title."""

    stem: str
    title: str

    @property
    def file(self) -> str:
        """Path relative to app.py, as ``AppTest.switch_page`` wants it."""
        return f"{PAGES_DIR}/{self.stem}.py"

    @property
    def path(self) -> Path:
        return ROOT / self.file

    @property
    def url_path(self) -> str:
        """The URL path in the browser (the default page lives at ``/``)."""
        return "" if self.stem == "overzicht" else self.stem


PAGES: tuple[Page, ...] = (
    Page("overzicht", "Overzicht"),
    Page("inventaris", "Inventaris"),
    Page("fasen_en_elementen", "Fasen en elementen"),
    Page("rol_per_fase", "Rol per fase"),
    Page("vaardigheden", "Vaardigheden"),
    Page("partners", "Partners"),
    Page("projecten", "Projecten"),
    Page("presenteren", "Presenteren"),
    Page("werkruimtes", "Werkruimtes"),
    Page("beslisboom", "Beslisboom"),
    Page("zelfscan", "Zelfscan"),
    Page("positionering", "Positionering"),
    Page("werkhulpen", "Werkhulpen"),
    Page("werkplaats", "Werkplaats"),
)
"""The pages in navigation order (the dashboard's seven first), with their exact titles."""

PAGE_BY_STEM = {page.stem: page for page in PAGES}

EXAMPLE_BANNER = "Voorbeeldgegevens — laad uw eigen inventaris"
FILTER_KEYS = tuple(f"filter_{name}" for name in ("domein", "gebied", "fase", "element", "rol", "partnertype"))
HIDE_NAMES_KEY = "namen_verbergen"
UPLOAD_KEY = "regie_upload"


# --------------------------------------------------------------------------------------------
# AppTest runs
# --------------------------------------------------------------------------------------------


def upload_state(data: bytes, name: str = "inventaris.xlsx") -> dict[str, Any]:
    """The session-state value of an uploaded file, as ``regie.ui.state.load_upload`` stores it."""
    return {"name": name, "data": data, "sha256": hashlib.sha256(data).hexdigest()}


class RouterAppTest(AppTest):
    """AppTest of app.py that stays in ``st.navigation`` mode on every run.

    Streamlit 1.67's AppTest resets ``PagesManager.uses_pages_directory`` before each run; because
    a ``pages/`` folder sits next to app.py it then falls back to the old pages-directory mode on
    every run after the first and executes the page file on its own, without app.py (so without the
    shared sidebar). The real server does not do this (``st.navigation`` clears the flag for the
    process), so the tests keep the flag off the same way.
    """

    def _run(self, widget_state: Any = None, timeout: float | None = None) -> AppTest:
        original = PagesManager.__init__

        def init(manager: PagesManager, *args: Any, **kwargs: Any) -> None:
            original(manager, *args, **kwargs)
            PagesManager.uses_pages_directory = False

        with mock.patch.object(PagesManager, "__init__", init):
            return super()._run(widget_state, timeout)


def app_test(script: str | Path = APP, *, upload: tuple[bytes, str] | None = None,
             state: dict[str, Any] | None = None) -> AppTest:
    """An AppTest of ``script`` (an absolute path; the router by default) with an optional upload
    and session state, not yet run.
    """
    script = Path(script)
    at = RouterAppTest(script, default_timeout=TIMEOUT) if script == APP else AppTest.from_file(
        str(script), default_timeout=TIMEOUT)
    if upload is not None:
        at.session_state[UPLOAD_KEY] = upload_state(*upload)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    return at


def run_page(page: Page, *, router: bool = True, upload: tuple[bytes, str] | None = None,
             state: dict[str, Any] | None = None) -> AppTest:
    """Run one page, through the router (sidebar included) or on its own."""
    if not router:
        return app_test(page.path, upload=upload, state=state).run()
    at = app_test(upload=upload, state=state).run()
    if page.stem != "overzicht":
        at.switch_page(page.file).run()
    return at


def exceptions(at: AppTest) -> list[str]:
    """The messages (and stack traces) of the exception elements, for assertion messages."""
    return [f"{e.message}\n{''.join(e.stack_trace)}" for e in at.exception]


def shown_text(markdown: str) -> str:
    """What a Markdown source shows once its backslash escapes are resolved (``\\*`` → ``*``)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def captions(at: AppTest) -> list[str]:
    """The captions as the reader sees them (escapes resolved)."""
    return [shown_text(c.value) for c in at.caption]


def metrics(at: AppTest) -> dict[str, str]:
    """Metric label → value of the page's metrics."""
    return {m.label: m.value for m in at.metric}


def plotly_specs(at: AppTest) -> list[dict[str, Any]]:
    """The plotly figures of the page as JSON."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart_titles(at: AppTest) -> list[str]:
    """The title text (with the subtitle) of every plotly chart."""
    titles = []
    for spec in plotly_specs(at):
        title = spec.get("layout", {}).get("title", {})
        titles.append(title.get("text", "") if isinstance(title, dict) else str(title))
    return titles


# --------------------------------------------------------------------------------------------
# What a page rendered: interpreted (markdown/HTML) text versus literal text
# --------------------------------------------------------------------------------------------

MARKUP_BODY_TYPES = {"Markdown", "Heading", "Alert", "Html", "Toast"}
"""Protos whose ``body`` Streamlit renders as Markdown or HTML."""
MARKUP_FIELDS = {"label", "help", "title", "captions"}
"""Fields rendered as Markdown wherever they occur (widget labels and tooltips, metric labels,
expander/tab/popover labels, radio captions, dialog titles)."""


@dataclass
class Rendered:
    """Texts of one AppTest run, split by how the browser shows them."""

    markup: list[tuple[str, str]] = field(default_factory=list)
    """(where, text) rendered as Markdown or HTML."""
    literal: list[tuple[str, str]] = field(default_factory=list)
    """(where, text) shown as plain text (st.text, st.code, dataframe cells, select options)."""
    plotly: list[dict[str, Any]] = field(default_factory=list)

    def markup_containing(self, needle: str) -> list[str]:
        return [where for where, text in self.markup if needle in text]

    def literal_containing(self, needle: str) -> list[str]:
        return [where for where, text in self.literal if needle in text]

    def all_text(self) -> str:
        parts = [text for _, text in self.markup + self.literal]
        parts += [json.dumps(spec, ensure_ascii=False) for spec in self.plotly]
        return "\n".join(parts)


def _proto_strings(message: Any, prefix: str) -> Iterator[tuple[str, str, Any]]:
    """(field path, string, owning message) of every string field, nested messages included."""
    for descriptor, value in message.ListFields():
        path = f"{prefix}.{descriptor.name}"
        values = value if descriptor.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                yield path, item, message
            elif hasattr(item, "ListFields"):
                yield from _proto_strings(item, path)


def _is_markup(name: str, owner_type: str, path: str) -> bool:
    """Whether Streamlit renders this proto string field as Markdown/HTML."""
    return (
        (name == "body" and owner_type in MARKUP_BODY_TYPES)
        or name in MARKUP_FIELDS
        or (name == "options" and owner_type == "Radio")  # radio option labels are Markdown
        or (name == "content" and "ButtonGroup" in path)  # pills / segmented control labels
    )


def _frame_texts(frame: pd.DataFrame) -> Iterator[str]:
    yield from (str(c) for c in frame.columns)
    yield from (str(i) for i in frame.index)
    for column in frame.columns:
        yield from (str(v) for v in frame[column].tolist() if v is not None)


def _app_assets() -> frozenset[str]:
    """The HTML of the app's own scripts and style sheets (regie/ui/assets): its constant code."""
    from regie.ui.widgets import ASSETS, asset_html

    return frozenset(asset_html(path.name) for path in ASSETS.iterdir() if path.suffix in (".js", ".css"))


def rendered(at: AppTest) -> Rendered:
    """Walk the element tree of a run and sort every text into markup or literal (the app's own
    assets, exactly as :func:`regie.ui.widgets.asset_html` makes them, are neither)."""
    out = Rendered()
    assets = _app_assets()

    def visit(node: Any, where: str) -> None:
        kind = getattr(node, "type", "?")
        here = f"{where}/{kind}"
        proto = getattr(node, "proto", None)
        if kind == "plotly_chart" and proto is not None:
            out.plotly.append(json.loads(proto.spec))
        elif kind in ("dataframe", "table", "data_editor") and hasattr(node, "value"):
            target = out.markup if kind == "table" else out.literal  # st.table renders cells as Markdown
            target.extend((here, text) for text in _frame_texts(node.value))
        elif proto is not None and hasattr(proto, "ListFields"):
            proto_type = type(proto).__name__
            for path, text, owner in _proto_strings(proto, proto_type):
                name = path.rsplit(".", 1)[-1]
                owner_type = type(owner).__name__
                if owner_type == "Html" and name == "body" and text in assets:
                    continue
                if _is_markup(name, owner_type, path):
                    out.markup.append((f"{here}:{path}", text))
                elif name in ("body", "code_text", "options", "default", "placeholder"):
                    out.literal.append((f"{here}:{path}", text))
        for child_key, child in (getattr(node, "children", None) or {}).items():
            visit(child, f"{here}[{child_key}]")

    visit(at._tree, "")
    return out


def plotly_strings(spec: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, string) of every string in a plotly figure's JSON."""
    if isinstance(spec, str):
        yield path, spec
    elif isinstance(spec, dict):
        for key, value in spec.items():
            yield from plotly_strings(value, f"{path}.{key}")
    elif isinstance(spec, list):
        for index, value in enumerate(spec):
            yield from plotly_strings(value, f"{path}[{index}]")


# --------------------------------------------------------------------------------------------
# Fixture workbooks
# --------------------------------------------------------------------------------------------

Rows = Sequence[Sequence[Any]]


def workbook(sheets: dict[str, Rows]) -> bytes:
    """An .xlsx with one sheet per entry; every string is written as text (never a formula)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value)
                else:
                    sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


PROJECT_HEADER = ["ID", "Projectnaam", "Fase", "Rol", "Element", "Domein", "Gebied", "Trekker"]


def one_project_xlsx() -> bytes:
    """A single project with one phase, role and element."""
    return workbook({"Projecten": [PROJECT_HEADER, ["P1", "Enige project", "Visie", "Regisseur", "A", "wonen",
                                                    "Centrum", "Anna de Wit"]]})


def no_partners_xlsx() -> bytes:
    """Projects only: no partners sheet, no partners column, no team sheet."""
    return workbook({"Projecten": [
        PROJECT_HEADER,
        ["P1", "Woonzorgvisie", "Visie", "Regisseur", "A", "wonen", "Noord", None],
        ["P2", "Buurtkamer", "Uitvoering", "Facilitator", "B", "welzijn", "Zuid", None],
        ["P3", "Wmo-beleidsplan", "Beleid", "Zelf doen", "D", "zorg", "Centrum", None],
    ]})


def no_roles_xlsx() -> bytes:
    """Projects with phases and elements, but no role column at all."""
    return workbook({"Projecten": [
        ["ID", "Projectnaam", "Fase", "Element", "Domein"],
        ["P1", "Woonzorgvisie", "Visie", "A", "wonen"],
        ["P2", "Buurtkamer", "Uitvoering", "B", "welzijn"],
        ["P3", "Wmo-beleidsplan", "Beleid", "C", "zorg"],
    ]})


def all_unknown_xlsx() -> bytes:
    """Every phase, role, element and partner type is unknown or empty."""
    return workbook({
        "Projecten": [
            ["ID", "Projectnaam", "Fase", "Rol", "Element"],
            ["P1", "Iets met wonen", "weet niet", "?", "onbekend"],
            ["P2", "Iets met zorg", "n.v.t.", "onbekend", "?"],
            ["P3", "Iets met welzijn", None, None, None],
        ],
        "Partners": [["Naam", "Type"], ["Stichting X", "weet niet"], ["Vereniging Y", None]],
        "Betrokkenheid": [["Project ID", "Partner"], ["P1", "Stichting X"], ["P2", "Vereniging Y"]],
    })


def header_only_xlsx() -> bytes:
    """A fresh copy of a template: the header and no projects."""
    return workbook({"Projecten": [["ID", "Projectnaam", "Fase", "Rol"]]})


DEGENERATE: dict[str, Any] = {
    "een-project": one_project_xlsx,
    "geen-partners": no_partners_xlsx,
    "geen-rollen": no_roles_xlsx,
    "alles-onbekend": all_unknown_xlsx,
    "geen-projecten": header_only_xlsx,
}
"""Degenerate inventories every page must render without an error."""


PARTNER_NAMES = ("Stichting Zilvermeeuw", "Woonstichting Kobaltblauw", "Zorggroep Oranjeappel")
PERSON_NAMES = ("Henriëtte Zwanenburg", "Barend Kwikstaart", "Ilse Goudvink", "Teun Roodborst")
"""Names that occur nowhere else, so a test can look for them in everything a page shows."""


def named_partners_xlsx() -> bytes:
    """Projects, three partners with contact persons, involvement, a trekker and a team sheet."""
    return workbook({
        "Projecten": [
            PROJECT_HEADER,
            ["P1", "Woonzorgvisie", "Visie", "Regisseur", "A", "wonen", "Noord", "Barend Kwikstaart"],
            ["P2", "Buurtkamer", "Uitvoering", "Facilitator", "B", "welzijn", "Zuid", "Barend Kwikstaart"],
            ["P3", "Wmo-beleidsplan", "Beleid", "Opdrachtgever", "C", "zorg", "Centrum", "Teun Roodborst"],
            ["P4", "Valpreventie", "Uitvoering", "Partner", "B", "zorg", "Noord", None],
        ],
        "Partners": [
            ["Naam", "Type", "Werkgebied", "Contactpersoon"],
            ["Stichting Zilvermeeuw", "Welzijnsorganisatie", "Lokaal", "Henriëtte Zwanenburg"],
            ["Woonstichting Kobaltblauw", "Woningcorporatie", "Regionaal", None],
            ["Zorggroep Oranjeappel", "Zorgaanbieder", "Lokaal", None],
        ],
        "Betrokkenheid": [
            ["Project ID", "Partner", "Fase", "Rol", "Invloed", "Belang"],
            ["P1", "Woonstichting Kobaltblauw", "Visie", "Trekker", 5, 4],
            ["P1", "Zorggroep Oranjeappel", "Visie", "Adviseur", 3, 5],
            ["P2", "Stichting Zilvermeeuw", "Uitvoering", "Uitvoerder", 4, 4],
            ["P3", "Zorggroep Oranjeappel", "Beleid", "Deelnemer", 2, 3],
            ["P4", "Stichting Zilvermeeuw", "Uitvoering", "Uitvoerder", 3, 2],
        ],
        "Team": [
            ["Naam", "Vaardigheid", "Niveau"],
            ["Ilse Goudvink", "Netwerken", 4],
            ["Ilse Goudvink", "Onderhandelen", 3],
            ["Teun Roodborst", "Concretiseren", 5],
        ],
    })


# --------------------------------------------------------------------------------------------
# Hostile names
# --------------------------------------------------------------------------------------------

LONG_NAME = "Lang" + "project" * 713 + "einde"
"""A 5 000-character project name."""
assert len(LONG_NAME) == 5000


@dataclass(frozen=True)
class Payload:
    """A hostile text and whether Markdown or HTML would change it (``markup``)."""

    name: str
    text: str
    markup: bool


PAYLOADS: tuple[Payload, ...] = (
    Payload("img-onerror", "<img src=x onerror=alert(1)>", True),
    Payload("script", "<script>alert(1)</script>", True),
    Payload("markdown-bold", "**vet**", True),
    Payload("markdown-link", "[link](javascript:alert(1))", True),
    Payload("formula", "=cmd|' /C calc'!A0", False),
    Payload("long", LONG_NAME, False),
    Payload("rtl-override", "Zorg \u202eexe.tnemucod\u202c", False),
    Payload("emoji", "Buurtkamer 👩‍👩‍👧 🏳️‍🌈", False),
)
MARKUP_PAYLOADS = tuple(p for p in PAYLOADS if p.markup)

HOSTILE_FILE_NAME = "<img src=x onerror=alert(1)>**vet**.xlsx"
HOSTILE_PARTNERS = (
    "<img src=x onerror=alert(1)> Stichting",
    "**Woonstichting vet**",
    "[Zorggroep](javascript:alert(1))",
    "<script>alert(1)</script> Welzijn",
)
HOSTILE_PERSON = "<img src=x onerror=alert(1)> Jansen"
HOSTILE_VALUES = {
    "domein": "<script>alert(1)</script>",
    "gebied": "**Noord**",
    "fase": "<b>nazorg</b>",
    "rol": "<img src=x onerror=alert(1)>",
    "element": "[E](javascript:alert(1))",
    "partnertype": "**soort**",
    "opmerking": "<img src=x onerror=alert(1)> **opmerking**",
}
"""Hostile text in other columns: the unknown fase/rol/element/partnertype end up in the mapping review."""


FORMULA_VALUES = ("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0")
"""Unknown fase/rol/element values that start like a spreadsheet formula: they end up in the
validation report, whose CSV download must defuse them."""


def hostile_xlsx() -> bytes:
    """An inventory whose names and values are all hostile, with partners, involvement and a team."""
    phases = ["Visie", "Beleid", "Uitvoering"]
    roles = ["Regisseur", "Partner", "Opdrachtgever", "Facilitator", "Zelf doen"]
    elements = ["A", "B", "C", "D"]
    projects: list[list[Any]] = [
        ["ID", "Projectnaam", "Fase", "Rol", "Element", "Domein", "Gebied", "Trekker", "Opmerkingen"],
    ]
    for i, payload in enumerate(PAYLOADS):
        projects.append([
            f"H{i + 1}", payload.text, phases[i % 3], roles[i % 5], elements[i % 4],
            HOSTILE_VALUES["domein"] if i % 2 else "wonen",
            HOSTILE_VALUES["gebied"] if i % 3 == 0 else "Zuid",
            HOSTILE_PERSON if i % 2 == 0 else None,
            HOSTILE_VALUES["opmerking"],
        ])
    n = len(PAYLOADS)
    projects.append([f"H{n + 1}", "Gewoon project", HOSTILE_VALUES["fase"], HOSTILE_VALUES["rol"],
                     HOSTILE_VALUES["element"], "zorg", "Oost", None, None])
    projects.append([f"H{n + 2}", "Formuleproject", FORMULA_VALUES[0], FORMULA_VALUES[1], FORMULA_VALUES[2],
                     "zorg", "Oost", None, None])
    partners = [["Naam", "Type", "Werkgebied", "Contactpersoon"]]
    types = ["Welzijnsorganisatie", "Woningcorporatie", HOSTILE_VALUES["partnertype"], "Zorgaanbieder"]
    for name, type_ in zip(HOSTILE_PARTNERS, types, strict=True):
        partners.append([name, type_, "Lokaal", HOSTILE_PERSON])
    involvement = [["Project ID", "Partner", "Fase", "Rol", "Invloed", "Belang"]]
    for i in range(n + 2):
        involvement.append([f"H{i + 1}", HOSTILE_PARTNERS[i % len(HOSTILE_PARTNERS)], phases[i % 3],
                            "Uitvoerder", 1 + i % 5, 5 - i % 5])
    team = [["Naam", "Vaardigheid", "Niveau"], [HOSTILE_PERSON, "Netwerken", 4],
            ["**Teamlid vet**", "Onderhandelen", 3]]
    return workbook({"Projecten": projects, "Partners": partners, "Betrokkenheid": involvement, "Team": team})

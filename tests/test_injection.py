"""Hostile names render literally on every page: never interpreted as Markdown or HTML.

A workbook whose project, partner, person, domein/gebied names, unknown values and file name are
hostile (``<img src=x onerror=alert(1)>``, ``<script>``, ``**vet**``, a ``javascript:`` link, a
formula, a 5 000-character name, an RTL override, emoji) is loaded on every page, through the router
(sidebar included) and on its own. Checked: no exception; no text Streamlit renders as Markdown/HTML
(markdown, caption, title/header/subheader, info/warning/error/success, widget labels and tooltips,
metric labels, expander/tab labels, radio options, st.table cells) contains a hostile fragment
unescaped; plotly labels carry no raw ``<``; and the names do appear literally where a page lists
them (dataframes, st.text). The browser half (no ``img[src=x]``, no alert dialog) is in
``test_browser.py``.
"""

from __future__ import annotations

import pytest
from ui_support import (
    EXAMPLE_BANNER,
    FORMULA_VALUES,
    HOSTILE_FILE_NAME,
    HOSTILE_PARTNERS,
    HOSTILE_VALUES,
    LONG_NAME,
    PAGE_BY_STEM,
    PAGES,
    PAYLOADS,
    Page,
    Rendered,
    app_test,
    exceptions,
    hostile_xlsx,
    plotly_strings,
    rendered,
    run_page,
)

from regie import load_inventory

MARKUP_NEEDLES = (
    "<img", "<script", "<b>", "**vet**", "**Noord**", "**soort**", "**opmerking**", "**Woonstichting vet**",
    "**Teamlid vet**", "](javascript:",
)
"""Fragments of the hostile texts that Markdown or HTML would interpret; our own texts never contain them."""
PLOTLY_NEEDLES = ("<img", "<script", "<b>nazorg")
"""Plotly renders a small HTML subset in labels: user text must reach it with ``<`` escaped."""

PAGE_IDS = [page.stem for page in PAGES]


@pytest.fixture(scope="module")
def hostile() -> bytes:
    return hostile_xlsx()



def _unescaped(text: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``text`` without a Markdown backslash escape before it."""
    start = text.find(needle)
    while start != -1:
        slashes = len(text[:start]) - len(text[:start].rstrip("\\"))
        if slashes % 2 == 0:
            return True
        start = text.find(needle, start + 1)
    return False


def _interpreted(shown: Rendered) -> list[str]:
    """Markup texts containing a hostile fragment unescaped, as 'where: fragment in text'."""
    found = []
    for where, text in shown.markup:
        for needle in MARKUP_NEEDLES:
            if _unescaped(text, needle):
                found.append(f"{where}: {needle!r} in {text[:160]!r}")
    return found


def _plotly_raw(shown: Rendered) -> list[str]:
    found = []
    for index, spec in enumerate(shown.plotly):
        for path, text in plotly_strings(spec):
            for needle in PLOTLY_NEEDLES:
                if needle in text:
                    found.append(f"chart {index}{path}: {text[:160]!r}")
    return found


def test_the_fixture_is_what_the_test_thinks(hostile: bytes) -> None:
    inv = load_inventory(hostile, HOSTILE_FILE_NAME)
    names = list(inv.projects["naam"])
    for payload in PAYLOADS:
        assert payload.text in names, payload.name
    assert LONG_NAME in names and len(LONG_NAME) == 5000
    assert set(HOSTILE_PARTNERS) <= set(inv.partners["naam"])
    assert set(inv.unknown["field"]) >= {"fase", "rol", "element", "partnertype"}


@pytest.mark.parametrize("router", [True, False], ids=["router", "standalone"])
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_hostile_names_are_never_interpreted(page: Page, router: bool, hostile: bytes) -> None:
    at = run_page(page, router=router, upload=(hostile, HOSTILE_FILE_NAME))
    assert not at.exception, exceptions(at)
    assert not [e.value for e in at.error if "Er ging iets mis" in e.value], "a page fell back on safe_call"
    shown = rendered(at)
    interpreted = _interpreted(shown)
    assert not interpreted, f"{page.title}: user text rendered as Markdown/HTML:\n" + "\n".join(interpreted)
    raw = _plotly_raw(shown)
    assert not raw, f"{page.title}: user text reaches plotly with raw '<':\n" + "\n".join(raw)
    if router:
        assert HOSTILE_FILE_NAME in [t.value for t in at.sidebar.text], "the file name appears literally"


@pytest.mark.parametrize("hide", [False, True], ids=["namen", "namen-verborgen"])
@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_hostile_names_with_every_chart_table_open(page: Page, hide: bool, hostile: bytes) -> None:
    """The tables behind "Toon als tabel" (and the names-hidden variant) are checked too."""
    at = run_page(page, upload=(hostile, HOSTILE_FILE_NAME), state={"namen_verbergen": hide})
    for toggle in at.toggle:
        if toggle.label == "Toon als tabel":
            toggle.set_value(True)
    at.run()
    assert not at.exception, exceptions(at)
    shown = rendered(at)
    assert not _interpreted(shown), "\n".join(_interpreted(shown))
    assert not _plotly_raw(shown), "\n".join(_plotly_raw(shown))


def _literal_everywhere(shown: Rendered, text: str) -> bool:
    return bool(shown.literal_containing(text))


def test_projecten_lists_every_hostile_name_literally(hostile: bytes) -> None:
    page = PAGE_BY_STEM["projecten"]
    at = run_page(page, upload=(hostile, HOSTILE_FILE_NAME))
    assert not at.exception, exceptions(at)
    shown = rendered(at)
    missing = [p.name for p in PAYLOADS if not _literal_everywhere(shown, p.text)]
    assert not missing, f"names not shown literally on Projecten: {missing}"
    table = next(frame.value for frame in at.dataframe if "Naam" in frame.value.columns)
    assert LONG_NAME in set(table["Naam"]), "the 5 000-character name is shown whole"
    assert _literal_everywhere(shown, HOSTILE_VALUES["opmerking"]), "extra columns are shown literally"


def test_partners_lists_hostile_partner_names_literally(hostile: bytes) -> None:
    page = PAGE_BY_STEM["partners"]
    at = run_page(page, upload=(hostile, HOSTILE_FILE_NAME))
    assert not at.exception, exceptions(at)
    shown = rendered(at)
    missing = [name for name in HOSTILE_PARTNERS if not _literal_everywhere(shown, name)]
    assert not missing, f"partner names not shown literally on Partners: {missing}"


def test_inventaris_lists_hostile_unknown_values_literally(hostile: bytes) -> None:
    page = PAGE_BY_STEM["inventaris"]
    at = run_page(page, upload=(hostile, HOSTILE_FILE_NAME))
    assert not at.exception, exceptions(at)
    shown = rendered(at)
    for value in (HOSTILE_VALUES["rol"], HOSTILE_VALUES["element"], HOSTILE_VALUES["partnertype"], *FORMULA_VALUES):
        assert _literal_everywhere(shown, value), f"unknown value {value!r} not listed literally"


def test_a_hostile_file_name_in_an_upload_error_is_shown_literally() -> None:
    page = PAGE_BY_STEM["inventaris"]
    at = app_test(page.path).run()
    uploader = at.get("file_uploader")[0]
    uploader.set_value(("<img src=x onerror=alert(1)> **kapot**.xlsx", b"%PDF-1.7 geen spreadsheet", "application/pdf"))
    at.run()
    assert not at.exception, exceptions(at)
    assert at.error, "a file that cannot be read gives a Dutch error"
    for error in at.error:
        assert not _unescaped(error.value, "<img") and not _unescaped(error.value, "**kapot**"), error.value
    assert "regie_upload" not in at.session_state, "the unreadable file does not replace the inventory"
    assert EXAMPLE_BANNER in [i.value for i in at.info]

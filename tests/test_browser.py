"""Real-browser tests: the app (``python -m regie.ui.serve``, i.e. ``streamlit run app.py``) driven by Playwright
with Debian's chromium.

One server per module (a free port, health-checked on ``/_stcore/health``); a fresh browser context
(= a fresh Streamlit session) per test. On failure a full-page screenshot and the server log go to
``tests/_artifacts/`` (git-ignored). A missing ``/usr/bin/chromium`` fails the tests with a message
saying how to install it: the browser tests run in CI and are never skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    StreamlitServer,
    act,
    choose,
    clear_filter,
    exception_count,
    exception_texts,
    foreign_requests,
    heading,
    launch,
    metric_value,
    nav_link,
    nav_titles,
    new_page,
    open_url,
    require_chromium,
    settle,
    upload,
    wait_for_charts,
)
from ui_support import (
    EXAMPLE_BANNER,
    FORMULA_VALUES,
    HOSTILE_FILE_NAME,
    PAGES,
    ROOT,
    Page,
    hostile_xlsx,
)

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "tests" / "_artifacts"
AXE = ROOT / "tests" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core, installed by .ci/run from npm (pinned)."""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(tab: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (rule, count, first element)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE}); .ci/run installs it with npm")
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return tab.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => `${v.id} (${v.nodes.length}×): ${v.nodes[0].target.join(' ')}`)", WCAG_TAGS)
CHART_PAGES = {"overzicht": 3, "fasen_en_elementen": 1, "rol_per_fase": 1, "vaardigheden": 1, "partners": 1}
"""The least number of plotly charts each page draws with the example."""
SAFE_CALL_MESSAGE = "Er ging iets mis"
PAGE_IDS = [page.stem for page in PAGES]


@pytest.fixture(scope="module")
def server() -> Iterator[StreamlitServer]:
    try:
        require_chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    instance = StreamlitServer(log_path=ARTIFACTS / "streamlit_server.log").start()
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def browser(server: StreamlitServer) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


def recording_dialogs(tab: Any) -> Any:
    """The tab, with every dialog it opens dismissed and recorded in ``tab.dialogs`` (there must be none)."""
    tab.dialogs = []

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    return tab


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh session; records dialogs (there must be none) and screenshots a failed test."""
    tab = recording_dialogs(new_page(browser))
    yield tab
    foreign = foreign_requests(tab, str(request.getfixturevalue("server").url))
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        try:
            tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # the screenshot must not hide the real failure
            print(f"screenshot failed: {exc}")
    tab.context.close()
    assert not foreign, f"the browser asked another host than the app's own: {foreign[:5]}"



def assert_page_ok(tab: Any, page_info: Page) -> None:
    """The page shows its title, no exception element, no safe_call fallback and its charts."""
    assert exception_count(tab) == 0, f"exception element on {page_info.title}: {exception_texts(tab)}"
    assert heading(tab) == page_info.title
    assert tab.get_by_text(SAFE_CALL_MESSAGE).count() == 0, f"safe_call fallback on {page_info.title}"
    wait_for_charts(tab, CHART_PAGES.get(page_info.stem, 0))


def test_navigation_lists_the_seven_pages_in_order(server: StreamlitServer, page: Any) -> None:
    open_url(page, server.url + "/")
    assert nav_titles(page)[:len(PAGES)] == [p.title for p in PAGES], "the issue's seven pages come first"
    assert page.get_by_text(EXAMPLE_BANNER).count() == 1
    assert metric_value(page, "Projecten") == "30"
    assert page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').count() == 6
    assert page.get_by_text("Namen verbergen").count() == 1


def test_a_deep_link_as_the_first_request_gets_the_router(browser: Any) -> None:
    """After a (re)start the first session may open any page directly (a bookmark, a tab that
    reconnects): it must get app.py's navigation and sidebar, not Streamlit's pages-folder mode
    (which runs the page file on its own). One fresh server: its very first request is a deep link,
    then every other page is opened the same way, each as the first request of a new session, and
    must show its own page whole (heading, charts or tables, the example banner, no dialog) and pass
    axe-core's WCAG 2.1 A/AA rules with the example's real data (0 violations)."""
    first = next(p for p in PAGES if p.stem == "inventaris")
    with StreamlitServer(log_path=ARTIFACTS / "streamlit_server_deeplink.log") as fresh:
        tabs: list[tuple[Page, Any]] = []
        try:
            tab = recording_dialogs(new_page(browser))
            tabs.append((first, tab))
            open_url(tab, f"{fresh.url}/{first.url_path}")  # the server's very first request, alone
            for page_info in (p for p in PAGES if p is not first):  # the others at once, as tabs reconnecting
                tab = recording_dialogs(new_page(browser))
                tab.goto(f"{fresh.url}/{page_info.url_path}", wait_until="commit")
                tabs.append((page_info, tab))
            for page_info, tab in tabs:
                settle(tab, 0, quiet_ms=500)
                titles = nav_titles(tab)
                filters = tab.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').count()
                if titles[:len(PAGES)] != [p.title for p in PAGES] or filters != 6:
                    ARTIFACTS.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(path=str(ARTIFACTS / f"deep_link_{page_info.stem}.png"), full_page=True)
                assert titles[:len(PAGES)] == [p.title for p in PAGES], f"{page_info.stem}: navigation {titles}"
                assert filters == 6, f"{page_info.stem}: the shared sidebar is missing"
                assert heading(tab) == page_info.title
                assert tab.url.split("?")[0].rstrip("/") == f"{fresh.url}/{page_info.url_path}".rstrip("/")
                assert exception_count(tab) == 0, exception_texts(tab)
                assert_page_ok(tab, page_info)
                assert tab.get_by_text(EXAMPLE_BANNER).count() == 1
                assert not tab.dialogs
                violations = axe_violations(tab)
                assert not violations, f"{page_info.stem}: {violations}"
                foreign = foreign_requests(tab, fresh.url)
                assert not foreign, f"{page_info.stem} asked another host than the app's own: {foreign[:5]}"
        finally:
            for _, tab in tabs:
                tab.context.close()


def test_every_page_through_the_sidebar_navigation(server: StreamlitServer, page: Any) -> None:
    open_url(page, server.url + "/")
    for page_info in [*PAGES[1:], PAGES[0]]:
        act(page, nav_link(page, server.url, page_info.url_path).click)
        assert page.url.rstrip("/") == f"{server.url}/{page_info.url_path}".rstrip("/")
        assert_page_ok(page, page_info)
        assert exception_count(page) == 0


def test_a_sidebar_filter_changes_overzicht(server: StreamlitServer, page: Any) -> None:
    open_url(page, server.url + "/")
    wait_for_charts(page, 3)
    choose(page, "Fase", "Visie")
    assert int(metric_value(page, "Projecten")) < 30
    assert page.get_by_text("Filter: fase Visie", exact=False).count() >= 1
    assert page.locator(".js-plotly-plot .gtitle").filter(has_text="Filter: fase Visie").count() >= 3
    clear_filter(page, "Fase")
    assert metric_value(page, "Projecten") == "30"
    assert exception_count(page) == 0


def test_filters_wissen_clears_the_filters(server: StreamlitServer, page: Any) -> None:
    open_url(page, server.url + "/")
    choose(page, "Fase", "Visie")
    assert metric_value(page, "Projecten") != "30"
    choose(page, "Domein", "Jeugd")
    chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"] [data-tag]')
    assert sorted(chips.all_inner_texts()) == ["Jeugd", "Visie"], "the chips are found (the check below can fail)"
    act(page, page.get_by_role("button", name="Filters wissen").click)
    assert exception_count(page) == 0, exception_texts(page)
    assert metric_value(page, "Projecten") == "30"
    assert chips.count() == 0, f"the boxes still show {chips.all_inner_texts()}"
    choose(page, "Fase", "Beleid")  # the next change must not bring the old filters back
    assert chips.all_inner_texts() == ["Beleid"]
    assert metric_value(page, "Projecten") == "15"


STRONG_PAYLOADS = ("vet", "Noord", "soort", "opmerking", "Woonstichting vet", "Teamlid vet")
"""The words between ``**`` in the hostile fixture: none may end up bold."""


def _injection_findings(tab: Any) -> list[str]:
    findings = []
    if tab.locator('img[src="x"]').count():
        findings.append("an <img src=x> element was created")
    scripts = tab.evaluate("() => [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length")
    if scripts:
        findings.append("a <script> with alert(1) was created")
    if tab.locator('a[href^="javascript:"]').count():
        findings.append("a javascript: link was created")
    bold = tab.evaluate(
        "(words) => [...document.querySelectorAll('strong, b')].map(e => e.textContent.trim())"
        ".filter(t => words.includes(t))", list(STRONG_PAYLOADS))
    if bold:
        findings.append(f"user text rendered bold: {bold}")
    if tab.dialogs:
        findings.append(f"dialogs: {tab.dialogs}")
    return findings


def test_an_upload_changes_every_page_and_hostile_names_stay_text(server: StreamlitServer, page: Any) -> None:
    """One walk over every page after uploading the hostile inventory: the numbers are the upload's,
    the upload survives every page switch, and no user text becomes an element, a dialog or markup."""
    from regie import load_inventory

    expected = load_inventory(hostile_xlsx(), HOSTILE_FILE_NAME)
    open_url(page, server.url + "/")
    assert metric_value(page, "Projecten") == "30"
    act(page, nav_link(page, server.url, "inventaris").click)
    upload(page, HOSTILE_FILE_NAME, hostile_xlsx())
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert HOSTILE_FILE_NAME in sidebar.inner_text(), "the file name is shown literally"
    problems: dict[str, list[str]] = {}
    for page_info in [*PAGES[1:], PAGES[0]]:
        act(page, nav_link(page, server.url, page_info.url_path).click)
        page.wait_for_timeout(300)  # let plotly and the data grids draw
        assert exception_count(page) == 0, page_info.title
        assert HOSTILE_FILE_NAME in sidebar.inner_text(), f"upload lost on {page_info.title}"
        assert heading(page) == page_info.title
        assert page.get_by_text(SAFE_CALL_MESSAGE).count() == 0
        found = _injection_findings(page)
        if found:
            problems[page_info.title] = found
    assert metric_value(page, "Projecten") == str(len(expected.projects)), "the upload survives every page switch"
    assert metric_value(page, "Partners") == str(len(expected.partners))
    assert page.get_by_text(EXAMPLE_BANNER).count() == 0
    act(page, lambda: page.get_by_text("Namen verbergen").click())
    found = _injection_findings(page)
    if found:
        problems["Overzicht (namen verborgen)"] = found
    assert not problems, problems


def test_the_validation_report_download_defuses_formulas(server: StreamlitServer, page: Any) -> None:
    open_url(page, server.url + "/inventaris")
    upload(page, "formules.xlsx", hostile_xlsx())
    button = page.get_by_role("button", name=re.compile("Rapport downloaden"))
    with page.expect_download() as download_info:
        button.click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    for value in FORMULA_VALUES:
        assert value not in cells, f"formula {value!r} reaches the CSV as a live formula"
        assert any(value in cell for cell in cells), f"{value!r} is missing from the report"
    live = [cell for cell in cells if cell[:1] in ("=", "+", "@")]
    assert not live, f"cells that a spreadsheet would evaluate: {live[:5]}"


def test_presenting_fills_the_screen_and_steps_with_the_keyboard(server: StreamlitServer, browser: Any) -> None:
    """Presentation mode at 1280×720: no sidebar, no scrolling, the keys a presenter's clicker sends
    step through the views, F gives full screen, and the view shown is kept across pages."""
    tab = new_page(browser, viewport={"width": 1280, "height": 720})
    context = tab.context
    try:
        open_url(tab, f"{server.url}/presenteren")
        act(tab, tab.get_by_role("button", name="Presentatiemodus").click)
        message = tab.locator(".st-key-presenteren_boodschap")
        assert message.inner_text().startswith("In de visiefase is de gemeente"), "the takeaway in words"
        assert not tab.locator('[data-testid="stSidebar"]').is_visible()
        for key, start in (("ArrowRight", "De grootste groep"), ("PageDown", "In de visiefase is de gemeente"),
                           ("PageUp", "De grootste groep")):
            act(tab, lambda key=key: tab.keyboard.press(key))
            assert message.inner_text().startswith(start), (key, message.inner_text())
        tab.keyboard.press("f")
        tab.wait_for_function("() => document.fullscreenElement !== null")
        tab.wait_for_timeout(300)
        act(tab, lambda: tab.keyboard.press("ArrowRight"))  # a rerun after the resize: the chart fits again
        scroll, height = tab.evaluate("() => [document.scrollingElement.scrollHeight, window.innerHeight]")
        assert scroll <= height + 2, f"the view needs scrolling: {scroll} px on a {height} px screen"
        chart = tab.locator(".st-key-presenteren_grafiek .js-plotly-plot").bounding_box()
        assert chart is not None and chart["y"] + chart["height"] <= height + 2
        assert chart["height"] >= height * 0.55, "the chart takes most of the screen"
        act(tab, tab.get_by_role("button", name="Stoppen").click)
        act(tab, nav_link(tab, server.url, "").click)
        act(tab, nav_link(tab, server.url, "presenteren").click)
        assert heading(tab) == "Presenteren"
        assert tab.locator('[data-testid="stMain"] h2').first.inner_text().startswith("3/6"), "the step is kept"
        assert exception_count(tab) == 0
        assert not foreign_requests(tab, server.url), "presentation mode asks only the app"
    finally:
        context.close()




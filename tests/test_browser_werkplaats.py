"""Real-browser test of the Werkplaats: a facilitator and two participants, each in a browser context
of their own (= their own Streamlit session, as on their own phones), against one server and one
SQLite database.

The facilitator starts a werkplaats on the example inventory, the participants open the link,
vote and fill in the zelfscan; the facilitator's view counts them by itself (no reload), shows no
result before the reveal, and after the reveal shows charts whose numbers match the votes cast.

The server runs app.py when the router lists the Werkplaats page; until then a copy of the router
with that page added (in a temporary folder, absolute page paths). Screenshots of the key moments
go to ``tests/_artifacts/werkplaats_*.png`` (git-ignored).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    CHROMIUM_ARGS,
    IDLE_SCRIPT,
    RUN_TIMEOUT_MS,
    StreamlitServer,
    act,
    exception_count,
    exception_texts,
    foreign_requests,
    heading,
    metric_value,
    open_url,
    record_requests,
    require_chromium,
)

from regie.instruments import werkplaats as wp
from regie.storage import Store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "_artifacts"
PROJECT = "Innovatieprogramma Wonen, Welzijn en Zorg"
"""An example project in visie and beleid (regisseur in both): two items."""
VIEWPORT = {"width": 1280, "height": 4200}
NOW, SHOULD = wp.QUESTIONS[wp.QUESTION_NOW], wp.QUESTIONS[wp.QUESTION_SHOULD]


def router_script(folder: Path) -> Path:
    """app.py when it routes to the Werkplaats page, else a copy that does (in ``folder``)."""
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    if "pages/werkplaats.py" in app:
        return ROOT / "app.py"
    copy = app.replace('st.Page("pages/', f'st.Page("{ROOT.as_posix()}/pages/').replace(
        "PAGES = [\n",
        "PAGES = [\n"
        f'    st.Page("{ROOT.as_posix()}/pages/werkruimtes.py", title="Werkruimtes"),\n'
        f'    st.Page("{ROOT.as_posix()}/pages/werkplaats.py", title="Werkplaats"),\n',
    )
    copy = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n" + copy
    script = folder / "app_werkplaats.py"
    script.write_text(copy, encoding="utf-8")
    return script


class WerkplaatsServer(StreamlitServer):
    """StreamlitServer with its own router script and database (environment of the child only)."""

    def __init__(self, script: Path, database_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.script = script
        self.database_url = database_url

    def start(self, timeout: float = 60.0) -> WerkplaatsServer:
        command = [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.port", str(self.port),
                   "--server.headless", "true", "--browser.gatherUsageStats", "false"]
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = self.log_path.open("wb")
        env = {**os.environ, "REGIE_DATABASE_URL": self.database_url}
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=self._log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True, env=env,
        )
        self.wait_healthy(timeout)
        return self


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('werkplaats_db') / 'regie.sqlite3'}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, database: str) -> Iterator[StreamlitServer]:
    try:
        require_chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    script = router_script(tmp_path_factory.mktemp("router"))
    instance = WerkplaatsServer(script, database, log_path=ARTIFACTS / "streamlit_werkplaats.log").start()
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def browser(server: StreamlitServer) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def new_tab(browser: Any) -> Any:
    """A fresh context (its own session, like a participant's own phone)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(IDLE_SCRIPT)
    record_requests(context)
    tab = context.new_page()
    tab.set_default_timeout(RUN_TIMEOUT_MS)
    return tab


def shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"werkplaats_{name}.png"))


def assert_clean(tab: Any) -> None:
    assert exception_count(tab) == 0, exception_texts(tab)


def choose_in_group(tab: Any, question: str, index: int, option: str) -> None:
    """Click ``option`` in the ``index``-th radio group labelled ``question`` (form: no rerun)."""
    group = tab.get_by_role("radiogroup", name=question, exact=True).nth(index)
    group.get_by_text(option, exact=True).click()


def chart_data(tab: Any) -> list[dict[str, Any]]:
    """Per drawn plotly chart: its title and its traces (name, x, y) as plotly holds them."""
    return tab.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
        title: (gd.layout && gd.layout.title && gd.layout.title.text) || '',
        traces: (gd.data || []).map(t => ({name: t.name, x: t.x, y: t.y}))}))""")


def wait_metric(tab: Any, label: str, value: str, timeout_ms: int = 30_000) -> None:
    """Wait (without any action: the facilitator's view refreshes itself) until a metric shows ``value``."""
    tab.wait_for_function(
        """([label, value]) => [...document.querySelectorAll('[data-testid="stMetric"]')].some(m =>
            m.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim() === label
            && m.querySelector('[data-testid="stMetricValue"]')?.innerText.trim() === value)""",
        arg=[label, value], timeout=timeout_ms,
    )


def test_facilitator_and_two_participants(server: StreamlitServer, browser: Any, database: str) -> None:
    # ------------------------------------------------ the facilitator starts a werkplaats
    facilitator = new_tab(browser)
    open_url(facilitator, server.url + "/werkplaats")
    assert heading(facilitator) == "Werkplaats"
    assert_clean(facilitator)
    facilitator.locator('input[aria-label="Nieuwe werkruimte"]').fill("Gemeente Wadlo")
    facilitator.locator('input[aria-label="Naam van de werkplaats"]').fill("Werkplaats <b>12</b> november")
    facilitator.get_by_role("combobox", name="Projecten om over te stemmen").click()
    act(facilitator, lambda: facilitator.get_by_role("option", name=PROJECT, exact=True).click())
    facilitator.keyboard.press("Escape")
    assert facilitator.get_by_text("De deelnemers krijgen 2 stemvragen").count() == 1
    act(facilitator, lambda: facilitator.get_by_role("button", name="Werkplaats starten").click())
    assert_clean(facilitator)
    code = metric_value(facilitator, "Code voor de deelnemers")
    assert len(code) == wp.CODE_LENGTH and set(code) <= set(wp.CODE_ALPHABET)
    werkruimte_key = facilitator.locator('[data-testid="stCode"]').first.inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){4}", werkruimte_key), "the new werkruimte's key, shown once"
    join_link = facilitator.locator('[data-testid="stCode"]', has_text="werkplaats?code=").first.inner_text().strip()
    assert join_link == f"{server.url}/werkplaats?code={code}"
    assert "sleutel" not in facilitator.url and "code=" not in facilitator.url
    assert facilitator.get_by_text("Werkplaats <b>12</b> november — werkruimte Gemeente Wadlo").count() == 1
    assert facilitator.locator("b", has_text="12").count() == 0, "a user-typed title is text, not HTML"
    assert metric_value(facilitator, "Deelnemers") == "0"
    shot(facilitator, "1_begeleider_gestart")

    # ------------------------------------------------ two participants, each on their own device
    answers = {  # participant: (votes as (question, item index, role label), scan answers as (question, label))
        "A": ([(NOW, 0, "Regisseur"), (SHOULD, 0, "Samenwerkingspartner"), (NOW, 1, "Regisseur")],
              [("L1. Weet u waar uw partners behoefte aan hebben?", "Volmondig ja"), ("L6. Bent u dienstbaar?", "Nee")]),
        "B": ([(NOW, 0, "Zelf doen"), (SHOULD, 0, "Regisseur"), (SHOULD, 1, "Facilitator")], []),
    }
    speaks_for = {"A": "Het bestuur van de gemeente", "B": "Een samenwerkingspartner"}
    participants = {}
    for name, (votes, scan_answers) in answers.items():
        tab = new_tab(browser)
        participants[name] = tab
        open_url(tab, join_link)
        assert_clean(tab)
        assert heading(tab) == "Werkplaats"
        assert tab.get_by_text("U doet anoniem mee", exact=False).count() == 1
        assert tab.locator('[data-testid="stMetric"]').count() == 0, "a participant sees no counts"
        assert tab.locator(".js-plotly-plot").count() == 0, "a participant sees no results"
        assert tab.get_by_text("Kies eerst voor wie u hier spreekt").count() == 1
        assert tab.get_by_role("button", name="Stemmen versturen").count() == 0, "first: for whom"
        act(tab, lambda tab=tab, name=name: tab.get_by_text(speaks_for[name], exact=False).first.click())
        tab.get_by_role("button", name="Stemmen versturen").wait_for()
        assert tab.get_by_text("Wat betekenen de rollen?").count() == 1
        shot(tab, f"2_deelnemer_{name}_geopend")
        for question, index, role in votes:
            choose_in_group(tab, question, index, role)
        act(tab, lambda tab=tab: tab.get_by_role("button", name="Stemmen versturen").click())
        assert tab.get_by_text("3 stemmen opgeslagen").count() == 1
        if not scan_answers:
            assert tab.get_by_role("button", name="Zelfscan versturen").count() == 0, "a partner gets no zelfscan"
        else:
            for question, answer in scan_answers:
                choose_in_group(tab, question, 0, answer)
            act(tab, lambda tab=tab: tab.get_by_role("button", name="Zelfscan versturen").click())
            assert tab.get_by_text(f"{len(scan_answers)} antwoorden opgeslagen").count() == 1
        assert_clean(tab)
    shot(participants["A"], "2_deelnemer_gestemd")

    # B changes their mind: the new vote replaces the old one (still one vote per question)
    tab_b = participants["B"]
    choose_in_group(tab_b, NOW, 0, "Regisseur")
    act(tab_b, lambda: tab_b.get_by_role("button", name="Stemmen versturen").click())
    assert tab_b.get_by_text("3 stemmen opgeslagen").count() == 1

    # ------------------------------------------------ the facilitator's view counts by itself, shows nothing
    wait_metric(facilitator, "Deelnemers", "2")
    wait_metric(facilitator, "Stemmen", "6")
    wait_metric(facilitator, "Zelfscan ingevuld", "1")
    assert facilitator.locator(".js-plotly-plot").count() == 0, "no result before the reveal"
    assert_clean(facilitator)
    shot(facilitator, "3_begeleider_voor_tonen")

    # ------------------------------------------------ reveal: charts with the right counts
    act(facilitator, lambda: facilitator.get_by_role("button", name="Resultaten tonen").click())
    assert_clean(facilitator)
    facilitator.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 5")
    charts = {re.sub(r"<[^>]+>", "", c["title"].split("<br>")[0]): c for c in chart_data(facilitator)}
    assert metric_value(facilitator, "Stemmen") == "6"
    now = {t["name"]: t["x"] for t in charts[NOW]["traces"]}
    assert now == {"Regisseur": [2, 1]}, "visie: A and B (changed) regisseur; beleid: A regisseur"
    should = {t["name"]: t["x"] for t in charts[SHOULD]["traces"]}
    assert should == {"Regisseur": [1, 0], "Samenwerkingspartner": [1, 0], "Facilitator": [0, 1]}
    rows = charts[NOW]["traces"][0]["y"]
    assert all("inventaris: Regisseur" in row for row in rows), "every row names the inventory's role"
    assert not [t for t in charts if "thema" in t.lower()], "no merged score per theme"
    assert metric_value(facilitator, "Louweret: iedereen volmondig ja") == "1 van 8"  # A (bestuur): L1 ja, L6 nee
    answers_chart = {t["name"]: t["x"][0] for t in charts["Zelfscan: antwoorden per vraag"]["traces"]}
    assert answers_chart == {"Ja": 1, "Deels": 0, "Nee": 0}, "the first scan question: A ja (B is a partner)"
    assert facilitator.get_by_text("Ziet de partner dezelfde rol?").count() == 1
    shot(facilitator, "4_begeleider_resultaten")
    act(facilitator, lambda: facilitator.get_by_text("Alleen partners", exact=True).click())
    wait_metric(facilitator, "Deelnemers", "1")
    facilitator.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4")
    charts = {re.sub(r"<[^>]+>", "", c["title"].split("<br>")[0]): c for c in chart_data(facilitator)}
    assert {t["name"]: t["x"] for t in charts[NOW]["traces"]} == {"Regisseur": [1, 0]}, "B alone: visie regisseur"
    shot(facilitator, "4b_begeleider_alleen_partners")

    # the database agrees, and voting is closed for the participants
    with Store(database) as store:
        key = facilitator.locator('[data-testid="stCode"]', has_text="sleutel=").first.text_content().strip() \
            .split("sleutel=")[-1]
        results = wp.results(store, code, key)
    assert results.participants == 2 and int(results.votes["count"].sum()) == 6
    # the phones update by themselves (no tap, no reload)
    for tab in participants.values():
        tab.get_by_text("De stemming is gesloten", exact=False).wait_for(timeout=30_000)
        assert tab.locator(".js-plotly-plot").count() == 0
        assert tab.locator('[data-testid="stSidebar"]').count() == 0, "a participant has no navigation"
        assert tab.locator('[data-testid="stSidebarNav"], [data-testid="stSidebarCollapsedControl"]').count() == 0
    shot(participants["A"], "5_deelnemer_gesloten")

    # ------------------------------------------------ an outsider (another browser) sees no werkruimte
    outsider = new_tab(browser)
    open_url(outsider, server.url + "/werkruimtes")
    assert outsider.get_by_text("In deze sessie is nog geen werkruimte open", exact=False).count() == 1
    assert outsider.get_by_text("Gemeente Wadlo", exact=False).count() == 0
    outsider.locator('input[aria-label="Naam van de werkruimte"]').fill("Gemeente Wadlo")
    outsider.locator('input[aria-label="Werkruimtesleutel"]').fill("AAAA-BBBB-CCCC-DDDD-EEEE")
    act(outsider, lambda: outsider.get_by_role("button", name="Openen").click())
    outsider.get_by_text("de naam of de sleutel klopt niet", exact=False).wait_for(timeout=30_000)
    assert outsider.get_by_text(".sqlite3", exact=False).count() == 0, "no database path"
    shot(outsider, "6_buitenstaander")
    # with the key (which the facilitator saved) it opens
    outsider.locator('input[aria-label="Naam van de werkruimte"]').fill("gemeente wadlo")
    outsider.locator('input[aria-label="Werkruimtesleutel"]').fill(werkruimte_key)
    outsider.locator('input[aria-label="Werkruimtesleutel"]').press("Tab")  # focus on the eye icon: the form still sends it
    outsider.wait_for_function("k => document.querySelector('input[aria-label=\"Werkruimtesleutel\"]').value === k",
                               arg=werkruimte_key)
    act(outsider, lambda: outsider.get_by_role("button", name="Openen").click())
    shot(outsider, "7_buitenstaander_met_sleutel")
    outsider.get_by_text("Werkruimte 'Gemeente Wadlo' is geopend", exact=False).wait_for(timeout=30_000)
    for tab in (facilitator, outsider, *participants.values()):
        foreign = foreign_requests(tab, server.url)
        assert not foreign, f"the browser asked another host than the app's own: {foreign[:5]}"
        tab.context.close()

"""The HTML report: one self-contained file, offline, every chart interactive with its table, escaped.

Issue 4: "HTML report: one self-contained file that works offline (plotly.js inlined, nothing loaded
from the internet), with every chart interactive plus its table, to e-mail to a raad or college."
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pandas as pd
import plotly
import pytest
import ui_support as ui
from export_support import HOSTILE_NAMES, example_inventory, hostile_inventory

from regie import load_inventory
from regie import vocabulary as voc
from regie.analysis.filters import Filters, apply, describe
from regie.analysis.privacy import hide_names
from regie.charts import presentation as pres
from regie.export import html as export
from regie.formatting import nl_date

MOMENT = dt.datetime(2026, 11, 23, 14, 5)
EXTERNAL = re.compile(
    r"<script[^>]*\ssrc\s*=|<link\b|<iframe\b|<img\b|@import|url\(\s*['\"]?(?:https?:)?//|"
    r"\s(?:src|href)\s*=\s*['\"]?(?:https?:)?//",
    re.IGNORECASE,
)
"""Anything that would make the browser fetch something."""


def report(inv, filters: Filters | None = None, **kwargs: object) -> str:
    return export.report_html(inv, filters, moment=MOMENT, **kwargs)  # type: ignore[arg-type]


def markup(document: str) -> str:
    """The document without the inlined plotly.js bundle and the figures' JSON (the HTML we write)."""
    return re.sub(r"<script\b.*?</script>", "<script></script>", document, flags=re.DOTALL)


def test_nothing_is_loaded_from_outside() -> None:
    document = report(example_inventory())
    assert not EXTERNAL.search(markup(document))
    assert not re.search(r"<script[^>]*\ssrc\s*=", document, re.IGNORECASE)
    assert "<link" not in document.lower()


def test_plotly_is_inlined_once_and_every_chart_is_drawn() -> None:
    inv = example_inventory()
    document = report(inv)
    bundle_start = Path(plotly.__file__).parent.joinpath("package_data", "plotly.min.js").read_text()[:200]
    assert document.count(bundle_start) == 1
    charts = [s for s in pres.show_all(inv, "x") if s.chart is not None]
    assert document.count("Plotly.newPlot(") == len(charts) == len(pres.VIEWS)
    for view in pres.VIEWS:
        assert f'id="grafiek-{view.key}"' in document
    assert document.index(bundle_start) < document.index("Plotly.newPlot(")


def test_title_date_filters_and_every_view_with_explanation_and_table() -> None:
    filters = Filters(fase=("visie",), rol=("regisseur",))
    inv = apply(example_inventory(), filters)
    document = report(inv, filters, names_hidden=True, title="Gemeente Wadlo")
    assert '<html lang="nl">' in document and "<title>Gemeente Wadlo</title>" in document
    assert nl_date(MOMENT, long=True) in document
    assert describe(filters) in document and "verborgen" in document
    for shown in pres.show_all(inv, "x"):
        view = shown.view
        assert f'<section id="{view.key}"' in document
        assert export.html.escape(view.explanation) in document
        if shown.chart is not None:
            assert f"<caption>{export.html.escape(shown.chart.title)}</caption>" in document
            assert export.html.escape(shown.chart.notes, quote=True) in document
    assert voc.SCHEMA_TITLES[3] in document


def test_tables_hold_the_chart_data() -> None:
    inv = example_inventory()
    document = report(inv)
    chart = pres.VIEW_BY_KEY["rol_per_fase"].chart(inv, "x")
    section = document[document.index('<section id="rol_per_fase"'):document.index('<section id="rolpaden"')]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", section)
    expected = [str(v) if not isinstance(v, str) else v for row in chart.table.values.tolist() for v in row]
    assert cells == expected


@pytest.mark.parametrize("text", [*HOSTILE_NAMES, "=1+1", "a & b", '"quoted"'])
def test_table_cells_are_escaped(text: str) -> None:
    table = pd.DataFrame({"<th>kop</th>": [text], "Getal": [1234]})
    rendered = export.table_html(table, "<caption>")
    assert export.html.escape(text, quote=True) in rendered
    assert "<th>kop</th>" not in rendered and "&lt;th&gt;kop&lt;/th&gt;" in rendered
    assert "<img" not in rendered and "<script" not in rendered and "<b>" not in rendered
    assert '<td class="getal">1.234</td>' in rendered


def test_hostile_names_stay_text() -> None:
    inv = hostile_inventory()
    document = report(inv, title="<script>alert('titel')</script>")
    html_part = markup(document)
    assert "<b>gemeente</b>" not in html_part
    assert "&lt;b&gt;gemeente&lt;/b&gt; &amp; =inventaris.xlsx" in html_part
    assert "<script>alert" not in document
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;" in html_part
    assert not EXTERNAL.search(html_part)


@pytest.mark.parametrize("builder", [ui.one_project_xlsx, ui.no_partners_xlsx, ui.no_roles_xlsx,
                                     ui.all_unknown_xlsx, ui.header_only_xlsx])
def test_degenerate_inventories_explain_what_is_missing(builder) -> None:
    inv = load_inventory(builder(), "x.xlsx")
    document = report(inv)
    for view in pres.VIEWS:
        message = view.missing(inv)
        if message is not None:
            assert export.html.escape(message) in document
    assert document.count("Plotly.newPlot(") == sum(v.missing(inv) is None for v in pres.VIEWS)


def test_hidden_names_are_not_in_the_report() -> None:
    full = load_inventory(ui.named_partners_xlsx(), "x.xlsx")
    document = report(hide_names(full), names_hidden=True)
    for name in (*ui.PARTNER_NAMES, *ui.PERSON_NAMES):
        assert name not in document


def test_file_name() -> None:
    assert export.file_name(example_inventory(), dt.date(2026, 11, 23)) == "voorbeeld_inventaris-rapport-23-11-2026.html"


@pytest.mark.browser
def test_report_works_offline_in_chromium(tmp_path: Path) -> None:
    """Headless Chromium opens the file with every non-file request aborted: all charts draw, no errors."""
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("chromium is not installed")
    path = tmp_path / "rapport.html"
    inv = hostile_inventory()
    path.write_text(report(inv), encoding="utf-8")
    blocked: list[str] = []
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()

        def route(request_route) -> None:
            if request_route.request.url.startswith("file://"):
                request_route.continue_()
            else:
                blocked.append(request_route.request.url)
                request_route.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= "
            f"{sum(v.missing(inv) is None for v in pres.VIEWS)}", timeout=30_000,
        )
        drawn = page.locator(".js-plotly-plot").count()
        heading = page.locator("h1").inner_text()
        browser.close()
    assert blocked == [] and errors == []
    assert drawn == sum(v.missing(inv) is None for v in pres.VIEWS)
    assert heading == "Regierol per fase — <b>gemeente</b> & =inventaris.xlsx"


def test_sources_and_the_apps_own_readings_are_marked() -> None:
    document = report(example_inventory())
    for code in ("role_order", "skills", "element_coverage", "schema3_for_all"):
        assert html.escape(voc.READINGS[code].note) in document, code
    assert document.count('class="hulpmiddel"') >= 4
    assert "Waar de vier elementen van regie ontbreken" in document
    assert html.escape(voc.cite("movisie", "Schema 3 (het uitgewerkte voorbeeld van Breda)")) in document
    assert html.escape(voc.sources.SCHEMA3_EXAMPLE) in document

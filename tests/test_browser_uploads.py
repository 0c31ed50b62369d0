"""One upload must never take the server down (issue: every workbook parsed in a bounded worker).

On one running server, a user uploads crafted files in a real browser; after each, a second browser
context (another user) still gets its page, and the server's own memory hardly grows: the parsing
happens in a child process that ends with the parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hostile
import psutil
import pytest
from browser_support import (
    StreamlitServer,
    act,
    exception_count,
    heading,
    launch,
    metric_value,
    new_page,
    open_url,
    upload,
)
from ui_support import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "tests" / "_artifacts"
GROWTH_LIMIT_MIB = 250
"""How much the server process may grow over all the hostile uploads together (the parse itself
happens in a child; what is left is Streamlit's own upload buffers and caches)."""

UPLOADS = (
    ("onderdeel.xlsx", hostile.dimension_bomb_sheet_part_named("xl/worksheets/sheet1.dat"), "te groot"),
    ("zonder-verwijzing.xlsx", hostile.referenceless_far_cells_xlsx, "te groot"),
    ("zonder-verwijzing-2000.xlsx", hostile.referenceless_rows_2000_xlsx, "te groot"),
    ("herhaling.ods", hostile.repeat_bomb_ods, "te groot"),
    ("ver-weg.xlsb", hostile.dimension_bomb_xlsb, "geheugen"),
    ("bijna-50mb.csv", hostile.csv_near_upload_limit, "te groot"),
)


@pytest.fixture(scope="module")
def server() -> Iterator[StreamlitServer]:
    instance = StreamlitServer(log_path=ARTIFACTS / "streamlit_server_uploads.log").start()
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def browser(server: StreamlitServer) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


def _rss_mib(server: StreamlitServer) -> float:
    assert server.process is not None
    return psutil.Process(server.process.pid).memory_info().rss / 1024 / 1024


def test_hostile_uploads_are_refused_and_hurt_no_one(server: StreamlitServer, browser: Any) -> None:
    attacker = new_page(browser)
    other = new_page(browser)
    try:
        open_url(other, server.url + "/")
        open_url(attacker, server.url + "/inventaris")
        before = _rss_mib(server)
        for name, build, words in UPLOADS:
            upload(attacker, name, build())
            shown = attacker.locator('[data-testid="stAlert"]').all_inner_texts()
            assert any("niet geladen" in text and words in text for text in shown), (name, [t for t in shown if "geladen" in t])
            assert exception_count(attacker) == 0
            assert "voorbeeld" in attacker.locator('[data-testid="stSidebar"]').inner_text(), \
                "the example stays loaded after a refusal"
            assert server.process is not None and server.process.poll() is None, f"the server died on {name}"
            lost = other.get_by_text("Geen verbinding").count() + other.get_by_text("Connection error").count()
            assert lost == 0 and heading(other) == "Overzicht", f"the other user lost the page after {name}"
        act(other, lambda: other.reload())  # and a fresh page load still gets everything
        assert heading(other) == "Overzicht"
        assert metric_value(other, "Projecten") == "30"
        assert server.process is not None and server.process.poll() is None, "the server is still running"
        grown = _rss_mib(server) - before
        assert grown < GROWTH_LIMIT_MIB, f"the server grew {grown:.0f} MiB over the hostile uploads"
    finally:
        attacker.context.close()
        other.context.close()


STREAMLIT_ENGLISH = ("Drag and drop", "Browse files", "per file", "Limit ")


def test_a_rejected_upload_gets_one_dutch_sentence_in_view(server: StreamlitServer, browser: Any) -> None:
    """A file that is no inventory, then one over 50 MB: each gets one Dutch sentence on the page (not
    a tooltip), the previous one goes, and the uploader itself speaks Dutch."""
    page = new_page(browser)
    try:
        open_url(page, server.url + "/inventaris")
        dropzone = page.locator('[data-testid="stFileUploaderDropzone"]')
        page.wait_for_function(
            "() => document.querySelector('[data-testid=stFileUploaderDropzone]').innerText.includes('Bestand kiezen')")
        shown = dropzone.inner_text()
        assert "Tot 50 MB per bestand" in shown
        assert not [word for word in STREAMLIT_ENGLISH if word in shown], shown

        def refusals() -> list[str]:
            return [t for t in page.locator('[data-testid="stAlert"]').all_inner_texts() if "niet geladen" in t]

        upload(page, "notities.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
        [first] = refusals()
        assert "PDF-document" in first and page.get_by_text("PDF-document", exact=False).first.is_visible()
        upload(page, "groot.csv", b"Projectnaam;Fase\n" + b"x" * (51 * 1024 * 1024))
        [second] = refusals()
        assert "hooguit 50,0 MB" in second, second
        assert "PDF" not in second, "the previous file's message is gone"
        assert exception_count(page) == 0
        assert "voorbeeld" in page.locator('[data-testid="stSidebar"]').inner_text()
    finally:
        page.context.close()

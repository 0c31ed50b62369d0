"""Safe text for the files we write (regie.export.safe), download names and PNG pictures of charts."""

from __future__ import annotations

import datetime as dt

import pytest
from export_support import example_inventory

from regie.charts.roles import roles_per_phase_bars
from regie.export import png
from regie.export.names import export_name
from regie.export.safe import chart_label, starts_like_formula, xml_text


@pytest.mark.parametrize(("text", "label"), [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "' x"),
    ("\rx", "' x"), ("{=1+1}", "'{=1+1}"), ("http://evil.example", "'http://evil.example"),
    ("mailto:a@b.nl", "'mailto:a@b.nl"), ("Regisseur", "Regisseur"), ("A – Visie", "A – Visie"),
    ("regel\nnieuw", "regel nieuw"), ("bel\x07", "bel"), ("", ""), (None, ""), (12, "12"),
])
def test_chart_label(text: object, label: str) -> None:
    assert chart_label(text) == label


@pytest.mark.parametrize(("text", "formula"), [
    ("=A1", True), ("+31 6", True), ("-", True), ("@x", True), ("\t", True), ("\r", True),
    ("a=b", False), (" =x", False), ("", False),
])
def test_starts_like_formula(text: str, formula: bool) -> None:
    assert starts_like_formula(text) is formula


def test_xml_text_keeps_tab_and_newlines_only() -> None:
    assert xml_text("a\x00b\x0bc\td\ne\rf\ufffe") == "abc\td\ne\rf"


@pytest.mark.parametrize(("source", "expected"), [
    ("voorbeeld_inventaris.xlsx", "voorbeeld_inventaris-rapport-01-02-2026.html"),
    ("<img src=x>.xlsx", "img-src-x-rapport-01-02-2026.html"),
    ("../../etc/passwd", "passwd-rapport-01-02-2026.html"),
    ("", "inventaris-rapport-01-02-2026.html"),
    ("Inventaris gemeente Wadlo 2026.ods", "Inventaris-gemeente-Wadlo-2026-rapport-01-02-2026.html"),
])
def test_export_name_is_safe(source: str, expected: str) -> None:
    assert export_name(source, "rapport", "html", dt.date(2026, 2, 1)) == expected


def test_png_is_none_without_a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/bestaat/niet/chromium")
    assert png.browser_path() is None and not png.png_available()
    assert png.chart_png(roles_per_phase_bars(example_inventory(), "x")) is None


@pytest.mark.slow
def test_png_of_a_chart_with_the_system_chromium() -> None:
    if not png.png_available():
        print("Geen Chromium voor kaleido: de PNG-controle is overgeslagen")
        pytest.skip("no Chrome/Chromium for kaleido")
    data = png.chart_png(roles_per_phase_bars(example_inventory(), "Alle projecten"), width=800, scale=1)
    assert data is not None and data.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(data[16:20], "big")
    assert width == 800


@pytest.mark.slow
def test_pictures_asked_for_at_once_each_get_their_own() -> None:
    """One browser serves every session: two pictures at the same time never swap."""
    import threading

    if not png.png_available():
        pytest.skip("no Chrome/Chromium for kaleido")
    chart = roles_per_phase_bars(example_inventory(), "Alle projecten")
    widths: dict[int, int] = {}

    def draw(width: int) -> None:
        data = png.chart_png(chart, width=width, scale=1)
        widths[width] = int.from_bytes(data[16:20], "big") if data else -1

    threads = [threading.Thread(target=draw, args=(w,)) for w in (640, 720, 800)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert widths == {640: 640, 720: 720, 800: 800}


def test_a_failed_picture_closes_the_browser_so_the_next_starts_a_new_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import threading

    class Broken:
        async def calc_fig(self, *_args: object, **_kwargs: object) -> bytes:
            raise RuntimeError("browser gone")

        async def close(self) -> None:
            return None

    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    renderer = png._Renderer()
    monkeypatch.setattr(renderer, "_start", lambda _path: (loop, Broken()))
    monkeypatch.setattr(png, "_renderer", renderer)
    monkeypatch.setattr(png, "browser_path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(png.importlib.util, "find_spec", lambda _name: object())
    assert png.figure_png(roles_per_phase_bars(example_inventory(), "x").figure) is None
    assert renderer._running is None, "the broken browser is let go"

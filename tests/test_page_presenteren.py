"""AppTest of pages/presenteren.py on its own: one view at a time, next/previous, filters, hidden names,
degenerate inventories and hostile names."""

from __future__ import annotations

from pathlib import Path

import pytest
import realistic
from ui_support import (
    DEGENERATE,
    EXAMPLE_BANNER,
    HOSTILE_FILE_NAME,
    PARTNER_NAMES,
    PERSON_NAMES,
    app_test,
    chart_titles,
    exceptions,
    metrics,
    named_partners_xlsx,
    rendered,
)

from regie import load_inventory
from regie.charts import presentation as pres

PAGE = Path(__file__).resolve().parents[1] / "pages" / "presenteren.py"
TITLES = [v.title for v in pres.VIEWS]


def run(upload: tuple[bytes, str] | None = None, **state: object):
    return app_test(PAGE, upload=upload, state=state).run()


def header(at) -> str:
    return at.header[0].value


def test_example_opens_on_the_overview() -> None:
    at = run()
    assert not at.exception, exceptions(at)
    assert [t.value for t in at.title] == ["Presenteren"]
    assert EXAMPLE_BANNER in [i.value for i in at.info]
    assert header(at) == f"1/{len(TITLES)} · Overzicht"
    shown = metrics(at)
    assert shown["Projecten"] == "30" and shown["Partners"] == "28" and shown["Teamleden"] == "8"
    (title,) = chart_titles(at)
    assert title.startswith("Overzicht: projecten per fase") and "Alle projecten" in title
    assert pres.VIEWS[0].explanation in [m.value for m in at.markdown]


def test_next_and_previous_walk_the_sequence() -> None:
    at = run()
    assert at.button(key="presenteren_vorige").disabled
    for number, title in enumerate(TITLES[1:], start=2):
        at.button(key="presenteren_volgende").click().run()
        assert not at.exception, exceptions(at)
        assert header(at) == f"{number}/{len(TITLES)} · {title}"
        (chart,) = chart_titles(at)
        assert chart
    assert at.button(key="presenteren_volgende").disabled
    at.button(key="presenteren_vorige").click().run()
    assert header(at).endswith(TITLES[-2])


def test_choose_a_view_directly() -> None:
    at = run()
    at.session_state["presenteren_view"] = "vaardigheden"
    at.run()
    assert not at.exception, exceptions(at)
    assert header(at).endswith("Regievaardigheden")
    assert chart_titles(at)[0].startswith("Aanbod in het team per vaardigheid")


def test_charts_are_large_for_the_projector() -> None:
    at = run()
    spec = rendered(at).plotly[0]
    assert spec["layout"]["font"]["size"] == pres.PROJECTOR_FONT
    assert spec["layout"]["height"] >= pres.PROJECTOR_HEIGHT


def test_filters_reach_the_view() -> None:
    at = run(filter_fase=["visie"], filter_rol=["regisseur"])
    assert not at.exception, exceptions(at)
    expected = "Filter: fase Visie · rol Regisseur"
    assert any(expected in t for t in chart_titles(at))
    inv = load_inventory(Path(__file__).resolve().parents[1] / "data" / "voorbeeld_inventaris.xlsx")
    from regie.analysis.filters import Filters, apply

    assert metrics(at)["Projecten"] == str(len(apply(inv, Filters(fase=("visie",), rol=("regisseur",))).projects))


def test_uploaded_fixture() -> None:
    at = run((realistic.partners_xlsx(), "partners.xlsx"))
    assert not at.exception, exceptions(at)
    assert metrics(at)["Projecten"] == "4"
    at.session_state["presenteren_view"] = "partners"
    at.run()
    assert not at.exception, exceptions(at)
    assert chart_titles(at)[0].startswith("Soorten partners per fase")


@pytest.mark.parametrize("name", list(DEGENERATE))
def test_degenerate_inventories_show_what_is_missing(name: str) -> None:
    data = DEGENERATE[name]()
    inv = load_inventory(data, "x.xlsx")
    at = run((data, "x.xlsx"))
    for view in pres.VIEWS:
        at.session_state["presenteren_view"] = view.key
        at.run()
        assert not at.exception, (view.key, exceptions(at))
        message = view.missing(inv)
        if message is None:
            assert len(chart_titles(at)) == 1, view.key
        else:
            assert message in [i.value for i in at.info], view.key
            assert chart_titles(at) == []


def test_hidden_names_never_reach_the_page() -> None:
    at = run((named_partners_xlsx(), "namen.xlsx"), namen_verbergen=True)
    for view in pres.VIEWS:
        at.session_state["presenteren_view"] = view.key
        at.run()
        assert not at.exception, exceptions(at)
        text = rendered(at).all_text()
        for name in (*PARTNER_NAMES, *PERSON_NAMES):
            assert name not in text, (view.key, name)


def test_hostile_file_name_stays_text() -> None:
    """The file name reaches Markdown only backslash-escaped, and plotly only with < escaped."""
    at = run((realistic.title_rows_xlsx(), HOSTILE_FILE_NAME))
    assert not at.exception, exceptions(at)
    shown = rendered(at)
    for where, text in shown.markup:
        for needle in ("<img", "**vet**"):
            start = text.find(needle)
            while start != -1:
                assert text[:start].endswith("\\"), (where, text)
                start = text.find(needle, start + 1)
    assert shown.markup_containing("\\<img")
    assert "<img" not in "".join(chart_titles(at)) and "&lt;img" in "".join(chart_titles(at))


EXPORT_LABELS = ("PowerPoint (bewerkbare grafieken)", "HTML-rapport (werkt offline)", "Verrijkte inventaris (Excel)")


def test_an_export_is_made_on_request_then_offered() -> None:
    at = run()
    assert {f"{label} maken" for label in EXPORT_LABELS} <= {b.label for b in at.button}
    assert not at.get("download_button"), "nothing is made before the user asks"
    at = at.button(key="presenteren_download_pptx_maken").click().run()
    assert not exceptions(at)
    downloads = [b for b in at.get("download_button") if b.proto.label == "PowerPoint downloaden"]
    assert len(downloads) == 1 and downloads[0].proto.url, "the deck is offered"


def test_a_failed_export_says_so_and_offers_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from regie.export import pptx

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise ValueError("kapot")

    monkeypatch.setattr(pptx, "deck_bytes", broken)
    at = run().button(key="presenteren_download_pptx_maken").click().run()
    assert not exceptions(at)
    assert any("Het maken van de presentatie is mislukt" in e.value for e in at.error)
    assert not at.get("download_button"), "no broken file is offered"

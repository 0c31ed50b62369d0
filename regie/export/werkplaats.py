"""A werkplaats' outcome as files: the votes beside the inventory, the gemeente's and the partners' view
side by side, the group's zelfscan and the agreements (wie, wat, welke fase, wanneer).

XLSX: one sheet per table plus a Toelichting; PPTX: editable native charts of the votes and native tables.
Both are made from :class:`regie.instruments.werkplaats.Results` (only after the reveal, with the
facilitator key) and the werkplaats' agreements; user text is formula- and XML-safe as in every export.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from regie import vocabulary as voc
from regie.charts import werkplaats as charts
from regie.export import pptx, xlsx
from regie.export.names import export_name
from regie.formatting import nl_count, nl_date, nl_int
from regie.instruments import afspraken as agreements
from regie.instruments import werkplaats as wp
from regie.instruments import zelfscan as scan

SHEET_SUMMARY = "Uitslag"
SHEET_SIDES = "Gemeente en partners"
SHEET_SCAN = "Zelfscan"
SHEET_AGREEMENTS = "Afspraken"
MOVISIE_WERKPLAATS = voc.cite("movisie", "hoofdstuk 3, de praktijkwerkplaatsen")


def _participants_line(res: wp.Results) -> str:
    sides = ", ".join(f"{voc.GROUP_LABELS[g].lower()} {nl_int(res.participants_by_group.get(g, 0))}"
                      for g in voc.GROUP_CODES)
    unknown = res.participants_by_group.get(voc.UNKNOWN, 0)
    said = f"; {nl_int(unknown)} zei niet voor wie" if unknown else ""
    return f"{nl_count(res.participants, 'deelnemer', 'deelnemers')} ({sides}{said})"


def _scan_table(res: wp.Results) -> pd.DataFrame:
    dist = wp.scan_distribution(res)
    return pd.DataFrame({
        "Lijst": [scan.SOURCE_LABELS[s] for s in dist["source"]],
        "Vraag": dist["item"], "Tekst": dist["question"],
        **{voc.ANSWER_LABELS[a]: dist[a] for a in wp.SCAN_ANSWERS},
        "Voor": [scan.AUDIENCE_WORDS[s] for s in dist["source"]],
    })


def _notes(res: wp.Results, moment: dt.datetime) -> list[list[object]]:
    werkplaats = res.werkplaats
    rows: list[list[object]] = [
        ["Werkplaats", werkplaats.title],
        ["Werkruimte", werkplaats.werkruimte],
        ["Inventaris", werkplaats.source or "—"],
        ["Gemaakt", nl_date(moment, long=True)],
        ["Deelnemers", _participants_line(res)],
        [SHEET_SUMMARY, "Per project en fase de rol die de inventaris noemt naast wat de deelnemers stemden: welke "
         "rol de gemeente nu speelt en welke ze zou moeten spelen. ‘Eens met de inventaris’: het deel van de "
         "stemmen op ‘speelt nu’ voor de rol uit de inventaris; ‘Wil verandering’: het deel van de stemmen op "
         "‘zou moeten’ voor een andere rol."],
        [SHEET_SIDES, "Dezelfde stemmen, gesplitst naar wie de deelnemer zei te vertegenwoordigen: de gemeente "
         "(bestuur of ambtelijke organisatie) of een samenwerkingspartner. ‘Zelfde rol’ is Ja als een rol bij "
         "beide kanten de meeste stemmen kreeg."],
        [SHEET_AGREEMENTS, "De afspraken waarmee de werkplaats eindigde: wie, wat, in welke fase en wanneer. "
         f"{voc.sources.WERKPLAATS_QUOTE}"],
        ["Bron", f"{MOVISIE_WERKPLAATS}."],
    ]
    if werkplaats.scan:
        rows.insert(-1, [SHEET_SCAN, "Louwerets acht vragen (aan het bestuur) en Oosterhofs acht punten van "
                         "voorbereiding (aan de gemeente), nooit tot één score opgeteld; partners beantwoorden "
                         f"ze niet. {scan.SOURCES[scan.LOUWERET]}. {scan.SOURCES[scan.OOSTERHOF]}."])
    return rows


def workbook_bytes(res: wp.Results, items: list[agreements.Afspraak], moment: dt.datetime | None = None) -> bytes:
    """The werkplaats' outcome as .xlsx bytes (see the module docstring)."""
    moment = moment or dt.datetime.now()
    book = xlsx.new_book()
    wide = {"Project": 40.0, "Rol in de inventaris": 24.0}
    xlsx.write_frame(book, SHEET_SUMMARY, charts.summary_table(res), wide)
    xlsx.write_frame(book, SHEET_SIDES, charts.perspective_table(res), wide)
    if res.werkplaats.scan:
        xlsx.write_frame(book, SHEET_SCAN, _scan_table(res), {"Tekst": 80.0, "Voor": 30.0})
    table = agreements.table(items)
    table["Wanneer"] = [a.wanneer for a in items]  # a real date in Excel
    xlsx.write_frame(book, SHEET_AGREEMENTS, table, {"Wie": 24.0, "Wat": 60.0, "Project": 36.0, "Werkplaats": 30.0})
    xlsx.write_notes(book, _notes(res, moment))
    return xlsx.book_bytes(book, f"Werkplaats {res.werkplaats.title}")


def deck_bytes(res: wp.Results, items: list[agreements.Afspraak], moment: dt.datetime | None = None) -> bytes:
    """The werkplaats' outcome as .pptx bytes with native, editable charts and tables."""
    moment = moment or dt.datetime.now()
    werkplaats = res.werkplaats
    prs = pptx.new_deck(f"Werkplaats {werkplaats.title}")
    source = f"{MOVISIE_WERKPLAATS}."
    pptx.text_slide(prs, werkplaats.title, [
        f"Werkplaats · {nl_date(moment, long=True)}", f"Werkruimte {werkplaats.werkruimte}",
        _participants_line(res), voc.sources.WERKPLAATS_QUOTE + " (MOVISIE)",
    ], [source])
    for question in wp.QUESTIONS:
        spec = charts.votes_native(res, question)
        if spec.empty:
            continue
        pptx.chart_slide(prs, wp.QUESTIONS[question], spec,
                         "Stemmen per project en fase, gestapeld naar rol (alle deelnemers).",
                         [wp.QUESTIONS[question], _participants_line(res), source])
    if werkplaats.items:
        summary = charts.summary_table(res)[["Project", "Fase", "Rol in de inventaris", "Meeste stemmen: speelt nu",
                                             "Meeste stemmen: zou moeten"]]
        pptx.table_slides(prs, "Rol van de gemeente: stemmen naast de inventaris", summary,
                          "De rol in de inventaris naast de rol met de meeste stemmen.", [source])
        sides = charts.perspective_table(res)
        pptx.table_slides(prs, "Ziet de partner dezelfde rol?",
                          sides[["Project", "Fase", *[c for c in sides.columns if c.endswith("speelt nu")]]],
                          "Welke rol de gemeente nu speelt, volgens de gemeente en volgens de partners.",
                          ["‘Zelfde rol’ is Ja als een rol bij beide kanten de meeste stemmen kreeg.", source])
    if werkplaats.scan:
        pptx.table_slides(prs, "Zelfscan van de groep", _scan_table(res)[["Lijst", "Tekst", *(voc.ANSWER_LABELS[a] for a in wp.SCAN_ANSWERS)]],
                          "Aantal deelnemers per antwoord; Louweret aan het bestuur, Oosterhof aan de gemeente.",
                          [scan.SOURCES[scan.LOUWERET], scan.SOURCES[scan.OOSTERHOF]])
    pptx.table_slides(prs, "Afspraken", agreements.table(items)[["Wie", "Wat", "Fase", "Wanneer", "Project"]],
                      "Wie doet wat, in welke fase en wanneer.", [voc.sources.WERKPLAATS_QUOTE, source])
    return pptx.deck_to_bytes(prs)


def file_name(werkplaats: wp.Werkplaats, extension: str, moment: dt.date | None = None) -> str:
    """``werkplaats-<title>-<date>.<ext>``."""
    return export_name(f"werkplaats {werkplaats.title}", "uitkomst", extension, moment)


__all__ = ["deck_bytes", "file_name", "workbook_bytes"]

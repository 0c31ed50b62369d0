"""The working aids of a werkruimte as an Excel workbook: per project how far each checklist is, per task the
totals over the inventory, every answer with its note, and the interne regie per project.

Made from the stored answers (:func:`regie.instruments.werkhulpen.all_answers`) and the inventory the user
sees (filtered); user text is formula- and XML-safe as in every export.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from regie.export import xlsx
from regie.export.names import export_name
from regie.formatting import nl_date
from regie.instruments import werkhulpen as aids
from regie.model import Inventory

SHEETS: tuple[str, ...] = ("Per project", "Per taak", "Antwoorden", "Interne regie", "Toelichting")


def workbook_bytes(stored: pd.DataFrame, inv: Inventory, werkruimte: str, moment: dt.datetime | None = None) -> bytes:
    """The workbook (sheets :data:`SHEETS`) for the projects of ``inv``."""
    moment = moment or dt.datetime.now()
    book = xlsx.new_book()
    xlsx.write_frame(book, SHEETS[0], aids.per_project(stored, inv), {"Project": 40.0})
    xlsx.write_frame(book, SHEETS[1], aids.totals(stored, inv.projects["project"]),
                     {"Lijst": 30.0, "Niveau": 40.0, "Taak": 70.0})
    xlsx.write_frame(book, SHEETS[2], aids.detail(stored, inv),
                     {"Project": 36.0, "Lijst": 30.0, "Niveau": 36.0, "Vraag": 60.0, "Toelichting": 60.0})
    xlsx.write_frame(book, SHEETS[3], aids.internal_regie(inv).drop(columns=["project"]),
                     {"Project": 40.0, "Welke": 40.0, "Melding": 60.0})
    notes: list[list[object]] = [
        ["Werkruimte", werkruimte],
        ["Inventaris", inv.file],
        ["Gemaakt", nl_date(moment, long=True)],
        *(list[object]([aids.AID_TITLES[aid], aids.AID_SOURCES[aid] + "."]) for aid in aids.AID_TITLES),
        ["Interne regie", "Het aantal afdelingen of portefeuillehouders dat de inventaris per project noemt "
         "(kolom Afdelingen). Een project in beleid of uitvoering zonder afdeling krijgt een melding: wie spreekt "
         "er namens de gemeente (‘met één mond spreken’, MOVISIE)?"],
    ]
    xlsx.write_notes(book, notes)
    return xlsx.book_bytes(book, f"Werkhulpen {werkruimte}")


def file_name(inv: Inventory, moment: dt.date | None = None) -> str:
    """``<stem>-werkhulpen-<date>.xlsx``."""
    return export_name(inv.file, "werkhulpen", "xlsx", moment)


__all__ = ["SHEETS", "file_name", "workbook_bytes"]

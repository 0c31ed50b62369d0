"""Inventories and process workers for the storage, compare and werkruimte CLI tests.

Workbooks are built in code (see ``realistic.py``) so a reader sees exactly what is stored. The
workers run in separate processes (multiprocessing, see :func:`process_context`): they must be
importable functions.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import time
from multiprocessing.context import BaseContext
from typing import Any

import pandas as pd
import xlwt
from realistic import Sheet, xlsx

PRELOAD = ["storage_fixtures", "regie.storage", "regie.mapping", "regie.analysis", "regie.reading"]
"""Imported once by the fork server, so that each worker starts in milliseconds, not seconds."""


def process_context(*modules: str) -> BaseContext:
    """Where the workers start: a fork server that has imported ``regie`` (and ``modules``, where the
    workers live) once — a clean process, not a fork of pytest — so eight workers do not pay
    pandas' import eight times."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([*PRELOAD, *modules])
    return ctx


# --------------------------------------------------------------------------------------------
# An inventory full of personal data
# --------------------------------------------------------------------------------------------

TREKKERS = ("Anneke Zwartveld", "Bartholomeus Quist")
SECOND_LEADER = "Cornelis Ypma"
"""In a second trekker-like column ("Projectleider"), kept as an extra column."""
PHONE = "06-98765432"
CONTACTS = ("Dirkje Wouterse", "evert.vlaanderen@example.org")
TEAM = ("Femke Uitenbroek", "Gijsbert Terlouw")
LIST_NAME = "Hendrika Stuivenberg"
"""On a sheet that is not read as a table ("Contactlijst")."""
PERSONAL_VALUES: tuple[str, ...] = (*TREKKERS, SECOND_LEADER, PHONE, *CONTACTS, *TEAM, LIST_NAME)

PROJECT_HEADER = ["ID", "Projectnaam", "Fase", "Element", "Rol", "Trekker", "Projectleider", "Telefoon"]
PROJECT_ROWS: list[list[Any]] = [
    ["P1", "Buurtkamer West", "Uitvoering", "B", "Facilitator", TREKKERS[0], SECOND_LEADER, PHONE],
    ["P2", "Woonvisie 2030", "Visie", "A", "Regisseur", TREKKERS[1], None, None],
    ["P2", "Woonvisie 2030", "Beleid", "A", "Regisseur", None, None, None],
    ["P3", "Mantelzorgbeleid", "afronding", "C", "Opdrachtgever", TREKKERS[0], None, None],
]
"""Excel rows 2–5; the Trekker of P2 (F3) is merged over F3:F4; P3 has an unknown phase."""


def personal_sheets() -> list[Sheet]:
    """Projects with trekkers (one merged over two rows), partners with contacts, a team, a contact list."""
    return [
        Sheet("Projecten", [PROJECT_HEADER, *PROJECT_ROWS], merges=["F3:F4"]),
        Sheet("Partners", [
            ["Naam", "Type", "Contactpersoon"],
            ["Woonstichting Wadlo", "Woningcorporatie", CONTACTS[0]],
            ["GGD Veenland", "GGD", CONTACTS[1]],
        ]),
        Sheet("Team", [
            ["Naam", "Vaardigheid", "Niveau"],
            [TEAM[0], "Netwerken", 4],
            [TEAM[0].lower(), "Verbinden", 3],
            [TEAM[1], "Sturen", 2],
        ]),
        Sheet("Contactlijst", [["Wie", "Telefoon"], [LIST_NAME, "06-11112222"]]),
        Sheet("Lijsten", [["Visie"], ["Beleid"], ["Uitvoering"]], hidden=True),
    ]


def personal_xlsx() -> bytes:
    """The inventory with personal data as .xlsx."""
    return xlsx(personal_sheets())


def personal_csv() -> bytes:
    """The projects table as Dutch Excel CSV (``;``, Windows-1252), trekkers included."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(PROJECT_HEADER)
    for row in PROJECT_ROWS:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode("cp1252")


def personal_ods() -> bytes:
    """Projects and team as .ods (pandas with odfpy)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        pd.DataFrame(PROJECT_ROWS, columns=PROJECT_HEADER).to_excel(writer, sheet_name="Projecten", index=False)
        pd.DataFrame([[TEAM[0], "Netwerken"], [TEAM[1], "Sturen"]], columns=["Naam", "Vaardigheid"]).to_excel(
            writer, sheet_name="Team", index=False)
    return buffer.getvalue()


def personal_xls() -> bytes:
    """Projects and partners as old .xls (xlwt)."""
    workbook = xlwt.Workbook(encoding="utf-8")
    sheets = {
        "Projecten": [PROJECT_HEADER, *PROJECT_ROWS],
        "Partners": [["Naam", "Type", "Contactpersoon"], ["GGD Veenland", "GGD", CONTACTS[0]]],
    }
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def marker_csv(marker: str, projects: int = 3) -> bytes:
    """A plain UTF-8 CSV whose project names carry ``marker`` (stored uncompressed: findable in the file)."""
    lines = ["Projectnaam;Fase;Rol"]
    lines += [f"{marker} project {i};Uitvoering;Regisseur" for i in range(1, projects + 1)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def numbered_xlsx(projects: int, tag: str = "") -> bytes:
    """An inventory with ``projects`` projects (one of them with the unknown phase "afronding")."""
    rows: list[list[Any]] = [["Projectnaam", "Fase", "Element", "Rol"]]
    for i in range(1, projects + 1):
        rows.append([f"Project {tag}{i}", "afronding" if i == 1 else "Beleid", "B", "Regisseur"])
    return xlsx([Sheet("Projecten", rows)])


# --------------------------------------------------------------------------------------------
# "voor" and "na": two known inventories of one gemeente
# --------------------------------------------------------------------------------------------

COMPARE_HEADER = ["ID", "Projectnaam", "Fase", "Element", "Rol visie", "Rol beleid", "Rol uitvoering"]


def voor_rows() -> list[list[Any]]:
    """Before the workshop."""
    return [
        ["P1", "Buurtkamer West", "Uitvoering", "B", None, None, "Facilitator"],
        ["P2", "Woonvisie 2030", "Visie", "A", "Regisseur", None, None],
        ["P3", "Mantelzorgbeleid", "Beleid", "C", None, "Opdrachtgever", None],
        ["P4", "Sportakkoord", "Beleid; Uitvoering", "D", None, "Partner", "Partner"],
    ]


def na_rows() -> list[list[Any]]:
    """After: P2 also in beleid (as regisseur), P3 gone, P4 renamed and regisseur in uitvoering, P5 new."""
    return [
        ["P1", "Buurtkamer West", "Uitvoering", "B", None, None, "Facilitator"],
        ["P2", "Woonvisie 2030", "Visie; Beleid", "A", "Regisseur", "Regisseur", None],
        ["P4", "Sportakkoord Wadlo", "Beleid; Uitvoering", "D", None, "Partner", "Regisseur"],
        ["P5", "Wijkteam Noord", "Uitvoering", "B", None, None, "Zelf doen"],
    ]


def voor_xlsx() -> bytes:
    """The "voor" inventory."""
    return xlsx([Sheet("Projecten", [COMPARE_HEADER, *voor_rows()])])


def na_xlsx() -> bytes:
    """The "na" inventory."""
    return xlsx([Sheet("Projecten", [COMPARE_HEADER, *na_rows()])])


# --------------------------------------------------------------------------------------------
# Workers (run in their own process)
# --------------------------------------------------------------------------------------------


def save_worker(url: str, index: int, barrier: Any, data: bytes, hold_seconds: float, results: Any) -> None:
    """Wait for the others, open the store (own engine), save one snapshot holding the transaction a while;
    put (index, whether this save created the werkruimte) on ``results``."""
    from regie.storage import store as store_module

    original = store_module.Store._insert_file

    def slow_insert(self: Any, conn: Any, snapshot_id: int, payload: bytes, sha: str) -> None:
        original(self, conn, snapshot_id, payload, sha)
        time.sleep(hold_seconds)  # keep the transaction open so the writers really collide

    store_module.Store._insert_file = slow_insert  # type: ignore[method-assign]
    barrier.wait(timeout=120)
    store = store_module.Store(url)
    try:
        result = store.save_snapshot(
            "Gemeente Wadlo", f"sessie {index}", data, f"inventaris-{index}.xlsx",
            value_mappings={"fase": {"afronding": "uitvoering"}},
        )
        assert result.info.label == f"sessie {index}"
        results.put((index, result.created_werkruimte))
    finally:
        store.close()


def killed_save_worker(url: str, data: bytes, ready: Any) -> None:
    """Save a snapshot but stop half way, inside the transaction, until killed."""
    from regie.storage import store as store_module

    original = store_module.Store._insert_file

    def hang(self: Any, conn: Any, snapshot_id: int, payload: bytes, sha: str) -> None:
        original(self, conn, snapshot_id, payload, sha)
        ready.set()
        time.sleep(600)

    store_module.Store._insert_file = hang  # type: ignore[method-assign]
    store = store_module.Store(url)
    store.save_snapshot("Gemeente Wadlo", "half", data, "half.xlsx")

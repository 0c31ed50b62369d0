"""Privacy: personal data is stored only on request; deleting really removes the data (rows and bytes)."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from pathlib import Path

import conftest_pg
import openpyxl
import pytest
import sqlalchemy as sa
import storage_fixtures as fx

from regie import analyse, map_inventory, read_workbook
from regie.storage import Store, strip_personal_data
from regie.storage.sanitise import is_personal_header

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "voorbeeld_inventaris.xlsx"

FORMATS = [
    ("persoonlijk.xlsx", fx.personal_xlsx),
    ("persoonlijk.csv", fx.personal_csv),
    ("persoonlijk.ods", fx.personal_ods),
    ("persoonlijk.xls", fx.personal_xls),
]


def readable_text(data: bytes) -> str:
    """Everything a person could read in a stored file: zip members unpacked, else the bytes as text."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return data.decode("utf-8", "replace") + data.decode("cp1252", "replace")


def database_text(store: Store) -> str:
    """All stored values of every table, files unpacked, as one text."""
    parts = []
    with store.engine.connect() as conn:
        for table in ("werkruimtes", "snapshots", "snapshot_files", "werkruimte_mappings"):
            for row in conn.execute(sa.text(f"SELECT * FROM {table}")):
                for value in row:
                    parts.append(readable_text(bytes(value)) if isinstance(value, bytes | memoryview) else str(value))
    return "\n".join(parts)


def sqlite_files(url: str) -> bytes:
    """The bytes of a SQLite database file and its WAL, as they are on disk."""
    path = Path(url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def example_personal_values() -> list[str]:
    """Trekkers, contact persons and team names of the example inventory."""
    workbook = openpyxl.load_workbook(EXAMPLE, read_only=True)
    values = set()
    for sheet, header in (("Projecten", "Trekker"), ("Partners", "Contactpersoon"), ("Team", "Naam")):
        rows = list(workbook[sheet].iter_rows(values_only=True))
        start = next(i for i, r in enumerate(rows) if header in r)
        col = rows[start].index(header)
        values |= {r[col] for r in rows[start + 1:] if r[col]}
    return sorted(values)


# --------------------------------------------------------------------------------------------
# Not stored unless asked
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "build"), FORMATS)
def test_personal_data_is_not_stored_by_default(db_url: str, name: str, build) -> None:
    data = build()
    assert any(v in readable_text(data) for v in fx.PERSONAL_VALUES)  # it is in the upload
    with Store(db_url) as store:
        saved = store.save_snapshot("Wadlo", "voor", data, name)
        assert saved.removed is not None and saved.removed.anything
        stored = store.load_snapshot("Wadlo", "voor")
        text = database_text(store)
    for value in fx.PERSONAL_VALUES:
        assert value not in readable_text(stored.data), value
        assert value.lower() not in text.lower(), value
    assert "Buurtkamer West" in text  # project names are not personal data and stay
    assert stored.info.personal_data is False


def test_personal_data_of_the_example_is_gone_from_the_stored_workbook(db_url: str) -> None:
    names = example_personal_values()
    assert len(names) >= 10
    with Store(db_url) as store:
        store.save_snapshot("Wadlo", "voorbeeld", EXAMPLE.read_bytes(), EXAMPLE.name)
        stored = store.load_snapshot("Wadlo", "voorbeeld")
        text = database_text(store)
    for name in names:
        assert name not in text
    inventory = stored.inventory()
    assert inventory.projects["trekker"].isna().all()
    assert inventory.partners["contact"].isna().all()
    assert set(inventory.team["naam"]) <= {f"Teamlid {i}" for i in range(1, 50)}


def test_personal_data_is_kept_when_the_user_asks(db_url: str) -> None:
    data = fx.personal_xlsx()
    with Store(db_url) as store:
        saved = store.save_snapshot("Wadlo", "voor", data, "persoonlijk.xlsx", keep_personal_data=True)
        stored = store.load_snapshot("Wadlo", "voor")
    assert saved.removed is None and stored.info.personal_data is True
    assert stored.data == data
    assert set(stored.inventory().projects["trekker"].dropna()) == set(fx.TREKKERS)


def test_the_stripped_workbook_keeps_everything_else() -> None:
    data = fx.personal_xlsx()
    stripped, removed = strip_personal_data(data, "persoonlijk.xlsx")
    assert sorted(removed.columns) == [("Partners", "Contactpersoon"), ("Projecten", "Projectleider"),
                                       ("Projecten", "Telefoon"), ("Projecten", "Trekker")]
    assert removed.sheets == ["Contactlijst", "Lijsten"] and removed.team_names == 2
    assert "Trekker" in removed.describe() and "Teamlid 1" in removed.describe()
    workbook = openpyxl.load_workbook(io.BytesIO(stripped))
    projects = [list(r) for r in workbook["Projecten"].iter_rows(values_only=True)]
    assert projects[0] == fx.PROJECT_HEADER  # headers stay, so the copy maps like the original
    assert [r[:5] for r in projects[1:]] == [r[:5] for r in fx.PROJECT_ROWS]
    assert all(v is None for r in projects[1:] for v in r[5:])
    assert "F3:F4" in {str(m) for m in workbook["Projecten"].merged_cells.ranges}
    team = [r[0] for r in workbook["Team"].iter_rows(min_row=2, values_only=True)]
    assert team == ["Teamlid 1", "Teamlid 1", "Teamlid 2"]  # the same person (any case) gets the same alias
    assert workbook["Lijsten"].sheet_state == "hidden" and workbook["Contactlijst"].max_row == 1
    assert workbook.properties.creator in (None, "openpyxl")


@pytest.mark.parametrize(("name", "build"), FORMATS)
def test_the_stripped_copy_counts_exactly_what_the_original_counts(name: str, build) -> None:
    data = build()
    mappings = {"fase": {"afronding": "uitvoering"}}
    original = analyse(map_inventory(read_workbook(data, name), mappings))
    stripped, _removed = strip_personal_data(data, name)
    copy = analyse(map_inventory(read_workbook(stripped, name), mappings))
    for key in ("file", "counts", "phases", "elements", "phase_element", "roles", "skills"):
        assert copy[key] == original[key], key
    assert copy.get("skills_supply") == original.get("skills_supply")


@pytest.mark.parametrize(("header", "personal"), [
    ("Trekker", True), ("Projectleider", True), ("E-mailadres", True), ("Telefoon", True),
    ("Contactpersoon gemeente", True), ("Mobiel nummer", True),
    ("Kernactiviteit", False), ("Kansen samenwerking", False), ("Nabijheid", False), ("Omschrijving", False),
])
def test_personal_headers_of_extra_columns(header: str, personal: bool) -> None:
    assert is_personal_header(header) is personal


def test_comments_and_author_names_are_not_stored() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(fx.personal_xlsx()))
    workbook["Projecten"]["B2"].comment = openpyxl.comments.Comment("Bellen met Ingeborg Ravenstein", "Ingeborg")
    workbook.properties.creator = "Jacoba Oudeveen"
    workbook.properties.lastModifiedBy = "Klaas Noorderwiel"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert "Oudeveen" in readable_text(buffer.getvalue())
    stripped, _removed = strip_personal_data(buffer.getvalue(), "x.xlsx")
    for name in ("Ravenstein", "Ingeborg", "Oudeveen", "Noorderwiel"):
        assert name not in readable_text(stripped)


def _names_everywhere_xlsx() -> bytes:
    """An inventory whose names hide outside the table cells: a title row, a mailto hyperlink, a
    validation list, header and footer, a defined name, a comment and a hidden list sheet."""
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Projecten"
    sheet.append(["Inventaris opgesteld door Hendrika Zwanenburg"])
    sheet.append([])
    sheet.append(["Projectnaam", "Fase", "Rol", "E-mailadres"])
    sheet.append(["Woonvisie 2030", "visie", "regisseur", "p.devries@wadlo.nl"])
    sheet.append(["Buurtkamer West", "uitvoering", "partner", "a.bakker@wadlo.nl"])
    sheet["A4"].hyperlink = "mailto:jozef.kuipers@wadlo.nl"
    validation = DataValidation(type="list", formula1='"Gerrit Vlasblom,Wilma Hooghiemstra"')
    sheet.add_data_validation(validation)
    validation.add("C4:C5")
    sheet.oddHeader.center.text = "Vertrouwelijk: Cornelis Terpstra"
    sheet.oddFooter.right.text = "Gemaakt door Aaltje Wiersma"
    sheet["B4"].comment = openpyxl.comments.Comment("Vraag het aan Geertruida Postma", "Postma")
    workbook.defined_names["contactpersoon"] = DefinedName("contactpersoon", attr_text='"Sjoerd Dijkstra"')
    lists = workbook.create_sheet("Lijsten")
    lists.append(["Trekkers"])
    lists.append(["Froukje Hoekstra"])
    lists.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


HIDDEN_NAMES = ("Zwanenburg", "jozef.kuipers", "Vlasblom", "Hooghiemstra", "Terpstra", "Wiersma", "Postma",
                "Dijkstra", "Hoekstra", "p.devries", "a.bakker")


def test_the_stored_copy_holds_only_the_tables_read() -> None:
    data = _names_everywhere_xlsx()
    original = readable_text(data)
    assert all(name in original for name in HIDDEN_NAMES), "every name is in the upload"
    stripped, removed = strip_personal_data(data, "inventaris.xlsx")
    copy = readable_text(stripped)
    for name in HIDDEN_NAMES:
        assert name not in copy, f"{name} survived in the stored copy"
    for kept in ("Woonvisie 2030", "Buurtkamer West", "Projectnaam", "regisseur"):
        assert kept in copy
    assert removed.outside_cells == 1 and ("Projecten", "E-mailadres") in removed.columns
    assert "buiten de tabellen" in removed.describe()
    with zipfile.ZipFile(io.BytesIO(stripped)) as archive:
        members = " ".join(archive.namelist()).lower()
    for part in ("comments", "hyperlink", "vbaproject", "externallink"):
        assert part not in members
    before = analyse(map_inventory(read_workbook(data, "inventaris.xlsx")))
    after = analyse(map_inventory(read_workbook(stripped, "inventaris.xlsx")))
    for key in ("counts", "rows", "phases", "roles", "elements"):
        assert after[key] == before[key], key
    assert [(i["sheet"], i["row"]) for i in after["issues"]] == [
        (i["sheet"], i["row"]) for i in before["issues"] if i["sheet"] != "Lijsten"
    ], "rows keep their numbers in the copy"


# --------------------------------------------------------------------------------------------
# Deleting removes the data
# --------------------------------------------------------------------------------------------


def test_deleting_a_werkruimte_wipes_its_bytes_from_the_sqlite_file(tmp_path: Path) -> None:
    marker = f"MARKER{uuid.uuid4().hex}"
    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    with Store(url) as store:
        store.save_snapshot(f"Gemeente {marker}", "voor", fx.marker_csv(marker), "markering.csv",
                            notes=f"Duiding {marker}", value_mappings={"rol": {f"rol {marker}": "regisseur"}})
        store.save_snapshot("Gemeente Veenland", "voor", fx.marker_csv("VEENLAND"), "veenland.csv")
        assert marker.encode() in sqlite_files(url)  # the check below can find it
        store.delete_werkruimte(f"Gemeente {marker}")
        assert marker.encode() not in sqlite_files(url)
        assert b"VEENLAND" in sqlite_files(url)
        assert [s.werkruimte for s in store.snapshots()] == ["Gemeente Veenland"]
    assert marker.encode() not in sqlite_files(url)


def test_deleting_a_snapshot_wipes_its_bytes_from_the_sqlite_file(tmp_path: Path) -> None:
    marker = f"MARKER{uuid.uuid4().hex}"
    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    with Store(url) as store:
        store.save_snapshot("Wadlo", "voor", fx.marker_csv(marker), "markering.csv", notes=marker)
        store.save_snapshot("Wadlo", "na", fx.marker_csv("BLIJFT"), "blijft.csv")
        assert marker.encode() in sqlite_files(url)
        store.delete_snapshot("Wadlo", "voor")
        assert marker.encode() not in sqlite_files(url)
        assert b"BLIJFT" in sqlite_files(url)


def test_deleting_a_werkruimte_leaves_no_rows_in_postgres_or_sqlite(db_url: str) -> None:
    marker = f"MARKER{uuid.uuid4().hex}"
    with Store(db_url) as store:
        store.save_snapshot(marker, "voor", fx.marker_csv(marker), "markering.csv", notes=marker,
                            value_mappings={"rol": {marker: "regisseur"}}, keep_personal_data=True)
        assert marker in database_text(store)
        store.delete_werkruimte(marker)
        assert marker not in database_text(store)
        with store.engine.connect() as conn:
            for table in ("werkruimtes", "snapshots", "snapshot_files", "werkruimte_mappings"):
                assert conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == 0


def test_the_stored_analysis_holds_no_personal_values(db_url: str) -> None:
    with Store(db_url) as store:
        saved = store.save_snapshot("Wadlo", "voor", fx.personal_xlsx(), "persoonlijk.xlsx")
    text = json.dumps(saved.analysis, ensure_ascii=False)
    assert not any(v in text for v in fx.PERSONAL_VALUES)

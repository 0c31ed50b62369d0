"""What office programs really write: each kind of file → what the app does with it.

One table, :data:`KINDS`: a file kind, how it is made (in code as the program writes it, or by
LibreOffice itself), and the outcome — read with its three projects (nothing lost), or refused with
one Dutch sentence of the right kind that names what the file is. Every case runs through
``python -m regie analyse FILE --json`` (in this process; the parsing happens in the bounded child)
and through the library, so the CLI's contract and the error tree are checked alike.
"""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import hostile
import office_files as of
import pytest
from cli_support import run_cli

from regie import load_inventory
from regie.errors import EncryptedFileError, RegieError, UnsupportedFormatError
from regie.reading import guard

HERE = Path(__file__).resolve().parent
UNO_SCRIPT = HERE / "lo_uno_save.py"
SYSTEM_PYTHON = "/usr/bin/python3"

READ = "read"


@dataclass(frozen=True)
class Kind:
    """One kind of file and what must happen to it."""

    id: str
    filename: str
    build: Callable[[], bytes] | None
    """Builds the bytes in code; None for the files LibreOffice writes (:func:`libreoffice_files`)."""
    outcome: str | type[RegieError]
    """``read``, or the error class the refusal must be."""
    words: tuple[str, ...] = ()
    """On refusal, the message holds each of these (case-insensitive)."""
    projects: int = 3
    warning: str | None = None
    """On reading, a file-level warning that must hold this text."""


def _zip(members: dict[str, bytes]) -> Callable[[], bytes]:
    def build() -> bytes:
        return hostile._zip(list(members.items()))
    return build


KINDS: tuple[Kind, ...] = (
    # 1. valid files that other programs write and office programs open
    Kind("dimension-rows-only-xlsx", "sjabloon-rijk.xlsx", of.dimension_without_columns_xlsx, READ),
    Kind("dimension-single-row-xlsx", "rij.xlsx", lambda: of.dimension_without_columns_xlsx("5"), READ),
    Kind("excel4-macrosheet-xlsx", "met-macroblad.xlsm", of.macrosheet_xlsx, READ),
    Kind("ods-without-mimetype", "zonder-mimetype.ods", of.ods_without_mimetype, READ),
    # 2. encrypted legacy xls
    Kind("xls-xor-obfuscated", "beveiligd-xor.xls", of.xls_with_filepass_xor, EncryptedFileError,
         ("beveiligd met een wachtwoord",)),
    # 3. CSV variants
    Kind("csv-classic-mac-cr", "mac.csv", of.csv_classic_mac, READ),
    Kind("unicode-text-utf16-bom", "unicode.txt", of.unicode_text("utf-16", True), READ),
    Kind("unicode-text-utf16", "unicode.csv", of.unicode_text("utf-16", False), READ),
    Kind("unicode-text-utf32-bom", "unicode32.csv", of.unicode_text("utf-32", True), READ),
    Kind("unicode-text-utf32", "unicode32.txt", of.unicode_text("utf-32", False), READ),
    # 5. old and odd formats: a sentence that names the format and says how to save it as .xlsx
    Kind("excel-2-worksheet", "oud.xls", lambda: of.old_excel_worksheet(2), UnsupportedFormatError,
         ("Excel 2.x", ".xlsx")),
    Kind("excel-3-worksheet", "oud.xls", lambda: of.old_excel_worksheet(3), UnsupportedFormatError,
         ("Excel 3.0", ".xlsx")),
    Kind("excel-4-worksheet", "oud.xlw", lambda: of.old_excel_worksheet(4), UnsupportedFormatError,
         ("Excel 4.0", ".xlsx")),
    Kind("spreadsheetml-2003-xml", "export.xml", of.spreadsheetml_2003, UnsupportedFormatError,
         ("Excel 2003", ".xlsx")),
    Kind("spreadsheetml-2003-as-xls", "export.xls", of.spreadsheetml_2003, UnsupportedFormatError,
         ("Excel 2003", ".xlsx")),
    Kind("html-as-xls", "rapportage.xls", of.html_as_xls, UnsupportedFormatError, ("webpagina", ".xlsx")),
    Kind("mhtml-as-xls", "rapportage.xls", of.mhtml_as_xls, UnsupportedFormatError, ("webpagina", ".xlsx")),
    Kind("pdf", "inventaris.pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", UnsupportedFormatError,
         ("PDF",)),
    Kind("word-docx", "inventaris.docx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
         UnsupportedFormatError, ("Word-document", ".xlsx")),
    Kind("apple-numbers", "inventaris.numbers", _zip({"Index/Document.iwa": b"\x00\x01", "Metadata/Properties.plist": b""}),
         UnsupportedFormatError, ("Numbers", ".xlsx")),
    # 6. a file that is no inventory: read, with one file-level warning naming the columns found
    Kind("bible-index", "register.xlsx", of.bible_index_xlsx, READ, projects=8,
         warning="lijkt geen inventaris van projecten"),
    # written by LibreOffice itself
    Kind("libreoffice-xlsx", "lo.xlsx", None, READ),
    Kind("libreoffice-xls", "lo.xls", None, READ),
    Kind("libreoffice-ods", "lo.ods", None, READ),
    Kind("libreoffice-unicode-text", "lo-unicode.csv", None, READ),
    Kind("libreoffice-html-as-xls", "lo-html.xls", None, UnsupportedFormatError, ("webpagina", ".xlsx")),
    Kind("libreoffice-xls-password", "lo-geheim.xls", None, EncryptedFileError, ("beveiligd met een wachtwoord",)),
    Kind("libreoffice-xls-default-password", "lo-velvet.xls", None, READ),
    Kind("libreoffice-ods-password", "lo-geheim.ods", None, EncryptedFileError, ("beveiligd met een wachtwoord",)),
)

_LIBREOFFICE = {
    "libreoffice-xlsx": {"name": "lo.xlsx", "filter": "Calc MS Excel 2007 XML"},
    "libreoffice-xls": {"name": "lo.xls", "filter": "MS Excel 97"},
    "libreoffice-ods": {"name": "lo.ods", "filter": "calc8"},
    "libreoffice-unicode-text": {"name": "lo.csv", "filter": "Text - txt - csv (StarCalc)", "options": "9,34,65535"},
    "libreoffice-html-as-xls": {"name": "lo.html", "filter": "HTML (StarCalc)"},
    "libreoffice-xls-password": {"name": "lo-geheim.xls", "filter": "MS Excel 97", "password": "geheim"},
    "libreoffice-xls-default-password": {"name": "lo-velvet.xls", "filter": "MS Excel 97", "password": "VelvetSweatshop"},
    "libreoffice-ods-password": {"name": "lo-geheim.ods", "filter": "calc8", "password": "geheim"},
}
"""What LibreOffice writes for each case: file name, export filter, password, filter options."""


def _has_uno() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode == 0


@pytest.fixture(scope="module")
def libreoffice_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files LibreOffice writes from the three-project inventory, by case id (made once, in one
    LibreOffice start through its Python bridge; without the bridge, the unencrypted ones through
    ``soffice --convert-to``)."""
    if not of.soffice():
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    source = hostile.valid_xlsx()
    folder = tmp_path_factory.mktemp("lo")
    (folder / "bron.xlsx").write_bytes(source)
    if _has_uno():
        subprocess.run([SYSTEM_PYTHON, str(UNO_SCRIPT), str(folder / "bron.xlsx"), str(folder),
                        json.dumps(list(_LIBREOFFICE.values()))], check=True, capture_output=True, timeout=240)
        return {case: (folder / spec["name"]).read_bytes() for case, spec in _LIBREOFFICE.items()}
    files = {}
    for case, spec in _LIBREOFFICE.items():
        if "password" not in spec:
            suffix = Path(spec["name"]).suffix
            target = f"{suffix[1:]}:{spec['filter']}" + (f":{spec['options']}" if "options" in spec else "")
            files[case] = of.libreoffice_convert(source, ".xlsx", target, suffix)
    return files


def _params() -> list[object]:
    params = []
    for kind in KINDS:
        marks = [pytest.mark.slow] if kind.build is None else []
        params.append(pytest.param(kind, id=kind.id, marks=marks))
    return params


@pytest.fixture
def file_of(request: pytest.FixtureRequest) -> Callable[[Kind], bytes]:
    def build(kind: Kind) -> bytes:
        if kind.build is not None:
            return kind.build()
        files: dict[str, bytes] = request.getfixturevalue("libreoffice_files")
        if kind.id not in files:
            pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed; .ci/run installs it")
        return files[kind.id]
    return build


@pytest.mark.parametrize("kind", _params())
def test_each_kind_of_file_gets_its_outcome(kind: Kind, file_of: Callable[[Kind], bytes], tmp_path: Path) -> None:
    path = tmp_path / kind.filename
    path.write_bytes(file_of(kind))

    result = run_cli("analyse", str(path), "--json")

    assert "Traceback" not in result.stderr + result.stdout
    if kind.outcome == READ:
        assert result.returncode == 0, result.stderr
        analysis = json.loads(result.stdout)
        assert analysis["counts"]["projects"] == kind.projects
        assert analysis["rows"]["projects"]["read"] == (
            analysis["rows"]["projects"]["used"] + analysis["rows"]["projects"]["rejected"]
        )
        file_level = [i["message"] for i in analysis["issues"] if i["table"] is None]
        if kind.warning:
            assert len([m for m in file_level if kind.warning in m]) == 1, file_level
        else:
            assert not [m for m in file_level if "lijkt geen inventaris" in m], file_level
        if kind.projects == 3:
            names = {p[0] for p in hostile.PROJECT_ROWS}
            inventory = load_inventory(path)
            assert set(inventory.projects["naam"]) == names, "every project read, as written"
        return
    assert result.returncode == 2, result.stdout[:500]
    assert result.stdout == ""
    message = result.stderr.strip()
    for word in kind.words:
        assert word.lower() in message.lower(), message
    assert "beschadigd" not in message, f"a file of a known kind is not damaged: {message}"
    assert isinstance(kind.outcome, type)
    with pytest.raises(kind.outcome) as raised:
        load_inventory(path)
    assert str(raised.value) in message


def test_the_no_inventory_warning_names_the_columns_found() -> None:
    inventory = load_inventory(of.bible_index_xlsx(), "register.xlsx")
    [warning] = [i for i in inventory.issues if i.table is None]
    assert warning.severity == "waarschuwing"
    assert "blad 'Register'" in warning.message
    assert "'Naam', 'Hoofdstuk', 'Vers' en 'Tekst'" in warning.message


def test_an_inventory_with_only_marks_per_phase_is_an_inventory() -> None:
    rows = [("Projectnaam", "Visie", "Beleid", "Uitvoering"), ("Woonvisie", "x", "", "")]
    data = hostile._zip(hostile.xlsx_parts([hostile.Sheet("Projecten", rows=rows)]))
    inventory = load_inventory(data, "kruisjes.xlsx")
    assert not [i for i in inventory.issues if "lijkt geen inventaris" in i.message]


def test_the_macro_sheet_is_left_out_and_never_run() -> None:
    inventory = load_inventory(of.macrosheet_xlsx(), "met-macroblad.xlsm")
    assert len(inventory.projects) == 3
    with zipfile.ZipFile(io.BytesIO(of.macrosheet_xlsx())) as archive:
        assert "xl/macrosheets/sheet1.xml" in archive.namelist(), "the fixture really has a macro sheet"


@pytest.mark.parametrize(("data", "key"), [
    (of.old_excel_worksheet(2), "biff"),
    (of.spreadsheetml_2003(), "spreadsheetml"),
    (of.strip_xml_declaration(of.spreadsheetml_2003()), "spreadsheetml"),
    (of.html_as_xls(), "html"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body><table></table></body></html>", "html"),
    (of.mhtml_as_xls(), "mhtml"),
    (b'<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>', "fods"),
    (b'<?xml version="1.0"?><rss/>', "xml"),
])
def test_formats_are_recognised_by_their_first_bytes(data: bytes, key: str) -> None:
    with pytest.raises(UnsupportedFormatError) as raised:
        guard.sniff(data, "bestand.xls")
    assert guard.FORMAT_NAMES[key].format(version="Excel 2.x") in str(raised.value)


@pytest.mark.parametrize("text", [
    "Projectnaam;Fase\nWoonvisie;visie\n",
    "<b>Projectnaam</b>;Fase\nWoonvisie;visie\n",  # a cell that starts with markup is still CSV
])
def test_csv_is_not_mistaken_for_markup(text: str) -> None:
    assert guard.sniff(text.encode(), "inventaris.csv").kind == "csv"


def test_libreoffice_is_the_program_that_wrote_the_libreoffice_files(libreoffice_files: dict[str, bytes]) -> None:
    """The LibreOffice cases are really LibreOffice's output (not ours), encrypted where they say so."""
    with zipfile.ZipFile(io.BytesIO(libreoffice_files["libreoffice-xlsx"])) as archive:
        assert b"LibreOffice" in archive.read("docProps/app.xml")
    assert libreoffice_files["libreoffice-xls"].startswith(b"\xd0\xcf\x11\xe0")
    assert b"LibreOffice" in libreoffice_files["libreoffice-html-as-xls"]
    assert libreoffice_files["libreoffice-unicode-text"][:4].count(0) >= 1, "UTF-16"
    if "libreoffice-xls-password" in libreoffice_files:
        msoffcrypto = pytest.importorskip("msoffcrypto")
        for case in ("libreoffice-xls-password", "libreoffice-xls-default-password"):
            assert msoffcrypto.OfficeFile(io.BytesIO(libreoffice_files[case])).is_encrypted(), case


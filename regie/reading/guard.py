"""Checks on untrusted bytes before any parser sees them: kind, size, zip bombs, encryption, dimensions.

Every check raises an :class:`~regie.errors.UnreadableFileError` subclass with a Dutch message.
Nothing here executes content; macros (``vbaProject.bin``) are never touched.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from regie.errors import (
    EncryptedFileError,
    FileTooLargeError,
    NotASpreadsheetError,
)
from regie.formatting import nl_int, nl_number

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Largest file accepted (a CSV over this is refused; uploads are bounded by it too)."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Largest sum of declared uncompressed member sizes of a zip-based workbook."""
MAX_MEMBERS = 10_000
"""Most members a zip-based workbook may have."""
MAX_RATIO = 250
"""Highest compression ratio of a large member (real sheets compress about 10–30×)."""
MAX_CELLS = 8_000_000
"""Most cells (rows × columns of the used range) in one sheet."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def mb(n: int) -> str:
    """Bytes as a Dutch megabyte figure (``12,5 MB``)."""
    return f"{nl_number(n / 1024 / 1024)} MB"


@dataclass
class Sniffed:
    """What the content says the file is."""

    kind: str
    """``xlsx``, ``xlsm``, ``xlsb``, ``ods``, ``xls`` or ``csv``."""
    members: dict[str, bytes] = field(default_factory=dict)
    """Checked, unpacked XML members that later checks need (ODS content.xml)."""
    isolate: bool = False
    """True when the parser must run in a child process (formats whose size can't be checked first)."""


def check_size(data: bytes, name: str) -> None:
    """Refuse files over :data:`MAX_FILE_BYTES`."""
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"Het bestand '{name}' is {mb(len(data))} groot; de grens is {mb(MAX_FILE_BYTES)}. "
            "Splits de inventaris in kleinere bestanden of verwijder overbodige bladen."
        )


def sniff(data: bytes, name: str) -> Sniffed:
    """Decide the kind of file from its content (not its name) and run the zip/OLE checks."""
    if not data:
        raise NotASpreadsheetError(
            f"Het bestand '{name}' is leeg (0 bytes). Kies het bestand met de inventaris opnieuw."
        )
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data[:4096] or _ENCRYPTED_PACKAGE in data:
            raise _encrypted(name)
        return Sniffed("xls", isolate=True)
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data, name)
    head = data[:65536]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise NotASpreadsheetError(
            f"Het bestand '{name}' is geen spreadsheet of CSV-bestand. Sla de inventaris op als "
            "Excel-werkmap (.xlsx), LibreOffice-werkblad (.ods) of CSV en probeer het opnieuw."
        )
    return Sniffed("csv")


def _encrypted(name: str) -> EncryptedFileError:
    return EncryptedFileError(
        f"Het bestand '{name}' is beveiligd met een wachtwoord. Open het in Excel of LibreOffice, "
        "haal de wachtwoordbeveiliging weg (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op."
    )


def _not_workbook(name: str, detail: str) -> NotASpreadsheetError:
    return NotASpreadsheetError(
        f"Het bestand '{name}' is geen leesbare werkmap ({detail}). Open het in Excel of "
        "LibreOffice, sla het opnieuw op als .xlsx of .ods en probeer het nog eens."
    )


def _sniff_zip(data: bytes, name: str) -> Sniffed:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _not_workbook(name, "het zip-archief is beschadigd of onvolledig") from exc
    if len(infos) > MAX_MEMBERS:
        raise FileTooLargeError(
            f"Het bestand '{name}' bevat {nl_int(len(infos))} onderdelen; een werkmap heeft er hooguit "
            f"{nl_int(MAX_MEMBERS)}. Dit bestand wordt uit voorzorg niet gelezen."
        )
    total = sum(max(i.file_size, 0) for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise FileTooLargeError(
            f"Het bestand '{name}' pakt uit tot {mb(total)}; de grens is {mb(MAX_UNPACKED_BYTES)}. "
            "Dit kan een 'zip-bom' zijn, of een te grote inventaris: splits hem in kleinere bestanden."
        )
    names = {i.filename for i in infos}
    if any(i.flag_bits & 0x1 for i in infos):
        raise _encrypted(name)
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileTooLargeError(
                f"Het bestand '{name}' bevat een onderdeel ({info.filename}) dat "
                f"{info.file_size // max(info.compress_size, 1)} keer groter uitpakt dan het is. "
                "Dit lijkt een 'zip-bom' en wordt uit voorzorg niet gelezen."
            )
    if "xl/workbook.xml" in names:
        kind = "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    elif "xl/workbook.bin" in names:
        return Sniffed("xlsb", isolate=True)
    elif "content.xml" in names:
        mime = _read_member(archive, "mimetype", name) if "mimetype" in names else b""
        if mime.strip() and not mime.strip().startswith(_ODS_MIME):
            raise _not_workbook(name, "het is een OpenDocument-bestand, maar geen werkblad")
        manifest = (
            _read_member(archive, "META-INF/manifest.xml", name)
            if "META-INF/manifest.xml" in names else b""
        )
        if b"encryption-data" in manifest:
            raise _encrypted(name)
        return Sniffed("ods", {"content.xml": _read_member(archive, "content.xml", name)})
    else:
        raise _not_workbook(name, "het is een zip-archief zonder werkmap erin")
    sheets = {}
    for info in infos:
        if info.filename.lower().endswith(".xml") and not info.is_dir():
            xml = _read_member(archive, info.filename, name)
            if b"sheetData" in xml:
                sheets[info.filename] = xml
    isolate = check_xlsx_dimensions(sheets, name)
    return Sniffed(kind, {}, isolate=isolate)


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    """Unpack a member, never beyond its declared size (a lying header ends as an error)."""
    info = archive.getinfo(member)
    limit = info.file_size
    chunks: list[bytes] = []
    got = 0
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(1024 * 1024)
                if not chunk:
                    break
                got += len(chunk)
                if got > limit:
                    raise FileTooLargeError(
                        f"Het bestand '{name}' bevat een onderdeel ({member}) dat groter uitpakt "
                        "dan het opgeeft. Dit lijkt een 'zip-bom' en wordt niet gelezen."
                    )
                chunks.append(chunk)
    except FileTooLargeError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise _not_workbook(name, f"onderdeel {member} is beschadigd") from exc
    except RuntimeError as exc:  # encrypted member without password
        raise _encrypted(name) from exc
    return b"".join(chunks)


_WIDE_COL = re.compile(rb'r="([A-Z]{2,3})\d')
_FAR_ROW = re.compile(rb'r="[A-Z]{0,3}(\d{6,})')
_UNUSUAL_REF = re.compile(rb'r=(?!"[A-Z0-9])|r\s+=')
"""Candidates for references written another way than Excel does (spaces, quotes, entities)."""
_VALUED_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_CELL_REF = re.compile(rb'r="([A-Z]{1,3})(\d+)"')


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def check_xlsx_dimensions(sheets: dict[str, bytes], name: str) -> bool:
    """Refuse worksheets whose used range (first to last cell with a value) is too large to hold.

    The reader allocates every cell of the range, so one value at XFD1048576 would ask for 17
    billion cells. Rows and columns are bounded from the ``r="A1"`` references as Excel writes them;
    cells without a reference follow the previous one and cannot jump. Returns True when a sheet
    writes references in another way: the caller then parses in an isolated child process.
    """
    for member, xml in sheets.items():
        if _has_unusual_reference(xml):
            return True
        far = _WIDE_COL.findall(xml)
        max_col = max(_col_number(c) for c in set(far)) if far else 26
        far_rows = _FAR_ROW.findall(xml)
        # Rows without a reference follow the previous row: bounded by the highest reference plus
        # the number of row tags.
        highest = max((int(r) for r in far_rows), default=99_999)
        max_row = highest + xml.count(b"<row") + xml.count(b":row ")
        if max_row * max_col > MAX_CELLS:
            # Formatted but empty cells far away are common (a formatted column): count only
            # cells that hold a value before refusing.
            max_row, max_col = _valued_extent(xml)
        if max_row * max_col > MAX_CELLS:
            raise FileTooLargeError(
                f"Een blad in '{name}' ({member.rsplit('/', 1)[-1]}) beslaat {nl_int(max_row)} rijen × "
                f"{nl_int(max_col)} kolommen; dat is te groot om te lezen. Verwijder lege of verre cellen "
                "(bijv. een los gegeven in de laatste rij of kolom) en sla het bestand opnieuw op."
            )
    return False


def _has_unusual_reference(xml: bytes) -> bool:
    """True when an ``r`` attribute (of a row or cell) is not written as ``r="A1"`` / ``r="1"``."""
    for m in _UNUSUAL_REF.finditer(xml):
        before = xml[max(m.start() - 6, 0):m.start()]
        if before.endswith(b"xmlns:"):
            continue  # the namespace declaration xmlns:r="http://..."
        if before[-1:] in (b" ", b"\t", b"\r", b"\n") or (before[-1:] == b":" and before[-2:-1].isalnum()):
            return True
    return False


def _valued_extent(xml: bytes) -> tuple[int, int]:
    """(last row, last column) over cells that hold a value (slow; only for suspicious sheets)."""
    max_row = max_col = 0
    row_count = xml.count(b"<row") + xml.count(b":row ")
    for m in _VALUED_CELL.finditer(xml):
        inner = m.group(2)
        if not inner or not (b"<v" in inner or b"<is" in inner or b":v" in inner or b":is" in inner):
            continue
        ref = _CELL_REF.search(m.group(1))
        if ref is None:
            max_row = max(max_row, row_count)
            continue
        max_col = max(max_col, _col_number(ref.group(1)))
        max_row = max(max_row, int(ref.group(2)))
    return max_row, max(max_col, 1)


def check_dense_size(rows: int, cols: int, sheet: str, name: str) -> None:
    """Refuse a sheet whose used range is over :data:`MAX_CELLS` cells."""
    if rows * cols > MAX_CELLS:
        raise FileTooLargeError(
            f"Blad '{sheet}' in '{name}' beslaat {nl_int(rows)} rijen × {nl_int(cols)} kolommen; dat is te "
            "groot om te lezen. Verwijder lege of verre cellen en sla het bestand opnieuw op."
        )


def require_defusedxml() -> None:
    """Call before any openpyxl read: openpyxl parses with defusedxml only when it is installed."""
    import openpyxl.xml

    if not openpyxl.xml.DEFUSEDXML:
        raise RuntimeError("defusedxml is not installed; openpyxl would parse workbooks unprotected")

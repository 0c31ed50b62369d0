"""Checks on untrusted bytes before any parser sees them: kind, size, zip bombs, encryption; budgets.

Every check raises an :class:`~regie.errors.UnreadableFileError` subclass with a Dutch message.
Nothing here executes content; macros (``vbaProject.bin``) are never touched. Only the zip's
directory (and its small ``mimetype`` and manifest) is read here: measuring the sheets themselves
happens in the parsing child (:mod:`regie.reading._worker`), within its memory cap, against the
:class:`Budget` of one upload.
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from dataclasses import dataclass

from regie.errors import (
    EncryptedFileError,
    FileTooLargeError,
    NotASpreadsheetError,
    UnsupportedFormatError,
)
from regie.formatting import nl_int, nl_number

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Largest file accepted (a CSV over this is refused; uploads are bounded by it too)."""
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
"""Largest file the app takes as an upload (the CLI reads up to :data:`MAX_FILE_BYTES`)."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Largest sum of declared uncompressed member sizes of a zip-based workbook (unless the server's
owner sets ``REGIE_MAX_UNPACKED_MB``)."""
ENV_MAX_UNPACKED = "REGIE_MAX_UNPACKED_MB"
MAX_MEMBERS = 10_000
"""Most members a zip-based workbook may have."""
MAX_RATIO = 250
"""Highest compression ratio of a large member (real sheets compress about 10–30×)."""
MAX_CELLS = 5_000_000
"""Budget of one upload: most cells (rows × columns of each sheet's used range, added up over the
sheets). The 100k-project benchmark inventory holds 2,7 million."""
MAX_ROWS = 500_000
"""Budget of one upload: most rows (of every sheet's used range, added up)."""
ENV_MAX_CELLS = "REGIE_MAX_CELLS"
ENV_MAX_ROWS = "REGIE_MAX_ROWS"
"""Environment variables with which the server's owner raises (or lowers) the budgets."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def mb(n: int) -> str:
    """Bytes as a Dutch megabyte figure (``12,5 MB``)."""
    return f"{nl_number(n / 1024 / 1024)} MB"


@dataclass(frozen=True)
class Sniffed:
    """What the content says the file is: ``xlsx``, ``xlsm``, ``xlsb``, ``ods``, ``xls`` or ``csv``."""

    kind: str


@dataclass(frozen=True)
class Budget:
    """What one upload may cost: cells and rows of the sheets' used ranges, added up."""

    cells: int = MAX_CELLS
    rows: int = MAX_ROWS


def budget() -> Budget:
    """The budget of one upload: :data:`MAX_CELLS` and :data:`MAX_ROWS`, unless the server's owner set
    ``REGIE_MAX_CELLS`` / ``REGIE_MAX_ROWS``."""
    return Budget(env_int(ENV_MAX_CELLS, MAX_CELLS), env_int(ENV_MAX_ROWS, MAX_ROWS))


def unpacked_limit() -> int:
    """Largest unpacked size of a zip-based workbook in bytes: :data:`MAX_UNPACKED_BYTES`, or
    ``REGIE_MAX_UNPACKED_MB`` megabytes."""
    return env_int(ENV_MAX_UNPACKED, MAX_UNPACKED_BYTES // (1024 * 1024)) * 1024 * 1024


def env_int(name: str, default: int) -> int:
    """The positive whole number in environment variable ``name`` (``1_000`` allowed), else ``default``."""
    text = os.environ.get(name, "").replace("_", "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else default


def too_large(name: str, sheet: str | None, rows: int, cols: int, cells: int, limit: int) -> FileTooLargeError:
    """The Dutch refusal of a file over the cell budget."""
    where = f" (blad '{sheet}': {nl_int(rows)} rijen × {nl_int(cols)} kolommen)" if sheet else ""
    return FileTooLargeError(
        f"Het bestand '{name}' is te groot om te lezen: de bladen beslaan samen {nl_int(cells)} cellen{where}, "
        f"en één inventaris mag hooguit {nl_int(limit)} cellen (rijen × kolommen) hebben. Splits de inventaris "
        "in kleinere bestanden, of verwijder lege rijen en kolommen en losse gegevens ver buiten de tabel "
        "(bijvoorbeeld in de laatste rij of kolom) en sla het bestand opnieuw op."
    )


def too_many_rows(name: str, rows: int, limit: int) -> FileTooLargeError:
    """The Dutch refusal of a file over the row budget."""
    return FileTooLargeError(
        f"Het bestand '{name}' is te groot om te lezen: het heeft {nl_int(rows)} rijen, en één inventaris mag "
        f"hooguit {nl_int(limit)} rijen hebben (alle bladen samen). Splits de inventaris in kleinere bestanden, "
        "bijvoorbeeld per domein of per jaar."
    )


def check_size(data: bytes, name: str) -> None:
    """Refuse files over :data:`MAX_FILE_BYTES`."""
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"Het bestand '{name}' is {mb(len(data))} groot; de grens is {mb(MAX_FILE_BYTES)}. "
            "Splits de inventaris in kleinere bestanden of verwijder overbodige bladen."
        )


def check_upload_size(data: bytes, name: str) -> None:
    """Refuse an upload over :data:`MAX_UPLOAD_BYTES`, with the Dutch sentence that says what to do."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileTooLargeError(
            f"Het bestand '{name}' is {mb(len(data))} groot; in de app kan een inventaris hooguit "
            f"{mb(MAX_UPLOAD_BYTES)} zijn. Splits de inventaris in kleinere bestanden, verwijder overbodige "
            "bladen of afbeeldingen, of sla hem op als .xlsx (dat is meestal veel kleiner dan .xls of .csv)."
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
        return Sniffed("xls")
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data, name)
    known = _known_format(data)
    if known:
        raise unsupported(name, known)
    head = data[:65536]
    if b"\x00" in head and text_encoding(data) not in _WIDE_ENCODINGS:
        raise NotASpreadsheetError(
            f"Het bestand '{name}' is geen spreadsheet of CSV-bestand. Sla de inventaris op als "
            "Excel-werkmap (.xlsx), LibreOffice-werkblad (.ods) of CSV en probeer het opnieuw."
        )
    return Sniffed("csv")


_OLD_EXCEL = {0x0009: "Excel 2.x", 0x0209: "Excel 3.0", 0x0409: "Excel 4.0"}
"""BOF record types of the BIFF2–4 worksheets those Excel versions wrote as a bare stream (no OLE)."""

FORMAT_NAMES: dict[str, str] = {
    "biff": "een werkblad uit {version} (1987–1994)",
    "spreadsheetml": "een XML-werkmap van Excel 2003 (\u2018XML-spreadsheet 2003\u2019)",
    "html": "een webpagina (HTML), ook al heeft het de naam van een werkmap",
    "mhtml": "een webpagina in één bestand (MHTML), ook al heeft het de naam van een werkmap",
    "fods": "een OpenDocument-werkblad als plat XML-bestand (.fods)",
    "xml": "een XML-bestand, geen werkmap",
    "pdf": "een PDF-document",
    "rtf": "een tekstdocument (RTF)",
    "numbers": "een Apple Numbers-bestand",
    "docx": "een Word-document",
    "pptx": "een PowerPoint-presentatie",
}
"""What the refusal calls each recognised format that is not read."""

_HOW_TO_SAVE: dict[str, str] = {
    "numbers": "Open het in Numbers en kies Archief > Exporteer naar > Excel (.xlsx).",
    "docx": "Zet de tabel met projecten in een Excel-werkmap (.xlsx), bijvoorbeeld met het sjabloon.",
    "pptx": "Zet de tabel met projecten in een Excel-werkmap (.xlsx), bijvoorbeeld met het sjabloon.",
    "pdf": "Gebruik het Excel-bestand waaruit de PDF is gemaakt, of zet de tabel in het sjabloon (.xlsx).",
    "rtf": "Zet de tabel met projecten in een Excel-werkmap (.xlsx), bijvoorbeeld met het sjabloon.",
    "xml": "Sla de inventaris op als Excel-werkmap (.xlsx), LibreOffice-werkblad (.ods) of CSV.",
}
_SAVE_AS_XLSX = "Open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx): Bestand > Opslaan als."


def unsupported(name: str, known: tuple[str, str]) -> UnsupportedFormatError:
    """The Dutch refusal of a recognised format that is not read: it names the format and says how to
    save it as .xlsx. ``known`` is ``(format key, version)`` as :func:`_known_format` gives it."""
    key, version = known
    what = FORMAT_NAMES[key].format(version=version)
    return UnsupportedFormatError(
        f"Het bestand '{name}' is {what}. Die vorm kan deze app niet lezen. {_HOW_TO_SAVE.get(key, _SAVE_AS_XLSX)}"
    )


def _known_format(data: bytes) -> tuple[str, str] | None:
    """A recognised format that is no workbook this app reads, by its first bytes; None otherwise."""
    if len(data) >= 4:
        record, length = int.from_bytes(data[0:2], "little"), int.from_bytes(data[2:4], "little")
        if record in _OLD_EXCEL and 4 <= length <= 16:
            return "biff", _OLD_EXCEL[record]
    if data.startswith(b"%PDF-"):
        return "pdf", ""
    if data.lstrip().startswith(b"{\\rtf"):
        return "rtf", ""
    encoding = text_encoding(data[:4096]) if b"\x00" in data[:4096] else "utf-8"
    head = data[:4096].decode(encoding if encoding != "cp1252" else "utf-8", errors="ignore")
    head = head.removeprefix("\ufeff").lstrip().lower()
    if head.startswith("mime-version:") or ("content-type: multipart/related" in head and "text/html" in head):
        return "mhtml", ""
    if not head.startswith("<"):
        return None
    if "urn:schemas-microsoft-com:office:spreadsheet" in head or 'progid="excel.sheet"' in head:
        return "spreadsheetml", ""
    if "<html" in head or "<!doctype html" in head or "<table" in head:
        return "html", ""
    if "urn:oasis:names:tc:opendocument" in head and "office:document" in head:
        return "fods", ""
    if head.startswith("<?xml"):
        return "xml", ""
    return None


_WIDE_ENCODINGS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def text_encoding(data: bytes) -> str:
    """The encoding of a text (CSV) file: by its byte-order mark; UTF-16 or UTF-32 without one (as
    Excel's "Unicode-tekst" writes it) by where the zero bytes fall; else UTF-8 when every byte
    sequence is valid UTF-8, else Windows-1252 (Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)")."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:4096]
    if len(head) >= 4 and head.count(0) >= len(head) // 3:
        zeros = [head[i::4].count(0) / max(len(head[i::4]), 1) for i in range(4)]
        if zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9:
            return "utf-32-le"
        if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9:
            return "utf-32-be"
        odd, even = head[1::2].count(0) / (len(head) // 2), head[0::2].count(0) / ((len(head) + 1) // 2)
        if odd > 0.6 and even < 0.2:
            return "utf-16-le"
        if even > 0.6 and odd < 0.2:
            return "utf-16-be"
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for start in range(0, len(data), 1 << 20):
            decoder.decode(data[start:start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


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
    limit = unpacked_limit()
    if total > limit:
        raise FileTooLargeError(
            f"Het bestand '{name}' pakt uit tot {mb(total)}; de grens is {mb(limit)}. "
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
        return Sniffed("xlsb")
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
        return Sniffed("ods")
    else:
        other = next((key for marker, key in _OTHER_ZIPS if marker in names), None)
        if other:
            raise unsupported(name, (other, ""))
        raise _not_workbook(name, "het is een zip-archief zonder werkmap erin")
    return Sniffed(kind)


_OTHER_ZIPS = (("Index/Document.iwa", "numbers"), ("word/document.xml", "docx"),
               ("ppt/presentation.xml", "pptx"))
"""Members that show which other kind of zip-based document a file is."""


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


def require_defusedxml() -> None:
    """Call before any openpyxl read: openpyxl parses with defusedxml only when it is installed."""
    import openpyxl.xml

    if not openpyxl.xml.DEFUSEDXML:
        raise RuntimeError("defusedxml is not installed; openpyxl would parse workbooks unprotected")

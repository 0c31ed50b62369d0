"""Bytes → sheets of cells: workbooks through python-calamine, CSV through the csv module.

A :class:`RawSheet` is the used range of one sheet as a list of rows, with its absolute origin,
its visibility and its merged ranges. Nothing is interpreted here.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from regie.errors import FileTooLargeError, NotASpreadsheetError, RegieError, UnreadableFileError
from regie.formatting import nl_int
from regie.reading import guard

Merge = tuple[int, int, int, int]
"""A merged range: first row, first column, last row, last column (absolute, 0-based, inclusive)."""


@dataclass
class RawSheet:
    """The used range of one sheet."""

    name: str
    order: int
    visible: bool
    grid: list[list[object]]
    origin: tuple[int, int] = (0, 0)
    """Absolute (row, column) of ``grid[0][0]``."""
    merges: list[Merge] = field(default_factory=list)
    record_rows: list[int] | None = None
    """For CSV: the record number of each grid row (a quoted cell with line breaks is one record)."""

    def excel_row(self, index: int) -> int:
        """The row number as Excel (or the CSV record count) shows it for grid row ``index``."""
        if self.record_rows is not None:
            return self.record_rows[index]
        return self.origin[0] + index + 1

    @property
    def is_empty(self) -> bool:
        """True when no cell holds anything but white space."""
        return not any(_filled(v) for row in self.grid for v in row)


def _filled(value: object) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip()))


# --------------------------------------------------------------------------------------------
# Workbooks
# --------------------------------------------------------------------------------------------


WORKER = Path(__file__).with_name("_worker.py")
WORKER_MEMORY_BYTES = 768 * 1024 * 1024
"""Address-space limit of the parsing child: a hostile file ends there, never in the server."""
WORKER_TIMEOUT_SECONDS = 15.0
"""Longest a parse may take, so that a refusal reaches the user within 20 seconds."""
ENV_TIMEOUT = "REGIE_PARSE_TIMEOUT"
"""Environment variable with another parse time limit in seconds (the server's owner, large files)."""
ENV_MEMORY = "REGIE_PARSE_MEMORY_MB"
"""Environment variable with another address-space limit of the parsing child, in MB (large files)."""

log = logging.getLogger(__name__)


def read_workbook_sheets(data: bytes, kind: str, name: str, budget: guard.Budget | None = None) -> list[RawSheet]:
    """All worksheets of a workbook (xlsx, xlsm, xlsb, xls, ods), in workbook order.

    Every format is measured and parsed in a child process (:mod:`regie.reading._worker`) with an
    address-space limit and a time limit, so no upload can make this process allocate or wait
    without bound; its rows arrive a chunk at a time. Raises an
    :class:`~regie.errors.UnreadableFileError` with the Dutch reason.
    """
    limits = budget or guard.budget()
    frames = _run_worker(data, kind, name, limits)
    sheets: list[RawSheet] = []
    for head, grid in frames:
        sheets.append(RawSheet(
            str(head["sheet"]), int(head["order"]), bool(head["visible"]), grid,
            (int(head["start"][0]), int(head["start"][1])),
            [(int(a), int(b), int(c), int(d)) for a, b, c, d in head["merges"]],
        ))
    return sheets


class _Unpickler(pickle.Unpickler):
    """Unpickles only primitive values and the datetime types calamine returns: the child handles
    hostile content, so its output is never trusted to name other classes."""

    ALLOWED: frozenset[tuple[str, str]] = frozenset(
        {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timedelta")}
    )

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed")


def _rows_of_columns(columns: tuple[object, ...]) -> list[list[object]] | None:
    """A chunk the child sent column by column, as rows; None when it is not equally long tuples."""
    if not columns or not all(type(c) is tuple for c in columns):
        return None
    tuples = cast("tuple[tuple[object, ...], ...]", columns)
    height = len(tuples[0])
    if any(len(c) != height for c in tuples):
        return None
    return [list(row) for row in zip(*tuples, strict=True)]


def _timeout() -> float:
    text = os.environ.get(ENV_TIMEOUT, "").strip()
    try:
        return float(text) if text and float(text) > 0 else WORKER_TIMEOUT_SECONDS
    except ValueError:
        return WORKER_TIMEOUT_SECONDS


def memory_limit() -> int:
    """The parsing child's address-space limit in bytes: :data:`WORKER_MEMORY_BYTES`, unless the
    server's owner set ``REGIE_PARSE_MEMORY_MB``."""
    return guard.env_int(ENV_MEMORY, WORKER_MEMORY_BYTES // (1024 * 1024)) * 1024 * 1024


def _run_worker(data: bytes, kind: str, name: str, limits: guard.Budget) -> list[tuple[dict[str, Any], list[list[object]]]]:
    timeout = _timeout()
    command = [sys.executable, "-I", str(WORKER), kind, str(limits.cells), str(limits.rows), str(memory_limit())]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        with contextlib.suppress(OSError):
            proc.kill()

    timer = threading.Timer(timeout, kill)
    errors: list[bytes] = []

    def feed() -> None:
        assert proc.stdin is not None
        with contextlib.suppress(OSError):  # the child may stop reading (it refused, or died)
            proc.stdin.write(data)
        with contextlib.suppress(OSError):
            proc.stdin.close()

    def drain() -> None:
        assert proc.stderr is not None
        errors.append(proc.stderr.read(64 * 1024))
        proc.stderr.read()

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
    timer.start()
    for thread in threads:
        thread.start()
    frames: list[tuple[dict[str, Any], list[list[object]]]] = []
    end: dict[str, Any] | None = None
    try:
        assert proc.stdout is not None
        while True:
            try:  # one unpickler per frame: each frame is a pickle of its own (its own memo)
                frame = _Unpickler(proc.stdout).load()
            except EOFError:  # the child closed its output: it is ending
                break
            except (pickle.UnpicklingError, ValueError, TypeError, IndexError, AttributeError):
                log.error("parsing child for a %s file wrote something that is not a frame", kind)
                proc.kill()
                break
            if isinstance(frame, list):
                if frames:
                    frames[-1][1].extend(frame)
                continue
            if isinstance(frame, tuple):
                rows = _rows_of_columns(frame)
                if rows is None:
                    log.error("parsing child for a %s file wrote columns of unequal length", kind)
                    proc.kill()
                    break
                if frames:
                    frames[-1][1].extend(rows)
                continue
            if isinstance(frame, dict) and "sheet" in frame and "ok" not in frame:
                frames.append((frame, []))
                continue
            end = frame if isinstance(frame, dict) else None
            break
        try:
            proc.wait(timeout=max(timeout, 1.0))
        except subprocess.TimeoutExpired:
            kill()
            proc.wait()
    finally:
        timer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for thread in threads:
            thread.join(timeout=5)
    if end is not None and end.get("ok") is True:
        return frames
    if timed_out.is_set():
        raise FileTooLargeError(
            f"Het lezen van '{name}' duurde langer dan {nl_int(round(timeout))} seconden en is afgebroken. Het "
            "bestand is te groot of te ingewikkeld; splits de inventaris in kleinere bestanden, of sla het "
            "opnieuw op als .xlsx."
        )
    if end is None:
        raise _crashed(name, kind, proc.returncode, b"".join(errors))
    raise _refusal(end, name, kind, limits)


def _crashed(name: str, kind: str, returncode: int | None, stderr: bytes) -> RegieError:
    """The Dutch error for a child that ended without a last frame."""
    text = stderr.decode("utf-8", "replace")
    if "memory allocation" in text or "MemoryError" in text or "Cannot allocate" in text:
        return FileTooLargeError(
            f"Het bestand '{name}' vraagt bij het lezen meer geheugen dan is toegestaan (hooguit "
            f"{guard.mb(memory_limit())}). Meestal staat er een los gegeven ver buiten de tabel (in de laatste "
            "rij of kolom): verwijder het en sla het bestand opnieuw op, of splits de inventaris."
        )
    log.error("parsing child for a %s file ended with code %s: %s", kind, returncode, text[-2000:])
    return NotASpreadsheetError(
        f"Het bestand '{name}' kon niet worden gelezen: het leesprogramma liep vast op de inhoud ({kind}). "
        "Open het in Excel of LibreOffice, sla het opnieuw op als .xlsx en probeer het nog eens. Blijft het "
        "misgaan, meld het dan bij de beheerder."
    )


def _refusal(end: dict[str, Any], name: str, kind: str, limits: guard.Budget) -> RegieError:
    """Turn the child's error frame into the Dutch error."""
    error = end.get("error")
    sheet = end.get("sheet")
    if error == "encrypted":
        return guard._encrypted(name)
    if error == "too_large":
        return guard.too_large(name, sheet, int(end["rows"]), int(end["cols"]), int(end["cells"]), limits.cells)
    if error == "too_many_rows":
        return guard.too_many_rows(name, int(end["rows"]), limits.rows)
    if error == "too_complex":
        return FileTooLargeError(
            f"Het bestand '{name}' is te ingewikkeld om veilig te lezen: het bevat {nl_int(int(end['elements']))} "
            "XML-onderdelen, veel meer dan een inventaris van deze omvang nodig heeft. Open het in Excel of "
            "LibreOffice, sla het opnieuw op als .xlsx en probeer het nog eens."
        )
    if error == "memory":
        return _crashed(name, kind, None, b"MemoryError")
    if error == "panic":
        log.error("calamine panicked on a %s file: %s", kind, end.get("detail"))
        where = f" (blad '{sheet}')" if sheet else ""
        return NotASpreadsheetError(
            f"Het bestand '{name}' kon niet worden gelezen{where}: het is opgeslagen in een vorm die het "
            f"leesprogramma voor {kind}-bestanden niet aankan. Open het in Excel of LibreOffice, sla het opnieuw "
            "op als .xlsx en probeer het nog eens."
        )
    return _damaged(name, kind, RuntimeError(str(end.get("detail", ""))), sheet)


def _damaged(name: str, kind: str, exc: BaseException, sheet: str | None = None) -> UnreadableFileError:
    where = f" (blad '{sheet}')" if sheet else ""
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        return guard._encrypted(name)
    return NotASpreadsheetError(
        f"Het bestand '{name}' kon niet worden gelezen als {kind}-werkmap{where}: het is beschadigd "
        "of in een onbekende vorm opgeslagen. Open het in Excel of LibreOffice, sla het opnieuw op "
        "als .xlsx en probeer het nog eens."
    )


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------

_DELIMITERS = (";", ",", "\t", "|")


def decode_text(data: bytes) -> str:
    """CSV bytes as text, in the encoding :func:`~regie.reading.guard.text_encoding` finds (a BOM is dropped)."""
    return data.decode(guard.text_encoding(data), errors="replace").removeprefix("\ufeff")


def _text_stream(data: bytes) -> tuple[io.TextIOWrapper, str]:
    """A lazily decoding text stream over CSV bytes (line endings kept for the csv module), and a
    sample of its start for sniffing the delimiter."""
    encoding = guard.text_encoding(data)
    sample = data[:65536].decode(encoding, errors="ignore").removeprefix("\ufeff")
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace", newline="")
    return stream, sample


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most consistent number of fields."""
    sample = text[:65536]
    best = ";"
    best_score = -1.0
    for delimiter in _DELIMITERS:
        rows = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        counts = [len(r) for r, _ in zip(rows, range(30), strict=False) if r]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        score = counts.count(mode) * 10 + mode / 100
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_sheet(data: bytes, sheet_name: str, budget: guard.Budget | None = None,
                   file_name: str | None = None) -> RawSheet:
    """A CSV file as one sheet; each row keeps its record number as Excel shows it.

    The bytes are decoded as they are read (UTF-8, Windows-1252, UTF-16 or UTF-32, any line endings:
    CR LF, LF, or CR alone as classic Mac programs write); trailing empty fields do not widen the
    sheet; the budget of one upload (rows, and rows × columns) is checked while reading, so an
    oversized file is refused before it is held.
    """
    limits = budget or guard.budget()
    name = file_name or sheet_name
    stream, sample = _text_stream(data)
    delimiter = sniff_delimiter(sample)
    grid: list[list[Any]] = []
    records: list[int] = []
    width = 0
    reader: Iterator[list[str]] = csv.reader(stream, delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            if number == 1 and record and record[0].startswith("\ufeff"):
                record[0] = record[0][1:]
            end = len(record)
            while end and not record[end - 1].strip():
                end -= 1
            if end < len(record):
                del record[end:]
            width = max(width, end)
            grid.append(record)
            records.append(number)
            if len(grid) > limits.rows:
                raise guard.too_many_rows(name, len(grid), limits.rows)
            if len(grid) * width > limits.cells:
                raise guard.too_large(name, None, len(grid), width, len(grid) * width, limits.cells)
    except csv.Error as exc:
        raise NotASpreadsheetError(
            f"Het CSV-bestand '{name}' kon niet worden gelezen (record {len(records) + 1}: "
            f"{exc}). Controleer de aanhalingstekens in dat record of sla het opnieuw op vanuit Excel."
        ) from exc
    for record in grid:
        if len(record) < width:
            record.extend([""] * (width - len(record)))
    return RawSheet(sheet_name, 0, True, grid, (0, 0), [], records)

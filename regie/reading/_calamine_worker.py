"""Child process that parses a workbook with python-calamine under a memory limit.

Run as a script (``python -I _calamine_worker.py MAX_CELLS MAX_BYTES``) with the workbook bytes on
standard input; writes one pickled dict to standard output. A hostile file can make the Rust reader
abort the process (an allocation of billions of cells) — that can't be caught in-process, so the
parent reads workbooks only through this worker and turns a crash into a Dutch error.

Imports nothing from ``regie``, so the child starts fast.
"""

from __future__ import annotations

import contextlib
import io
import pickle
import sys


def _limit_memory(max_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the cell limit still applies
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def parse(data: bytes, max_cells: int) -> dict[str, object]:
    """All worksheets of a workbook: name, visible, start, grid, merges; or an error description."""
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError as exc:
        return {"ok": False, "error": "encrypted", "detail": str(exc)}
    except Exception as exc:
        return {"ok": False, "error": "damaged", "detail": str(exc)}
    sheets = []
    try:
        for order, meta in enumerate(book.sheets_metadata):
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                if sheet.height * sheet.width > max_cells:
                    return {"ok": False, "error": "too_large", "sheet": meta.name,
                            "rows": sheet.height, "cols": sheet.width}
                grid = sheet.to_python(skip_empty_area=True)
                start = sheet.start or (0, 0)
                merges = sheet.merged_cell_ranges
            except pc.PasswordError as exc:
                return {"ok": False, "error": "encrypted", "detail": str(exc)}
            except Exception as exc:
                return {"ok": False, "error": "damaged", "sheet": meta.name, "detail": str(exc)}
            sheets.append({
                "name": meta.name,
                "order": order,
                "visible": meta.visible == pc.SheetVisibleEnum.Visible,
                "start": (start[0], start[1]),
                "grid": grid,
                "merges": [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (merges or [])],
            })
    finally:
        book.close()
    return {"ok": True, "sheets": sheets}


def main() -> None:
    """Entry point of the child process."""
    max_cells = int(sys.argv[1])
    max_bytes = int(sys.argv[2])
    data = sys.stdin.buffer.read()
    _limit_memory(max_bytes)
    try:
        result = parse(data, max_cells)
    except MemoryError:
        result = {"ok": False, "error": "memory"}
    out = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()

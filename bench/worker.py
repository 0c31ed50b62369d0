"""One measurement in a fresh process, reported as one JSON object on standard output.

``bench/run.py`` starts this script once per measurement so that every memory peak starts from an
empty interpreter and reads do not share caches::

    python bench/worker.py read-openpyxl FILE   # bare pandas.read_excel(engine="openpyxl")
    python bench/worker.py read-calamine FILE   # bare pandas.read_excel(engine="calamine")
    python bench/worker.py stages FILE          # regie: import, read, map, analyse, JSON

Times are ``time.perf_counter`` seconds inside this process (interpreter start-up excluded; the
runner measures wall time around the process). Memory is the resident set size: ``maxrss`` is the
process high-water mark after each step (``resource.getrusage``, exact), ``peak_rss`` the highest
value a background sampler saw during the step (psutil, every 5 ms; it can miss a spike shorter than
that). A failure is reported as ``{"error": ...}`` with exit status 1, never a traceback only.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def maxrss_bytes() -> int:
    """This process's resident-set high-water mark in bytes (Linux reports KiB, macOS bytes)."""
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value if sys.platform == "darwin" else value * 1024


class RssSampler:
    """Samples this process's RSS in a background thread; :meth:`take_peak` resets the peak."""

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._proc: Any = None
        try:
            import psutil
        except ImportError:  # optional: maxrss is still reported
            return
        self._proc = psutil.Process()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self._proc.memory_info().rss
            self.peak = max(self.peak, rss)
            self._stop.wait(self.interval)

    def current(self) -> int:
        """Current RSS in bytes (0 without psutil)."""
        return self._proc.memory_info().rss if self._proc is not None else 0

    def take_peak(self) -> int:
        """Peak RSS since the last call (at least the current RSS); then reset."""
        peak = max(self.peak, self.current())
        self.peak = self.current()
        return peak

    def stop(self) -> None:
        """Stop the sampling thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def timed(sampler: RssSampler, steps: list[dict[str, Any]], name: str, func: Callable[[], Any]) -> Any:
    """Run ``func``, append its timing and memory to ``steps`` and return its result."""
    sampler.take_peak()
    t0 = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - t0
    steps.append({"name": name, "seconds": seconds, "peak_rss": sampler.take_peak(), "maxrss": maxrss_bytes()})
    return result


def read_bare(engine: str, path: Path) -> dict[str, Any]:
    """Bare ``pandas.read_excel(path, engine=engine, sheet_name=None)``: all sheets, no mapping."""
    sampler = RssSampler()
    steps: list[dict[str, Any]] = []
    pd = timed(sampler, steps, "import pandas", lambda: __import__("pandas"))
    frames = timed(sampler, steps, f"read_excel {engine}", lambda: pd.read_excel(path, engine=engine, sheet_name=None))
    sampler.stop()
    return {
        "steps": steps,
        "seconds": steps[-1]["seconds"],
        "sheets": {name: list(df.shape) for name, df in frames.items()},
        "maxrss": maxrss_bytes(),
    }


def run_stages(path: Path) -> dict[str, Any]:
    """The regie pipeline stage by stage: import, read_workbook, map_inventory, analyse, JSON."""
    sampler = RssSampler()
    steps: list[dict[str, Any]] = []

    def do_import() -> tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]]:
        # Exactly: from regie.reading import read_workbook; from regie.mapping import
        # map_inventory; from regie.analysis import analyse.
        reading = importlib.import_module("regie.reading")
        mapping = importlib.import_module("regie.mapping")
        analysis = importlib.import_module("regie.analysis")
        return reading.read_workbook, mapping.map_inventory, analysis.analyse

    read_workbook, map_inventory, analyse = timed(sampler, steps, "import regie", do_import)
    raw = timed(sampler, steps, "read_workbook", lambda: read_workbook(path))
    inventory = timed(sampler, steps, "map_inventory", lambda: map_inventory(raw))
    result = timed(sampler, steps, "analyse", lambda: analyse(inventory))
    text = timed(sampler, steps, "json.dumps", lambda: json.dumps(result, ensure_ascii=False))
    sampler.stop()
    return {
        "steps": steps,
        "seconds": sum(s["seconds"] for s in steps),
        "counts": result.get("counts") if isinstance(result, dict) else None,
        "rows": result.get("rows") if isinstance(result, dict) else None,
        "issues": len(result.get("issues", [])) if isinstance(result, dict) else None,
        "json_bytes": len(text.encode("utf-8")),
        "maxrss": maxrss_bytes(),
    }


def main(argv: list[str] | None = None) -> int:
    """Run one measurement and print its JSON report."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in {"read-openpyxl", "read-calamine", "stages"}:
        print("usage: worker.py {read-openpyxl|read-calamine|stages} FILE", file=sys.stderr)
        return 2
    mode, path = args[0], Path(args[1])
    try:
        if mode == "stages":
            report = run_stages(path)
        else:
            report = read_bare(mode.removeprefix("read-"), path)
    except Exception as exc:  # reported to the runner as data, never a bare traceback
        print(
            json.dumps(
                {
                    "error": f"{type(exc).__name__}: {exc}",
                    "traceback": traceback.format_exc(limit=8),
                    "maxrss": maxrss_bytes(),
                }
            )
        )
        return 1
    report["pid"] = os.getpid()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Export benchmark: how long each download takes for one inventory (issue 13's targets at 10k).

Usage::

    python bench/exports.py                                 # bench/out/inv_10k.xlsx, 3 rounds
    python bench/exports.py --file bench/out/inv_1k.xlsx --rounds 5

The inventory is read and mapped once (not timed), then every export is made ``--rounds`` times in
this process and the fastest and the median are reported: the enriched Excel workbook, the
PowerPoint deck with native charts, the HTML report, and a PNG of the phase × element chart. The
first PNG starts Chromium through kaleido and is reported apart; the target is for the ones after
it. Targets: XLSX < 2 s, PPTX and HTML < 3 s, PNG < 2 s after the first. Results are printed as
Markdown and written to ``bench/out/export_results.md``; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from regie import load_inventory  # noqa: E402 - after the sys.path set-up above
from regie.charts import phases  # noqa: E402
from regie.export import html, png, pptx, xlsx  # noqa: E402

OUT = BENCH / "out"
TARGETS: dict[str, float] = {"XLSX": 2.0, "PPTX": 3.0, "HTML": 3.0, "PNG": 2.0}


def _timed(make: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = make()
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 0 whenever it ran."""
    parser = argparse.ArgumentParser(description="Time the exports of one inventory (see bench/exports.py).")
    parser.add_argument("--file", type=Path, default=OUT / "inv_10k.xlsx", help="inventory (default bench/out/inv_10k.xlsx)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per export (default 3)")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"{args.file} does not exist; make it with: python bench/generate.py --projects 10k --out {args.file}")
        return 1
    inv = load_inventory(args.file)
    moment = dt.datetime(2026, 1, 1, 12, 0)
    makers: dict[str, Callable[[], object]] = {
        "XLSX": lambda: xlsx.workbook_bytes(inv, moment=moment),
        "PPTX": lambda: pptx.deck_bytes(inv, moment=moment),
        "HTML": lambda: html.report_bytes(inv, moment=moment),
    }
    lines = [
        f"# Exports of {args.file.name} ({len(inv.projects):,} projects)", "",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{args.rounds} rounds.", "",
        "| export | fastest (s) | median (s) | size (KB) | target | result |", "|---|---:|---:|---:|---:|---|",
    ]
    first_png: float | None = None
    for name, make in makers.items():
        times, size = [], 0
        for _ in range(args.rounds):
            seconds, data = _timed(make)
            times.append(seconds)
            size = len(data) if isinstance(data, bytes) else 0
        lines.append(_row(name, times, size))
    if png.png_available():
        chart = phases.phase_element_heatmap(inv, "")
        first_png, _ = _timed(lambda: png.chart_png(chart))
        times, size = [], 0
        for _ in range(args.rounds):
            seconds, data = _timed(lambda: png.chart_png(chart))
            times.append(seconds)
            size = len(data) if isinstance(data, bytes) else 0
        lines.append(_row("PNG", times, size))
    else:
        lines.append("| PNG | – | – | – | 2.0 | SKIP (no kaleido or Chromium) |")
    if first_png is not None:
        lines += ["", f"The first PNG (starting Chromium) took {first_png:.2f} s."]
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / "export_results.md").write_text(text, encoding="utf-8")
    return 0


def _row(name: str, times: list[float], size: int) -> str:
    fastest, median = min(times), statistics.median(times)
    verdict = "PASS" if median < TARGETS[name] else "FAIL"
    return f"| {name} | {fastest:.2f} | {median:.2f} | {size // 1024:,} | {TARGETS[name]:.1f} | **{verdict}** |"


if __name__ == "__main__":
    sys.exit(main())

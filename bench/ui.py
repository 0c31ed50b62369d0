"""UI benchmark: page switches and filter changes with a 10k-project inventory, first paint of the example.

Usage::

    python bench/ui.py                          # 10k inventory, 3 rounds
    python bench/ui.py --rounds 5 --port 8605
    python bench/ui.py --file bench/out/inv_1k.xlsx

It starts the app as the container does (``python -m regie.ui.serve``, i.e. ``streamlit run app.py``) on a
free port (or ``--port``), drives Debian's chromium
(``/usr/bin/chromium``) with Playwright and measures, in the browser:

* **first paint of the example**: a new session (fresh browser context) from navigation start
  until the first screen of Overzicht is there: the headline sentence and the six metrics at the top
  (projects, partners, links; projects per phase). The metrics of the inventory's quality lie under
  the three charts, out of view, and come with them: the time until the whole page is drawn is the
  "charts drawn" column. The very first load after the server started (cold caches) is reported
  apart from the median of the following ones;
* **page switch**: with the 10k inventory uploaded, a click in the sidebar navigation until the
  run it started has finished and nothing is left to draw (no skeletons): every page, ``--rounds``
  times, in navigation order;
* **filter change**: on every page, choosing "Visie" in the sidebar filter Fase and clearing it
  again, each until the app is idle.

Charts finish drawing in the browser after the run; the time until every plotly chart of the page
is drawn is reported alongside (not part of the targets). Targets (issue 3): page switch and filter
change back in under 1 s (median), first paint of the example under 3 s (median). Results are
printed as Markdown and written to ``bench/out/ui_results.md``; targets are PASS/FAIL, nothing is
asserted, and the exit status is 0 whenever the benchmark ran.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for extra in (ROOT, ROOT / "tests"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from browser_support import (  # noqa: E402 - after the sys.path set-up above
    StreamlitServer,
    act,
    choose,
    clear_filter,
    exception_count,
    launch,
    metric_value,
    nav_link,
    new_page,
    open_url,
    upload,
    wait_for_charts,
)
from ui_support import PAGES  # noqa: E402

OUT = BENCH / "out"
DEFAULT_FILE = OUT / "inv_10k.xlsx"
SWITCH_TARGET = 1.0
FILTER_TARGET = 1.0
PAINT_TARGET = 3.0
FIRST_SCREEN_METRICS = 6
"""Metrics at the top of Overzicht, above its charts: with the headline, the first screen."""
ACTION_TIMEOUT_MS = 180_000


@dataclass
class Series:
    """Timings of one kind of action, in seconds, with the page each was taken on."""

    name: str
    target: float | None = None
    values: list[float] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    charts: list[float] = field(default_factory=list)

    def add(self, seconds: float, page: str = "", charts: float = 0.0) -> None:
        self.values.append(seconds)
        self.pages.append(page)
        self.charts.append(charts)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    def per_page(self) -> dict[str, list[float]]:
        grouped: dict[str, list[float]] = {}
        for page, value in zip(self.pages, self.values, strict=True):
            grouped.setdefault(page, []).append(value)
        return grouped


def _fmt(seconds: float) -> str:
    return "–" if seconds != seconds else f"{seconds:.2f} s"


def _verdict(series: Series) -> str:
    if series.target is None or not series.values:
        return ""
    return "PASS" if series.median < series.target else "FAIL"


def first_paint(browser, url: str, series: Series, cold: Series, repeats: int) -> None:
    """Fresh sessions on the example: navigation start until the first screen of Overzicht (headline and the
    six metrics at the top) is visible; the time until its three charts are drawn goes alongside."""
    for attempt in range(repeats + 1):
        page = new_page(browser)
        try:
            start = time.perf_counter()
            page.goto(url + "/", wait_until="commit", timeout=ACTION_TIMEOUT_MS)
            page.locator('[data-testid="stMetricValue"]').nth(FIRST_SCREEN_METRICS - 1).wait_for(
                state="visible", timeout=ACTION_TIMEOUT_MS)
            seconds = time.perf_counter() - start
            charts = wait_for_charts(page, 3, ACTION_TIMEOUT_MS)
            (cold if attempt == 0 else series).add(seconds, "Overzicht", seconds + charts)
        finally:
            page.context.close()


def load_inventory(page, url: str, path: Path) -> tuple[float, str]:
    open_url(page, url + "/inventaris", ACTION_TIMEOUT_MS)
    seconds = upload(page, path.name, path.read_bytes())
    act(page, nav_link(page, url, "").click, ACTION_TIMEOUT_MS)
    return seconds, metric_value(page, "Projecten")


def page_switches(page, url: str, series: Series, rounds: int, errors: list[str]) -> None:
    for _ in range(rounds):
        for info in [*PAGES[1:], PAGES[0]]:
            seconds = act(page, nav_link(page, url, info.url_path).click, ACTION_TIMEOUT_MS)
            charts = wait_for_charts(page, page.locator(".js-plotly-plot").count(), ACTION_TIMEOUT_MS)
            series.add(seconds, info.title, seconds + charts)
            if exception_count(page):
                errors.append(f"exception element on {info.title} after a page switch")


def filter_changes(page, url: str, series: Series, rounds: int, errors: list[str]) -> None:
    for info in PAGES:
        act(page, nav_link(page, url, info.url_path).click, ACTION_TIMEOUT_MS)
        for _ in range(rounds):
            for change in (lambda: choose(page, "Fase", "Visie"), lambda: clear_filter(page, "Fase")):
                seconds = change()
                charts = wait_for_charts(page, page.locator(".js-plotly-plot").count(), ACTION_TIMEOUT_MS)
                series.add(seconds, info.title, seconds + charts)
                if exception_count(page):
                    errors.append(f"exception element on {info.title} after a filter change")


def _versions() -> str:
    names = ("streamlit", "plotly", "pandas", "playwright")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        found.append(chromium)
    except (OSError, subprocess.SubprocessError):
        pass
    return ", ".join(found)


def report(path: Path, projects: str, upload_seconds: float, series: list[Series], cold: Series,
           errors: list[str], load: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    switch, filters = series[0], series[1]
    lines = [
        "# UI benchmark",
        "",
        f"{dt.datetime.now().isoformat(timespec='seconds')} · {platform.node()} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · {_versions()}",
        "",
        f"Inventory: `{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}` "
        f"({projects} projects on Overzicht after the upload; upload and first run took {_fmt(upload_seconds)}).",
        f"Load average at start {', '.join(f'{v:.2f}' for v in load[0])}; at end "
        f"{', '.join(f'{v:.2f}' for v in load[1])} (the end includes the benchmark's own server and browser).",
    ]
    if load[0][0] > (os.cpu_count() or 1) * 0.75:  # at the end the load includes our own server and browser
        lines += ["", "**The machine was busy when the benchmark started: timings may be 2× or more too slow.**"]
    lines += [
        "",
        "| measurement | n | median | min | max | charts drawn (median) | target | result |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for item in (*series, cold):
        if not item.values:
            continue
        lines.append(
            f"| {item.name} | {len(item.values)} | {_fmt(item.median)} | {_fmt(min(item.values))} | "
            f"{_fmt(max(item.values))} | {_fmt(statistics.median(item.charts))} | "
            f"{'< ' + _fmt(item.target) if item.target else '–'} | {_verdict(item)} |"
        )
    lines += ["", "Per page (median until idle, in seconds):", "",
              "| page | page switch | filter change |", "|---|---:|---:|"]
    switch_pages, filter_pages = switch.per_page(), filters.per_page()
    for info in PAGES:
        lines.append(f"| {info.title} | {_fmt(statistics.median(switch_pages.get(info.title, [float('nan')])))} | "
                     f"{_fmt(statistics.median(filter_pages.get(info.title, [float('nan')])))} |")
    lines += ["", "Targets (issue 3):", ""]
    for item in series:
        lines.append(f"- {item.name}: median {_fmt(item.median)} (target < {_fmt(item.target)}) — **{_verdict(item)}**")
    if errors:
        lines += ["", "Problems seen while measuring:", ""] + [f"- {e}" for e in errors]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="inventory to upload (default: 10k)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of page switches and filter changes")
    parser.add_argument("--paints", type=int, default=5, help="first paints measured after the cold one")
    parser.add_argument("--port", type=int, default=None, help="port for the Streamlit server (default: free)")
    parser.add_argument("--out", type=Path, default=OUT / "ui_results.md")
    args = parser.parse_args(argv)

    if not args.file.exists():
        if args.file.resolve() != DEFAULT_FILE.resolve():
            print(f"{args.file} does not exist", file=sys.stderr)
            return 2
        print(f"generating {DEFAULT_FILE.relative_to(ROOT)} …", flush=True)
        subprocess.run([sys.executable, str(BENCH / "generate.py"), "--projects", "10k", "--out", str(DEFAULT_FILE)],
                       check=True, cwd=ROOT)

    from playwright.sync_api import sync_playwright

    load_start = os.getloadavg()
    size = args.file.stem.removeprefix("inv_")
    switch = Series(f"page switch ({size})", SWITCH_TARGET)
    filters = Series(f"filter change ({size})", FILTER_TARGET)
    paint = Series("first paint of the example", PAINT_TARGET)
    cold = Series("first paint, first load after server start")
    errors: list[str] = []
    OUT.mkdir(parents=True, exist_ok=True)
    with StreamlitServer(port=args.port, log_path=OUT / "ui_server.log") as server, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            print("first paint …", flush=True)
            first_paint(browser, server.url, paint, cold, args.paints)
            page = new_page(browser)
            print(f"uploading {args.file.name} …", flush=True)
            upload_seconds, projects = load_inventory(page, server.url, args.file)
            print("page switches …", flush=True)
            page_switches(page, server.url, switch, args.rounds, errors)
            print("filter changes …", flush=True)
            filter_changes(page, server.url, filters, args.rounds, errors)
        finally:
            browser.close()
    text = report(args.file, projects, upload_seconds, [switch, filters, paint], cold, errors,
                  (load_start, os.getloadavg()))
    args.out.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

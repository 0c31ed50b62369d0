"""Benchmark the regie pipeline against bare pandas reads of the same messy workbooks.

Usage::

    python bench/run.py                          # sizes 1k, 10k, 100k
    python bench/run.py --sizes 1k,10k --skip-openpyxl
    python bench/run.py --sizes 100k --repeat 3

For each size it generates ``bench/out/inv_<size>.xlsx`` when missing (see ``generate.py``), then
measures, each in a fresh subprocess (``worker.py``) so memory peaks are comparable:

a. bare ``pandas.read_excel(path, engine="openpyxl", sheet_name=None)``;
b. bare ``pandas.read_excel(path, engine="calamine", sheet_name=None)``;
c. the pipeline stage by stage: ``regie.reading.read_workbook`` → ``regie.mapping.map_inventory``
   → ``regie.analysis.analyse`` (plus the import and ``json.dumps``);
d. the whole CLI ``python -m regie analyse FILE --json`` (wall time, interpreter start-up included).

Peak memory of a subprocess is its own ``ru_maxrss`` as returned by ``os.wait4``. Results are printed
as Markdown and written to ``bench/out/results.md`` and ``bench/out/results.json``. Targets are
reported PASS/FAIL/SKIP; nothing is asserted and the exit status is 0 whenever the benchmark ran.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import generate  # noqa: E402 - the sibling module, found through sys.path above

MIB = 1024 * 1024
GIB = 1024 * MIB
WORKER = BENCH / "worker.py"


@dataclass
class ChildResult:
    """A finished subprocess: wall time, its own peak RSS, exit status and output."""

    wall: float
    maxrss: int
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False
    tree_peak: int | None = None
    """Bytes: highest summed RSS of the process and its descendants (when sampled)."""


@dataclass
class Measurement:
    """One line of the results table."""

    size: str
    name: str
    seconds: float | None
    """Time of the measured work: in-process for bare reads and stages, wall time for the CLI."""
    wall: float | None = None
    """Wall time of the whole subprocess (start-up and imports included)."""
    rows_per_s: float | None = None
    peak_rss: int | None = None
    """Bytes: the subprocess's ru_maxrss, or for a stage the high-water mark after that stage."""
    stage_peak_rss: int | None = None
    """Bytes: highest RSS sampled during the stage (stages only)."""
    tree_peak_rss: int | None = None
    """Bytes: highest summed RSS of the subprocess and its descendants (CLI and stages total)."""
    note: str = ""

    def peak_memory(self) -> int | None:
        """The larger of ``peak_rss`` and ``tree_peak_rss``: what the machine had to hold."""
        values = [v for v in (self.peak_rss, self.tree_peak_rss) if v]
        return max(values) if values else None


@dataclass
class Target:
    """A performance target and whether it was met."""

    name: str
    status: str
    detail: str


@dataclass
class SizeResult:
    """Everything measured for one workbook size."""

    size: str
    projects: int
    file: str
    file_mb: float
    data_rows: int
    measurements: list[Measurement] = field(default_factory=list)
    cli_counts: dict[str, Any] | None = None
    expected_counts: dict[str, int] | None = None
    count_mismatches: list[str] = field(default_factory=list)


class TreeSampler:
    """Samples the summed RSS of a process and all its descendants in a background thread.

    ``ru_maxrss`` is per process: a pipeline that reads in a helper subprocess has its memory split
    over two processes that may be alive at the same time. The sum is what the machine must hold.
    Sampling every 20 ms can miss a spike shorter than that.
    """

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            import psutil
        except ImportError:  # optional: ru_maxrss is still reported
            return
        self._psutil = psutil
        self._pid = pid
        self._interval = interval
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        psutil = self._psutil
        try:
            root = psutil.Process(self._pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in procs:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self._interval)

    def stop(self) -> int | None:
        """Stop sampling; the peak in bytes, or None without psutil."""
        self._stop.set()
        if self._thread is None:
            return None
        self._thread.join()
        return self.peak or None


def run_child(cmd: list[str], timeout: float, sample_tree: bool = False) -> ChildResult:
    """Run ``cmd`` from the repository root; measure its wall time and peak memory.

    ``os.wait4`` returns the resource usage of exactly this child (its ``ru_maxrss`` also covers
    grandchildren it waited for, as a maximum, not a sum), unlike ``getrusage(RUSAGE_CHILDREN)``
    which keeps the maximum over all children so far. With ``sample_tree`` the summed RSS of the
    whole process tree is sampled too. On timeout the whole process group is killed.
    """
    env = dict(
        os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), PYTHONIOENCODING="utf-8"
    )
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, env=env, start_new_session=True)
        sampler = TreeSampler(proc.pid) if sample_tree else None
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        tree_peak = sampler.stop() if sampler is not None else None
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        maxrss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
        return ChildResult(
            wall,
            maxrss,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            killed.is_set(),
            tree_peak,
        )


def best_of(cmd: list[str], repeat: int, timeout: float, sample_tree: bool = False) -> ChildResult:
    """Run ``cmd`` ``repeat`` times; keep the fastest successful run (or the last failure)."""
    best: ChildResult | None = None
    for _ in range(repeat):
        res = run_child(cmd, timeout, sample_tree)
        if res.returncode != 0:
            return res
        if best is None or res.wall < best.wall:
            best = res
    if best is None:
        raise ValueError("repeat must be at least 1")
    return best


def worker_report(res: ChildResult) -> dict[str, Any]:
    """Parse a worker's JSON report; a failure becomes ``{"error": ...}``."""
    try:
        report = json.loads(res.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (res.stderr or res.stdout).strip()[-400:]
        report = {"error": f"exit {res.returncode}: {tail}"}
    if res.timed_out:
        report["error"] = "timed out"
    return report


def short_error(text: str) -> str:
    """First line of an error, shortened for a table cell."""
    line = text.strip().splitlines()[-1] if text.strip() else "error"
    return (line[:117] + "...") if len(line) > 120 else line


def ensure_workbook(label: str, out_dir: Path, seed: int) -> tuple[Path, dict[str, Any]]:
    """Return the workbook for ``label`` and its manifest, generating both when missing."""
    projects = generate.parse_size(label)
    path = out_dir / f"inv_{generate.size_label(projects)}.xlsx"
    mpath = generate.manifest_path(path)
    manifest: dict[str, Any] | None = None
    if path.exists() and mpath.exists():
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        if manifest.get("seed") != seed or manifest.get("projects") != projects:
            manifest = None
    if manifest is None:
        log(f"generating {path.name} ({projects} projects, seed {seed}) ...")
        generate.generate(projects, path, seed)
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        log(f"  done in {manifest['seconds']:.1f} s")
    return path, manifest


def log(message: str) -> None:
    """Progress on standard error (standard output carries the results table)."""
    print(message, file=sys.stderr, flush=True)


def bench_size(label: str, args: argparse.Namespace) -> SizeResult:
    """Run every measurement for one size."""
    path, manifest = ensure_workbook(label, args.out_dir, args.seed)
    projects = int(manifest["projects"])
    size = generate.size_label(projects)
    data_rows = sum(int(v) for v in manifest["rows"].values())
    result = SizeResult(
        size=size,
        projects=projects,
        file=str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
        file_mb=round(path.stat().st_size / 1e6, 2),
        data_rows=data_rows,
        expected_counts=manifest.get("expected_counts"),
    )
    repeat = args.repeat if args.repeat else (3 if projects <= 10_000 else 1)
    py = args.python

    def rate(seconds: float | None) -> float | None:
        return data_rows / seconds if seconds else None

    engines = ["calamine"] if args.skip_openpyxl else ["openpyxl", "calamine"]
    for engine in engines:
        log(f"[{size}] bare read, {engine} ...")
        res = best_of([py, str(WORKER), f"read-{engine}", str(path)], repeat, args.timeout)
        rep = worker_report(res)
        if "error" in rep:
            result.measurements.append(
                Measurement(
                    size, f"bare read: {engine}", None, res.wall, None, res.maxrss, note=short_error(rep["error"])
                )
            )
            continue
        result.measurements.append(
            Measurement(
                size,
                f"bare read: {engine}",
                rep["seconds"],
                res.wall,
                rate(rep["seconds"]),
                res.maxrss,
                note=f"{len(rep['sheets'])} sheets",
            )
        )

    log(f"[{size}] pipeline stages ...")
    res = best_of([py, str(WORKER), "stages", str(path)], repeat, args.timeout, sample_tree=True)
    rep = worker_report(res)
    if "error" in rep:
        result.measurements.append(
            Measurement(
                size,
                "pipeline stages",
                None,
                res.wall,
                None,
                res.maxrss,
                None,
                res.tree_peak,
                short_error(rep["error"]),
            )
        )
    else:
        for step in rep["steps"]:
            result.measurements.append(
                Measurement(
                    size,
                    f"stage: {step['name']}",
                    step["seconds"],
                    None,
                    rate(step["seconds"]) if step["name"] != "import regie" else None,
                    step["maxrss"],
                    step["peak_rss"],
                )
            )
        result.measurements.append(
            Measurement(
                size,
                "stages total (in-process)",
                rep["seconds"],
                res.wall,
                rate(rep["seconds"]),
                res.maxrss,
                tree_peak_rss=res.tree_peak,
                note=f"{rep.get('issues')} issues",
            )
        )

    log(f"[{size}] CLI python -m regie analyse --json ...")
    cmd = [py, "-m", "regie", "analyse", str(path), "--json"]
    res = best_of(cmd, repeat, args.timeout, sample_tree=True)
    if res.returncode != 0 or res.timed_out:
        why = "timed out" if res.timed_out else f"exit {res.returncode}: {short_error(res.stderr)}"
        result.measurements.append(
            Measurement(size, "CLI analyse --json", None, res.wall, None, res.maxrss, None, res.tree_peak, why)
        )
    else:
        note = ""
        try:
            out = json.loads(res.stdout)
            result.cli_counts = out.get("counts")
            note = f"{len(out.get('issues', []))} issues"
        except json.JSONDecodeError as exc:
            note = f"stdout is not JSON: {exc}"
        result.measurements.append(
            Measurement(
                size, "CLI analyse --json", res.wall, res.wall, rate(res.wall), res.maxrss, None, res.tree_peak, note
            )
        )
    if result.cli_counts is not None and result.expected_counts:
        for key, want in result.expected_counts.items():
            got = result.cli_counts.get(key)
            if got != want:
                result.count_mismatches.append(f"counts.{key}: CLI {got}, generator {want}")
    return result


def find(result: SizeResult | None, name: str) -> Measurement | None:
    """The measurement called ``name`` in ``result``, if it ran successfully."""
    if result is None:
        return None
    for m in result.measurements:
        if m.name == name and m.seconds is not None:
            return m
    return None


def ratios(result: SizeResult) -> dict[str, float | None]:
    """openpyxl read / CLI and CLI / calamine read (bare read times are in-process)."""
    cli = find(result, "CLI analyse --json")
    opx = find(result, "bare read: openpyxl")
    cal = find(result, "bare read: calamine")
    out: dict[str, float | None] = {
        "openpyxl_over_cli": None,
        "cli_over_calamine": None,
        "openpyxl_over_cli_wall": None,
        "cli_over_calamine_wall": None,
    }
    if cli and cli.seconds:
        if opx and opx.seconds:
            out["openpyxl_over_cli"] = opx.seconds / cli.seconds
            out["openpyxl_over_cli_wall"] = (opx.wall or 0) / cli.seconds
        if cal and cal.seconds:
            out["cli_over_calamine"] = cli.seconds / cal.seconds
            out["cli_over_calamine_wall"] = cli.seconds / (cal.wall or cli.seconds)
    return out


def check_targets(results: dict[str, SizeResult], skip_openpyxl: bool) -> list[Target]:
    """The performance targets (issue 13's for the CLI), evaluated on what was measured."""
    targets: list[Target] = []
    big = results.get("100k")
    r = ratios(big) if big else {}
    cli_big = find(big, "CLI analyse --json")

    name = "100k: CLI ≥ 5× faster than bare openpyxl read"
    if big is None or skip_openpyxl:
        targets.append(Target(name, "SKIP", "100k not run" if big is None else "--skip-openpyxl"))
    elif r.get("openpyxl_over_cli") is None:
        targets.append(Target(name, "FAIL", "CLI or openpyxl read failed"))
    else:
        v = r["openpyxl_over_cli"] or 0.0
        targets.append(Target(name, "PASS" if v >= 5 else "FAIL", f"openpyxl / CLI = {v:.2f}×"))

    name = "100k: analyse --json ≤ 1.5× bare calamine read (whole processes, same machine, one run)"
    if big is None:
        targets.append(Target(name, "SKIP", "100k not run"))
    elif r.get("cli_over_calamine_wall") is None:
        targets.append(Target(name, "FAIL", "CLI or calamine read failed"))
    else:
        v = r["cli_over_calamine_wall"] or 0.0
        strict = r.get("cli_over_calamine") or 0.0
        targets.append(Target(name, "PASS" if v <= 1.5 else "FAIL",
                              f"CLI / calamine = {v:.2f}× wall-to-wall ({strict:.2f}× against calamine's parse alone)"))

    name = "100k: CLI peak memory < 1 GiB (ru_maxrss or process tree, the larger)"
    if big is None:
        targets.append(Target(name, "SKIP", "100k not run"))
    elif cli_big is None or cli_big.peak_memory() is None:
        targets.append(Target(name, "FAIL", "CLI failed"))
    else:
        peak = cli_big.peak_memory() or 0
        detail = f"peak {peak / MIB:.0f} MiB (ru_maxrss {(cli_big.peak_rss or 0) / MIB:.0f} MiB"
        if cli_big.tree_peak_rss:
            detail += f", process tree {cli_big.tree_peak_rss / MIB:.0f} MiB"
        targets.append(Target(name, "PASS" if peak < GIB else "FAIL", detail + ")"))

    name = "10k: CLI < 2 s"
    cli_10k = find(results.get("10k"), "CLI analyse --json")
    if "10k" not in results:
        targets.append(Target(name, "SKIP", "10k not run"))
    elif cli_10k is None or cli_10k.seconds is None:
        targets.append(Target(name, "FAIL", "CLI failed"))
    else:
        targets.append(Target(name, "PASS" if cli_10k.seconds < 2 else "FAIL", f"CLI wall {cli_10k.seconds:.2f} s"))
    return targets


def fmt(value: float | None, spec: str) -> str:
    """Format a number for the table; missing values as an en dash."""
    return "–" if value is None else format(value, spec)


def load_average() -> float | None:
    """One-minute load average (None where the platform has none)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def environment(load_start: float | None) -> dict[str, Any]:
    """Versions, machine and load, recorded with the results."""
    versions: dict[str, str] = {}
    for dist in ("pandas", "openpyxl", "python-calamine", "xlsxwriter", "numpy"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "absent"
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_start": load_start,
        "load_end": load_average(),
        "packages": versions,
    }


def busy_warning(env: dict[str, Any]) -> list[str]:
    """A warning line when other work competed for the CPUs during the run.

    The load at the end includes the benchmark's own process (about 1), so 1 is taken off it.
    """
    cpus = env.get("cpus") or 1
    start, end = env.get("load_start"), env.get("load_end")
    other = max(start or 0.0, (end or 1.0) - 1.0)
    if other > 0.5 * cpus:
        return [
            f"**Warning: the machine was busy (load average {start} at start, {end} at end, on {cpus} "
            "CPUs); timings are noisy. Rerun on an idle machine for numbers to compare.**",
            "",
        ]
    return []


def render(results: dict[str, SizeResult], targets: list[Target], env: dict[str, Any], repeat_note: str) -> str:
    """The Markdown report."""
    lines = [
        "# Benchmark: regie pipeline vs bare pandas reads",
        "",
        f"{env['date']} · Python {env['python']} · {env['platform']} · {env['cpus']} CPUs · "
        + ", ".join(f"{k} {v}" for k, v in env["packages"].items())
        + f" · load average {env['load_start']} at start, {env['load_end']} at end",
        "",
        (
            f"{repeat_note} *time*: in-process time of the measured work (bare reads, stages) or "
            "wall time of the whole process (CLI). *wall*: the subprocess from start to exit. "
            "*rows/s*: all data rows of the workbook (every sheet) per second of *time*. *peak RSS*: "
            "the process's ru_maxrss; for a stage, the process high-water mark after that stage "
            "(sampled peak during the stage in parentheses). *tree peak*: the highest summed RSS of "
            "the process and its subprocesses (sampled every 20 ms), for the pipeline runs."
        ),
        "",
        *busy_warning(env),
        "| size | measurement | time (s) | wall (s) | rows/s | peak RSS (MiB) | tree peak (MiB) | note |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for res in results.values():
        for m in res.measurements:
            rss = fmt(m.peak_rss / MIB if m.peak_rss else None, ".0f")
            if m.stage_peak_rss:
                rss += f" ({m.stage_peak_rss / MIB:.0f})"
            tree = fmt(m.tree_peak_rss / MIB if m.tree_peak_rss else None, ".0f")
            lines.append(
                f"| {m.size} | {m.name} | {fmt(m.seconds, '.3f')} | {fmt(m.wall, '.2f')}"
                f" | {fmt(m.rows_per_s, ',.0f')} | {rss} | {tree} | {m.note} |"
            )
    lines += [
        "",
        (
            "| size | projects | data rows | file (MB) | openpyxl / CLI | CLI / calamine "
            "| wall-to-wall: openpyxl / CLI | wall-to-wall: CLI / calamine | counts check |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for res in results.values():
        r = ratios(res)
        if res.cli_counts is None:
            check = "–"
        else:
            check = "; ".join(res.count_mismatches) or "projects, partners, team as generated"
        lines.append(
            f"| {res.size} | {res.projects:,} | {res.data_rows:,} | {res.file_mb} "
            f"| {fmt(r['openpyxl_over_cli'], '.2f')} | {fmt(r['cli_over_calamine'], '.2f')} "
            f"| {fmt(r['openpyxl_over_cli_wall'], '.2f')} | {fmt(r['cli_over_calamine_wall'], '.2f')}"
            f" | {check} |"
        )
    lines += [
        "",
        (
            "Ratios use the bare reads' in-process time against the CLI's wall time (start-up "
            "included), the stricter comparison; the wall-to-wall columns compare whole processes."
        ),
        "",
        "## Targets",
        "",
        "| target | result | measured |",
        "|---|---|---|",
    ]
    lines += [f"| {t.name} | **{t.status}** | {t.detail} |" for t in targets]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description="Benchmark the regie pipeline (see bench/README.md).")
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated project counts (default 1k,10k,100k)")
    parser.add_argument("--skip-openpyxl", action="store_true", help="leave out the bare openpyxl read (slow on 100k)")
    parser.add_argument(
        "--repeat", type=int, default=0, help="runs per measurement, fastest kept (default 3 up to 10k, else 1)"
    )
    parser.add_argument("--seed", type=int, default=42, help="generator seed (default 42)")
    parser.add_argument("--out-dir", type=Path, default=BENCH / "out", help="workbooks and results (default bench/out)")
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="seconds before a subprocess is killed (default 1800)"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter for the subprocesses (default: this one)")
    args = parser.parse_args(argv)
    args.out_dir = args.out_dir.resolve()
    if args.repeat < 0:
        parser.error("--repeat must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write bench/out/results.md and results.json."""
    args = parse_args(argv)
    load_start = load_average()
    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    results: dict[str, SizeResult] = {}
    for label in labels:
        res = bench_size(label, args)
        results[res.size] = res
    targets = check_targets(results, args.skip_openpyxl)
    env = environment(load_start)
    repeat_note = (
        f"Each measurement is the fastest of {args.repeat} runs."
        if args.repeat
        else "Each measurement is the fastest of 3 runs (1 run for sizes above 10k)."
    )
    report = render(results, targets, env, repeat_note)
    print(report)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "results.md").write_text(report, encoding="utf-8")
    payload = {
        "environment": env,
        "sizes": {k: asdict(v) | {"ratios": ratios(v)} for k, v in results.items()},
        "targets": [asdict(t) for t in targets],
    }
    (args.out_dir / "results.json").write_text(
        json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    log(f"wrote {args.out_dir / 'results.md'} and {args.out_dir / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

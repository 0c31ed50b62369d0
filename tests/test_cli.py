"""The command line contract: ``python -m regie analyse FILE [--json]`` (docs/inventaris.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_support import Completed, run_cli
from realistic import Sheet, xlsx

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> Completed:
    return run_cli(*args)


def test_the_entry_point_runs_as_a_module(example_path: Path) -> None:
    """The one real ``python -m regie`` here: the module entry point works from a clean interpreter."""
    proc = subprocess.run([sys.executable, "-m", "regie", "analyse", str(example_path), "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["file"] == "voorbeeld_inventaris.xlsx"


def test_json_of_the_example(example_path: Path) -> None:
    proc = run("analyse", str(example_path), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["file"] == "voorbeeld_inventaris.xlsx"
    assert list(result)[:8] == ["file", "counts", "rows", "phases", "elements", "phase_element", "roles", "skills"]
    assert result["counts"]["projects"] >= 25 and result["counts"]["partners"] >= 12
    assert set(result) == {"file", "counts", "rows", "phases", "elements", "phase_element", "roles", "skills",
                           "element_coverage", "skills_supply", "skills_load", "issues"}
    for element in ("A", "B", "C", "D"):
        assert set(result["element_coverage"][element]) == {"aanwezig", "ontbreekt", "onbekend", "nvt"}
    supply = result["skills_supply"]["visie"]["Netwerken"]
    assert set(supply) == {"inzetbaar", "in_ontwikkeling"}
    load = result["skills_load"]["visie"]["Netwerken"]
    assert load is None or isinstance(load, float | int)


def test_without_a_team_there_is_no_supply_or_load(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(xlsx([Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], ["A", "Visie", "Regisseur"]])]))
    result = json.loads(run("analyse", str(path), "--json").stdout)
    assert "skills_supply" not in result and "skills_load" not in result
    assert result["element_coverage"]["B"] == {"aanwezig": 0, "ontbreekt": 1, "onbekend": 0, "nvt": 0}


def test_summary_is_dutch(example_path: Path) -> None:
    proc = run("analyse", str(example_path))
    assert proc.returncode == 0
    assert "Projecten per fase" in proc.stdout and "Rol van de gemeente per fase" in proc.stdout
    assert "Vraag naar regievaardigheden" in proc.stdout
    assert "belasting" in proc.stdout and "tekort" not in proc.stdout
    assert "Elementen A–D per project" in proc.stdout
    assert "Hulpmiddel van deze app, geen oordeel uit de bron" in proc.stdout


def test_unreadable_file_exit_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"dit is geen werkmap")
    proc = run("analyse", str(path), "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "Traceback" not in proc.stderr and "geen" in proc.stderr


def test_missing_file(tmp_path: Path) -> None:
    proc = run("analyse", str(tmp_path / "bestaat-niet.xlsx"))
    assert proc.returncode == 2 and "bestaat niet" in proc.stderr


def test_no_projects_table_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(xlsx([Sheet("Partners", [["Naam", "Type"], ["GGD", "GGD"]])]))
    proc = run("analyse", str(path), "--json")
    assert proc.returncode == 2 and "projecten" in proc.stderr.lower()


def test_header_without_rows_exit_0_with_fout(tmp_path: Path) -> None:
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(xlsx([Sheet("Projecten", [["Projectnaam", "Fase", "Rol"]])]))
    proc = run("analyse", str(path), "--json")
    assert proc.returncode == 0
    result = json.loads(proc.stdout)
    assert result["counts"]["projects"] == 0 and result["issues"][0]["severity"] == "fout"


def test_usage_error_is_dutch() -> None:
    proc = run("analyseer")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("gebruik:") and "ongeldige keuze" in proc.stderr
    proc = run("analyse")
    assert "dit ontbreekt nog: BESTAND" in proc.stderr and "required" not in proc.stderr
    proc = run("--help")
    assert proc.returncode == 0 and "opties:" in proc.stdout and "toon deze hulptekst" in proc.stdout
    assert "usage" not in proc.stdout

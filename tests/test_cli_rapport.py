"""``python -m regie rapport FILE -o OUT``: three formats, the sidebar's filters, hidden names, Dutch errors."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import ui_support as ui
from cli_support import Completed, run_cli
from export_support import EXAMPLE, same_analysis
from pptx import Presentation

from regie import analysis, load_inventory
from regie import vocabulary as voc
from regie.analysis.filters import Filters, apply, describe

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> Completed:
    return run_cli("rapport", *args)



@pytest.mark.parametrize(("suffix", "kind"), [
    (".pptx", "PowerPoint-presentatie"), (".html", "HTML-rapport"), (".xlsx", "Verrijkte inventaris (Excel)"),
])
def test_each_format_is_written(tmp_path: Path, suffix: str, kind: str) -> None:
    out = tmp_path / f"uit{suffix}"
    proc = run(str(EXAMPLE), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"{kind} geschreven naar {out}") and "30 projecten" in proc.stdout
    assert proc.stderr == ""
    data = out.read_bytes()
    if suffix == ".pptx":
        assert len(Presentation(io.BytesIO(data)).slides) == 8
    elif suffix == ".html":
        assert data.startswith(b"<!DOCTYPE html>") and b"Plotly.newPlot(" in data
    else:
        assert same_analysis(load_inventory(EXAMPLE), load_inventory(data, "uit.xlsx")) == {}


def test_filters_match_the_sidebar(tmp_path: Path) -> None:
    out = tmp_path / "zorg.xlsx"
    proc = run(str(EXAMPLE), "-o", str(out), "--domein", "zorg", "--domein", "Wonen, welzijn en zorg",
               "--fase", "Uitvoering,beleid", "--rol", "Geen regie", "--rol", "opdrachtgever")
    assert proc.returncode == 0, proc.stderr
    filters = Filters(domein=("Zorg", "Wonen, welzijn en zorg"), fase=("uitvoering", "beleid"),
                      rol=("geen", "opdrachtgever"))
    expected = apply(load_inventory(EXAMPLE), filters)
    assert describe(filters) in proc.stdout
    again = load_inventory(out.read_bytes(), "zorg.xlsx")
    assert same_analysis(expected, again) == {}
    notes = [row for row in openpyxl.load_workbook(out)["Toelichting"].iter_rows(values_only=True)]
    assert notes[1][1] == describe(filters)


def test_element_and_partnertype_by_code_or_label(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    proc = run(str(EXAMPLE), "-o", str(out), "--element", "A,Het netwerk koesteren", "--partnertype", "GGD",
               "--partnertype", "woningcorporatie")
    assert proc.returncode == 0, proc.stderr
    filters = Filters(element=("A", "B"), partnertype=("ggd", "woningcorporatie"))
    expected = apply(load_inventory(EXAMPLE), filters)
    prs = Presentation(str(out))
    roles_slide = prs.slides[3]
    chart = next(shape.chart for shape in roles_slide.shapes if shape.has_chart)
    roles = analysis.role_counts(expected)
    values = {s.name: list(s.values) for s in chart.plots[0].series}
    assert values[voc.role_label("regisseur")] == [roles[p]["regisseur"] for p in voc.PHASE_CODES]


def test_names_hidden(tmp_path: Path) -> None:
    source = tmp_path / "namen.xlsx"
    source.write_bytes(ui.named_partners_xlsx())
    for suffix in (".pptx", ".html", ".xlsx"):
        out = tmp_path / f"verborgen{suffix}"
        proc = run(str(source), "-o", str(out), "--namen-verbergen")
        assert proc.returncode == 0, proc.stderr
        assert "namen verborgen" in proc.stdout
        data = out.read_bytes()
        if suffix != ".html":
            package = zipfile.ZipFile(io.BytesIO(data))
            data = b"".join(package.read(n) for n in package.namelist())
        for name in (*ui.PARTNER_NAMES, *ui.PERSON_NAMES):
            assert name.encode() not in data, (suffix, name)


@pytest.mark.parametrize("out", ["uit.pdf", "uit", "uit.ppt", "uit.xlsx.txt"])
def test_wrong_extension_exits_2_in_dutch(tmp_path: Path, out: str) -> None:
    proc = run(str(EXAMPLE), "-o", str(tmp_path / out))
    assert proc.returncode == 2
    assert proc.stdout == "" and "Traceback" not in proc.stderr
    assert ".pptx" in proc.stderr and ".html" in proc.stderr and ".xlsx" in proc.stderr
    assert "moet eindigen op" in proc.stderr
    assert not (tmp_path / out).exists()


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--fase", "afronding", ("Onbekende fase", "'afronding'", "'Visie'", "'Uitvoering'")),
    ("--rol", "presterende overheid", ("Onbekende rol", "'Regie bij anderen'")),
    ("--element", "E", ("Onbekend element", "'A – Visie ontwikkelen'")),
    ("--partnertype", "sportclub", ("Onbekend partnertype", "'GGD'")),
    ("--domein", "onderwijs", ("Onbekend domein", "'Wonen, welzijn en zorg'")),
    ("--gebied", "Mars", ("Onbekend gebied", "'Kolderdijk'")),
])
def test_unknown_filter_value_exits_2_in_dutch(tmp_path: Path, option: str, value: str, words: tuple[str, ...]) -> None:
    out = tmp_path / "uit.pptx"
    proc = run(str(EXAMPLE), "-o", str(out), option, value)
    assert proc.returncode == 2, proc.stdout
    assert "Traceback" not in proc.stderr
    for word in words:
        assert word in proc.stderr
    assert not out.exists()


def test_unreadable_input_and_missing_folder_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"geen werkmap")
    proc = run(str(broken), "-o", str(tmp_path / "uit.pptx"))
    assert proc.returncode == 2 and proc.stderr.startswith("Fout:") and "Traceback" not in proc.stderr
    proc = run(str(EXAMPLE), "-o", str(tmp_path / "bestaat-niet" / "uit.html"))
    assert proc.returncode == 2 and "bestaat niet" in proc.stderr


def test_listed_in_the_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "regie", "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert "rapport" in proc.stdout

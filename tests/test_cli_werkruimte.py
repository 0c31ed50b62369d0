"""``python -m regie werkruimte opslaan|lijst|vergelijk|verwijder`` (the database of REGIE_DATABASE_URL)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import conftest_pg
import pytest
import storage_fixtures as fx
from cli_support import Completed, run_cli

from regie import analyse, map_inventory, read_workbook

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url
db_url = conftest_pg.db_url

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "voorbeeld_inventaris.xlsx"


def cli(url: str, *args: str) -> Completed:
    return run_cli("werkruimte", *args, env={"REGIE_DATABASE_URL": url})


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"voor": tmp_path / "voor.xlsx", "na": tmp_path / "na.xlsx"}
    paths["voor"].write_bytes(fx.voor_xlsx())
    paths["na"].write_bytes(fx.na_xlsx())
    return paths


def test_save_list_compare_delete(db_url: str, files: dict[str, Path]) -> None:
    saved = cli(db_url, "opslaan", str(files["voor"]), "--werkruimte", "Gemeente Wadlo", "--label", "voor")
    assert saved.returncode == 0, saved.stderr
    assert "Werkruimte 'Gemeente Wadlo' aangemaakt" in saved.stdout and "4 projecten" in saved.stdout
    saved = cli(db_url, "opslaan", str(files["na"]), "--werkruimte", "gemeente wadlo", "--label", "na", "--json")
    assert saved.returncode == 0, saved.stderr
    assert json.loads(saved.stdout)["werkruimte_aangemaakt"] is False

    listed = cli(db_url, "lijst", "--json")
    assert listed.returncode == 0, listed.stderr
    snapshots = json.loads(listed.stdout)["snapshots"]
    assert [(s["werkruimte"], s["label"], s["bestand"], s["projects"]) for s in snapshots] == [
        ("Gemeente Wadlo", "voor", "voor.xlsx", 4), ("Gemeente Wadlo", "na", "na.xlsx", 4),
    ]
    moment = dt.datetime.fromisoformat(snapshots[0]["tijd"])
    assert moment.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - moment) < dt.timedelta(minutes=10)

    compared = cli(db_url, "vergelijk", "--werkruimte", "Gemeente Wadlo", "voor", "na", "--json")
    assert compared.returncode == 0, compared.stderr
    result = json.loads(compared.stdout)
    expected_a = analyse(map_inventory(read_workbook(files["voor"])))
    assert result["a"]["phases"] == expected_a["phases"] and result["a"]["roles"] == expected_a["roles"]
    assert result["a"]["file"] == "voor.xlsx" and result["b"]["file"] == "na.xlsx"
    assert list(result["a"])[:8] == ["file", "counts", "rows", "phases", "elements", "phase_element", "roles",
                                     "skills"]
    assert result["projects_added"] == ["Wijkteam Noord"]
    assert result["projects_removed"] == ["Mantelzorgbeleid"]
    changed = {c["name"]: c["changes"] for c in result["projects_changed"]}
    assert changed["Woonvisie 2030"] == {
        "fase": {"a": ["visie"], "b": ["visie", "beleid"]}, "rol": {"beleid": {"a": [], "b": ["regisseur"]}},
    }
    assert changed["Sportakkoord Wadlo"]["rol"] == {"uitvoering": {"a": ["partner"], "b": ["regisseur"]}}

    deleted = cli(db_url, "verwijder", "--werkruimte", "Gemeente Wadlo", "--label", "voor")
    assert deleted.returncode == 0 and "verwijderd" in deleted.stdout
    assert [s["label"] for s in json.loads(cli(db_url, "lijst", "--json").stdout)["snapshots"]] == ["na"]
    deleted = cli(db_url, "verwijder", "--werkruimte", "Gemeente Wadlo")
    assert deleted.returncode == 0 and "1 momentopname" in deleted.stdout
    assert json.loads(cli(db_url, "lijst", "--json").stdout)["snapshots"] == []


def test_readable_dutch_text_without_json(tmp_path: Path, files: dict[str, Path]) -> None:
    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    assert cli(url, "opslaan", str(files["voor"]), "--werkruimte", "Wadlo", "--label", "voor",
               "--notitie", "Eerste werkplaats").returncode == 0
    assert cli(url, "opslaan", str(files["na"]), "--werkruimte", "Wadlo", "--label", "na").returncode == 0
    listed = cli(url, "lijst")
    assert listed.returncode == 0
    assert "Werkruimte 'Wadlo': 2 momentopnamen" in listed.stdout
    assert "duiding: Eerste werkplaats" in listed.stdout and str(tmp_path) in listed.stdout
    compared = cli(url, "vergelijk", "--werkruimte", "Wadlo", "voor", "na")
    assert compared.returncode == 0
    text = compared.stdout
    assert "Projecten per fase:" in text and "Rol van de gemeente in de fase beleid:" in text
    assert "+ Wijkteam Noord" in text and "- Mantelzorgbeleid" in text
    assert "Woonvisie 2030: fase: Visie → Visie, Beleid" in text
    uitvoering = next(line for line in text.splitlines() if line.strip().startswith("Uitvoering"))
    assert uitvoering.split()[-3:] == ["2", "3", "+1"]


def test_personal_data_only_with_the_option(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    path = tmp_path / "persoonlijk.xlsx"
    path.write_bytes(fx.personal_xlsx())
    without = cli(url, "opslaan", str(path), "--werkruimte", "Wadlo", "--label", "zonder", "--json")
    assert without.returncode == 0, without.stderr
    report = json.loads(without.stdout)
    assert report["persoonsgegevens"] is False
    assert {"blad": "Projecten", "kolom": "Trekker"} in report["verwijderd"]["kolommen"]
    with_data = cli(url, "opslaan", str(path), "--werkruimte", "Wadlo", "--label", "met", "--persoonsgegevens")
    assert with_data.returncode == 0 and "Persoonsgegevens zijn mee opgeslagen" in with_data.stdout
    listed = {s["label"]: s["persoonsgegevens"] for s in json.loads(cli(url, "lijst", "--json").stdout)["snapshots"]}
    assert listed == {"zonder": False, "met": True}


def test_the_werkruimte_mappings_are_applied_to_the_next_save(tmp_path: Path) -> None:
    from regie.storage import Store

    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    with Store(url) as store:
        store.create_werkruimte("Wadlo")
        store.set_mapping("Wadlo", "fase", "afronding", "uitvoering")
    path = tmp_path / "afronding.xlsx"
    path.write_bytes(fx.numbered_xlsx(3))
    saved = cli(url, "opslaan", str(path), "--werkruimte", "Wadlo", "--label", "voor", "--json")
    assert saved.returncode == 0, saved.stderr
    assert json.loads(saved.stdout)["toegepaste_koppelingen"] == {"fase": {"afronding": "uitvoering"}}
    assert json.loads(saved.stdout)["phases"]["onbekend"] == 0


@pytest.fixture(scope="module")
def saved_voor(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A database with werkruimte Wadlo holding snapshot "voor" (the error cases below change nothing)."""
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "voor.xlsx"
    path.write_bytes(fx.voor_xlsx())
    url = f"sqlite:///{folder}/regie.sqlite3"
    assert cli(url, "opslaan", str(path), "--werkruimte", "Wadlo", "--label", "voor").returncode == 0
    return url, path


@pytest.mark.parametrize(("args", "message"), [
    (("lijst", "--werkruimte", "Veenland"), "Bestaande werkruimtes: 'Wadlo'"),
    (("vergelijk", "--werkruimte", "Veenland", "voor", "na"), "Bestaande werkruimtes: 'Wadlo'"),
    (("vergelijk", "--werkruimte", "Wadlo", "voor", "tussendoor"), "Wel aanwezig: 'voor'"),
    (("verwijder", "--werkruimte", "Wadlo", "--label", "tussendoor"), "Wel aanwezig: 'voor'"),
    (("verwijder", "--werkruimte", "Veenland"), "bestaat niet"),
    (("opslaan", "bestaat-niet.xlsx", "--werkruimte", "Wadlo", "--label", "x"), "bestaat niet"),
    (("opslaan", "{voor}", "--werkruimte", "Wadlo", "--label", "VOOR"), "al een momentopname"),
    (("opslaan", "{voor}", "--werkruimte", "  ", "--label", "x"), "naam"),
])
def test_errors_exit_2_in_dutch_listing_what_exists(
    saved_voor: tuple[str, Path], args: tuple[str, ...], message: str
) -> None:
    url, path = saved_voor
    proc = cli(url, *(a.format(voor=path) for a in args))
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Fout")


def test_an_unusable_database_url_is_a_dutch_error(files: dict[str, Path]) -> None:
    proc = cli("postgresql://regie:geheim@127.0.0.1:1/regie", "lijst")
    assert proc.returncode == 2 and "antwoordt niet" in proc.stderr
    assert "geheim" not in proc.stderr and "Traceback" not in proc.stderr


def test_empty_database_lists_nothing_and_says_how_to_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    listed = cli(url, "lijst")
    assert listed.returncode == 0 and "nog geen werkruimtes" in listed.stdout
    assert json.loads(cli(url, "lijst", "--json").stdout)["snapshots"] == []


def test_the_example_round_trips_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/regie.sqlite3"
    assert cli(url, "opslaan", str(EXAMPLE), "--werkruimte", "Wadlo", "--label", "voor").returncode == 0
    assert cli(url, "opslaan", str(EXAMPLE), "--werkruimte", "Wadlo", "--label", "na").returncode == 0
    result = json.loads(cli(url, "vergelijk", "--werkruimte", "Wadlo", "voor", "na", "--json").stdout)
    assert result["projects_added"] == result["projects_removed"] == result["projects_changed"] == []
    assert result["a"]["counts"] == analyse(map_inventory(read_workbook(EXAMPLE)))["counts"]


def test_the_owner_gives_a_werkruimte_a_new_key(db_url: str, files: dict[str, Path]) -> None:
    from regie.storage import Store
    from regie.storage.access import Access

    assert cli(db_url, "opslaan", str(files["voor"]), "--werkruimte", "Wadlo", "--label", "voor").returncode == 0
    assert json.loads(cli(db_url, "lijst", "--json").stdout)["werkruimtes"][0]["sleutel"] is False
    first = cli(db_url, "sleutel", "--werkruimte", "wadlo", "--json")
    assert first.returncode == 0, first.stderr
    key = json.loads(first.stdout)["sleutel"]
    second = cli(db_url, "sleutel", "--werkruimte", "Wadlo")
    assert second.returncode == 0 and "Nieuwe sleutel voor werkruimte 'Wadlo'" in second.stdout
    newest = second.stdout.split(": ", 1)[1].split()[0]
    assert json.loads(cli(db_url, "lijst", "--json").stdout)["werkruimtes"][0]["sleutel"] is True
    with Store(db_url) as store:
        assert Access(store, set()).open("Wadlo", newest).name == "Wadlo"
        with pytest.raises(Exception, match="de naam of de sleutel klopt niet"):
            Access(store, set()).open("Wadlo", key)
    unknown = cli(db_url, "sleutel", "--werkruimte", "Veenland")
    assert unknown.returncode == 2 and "Veenland" in unknown.stderr and "Traceback" not in unknown.stderr

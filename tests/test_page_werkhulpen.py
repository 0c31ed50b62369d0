"""AppTest of pages/werkhulpen.py on its own, against a SQLite file of the test: the questions without a
werkruimte (read only), answers saved in the active werkruimte and found again by another session with access,
never by one without; the opdracht only where it is asked; the interne regie; the Excel download."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_werkhulpen import INVENTORY
from ui_support import ROOT, app_test, exceptions, shown_text

from regie import vocabulary as voc
from regie.instruments import werkhulpen as aids
from regie.storage import ENV_URL, Store

PAGE = ROOT / "pages" / "werkhulpen.py"


@pytest.fixture
def granted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[int]:
    database = f"sqlite:///{tmp_path / 'regie.sqlite3'}"
    monkeypatch.setenv(ENV_URL, database)
    with Store(database) as store:
        info, _key = store.create_werkruimte_with_key("Gemeente Wadlo")
    return {info.id}


def page(**state: object) -> AppTest:
    at = app_test(PAGE, upload=(INVENTORY, "werkhulpen.xlsx"), state=dict(state)).run()
    assert not at.exception, exceptions(at)
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    return [shown_text(m.value) for m in getattr(at, kind)]


def test_without_a_werkruimte_the_questions_are_read_only(granted: set[int]) -> None:
    at = page()
    assert any("Open of maak eerst een werkruimte" in m for m in texts(at, "info"))
    assert at.button(key="werkhulpen_opslaan").disabled
    assert [s.value for s in at.subheader][:2] == [aids.AID_TITLES[aids.SCHEMA2], aids.AID_TITLES[aids.RIVM]]
    assert at.radio(key="werkhulpen_id:p1_S1.1").label == voc.SCHEMA2[0].tasks[0]
    outsider = page(regie_werkruimte="Gemeente Wadlo")  # the name alone gives no access
    assert outsider.button(key="werkhulpen_opslaan").disabled


def test_answers_are_saved_in_the_werkruimte_and_found_again(granted: set[int]) -> None:
    at = page(regie_werkruimte="Gemeente Wadlo", regie_toegang=set(granted))
    assert not at.button(key="werkhulpen_opslaan").disabled
    assert aids.AID_TITLES[aids.OPDRACHT] in [s.value for s in at.subheader], "p1 has opdrachtgever in beleid"
    at.radio(key="werkhulpen_id:p1_S1.1").set_value("ja")
    at.text_input(key="werkhulpen_id:p1_S1.1_n").input("samen met de corporaties")
    at.radio(key="werkhulpen_id:p1_R2").set_value("nvt")
    at.text_area(key="werkhulpen_id:p1_O.resultaat_n").input("200 levensloopbestendige woningen")
    at.button(key="werkhulpen_opslaan").click().run()
    assert not at.exception, exceptions(at)
    assert "3 antwoorden van dit project bewaard in werkruimte Gemeente Wadlo." in texts(at, "success")
    per_project = next(d.value for d in at.dataframe if "Schema 2: ingevuld" in d.value.columns)
    assert per_project.set_index("Project").loc["Woonvisie", "Opdracht beschreven"] == "1 van 4"

    again = page(regie_werkruimte="Gemeente Wadlo", regie_toegang=set(granted))  # a colleague's session
    assert again.radio(key="werkhulpen_id:p1_S1.1").value == "ja"
    assert again.text_input(key="werkhulpen_id:p1_S1.1_n").value == "samen met de corporaties"
    assert again.text_area(key="werkhulpen_id:p1_O.resultaat_n").value == "200 levensloopbestendige woningen"
    again.button(key="werkhulpen_xlsx_maken").click().run()
    assert any(b.key == "werkhulpen_xlsx" for b in again.get("download_button"))

    stranger = page(regie_werkruimte="Gemeente Wadlo")
    assert stranger.radio(key="werkhulpen_id:p1_S1.1").value is None, "no access, no answers"
    assert not any("Schema 2: ingevuld" in d.value.columns for d in stranger.dataframe)


def test_the_opdracht_only_where_it_is_asked_and_the_interne_regie(granted: set[int]) -> None:
    at = page(regie_werkruimte="Gemeente Wadlo", regie_toegang=set(granted))
    at.selectbox(key="werkhulpen_project").set_value("id:p3").run()
    assert aids.AID_TITLES[aids.OPDRACHT] not in [s.value for s in at.subheader], "p3: only a facilitator in visie"
    internal = next(d.value for d in at.dataframe if "Melding" in d.value.columns).set_index("Project")
    assert "zonder afdeling" in internal.loc["Buurtkamer", "Melding"]
    assert any("1 project in beleid of uitvoering zonder afdeling" in c for c in texts(at, "caption"))

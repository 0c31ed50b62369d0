"""regie.vocabulary.schemas: MOVISIE's schemas verbatim (checked against the source text) and the element lists."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from regie import vocabulary as voc
from regie.vocabulary import schemas

SEED = ROOT / "tests" / "fixtures" / "movisie_werk_maken_van_regie.txt"
"""Verbatim passages of MOVISIE (2010), Werk maken van regie: the schema titles, Schema 3 and two remarks."""


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def test_schema3_is_the_movisie_table() -> None:
    table = schemas.schema3_table()
    assert tuple(table.columns) == voc.SCHEMA3_HEADERS == ("Fase in het proces", "Regie op", "Vaardigheden en nadruk op")
    assert table.values.tolist() == [
        ["Ontwikkeling gezamenlijke beleidsvisie", "Beleidsvisie", "Netwerken, stimuleren en initiëren"],
        ["Ontwikkeling ruimtelijke plannen en vormgeving", "Beleid", "Onderhandelen, beslissen, bemiddelen, faciliteren"],
        ["Uitvoering", "Uitvoering/keten", "Concretiseren en vastleggen van afspraken"],
    ]


def test_schema3_rows_occur_verbatim_in_the_source() -> None:
    text = _seed()
    assert "\t".join(voc.SCHEMA3_HEADERS) in text
    for row in schemas.schema3_table().itertuples(index=False):
        assert "\t".join(row) in text


def test_schema1_has_one_column_per_task_kind() -> None:
    table = schemas.schema1_table()
    assert list(table.columns) == ["Publiekrechtelijke taken", "Privaatrechtelijke taken", "Belanghebbende taken"]
    assert len(table) == max(len(k.tasks) for k in voc.SCHEMA1) == 4
    for kind in voc.SCHEMA1:
        assert [t for t in table[kind.label] if t] == list(kind.tasks)
    assert table["Privaatrechtelijke taken"].tolist()[-1] == ""


def test_schema_titles_and_sources() -> None:
    text = _seed()
    for title in voc.SCHEMA_TITLES.values():
        assert title in text
    assert voc.schema_source(3) == "MOVISIE (2010), Werk maken van regie, Schema 3"


@pytest.mark.parametrize("remark", [voc.PHASE_SKILLS_REMARK, voc.NETWORK_SUCCESS_INTRO])
def test_quoted_remarks_are_verbatim(remark: str) -> None:
    flat = re.sub(r"\s+", " ", _seed())
    assert remark in flat


@pytest.mark.parametrize("items", [voc.HUPE_KLIJN_PRINCIPLES, voc.NETWORK_SUCCESS_FACTORS, voc.PROPPER_ANGLES])
def test_principles_markdown_lists_every_item_with_its_description(items) -> None:
    text = schemas.principles_markdown(items)
    lines = text.splitlines()
    assert len(lines) == len(items)
    for line, item in zip(lines, items, strict=True):
        assert line == f"- **{item.name}** — {item.description}"


def test_hupe_klijn_has_five_principles_in_order() -> None:
    names = [p.name for p in voc.HUPE_KLIJN_PRINCIPLES]
    assert names == ["Stimuleren", "Plaatsen", "Steun creëren", "Structureren", "Sturen"]


def test_every_element_has_content_title_and_source() -> None:
    assert set(voc.ELEMENT_CONTENT_TITLES) == set(voc.ELEMENT_CODES) == set(voc.ELEMENT_CONTENT_SOURCES)

"""Closed vocabularies besides phase, element and role (docs/inventaris.md, section 6): an unknown value
warns (the row is kept), is listed for 'Waarden toewijzen', and a person's mapping makes it count."""

from __future__ import annotations

import pytest
from conftest import inventory_of
from realistic import Sheet

from regie.instruments import beslisboom as tree
from regie.review.mappings import REVIEW_FIELDS, field_options, mapping_review

CASES = [
    # (field, header, unknown value, a code it can be mapped to, where the mapped code shows)
    ("regie", "Regie", "half-half", "beide", "projects"),
    ("beleidskader", "Beleidskader", "gedeeld", "ander", "projects"),
    ("doorzettingsmacht", "Doorzettingsmacht", "wisselend", "beperkt", "projects"),
    ("gedeelde_visie", "Gedeelde visie", "grotendeels", "deels", "projects"),
    ("kenmerken", "Regisserende aanpak nodig", "zeker wel", "ja", "projects"),
    ("kernactiviteit", "Kernactiviteit", "soms wel soms niet", "deels", "projects"),
    ("nabijheid", "Nabijheid", "principieel", "ja", "projects"),
    ("vorm", "Vorm", "regio-samenwerking", "andere_gemeenten", "projects"),
    ("taaksoort", "Taaksoort", "gemengd", "publiekrechtelijk", "task_kinds"),
    ("overheidsrol", "Overheidsrol", "dienstverlenend", "presterend", "government_roles"),
]


def _inventory(header: str, value: str, **kwargs: object):
    return inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Fase", header], ["P1", "A", "Visie", value]]),
                        **kwargs)


@pytest.mark.parametrize(("field", "header", "value", "code", "where"), CASES, ids=[c[0] for c in CASES])
def test_unknown_value_warns_is_reviewable_and_can_be_mapped(field: str, header: str, value: str, code: str,
                                                             where: str) -> None:
    inv = _inventory(header, value)
    warned = [i for i in inv.issues if i.column == header]
    assert len(warned) == 1 and warned[0].severity == "waarschuwing" and warned[0].row == 2
    assert warned[0].value == value and "Waarden toewijzen" in warned[0].message
    assert len(inv.projects) == 1, "the row is kept"
    unknown = inv.unknown[inv.unknown["field"] == field]
    assert unknown["value"].tolist() == [value]
    assert field in REVIEW_FIELDS and code in field_options(field)
    review = mapping_review(inv.unknown, {})
    assert review.loc[review["field"] == field, "value"].tolist() == [value]

    mapped = _inventory(header, value, value_mappings={field: {value: code}})
    assert not [i for i in mapped.issues if i.column == header]
    if where == "projects":
        assert mapped.projects.loc[0, field] == code
    else:
        assert getattr(mapped, where)["code"].tolist() == [code]


def test_an_unknown_answer_is_shown_as_written_and_does_not_answer_the_tree() -> None:
    inv = _inventory("Kernactiviteit", "soms wel soms niet")
    assert inv.projects.loc[0, "kernactiviteit"] == "soms wel soms niet"
    assert tree.advise_inventory(inv).loc[0, "ontbrekend"] == ("kenmerken", "samenwerking", "kernactiviteit",
                                                                "andere_partijen")


@pytest.mark.parametrize("value", ["provinciaal", "subregionaal", "bovenlokaal"])
def test_werkgebied_outside_the_closed_list_warns_and_can_be_mapped(value: str) -> None:
    projects = Sheet("Projecten", [["Projectnaam", "Partners"], ["A", "Stichting X"]])
    partners = Sheet("Partners", [["Naam", "Werkgebied"], ["Stichting X", value]])
    inv = inventory_of(projects, partners)
    warned = [i for i in inv.issues if i.column == "Werkgebied"]
    assert len(warned) == 1 and warned[0].value == value
    assert inv.unknown[inv.unknown["field"] == "werkgebied"]["value"].tolist() == [value]
    mapped = inventory_of(projects, partners, value_mappings={"werkgebied": {value: "regionaal"}})
    assert mapped.partners.loc[0, "werkgebied"] == "regionaal"
    assert not [i for i in mapped.issues if i.column == "Werkgebied"]


@pytest.mark.parametrize(("field", "header"), [("invloed", "Invloed"), ("belang", "Belang")])
@pytest.mark.parametrize(("value", "code"), [("gemiddeld", "3"), ("veel", "5"), ("nauwelijks", "1")])
def test_a_score_word_outside_the_scale_warns_and_can_be_mapped(field: str, header: str, value: str, code: str) -> None:
    projects = Sheet("Projecten", [["Projectnaam", "Fase"], ["A", "Visie"]])
    links = Sheet("Betrokkenheid", [["Project", "Partner", header], ["A", "Stichting X", value]])
    inv = inventory_of(projects, links)
    warned = [i for i in inv.issues if i.column == header]
    assert len(warned) == 1 and warned[0].value == value and "Waarden toewijzen" in warned[0].message
    assert inv.unknown[inv.unknown["field"] == field]["value"].tolist() == [value]
    assert inv.involvements[field].isna().all(), "an unknown word is no score"
    review = mapping_review(inv.unknown, {}, "k")
    assert review[review["field"] == field]["value"].tolist() == [value]
    assert code in field_options(field) and field in REVIEW_FIELDS
    mapped = inventory_of(projects, links, value_mappings={field: {value: code}})
    assert mapped.involvements[field].dropna().tolist() == [int(code)]
    assert not [i for i in mapped.issues if i.column == header]
    assert mapped.unknown[mapped.unknown["field"] == field].empty


@pytest.mark.parametrize(("value", "score"), [("laag", 1), ("Middel", 3), ("HOOG", 5), ("4", 4), (2, 2)])
def test_the_scale_itself_needs_no_mapping(value: object, score: int) -> None:
    projects = Sheet("Projecten", [["Projectnaam", "Fase"], ["A", "Visie"]])
    links = Sheet("Betrokkenheid", [["Project", "Partner", "Invloed"], ["A", "Stichting X", value]])
    inv = inventory_of(projects, links)
    assert inv.involvements["invloed"].dropna().tolist() == [score]
    assert not [i for i in inv.issues if i.column == "Invloed"]

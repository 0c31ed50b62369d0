"""The adviser's review: unknown values to map and element suggestions (regie.review)."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import inventory_of
from realistic import Sheet

from regie import vocabulary as voc
from regie.review.mappings import (
    NO_CHOICE_LABEL,
    STATUS_ACCEPTED,
    STATUS_OPEN,
    ambiguity_note,
    dismissed_suggestions,
    field_options,
    mapping_review,
    mapping_summary,
    option_label,
    suggestion_review,
    suggestion_summary,
    widget_key,
)

UNKNOWN = pd.DataFrame({
    "field": ["fase", "fase", "rol", "partnertype", "element", "fase"],
    "value": ["afronding", "Afronding", "Presterende overheid", "Stichtingen", "Visie", "nazorg"],
    "count": [1, 2, 1, 4, 1, 5],
})


@pytest.mark.parametrize(("field", "first", "count"), [
    ("fase", "visie", len(voc.PHASES)),
    ("element", "A", len(voc.ELEMENTS)),
    ("rol", "zelf", len(voc.ROLES)),
    ("partnertype", "woningcorporatie", len(voc.PARTNER_TYPES)),
])
def test_field_options_come_from_the_vocabulary(field: str, first: str, count: int) -> None:
    options = field_options(field)
    assert next(iter(options)) == first and len(options) == count


def test_option_labels() -> None:
    assert option_label("fase", None) == NO_CHOICE_LABEL
    assert option_label("element", "B") == "B – Het netwerk koesteren"
    assert option_label("rol", "partner") == "Samenwerkingspartner"


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("rol", "Presterende overheid", "Past bij twee rollen: Zelf doen of Opdrachtgever."),
    ("rol", "samenwerkende  OVERHEID", "Past bij twee rollen: Regisseur of Samenwerkingspartner."),
    ("rol", "regisseur", ""),
    ("fase", "Presterende overheid", ""),
])
def test_ambiguity_note(field: str, value: str, expected: str) -> None:
    note = ambiguity_note(field, value)
    assert note.startswith(expected) if expected else note == ""


def test_mapping_review_groups_spellings_and_orders_by_field_and_count() -> None:
    review = mapping_review(UNKNOWN, {})
    assert list(review["field"]) == ["fase", "fase", "element", "rol", "partnertype"]
    assert list(review["value"]) == ["nazorg", "Afronding", "Visie", "Presterende overheid", "Stichtingen"]
    afronding = review.iloc[1]
    assert afronding["count"] == 3 and afronding["variants"] == ["Afronding", "afronding"]
    assert review["choice"].isna().all()
    assert review.iloc[3]["note"].startswith("Past bij twee rollen")
    assert review["key"].is_unique
    assert mapping_summary(review) == {"waarden": 5, "toegewezen": 0, "open": 5}


def test_mapped_values_stay_listed_with_their_choice() -> None:
    choices = {"fase": {"afronding": "uitvoering"}, "partnertype": {"Oud": "bedrijf"}}
    still_unknown = UNKNOWN[~UNKNOWN["value"].str.lower().eq("afronding")]
    review = mapping_review(still_unknown, choices)
    row = review[review["value"].str.lower() == "afronding"].iloc[0]
    assert row["choice"] == "uitvoering" and row["original"] == "afronding" and row["count"] == 0
    old = review[review["value"] == "Oud"].iloc[0]
    assert old["choice"] == "bedrijf"
    assert mapping_summary(review)["toegewezen"] == 2


def test_choice_uses_the_spelling_already_mapped() -> None:
    review = mapping_review(UNKNOWN, {"fase": {"afronding": "uitvoering"}})
    row = review[review["variants"].map(lambda v: "afronding" in v)].iloc[0]
    assert row["value"] == "Afronding" and row["original"] == "afronding" and row["choice"] == "uitvoering"


def test_choice_outside_the_vocabulary_is_ignored() -> None:
    review = mapping_review(UNKNOWN, {"fase": {"nazorg": "bestaat-niet"}})
    assert review[review["value"] == "nazorg"].iloc[0]["choice"] is None


def test_empty_review() -> None:
    review = mapping_review(pd.DataFrame(columns=["field", "value", "count"]), {})
    assert review.empty and mapping_summary(review) == {"waarden": 0, "toegewezen": 0, "open": 0}


def test_widget_keys_are_stable_and_safe() -> None:
    key = widget_key("inventaris_map", "fase", "<img src=x>")
    assert key == widget_key("inventaris_map", "fase", "<img src=x>")
    assert key.startswith("inventaris_map_") and "<" not in key
    assert key != widget_key("inventaris_map", "rol", "<img src=x>")


def suggesting():
    return inventory_of(Sheet("Projecten", [
        ["ID", "Projectnaam", "Omschrijving", "Element"],
        ["P1", "Netwerk mantelzorg", "pilot in de wijk", None],
        ["P2", "<img src=x onerror=alert(1)>", "een gezamenlijke visie", None],
        ["P3", "Met element", "netwerk", "C"],
    ]))


def test_suggestion_review_statuses() -> None:
    inv = suggesting()
    pairs = set(zip(inv.suggestions["project"], inv.suggestions["element"], strict=True))
    assert pairs == {("id:p1", "B"), ("id:p1", "D"), ("id:p2", "A")}
    review = suggestion_review(inv, {"id:p1": ["B"]}, {("id:p1", "D")})
    assert list(zip(review["project"], review["element"], review["status"], strict=True)) == [
        ("id:p2", "A", STATUS_OPEN), ("id:p1", "B", STATUS_ACCEPTED),
    ]
    assert review.iloc[0]["naam"] == "<img src=x onerror=alert(1)>"
    assert review.iloc[0]["keyword"] == "visie" and review.iloc[0]["element_label"] == "A – Visie ontwikkelen"
    assert suggestion_summary(inv, {"id:p1": ["B"]}, {("id:p1", "D")}) == {
        "open": 1, "geaccepteerd": 1, "afgewezen": 1,
    }
    assert dismissed_suggestions(inv, {("id:p1", "D"), ("id:p9", "A")}) == [("id:p1", "D")]


def test_no_suggestions() -> None:
    inv = inventory_of(Sheet("Projecten", [["ID", "Projectnaam", "Element"], ["P1", "X", "A"]]))
    assert suggestion_review(inv, {}, set()).empty
    assert suggestion_summary(inv, {}, set()) == {"open": 0, "geaccepteerd": 0, "afgewezen": 0}

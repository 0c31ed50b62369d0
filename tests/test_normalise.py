"""Normalisation and whole-first-then-split matching (docs/domein.md section 1 and 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regie.mapping import ELEMENT_VOCAB, PHASE_VOCAB, ROLE_VOCAB
from regie.normalise import cell_text, is_empty_text, mark_value, norm, norm_header, norm_many


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Uitvoering/keten", "uitvoeringketen"), ("  Initiëren ", "initieren"), ("VISIE-FASE.", "visiefase"),
     ("Rol van de gemeente", "rolvandegemeente")],
)
def test_norm_ignores_case_accents_spaces_punctuation(text: str, expected: str) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [("Budget (€)", "budget"), ("Partner(s)", "partner"), ("Fase(n)", "fase"), ("Projectnaam*", "projectnaam"),
     ("Einddatum (gepland)", "einddatum"), ("Organisatie(en)", "organisatie")],
)
def test_header_normalisation(header: str, expected: str) -> None:
    assert norm_header(header) == expected


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("visie; beleid", ["visie", "beleid"]),
        ("visie, beleid", ["visie", "beleid"]),
        ("visie/beleid", ["visie", "beleid"]),
        ("visie + beleid", ["visie", "beleid"]),
        ("visie & beleid", ["visie", "beleid"]),
        ("visie en beleid", ["visie", "beleid"]),
        ("Visie EN Beleid", ["visie", "beleid"]),
        ("visie\nuitvoering", ["visie", "uitvoering"]),
        ("visie\r\nuitvoering", ["visie", "uitvoering"]),
        ("Uitvoering/keten", ["uitvoering"]),
        ("Ontwikkeling ruimtelijke plannen en vormgeving", ["beleid"]),
        ("Ontwikkeling gezamenlijke beleidsvisie; Uitvoering/keten", ["visie", "uitvoering"]),
        ("visie, beleid en uitvoering", ["visie", "beleid", "uitvoering"]),
        ("beleidsevaluatie", ["beleid"]),
        ("visie;", ["visie"]),
        ("-", []),
        ("n.v.t.", []),
        ("onbekend", []),
    ],
)
def test_phase_cells(cell: str, codes: list[str]) -> None:
    assert [m.code for m in PHASE_VOCAB.match(cell)] == codes


def test_known_and_unknown_parts() -> None:
    parts = PHASE_VOCAB.match("visie; afronding")
    assert [(m.original, m.code) for m in parts] == [("visie", "visie"), ("afronding", None)]
    assert all(m.split for m in parts)


def test_whole_match_is_not_split() -> None:
    (match,) = PHASE_VOCAB.match("Uitvoering/keten")
    assert not match.split and match.rule == "synoniem"


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("A", ["A"]), ("b", ["B"]), ("Element A", ["A"]), ("element c", ["C"]),
        ("B - Het netwerk koesteren", ["B"]), ("C. De rol benoemen", ["C"]), ("A - Visie", ["A"]),
        ("Netwerk koesteren", ["B"]), ("De eigen rol benoemen", ["C"]), ("Eigen rol benoemen", ["C"]),
        ("Variëren in aanpak", ["D"]), ("D: Varieren in aanpak", ["D"]), ("Regie-element D", ["D"]),
        ("A, C", ["A", "C"]), ("A en B", ["A", "B"]), ("A/B/D", ["A", "B", "D"]),
        ("A - Netwerk koesteren", [None]), ("Visie", [None]), ("Beleid", [None]), ("E", [None]),
    ],
)
def test_element_values(cell: str, codes: list[str | None]) -> None:
    assert [m.code for m in ELEMENT_VOCAB.match(cell)] == codes


@pytest.mark.parametrize(
    ("value", "mark"),
    [("x", True), ("X", True), ("✗", True), ("✓", True), ("✔", True), ("√", True), ("☑", True), ("v", True),
     ("ja", True), ("J", True), ("yes", True), ("y", True), ("1", True), (1, True), (1.0, True), ("waar", True),
     ("TRUE", True), (True, True), ("", False), (None, False), ("nee", False), ("n", False), ("no", False),
     ("0", False), (0, False), ("onwaar", False), ("false", False), ("-", False), (False, False),
     ("regisseur", None), (3, None)],
)
def test_marks(value: object, mark: bool | None) -> None:
    assert mark_value(value) is mark


@pytest.mark.parametrize(
    ("value", "text"),
    [(101.0, "101"), (1.5, "1.5"), (True, "WAAR"), (dt.datetime(2026, 3, 1), "2026-03-01"),
     (dt.date(2026, 3, 1), "2026-03-01"), (None, ""), ("x", "x")],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize("text", ["", "  ", "-", "?", "...", "nvt", "n.v.t.", "NVT", "onbekend", "Onbepaald",
                                  "niet van toepassing"])
def test_empty_like_values(text: str) -> None:
    assert is_empty_text(text)


def test_manual_mapping_is_explained() -> None:
    vocab = PHASE_VOCAB.with_manual({"Afronding": "uitvoering"})
    (match,) = vocab.match("afronding")
    assert (match.code, match.rule) == ("uitvoering", "handmatig toegewezen")
    assert PHASE_VOCAB.match("afronding")[0].code is None


def test_roles_split_like_phases() -> None:
    assert [m.code for m in ROLE_VOCAB.match("regisseur / facilitator")] == ["regisseur", "facilitator"]
    assert [m.code for m in ROLE_VOCAB.match("Uitvoering door samenwerking")] == ["partner"]


@pytest.mark.parametrize("texts", [
    [],
    [""],
    ["", ""],
    ["Welzijn op recept 1", "2026-00001", "A.B/C"],
    ["visie\nbeleid", "x"],  # a line break: no joined string
    ["Initiëren", "Gebiedsgericht"],  # not ASCII
    ["É"] + [f"naam {i}" for i in range(10)],  # mostly ASCII: the ASCII ones still together
])
def test_norm_many_is_norm_of_each(texts: list[str]) -> None:
    assert norm_many(texts) == [norm(t) for t in texts]


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=12), max_size=30))
def test_norm_many_is_norm_of_each_for_any_texts(texts: list[str]) -> None:
    assert norm_many(texts) == [norm(t) for t in texts]


@given(st.lists(st.sampled_from(["visie", " Beleid ", "visie; beleid", "VERKENNING, uitvoering", "nazorg", "",
                                 "n.v.t.", "visie en beleid", "beleid;", "uitvoering\r\nvisie"]),
                min_size=1, max_size=6).map("; ".join))
def test_matching_a_cell_is_the_same_whatever_was_matched_before(text: str) -> None:
    """The parts are memoised per vocabulary: a fresh vocabulary gives the same matches."""
    warm = PHASE_VOCAB
    warm.match("visie; beleid")
    fresh = PHASE_VOCAB.with_manual({})  # the same words, nothing memoised
    assert not fresh._parts
    assert warm.match(text) == fresh.match(text)

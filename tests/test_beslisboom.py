"""Kaag en Braassem's decision tree (seed 003): every path of the tree, the comparison with the
inventory's roles, and the tree in batch over an inventory with answer columns."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from conftest import inventory_of
from realistic import Sheet

from data import make_data
from regie import load_inventory
from regie import vocabulary as voc
from regie.instruments import beslisboom as tree
from regie.normalise import norm_header

# --------------------------------------------------------------------------------------------
# Every path of the tree: answers → rule, form, role
# --------------------------------------------------------------------------------------------

K, S, C, A, N, W = ("kenmerken", "kansen_samenwerking", "kernactiviteit", "andere_partijen",
                    "nabijheid", "samenwerken_met")

PATHS: list[tuple[str, dict[str, Any], str, str, str | None]] = [
    # (case, answers, rule, form, role)
    ("nabijheid", {N: "ja", S: "nee", C: "nee", A: "nee"}, "nabijheid", "zelf_uitvoeren", "zelf"),
    ("nabijheid zonder andere antwoorden", {N: "ja"}, "nabijheid", "zelf_uitvoeren", "zelf"),
    ("nabijheid gaat voor regie", {N: "ja", S: "ja", A: "ja", C: "nee", W: "bedrijf"},
     "nabijheid", "zelf_uitvoeren", "zelf"),
    ("niets beantwoord", {}, "onbeantwoord_kansen_samenwerking", "onbepaald", None),
    ("kernactiviteit open", {S: "ja"}, "onbeantwoord_kernactiviteit", "onbepaald", None),
    ("andere partijen open", {S: "ja", C: "ja"}, "onbeantwoord_andere_partijen", "onbepaald", None),
    ("kernactiviteit zonder aanknopingspunten", {S: "nee", A: "nee", C: "ja"},
     "kernactiviteit_zonder_aanknopingspunten", "zelf_uitvoeren", "zelf"),
    ("deels kernactiviteit zonder aanknopingspunten", {S: "nee", A: "nee", C: "deels"},
     "kernactiviteit_zonder_aanknopingspunten", "zelf_uitvoeren", "zelf"),
    ("geen aanknopingspunten", {S: "nee", A: "nee", C: "nee"}, "geen_aanknopingspunten",
     "zelf_uitvoeren", "zelf"),
    ("nabijheid deels beslist niet", {N: "deels", S: "nee", A: "nee", C: "nee"},
     "geen_aanknopingspunten", "zelf_uitvoeren", "zelf"),
    ("bedrijf", {S: "ja", C: "nee", A: "nee", W: "bedrijf"}, "bedrijf", "bedrijf", "opdrachtgever"),
    ("bedrijf bij kernactiviteit", {S: "ja", C: "ja", A: "nee", K: "ja", W: "bedrijf"}, "bedrijf",
     "bedrijf", "opdrachtgever"),
    ("gemeenschappelijke regeling", {S: "nee", A: "ja", C: "nee", W: "gemeenschappelijke_regeling"},
     "gemeenschappelijke_regeling", "gemeenschappelijke_regeling", "partner"),
    ("andere gemeenten", {S: "ja", A: "ja", C: "nee", W: "andere_gemeenten"}, "andere_gemeenten",
     "andere_gemeenten", "partner"),
    ("regisserende aanpak met partners", {K: "ja", S: "ja", C: "nee", A: "ja", W: "partners_inwoners"},
     "regisserende_aanpak", "partners_inwoners", "regisseur"),
    ("regisserende aanpak, vorm open", {K: "deels", S: "ja", C: "nee", A: "nee"},
     "regisserende_aanpak", "regie_open", "regisseur"),
    ("kernactiviteit: regie dichtbij, met partners", {C: "ja", S: "ja", A: "nee", W: "partners_inwoners"},
     "kernactiviteit_regie", "partners_inwoners", "regisseur"),
    ("kernactiviteit: regie dichtbij, vorm open", {C: "ja", S: "ja", A: "ja"},
     "kernactiviteit_regie", "regie_open", "regisseur"),
    ("kernactiviteit zonder regisserende aanpak", {K: "nee", C: "ja", S: "ja", A: "nee",
                                                  W: "partners_inwoners"},
     "kernactiviteit_partner", "partners_inwoners", "partner"),
    ("faciliteren", {C: "nee", A: "ja", S: "ja"}, "faciliteren", "partners_inwoners", "facilitator"),
    ("faciliteren bij deels", {K: "nee", C: "nee", A: "deels", S: "nee"}, "faciliteren",
     "partners_inwoners", "facilitator"),
    ("samenwerken, vorm open", {C: "nee", A: "nee", S: "ja"}, "samenwerken", "regie_open", "partner"),
    ("samenwerken met partners", {K: "nee", C: "nee", A: "nee", S: "deels", W: "partners_inwoners"},
     "samenwerken", "partners_inwoners", "partner"),
]


@pytest.mark.parametrize(("answers", "rule", "form", "role"), [p[1:] for p in PATHS],
                         ids=[p[0] for p in PATHS])
def test_every_path_of_the_tree(answers: dict[str, Any], rule: str, form: str, role: str | None) -> None:
    advice = tree.advise(answers)
    assert (advice.rule, advice.form, advice.role) == (rule, form, role)
    assert advice.reasons
    if role is not None:
        assert advice.reasons[0] == tree.RULE_BY_CODE[rule].reason
    assert advice.outcome == tree.FORM_BY_CODE[form].outcome
    if advice.outcome == tree.IN_REGIE:
        assert advice.step3 == tree.STEP3
        assert any("tellen en vertellen" in step for step in advice.step3)
    else:
        assert advice.step3 == ()
    if role is not None:
        assert role in advice.fits
        assert advice.overheidsrol == voc.ROLE_BY_CODE[role].overheidsrol


def test_the_table_reaches_every_rule_and_every_form() -> None:
    assert {p[2] for p in PATHS} == set(tree.RULE_BY_CODE)
    assert {p[3] for p in PATHS} == set(tree.FORM_BY_CODE)


def test_every_combination_of_answers_has_exactly_one_first_rule() -> None:
    """The table is complete: every combination of answers finds a rule, and the outcomes obey the
    seed's principles."""
    answers = ("ja", "deels", "nee", tree.UNANSWERED)
    forms = (*tree.COOPERATION_FORMS, tree.UNANSWERED)
    seen = set()
    for k, s, c, a, n, w in itertools.product(answers, answers, answers, answers, answers, forms):
        given = {K: k, S: s, C: c, A: a, N: n, W: w}
        advice = tree.advise(given)
        seen.add(advice.rule)
        if n == "ja":  # nabijheid overrides everything
            assert advice.form == "zelf_uitvoeren"
        elif tree.UNANSWERED in (s, c, a):
            assert advice.outcome == tree.UNDECIDED and advice.role is None
        elif s == a == "nee":  # no openings for regie
            assert advice.form == "zelf_uitvoeren"
        else:
            assert advice.outcome == tree.IN_REGIE
            if w in ("bedrijf", "gemeenschappelijke_regeling", "andere_gemeenten"):
                assert advice.form == w
    assert seen == set(tree.RULE_BY_CODE)


def test_deels_makes_the_advice_less_firm() -> None:
    advice = tree.advise({S: "deels", C: "ja", A: "nee"})
    assert any("Voordelen door samenwerking" in r and "deels" in r for r in advice.reasons)
    assert any("Nabijheid is met deels" in r for r in tree.advise({S: "ja", C: "ja", A: "nee", N: "deels"}).reasons)


def test_an_open_form_says_what_to_choose() -> None:
    advice = tree.advise({S: "ja", C: "nee", A: "nee"})
    assert advice.form == "regie_open" and "vorm nog te kiezen" in advice.heading
    assert any("Kies nog met wie" in r for r in advice.reasons)


def test_undecided_lists_every_open_question() -> None:
    advice = tree.advise({C: "ja"})
    assert advice.outcome == tree.UNDECIDED
    assert [r for r in advice.reasons if r.startswith("Nog niet beantwoord")] == [
        tree.RULE_BY_CODE["onbeantwoord_kansen_samenwerking"].reason,
        tree.RULE_BY_CODE["onbeantwoord_andere_partijen"].reason,
    ]


def test_questions_carry_the_seed_texts() -> None:
    assert [q.number for q in tree.QUESTIONS] == [1, 2, 3, 4]
    assert "kiezen we voor nabijheid in de eigen organisatie" in tree.QUESTION_BY_CODE[C].explanation
    assert "meer faciliterende rol" in tree.QUESTION_BY_CODE[A].explanation
    assert "zowel beleid als uitvoering dichtbij" in tree.NABIJHEID.explanation
    assert [tree.FORM_BY_CODE[f].label for f in tree.COOPERATION_FORMS] == [
        "Samenwerking met andere gemeenten", "Een gemeenschappelijke regeling",
        "In samenwerking met een bedrijf", "Overlaten aan partners of inwoners",
    ]


# --------------------------------------------------------------------------------------------
# Reading answers
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "code"), [
    ("ja", "ja"), ("Ja", "ja"), (" JA ", "ja"), ("x", "ja"), ("✓", "ja"), (True, "ja"), (1, "ja"),
    ("deels", "deels"), ("Gedeeltelijk", "deels"), ("soms", "deels"),
    ("nee", "nee"), ("Nee", "nee"), (False, "nee"), (0, "nee"),
    ("-", "onbekend"), ("nvt", "onbekend"), ("?", "onbekend"), (None, "onbekend"), ("", "onbekend"), (float("nan"), "onbekend"), ("weet ik veel", "onbekend"),
])
def test_parse_answer(value: object, code: str) -> None:
    assert tree.parse_answer(value) == code


@pytest.mark.parametrize(("value", "code"), [
    ("Andere gemeenten", "andere_gemeenten"), ("buurgemeente", "andere_gemeenten"),
    ("GR", "gemeenschappelijke_regeling"), ("Gemeenschappelijke regeling", "gemeenschappelijke_regeling"),
    ("Omgevingsdienst", "gemeenschappelijke_regeling"),
    ("bedrijf", "bedrijf"), ("Marktpartij", "bedrijf"), ("In samenwerking met een bedrijf", "bedrijf"),
    ("Inwoners", "partners_inwoners"), ("Woningcorporatie", "partners_inwoners"),
    ("Overlaten aan partners of inwoners", "partners_inwoners"),
    ("?", "onbekend"), (None, "onbekend"), ("de maan", "onbekend"),
])
def test_parse_form(value: object, code: str) -> None:
    assert tree.parse_form(value) == code


def test_answer_headers_do_not_clash_with_inventory_fields() -> None:
    fields = {norm_header(h) for headers in voc.COLUMNS["projects"].values() for h in headers}
    tree_headers = {norm_header(h) for headers in voc.DECISION_TREE_COLUMNS.values() for h in headers}
    assert not fields & tree_headers


# --------------------------------------------------------------------------------------------
# Comparing with the inventory's roles
# --------------------------------------------------------------------------------------------

REGIE = {C: "ja", S: "ja", A: "nee"}
NEAR = {N: "ja"}
GR = {S: "ja", A: "ja", C: "nee", W: "gemeenschappelijke_regeling"}
LOOSE = {C: "nee", S: "ja", A: "ja"}

COMPARISONS = [
    ("regisseur past", REGIE, {"uitvoering": ["regisseur"]}, tree.STATUS_FITS),
    ("opdrachtgever past bij regie", REGIE, {"uitvoering": ["opdrachtgever"]}, tree.STATUS_FITS),
    ("partner past niet bij regie dichtbij", REGIE, {"uitvoering": ["partner"]}, tree.STATUS_MISFITS),
    ("alleen een rol in beleid", REGIE, {"beleid": ["regisseur"]}, tree.STATUS_NOT_COMPARABLE),
    ("rol onbekend", REGIE, {"uitvoering": ["onbekend"]}, tree.STATUS_NOT_COMPARABLE),
    ("nabijheid: beleid en uitvoering zelf", NEAR, {"beleid": ["zelf"], "uitvoering": ["zelf"]},
     tree.STATUS_FITS),
    ("nabijheid: regisseur in beleid", NEAR, {"beleid": ["regisseur"], "uitvoering": ["zelf"]},
     tree.STATUS_MISFITS),
    ("nabijheid: alleen uitvoering", NEAR, {"uitvoering": ["zelf"]}, tree.STATUS_FITS),
    ("GR en opdrachtgever", GR, {"uitvoering": ["opdrachtgever"]}, tree.STATUS_FITS),
    ("GR en facilitator", GR, {"uitvoering": ["facilitator"]}, tree.STATUS_MISFITS),
    ("faciliteren en geen regie", LOOSE, {"uitvoering": ["geen"]}, tree.STATUS_MISFITS),
    ("twee rollen, één past niet", LOOSE, {"uitvoering": ["facilitator", "regisseur"]}, tree.STATUS_MISFITS),
    ("geen advies", {}, {"uitvoering": ["zelf"]}, tree.STATUS_NO_ADVICE),
]


@pytest.mark.parametrize(("answers", "roles", "status"), [c[1:] for c in COMPARISONS],
                         ids=[c[0] for c in COMPARISONS])
def test_compare_with_the_role_in_the_inventory(answers: dict, roles: dict, status: str) -> None:
    found, why = tree.compare(tree.advise(answers), roles)
    assert found == status
    assert why


def test_compare_says_what_is_missing() -> None:
    _, why = tree.compare(tree.advise(NEAR), {"uitvoering": ["zelf"]})
    assert "Geen bekende rol voor beleid" in why


# --------------------------------------------------------------------------------------------
# The inventory in batch
# --------------------------------------------------------------------------------------------

HEADER = ["ID", "Projectnaam", "Fase", "Rol uitvoering", "Kenmerken taak", "Kansen voor samenwerking",
          "Kernactiviteit", "Andere partijen", "Nabijheid", "Samenwerken met"]


def tree_inventory() -> Any:
    projects = Sheet("Projecten", [
        HEADER,
        ["P1", "Rioolbeheer", "Uitvoering", "Zelf doen", "nee", "nee", "ja", "ja", "ja", None],
        ["P2", "Belastingen", "Uitvoering", "Opdrachtgever", "nee", "ja", "nee", "ja", "nee", "GR"],
        ["P3", "Buurthuis", "Uitvoering", "Regisseur", "nee", "ja", "nee", "ja", "nee", None],
        ["P4", "Gezondheidsvisie", "Visie", None, "ja", "gedeeltelijk", "ja", "nee", "nee", None],
        ["P5", "Nog te wegen", "Uitvoering", "Partner", None, None, None, None, None, None],
        ["P6", "Raar antwoord", "Beleid", "Regisseur", None, "ja", "misschien wel", "nee", None, None],
        ["P7", "Gedeelde functionaris", "Uitvoering", "Partner", "nee", "ja", "nee", "ja", "nee", None],
    ])
    partners = Sheet("Partners", [
        ["Naam", "Type"], ["Gemeente Noorderveld", "Andere gemeente"], ["Stichting Welzijn", "Welzijnsorganisatie"],
    ])
    links = Sheet("Betrokkenheid", [
        ["Project ID", "Partner", "Fase"],
        ["P7", "Gemeente Noorderveld", "Uitvoering"],
        ["P7", "Stichting Welzijn", "Beleid"],
        ["P3", "Stichting Welzijn", "Uitvoering"],
    ])
    return inventory_of(projects, partners, links)


@pytest.fixture(scope="module")
def batch() -> Any:
    return tree.advise_inventory(tree_inventory()).set_index("id")


def test_tree_columns_are_found_by_their_synonyms() -> None:
    inv = tree_inventory()
    assert tree.tree_columns(inv) == {
        K: "Kenmerken taak", S: "Kansen voor samenwerking", C: "Kernactiviteit", A: "Andere partijen",
        N: "Nabijheid", W: "Samenwerken met",
    }
    assert tree.missing_columns(inv) == []


@pytest.mark.parametrize(("pid", "rule", "form", "role", "status"), [
    ("P1", "nabijheid", "zelf_uitvoeren", "zelf", tree.STATUS_FITS),
    ("P2", "gemeenschappelijke_regeling", "gemeenschappelijke_regeling", "partner", tree.STATUS_FITS),
    ("P3", "faciliteren", "partners_inwoners", "facilitator", tree.STATUS_MISFITS),
    ("P4", "regisserende_aanpak", "regie_open", "regisseur", tree.STATUS_NOT_COMPARABLE),
    ("P5", "onbeantwoord_kansen_samenwerking", "onbepaald", None, tree.STATUS_NO_ADVICE),
    ("P6", "onbeantwoord_kernactiviteit", "onbepaald", None, tree.STATUS_NO_ADVICE),
    ("P7", "andere_gemeenten", "andere_gemeenten", "partner", tree.STATUS_FITS),
])
def test_advise_inventory(batch: Any, pid: str, rule: str, form: str, role: str | None, status: str) -> None:
    row = batch.loc[pid]
    assert (row["rule"], row["form"], row["role"], row["status"]) == (rule, form, role, status)


def test_batch_explains_unreadable_answers_and_derived_forms(batch: Any) -> None:
    assert "Antwoord in kolom Kernactiviteit niet herkend: misschien wel." in batch.loc["P6", "reasons"]
    assert "partners in de uitvoering: Gemeente Noorderveld" in batch.loc["P7", "reasons"]
    assert "deels" in batch.loc["P4", "reasons"]
    assert batch.loc["P4", S] == "deels"
    assert batch.loc["P2", "rol_uitvoering"] == ("opdrachtgever",)


def test_status_counts_and_display_table(batch: Any) -> None:
    result = batch.reset_index()
    assert tree.status_counts(result) == {
        tree.STATUS_FITS: 3, tree.STATUS_MISFITS: 1, tree.STATUS_NOT_COMPARABLE: 1, tree.STATUS_NO_ADVICE: 2,
    }
    table = tree.display_table(result)
    assert list(table.columns[:5]) == ["ID", "Project", "Vergelijking", "Advies", "Geadviseerde rol"]
    assert set(table["Vergelijking"]) == set(tree.STATUS_LABELS.values())
    misfits = tree.display_table(result, only_misfits=True)
    assert list(misfits["ID"]) == ["P3"] and list(misfits["Vergelijking"]) == ["Past niet"]


def test_the_example_inventory() -> None:
    inv = load_inventory(make_data.EXAMPLE_PATH)
    assert tree.missing_columns(inv) == []
    result = tree.advise_inventory(inv).set_index("id")
    assert len(result) == len(make_data.PROJECTS)
    expected = {
        "P13": ("nabijheid", tree.STATUS_FITS),  # centrale intake: nabijheid, zelf
        "P19": ("nabijheid", tree.STATUS_FITS),  # rioolbeheer calamiteiten (the seed's example)
        "P20": ("andere_gemeenten", tree.STATUS_FITS),  # functionaris gegevensbescherming
        "P21": ("bedrijf", tree.STATUS_FITS),  # planeconomie
        "P24": ("gemeenschappelijke_regeling", tree.STATUS_FITS),  # belastingtaken
        "P14": ("faciliteren", tree.STATUS_FITS),  # AED-netwerk door inwoners
        "P07": ("kernactiviteit_regie", tree.STATUS_FITS),
        "P16": ("faciliteren", tree.STATUS_MISFITS),  # subsidiegever where the tree says faciliteren
        "P05": ("faciliteren", tree.STATUS_NOT_COMPARABLE),  # visie only
    }
    for pid, (rule, status) in expected.items():
        assert (result.loc[pid, "rule"], result.loc[pid, "status"]) == (rule, status), pid
    for project in make_data.PROJECTS:  # the generator's own consistency rule: nabijheid → zelf
        if project["nabijheid"]:
            assert result.loc[project["id"], "form"] == "zelf_uitvoeren"


def test_without_answer_columns() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], ["A", "Visie", "Regisseur"]]))
    assert tree.tree_columns(inv) == {}
    assert tree.missing_columns(inv) == ["Kansen samenwerking", "Kernactiviteit", "Andere partijen"]
    text = tree.columns_help(tree.missing_columns(inv))
    assert "'Kernactiviteit'" in text and "ja, deels of nee" in text and "Samenwerken met" in text
    result = tree.advise_inventory(inv)
    assert list(result["status"]) == [tree.STATUS_NO_ADVICE]


def test_without_projects() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Kernactiviteit"]]))
    result = tree.advise_inventory(inv)
    assert result.empty and list(result.columns) == list(tree.RESULT_COLUMNS)
    assert tree.status_counts(result) == dict.fromkeys(tree.STATUS_LABELS, 0)
    assert tree.display_table(result).empty


@pytest.mark.parametrize(("types", "expected"), [
    (("Andere gemeente", "Welzijnsorganisatie"), "gemeenschappelijke_regeling"),
    (("Welzijnsorganisatie", "Zorgaanbieder"), "partners_inwoners"),
    (("Bedrijf", "Bedrijf", "Inwoners"), "bedrijf"),
])
def test_partner_forms_majority_and_tie_order(types: tuple[str, ...], expected: str) -> None:
    """The majority of the partners decides; a tie goes to the most formal arrangement (a GR here
    ties with andere gemeenten and welzijn: one each)."""
    names = [f"Partner {i}" for i in range(len(types))]
    if expected == "gemeenschappelijke_regeling":
        names.append("Samen GR")
        types = (*types, "Gemeenschappelijke regeling")
    inv = inventory_of(
        Sheet("Projecten", [["ID", "Projectnaam"], ["P1", "Taak"]]),
        Sheet("Partners", [["Naam", "Type"], *([n, t] for n, t in zip(names, types, strict=True))]),
        Sheet("Betrokkenheid", [["Project ID", "Partner"], *(["P1", n] for n in names)]),
    )
    forms = tree.partner_forms(inv)
    assert list(forms["samenwerken_met"]) == [expected]
    assert "bij het project" in forms["basis"].iloc[0]

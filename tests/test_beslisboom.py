"""Kaag en Braassem's decision tree (seed 003, docs/domein.md section 6): the app's rule answer by answer,
every constraint docs/domein.md lists, the comparison with the inventory's role, and the tree in batch
over an inventory that has (or lacks) the answer columns of docs/inventaris.md."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from cli_support import run_cli
from conftest import inventory_of
from realistic import Sheet, xlsx

from data import make_data
from regie import load_inventory
from regie import vocabulary as voc
from regie.instruments import beslisboom as tree

K, S, C, A, N, V = "kenmerken", "samenwerking", "kernactiviteit", "andere_partijen", "nabijheid", "vorm"
IN, SELF, TALK, TOO_LITTLE = tree.IN_REGIE, tree.SELF, tree.DISCUSS, tree.TOO_LITTLE
COOPERATION = ("andere_gemeenten", "gemeenschappelijke_regeling", "bedrijf")
LEAVE = "partners_inwoners"

# --------------------------------------------------------------------------------------------
# The rule: answers → outcome and forms to choose from (docs/domein.md section 6)
# --------------------------------------------------------------------------------------------

RULE: list[tuple[str, dict[str, Any], str, tuple[str, ...]]] = [
    # (case, answers, outcome, forms)
    ("alles ja behalve kernactiviteit", {K: "ja", S: "ja", C: "nee", A: "ja"}, IN, (*COOPERATION, LEAVE)),
    ("alleen samenwerking wijst naar regie", {K: "nee", S: "ja", C: "nee", A: "nee"}, IN, COOPERATION),
    ("alleen bestaande uitvoering: overlaten", {K: "nee", S: "nee", C: "nee", A: "ja"}, IN, (LEAVE,)),
    ("regisserende aanpak met anderen die uitvoeren", {K: "ja", S: "nee", C: "nee", A: "ja"}, IN, (LEAVE,)),
    ("geen antwoord wijst naar regie", {K: "nee", S: "nee", C: "nee", A: "nee"}, SELF, ()),
    ("kernactiviteit zonder regie-aanknopingspunten", {K: "nee", S: "nee", C: "ja", A: "nee"}, SELF, ()),
    ("deels wijst geen kant op", {K: "deels", S: "deels", C: "nee", A: "deels"}, SELF, ()),
    ("kernactiviteit tegen kansen voor samenwerking", {K: "nee", S: "ja", C: "ja", A: "nee"}, TALK, ()),
    ("deels kernactiviteit tegen bestaande uitvoering", {K: "nee", S: "nee", C: "deels", A: "ja"}, TALK, ()),
    ("nabijheid deels tegen regie", {K: "ja", S: "ja", C: "nee", A: "nee", N: "deels"}, TALK, ()),
    ("regisserende aanpak maar met wie?", {K: "ja", S: "nee", C: "nee", A: "nee"}, TALK, ()),
    ("nabijheid beslist", {K: "ja", S: "ja", C: "nee", A: "ja", N: "ja"}, SELF, ()),
    ("nabijheid zonder de vier vragen", {N: "ja"}, SELF, ()),
    ("niets beantwoord", {}, TOO_LITTLE, ()),
    ("kernactiviteit open maakt het verschil", {K: "ja", S: "ja", A: "nee"}, TOO_LITTLE, ()),
    ("een open vraag die niets uitmaakt", {K: "nee", S: "nee", A: "nee"}, SELF, ()),
    ("nabijheid nee telt als niet gekozen", {K: "nee", S: "ja", C: "nee", A: "nee", N: "nee"}, IN, COOPERATION),
]


@pytest.mark.parametrize(("answers", "outcome", "forms"), [r[1:] for r in RULE], ids=[r[0] for r in RULE])
def test_the_rule(answers: dict[str, Any], outcome: str, forms: tuple[str, ...]) -> None:
    advice = tree.advise(answers)
    assert (advice.outcome, advice.forms) == (outcome, forms)
    assert advice.reason


ALL_ANSWERS = [(*combo, nabijheid) for combo in itertools.product((*tree.ANSWERS, None), repeat=4)
               for nabijheid in (*tree.ANSWERS, None)]


def _answers(combo: tuple[str | None, ...]) -> dict[str, Any]:
    return {code: value for code, value in zip((K, S, C, A, N), combo, strict=True) if value is not None}


@pytest.mark.parametrize("constraint", [
    "never in regie for a core activity or under nabijheid",
    "zelf uitvoeren when no answer points to regie",
    "overlaten only when question 4 is ja",
    "samenwerking forms only when question 2 is ja",
    "in regie always offers a form and never picks one",
    "bespreken when answers point both ways",
    "onvoldoende gegevens only with a missing answer",
])
def test_every_constraint_of_domain_section_6_over_every_combination(constraint: str) -> None:
    """docs/domein.md section 6 lists what the rule must at least do; checked over all 5⁵ answer sets."""
    for combo in ALL_ANSWERS:
        answers = _answers(combo)
        advice = tree.advise(answers)
        lines = {line.question.code: line.direction for line in advice.lines}
        regie = [c for c, d in lines.items() if d == tree.REGIE]
        self_ = [c for c, d in lines.items() if d == tree.ZELF]
        if constraint.startswith("never in regie"):
            if answers.get(C) == "ja" or answers.get(N) == "ja":
                assert advice.outcome != IN, answers
        elif constraint.startswith("zelf uitvoeren"):
            if not regie and not advice.missing:
                assert advice.outcome == SELF, answers
        elif constraint.startswith("overlaten"):
            if LEAVE in advice.forms:
                assert answers.get(A) == "ja", answers
            if advice.outcome == IN and answers.get(A) == "ja":
                assert LEAVE in advice.forms, answers
        elif constraint.startswith("samenwerking forms"):
            if set(COOPERATION) & set(advice.forms):
                assert answers.get(S) == "ja", answers
                assert set(COOPERATION) <= set(advice.forms), "all three offered, none picked"
        elif constraint.startswith("in regie always"):
            assert bool(advice.forms) == (advice.outcome == IN), answers
        elif constraint.startswith("bespreken"):
            if regie and self_ and answers.get(N) != "ja" and not advice.missing:
                assert advice.outcome == TALK, answers
        else:
            if advice.outcome == TOO_LITTLE:
                assert advice.missing, answers


def test_missing_answers_are_named_per_question() -> None:
    advice = tree.advise({K: "ja"})
    assert advice.outcome == TOO_LITTLE
    assert advice.missing == (S, C, A)
    assert "vraag 2" in advice.reason and "vraag 4" in advice.reason


@pytest.mark.parametrize(("question", "answer", "direction"), [
    (K, "ja", tree.REGIE), (K, "deels", tree.NEUTRAL), (K, "nee", tree.NEUTRAL),
    (S, "ja", tree.REGIE), (S, "deels", tree.NEUTRAL), (S, "nee", tree.NEUTRAL),
    (C, "ja", tree.ZELF), (C, "deels", tree.ZELF), (C, "nee", tree.NEUTRAL),
    (A, "ja", tree.REGIE), (A, "deels", tree.NEUTRAL), (A, "nee", tree.NEUTRAL),
    (N, "ja", tree.ZELF), (N, "deels", tree.ZELF), (N, "nee", tree.NEUTRAL),
    (K, tree.UNANSWERED, tree.UNANSWERED),
])
def test_each_answer_says_which_way_it_points(question: str, answer: str, direction: str) -> None:
    assert tree.direction(question, answer) == direction
    line = next(line for line in tree.advise({question: answer}).lines if line.question.code == question)
    assert line.direction == direction and tree.DIRECTION_LABELS[direction] in line.text


def test_deels_is_named_as_a_point_to_weigh() -> None:
    advice = tree.advise({K: "deels", S: "ja", C: "nee", A: "nee"})
    assert advice.outcome == IN
    assert any("Vraag 1 is met deels beantwoord" in note for note in advice.notes)


@pytest.mark.parametrize(("outcome", "roles", "fits"), [
    # Only zelf uitvoeren against a regietaak (or the reverse) is a conflict (docs/domein.md section 6).
    (IN, ("regisseur",), True),
    (IN, ("partner",), True),
    (IN, ("facilitator",), True),
    (IN, ("opdrachtgever",), True),
    (IN, ("geen",), True),
    (IN, ("zelf",), False),
    (IN, ("zelf", "regisseur"), False),
    (SELF, ("zelf",), True),
    (SELF, ("regisseur",), False),
    (SELF, ("partner",), False),
    (TALK, ("zelf",), None),
    (TOO_LITTLE, ("regisseur",), None),
    (IN, (), None),
    (IN, (voc.UNKNOWN,), None),
])
def test_fits_only_names_a_real_conflict(outcome: str, roles: tuple[str, ...], fits: bool | None) -> None:
    assert tree.fits(outcome, roles) is fits


def test_the_roles_that_fit_never_contradict_the_outcome() -> None:
    """No overlaten with role regisseur; no samenwerkingspartner when question 2 is nee."""
    for combo in ALL_ANSWERS:
        answers = _answers(combo)
        advice = tree.advise(answers)
        roles = set(advice.fitting_roles)
        if advice.outcome == IN and advice.forms == (LEAVE,):
            assert "regisseur" not in roles, answers
        if answers.get(S) != "ja":
            assert "partner" not in roles, answers
        if advice.outcome == SELF:
            assert roles == {"zelf"}
        if advice.outcome in (TALK, TOO_LITTLE):
            assert not roles


def test_a_chosen_form_narrows_the_roles_and_steps() -> None:
    answers = {K: "ja", S: "ja", C: "nee", A: "ja"}
    assert tree.advise({**answers, V: "bedrijf"}).fitting_roles == ("opdrachtgever",)
    assert tree.advise({**answers, V: "Overlaten aan partners of inwoners"}).steps == tree.STEP3_LEAVE
    assert tree.advise(answers).steps == tree.STEP3
    assert tree.advise({N: "ja"}).steps == ()


def test_a_chosen_form_that_the_answers_do_not_offer_is_named() -> None:
    advice = tree.advise({K: "nee", S: "ja", C: "nee", A: "nee", V: "partners_inwoners"})
    assert advice.outcome == IN and LEAVE not in advice.forms
    assert any("hoort niet bij de antwoorden" in note for note in advice.notes)


def test_questions_keep_the_seed_texts() -> None:
    """Q1 asks whether the task requires a regisserende aanpak; Q3 has the capacity clause."""
    by_code = tree.QUESTION_BY_CODE
    assert "regisserende aanpak" in by_code[K].ask.lower()
    assert "expertise en capaciteit" in by_code[C].ask
    assert "benodigde expertise en capaciteiten bezitten om effectief te regisseren" in by_code[C].explanation
    assert by_code[C].figure == "Sluit het aan bij de kernactiviteiten van de gemeente?"
    assert "principiële keuze" in tree.NABIJHEID.explanation
    assert "besluit voorgelegd" in tree.STEP2_TEXT
    assert "tellen en vertellen" in " ".join(tree.STEP3)
    assert [f.label for f in tree.FORMS] == [c.label for c in voc.COOPERATION_FORMS]


@pytest.mark.parametrize(("value", "code"), [
    ("ja", "ja"), ("Ja", "ja"), ("x", "ja"), (True, "ja"), ("deels", "deels"), ("gedeeltelijk", "deels"),
    ("nee", "nee"), (False, "nee"), ("-", tree.UNANSWERED), (None, tree.UNANSWERED), ("", tree.UNANSWERED),
    ("misschien wel", tree.UNANSWERED), (float("nan"), tree.UNANSWERED),
])
def test_parse_answer(value: object, code: str) -> None:
    assert tree.parse_answer(value) == code


@pytest.mark.parametrize(("value", "code"), [
    ("GR", "gemeenschappelijke_regeling"), ("Een gemeenschappelijke regeling", "gemeenschappelijke_regeling"),
    ("bedrijf", "bedrijf"), ("andere gemeenten", "andere_gemeenten"),
    ("Overlaten aan partners of inwoners", LEAVE), ("woningcorporatie", tree.UNANSWERED), (None, tree.UNANSWERED),
])
def test_parse_form(value: object, code: str) -> None:
    assert tree.parse_form(value) == code


# --------------------------------------------------------------------------------------------
# The inventory in batch: only the answer columns of docs/inventaris.md
# --------------------------------------------------------------------------------------------

HEADER = ["ID", "Projectnaam", "Fase", "Rol uitvoering", "Regisserende aanpak nodig", "Kansen voor samenwerking",
          "Kernactiviteit", "Door anderen uitgevoerd", "Nabijheid", "Vorm"]

BATCH: list[tuple[str, str, tuple[str, ...], tuple[str, ...], str | None, bool | None]] = [
    # (id, uitkomst, vormen, ontbrekend, rol_inventaris, past)
    ("P1", SELF, (), (), "zelf", True),
    ("P2", IN, COOPERATION, (), "opdrachtgever", True),
    ("P3", IN, (*COOPERATION, LEAVE), (), "regisseur", True),
    ("P4", TALK, (), (), None, None),
    ("P5", TOO_LITTLE, (), (K, S, C, A), "partner", None),
    ("P6", TOO_LITTLE, (), (K, C), None, None),
    ("P7", SELF, (), (), "partner", False),
]


TREE_ROWS: list[list[object]] = [
    ["P1", "Rioolbeheer", "Uitvoering", "Zelf doen", "nee", "nee", "ja", "nee", "ja", None],
    ["P2", "Belastingen", "Uitvoering", "Opdrachtgever", "nee", "ja", "nee", "nee", "nee", "GR"],
    ["P3", "Buurthuis", "Uitvoering", "Regisseur", "ja", "ja", "nee", "ja", "nee", None],
    ["P4", "Gezondheidsvisie", "Visie", None, "ja", "gedeeltelijk", "ja", "ja", "nee", None],
    ["P5", "Nog te wegen", "Uitvoering", "Partner", None, None, None, None, None, None],
    ["P6", "Raar antwoord", "Beleid", None, None, "ja", "misschien wel", "nee", None, None],
    ["P7", "Mantelzorg", "Uitvoering", "Partner", "nee", "nee", "ja", "nee", "nee", None],
]


def tree_inventory() -> Any:
    projects = Sheet("Projecten", [HEADER, *TREE_ROWS])
    partners = Sheet("Partners", [
        ["Naam", "Type"], ["Gemeente Noorderveld", "Andere gemeente"], ["Zorg BV", "Bedrijf"],
    ])
    links = Sheet("Betrokkenheid", [
        ["Project ID", "Partner", "Fase"],
        ["P1", "Zorg BV", "Uitvoering"],
        ["P5", "Gemeente Noorderveld", "Uitvoering"],
    ])
    return inventory_of(projects, partners, links)


@pytest.fixture(scope="module")
def batch() -> Any:
    return tree.advise_inventory(tree_inventory()).set_index("id")


@pytest.mark.parametrize(("pid", "outcome", "forms", "missing", "role", "fits"), BATCH, ids=[b[0] for b in BATCH])
def test_advise_inventory(batch: Any, pid: str, outcome: str, forms: tuple[str, ...], missing: tuple[str, ...],
                          role: str | None, fits: bool | None) -> None:
    row = batch.loc[pid]
    assert (row["uitkomst"], row["vormen"], row["ontbrekend"]) == (outcome, forms, missing)
    assert row["rol_inventaris"] == role
    assert tree.fit_value(row["past"]) is fits


def test_partner_types_never_decide_anything(batch: Any) -> None:
    """P1 works with a company and P5 with another gemeente: neither changes their outcome."""
    assert batch.loc["P1", "uitkomst"] == SELF
    assert batch.loc["P5", "uitkomst"] == TOO_LITTLE


def test_an_unreadable_answer_warns_in_the_inventory_and_counts_as_missing() -> None:
    inv = tree_inventory()
    warned = [i for i in inv.issues if i.column == "Kernactiviteit"]
    assert len(warned) == 1 and warned[0].value == "misschien wel" and warned[0].row == 7


def test_outcome_and_fit_counts_and_display_table(batch: Any) -> None:
    result = batch.reset_index()
    assert tree.outcome_counts(result) == {IN: 2, SELF: 2, TALK: 1, TOO_LITTLE: 2}
    assert tree.fit_counts(result) == {True: 3, False: 1, None: 3}
    table = tree.display_table(result)
    assert list(table["Uitkomst"]) == [tree.OUTCOME_SHORT[o] for o in result["uitkomst"]]
    assert table.loc[table["ID"] == "P5", "Ontbrekende antwoorden"].item() == "Vraag 1, Vraag 2, Vraag 3, Vraag 4"
    assert list(tree.display_table(result, only_misfits=True)["ID"]) == ["P7"]


def test_without_answer_columns_every_project_lacks_every_answer() -> None:
    inv = inventory_of(Sheet("Projecten", [["Projectnaam", "Fase", "Rol"], ["A", "Uitvoering", "Regisseur"]]))
    result = tree.advise_inventory(inv)
    assert list(result["uitkomst"]) == [TOO_LITTLE]
    assert result["ontbrekend"].iloc[0] == (K, S, C, A)
    assert not tree.has_answers(result)
    help_text = tree.columns_help()
    for header in ("Regisserende aanpak nodig", "Kansen voor samenwerking", "Kernactiviteit",
                   "Door anderen uitgevoerd", "Nabijheid", "Vorm"):
        assert header in help_text


def test_the_example_inventory_follows_its_own_answers() -> None:
    """The example's answers as the generator wrote them give the outcome the rule gives."""
    result = tree.advise_inventory(load_inventory(make_data.EXAMPLE_PATH)).set_index("id")
    assert len(result) == len(make_data.PROJECTS)
    for project in make_data.PROJECTS:
        answers = {code: project[code] for code in make_data.TREE_FIELDS}
        assert result.loc[project["id"], "uitkomst"] == tree.advise(answers).outcome, project["id"]
    counts = tree.outcome_counts(result.reset_index())
    assert all(counts[o] for o in tree.OUTCOMES), "the example shows every outcome"
    # MOVISIE's own model case (the regie op de uitvoering lies with the aanbieders) fits.
    assert result.loc["P06", "rol_inventaris"] == "geen" and result.loc["P06", "past"] is True


# --------------------------------------------------------------------------------------------
# python -m regie beslisboom FILE [--json]
# --------------------------------------------------------------------------------------------


def test_cli_json_contract(tmp_path: Any) -> None:
    path = tmp_path / "boom.xlsx"
    path.write_bytes(xlsx([
        Sheet("Projecten", [HEADER, *TREE_ROWS]),
    ]))
    proc = run_cli("beslisboom", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    document = json.loads(proc.stdout_bytes.decode("utf-8"))
    assert set(document) == {"file", "projects"} and document["file"] == "boom.xlsx"
    by_id = {p["id"]: p for p in document["projects"]}
    assert set(by_id["P1"]) == {"id", "naam", "uitkomst", "vormen", "ontbrekend", "rol_inventaris", "past"}
    for pid, outcome, forms, missing, role, fits in BATCH:
        assert by_id[pid] == {"id": pid, "naam": by_id[pid]["naam"], "uitkomst": outcome, "vormen": list(forms),
                              "ontbrekend": list(missing), "rol_inventaris": role, "past": fits}


def test_cli_text_and_exit_codes(tmp_path: Any) -> None:
    proc = run_cli("beslisboom", str(make_data.EXAMPLE_PATH))
    assert proc.returncode == 0
    assert "Beslisboom (Kaag en Braassem)" in proc.stdout and voc.READING_MARKER in proc.stdout
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"dit is geen spreadsheet")
    proc = run_cli("beslisboom", str(bad), "--json")
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Fout:")


def test_cli_usage_is_dutch() -> None:
    proc = run_cli("beslisboom")
    assert proc.returncode == 2
    assert "gebruik:" in proc.stderr and "BESTAND" in proc.stderr and "usage" not in proc.stderr
    proc = run_cli("beslisboom", "--help")
    assert "opties:" in proc.stdout and "options:" not in proc.stdout

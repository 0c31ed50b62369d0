"""The vocabulary as data: every synonym in docs/domein.md and docs/inventaris.md maps to its canonical code."""

from __future__ import annotations

import pytest

from regie import vocabulary as voc
from regie.mapping import (
    ELEMENT_VOCAB,
    PARTNER_TYPE_VOCAB,
    PHASE_VOCAB,
    ROLE_VOCAB,
)

PHASE_SYNONYMS = [(word, p.code) for p in voc.PHASES for word in p.synonyms]
ROLE_SYNONYMS = [(word, r.code) for r in voc.ROLES for word in r.synonyms]

# Written out from docs/domein.md section 1, independent of vocabulary.py: a synonym removed by accident fails here.
DOMAIN_PHASES = {
    "visie": "visie, visiefase, beleidsvisie, visievorming, ontwikkeling gezamenlijke beleidsvisie, verkenning, "
    "initiatief, initiatieffase, agendavorming, beleidsvoorbereiding, ideevorming",
    "beleid": "beleid, beleidsfase, beleidsvorming, beleidsontwikkeling, beleidsbepaling, planvorming, "
    "ontwikkeling ruimtelijke plannen en vormgeving, vormgeving, ontwerp, besluitvorming, programmering, "
    "beleidsevaluatie, evaluatie, monitoring",
    "uitvoering": "uitvoering, uitvoeringsfase, uitvoering/keten, keten, ketensturing, beleidsuitvoering, "
    "realisatie, implementatie, beheer, exploitatie",
}
DOMAIN_ROLES = {
    "zelf": "zelf doen, zelf uitvoeren, uitvoerder, eigen beheer, in eigen hand",
    "opdrachtgever": "opdrachtgever, opdrachtgeverschap, uitbesteden, uitbesteding, inkoper, subsidiegever, "
    "contractmanagement, contractbeheerder",
    "regisseur": "regisseur, regie, regievoerder, regie voeren, regisseren, regisserend, regiehouder",
    "partner": "partner, samenwerkingspartner, samenwerken, samenwerking, uitvoering door samenwerking, "
    "mede-eigenaar, gelijkwaardige partner",
    "facilitator": "facilitator, faciliteren, faciliterend, overlaten aan de samenleving, stimulator, "
    "ondersteunen, makelaar, participerende overheid, responsieve overheid",
    "geen": "geen regie, geen rol, geen, regie bij partners, regie bij anderen",
}


def _split_list(spec: dict[str, str]) -> list[tuple[str, str]]:
    return [(w.strip(), code) for code, words in spec.items() for w in words.split(", ")]


@pytest.mark.parametrize(("word", "code"), _split_list(DOMAIN_PHASES))
def test_domain_phase_synonym(word: str, code: str) -> None:
    assert PHASE_VOCAB.match_whole(word)[0] == code


@pytest.mark.parametrize(("word", "code"), _split_list(DOMAIN_ROLES))
def test_domain_role_synonym(word: str, code: str) -> None:
    assert ROLE_VOCAB.match_whole(word)[0] == code


@pytest.mark.parametrize(("word", "code"), PHASE_SYNONYMS)
def test_every_phase_synonym_matches_whole_in_any_casing(word: str, code: str) -> None:
    assert PHASE_VOCAB.match_whole(word.upper())[0] == code
    assert [m.code for m in PHASE_VOCAB.match(f"  {word.title()} ")] == [code]


@pytest.mark.parametrize(("word", "code"), ROLE_SYNONYMS)
def test_every_role_synonym_matches(word: str, code: str) -> None:
    assert [m.code for m in ROLE_VOCAB.match(word.upper())] == [code]


@pytest.mark.parametrize("word", ["Presterende overheid", "Samenwerkende overheid", "Rechtmatige overheid"])
def test_government_roles_that_fit_two_roles_are_unknown(word: str) -> None:
    assert ROLE_VOCAB.match_whole(word) is None


@pytest.mark.parametrize(
    ("code", "fase", "regie_op", "vaardigheden"),
    [
        ("visie", "Ontwikkeling gezamenlijke beleidsvisie", "Beleidsvisie", "Netwerken, stimuleren en initiëren"),
        ("beleid", "Ontwikkeling ruimtelijke plannen en vormgeving", "Beleid",
         "Onderhandelen, beslissen, bemiddelen, faciliteren"),
        ("uitvoering", "Uitvoering", "Uitvoering/keten", "Concretiseren en vastleggen van afspraken"),
    ],
)
def test_schema3_verbatim(code: str, fase: str, regie_op: str, vaardigheden: str) -> None:
    phase = voc.PHASE_BY_CODE[code]
    assert (phase.fase_in_het_proces, phase.regie_op, phase.vaardigheden) == (fase, regie_op, vaardigheden)


def test_schema3_skills_as_items() -> None:
    assert voc.PHASE_BY_CODE["visie"].skills == ("Netwerken", "Stimuleren", "Initiëren")
    assert voc.PHASE_BY_CODE["beleid"].skills == ("Onderhandelen", "Beslissen", "Bemiddelen", "Faciliteren")
    assert voc.PHASE_BY_CODE["uitvoering"].skills == ("Concretiseren", "Vastleggen van afspraken")


@pytest.mark.parametrize(
    ("code", "label", "rivm"),
    [
        # docs/domein.md section 3: the roles, their labels and RIVM's scenario (000).
        ("zelf", "Zelf doen", "Zelf doen"),
        ("opdrachtgever", "Opdrachtgever", "Uitbesteden"),
        ("regisseur", "Regisseur", None),
        ("partner", "Samenwerkingspartner", "Uitvoering door samenwerking"),
        ("facilitator", "Facilitator", "Overlaten aan de samenleving"),
        ("geen", "Regie bij anderen", None),
    ],
)
def test_role_table(code: str, label: str, rivm: str | None) -> None:
    role = voc.ROLE_BY_CODE[code]
    assert (role.label, role.rivm) == (label, rivm)
    assert role.rivm_note, "every row says why (the regisseur row why it has no single scenario)"
    assert ROLE_VOCAB.match_whole(label)[0] == code
    assert not hasattr(role, "overheidsrol"), "no role is mapped onto a government role"


def test_geen_is_never_labelled_geen_regie() -> None:
    assert voc.role_label("geen") == "Regie bij anderen"
    assert ROLE_VOCAB.match_whole("Geen regie")[0] == "geen", "still read as a synonym"
    assert "Samenwerkende overheid" not in {s for r in voc.ROLES for s in r.synonyms}
    assert ROLE_VOCAB.match_whole("Presterende overheid") is None


def test_rivm_scenarios_are_quoted_whole() -> None:
    names = [s.name for s in voc.RIVM_SCENARIOS]
    assert names == ["Zelf doen", "Uitbesteden", "Uitvoering door samenwerking", "Overlaten aan de samenleving"]
    assert {r.rivm for r in voc.ROLES if r.rivm} <= set(names)


@pytest.mark.parametrize(
    ("code", "name"),
    [("A", "Visie ontwikkelen"), ("B", "Het netwerk koesteren"), ("C", "De eigen rol benoemen"),
     ("D", "Variëren in aanpak")],
)
def test_element_names(code: str, name: str) -> None:
    assert voc.ELEMENT_BY_CODE[code].name == name
    assert ELEMENT_VOCAB.match_whole(name)[0] == code


def test_hupe_klijn_five_principles() -> None:
    assert [p.name for p in voc.HUPE_KLIJN_PRINCIPLES] == [
        "Stimuleren", "Plaatsen", "Steun creëren", "Structureren", "Sturen"]


def test_schema1_and_schema2_shape() -> None:
    assert [t.code for t in voc.SCHEMA1] == ["publiekrechtelijk", "privaatrechtelijk", "belanghebbend"]
    assert len(voc.SCHEMA2) == 4


@pytest.mark.parametrize(("word", "code"), [(w, c.code) for c in voc.PARTNER_TYPES for w in c.synonyms])
def test_partner_type_synonyms(word: str, code: str) -> None:
    assert PARTNER_TYPE_VOCAB.match_whole(word)[0] == code


def test_no_synonym_means_two_codes() -> None:
    from regie.normalise import norm

    for group in (voc.PHASES, voc.ROLES, voc.PARTNER_TYPES):
        owner: dict[str, str] = {}
        for item in group:
            for word in item.synonyms:
                assert owner.setdefault(norm(word), item.code) == item.code, word

"""Zelfscan "Klaar voor regie?": Louweret's eight questions and Oosterhof's eight preparation points.

Two different ideas of regie (docs/domein.md section 7), never merged into one score:

* **Louweret** (002, last paragraph of "Geven in plaats van vragen"), addressed to the bestuur:
  "Wilt u regiegemeente worden? Kunt u volmondig ja antwoorden op de volgende vragen? … Want dat is
  nodig voor regie." The result is what he asks: how many of the eight get a *volmondig ja*, and
  which do not.
* **Oosterhof** (001, "Regie vraagt voorbereiding"): eight aspects a successful regieorganisatie
  attends to — a checklist: how many are *op orde*, and which are not.

Each item keeps the seed's words verbatim, with a plain-language (B1) paraphrase beside it, in the
"u" register. Answers are ja, deels or nee; only ja counts as volmondig ja / op orde.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from regie import vocabulary as voc
from regie.normalise import Vocabulary, cell_text

LOUWERET = "louweret"
OOSTERHOF = "oosterhof"

SOURCES: dict[str, str] = {
    LOUWERET: voc.cite("louweret", "“Geven in plaats van vragen”"),
    OOSTERHOF: voc.cite("oosterhof", "“Regie vraagt voorbereiding”"),
}
SOURCE_LABELS: dict[str, str] = {LOUWERET: "Louweret", OOSTERHOF: "Oosterhof"}

INTROS: dict[str, str] = {
    LOUWERET: (
        "“Wilt u regiegemeente worden? Kunt u volmondig ja antwoorden op de volgende vragen? […] Want dat is "
        "nodig voor regie.” Louweret richt deze vragen aan het bestuur."
    ),
    OOSTERHOF: "“Een succesvolle regieorganisatie schenkt aandacht aan de volgende aspecten:”",
}
OUTCOME_WORDS: dict[str, str] = {LOUWERET: "volmondig ja", OOSTERHOF: "op orde"}
AUDIENCE: dict[str, frozenset[str]] = {
    LOUWERET: frozenset({"bestuur"}),
    OOSTERHOF: frozenset({"bestuur", "ambtelijk"}),
}
"""Which werkplaats perspectives (:data:`regie.vocabulary.PERSPECTIVES`) get each checklist: Louweret puts
his questions to the bestuur ("Wilt u regiegemeente worden?"), Oosterhof's points are the gemeente's own
preparation as a regieorganisatie; partners get neither."""
AUDIENCE_WORDS: dict[str, str] = {LOUWERET: "het bestuur", OOSTERHOF: "de gemeente (bestuur en ambtelijke organisatie)"}
"""What a ja means for each checklist."""
ANSWER_WORDS: dict[str, dict[str, str]] = {
    LOUWERET: {**voc.ANSWER_LABELS, "ja": "Volmondig ja"},
    OOSTERHOF: dict(zip(voc.ANSWER_CODES, ("Op orde", "Deels op orde", "Niet op orde"), strict=True)),
}
INTRO = f"{INTROS[LOUWERET]} Oosterhof: {INTROS[OOSTERHOF]}"
"""Both introductions (for a werkplaats that asks both)."""


@dataclass(frozen=True)
class ScanItem:
    """One question or preparation point."""

    code: str
    source: str
    original: str
    """The seed's own words, verbatim."""
    plain: str
    """The same in plain language (B1), asked as a question to "u"."""

    @property
    def question(self) -> str:
        """What a form asks: the verbatim question (Louweret) or the B1 question (Oosterhof's points
        are instructions, not questions)."""
        return self.original if self.source == LOUWERET else self.plain


ITEMS: tuple[ScanItem, ...] = (
    ScanItem("L1", LOUWERET, "Weet u waar uw partners behoefte aan hebben?", "Weet u wat uw partners nodig hebben?"),
    ScanItem("L2", LOUWERET, "Heeft u hen concrete voordelen te bieden?",
             "Kunt u uw partners iets concreets bieden waar zij beter van worden?"),
    ScanItem("L3", LOUWERET, "Durft u uw ambtenaren ruimte te geven?",
             "Laat u uw ambtenaren in de samenwerking zelf keuzes maken?"),
    ScanItem("L4", LOUWERET, "Zijn uw ambtenaren ondernemend?", "Nemen uw ambtenaren zelf initiatief?"),
    ScanItem("L5", LOUWERET, "Heeft u vertrouwen in de esprit de corps?",
             "Vertrouwt u op de teamgeest in uw organisatie?"),
    ScanItem("L6", LOUWERET, "Bent u dienstbaar?", "Stelt u zich in dienst van de samenwerking?"),
    ScanItem("L7", LOUWERET, "Kunt u leven met vage doelen?",
             "Vindt u het goed als de doelen nog niet precies vastliggen?"),
    ScanItem("L8", LOUWERET, "Vindt u de kwaliteit van het proces echt belangrijker dan de inhoudelijke uitkomst?",
             "Is hoe u samenwerkt voor u belangrijker dan wat eruit komt?"),
    ScanItem(
        "O1", OOSTERHOF,
        "Draag zorg voor draagvlak bij zowel bestuur als management en geef hen een prominente rol en mandaat. Het "
        "bestuur en leidinggevenden vervullen een cruciale rol in de verandering. Zij moeten verantwoordelijk "
        "gesteld worden voor het veranderingstraject en vasthoudendheid tonen, zodat de strategische doelen gehaald "
        "kunnen worden;",
        "Staan bestuur en management achter de verandering, met een duidelijke rol en mandaat?",
    ),
    ScanItem("O2", OOSTERHOF, "Draag zorg voor een goede communicatie, zowel intern als extern;",
             "Is de communicatie binnen en buiten de organisatie goed geregeld?"),
    ScanItem(
        "O3", OOSTERHOF,
        "Houdt de gekozen koers en kaders vast, durf te kiezen (kiezen is kappen) om te voorkomen dat er geen "
        "resultaten worden behaald. Toon lef, doorzettingskracht en transparantie, dit biedt duidelijkheid en "
        "zekerheid;",
        "Houdt u vast aan de gekozen koers, en durft u te kiezen?",
    ),
    ScanItem(
        "O4", OOSTERHOF,
        "Laat de strategie leven onder de medewerkers door storytelling, metaforen en zeepkistsessies en betrek "
        "hierbij medewerkers die reeds successen hebben geboekt;",
        "Kennen en delen de medewerkers de strategie?",
    ),
    ScanItem(
        "O5", OOSTERHOF,
        "Betrek zoveel mogelijk stakeholders bij het gehele veranderingsproces, zodat optimale afstemming mogelijk "
        "is, maar blijf slagvaardig;",
        "Betrekt u zoveel mogelijk belanghebbenden bij de verandering, zonder traag te worden?",
    ),
    ScanItem(
        "O6", OOSTERHOF,
        "Draag zorg voor een toereikend budget. Maak hierbij een risicoanalyse en zorg voor beheersmaatregelen;",
        "Is er genoeg budget, met een risicoanalyse en maatregelen om de risico's te beheersen?",
    ),
    ScanItem(
        "O7", OOSTERHOF,
        "Draag er zorg voor dat verbeteringen consolideren (geborgd worden en beklijven) en vier de successen;",
        "Zorgt u dat verbeteringen blijven, en viert u de successen?",
    ),
    ScanItem(
        "O8", OOSTERHOF,
        "Maak een opleidings- en trainingsplan en start tijdig met het ontwikkelen van competenties en HRM strategie.",
        "Is er een opleidings- en trainingsplan voor de competenties die regie vraagt?",
    ),
)
ITEM_BY_CODE: dict[str, ScanItem] = {i.code: i for i in ITEMS}
ITEMS_OF: dict[str, tuple[ScanItem, ...]] = {
    source: tuple(i for i in ITEMS if i.source == source) for source in (LOUWERET, OOSTERHOF)
}

_ANSWERS = Vocabulary("antwoord", {c.code: (c.code, c.label, *c.synonyms) for c in voc.ANSWERS})


def parse(answer: object) -> str | None:
    """``ja``, ``deels`` or ``nee`` (any spelling the vocabulary knows, an Excel TRUE/FALSE); None when
    unanswered. Raises ValueError for anything else."""
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return None
    if isinstance(answer, bool):
        return "ja" if answer else "nee"
    if isinstance(answer, float) and answer != answer:
        return None
    text = cell_text(answer).strip()
    found = _ANSWERS.match_whole(text)
    if found is None:
        raise ValueError(f"onbekend antwoord: {text!r}")
    return found[0]


@dataclass(frozen=True)
class ChecklistResult:
    """One checklist's outcome: how many items are answered ja, and which are open."""

    source: str
    answers: dict[str, str | None]
    """Item code → ja, deels, nee or None (unanswered)."""

    @property
    def items(self) -> tuple[ScanItem, ...]:
        return ITEMS_OF[self.source]

    @property
    def yes(self) -> int:
        """Items answered ja (volmondig ja / op orde)."""
        return sum(1 for i in self.items if self.answers.get(i.code) == "ja")

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def answered(self) -> int:
        return sum(1 for i in self.items if self.answers.get(i.code) is not None)

    @property
    def open(self) -> tuple[ScanItem, ...]:
        """Answered, but not with ja: the points to work on (in the seed's order)."""
        return tuple(i for i in self.items if self.answers.get(i.code) in ("deels", "nee"))

    @property
    def unanswered(self) -> tuple[ScanItem, ...]:
        return tuple(i for i in self.items if self.answers.get(i.code) is None)

    @property
    def headline(self) -> str:
        """``5 van de 8 volmondig ja`` (Louweret) or ``3 van de 8 op orde`` (Oosterhof)."""
        text = f"{self.yes} van de {self.total} {OUTCOME_WORDS[self.source]}"
        if self.answered < self.total:
            text += f" ({self.total - self.answered} nog niet beantwoord)"
        return text


def evaluate(answers: Mapping[str, object]) -> dict[str, ChecklistResult]:
    """Both checklists from one mapping item code → answer; missing items are unanswered. Raises
    ValueError for an unknown item code or answer."""
    unknown = set(answers) - set(ITEM_BY_CODE)
    if unknown:
        raise ValueError(f"onbekende vragen: {sorted(unknown)}")
    parsed = {code: parse(answers.get(code)) for code in ITEM_BY_CODE}
    return {
        source: ChecklistResult(source, {i.code: parsed[i.code] for i in ITEMS_OF[source]})
        for source in (LOUWERET, OOSTERHOF)
    }

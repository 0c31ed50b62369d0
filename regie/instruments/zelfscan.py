"""Zelfscan "Klaar voor regie?": Louweret's eight questions and Oosterhof's eight preparation points.

* Louweret (seed 002, last paragraph of "Geven in plaats van vragen"): "Wilt u regiegemeente
  worden? Kunt u volmondig ja antwoorden op de volgende vragen?" — eight questions; ja is the answer
  regie needs ("Want dat is nodig voor regie").
* Oosterhof (seed 001, "Regie vraagt voorbereiding"): eight aspects a successful regieorganisatie
  pays attention to; here each is asked as a question ("Is er ...?") so ja is again the strong answer.

The sixteen items are grouped into four themes (the grouping is this module's, the seeds give
none): partners en samenwerking, ruimte en vertrouwen, sturing en proces, bestuur, mensen en
middelen. Every item carries the advice that follows from a weak answer, taken from its own seed
(and, where Louweret's text explains the question, from that explanation).

Scoring: ja = 100, deels = 50, nee = 0, or a score 1–5 = 0, 25, 50, 75, 100. A theme scores the mean
of its answered items (0–100); unanswered items do not count. An item scoring 50 or less is a weak
point, and its advice is listed — the weakest first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from regie import vocabulary as voc
from regie.normalise import Vocabulary, cell_text

LOUWERET = "louweret"
OOSTERHOF = "oosterhof"

SOURCES: dict[str, str] = {
    LOUWERET: "Louweret, Populist, regent of regisseur — “Geven in plaats van vragen”",
    OOSTERHOF: "Oosterhof, Wat vraagt een volwaardige regiegemeente? — “Regie vraagt voorbereiding”",
}
SOURCE_LABELS: dict[str, str] = {LOUWERET: "Louweret", OOSTERHOF: "Oosterhof"}

INTRO = (
    "Louweret: “Wilt u regiegemeente worden? Kunt u volmondig ja antwoorden op de volgende "
    "vragen?” Oosterhof: “Een succesvolle regieorganisatie schenkt aandacht aan de volgende "
    "aspecten.”"
)


@dataclass(frozen=True)
class Theme:
    """A group of scan items."""

    code: str
    label: str
    description: str


THEMES: tuple[Theme, ...] = (
    Theme("partners", "Partners en samenwerking",
          "Kent de gemeente haar partners, heeft ze hen iets te bieden en betrekt ze hen?"),
    Theme("ruimte", "Ruimte en vertrouwen",
          "Krijgen ambtenaren ruimte, vertrouwen en de vrijheid om met open doelen te werken?"),
    Theme("sturing", "Sturing en proces",
          "Gaat het om de kwaliteit van het proces, met heldere koers, communicatie en borging?"),
    Theme("bestuur", "Bestuur, mensen en middelen",
          "Dragen bestuur en management de verandering, met budget, competenties en een verhaal?"),
)
THEME_BY_CODE: dict[str, Theme] = {t.code: t for t in THEMES}


@dataclass(frozen=True)
class ScanItem:
    """One question of the scan."""

    code: str
    source: str
    theme: str
    question: str
    """The question as the scan asks it (ja is the strong answer)."""
    original: str
    """The seed's own wording, verbatim."""
    advice: str
    """What to do when the answer is weak."""


ITEMS: tuple[ScanItem, ...] = (
    # Louweret's eight questions, in his order
    ScanItem(
        "L1", LOUWERET, "partners", "Weet u waar uw partners behoefte aan hebben?",
        "Weet u waar uw partners behoefte aan hebben?",
        "Breng in kaart wat uw partners nodig hebben en wat hun belangen zijn, voordat u regie "
        "neemt. Elke samenwerking vraagt overeenstemming over het doel.",
    ),
    ScanItem(
        "L2", LOUWERET, "partners", "Heeft u uw partners concrete voordelen te bieden?",
        "Heeft u hen concrete voordelen te bieden?",
        "Maak concreet wat partners winnen bij de samenwerking (kennis, invloed, budget, synergie) "
        "en zorg voor een evenwichtige verdeling van de opbrengst: gunnen partijen elkaar het "
        "voordeel van de samenwerking?",
    ),
    ScanItem(
        "L3", LOUWERET, "ruimte", "Durft u uw ambtenaren ruimte te geven?",
        "Durft u uw ambtenaren ruimte te geven?",
        "Samenwerken impliceert loslaten: geef ambtenaren in een samenwerkingsverband ruimte om de "
        "grenzen op te zoeken en bewust te experimenteren. Ruimte geven aan regie begint bij de "
        "ambtelijke en bestuurlijke top.",
    ),
    ScanItem(
        "L4", LOUWERET, "ruimte", "Zijn uw ambtenaren ondernemend?",
        "Zijn uw ambtenaren ondernemend?",
        "Investeer in ondernemende ambtenaren die kunnen verbinden, luisteren en meningen kunnen "
        "uitstellen; regie is meer dan een nieuwe structuur of een instrument.",
    ),
    ScanItem(
        "L5", LOUWERET, "ruimte", "Heeft u vertrouwen in de esprit de corps?",
        "Heeft u vertrouwen in de esprit de corps?",
        "Werk aan vertrouwen in de eigen organisatie, zodat medewerkers in samenwerkingsverbanden "
        "“in de geest van…” mogen handelen zonder alles vooraf af te stemmen.",
    ),
    ScanItem(
        "L6", LOUWERET, "partners", "Bent u dienstbaar?",
        "Bent u dienstbaar?",
        "Regie vraagt dienstbaarheid en bescheidenheid: een open houding, respect, "
        "inlevingsvermogen, gunnen en geven — geven in plaats van vragen.",
    ),
    ScanItem(
        "L7", LOUWERET, "ruimte", "Kunt u leven met vage doelen?",
        "Kunt u leven met vage doelen?",
        "Accepteer dat doelen in een samenwerking samen ontstaan en niet vooraf als zelfbedachte "
        "SMART-doelen vastliggen; maak wel afspraken over een acceptabele verdeling van macht en "
        "inbreng.",
    ),
    ScanItem(
        "L8", LOUWERET, "sturing",
        "Vindt u de kwaliteit van het proces echt belangrijker dan de inhoudelijke uitkomst?",
        "Vindt u de kwaliteit van het proces echt belangrijker dan de inhoudelijke uitkomst?",
        "Richt u op de kwaliteit van het proces: heeft de gemeente vooral een inhoudelijk belang, "
        "of richt zij zich op het proces? Regie vraagt het laatste.",
    ),
    # Oosterhof's eight points of "Regie vraagt voorbereiding", in her order
    ScanItem(
        "O1", OOSTERHOF, "bestuur",
        "Hebben bestuur en management draagvlak, een prominente rol en mandaat in de verandering?",
        "Draag zorg voor draagvlak bij zowel bestuur als management en geef hen een prominente rol "
        "en mandaat.",
        "Zorg voor draagvlak bij bestuur en management en geef hen een prominente rol en mandaat; "
        "maak hen verantwoordelijk voor het veranderingstraject, zodat zij vasthoudendheid tonen en "
        "de strategische doelen gehaald worden.",
    ),
    ScanItem(
        "O2", OOSTERHOF, "sturing", "Is er een goede communicatie, zowel intern als extern?",
        "Draag zorg voor een goede communicatie, zowel intern als extern.",
        "Zorg voor een goede communicatie, intern en extern: een goede communicatie- en "
        "overlegstructuur hoort bij de inrichting van een regieorganisatie.",
    ),
    ScanItem(
        "O3", OOSTERHOF, "sturing",
        "Houdt de organisatie de gekozen koers en kaders vast en durft zij te kiezen?",
        "Houdt de gekozen koers en kaders vast, durf te kiezen (kiezen is kappen) om te voorkomen "
        "dat er geen resultaten worden behaald.",
        "Houd de gekozen koers en kaders vast en durf te kiezen (kiezen is kappen). Toon lef, "
        "doorzettingskracht en transparantie: dat biedt duidelijkheid en zekerheid.",
    ),
    ScanItem(
        "O4", OOSTERHOF, "bestuur", "Leeft de strategie onder de medewerkers?",
        "Laat de strategie leven onder de medewerkers door storytelling, metaforen en "
        "zeepkistsessies en betrek hierbij medewerkers die reeds successen hebben geboekt.",
        "Laat de strategie leven onder de medewerkers met storytelling, metaforen en "
        "zeepkistsessies, en betrek medewerkers die al successen hebben geboekt.",
    ),
    ScanItem(
        "O5", OOSTERHOF, "partners",
        "Worden zoveel mogelijk stakeholders bij het veranderingsproces betrokken?",
        "Betrek zoveel mogelijk stakeholders bij het gehele veranderingsproces, zodat optimale "
        "afstemming mogelijk is, maar blijf slagvaardig.",
        "Betrek zoveel mogelijk stakeholders bij het hele veranderingsproces voor een optimale "
        "afstemming — en blijf slagvaardig.",
    ),
    ScanItem(
        "O6", OOSTERHOF, "bestuur", "Is er een toereikend budget, met een risicoanalyse?",
        "Draag zorg voor een toereikend budget. Maak hierbij een risicoanalyse en zorg voor "
        "beheersmaatregelen.",
        "Zorg voor een toereikend budget; maak een risicoanalyse en neem beheersmaatregelen.",
    ),
    ScanItem(
        "O7", OOSTERHOF, "sturing", "Worden verbeteringen geborgd en successen gevierd?",
        "Draag er zorg voor dat verbeteringen consolideren (geborgd worden en beklijven) en vier "
        "de successen.",
        "Zorg dat verbeteringen consolideren — geborgd worden en beklijven — en vier de successen.",
    ),
    ScanItem(
        "O8", OOSTERHOF, "bestuur",
        "Is er een opleidings- en trainingsplan voor de competenties die regie vraagt?",
        "Maak een opleidings- en trainingsplan en start tijdig met het ontwikkelen van competenties "
        "en HRM strategie.",
        "Maak een opleidings- en trainingsplan en begin tijdig met het ontwikkelen van de "
        "competenties die regie vraagt, met een passende HRM-strategie.",
    ),
)
ITEM_BY_CODE: dict[str, ScanItem] = {i.code: i for i in ITEMS}

POINTS: dict[str, float] = dict(zip(voc.ANSWER_CODES, (100.0, 50.0, 0.0), strict=True))
"""Points per answer."""
SCALE_MIN, SCALE_MAX = 1, 5
WEAK_AT_MOST = 50.0
"""An item with this many points or fewer is a weak point (deels, nee, or 1–3 on the 1–5 scale)."""

_ANSWERS = Vocabulary("antwoord", {c.code: (c.code, c.label, *c.synonyms) for c in voc.ANSWERS})


def points(answer: object) -> float | None:
    """0–100 for an answer (ja/deels/nee in any spelling the vocabulary knows, or 1–5); None when
    unanswered. Raises ValueError for anything else."""
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return None
    if isinstance(answer, bool):
        return POINTS["ja" if answer else "nee"]
    if isinstance(answer, int | float):
        if answer != answer:  # NaN
            return None
        if SCALE_MIN <= answer <= SCALE_MAX and float(answer).is_integer():
            return (float(answer) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * 100.0
        raise ValueError(f"score buiten 1–5: {answer!r}")
    text = cell_text(answer).strip()
    if text.isdigit():
        return points(int(text))
    found = _ANSWERS.match_whole(text)
    if found is None:
        raise ValueError(f"onbekend antwoord: {text!r}")
    return POINTS[found[0]]


@dataclass(frozen=True)
class WeakPoint:
    """An item answered weakly, with the advice that follows from it."""

    item: ScanItem
    points: float

    @property
    def theme_label(self) -> str:
        return THEME_BY_CODE[self.item.theme].label


@dataclass(frozen=True)
class ScanResult:
    """The scan's outcome."""

    themes: pd.DataFrame
    """One row per theme in :data:`THEMES` order: ``theme``, ``label``, ``score`` (0–100, NaN when
    no item of the theme is answered), ``answered``, ``total``."""
    items: pd.DataFrame
    """One row per item: ``item``, ``source``, ``theme``, ``question``, ``points`` (NaN unanswered)."""
    weak: tuple[WeakPoint, ...]
    """Weak points, weakest first (ties in item order)."""
    overall: float | None
    """Mean of all answered items (0–100), None when nothing is answered."""
    answered: int
    total: int


def score(answers: Mapping[str, object]) -> ScanResult:
    """Score the scan: ``answers`` maps item codes (:data:`ITEMS`) to ja/deels/nee or 1–5; missing
    or empty items are unanswered. Raises ValueError for an unknown item code or answer."""
    unknown = set(answers) - set(ITEM_BY_CODE)
    if unknown:
        raise ValueError(f"onbekende vragen: {sorted(unknown)}")
    per_item = {code: points(answers.get(code)) for code in ITEM_BY_CODE}
    items = pd.DataFrame([
        {"item": i.code, "source": i.source, "theme": i.theme, "question": i.question,
         "points": per_item[i.code] if per_item[i.code] is not None else float("nan")}
        for i in ITEMS
    ])
    grouped = items.groupby("theme", sort=False)["points"]
    themes = pd.DataFrame({
        "theme": [t.code for t in THEMES],
        "label": [t.label for t in THEMES],
        "score": [grouped.get_group(t.code).mean() for t in THEMES],
        "answered": [int(grouped.get_group(t.code).notna().sum()) for t in THEMES],
        "total": [int(grouped.get_group(t.code).size) for t in THEMES],
    })
    order = {code: n for n, code in enumerate(ITEM_BY_CODE)}
    weak = sorted(
        (WeakPoint(ITEM_BY_CODE[c], p) for c, p in per_item.items() if p is not None and p <= WEAK_AT_MOST),
        key=lambda w: (w.points, order[w.item.code]),
    )
    answered = int(items["points"].notna().sum())
    overall = float(items["points"].mean()) if answered else None
    return ScanResult(themes, items, tuple(weak), overall, answered, len(ITEMS))

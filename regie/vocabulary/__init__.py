"""The domain vocabulary of *regie per fase*, declared once.

Everything the mapper matches against, the UI shows and the exports write comes from here:
phases with MOVISIE's Schema 3, the elements A–D with their content, the canonical roles with their
RIVM scenario and government role, skills, partner types and every synonym from docs/domein.md and
docs/inventaris.md. Adding a synonym is one line here; the tests read these tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from regie.vocabulary import sources as sources
from regie.vocabulary.sources import LOUWERET_ATTITUDES as LOUWERET_ATTITUDES
from regie.vocabulary.sources import PRACTICE_QUESTIONS as PRACTICE_QUESTIONS
from regie.vocabulary.sources import READING_MARKER as READING_MARKER
from regie.vocabulary.sources import READINGS as READINGS
from regie.vocabulary.sources import RIVM_SCENARIOS as RIVM_SCENARIOS
from regie.vocabulary.sources import SOURCES as SOURCES
from regie.vocabulary.sources import Reading as Reading
from regie.vocabulary.sources import Scenario as Scenario
from regie.vocabulary.sources import cite as cite

UNKNOWN = "onbekend"
"""Code for a phase or role that is blank or matches no vocabulary."""

UNDETERMINED = "onbepaald"
"""Code for a project without an accepted element."""


# --------------------------------------------------------------------------------------------
# Phases (MOVISIE Schema 3)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phase:
    """One of MOVISIE's three process phases."""

    code: str
    label: str
    fase_in_het_proces: str
    regie_op: str
    vaardigheden: str
    skills: tuple[str, ...]
    synonyms: tuple[str, ...]


PHASES: tuple[Phase, ...] = (
    Phase(
        code="visie",
        label="Visie",
        fase_in_het_proces="Ontwikkeling gezamenlijke beleidsvisie",
        regie_op="Beleidsvisie",
        vaardigheden="Netwerken, stimuleren en initiëren",
        skills=("Netwerken", "Stimuleren", "Initiëren"),
        synonyms=(
            "visie", "visiefase", "beleidsvisie", "visievorming",
            "ontwikkeling gezamenlijke beleidsvisie", "verkenning", "initiatief", "initiatieffase",
            "agendavorming", "beleidsvoorbereiding", "ideevorming",
        ),
    ),
    Phase(
        code="beleid",
        label="Beleid",
        fase_in_het_proces="Ontwikkeling ruimtelijke plannen en vormgeving",
        regie_op="Beleid",
        vaardigheden="Onderhandelen, beslissen, bemiddelen, faciliteren",
        skills=("Onderhandelen", "Beslissen", "Bemiddelen", "Faciliteren"),
        synonyms=(
            "beleid", "beleidsfase", "beleidsvorming", "beleidsontwikkeling", "beleidsbepaling",
            "planvorming", "ontwikkeling ruimtelijke plannen en vormgeving", "vormgeving", "ontwerp",
            "besluitvorming", "programmering",
            # Louweret's fourth process; MOVISIE places monitoring en evaluatie under Schema 2's
            # bestuurlijke en beleidsmatige regie, so it belongs to beleid (see PHASE_NOTES).
            "beleidsevaluatie", "evaluatie", "monitoring",
        ),
    ),
    Phase(
        code="uitvoering",
        label="Uitvoering",
        fase_in_het_proces="Uitvoering",
        regie_op="Uitvoering/keten",
        vaardigheden="Concretiseren en vastleggen van afspraken",
        skills=("Concretiseren", "Vastleggen van afspraken"),
        synonyms=(
            "uitvoering", "uitvoeringsfase", "uitvoering/keten", "keten", "ketensturing",
            "beleidsuitvoering", "realisatie", "implementatie", "beheer", "exploitatie",
        ),
    ),
)

PHASE_CODES: tuple[str, ...] = tuple(p.code for p in PHASES)
PHASE_BY_CODE: dict[str, Phase] = {p.code: p for p in PHASES}

PHASE_MARK_HEADER_EXCLUDED: tuple[str, ...] = (
    "initiatief", "verkenning", "agendavorming", "ideevorming", "ontwerp", "vormgeving",
    "besluitvorming", "programmering", "beleidsevaluatie", "evaluatie", "monitoring", "keten",
    "ketensturing", "beheer", "exploitatie",
)
"""Phase synonyms that are too common as other headers ("Initiatief", "Beheer") to make a column a
per-phase marks column; as values in a fase column they still mean their phase."""

_EVALUATIE_NOTE = (
    "{word} is geen eigen fase van MOVISIE (het is Louweret's vierde beleidsproces). Deze app rekent het tot "
    "beleid. Hulpmiddel van deze app, geen oordeel uit de bron: MOVISIE's Schema 2 noemt monitoring en "
    "evaluatie bij de bestuurlijke en beleidsmatige regie, terwijl RIVM monitoring juist bij de externe regie "
    "in de uitvoering noemt. Bedoelt uw gemeente iets anders, schrijf dan visie, beleid of uitvoering in de "
    "inventaris."
)
PHASE_NOTES: dict[str, str] = {
    "beleidsevaluatie": _EVALUATIE_NOTE.format(word="Beleidsevaluatie"),
    "evaluatie": _EVALUATIE_NOTE.format(word="Evaluatie"),
    "monitoring": _EVALUATIE_NOTE.format(word="Monitoring"),
}
"""Explanations shown where a phase synonym needs one (keys are synonyms as written above)."""

SCHEMA3_HEADERS: tuple[str, str, str] = ("Fase in het proces", "Regie op", "Vaardigheden en nadruk op")
"""Column headers of MOVISIE's Schema 3, verbatim."""

SKILLS: tuple[str, ...] = tuple(s for p in PHASES for s in p.skills)
SKILL_PHASE: dict[str, str] = {s: p.code for p in PHASES for s in p.skills}

SKILL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "Netwerken": ("netwerken", "netwerk", "netwerker", "netwerkvaardigheid"),
    "Stimuleren": ("stimuleren", "stimulerend", "enthousiasmeren"),
    "Initiëren": ("initiëren", "initiatief nemen", "initieren"),
    "Onderhandelen": ("onderhandelen", "onderhandeling", "onderhandelaar"),
    "Beslissen": ("beslissen", "besluiten", "besluitvaardig", "besluitvaardigheid"),
    "Bemiddelen": ("bemiddelen", "bemiddeling", "bemiddelaar", "verbinden"),
    "Faciliteren": ("faciliteren", "facilitator", "faciliterend"),
    "Concretiseren": ("concretiseren", "concreet maken"),
    "Vastleggen van afspraken": (
        "vastleggen van afspraken", "afspraken vastleggen", "vastleggen", "afspraken maken",
        "contracteren",
    ),
}


# --------------------------------------------------------------------------------------------
# Elements A–D (MOVISIE ch. 3 and 4)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Principle:
    """A named item with its description (Hupe & Klijn's principles, success factors, ...)."""

    name: str
    description: str


@dataclass(frozen=True)
class Element:
    """One of MOVISIE's four crucial elements of regie."""

    code: str
    name: str
    about: str
    chapter_title: str
    name_forms: tuple[str, ...]
    """Full names accepted as values and headers (with or without eigen/het/de)."""


ELEMENTS: tuple[Element, ...] = (
    Element(
        code="A",
        name="Visie ontwikkelen",
        about="weten wat je wilt, een gemeenschappelijk doel bepalen",
        chapter_title="Visie ontwikkelen, mogelijkheden om wonen, welzijn en zorg te verbinden",
        name_forms=("Visie ontwikkelen", "Een visie ontwikkelen"),
    ),
    Element(
        code="B",
        name="Het netwerk koesteren",
        about="de partners verbinden en hun autonomie respecteren",
        chapter_title="Het netwerk koesteren, werken aan de gezamenlijke opdracht",
        name_forms=("Het netwerk koesteren", "Netwerk koesteren"),
    ),
    Element(
        code="C",
        name="De eigen rol benoemen",
        about=(
            "de eigen gemeentelijke rol, mogelijkheden en verantwoordelijkheid; aansturing van het "
            "proces"
        ),
        chapter_title="De eigen rol benoemen, aansturing van het proces",
        name_forms=(
            "De eigen rol benoemen", "De rol benoemen", "Eigen rol benoemen", "Rol benoemen",
        ),
    ),
    Element(
        code="D",
        name="Variëren in aanpak",
        about="in de verschillende fases van het proces, van beleid tot en met uitvoering",
        chapter_title="Variëren in aanpak, handvatten voor regie",
        name_forms=("Variëren in aanpak",),
    ),
)

ELEMENT_CODES: tuple[str, ...] = tuple(e.code for e in ELEMENTS)
ELEMENT_BY_CODE: dict[str, Element] = {e.code: e for e in ELEMENTS}
ELEMENT_STOPWORDS: frozenset[str] = frozenset({"de", "het", "eigen", "een"})
"""Words ignored when a value names (part of) an element ("C. De rol benoemen")."""

ELEMENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "A": ("visie", "toekomstbeeld", "ambitie", "gezamenlijk doel", "gemeenschappelijk doel",
          "visievorming", "koers", "maatschappelijke agenda", "droom"),
    "B": ("netwerk", "samenwerking", "samenwerken", "partners verbinden", "verbinden", "tafel",
          "tafels", "overleg", "koesteren", "convenant", "coalitie"),
    "C": ("eigen rol", "regierol", "rolverdeling", "verantwoordelijkheid", "aansturing",
          "opdrachtgever", "contractmanagement", "kaders", "kaderstellend", "sturing"),
    "D": ("aanpak", "fasering", "faseren", "deelprojecten", "variëren", "maatwerk", "pilot",
          "pilots", "stapsgewijs", "ketensturing"),
}
"""Words in a project's name or description that suggest an element (a suggestion only: a person
accepts it before it counts)."""

HUPE_KLIJN_PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        "Stimuleren",
        "Initiëren van nieuw beleid, organiseren van overlegstructuren en communicatiekanalen, "
        "inrichten van een monitoringsysteem, gezamenlijk overleg en afspraken maken over zaken als "
        "te behalen resultaten.",
    ),
    Principle(
        "Plaatsen",
        "Kennis van het netwerk (sterke en zwakke kanten) en lopende initiatieven. Stimuleren van "
        "consensus onder de betrokken partijen, commitment over het gezamenlijk geformuleerde "
        "einddoel, contact tussen organisaties en een gezond samenwerkingsklimaat.",
    ),
    Principle(
        "Steun creëren",
        "Actief onderhouden en stimuleren van het netwerk. De regisseur ondersteunt en faciliteert "
        "initiatieven van organisaties, bijvoorbeeld door het verzamelen en verwerken van informatie "
        "gedeeltelijk te financieren, en zorgt voor adequate communicatie- en overlegstructuren.",
    ),
    Principle(
        "Structureren",
        "Vorming van het netwerk en bestendiging. De regisseur bewaakt de voortgang van het beleid, "
        "speelt in op ontwikkelingen en kansen in het netwerk rond wonen-welzijn-zorgbeleid en zoekt "
        "daarbij naar draagvlak.",
    ),
    Principle(
        "Sturen",
        "Sturingsinstrumenten goed toepassen. Flexibiliteit en creativiteit zijn belangrijk; de "
        "regisseur is soms bemiddelaar en probeert in geval van stagnaties en (dreigende) blokkades "
        "de betrokkenen weer op één lijn te krijgen, door belangentegenstellingen te verduidelijken "
        "en partijen weer aan elkaar te binden.",
    ),
)
"""Element A: Hupe & Klijn's five central principles for the regisseur (MOVISIE, section A), verbatim
except two typos of the source, corrected: "bestending" (bestendiging) and "woonwelzijn-zorgbeleid"."""

NETWORK_SUCCESS_FACTORS: tuple[Principle, ...] = (
    Principle(
        "Winnen van vertrouwen en verbinden",
        "Kent de lokale overheid de kracht van het lokale netwerk en de handelingslogica daarin?",
    ),
    Principle(
        "Erkennen en herkennen van wederzijds belang",
        "Het is van doorslaggevende betekenis dat gemeenten zicht hebben op de mogelijkheden van "
        "andere partijen. Publieke en private partijen werken samen en delen verantwoordelijkheid "
        "voor de aanpak van het maatschappelijke vraagstuk en voor de collectieve doelen.",
    ),
    Principle(
        "Het gezag van de wethouder",
        "Een wethouder met de wil om te investeren in de problematiek, die hierin resultaten boekt "
        "en dit weet uit te dragen, krijgt zijn partners eenvoudiger mee.",
    ),
    Principle(
        "Stimuleren en faciliteren",
        "Door capaciteit, kwaliteit (een goede projectleider met bevoegdheden), budget, "
        "instrumenten en monitoring.",
    ),
)
"""Element B: success factors for bringing partners together (MOVISIE, section B)."""


@dataclass(frozen=True)
class TaskKind:
    """A column of MOVISIE's Schema 1 (drie soorten gemeentelijke taken)."""

    code: str
    label: str
    tasks: tuple[str, ...]
    synonyms: tuple[str, ...]


SCHEMA1: tuple[TaskKind, ...] = (
    TaskKind(
        "publiekrechtelijk",
        "Publiekrechtelijke taken",
        (
            "Wettelijke taken en bevoegdheden zoals de uitvoering van de Wmo, bouwbesluiten en "
            "bestemmingsplannen",
            "Kaderstellende taak",
            "Aanbestedingsproces",
            "Subsidietoekenningen",
        ),
        ("publiekrechtelijk", "publiekrechtelijke taak", "publiekrechtelijke taken", "publiek",
         "wettelijk", "wettelijke taak"),
    ),
    TaskKind(
        "privaatrechtelijk",
        "Privaatrechtelijke taken",
        (
            "Eigenaar van grond of accommodaties",
            "Eigendomsbelangen",
            "Deelnemingen (bijvoorbeeld mede aandeelhouder)",
        ),
        ("privaatrechtelijk", "privaatrechtelijke taak", "privaatrechtelijke taken", "privaat",
         "eigenaar", "eigendom"),
    ),
    TaskKind(
        "belanghebbend",
        "Belanghebbende taken",
        (
            "Bewaken van algemeen, publiek belang",
            "Realiseren van prettige leefomgeving voor burgers",
            "Extern aanspreekpunt",
        ),
        ("belanghebbend", "belanghebbende", "belanghebbende taak", "belanghebbende taken",
         "publiek belang"),
    ),
)
"""Element C: MOVISIE's Schema 1, the three kinds of municipal tasks."""

PROPPER_ANGLES: tuple[Principle, ...] = (
    Principle(
        "Het eigen beleidskader",
        "Heeft de regisseur een duidelijk eigen script of beleidskader of voert hij voornamelijk het "
        "script van een ander (bijvoorbeeld de rijksoverheid of de provincie) uit?",
    ),
    Principle(
        "De doorzettingsmacht",
        "Heeft de regisseur de mogelijkheid om medewerking van andere partijen af te dwingen? Bij een "
        "grote doorzettingsmacht kan de regisseur alle partijen zijn wil opleggen, ook als ze echt "
        "niet willen. Bij een beperkte doorzettingsmacht is de regisseur vooral aangewezen op het "
        "doen van concessies; bij een afwezige doorzettingsmacht kan de regisseur alleen invloed "
        "uitoefenen op basis van argumenten, charisma of moreel gezag.",
    ),
)
"""Element C: Pröpper's two angles for filling in regie (MOVISIE, ch. 3)."""


@dataclass(frozen=True)
class Schema2Level:
    """A row of MOVISIE's Schema 2 (de eigen rol per fase)."""

    name: str
    tasks: tuple[str, ...]


SCHEMA2: tuple[Schema2Level, ...] = (
    Schema2Level(
        "Bestuurlijke en beleidsmatige regie — inrichten van het proces",
        (
            "Het opstellen van een visie, in samenwerking met betrokken partijen",
            "Het ontwikkelen van beleid, al dan niet in samenwerking met (professionele) partijen",
            "Monitoring en evaluatie",
            "Ontwikkelen, vormen en faciliteren van het netwerk",
            "De inbreng van burgers verwerven en organiseren",
            "Participatie en inspraak",
            "De vraag van burgers in beeld brengen",
        ),
    ),
    Schema2Level(
        "Intern binnen de gemeentelijke organisatie, integrale sturing",
        (
            "Samenhang aanbrengen tussen de verschillende afdelingen en bestuurders (wonen, welzijn, "
            "zorg, leefbaarheid)",
        ),
    ),
    Schema2Level(
        "Regierol in relatie tot de samenwerkingspartners",
        (
            "Stimuleren en formuleren van de inzet van andere partijen",
            "Blijven toetsen of de visie nog gedeeld wordt door partners",
            "Ontwikkelen en onderhouden van het netwerk",
        ),
    ),
    Schema2Level(
        "Op uitvoerend niveau, ketensturing",
        (
            "Het organiseren van de uitvoering, in samenwerking met (professionele) partijen",
            "Verbinden van partners in de uitvoering",
        ),
    ),
)
"""Element D: MOVISIE's Schema 2, the four levels of the municipality's own role."""


# --------------------------------------------------------------------------------------------
# Roles (docs/domein.md section 3)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """A canonical role of the municipality in a phase (docs/domein.md section 3)."""

    code: str
    label: str
    meaning: str
    rivm: str | None
    """RIVM's scenario (000) this role corresponds to, or None."""
    rivm_note: str
    """Why (RIVM's own words where it has them)."""
    synonyms: tuple[str, ...]


ROLES: tuple[Role, ...] = (
    Role(
        "zelf", "Zelf doen", "de gemeente voert zelf uit", "Zelf doen",
        "RIVM: bij het scenario ‘Zelf doen’ zal de gemeente meer gefocust zijn op interne regie.",
        ("zelf doen", "zelf uitvoeren", "uitvoerder", "eigen beheer", "in eigen hand", "zelf"),
    ),
    Role(
        "opdrachtgever", "Opdrachtgever",
        "de gemeente besteedt uit en stuurt op resultaat (contract, subsidie, prestatieafspraken)",
        "Uitbesteden",
        "RIVM: bij ‘Uitbesteden’ neemt de gemeente een regisserende rol op zich “in de vorm van goed "
        "opdrachtgever – opdrachtnemerschap”.",
        ("opdrachtgever", "opdrachtgeverschap", "uitbesteden", "uitbesteding", "inkoper",
         "subsidiegever", "contractmanagement", "contractbeheerder"),
    ),
    Role(
        "regisseur", "Regisseur",
        "de gemeente voert regie: brengt partners bijeen, stemt af, stuurt op hun bijdragen",
        None,
        "Geen van de vier scenario's alleen: RIVM koppelt de regisserende rol aan ‘Uitbesteden’, en zijn "
        "voorbeeld van ‘Uitvoering door samenwerking’ (Amersfoort) noemt zich “een regisserende gemeente”.",
        ("regisseur", "regie", "regievoerder", "regie voeren", "regisseren", "regisserend",
         "regiehouder"),
    ),
    Role(
        "partner", "Samenwerkingspartner",
        "de gemeente is één van de wederzijds afhankelijke spelers",
        "Uitvoering door samenwerking",
        "RIVM: “De gemeente is slechts één van de spelers in het veld.”",
        ("partner", "samenwerkingspartner", "samenwerken", "samenwerking",
         "uitvoering door samenwerking", "mede-eigenaar", "gelijkwaardige partner"),
    ),
    Role(
        "facilitator", "Facilitator",
        "de gemeente faciliteert en stimuleert; de samenleving voert uit",
        "Overlaten aan de samenleving",
        "RIVM: de gemeente “vervult een coördinerende en faciliterende rol ten opzichte van de samenleving”.",
        ("facilitator", "faciliteren", "faciliterend", "overlaten aan de samenleving",
         "stimulator", "ondersteunen", "makelaar", "participerende overheid",
         "responsieve overheid", "participerende/responsieve overheid"),
    ),
    Role(
        "geen", "Regie bij anderen",
        "de regie in deze fase ligt bij een andere partij; de gemeente blijft verantwoordelijk en controleert of "
        "wordt uitgevoerd wat is beloofd",
        None,
        "Geen scenario: RIVM beschrijft dat de externe regie bij een andere partij kan liggen; “De gemeente "
        "blijft ook dan controleren of er wordt uitgevoerd wat is beloofd.”",
        ("regie bij anderen", "regie bij partners", "geen regie", "geen rol", "geen"),
    ),
)

ROLE_CODES: tuple[str, ...] = tuple(r.code for r in ROLES)

PHASE_PLACES: dict[str, str] = {"visie": "in de visiefase", "beleid": "in de beleidsfase", "uitvoering": "in de uitvoering"}
"""How a sentence names each phase (the Overzicht's headline, the presentation's takeaways)."""

ROLE_PHRASES: dict[str, str] = {
    "zelf": "doet de gemeente het {how} zelf",
    "opdrachtgever": "is de gemeente {how} opdrachtgever",
    "regisseur": "is de gemeente {how} regisseur",
    "partner": "is de gemeente {how} samenwerkingspartner",
    "facilitator": "is de gemeente {how} facilitator",
    "geen": "ligt de regie {how} bij anderen",
}
"""Per role the clause, with ``{how}`` for "vooral" or "het vaakst"."""

"""The roles in the app's own order "van zelf doen naar loslaten" (no seed ranks them)."""
ROLE_BY_CODE: dict[str, Role] = {r.code: r for r in ROLES}
NOT_IN_REGIE_ROLES: frozenset[str] = frozenset({"zelf", "geen"})
"""Roles that ask no regie skills of the gemeente in a phase (docs/domein.md section 4): zelf uitvoeren is
"niet in regie" (003), and with ``geen`` the regie lies with another party."""

AMBIGUOUS_ROLES: dict[str, tuple[str, ...]] = {
    "presterende overheid": ("zelf", "opdrachtgever"),
    "samenwerkende overheid": ("regisseur", "partner"),
}
"""Values that fit two roles: always unknown, a person maps them in the review."""

NO_SCENARIO_LABEL = "Geen enkel scenario alleen"
"""RIVM category of a role without a single scenario (regisseur) or without one at all (regie bij anderen)."""


@dataclass(frozen=True)
class Choice:
    """A value of a small closed vocabulary (regie, taaksoort, werkgebied...)."""

    code: str
    label: str
    synonyms: tuple[str, ...] = field(default_factory=tuple)


GOVERNMENT_ROLES: tuple[Choice, ...] = (
    Choice("presterend", "Presterende overheid", ("presterende overheid", "presterend", "presterende")),
    Choice("samenwerkend", "Samenwerkende overheid", ("samenwerkende overheid", "samenwerkend", "samenwerkende")),
    Choice("participerend", "Participerende/responsieve overheid",
           ("participerende/responsieve overheid", "participerende overheid", "responsieve overheid",
            "participerend", "participerende", "responsief", "responsieve")),
    Choice("rechtmatig", "Rechtmatige overheid", ("rechtmatige overheid", "rechtmatig", "rechtmatige")),
)
"""Kaag en Braassem's four government roles (003, from its Omgevingsvisie): an optional, multi-valued
column ``overheidsrol``; never derived from the role."""

REGIE_KINDS: tuple[Choice, ...] = (
    Choice("intern", "Interne regie", ("intern", "interne regie", "interne")),
    Choice("extern", "Externe regie", ("extern", "externe regie", "externe")),
    Choice("beide", "Interne en externe regie",
           ("beide", "allebei", "intern en extern", "intern/extern", "interne en externe regie",
            "intern + extern")),
)
TASK_KINDS: tuple[Choice, ...] = tuple(Choice(t.code, t.label, t.synonyms) for t in SCHEMA1)
BELEIDSKADERS: tuple[Choice, ...] = (
    Choice("eigen", "Eigen script",
           ("eigen", "eigen script", "eigen beleidskader", "eigen kader", "eigen beleid")),
    Choice("ander", "Script van een ander",
           ("ander", "anders", "script van een ander", "ander script", "andermans script",
            "extern kader", "rijk", "provincie", "van een ander")),
)
DOORZETTINGSMACHT: tuple[Choice, ...] = (
    Choice("groot", "Groot", ("groot", "grote", "hoog", "veel", "sterk")),
    Choice("beperkt", "Beperkt", ("beperkt", "beperkte", "gering", "middel", "weinig", "klein")),
    Choice("afwezig", "Afwezig", ("afwezig", "geen", "nihil", "niet aanwezig")),
)
WERKGEBIEDEN: tuple[Choice, ...] = (
    Choice("lokaal", "Lokaal", ("lokaal", "lokale", "gemeentelijk", "wijk", "buurt", "gemeente")),
    Choice("regionaal", "Regionaal", ("regionaal", "regio", "regionale")),
    Choice("landelijk", "Landelijk", ("landelijk", "landelijke", "nationaal")),
)
SCALE: tuple[Choice, ...] = (
    Choice("1", "1 (laag)", ("laag",)),
    Choice("2", "2"),
    Choice("3", "3 (middel)", ("middel",)),
    Choice("4", "4"),
    Choice("5", "5 (hoog)", ("hoog",)),
)
"""The score of invloed and belang (docs/inventaris.md): 1–5, or laag=1, middel=3, hoog=5. Other words
(gemiddeld, veel…) are unknown values with a warning, which a person can map to a score in the review."""
SCALE_WORDS: dict[str, int] = {word: int(c.code) for c in SCALE for word in c.synonyms}
"""The words of :data:`SCALE` with their score."""

LEVEL_WORDS: dict[str, int] = {
    "laag": 1, "beginner": 1, "starter": 1, "basis": 2, "middel": 3, "voldoende": 3, "gevorderd": 4,
    "goed": 4, "hoog": 5, "expert": 5, "zeer goed": 5,
}
"""Words allowed for a team member's level besides 1–5 (docs/domein.md section 4): basis is still in
development (1–2), gevorderd and expert are deployable (3 or higher)."""
DEPLOYABLE_LEVEL = 3
"""A team member with a skill at this level or higher (or without a level) is ``inzetbaar``."""


# --------------------------------------------------------------------------------------------
# Partners (docs/domein.md section 5)
# --------------------------------------------------------------------------------------------

PARTNER_TYPES: tuple[Choice, ...] = (
    Choice("woningcorporatie", "Woningcorporatie",
           ("woningcorporatie", "corporatie", "woningbouwcorporatie", "woningbouwvereniging",
            "toegelaten instelling", "woningstichting")),
    Choice("zorgaanbieder", "Zorgaanbieder",
           ("zorgaanbieder", "zorginstelling", "zorgorganisatie", "zorgpartij", "thuiszorg",
            "zorgverlener", "ggz", "ggz-instelling", "verpleeghuis", "huisarts", "huisartsen",
            "ouderenzorg", "gehandicaptenzorg", "zorg")),
    Choice("welzijnsorganisatie", "Welzijnsorganisatie",
           ("welzijnsorganisatie", "welzijnsinstelling", "welzijn", "welzijnswerk",
            "maatschappelijk werk", "sociaal werk", "buurtwerk", "sociaal wijkteam", "wijkteam")),
    Choice("bewonersorganisatie", "Bewoners-/cliëntenorganisatie",
           ("bewoners-/cliëntenorganisatie", "bewoners/cliëntenorganisatie",
            "bewoners- en cliëntenorganisatie", "bewonersorganisatie", "cliëntenorganisatie",
            "clientenraad", "cliëntenraad", "huurdersvereniging", "huurdersorganisatie",
            "bewonerscommissie", "wijkraad", "dorpsraad", "adviesraad", "adviesraad sociaal domein",
            "wmo-raad", "ouderenbond", "patiëntenorganisatie", "consumentenorganisatie",
            "belangenorganisatie", "belangenvereniging")),
    Choice("zorgkantoor", "Zorgkantoor", ("zorgkantoor",)),
    Choice("zorgverzekeraar", "Zorgverzekeraar", ("zorgverzekeraar", "verzekeraar")),
    Choice("ggd", "GGD", ("ggd", "gemeentelijke gezondheidsdienst")),
    Choice("vrijwilligersorganisatie", "Vrijwilligersorganisatie",
           ("vrijwilligersorganisatie", "vrijwilligers", "vrijwilligerswerk",
            "vrijwilligerscentrale", "stichting vrijwilligers", "vereniging", "sportvereniging")),
    Choice("andere_gemeente", "Andere gemeente",
           ("andere gemeente", "gemeente", "buurgemeente", "regiogemeente", "regiogemeenten",
            "andere gemeenten", "centrumgemeente")),
    Choice("gemeenschappelijke_regeling", "Gemeenschappelijke regeling",
           ("gemeenschappelijke regeling", "gr", "samenwerkingsverband", "omgevingsdienst",
            "veiligheidsregio", "regionale uitvoeringsdienst", "rud")),
    Choice("bedrijf", "Bedrijf",
           ("bedrijf", "bedrijven", "onderneming", "ondernemer", "ondernemers", "marktpartij",
            "private partij", "commerciële partij", "aannemer", "ontwikkelaar",
            "projectontwikkelaar", "winkeliersvereniging", "bedrijfsleven")),
    Choice("onderwijs", "Onderwijs",
           ("onderwijs", "school", "scholen", "onderwijsinstelling", "basisschool", "hogeschool",
            "universiteit", "mbo", "roc", "kinderopvang")),
    Choice("politie", "Politie", ("politie",)),
    Choice("inwoners", "Inwoners",
           ("inwoners", "bewoners", "burgers", "inwonersinitiatief", "bewonersinitiatief",
            "burgerinitiatief", "buurtbewoners", "inwonerscollectief", "buurtinitiatief")),
)
PARTNER_TYPE_BY_CODE: dict[str, Choice] = {c.code: c for c in PARTNER_TYPES}

PARTNER_ROLES: tuple[Choice, ...] = (
    Choice("trekker", "Trekker",
           ("trekker", "kartrekker", "initiatiefnemer", "penvoerder", "lead", "hoofdaannemer",
            "regisseur", "regiehouder")),
    Choice("uitvoerder", "Uitvoerder",
           ("uitvoerder", "uitvoering", "uitvoerende partij", "uitvoerend", "aanbieder",
            "opdrachtnemer", "leverancier")),
    Choice("financier", "Financier",
           ("financier", "financiering", "medefinancier", "cofinancier", "investeerder",
            "subsidiegever", "sponsor")),
    Choice("adviseur", "Adviseur",
           ("adviseur", "advies", "adviserend", "klankbord", "expert", "deskundige")),
    Choice("deelnemer", "Deelnemer",
           ("deelnemer", "deelname", "lid", "betrokken", "betrokkene", "meedenker", "participant",
            "partner", "samenwerkingspartner")),
)
"""A partner's own role in a project (involvement sheet)."""


# --------------------------------------------------------------------------------------------
# Cell values with a fixed meaning (docs/inventaris.md)
# --------------------------------------------------------------------------------------------

EMPTY_VALUES: frozenset[str] = frozenset(
    {"onbekend", "onbepaald", "nvt", "n.v.t.", "niet van toepassing"}
)
"""Values that mean "empty" (besides blank cells and pure punctuation); no warning."""

MARKS_TRUE: frozenset[str] = frozenset(
    {"x", "✗", "✓", "✔", "√", "☑", "v", "ja", "j", "yes", "y", "1", "waar", "true"}
)
MARKS_FALSE: frozenset[str] = frozenset({"nee", "n", "no", "0", "onwaar", "false", "-"})
"""Mark cells in wide (one column per phase/element/skill) formats; empty means no mark too."""

SPLIT_SEPARATORS: tuple[str, ...] = ("\n", ";", ",", "+", "&", "/", " en ")
"""Separators for multi-value cells, in the order they are tried (docs/domein.md section 1)."""

PARTNER_NAME_SEPARATORS: tuple[str, ...] = ("\n", ";", ",")
"""Separators for partner names in a projects cell (after a whole-cell match failed)."""

TOTALS_NAMES: frozenset[str] = frozenset({"totaal", "subtotaal", "totalen", "som", "eindtotaal"})
"""Names that make a row a totals row (rejected)."""

PERSONAL_FIELDS: frozenset[str] = frozenset({"trekker", "contact"})
"""Fields holding personal data: left out of issues, stored only when the user chooses."""

PERSONAL_HEADER_STEMS: tuple[str, ...] = (
    "contact", "mail", "telefoon", "telnr", "mobiel", "gsm", "trekker", "projectleider", "persoon",
    "medewerker", "adres", "geboorte", "bsn",
)
"""Parts of extra-column headers that name personal data ("E-mailadres", "Telefoon trekker",
"Contactpersoon partner"): hidden by "Namen verbergen" and left out of stored copies."""


# --------------------------------------------------------------------------------------------
# Files: tables, sheet names and column headers (docs/inventaris.md)
# --------------------------------------------------------------------------------------------

TABLES: tuple[str, ...] = ("projects", "partners", "involvements", "team")
TABLE_LABELS: dict[str, str] = {
    "projects": "projecten",
    "partners": "partners",
    "involvements": "betrokkenheid",
    "team": "team",
}

SHEET_NAMES: dict[str, tuple[str, ...]] = {
    "projects": ("Projecten", "Project", "Projects", "Initiatieven", "Taken", "Opgaven",
                 "Inventarisatie", "Inventaris"),
    "partners": ("Partners", "Samenwerkingspartners", "Organisaties", "Stakeholders", "Netwerk"),
    "involvements": ("Betrokkenheid", "Koppelingen", "Partners per project", "Partnerrollen",
                     "Links"),
    "team": ("Team", "Vaardigheden", "Medewerkers", "Competenties"),
}

NOTE_SHEETS: tuple[str, ...] = (
    "Instructies", "Instructie", "Toelichting", "Uitleg", "Leeswijzer", "Legenda", "Lijsten", "Keuzelijsten",
    "Meldingen", "Over dit bestand",
)
"""Sheets that explain or list (the template's Instructies and Lijsten, the export's Meldingen and
Toelichting): never a table, so they are passed over without a warning."""

COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "projects": {
        "id": ("ID", "Project ID", "Projectnummer", "Nr", "Nummer", "Code", "Kenmerk"),
        "naam": ("Projectnaam", "Naam project", "Naam van het project", "Naam", "Titel",
                 "Initiatief", "Taak", "Opgave", "Project"),
        "omschrijving": ("Omschrijving", "Beschrijving", "Toelichting", "Doel"),
        "domein": ("Domein", "Beleidsterrein", "Thema", "Sector"),
        "gebied": ("Wijk", "Gebied", "Kern", "Buurt", "Locatie"),
        "fase": ("Fase", "Fasen", "Procesfase", "Stadium", "Phase"),
        "element": ("Element", "Elementen", "Regie-element", "MOVISIE-element", "Regie element"),
        "rol": ("Rol", "Rol gemeente", "Rol van de gemeente", "Regierol", "Gemeentelijke rol"),
        "regie": ("Regie", "Interne/externe regie", "Soort regie"),
        "taaksoort": ("Taaksoort", "Soort taak", "Type taak"),
        "overheidsrol": ("Overheidsrol", "Rol overheid", "Overheidsrollen"),
        "gedeelde_visie": ("Gedeelde visie", "Visie gedeeld"),
        "afdelingen": ("Afdelingen", "Afdeling", "Portefeuillehouders", "Portefeuillehouder",
                       "Interne betrokkenen"),
        "kenmerken": ("Regisserende aanpak nodig", "Complex", "Regisserende aanpak", "Kenmerken taak",
                      "Kenmerken van de taak", "Complexiteit"),
        "samenwerking": ("Kansen voor samenwerking", "Samenwerking", "Kansen samenwerking",
                         "Voordelen door samenwerking", "Voordelen samenwerking"),
        "kernactiviteit": ("Kernactiviteit", "Kerntaak", "Aansluiting bij kernactiviteiten"),
        "andere_partijen": ("Door anderen uitgevoerd", "Andere partijen", "Uitvoering door andere partijen",
                            "Bestaande uitvoering door andere partijen", "Bestaande uitvoering"),
        "nabijheid": ("Nabijheid",),
        "vorm": ("Vorm", "Samenwerkingsvorm", "Samenwerken met", "Regievorm"),
        "beleidskader": ("Beleidskader", "Eigen beleidskader", "Script"),
        "doorzettingsmacht": ("Doorzettingsmacht",),
        "trekker": ("Trekker", "Eigenaar", "Verantwoordelijke", "Projectleider"),
        "start": ("Start", "Startdatum", "Begin"),
        "eind": ("Eind", "Einddatum", "Gereed"),
        "budget": ("Budget", "Begroting", "Kosten"),
        "partners": ("Partners", "Partner", "Samenwerkingspartners", "Betrokken partners",
                     "Organisaties"),
    },
    "partners": {
        "naam": ("Naam", "Partner", "Organisatie", "Partnernaam"),
        "type": ("Type", "Soort", "Soort organisatie", "Categorie"),
        "werkgebied": ("Werkgebied", "Schaal"),
        "contact": ("Contactpersoon", "Contact", "E-mail"),
    },
    "involvements": {
        "project_id": ("Project ID", "Projectnummer", "Projectcode", "Projectnr", "ID", "Nr"),
        "project": ("Project", "Projectnaam", "Naam project", "Initiatief", "Taak", "Opgave",
                    "Titel"),
        "partner": ("Partner", "Partnernaam", "Organisatie", "Naam partner",
                    "Samenwerkingspartner"),
        "fase": ("Fase", "Fasen", "Procesfase", "Stadium", "Phase"),
        "rol": ("Rol", "Rol partner", "Rol van de partner"),
        "invloed": ("Invloed",),
        "belang": ("Belang",),
    },
    "team": {
        "naam": ("Naam", "Medewerker", "Teamlid", "Persoon", "Team"),
        "vaardigheid": ("Vaardigheid", "Competentie", "Skill"),
        "niveau": ("Niveau", "Level", "Score"),
    },
}
"""Column headers per table and field, in priority order (the first matching header wins)."""

MULTI_VALUE_FIELDS: frozenset[str] = frozenset({"fase", "element", "rol", "partners"})
MULTI_CHOICE_FIELDS: frozenset[str] = frozenset({"taaksoort", "overheidsrol"})
"""Closed-vocabulary fields that may hold several values in one cell (split like phases)."""
NAME_LIST_FIELDS: frozenset[str] = frozenset({"afdelingen"})
"""Fields holding a list of names (split on ``;``, ``,`` and line breaks)."""
DECISION_FIELDS: tuple[str, ...] = ("kenmerken", "samenwerking", "kernactiviteit", "andere_partijen")
"""The four questions of Kaag en Braassem's stap 1 as columns (ja, deels, nee)."""
ANSWER_FIELDS: tuple[str, ...] = (*DECISION_FIELDS, "nabijheid", "gedeelde_visie")
"""Fields answered with ja, deels or nee."""
"""Fields whose matching columns are all combined instead of the first one winning."""

NAME_FIELD: dict[str, tuple[str, ...]] = {
    "projects": ("naam",),
    "partners": ("naam",),
    "involvements": ("project_id", "project", "partner"),
    "team": ("naam",),
}
"""Fields that identify a table's header row (its "name column")."""

ROLE_HEADER_PREFIXES: tuple[str, ...] = COLUMNS["projects"]["rol"]
"""Headers that, followed by a phase, make a per-phase role column ("Rol visie")."""

PHASE_HEADER_WORDS: tuple[str, ...] = ("fase", "procesfase")
"""Words that may precede or follow a phase in a per-phase marks header ("Fase visie")."""

ELEMENT_HEADER_PREFIXES: tuple[str, ...] = (
    "element", "elementen", "regie-element", "regie element", "movisie-element",
)
"""Words that may precede an element in a per-element marks header ("Element A")."""


# --------------------------------------------------------------------------------------------
# Labels for display
# --------------------------------------------------------------------------------------------

FIELD_LABELS: dict[str, str] = {
    "id": "ID", "naam": "Naam", "omschrijving": "Omschrijving", "domein": "Domein",
    "gebied": "Gebied", "fase": "Fase", "element": "Element", "rol": "Rol",
    "regie": "Interne/externe regie", "taaksoort": "Taaksoort", "beleidskader": "Beleidskader",
    "doorzettingsmacht": "Doorzettingsmacht", "trekker": "Trekker", "start": "Start",
    "eind": "Eind", "budget": "Budget", "partners": "Partners", "sectie": "Sectie",
    "type": "Type", "werkgebied": "Werkgebied", "contact": "Contactpersoon",
    "project": "Project", "project_id": "Project-ID", "partner": "Partner",
    "invloed": "Invloed", "belang": "Belang", "vaardigheid": "Vaardigheid", "niveau": "Niveau",
    "partnertype": "Partnertype", "partnerrol": "Rol partner", "overheidsrol": "Overheidsrol",
    "gedeelde_visie": "Gedeelde visie", "afdelingen": "Afdelingen", "kenmerken": "Regisserende aanpak nodig",
    "samenwerking": "Kansen voor samenwerking", "kernactiviteit": "Kernactiviteit",
    "andere_partijen": "Door anderen uitgevoerd", "nabijheid": "Nabijheid", "vorm": "Vorm",
}


def phase_label(code: str) -> str:
    """Dutch label of a phase code (``onbekend`` stays ``Onbekend``)."""
    return PHASE_BY_CODE[code].label if code in PHASE_BY_CODE else code.capitalize()


def element_label(code: str) -> str:
    """Dutch label of an element code, e.g. ``A – Visie ontwikkelen``."""
    if code in ELEMENT_BY_CODE:
        return f"{code} – {ELEMENT_BY_CODE[code].name}"
    return code.capitalize()


def role_label(code: str) -> str:
    """Dutch label of a role code (``onbekend`` → ``Onbekend``)."""
    return ROLE_BY_CODE[code].label if code in ROLE_BY_CODE else code.capitalize()


def partner_type_label(code: str) -> str:
    """Dutch label of a partner type code."""
    return PARTNER_TYPE_BY_CODE[code].label if code in PARTNER_TYPE_BY_CODE else code.capitalize()


# --------------------------------------------------------------------------------------------
# MOVISIE's schemas and element content as the app shows them (Fasen en elementen, Vaardigheden)
# --------------------------------------------------------------------------------------------

MOVISIE_SOURCE = "MOVISIE (2010), Werk maken van regie"
"""Short citation of seed 004, the backbone of the app."""

SCHEMA_TITLES: dict[int, str] = {
    1: "Schema 1. Drie soorten gemeentelijke taken",
    2: "Schema 2. De eigen rol per fase",
    3: "Schema 3. Regie en vaardigheden per fase",
}
"""MOVISIE's schema titles, verbatim."""


def schema_source(number: int) -> str:
    """Citation of one of MOVISIE's schemas: ``MOVISIE (2010), Werk maken van regie, Schema 3``."""
    return f"{MOVISIE_SOURCE}, Schema {number}"


PHASE_SKILLS_REMARK = (
    "Elke fase vraagt om een andere manier van regievoering en andere vaardigheden. Zo zijn voor "
    "het ontwikkelen van een visie andere regisseurskwaliteiten nodig dan voor het ontwikkelen en "
    "uitvoeren van ruimtelijke processen."
)
"""MOVISIE's remark (section D, Vaardigheden) that each phase asks other skills, verbatim."""

HUPE_KLIJN_INTRO = (
    "Hupe en Klijn spreken van vijf centrale uitgangspunten voor het (bestuurlijk) handelen van de "
    "regisseur."
)
HUPE_KLIJN_SOURCE = (
    "Hupe, P. en Klijn, E. (1997), De gemeente als regisseur van het preventief jeugdbeleid; in "
    f"{MOVISIE_SOURCE}, hoofdstuk 4, element A"
)
NETWORK_SUCCESS_INTRO = (
    "Wat zijn succesfactoren om deze partijen bij elkaar te brengen en te motiveren voor een "
    "gemeenschappelijk doel?"
)
SCHEMA1_INTRO = (
    "In de gemeentelijke regierol zijn verschillende taken verenigd die regelmatig tegelijkertijd "
    "worden uitgevoerd. Wel is het cruciaal dat de gemeente zich bewust is van haar eigen positie "
    "en hierover communiceert."
)
PROPPER_INTRO = (
    "Partners en Pröpper omschrijven regie als 'een bijzondere vorm van sturen, gericht op de "
    "afstemming van actoren, hun doelen en handelingen tot een min of meer samenhangend geheel, met "
    "het oog op een bepaald resultaat.' Als belangrijke invalshoeken bij het invullen van "
    "regievoering noemen zij:"
)
PROPPER_SOURCE = (
    "Pröpper, I., Litjens, B. en Weststeyn, E. (2004), Lokale regie uit macht of onmacht?; in "
    f"{MOVISIE_SOURCE}, hoofdstuk 3"
)
SCHEMA2_INTRO = (
    "Iedere fase kent zijn eigen rol, zoals weergegeven in schema 2. De gemeente kan per fase in "
    "kaart brengen wat er moet gebeuren, zie schema 3."
)

ELEMENT_CONTENT_TITLES: dict[str, str] = {
    "A": "Vijf centrale uitgangspunten voor de regisseur (Hupe en Klijn)",
    "B": "Succesfactoren om partners bij elkaar te brengen",
    "C": "Drie soorten gemeentelijke taken en twee invalshoeken (Pröpper)",
    "D": "De eigen rol per fase",
}
"""Heading of each element's content on the Fasen en elementen page."""

ELEMENT_CONTENT_SOURCES: dict[str, str] = {
    "A": HUPE_KLIJN_SOURCE,
    "B": f"{MOVISIE_SOURCE}, hoofdstuk 4, element B",
    "C": f"{schema_source(1)}; {PROPPER_SOURCE}",
    "D": schema_source(2),
}
"""Where each element's content comes from (seed 004)."""

TEAM_SHEET_HELP = (
    "Voeg aan de inventaris een tabblad 'Team' toe met de kolommen Naam, Vaardigheid en Niveau "
    "(1–5, mag leeg), één rij per persoon en vaardigheid — of één kolom per vaardigheid met een "
    "niveau of een kruisje — en laad het bestand opnieuw op de pagina Inventaris."
)
"""How to add a team sheet (shown where supply is missing)."""

SKILL_DEMAND_EXPLAINED = (
    "Vraag: het aantal projecten dat in die fase zit en waar de gemeente er regie voert — elke rol behalve "
    "'Zelf doen' (zelf uitvoeren is geen regie) en 'Regie bij anderen'. Een project zonder rol in die fase telt "
    "mee en staat apart vermeld. Alle vaardigheden van een fase hebben dezelfde vraag: Schema 3 noemt de "
    "nadruk per fase, geen aantallen."
)
"""What the demand counts (docs/domein.md section 4)."""

SKILL_SUPPLY_EXPLAINED = (
    "Aanbod in mensen: 'inzetbaar' zijn teamleden met de vaardigheid op niveau 3 of hoger (of zonder "
    "niveau), 'in ontwikkeling' die op niveau 1 of 2. Belasting is de vraag gedeeld door het aantal "
    "inzetbare teamleden: hoeveel projecten er per inzetbaar persoon zijn."
)
"""What supply and belasting count (docs/domein.md section 4)."""

NOBODY_IN_TEAM = "niemand in het team"
"""How a skill that projects ask for and nobody has is named (first)."""


# --------------------------------------------------------------------------------------------
# Rol per fase: RIVM's interne/externe regie and scenarios, Kaag en Braassem's government roles
# --------------------------------------------------------------------------------------------

RIVM_SOURCE = SOURCES["rivm"].citation
"""Citation of seed 000."""

REGIE_KIND_TEXTS: dict[str, str] = {
    "intern": (
        "Interne regie is gericht op het maken en evalueren van beleid. De gemeente stuurt daarbij "
        "zoveel mogelijk aan op bijdragen van verschillende gemeentelijke beleidsterreinen."
    ),
    "extern": (
        "Externe regie is gericht op de bijdragen van partners die advies leveren, het beleid "
        "vertalen naar concrete activiteiten en deze uitvoeren. De gemeente zorgt voor afstemming "
        "tussen betrokken partijen en stuurt op hun bijdragen."
    ),
    "beide": "Het project vraagt zowel interne als externe regie.",
}
"""RIVM's description of each kind of regie (seed 000), per REGIE_KINDS code."""

REGIE_KIND_NOTE = (
    "De interne regie ligt bij gemeenten, maar de externe regie tijdens de uitvoering kan de "
    "gemeente ook een andere partij laten doen. De gemeente blijft ook dan controleren of er wordt "
    "uitgevoerd wat is beloofd."
)
"""RIVM (seed 000) on who holds internal and external regie."""

REGIE_KIND_HELP = (
    "Geen enkel project zegt of het om interne of externe regie gaat. Voeg aan het tabblad "
    "Projecten een kolom 'Regie' toe met per project intern, extern of beide, en laad het bestand "
    "opnieuw op de pagina Inventaris."
)
"""How to add the regie column (shown when no project states it)."""

GOVERNMENT_ROLES_SOURCE = SOURCES["kaag"].citation
"""Citation of seed 003."""

OVERHEIDSROL_HELP = (
    "Geen enkel project noemt een overheidsrol. Wie de vier rollen van Kaag en Braassem wil gebruiken, voegt "
    "aan het tabblad Projecten een kolom 'Overheidsrol' toe met per project één of meer van: presterende, "
    "samenwerkende, participerende/responsieve of rechtmatige overheid."
)

ROLE_PATH_HELP = (
    "Een rolpad ontstaat als een project voor minstens twee fasen een eigen rol noemt. Voeg aan het "
    "tabblad Projecten kolommen 'Rol visie', 'Rol beleid' en 'Rol uitvoering' toe, of schrijf in de "
    "kolom Rol paren als 'visie: regisseur; uitvoering: partner', en laad het bestand opnieuw op de "
    "pagina Inventaris."
)
"""How to give roles per phase (shown when no project has a role path)."""

ELEMENT_C_ROLE_PER_PHASE = (
    "Het feit dat de gemeente duidelijkheid schept over haar rol in elke fase van het proces, is van "
    "groot belang. Zo weet iedere partij waar zij aan toe is."
)
"""MOVISIE (seed 004, element C case), verbatim: why a role per phase matters."""


# --------------------------------------------------------------------------------------------
# Partners: werkgebied and the influence × interest grid
# --------------------------------------------------------------------------------------------

WERKGEBIED_NOTE = (
    "MOVISIE beschrijft een plattelandsgemeente met samenwerkingspartners die in de meeste gevallen "
    "een werkgebied hebben dat verder reikt dan de gemeentegrenzen. Voor de gemeente als regisseur "
    "vormt een dergelijk project een extra uitdaging, want organisatiebelangen op regionaal niveau "
    "kunnen in dit geval sterk de agenda bepalen."
)
"""MOVISIE (seed 004, element C case): partners beyond the municipality make regie harder."""

WERKGEBIED_HELP = (
    "Geen enkele partner heeft een werkgebied. Voeg aan het tabblad Partners een kolom "
    "'Werkgebied' toe met lokaal, regionaal of landelijk, en laad het bestand opnieuw op de pagina "
    "Inventaris."
)

INFLUENCE_INTEREST_HELP = (
    "Er zijn geen scores voor invloed en belang. Voeg aan het tabblad Betrokkenheid de kolommen "
    "'Invloed' en 'Belang' toe (1 tot en met 5, of laag, middel, hoog), en laad het bestand opnieuw "
    "op de pagina Inventaris."
)

PARTNERS_HELP = (
    "Deze inventaris noemt geen partners. Voeg een tabblad 'Partners' toe (Naam, Type, Werkgebied) "
    "en een tabblad 'Betrokkenheid' (Project ID, Partner, Fase, Rol, Invloed, Belang), of zet de "
    "partners per project in een kolom 'Partners', en laad het bestand opnieuw op de pagina "
    "Inventaris."
)

INFLUENCE_INTEREST_QUADRANTS: tuple[Principle, ...] = (
    Principle("Samen optrekken", "Veel invloed en veel belang: samen het doel bepalen en de opdracht delen."),
    Principle("Invloed benutten", "Veel invloed, minder belang: hun invloed benutten en hun belang verkennen."),
    Principle("Belang laten meewegen", "Minder invloed, veel belang: hun belang laten meewegen en hun stem versterken."),
    Principle("Verbonden blijven", "Minder invloed en minder belang: verbonden blijven en elkaar op de hoogte houden."),
)
"""The four quadrants of the app's influence × interest lens (invloed × belang, scale 1–5; a (mean)
score of 3,5 or more counts as veel). No seed has this grid; the labels treat partners as equals
(MOVISIE: "wederzijds afhankelijke partijen met een gelijkwaardige rol")."""

INFLUENCE_INTEREST_THRESHOLD = 3.5
"""On the 1–5 scale, 4 and 5 are 'veel' invloed or belang, middel (3) and lower are not."""


ANSWERS: tuple[Choice, ...] = (
    Choice("ja", "Ja", (*sorted(MARKS_TRUE), "zeker", "wel", "volmondig ja")),
    Choice("deels", "Deels",
           ("deels", "gedeeltelijk", "ten dele", "soms", "enigszins", "beetje", "een beetje", "half",
            "misschien", "mogelijk", "twijfel", "redelijk", "min of meer", "ja en nee")),
    Choice("nee", "Nee", (*sorted(MARKS_FALSE), "niet", "geen", "nooit")),
)
"""Answers to a yes/no question of the instruments (decision tree, zelfscan): ja, deels, nee."""
ANSWER_CODES: tuple[str, ...] = tuple(c.code for c in ANSWERS)
"""The ja / deels / nee scale, in that order."""
ANSWER_LABELS: dict[str, str] = {c.code: c.label for c in ANSWERS}

PERSPECTIVES: tuple[Choice, ...] = (
    Choice("bestuur", "Het bestuur van de gemeente (wethouder, raadslid)"),
    Choice("ambtelijk", "De ambtelijke organisatie van de gemeente"),
    Choice("partner", "Een samenwerkingspartner (corporatie, zorg, welzijn, inwoners of een andere organisatie)"),
)
"""For whom a werkplaats participant speaks (MOVISIE's praktijkwerkplaats: gemeenten *and* lokale
samenwerkingspartners, 004 ch. 1); chosen by the participant before answering."""
PERSPECTIVE_CODES: tuple[str, ...] = tuple(c.code for c in PERSPECTIVES)
PERSPECTIVE_LABELS: dict[str, str] = {c.code: c.label for c in PERSPECTIVES}
PERSPECTIVE_SHORT: dict[str, str] = {"bestuur": "bestuur", "ambtelijk": "ambtelijk", "partner": "partner"}
"""Perspective → a word for counts ("bestuur 2, ambtelijk 1, partner 3")."""
PERSPECTIVE_GROUPS: dict[str, str] = {"bestuur": "gemeente", "ambtelijk": "gemeente", "partner": "partner"}
"""Perspective → the side its answers count for when results are split (gemeente or partner)."""
GROUP_CODES: tuple[str, ...] = ("gemeente", "partner")
GROUP_LABELS: dict[str, str] = {"gemeente": "Gemeente", "partner": "Partners"}

COOPERATION_FORMS: tuple[Choice, ...] = (
    Choice("andere_gemeenten", "Samenwerking met andere gemeenten",
           ("samenwerking met andere gemeenten", "andere gemeenten", "andere gemeente", "gemeenten",
            "buurgemeenten", "regiogemeenten", "intergemeentelijk", "intergemeentelijke samenwerking")),
    Choice("gemeenschappelijke_regeling", "Een gemeenschappelijke regeling",
           ("een gemeenschappelijke regeling", "gemeenschappelijke regeling", "gr", "wgr",
            "gedeelde bedrijfsvoeringsorganisatie", "shared service center", "ssc")),
    Choice("bedrijf", "In samenwerking met een bedrijf",
           ("in samenwerking met een bedrijf", "samenwerking met een bedrijf", "bedrijf", "bedrijven",
            "marktpartij", "bedrijfsmatige oplossing", "commerciele partij", "private partij")),
    Choice("partners_inwoners", "Overlaten aan partners of inwoners",
           ("overlaten aan partners of inwoners", "overlaten aan maatschappelijke partners of inwoners",
            "overlaten aan (maatschappelijke) partners of inwoners", "partners of inwoners",
            "maatschappelijke partners", "overlaten aan de samenleving", "overlaten")),
)
"""The four forms of "taak in regie onderbrengen" (003, stap 2), in the seed's order: the values of the
optional column ``vorm``."""
COOPERATION_FORM_SYNONYMS: dict[str, tuple[str, ...]] = {c.code: c.synonyms for c in COOPERATION_FORMS}

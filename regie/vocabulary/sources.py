"""The five source texts, what is quoted from them, and the app's own readings — declared once.

Everything the app shows from a seed names its seed (:data:`SOURCES`); everything that is the app's
own reading (an indicator, an order, a rule, a lens) is marked with :data:`READING_MARKER` where it
is shown, with the reading's entry of :data:`READINGS` saying what it is based on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """One of the five source texts."""

    code: str
    short: str
    """How a caption names it: ``MOVISIE (2010)``."""
    citation: str
    """The full citation."""


SOURCES: dict[str, Source] = {
    "movisie": Source(
        "movisie", "MOVISIE (2010)",
        "MOVISIE (2010), Werk maken van regie. De gemeente als regisseur bij wonen, welzijn en zorg",
    ),
    "rivm": Source("rivm", "RIVM Centrum Gezond Leven", "RIVM Centrum Gezond Leven, Gemeentelijke regie en rollen"),
    "oosterhof": Source("oosterhof", "Oosterhof", "Oosterhof, Wat vraagt een volwaardige regiegemeente?"),
    "louweret": Source("louweret", "Louweret", "Louweret, Populist, regent of regisseur"),
    "kaag": Source("kaag", "Kaag en Braassem", "Gemeente Kaag en Braassem, Regiegemeente: bedoelen we hetzelfde?"),
}


def cite(code: str, where: str = "") -> str:
    """``Bron: MOVISIE (2010), Werk maken van regie …, Schema 3``."""
    source = SOURCES[code]
    return f"Bron: {source.citation}" + (f", {where}" if where else "")


READING_MARKER = "Hulpmiddel van deze app, geen oordeel uit de bron"
"""The one marker shown wherever the app's own reading is shown (page, chart, PPTX, HTML, XLSX)."""


@dataclass(frozen=True)
class Reading:
    """One of the app's own readings (not in any seed): where it is shown and what it rests on."""

    code: str
    name: str
    where: str
    based_on: str

    @property
    def note(self) -> str:
        """The marker with what this reading is and what it is based on, in one sentence."""
        return f"{READING_MARKER}: {self.name} ({self.based_on})."


READINGS: dict[str, Reading] = {r.code: r for r in (
    Reading("schema3_for_all", "de fasen en vaardigheden van Schema 3 toegepast op elke taak",
            "fasen, vaardigheden", "gebaseerd op MOVISIE's uitgewerkte voorbeeld van Breda"),
    Reading("evaluatie_beleid", "evaluatie en monitoring geteld als beleid", "toewijzing",
            "MOVISIE's Schema 2 noemt monitoring en evaluatie bij de bestuurlijke en beleidsmatige regie"),
    Reading("element_coverage", "welke van de vier elementen A–D de inventaris per project laat zien",
            "elementen", "gelezen uit de inventaris, naar MOVISIE's vier cruciale elementen"),
    Reading("skills", "vraag, aanbod en belasting van regievaardigheden", "vaardigheden",
            "afgeleid van de nadruk per fase in MOVISIE's Schema 3; de bron geeft geen aantallen"),
    Reading("role_order", "de volgorde van zelf doen naar loslaten", "rollen",
            "geen bron rangschikt de rollen als meer of minder regie"),
    Reading("decision_rule", "de regel die de vier antwoorden samenvoegt tot een voorstel", "beslisboom",
            "de vragen en uitkomsten van Kaag en Braassem; de bron geeft geen regel"),
    Reading("scan_themes", "de indeling van zelfscanvragen in thema's", "zelfscan", "geen bron deelt ze zo in"),
    Reading("stakeholder_grid", "het raster van invloed en belang met zijn vier vakken", "partners",
            "een gangbare stakeholderlens; geen bron noemt dit raster"),
    Reading("network", "de tussenpositie van partners en de schikking van het netwerk", "partners",
            "netwerkanalyse; geen bron"),
    Reading("suggestions", "elementsuggesties uit de tekst van een project", "waarden toewijzen",
            "trefwoorden; een suggestie telt pas als iemand haar accepteert"),
    Reading("headline", "de getallen in één zin", "overzicht, presenteren",
            "geteld uit de inventaris: 'vooral' is meer dan de helft van de projecten in die fase, 'het vaakst' "
            "de grootste groep; geen oordeel"),
)}


# --------------------------------------------------------------------------------------------
# RIVM (000): interne/externe regie, scenarios, externe regie actions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """One of RIVM's four scenarios, with its text as RIVM writes it."""

    name: str
    text: str


RIVM_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("Zelf doen", "Publieke taken en collectieve functies worden exclusief door de overheden uitgevoerd."),
    Scenario(
        "Uitbesteden",
        "De gemeente voert taken niet zelf uit, maar zet haar taken uit bij publieke en private organisaties "
        "waarmee deze bijdragen aan de doelstellingen van de gemeente. Er is nog wel sturing en controle vanuit "
        "de gemeente om erop toe te zien dat de externe partijen optimaal bijdragen.",
    ),
    Scenario(
        "Uitvoering door samenwerking",
        "Met als uitgangspunt dat iedereen afhankelijk is van elkaar en elkaar nodig heeft om maatschappelijke "
        "problemen op te lossen. De gemeente is slechts één van de spelers in het veld, alle partijen zijn "
        "wederzijds afhankelijk van elkaar en dat drijft hen tot optimale invulling van de maatschappelijke "
        "coalitie.",
    ),
    Scenario(
        "Overlaten aan de samenleving",
        "Taken worden overgelaten aan het zelforganiserende vermogen van de samenleving. De gemeente is niet meer "
        "belast met de uitvoering, maar vervult een coördinerende en faciliterende rol ten opzichte van de "
        "samenleving en zorgt ervoor dat de samenleving deze taak zelf kan uitvoeren.",
    ),
)
"""RIVM's four scenarios, verbatim (000, "Invulling regie hangt af van visie gemeente")."""

RIVM_SCENARIO_INTRO = (
    "Bij elke scenario speelt de gemeente een andere rol en geeft een andere invulling aan het voeren van regie. "
    "Bijvoorbeeld bij het scenario ‘Uitbesteden’ zal de gemeente meer een regisserende rol (focus op externe "
    "regie) op zich nemen in de vorm van goed opdrachtgever – opdrachtnemerschap. […] Bij het scenario ‘Zelf "
    "doen’ zal de gemeente meer gefocust zijn op interne regie."
)
"""RIVM (000), verbatim."""

RIVM_EXTERNAL_ACTIONS: tuple[str, ...] = (
    "Bekende partners en nieuwe partijen mobiliseren (binnen en buiten volksgezondheid).",
    "Relevante partners en partijen bijeenbrengen.",
    "De inzet en inbreng van partners en de resultaten van de samenwerking monitoren en waar nodig tussentijds "
    "aanpassen.",
    "De resultaten en het verloop terugkoppelen naar partners en bestuurders.",
)
"""RIVM's externe regie actions, "variërend van sturen tot faciliteren" (000), verbatim."""

RIVM_ASSIGNMENT_TIP = (
    "Wanneer de externe regie bij een andere partij ligt dan de gemeente, is een heldere projectopdracht nodig "
    "die onder andere het resultaat en de rolverdeling duidelijk omschrijft."
)
"""RIVM (000), "Tip: zorg voor een heldere opdracht", verbatim."""

RIVM_CONTROL = (
    "De interne regie ligt bij gemeenten, maar de externe regie tijdens de uitvoering kan de gemeente ook een "
    "andere partij laten doen. De gemeente blijft ook dan controleren of er wordt uitgevoerd wat is beloofd. Dat "
    "kan bijvoorbeeld door vooraf concrete resultaten met elke uitvoerende partij vast te leggen "
    "(prestatie-indicatoren) en af te spreken wanneer en hoe de gemeente daarover een terugkoppeling krijgt."
)
"""RIVM (000), "Externe regie", verbatim."""


# --------------------------------------------------------------------------------------------
# Louweret (002): attitudes, three themes, the eight questions' frame
# --------------------------------------------------------------------------------------------

LOUWERET_ATTITUDES = (
    "Regie vraagt een open houding, respect, inlevingsvermogen, aandachtig luisteren, kunnen verbinden, het "
    "uitstellen van meningen en opvattingen, gunnen en geven."
)
"""Louweret (002, "Geven in plaats van vragen"), verbatim: what every phase asks."""

LOUWERET_THEMES: tuple[str, ...] = (
    "overeenstemming over het doel van de samenwerking",
    "een acceptabele verdeling van macht en inbreng",
    "een evenwichtige verdeling van de opbrengst",
)
"""Louweret (002, "Regisseren is loslaten"): the three themes of every collaboration, verbatim."""

LOUWERET_DISAGREES = (
    "“Participatie is in mijn ogen geen regie.” en “Uitbesteding is ook geen regie!” (Louweret); "
    "Kaag en Braassem noemt juist alle vormen behalve zelf uitvoeren “regietaken”."
)
"""Where the seeds disagree on what counts as regie (002, 003): shown beside the roles."""


# --------------------------------------------------------------------------------------------
# Oosterhof (001): roles and main processes of a regieorganisatie
# --------------------------------------------------------------------------------------------

OOSTERHOF_ROLES = (
    "Gemeenten hebben verschillende rollen bij samenwerking en uitbesteding; die van zowel eigenaar, klant als "
    "leverancier. Zij kunnen de soevereiniteit niet overdragen en blijven altijd verantwoordelijk voor de "
    "producten en diensten die door de samenwerkingspartners, leveranciers en/of via SSC worden uitgevoerd."
)
OOSTERHOF_PROCESSES: tuple[str, ...] = (
    "accountmanagement", "leveranciersmanagement", "performancemanagement", "projectmanagement",
)
"""The four main processes of a regieorganisatie (001), verbatim."""


# --------------------------------------------------------------------------------------------
# MOVISIE (004): the praktijkwerkplaats and Schema 3 as an example
# --------------------------------------------------------------------------------------------

PRACTICE_QUESTIONS: tuple[str, ...] = (
    "Hoe kan ik mijn regierol het beste invullen en welke handvatten heb ik daarvoor?",
    "Hoe kan de samenwerking met verschillende partijen op een niet-vrijblijvende manier het beste vormgegeven "
    "worden, wat is de gezamenlijke opdracht?",
    "Hoe stuur ik dat proces aan en hoe voer ik de interne gemeentelijke regie?",
    "Welke mogelijkheden zijn er om wonen, welzijn en zorg te verbinden?",
)
"""The four practice questions the gemeenten brought into the praktijkwerkplaatsen (004, ch. 3), verbatim."""

WERKPLAATS_QUOTE = "‘Een tastbaar resultaat benoemen, aan de slag. En successen vieren!’"
"""A participant of the praktijkwerkplaatsen (004, ch. 3), verbatim."""

SCHEMA3_EXAMPLE = (
    "Schema 3 is MOVISIE's uitgewerkte voorbeeld: een gemeente die zes woonwijken levensloopbestendig maakt "
    "(Breda, Manifest en convenant, 2007). “De voorbeeldgemeente heeft de samenhang in de procesfase en de "
    "regierol als volgt beschreven.”"
)
"""How Schema 3 is introduced wherever it is shown (004, section D)."""

SCHEMA3_GENERALISED = (
    "Deze app past de drie fasen en hun vaardigheden toe op elke taak in de inventaris; dat is een "
    "veralgemenisering van MOVISIE's voorbeeld, geen uitspraak van MOVISIE."
)
"""Said once where phases and skills are introduced (docs/domein.md section 1)."""

MOVISIE_ROLE_EXAMPLE = (
    "De regie op de uitvoering ligt bij de aanbieders, op dit punt voert de gemeente geen regie. Het feit dat "
    "de gemeente duidelijkheid schept over haar rol in elke fase van het proces, is van groot belang. Zo weet "
    "iedere partij waar zij aan toe is."
)
"""MOVISIE (004, element C), verbatim: why the role per phase matters, and that regie can lie elsewhere."""

MOVISIE_EQUAL_PARTNERS = (
    "Gemeenten en samenwerkingspartners opereren hierin als wederzijds afhankelijke partijen met een "
    "gelijkwaardige rol."
)
"""MOVISIE (004, ch. 3), verbatim."""

KAAG_GOVERNMENT_ROLES = (
    "Kaag en Braassem beschrijft in haar Omgevingsvisie vier rollen die de gemeente kan aannemen: presterende, "
    "samenwerkende, participerende/responsieve en rechtmatige overheid. Het stuk definieert ze niet en koppelt "
    "ze niet aan rollen; wel: “we kunnen in de praktijk meerdere rollen tegelijkertijd vervullen op bepaalde "
    "thema’s.” Deze app telt alleen wat de inventaris in de kolom Overheidsrol zegt."
)
"""How the government roles are introduced wherever they are shown (003)."""

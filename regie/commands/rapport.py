"""``python -m regie rapport FILE -o OUT``: the presentation as PowerPoint, HTML report or enriched Excel.

The kind follows from OUT's extension: ``.pptx`` (deck with editable charts), ``.html`` (one offline
report) or ``.xlsx`` (the enriched inventory). The filter options are those of the dashboard's
sidebar, each repeatable or comma-separated: ``--domein``, ``--gebied`` (values as in the inventory,
case-insensitive), ``--fase``, ``--element``, ``--rol``, ``--partnertype`` (codes or labels of the
vocabulary, or their synonyms, e.g. ``--fase uitvoering --rol "Regie bij anderen"``); ``--namen-verbergen`` replaces partner
and person names. A wrong extension or value exits 2 with a Dutch message that lists what is allowed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from regie import analysis
from regie import vocabulary as voc
from regie.analysis.filters import DIMENSIONS, Filters, describe, options, value_label
from regie.errors import ReportOptionError
from regie.formatting import nl_int
from regie.model import Inventory
from regie.normalise import norm

NAME = "rapport"

KINDS: dict[str, str] = {
    ".pptx": "PowerPoint-presentatie",
    ".html": "HTML-rapport",
    ".xlsx": "Verrijkte inventaris (Excel)",
}
"""Output kinds by extension, with their Dutch name."""

VOCABULARY_DIMENSIONS: tuple[str, ...] = ("fase", "element", "rol", "partnertype")
THIS: dict[str, str] = {
    "domein": "dit domein", "gebied": "dit gebied", "fase": "deze fase", "element": "dit element",
    "rol": "deze rol", "partnertype": "dit partnertype",
}
UNKNOWN_WORD: dict[str, str] = {
    "domein": "Onbekend domein", "gebied": "Onbekend gebied", "fase": "Onbekende fase",
    "element": "Onbekend element", "rol": "Onbekende rol", "partnertype": "Onbekend partnertype",
}
TEXT_DIMENSIONS: tuple[str, ...] = ("domein", "gebied")



def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``rapport`` command."""
    parser = commands.add_parser(
        NAME, help="maak een presentatie (.pptx), een HTML-rapport (.html) of een verrijkte inventaris (.xlsx)",
        description="Maak van een inventaris een PowerPoint-presentatie met bewerkbare grafieken, een "
                    "HTML-rapport dat zonder internet werkt, of een verrijkte inventaris in Excel. De soort "
                    "volgt uit de extensie van het uitvoerbestand.",
    )
    parser.add_argument("file", metavar="BESTAND", help="het inventarisbestand")
    parser.add_argument("-o", "--uitvoer", dest="output", required=True, metavar="UIT",
                        help="het bestand dat gemaakt wordt: eindigt op .pptx, .html of .xlsx")
    for name in DIMENSIONS:
        parser.add_argument(
            f"--{name}", action="append", default=[], metavar="WAARDE",
            help=f"alleen projecten met {THIS[name]} (herhaal de optie of scheid met komma's)",
        )
    parser.add_argument("--namen-verbergen", dest="hide_names", action="store_true",
                        help="vervang namen van partners en personen door hun soort en een nummer")
    parser.add_argument("--titel", default=None, metavar="TEKST",
                        help="titel van de presentatie of het rapport (bijvoorbeeld de naam van de gemeente)")


def _vocabulary_choices(dimension: str) -> dict[str, str]:
    """Normalised code or label → code, for a dimension with a closed vocabulary."""
    codes: Iterable[str]
    if dimension == "fase":
        codes = (*voc.PHASE_CODES, voc.UNKNOWN)
    elif dimension == "element":
        codes = (*voc.ELEMENT_CODES, voc.UNDETERMINED)
    elif dimension == "rol":
        codes = (*voc.ROLE_CODES, voc.UNKNOWN)
    else:
        codes = (*(c.code for c in voc.PARTNER_TYPES), voc.UNKNOWN)
    choices: dict[str, str] = {}
    for code in codes:
        for text in (code, value_label(dimension, code)):
            choices.setdefault(norm(text), code)
        if dimension == "element" and code in voc.ELEMENT_BY_CODE:
            choices.setdefault(norm(voc.ELEMENT_BY_CODE[code].name), code)
        for synonym in _synonyms(dimension, code):
            choices.setdefault(norm(synonym), code)
    return choices


def _synonyms(dimension: str, code: str) -> tuple[str, ...]:
    """The vocabulary's synonyms of a code (``Geen regie`` is ``geen``), as the reader knows them."""
    if dimension == "fase" and code in voc.PHASE_BY_CODE:
        return voc.PHASE_BY_CODE[code].synonyms
    if dimension == "rol" and code in voc.ROLE_BY_CODE:
        return voc.ROLE_BY_CODE[code].synonyms
    if dimension == "partnertype" and code in voc.PARTNER_TYPE_BY_CODE:
        return voc.PARTNER_TYPE_BY_CODE[code].synonyms
    return ()


def _split(raw: Sequence[str], whole: Callable[[str], str | None]) -> list[tuple[str, str | None]]:
    """Each option value matched whole first, split on commas only when it matches nothing."""
    found: list[tuple[str, str | None]] = []
    for value in raw:
        text = value.strip()
        match = whole(text)
        if match is not None or "," not in text:
            found.append((text, match))
            continue
        found.extend((part.strip(), whole(part.strip())) for part in text.split(",") if part.strip())
    return found


def _chosen(dimension: str, raw: Sequence[str], allowed: dict[str, str], shown: Sequence[str]) -> tuple[str, ...]:
    """The values of one dimension as the filters want them; a Dutch error for an unknown value."""
    pairs = _split(raw, lambda text: allowed.get(norm(text)) if norm(text) else None)
    unknown = [text for text, match in pairs if match is None]
    if unknown:
        listing = "; ".join(f"'{v}'" for v in shown) if shown else "(deze inventaris heeft er geen)"
        raise ReportOptionError(
            f"{UNKNOWN_WORD[dimension]} {', '.join(repr(u) for u in unknown)} bij --{dimension}. Kies uit: {listing}."
        )
    return tuple(dict.fromkeys(match for _, match in pairs if match is not None))


def vocabulary_filters(args: argparse.Namespace) -> dict[str, tuple[str, ...]]:
    """The chosen fase, element, rol and partnertype codes (checked before the file is read)."""
    chosen: dict[str, tuple[str, ...]] = {}
    for dimension in VOCABULARY_DIMENSIONS:
        raw = getattr(args, dimension)
        if raw:
            allowed = _vocabulary_choices(dimension)
            shown = list(dict.fromkeys(value_label(dimension, code) for code in allowed.values()))
            chosen[dimension] = _chosen(dimension, raw, allowed, shown)
    return chosen


def text_filters(args: argparse.Namespace, inv: Inventory) -> dict[str, tuple[str, ...]]:
    """The chosen domein and gebied values, as they are written in the inventory."""
    chosen: dict[str, tuple[str, ...]] = {}
    available = options(inv)
    for dimension in TEXT_DIMENSIONS:
        raw = getattr(args, dimension)
        if raw:
            values = available[dimension]
            chosen[dimension] = _chosen(dimension, raw, {norm(v): v for v in values}, values)
    return chosen


def output_kind(path: str) -> str:
    """The extension of OUT (``.pptx``, ``.html`` or ``.xlsx``); a Dutch error for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in KINDS:
        raise ReportOptionError(
            f"Het uitvoerbestand '{path}' moet eindigen op .pptx (presentatie), .html (rapport) of .xlsx "
            "(verrijkte inventaris)."
        )
    return suffix


def render(kind: str, inv: Inventory, filters: Filters, hide: bool, title: str | None) -> bytes:
    """The bytes of the chosen export."""
    if kind == ".pptx":
        from regie.export.pptx import deck_bytes

        return deck_bytes(inv, filters, names_hidden=hide, title=title)
    if kind == ".html":
        from regie.export.html import report_bytes

        return report_bytes(inv, filters, names_hidden=hide, title=title)
    from regie.export.xlsx import workbook_bytes

    return workbook_bytes(inv, filters, names_hidden=hide)


def run(args: argparse.Namespace) -> int:
    """Read the inventory, filter it, hide names when asked, write OUT; exit 0."""
    from regie import load_inventory
    from regie.analysis.filters import apply
    from regie.analysis.privacy import hide_names

    kind = output_kind(args.output)
    chosen = vocabulary_filters(args)
    target = Path(args.output)
    if not target.parent.is_dir():
        raise ReportOptionError(f"De map '{target.parent}' voor het uitvoerbestand bestaat niet. Maak hem eerst aan.")
    inv = load_inventory(args.file)
    chosen |= text_filters(args, inv)
    filters = Filters(**chosen)
    shown = apply(inv, filters)
    if args.hide_names:
        shown = hide_names(shown)
    data = render(kind, shown, filters, args.hide_names, args.titel)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise ReportOptionError(
            f"Het bestand '{target}' kon niet worden geschreven ({exc.strerror or 'onbekende reden'}). "
            "Controleer of de map schrijfbaar is en het bestand niet elders geopend is."
        ) from None
    projects = len(shown.projects)
    parts = [f"{nl_int(projects)} {'project' if projects == 1 else 'projecten'}", describe(filters)]
    if args.hide_names:
        parts.append("namen verborgen")
    if analysis.issue_counts(inv)["fout"]:
        parts.append(f"{nl_int(analysis.issue_counts(inv)['fout'])} fouten in de inventaris")
    sys.stdout.write(f"{KINDS[kind]} geschreven naar {target} ({'; '.join(parts)}).\n")
    sys.stdout.flush()
    return 0

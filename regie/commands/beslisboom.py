"""``python -m regie beslisboom FILE [--json]``: Kaag en Braassem's decision tree over an inventory.

The tree reads only the answer columns of the projects sheet (docs/inventaris.md, section 4, beslisboom); a project with
too few answers gets "onvoldoende gegevens" and the list of missing answers. ``--json`` prints
``{"file": ..., "projects": [{"id", "naam", "uitkomst", "vormen", "ontbrekend", "rol_inventaris",
"past"}]}``. Exit codes as ``analyse``: 0 when the file could be read, 2 when it cannot be read at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from regie import vocabulary as voc
from regie.formatting import nl_int

NAME = "beslisboom"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``beslisboom`` command."""
    parser = commands.add_parser(
        NAME, help="leg elk project langs de beslisboom van Kaag en Braassem",
        description="Leg elk project van een inventaris langs de beslisboom “regietaken” van Kaag en Braassem. "
                    "De beslisboom leest alleen de antwoordkolommen van het blad Projecten (Regisserende aanpak "
                    "nodig, Kansen voor samenwerking, Kernactiviteit, Door anderen uitgevoerd, Nabijheid, Vorm). "
                    f"{voc.READINGS['decision_rule'].note}",
    )
    parser.add_argument("file", metavar="BESTAND", help="het inventarisbestand")
    parser.add_argument("--json", action="store_true", help="geef het resultaat als JSON")


def run(args: argparse.Namespace) -> int:
    """Read and map the file, run the tree, print JSON or a Dutch table. Exit code 0."""
    from regie.instruments import beslisboom as tree
    from regie.mapping import map_inventory
    from regie.reading import read_workbook

    inventory = map_inventory(read_workbook(args.file))
    result = tree.advise_inventory(inventory)
    out = sys.stdout
    if args.json:
        document = tree.as_json(Path(args.file).name, result)
        out.buffer.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
        out.buffer.write(b"\n")
    else:
        out.write(summary(Path(args.file).name, result))
    out.flush()
    return 0


def summary(file: str, result: pd.DataFrame) -> str:
    """The tree's outcome per project, as readable Dutch lines."""
    from regie.instruments import beslisboom as tree

    counts = tree.outcome_counts(result)
    fits = tree.fit_counts(result)
    forms = {f.code: f.label.lower() for f in tree.FORMS}
    questions = {q.code: q.name.lower() for q in tree.QUESTIONS}
    lines = [
        f"Beslisboom (Kaag en Braassem) over: {file}",
        f"  {voc.READINGS['decision_rule'].note}",
        "  " + ", ".join(f"{tree.OUTCOME_SHORT[o].lower()}: {nl_int(counts[o])}" for o in tree.OUTCOMES),
        "  Vergeleken met de rol in de uitvoering: "
        + ", ".join(f"{tree.FITS_LABELS[k].lower()}: {nl_int(fits[k])}" for k in tree.FITS_LABELS),
        "",
    ]
    for row in result.itertuples(index=False):
        line = f"  {row.id}  {row.naam}: {tree.OUTCOME_SHORT[row.uitkomst].lower()}"
        if row.vormen:
            line += f" (te kiezen: {', '.join(forms[f] for f in row.vormen)})"
        if row.ontbrekend:
            line += f"; ontbreekt: {', '.join(questions[q] for q in row.ontbrekend)}"
        if row.rol_inventaris:
            line += f"; rol in de uitvoering: {', '.join(voc.role_label(r) for r in row.rollen)}"
            line += f" — {tree.FITS_LABELS[tree.fit_value(row.past)].lower()}"
        lines.append(line)
    if not len(result):
        lines.append("  Er zijn geen projecten.")
    if not tree.has_answers(result):
        lines += ["", "  " + tree.columns_help()]
    lines.append("")
    return "\n".join(lines)

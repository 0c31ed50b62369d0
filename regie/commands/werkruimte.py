"""``python -m regie werkruimte opslaan|lijst|vergelijk|verwijder|sleutel``: werkruimtes and snapshots.

Whoever runs the CLI has the database and is its owner: no werkruimte key is asked. ``sleutel`` gives a
werkruimte a new key (printed once; the old key stops working for new sessions), the way to hand a
werkruimte made here, or from before keys existed, to the app's users.

The database is the one of ``REGIE_DATABASE_URL``, else the SQLite file in the user's data
directory. Unknown werkruimtes and labels end with exit 2 and a message that lists what exists.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from regie import vocabulary as voc
from regie.formatting import nl_datetime, nl_int

NAME = "werkruimte"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``werkruimte`` command with its actions."""
    parser = commands.add_parser(
        NAME, help="bewaar inventarissen per gemeente (werkruimte) en vergelijk momentopnamen",
        description="Werkruimtes en momentopnamen. De database is die van REGIE_DATABASE_URL, anders een "
                    "SQLite-bestand in uw gebruikersmap.",
    )
    actions = parser.add_subparsers(dest="actie", metavar="actie", parser_class=type(parser))
    actions.required = True

    save = actions.add_parser("opslaan", help="sla een inventaris op als momentopname")
    save.add_argument("file", metavar="BESTAND", help="het inventarisbestand")
    save.add_argument("--werkruimte", required=True, metavar="NAAM", help="de werkruimte (wordt zo nodig gemaakt)")
    save.add_argument("--label", required=True, metavar="LABEL", help='bijvoorbeeld "Werkplaats 12 november"')
    save.add_argument("--persoonsgegevens", action="store_true",
                      help="bewaar ook contactpersonen, trekkers en namen van teamleden (standaard: niet)")
    save.add_argument("--notitie", default="", metavar="TEKST", help="duiding bij deze momentopname")
    save.add_argument("--json", action="store_true", help="geef het resultaat als JSON")

    listing = actions.add_parser("lijst", help="toon de momentopnamen")
    listing.add_argument("--werkruimte", metavar="NAAM", help="alleen deze werkruimte")
    listing.add_argument("--json", action="store_true", help="geef het resultaat als JSON")

    diff = actions.add_parser("vergelijk", help="vergelijk twee momentopnamen van een werkruimte")
    diff.add_argument("--werkruimte", required=True, metavar="NAAM")
    diff.add_argument("label_a", metavar="LABEL_A", help="de eerste (bijv. voor)")
    diff.add_argument("label_b", metavar="LABEL_B", help="de tweede (bijv. na)")
    diff.add_argument("--json", action="store_true", help="geef het resultaat als JSON")

    delete = actions.add_parser("verwijder", help="verwijder een werkruimte of één momentopname")
    delete.add_argument("--werkruimte", required=True, metavar="NAAM")
    delete.add_argument("--label", metavar="LABEL", help="alleen deze momentopname")

    key = actions.add_parser("sleutel", help="geef een werkruimte een nieuwe sleutel (de oude vervalt)")
    key.add_argument("--werkruimte", required=True, metavar="NAAM")
    key.add_argument("--json", action="store_true", help="geef het resultaat als JSON")


def run(args: argparse.Namespace) -> int:
    """Run one action; exit code 0 (errors are RegieErrors, exit 2 in :mod:`regie.cli`)."""
    from regie.storage import Store

    with Store() as store:
        if args.actie == "opslaan":
            return _save(store, args)
        if args.actie == "lijst":
            return _list(store, args)
        if args.actie == "vergelijk":
            return _compare(store, args)
        if args.actie == "sleutel":
            return _new_key(store, args)
        return _delete(store, args)


def _new_key(store: Any, args: argparse.Namespace) -> int:
    name = store.werkruimte(args.werkruimte).name
    key = store.new_key(name)
    if args.json:
        _print_json({"werkruimte": name, "sleutel": key})
        return 0
    print(f"Nieuwe sleutel voor werkruimte '{name}': {key}\n"
          "Bewaar hem nu (hij wordt niet nog eens getoond); de oude sleutel werkt niet meer in nieuwe sessies.")
    return 0


def _print_json(value: Any) -> None:
    sys.stdout.buffer.write(json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    sys.stdout.flush()


def _when(info: Any) -> str:
    from regie.storage import local_time

    return nl_datetime(local_time(info.created))


def _save(store: Any, args: argparse.Namespace) -> int:
    from regie.reading import load_bytes
    from regie.storage import UnknownWerkruimteError

    data, name = load_bytes(args.file)
    try:
        mappings = store.mappings_for(args.werkruimte)
    except UnknownWerkruimteError:
        mappings = {}
    result = store.save_snapshot(
        args.werkruimte, args.label, data, Path(name).name,
        value_mappings=mappings, notes=args.notitie, keep_personal_data=args.persoonsgegevens,
    )
    if args.json:
        out = result.info.to_dict()
        out["werkruimte_aangemaakt"] = result.created_werkruimte
        out["toegepaste_koppelingen"] = mappings
        out["verwijderd"] = None if result.removed is None else {
            "kolommen": [{"blad": s, "kolom": h} for s, h in result.removed.columns],
            "bladen": result.removed.sheets,
            "teamleden": result.removed.team_names,
        }
        _print_json(out)
        return 0
    info = result.info
    lines = []
    if result.created_werkruimte:
        lines.append(f"Werkruimte '{info.werkruimte}' aangemaakt.")
    lines.append(f"Momentopname '{info.label}' opgeslagen in werkruimte '{info.werkruimte}' ({_when(info)}): "
                 f"{_projects(info.projects)} uit '{info.file_name}'.")
    applied = sum(len(v) for v in mappings.values())
    if applied:
        lines.append(f"{nl_int(applied)} waardekoppelingen van deze werkruimte toegepast.")
    if result.removed is None:
        lines.append("Persoonsgegevens zijn mee opgeslagen (op verzoek).")
    else:
        lines.append(result.removed.describe())
    lines.append(f"Opslag: {store.location}")
    print("\n".join(lines))
    return 0


def _list(store: Any, args: argparse.Namespace) -> int:
    items = store.snapshots(args.werkruimte)
    if args.json:
        listed = [
            {"naam": w.name, "aangemaakt": w.created.isoformat(), "snapshots": w.snapshots, "koppelingen": w.mappings,
             "sleutel": w.has_key}
            for w in store.werkruimtes()
            if args.werkruimte is None or w.name.casefold() == " ".join(args.werkruimte.split()).casefold()
        ]
        _print_json({"opslag": store.location, "werkruimtes": listed, "snapshots": [i.to_dict() for i in items]})
        return 0
    werkruimtes = store.werkruimtes()
    if args.werkruimte is not None:
        key = " ".join(args.werkruimte.split()).casefold()
        werkruimtes = [w for w in werkruimtes if w.name.casefold() == key]
    lines = [f"Opslag: {store.location}", ""]
    if not werkruimtes:
        lines.append("Er zijn nog geen werkruimtes. Sla een inventaris op met: "
                     "python -m regie werkruimte opslaan BESTAND --werkruimte NAAM --label LABEL")
    for werkruimte in werkruimtes:
        own = [i for i in items if i.werkruimte == werkruimte.name]
        word = "momentopname" if len(own) == 1 else "momentopnamen"
        lines.append(f"Werkruimte '{werkruimte.name}': {nl_int(len(own))} {word}")
        for info in own:
            personal = ", met persoonsgegevens" if info.personal_data else ""
            lines.append(f"  {info.label:<30} {_when(info)}  {_projects(info.projects):>14}  "
                         f"{info.file_name}{personal}")
            if info.notes:
                lines.append(f"      duiding: {' '.join(info.notes.split())}")
        lines.append("")
    print("\n".join(lines).rstrip())
    return 0


def _signed(n: int) -> str:
    return f"+{nl_int(n)}" if n > 0 else ("0" if n == 0 else f"−{nl_int(-n)}")


def _compare(store: Any, args: argparse.Namespace) -> int:
    comparison = store.compare(args.werkruimte, args.label_a, args.label_b)
    if args.json:
        _print_json({"werkruimte": store.werkruimte(args.werkruimte).name, **comparison.to_dict()})
        return 0
    print(summary(comparison))
    return 0


def _projects(n: int) -> str:
    return f"{nl_int(n)} project" if n == 1 else f"{nl_int(n)} projecten"


def summary(comparison: Any) -> str:
    """A readable Dutch comparison (a = the first snapshot, b = the second)."""
    header = f"  {'':<32}{'a':>8}{'b':>8}{'verschil':>10}"
    lines = [f"Vergelijking van a = '{comparison.label_a}' met b = '{comparison.label_b}'", ""]

    def table(title: str, frame: Any, key: str = "naam") -> None:
        lines.extend([title, header])
        for row in frame.to_dict("records"):
            lines.append(f"  {row[key]:<32}{nl_int(row['a']):>8}{nl_int(row['b']):>8}{_signed(row['verschil']):>10}")
        lines.append("")

    table("Aantallen:", comparison.counts())
    table("Projecten per fase:", comparison.phases())
    table("Projecten per element:", comparison.elements())
    roles = comparison.roles()
    for phase in voc.PHASE_CODES:
        table(f"Rol van de gemeente in de fase {voc.phase_label(phase).lower()}:",
              roles[roles["fase"] == phase], "rol_naam")
    lines.append(f"Projecten erbij in b ({nl_int(len(comparison.added))}):")
    lines.extend(f"  + {name}" for name in comparison.added)
    lines.append(f"Projecten niet meer in b ({nl_int(len(comparison.removed))}):")
    lines.extend(f"  - {name}" for name in comparison.removed)
    lines.append(f"Projecten veranderd ({nl_int(len(comparison.changed))}):")
    for row in comparison.changes_table().to_dict("records"):
        lines.append(f"  * {row['project']}: {row['wat']}: {row['a']} → {row['b']}")
    lines.append(f"Ongewijzigd: {_projects(comparison.unchanged)}")
    return "\n".join(lines)


def _delete(store: Any, args: argparse.Namespace) -> int:
    if args.label:
        store.delete_snapshot(args.werkruimte, args.label)
        print(f"Momentopname '{args.label}' van werkruimte '{args.werkruimte}' verwijderd.")
        return 0
    count = store.delete_werkruimte(args.werkruimte)
    word = "momentopname" if count == 1 else "momentopnamen"
    print(f"Werkruimte '{args.werkruimte}' verwijderd, met {nl_int(count)} {word}.")
    return 0

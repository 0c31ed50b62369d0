"""``python -m regie analyse FILE [--json]``: the analysis of docs/inventaris.md as JSON or a Dutch summary."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from regie import vocabulary as voc
from regie.formatting import nl_int, nl_number

NAME = "analyse"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``analyse`` command."""
    parser = commands.add_parser("analyse", help="analyseer een inventaris (xlsx, xlsm, xls, xlsb, ods, csv)")
    parser.add_argument("file", metavar="BESTAND", help="het inventarisbestand")
    parser.add_argument("--json", action="store_true", help="geef het resultaat als JSON")


def run(args: argparse.Namespace) -> int:
    """Read, map and analyse the file; print JSON or the summary. Exit code 0."""
    return _analyse(args.file, args.json)


def _analyse(path: str, as_json: bool) -> int:
    from regie.analysis import analyse
    from regie.mapping import map_inventory
    from regie.reading import read_workbook

    raw = read_workbook(path)
    inventory = map_inventory(raw)
    result = analyse(inventory)
    out = sys.stdout
    if as_json:
        out.buffer.write(json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8"))
        out.buffer.write(b"\n")
    else:
        out.write(summary(result))
    out.flush()
    return 0


def summary(result: dict[str, Any]) -> str:
    """A readable Dutch summary of an analysis."""
    c = result["counts"]
    lines = [
        f"Inventaris: {result['file']}",
        f"  {nl_int(c['projects'])} projecten, {nl_int(c['partners'])} partners, "
        f"{nl_int(c['involvements'])} koppelingen, {nl_int(c['team'])} teamleden",
        "",
        "Projecten per fase:",
    ]
    for code in (*voc.PHASE_CODES, voc.UNKNOWN):
        lines.append(f"  {voc.phase_label(code):<12} {nl_int(result['phases'][code]):>6}")
    lines += ["", "Projecten per element:"]
    for code in (*voc.ELEMENT_CODES, voc.UNDETERMINED):
        lines.append(f"  {voc.element_label(code):<32} {nl_int(result['elements'][code]):>6}")
    lines += ["", "Rol van de gemeente per fase:"]
    header = "  " + " " * 22 + "".join(f"{voc.phase_label(p):>12}" for p in voc.PHASE_CODES)
    lines.append(header)
    for role in (*voc.ROLE_CODES, voc.UNKNOWN):
        cells = "".join(f"{nl_int(result['roles'][p][role]):>12}" for p in voc.PHASE_CODES)
        lines.append(f"  {voc.role_label(role):<22}{cells}")
    lines += ["", "Vraag naar regievaardigheden (projecten in de fase met een rol die om regie vraagt):",
              f"  ({voc.READINGS['skills'].note})"]
    for phase in voc.PHASES:
        demand = result["skills"][phase.code][phase.skills[0]]
        lines.append(f"  {phase.label:<12} {nl_int(demand):>6}  ({', '.join(phase.skills)})")
    if "skills_supply" in result:
        lines += ["", "Vaardigheden in het team (teamleden) en belasting (projecten per inzetbaar teamlid):"]
        for phase in voc.PHASES:
            for skill in phase.skills:
                supply = result["skills_supply"][phase.code][skill]
                load = result["skills_load"][phase.code][skill]
                load_text = voc.NOBODY_IN_TEAM if load is None and result["skills"][phase.code][skill] else (
                    "—" if load is None else nl_number(load))
                lines.append(
                    f"  {skill:<26} inzetbaar {nl_int(supply['inzetbaar']):>3}   in ontwikkeling "
                    f"{nl_int(supply['in_ontwikkeling']):>3}   belasting {load_text}"
                )
    coverage = result["element_coverage"]
    lines += ["", "Elementen A–D per project (wat de inventaris laat zien):", f"  ({voc.READINGS['element_coverage'].note})"]
    for code in voc.ELEMENT_CODES:
        c = coverage[code]
        lines.append(f"  {voc.element_label(code):<32} aanwezig {nl_int(c['aanwezig']):>4}   ontbreekt "
                     f"{nl_int(c['ontbreekt']):>4}   onbekend {nl_int(c['onbekend']):>4}   n.v.t. {nl_int(c['nvt']):>4}")
    issues = result["issues"]
    errors = sum(1 for i in issues if i["severity"] == "fout")
    lines += ["", f"Meldingen: {nl_int(errors)} fouten, {nl_int(len(issues) - errors)} waarschuwingen"]
    for issue in issues[:20]:
        where = ", ".join(
            part for part in (
                f"blad {issue['sheet']}" if issue["sheet"] else "",
                f"rij {issue['row']}" if issue["row"] is not None else "",
                f"kolom {issue['column']}" if issue["column"] else "",
            ) if part
        )
        lines.append(f"  [{issue['severity']}] {where + ': ' if where else ''}{issue['message']}")
    if len(issues) > 20:
        lines.append(f"  … en nog {nl_int(len(issues) - 20)} meldingen (zie --json voor alle).")
    rows = result["rows"]["projects"]
    lines += ["", f"Rijen projecten: {nl_int(rows['read'])} gelezen = {nl_int(rows['used'])} gebruikt + "
              f"{nl_int(rows['rejected'])} afgewezen", ""]
    return "\n".join(lines)

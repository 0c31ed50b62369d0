"""Command line: ``python -m regie <opdracht>``; the commands live in :mod:`regie.commands`.

Exit 0 on success, 2 with a Dutch message on standard error (never a traceback) when the input cannot
be used (for ``analyse``: the file cannot be read at all).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence

from regie.commands import analyse, beslisboom, rapport, werkruimte
from regie.errors import RegieError

COMMANDS = [analyse, beslisboom, werkruimte, rapport]
"""Command modules, in help order."""

EXIT_OK = 0
EXIT_UNREADABLE = 2


ARGPARSE_DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulptekst en stop",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort één waarde achter",
    "expected at most one argument": "hier hoort hooguit één waarde achter",
    "expected at least one argument": "hier hoort minstens één waarde achter",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet eenduidig: %(matches)s",
    "not allowed with argument %s": "niet samen met %s",
    "ignored explicit argument %r": "waarde %r wordt genegeerd",
    "one of the arguments %s is required": "kies één van %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}
"""argparse's own texts in Dutch (it takes them through gettext at the moment it uses them)."""


def _dutch(message: str) -> str:
    return ARGPARSE_DUTCH.get(message, message)


def _dutch_plural(singular: str, plural: str, n: int) -> str:
    return {"expected %s argument": "hier horen %s waarden achter"}.get(singular, singular if n == 1 else plural)


@contextlib.contextmanager
def dutch_argparse() -> Iterator[None]:
    """While building and running the parser, argparse speaks Dutch ("gebruik:", "opties:")."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _dutch, _dutch_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch usage errors (exit 2, no traceback)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"Fout in de opdracht: {message}\n")


log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m regie``."""
    parser = _Parser(
        prog="python -m regie",
        description="Regierol per fase: lees een inventaris van projecten en partners en analyseer hem.",
    )
    commands = parser.add_subparsers(dest="command", metavar="opdracht", parser_class=_Parser)
    for module in COMMANDS:
        module.register(commands)
    return parser


def _configure_logging() -> None:
    """The CLI's log: to the file in ``REGIE_LOG_FILE`` when set (with tracebacks), else nowhere —
    a user's terminal shows Dutch sentences only."""
    path = os.environ.get("REGIE_LOG_FILE", "").strip()
    if not path:
        return
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("regie").addHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    _configure_logging()
    with dutch_argparse():
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_UNREADABLE
    try:
        for module in COMMANDS:
            if args.command == module.NAME:
                return int(module.run(args))
    except RegieError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except Exception:  # the user never sees a traceback (REGIE_DEBUG=1 shows it to developers)
        if os.environ.get("REGIE_DEBUG"):
            raise
        log.exception("python -m regie %s failed", args.command)
        print(
            "Fout: het bestand kon niet worden verwerkt door een onverwachte fout in het programma. "
            "Sla het bestand opnieuw op als .xlsx en probeer het nog eens; blijft het misgaan, stuur "
            "het dan naar de beheerder.",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    return EXIT_UNREADABLE



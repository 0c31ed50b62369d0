"""Start the app: ``python -m regie.ui.serve [streamlit options]``.

This is ``streamlit run app.py [options]``, except that Nagle's algorithm is switched off before the
server accepts its first connection (see :mod:`regie.ui.sockets`). With plain ``streamlit run app.py``
the switch happens when the first session runs app.py, so the connections accepted before that keep the
40 ms wait. Behind a reverse proxy that keeps its first upstream connections open, those connections can
carry every later visitor's requests. The container image starts the app this way.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from regie.ui.sockets import send_without_delay

APP = Path(__file__).resolve().parents[2] / "app.py"


def command(options: Sequence[str]) -> list[str]:
    """The Streamlit command line this starts: ``streamlit run <app.py> <options>``."""
    return ["streamlit", "run", str(APP), *options]


def main(options: Sequence[str] | None = None) -> None:
    """Switch Nagle's algorithm off, then hand over to Streamlit's own command line (which exits)."""
    from streamlit.web import cli

    send_without_delay()
    sys.argv = command(sys.argv[1:] if options is None else options)
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()

"""Regierol per fase: read inventories of gemeentelijke regie projects and analyse them.

The public API::

    from regie import load_inventory, analyse
    inventory = load_inventory("inventaris.xlsx")          # or bytes + filename=
    result = analyse(inventory)                            # the JSON of docs/inventaris.md

Stages, each usable on its own: :func:`read_workbook` (bytes → located tables),
:func:`map_inventory` (tables → :class:`Inventory`), :func:`analyse` (inventory → counts).
Errors a user can meet are :class:`RegieError` subclasses with a Dutch message.
"""

from __future__ import annotations

import logging
import os
import warnings

import pandas as pd

# Cells are mixed Python values mapped per distinct value; pandas 3's inferred Arrow strings would
# convert every column back and forth on each map and merge (3× slower on 100k rows, measured in
# bench/). Text stays object dtype in this package. The option is pinned with pandas==3.1.1.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    pd.set_option("future.infer_string", False)
from collections.abc import Iterable, Mapping

from regie.analysis import analyse
from regie.errors import RegieError, UnreadableFileError
from regie.mapping import map_inventory
from regie.model import Inventory, Issue
from regie.reading import read_workbook

# A library logs, the application decides where it goes (the app: the server's log; the CLI: only
# with REGIE_LOG_FILE). Without this, Python would print warnings to a user's terminal.
logging.getLogger("regie").addHandler(logging.NullHandler())

__all__ = [
    "Inventory",
    "Issue",
    "RegieError",
    "UnreadableFileError",
    "analyse",
    "load_inventory",
    "map_inventory",
    "read_workbook",
]


def load_inventory(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    value_mappings: Mapping[str, Mapping[str, str]] | None = None,
    accepted_elements: Mapping[str, Iterable[str]] | None = None,
) -> Inventory:
    """Read and map an inventory file (path or bytes) in one call."""
    return map_inventory(read_workbook(source, filename), value_mappings, accepted_elements)

"""MOVISIE's schemas and the element content as tables, straight from the vocabulary.

The texts are never retyped here: every cell comes from :mod:`regie.vocabulary`, so the app shows
Schema 1, 2 and 3 verbatim and the tests can compare them with the source.
"""

from __future__ import annotations

import pandas as pd

from regie import vocabulary as voc


def schema3_table() -> pd.DataFrame:
    """MOVISIE's Schema 3 (regie en vaardigheden per fase), its headers and rows verbatim."""
    rows = [(p.fase_in_het_proces, p.regie_op, p.vaardigheden) for p in voc.PHASES]
    return pd.DataFrame(rows, columns=list(voc.SCHEMA3_HEADERS))


def schema1_table() -> pd.DataFrame:
    """MOVISIE's Schema 1: one column per kind of municipal task, its tasks underneath."""
    depth = max(len(kind.tasks) for kind in voc.SCHEMA1)
    return pd.DataFrame({
        kind.label: [*kind.tasks, *([""] * (depth - len(kind.tasks)))] for kind in voc.SCHEMA1
    })


def principles_markdown(items: tuple[voc.Principle, ...]) -> str:
    """Named items with their descriptions as a markdown list (static vocabulary text only)."""
    return "\n".join(f"- **{item.name}** — {item.description}" for item in items)

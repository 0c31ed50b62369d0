"""The agreements a werkplaats ends with: wie, wat, welke fase, wanneer (and, if it is about one, the
project), kept in the werkruimte.

MOVISIE's praktijkwerkplaatsen work in "korte, resultaatgerichte sessies": "Een tastbaar resultaat
benoemen, aan de slag" (004, ch. 3). The facilitator records them with the werkplaats' facilitator key;
they belong to the werkruimte and stay when the werkplaats itself is deleted (its title and code are
kept with them). Whoever has access to the werkruimte sees them (the caller checks that access).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from regie import vocabulary as voc
from regie.errors import WerkplaatsError
from regie.formatting import nl_date
from regie.instruments import werkplaats as wp
from regie.storage import engine as db
from regie.storage.schema import afspraken, werkplaatsen, werkruimtes
from regie.storage.store import Store, name_key

MAX_WHO = 200
MAX_WHAT = 2000
MAX_PER_WERKRUIMTE = 500
COLUMNS: tuple[str, ...] = ("Wie", "Wat", "Fase", "Wanneer", "Project", "Werkplaats")
"""The columns of :func:`table`, as the page, the XLSX and the PPTX show them."""


@dataclass(frozen=True)
class Afspraak:
    """One agreement (user text in ``wie``, ``wat``, ``project`` and the title: show it as plain text)."""

    id: int
    wie: str
    wat: str
    fase: str
    wanneer: dt.date
    project: str
    werkplaats_title: str
    werkplaats_code: str


def _clean(text: object, limit: int) -> str:
    return " ".join(str(text or "").split())[:limit]


def add(store: Store, code: str, key: str, *, wie: str, wat: str, fase: str, wanneer: dt.date | None,
        project: str = "") -> Afspraak:
    """Record an agreement of a werkplaats (needs its facilitator key); Dutch WerkplaatsError naming what is
    missing."""
    werkplaats = wp.check_key(store, code, key)
    who, what, about = _clean(wie, MAX_WHO), str(wat or "").strip()[:MAX_WHAT], _clean(project, 500)
    day = wanneer.date() if isinstance(wanneer, dt.datetime) else wanneer
    missing = [label for label, value in (("wie", who), ("wat", what)) if not value]
    if fase not in voc.PHASE_CODES:
        missing.append("welke fase")
    if not isinstance(day, dt.date):
        missing.append("wanneer")
    if missing or not isinstance(day, dt.date):
        raise WerkplaatsError(
            f"Vul bij de afspraak ook {' en '.join(missing)} in: een afspraak zegt wie wat doet, in welke fase "
            "en wanneer."
        )

    def work(conn: Connection) -> int:
        row = conn.execute(sa.select(werkplaatsen.c.id, werkplaatsen.c.werkruimte_id)
                           .where(werkplaatsen.c.code == werkplaats.code)).one()
        count = conn.execute(sa.select(sa.func.count()).select_from(afspraken)
                             .where(afspraken.c.werkruimte_id == row.werkruimte_id)).scalar_one()
        if int(count) >= MAX_PER_WERKRUIMTE:
            raise WerkplaatsError(
                f"Deze werkruimte heeft al {MAX_PER_WERKRUIMTE} afspraken; verwijder afspraken die klaar zijn."
            )
        inserted = conn.execute(afspraken.insert().values(
            werkruimte_id=row.werkruimte_id, werkplaats_code=werkplaats.code,
            werkplaats_title=werkplaats.title[:200], wie=who, wat=what, fase=fase, wanneer=day, project=about,
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        ))
        return int(inserted.inserted_primary_key[0])  # type: ignore[index]

    new_id = db.write(store.engine, work)
    return Afspraak(new_id, who, what, fase, day, about, werkplaats.title, werkplaats.code)


def _afspraak(row: sa.Row) -> Afspraak:
    return Afspraak(int(row.id), row.wie, row.wat, row.fase, row.wanneer, row.project, row.werkplaats_title,
                    row.werkplaats_code)


def _ordered(query: sa.Select) -> sa.Select:
    return query.order_by(afspraken.c.wanneer, afspraken.c.id)


def of_werkplaats(store: Store, code: str, key: str) -> list[Afspraak]:
    """The agreements of one werkplaats (needs its facilitator key), by date."""
    werkplaats = wp.check_key(store, code, key)
    return db.read(store.engine, lambda conn: [_afspraak(r) for r in conn.execute(
        _ordered(sa.select(afspraken).where(afspraken.c.werkplaats_code == werkplaats.code))).all()])


def of_werkruimte(store: Store, werkruimte: str) -> list[Afspraak]:
    """Every agreement kept in a werkruimte (the caller has checked access), by date; [] for an unknown name."""

    def work(conn: Connection) -> list[Afspraak]:
        query = (sa.select(afspraken).join(werkruimtes, werkruimtes.c.id == afspraken.c.werkruimte_id)
                 .where(werkruimtes.c.name_key == name_key(werkruimte)))
        return [_afspraak(r) for r in conn.execute(_ordered(query)).all()]

    return db.read(store.engine, work)


def delete(store: Store, code: str, key: str, afspraak_id: int) -> None:
    """Delete one agreement of a werkplaats (needs its facilitator key)."""
    werkplaats = wp.check_key(store, code, key)

    def work(conn: Connection) -> None:
        conn.execute(afspraken.delete().where(afspraken.c.id == int(afspraak_id),
                                              afspraken.c.werkplaats_code == werkplaats.code))

    db.write(store.engine, work)


def table(items: list[Afspraak]) -> pd.DataFrame:
    """The agreements as a table with the :data:`COLUMNS` (the date the Dutch way)."""
    return pd.DataFrame([
        {"Wie": a.wie, "Wat": a.wat, "Fase": voc.phase_label(a.fase), "Wanneer": nl_date(a.wanneer),
         "Project": a.project or "—", "Werkplaats": a.werkplaats_title}
        for a in items
    ], columns=list(COLUMNS))


__all__ = ["COLUMNS", "Afspraak", "add", "delete", "of_werkplaats", "of_werkruimte", "table"]

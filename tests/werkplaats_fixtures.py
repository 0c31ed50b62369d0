"""A known inventory for the werkplaats tests, and a participant worker that runs in its own process
(multiprocessing with spawn: it must be an importable function)."""

from __future__ import annotations

from typing import Any

from realistic import Sheet, xlsx

HEADER = ["ID", "Projectnaam", "Fase", "Rol visie", "Rol beleid", "Rol uitvoering"]
ROWS: list[list[Any]] = [
    ["P1", "Woonvisie 2030", "Visie; Beleid", "Regisseur", "Opdrachtgever", None],
    ["P2", "Buurtkamer West", "Uitvoering", None, None, "Facilitator"],
    ["P3", "Mantelzorg <b>plan</b>", None, None, None, None],
]
"""P1 in visie (regisseur) and beleid (opdrachtgever); P2 in uitvoering; P3 without phase or role
(and a name with markup, which must stay text)."""


def inventory_xlsx() -> bytes:
    return xlsx([Sheet("Projecten", [HEADER, *ROWS])])


def vote_worker(url: str, code: str, barrier: Any, votes: dict, scan: dict, rounds: int, results: Any) -> None:
    """One participant on their own device (own process, own engine): wait for the others, join, then
    vote and answer ``rounds`` times (each time replacing the earlier votes); report its id."""
    from regie.instruments import werkplaats as wp
    from regie.storage import Store

    store = Store(url)
    try:
        participant = wp.new_participant()
        barrier.wait(timeout=120)
        wp.join(store, code, participant)
        wp.set_perspective(store, code, participant, "bestuur")
        for _ in range(rounds):
            wp.vote(store, code, participant, {(int(i), q): r for (i, q), r in votes.items()})
            wp.answer_scan(store, code, participant, scan)
        results.put(participant)
    finally:
        store.close()

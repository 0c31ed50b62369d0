"""Regie-instrumenten: the tools the source texts give gemeenten to choose their role.

One module per instrument, each the instrument's content as data plus a small evaluator:

* :mod:`regie.instruments.beslisboom` — Kaag en Braassem's situational decision tree (seed 003):
  ``advise(answers)`` for one task, ``advise_inventory(inv)`` over an inventory with answer columns.
* :mod:`regie.instruments.zelfscan` — Louweret's eight questions (seed 002) and Oosterhof's eight
  preparation points (seed 001) as a self-scan: ``score(answers)``.
* :mod:`regie.instruments.positionering` — Pröpper's two angles, MOVISIE's Schema 1 task kinds and
  Kaag en Braassem's four government roles, counted over an inventory.

Pure Python and pandas: the pages in ``pages/`` render them, :mod:`regie.charts.instruments` draws them.
"""

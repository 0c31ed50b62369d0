"""Exports of an inventory and its analysis: PowerPoint (:mod:`.pptx`), HTML (:mod:`.html`),
Excel (:mod:`.xlsx`) and PNG pictures of charts (:mod:`.png`).

Every export takes the inventory as the user sees it (filtered, names hidden when asked) plus the
:class:`~regie.analysis.filters.Filters`, and returns bytes; the presentation order comes from
:mod:`regie.charts.presentation`. User text is made safe on the way out (:mod:`.safe`).
"""

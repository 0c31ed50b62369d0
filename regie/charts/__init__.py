"""Plotly figures from analysis results, one palette and template for all (see :mod:`.theme`).

Every chart function returns a :class:`Chart`: the figure, the same data as a table (for "Toon als
tabel" and the exports), a title and one sentence that says what it shows and where it comes from.
"""

from regie.charts.theme import PALETTE, Chart, titled

__all__ = ["PALETTE", "Chart", "titled"]

"""A PNG picture of a chart, drawn by kaleido (1.x) in the system's Chromium, when there is one.

Kaleido 1.x no longer ships a browser: it drives an installed Chrome/Chromium through choreographer.
:func:`browser_path` finds one (the ``BROWSER_PATH`` environment variable first, then
``/usr/bin/chromium`` and the usual names on ``PATH``); :func:`png_available` says whether pictures can
be made at all, so the UI hides its "PNG" button when they cannot. Everything else in the app works
without it. Kaleido is told not to load MathJax from the internet, and uses the plotly.js that comes
with the plotly package, so it works offline.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
from pathlib import Path

import plotly.graph_objects as go

from regie.charts.theme import Chart

BROWSER_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
DEFAULT_BROWSER = "/usr/bin/chromium"
WIDTH, HEIGHT, SCALE = 1280, 720, 2
"""Default picture size: 16:9 at twice the resolution (sharp on a projector and in a document)."""
TIMEOUT = 60

_log = logging.getLogger(__name__)


def browser_path() -> str | None:
    """The Chrome/Chromium kaleido should use, or None when none is installed."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if Path(configured).is_file() else None
    if Path(DEFAULT_BROWSER).is_file():
        return DEFAULT_BROWSER
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def png_available() -> bool:
    """True when kaleido is installed and a browser is found (cheap: starts nothing)."""
    return importlib.util.find_spec("kaleido") is not None and browser_path() is not None


def figure_png(figure: go.Figure, width: int = WIDTH, height: int = HEIGHT, scale: float = SCALE) -> bytes | None:
    """The figure as PNG bytes, or None when no picture can be made (no kaleido, no browser, error)."""
    path = browser_path()
    if path is None or importlib.util.find_spec("kaleido") is None:
        return None
    import kaleido

    try:
        data = kaleido.calc_fig_sync(
            figure, opts={"format": "png", "width": width, "height": height, "scale": scale},
            kopts={"path": path, "mathjax": False, "timeout": TIMEOUT},
        )
    except Exception:  # a missing or broken browser must never break the page
        _log.warning("PNG van de grafiek kon niet worden gemaakt", exc_info=True)
        return None
    return bytes(data) if data else None


def chart_png(chart: Chart, width: int = WIDTH, height: int | None = None, scale: float = SCALE) -> bytes | None:
    """A :class:`Chart` as PNG (its own height when it sets one), or None when unavailable."""
    own = chart.figure.layout.height
    return figure_png(chart.figure, width, int(own) if height is None and own else (height or HEIGHT), scale)

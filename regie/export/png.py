"""A PNG picture of a chart, drawn by kaleido (1.x) in the system's Chromium, when there is one.

Kaleido 1.x no longer ships a browser: it drives an installed Chrome/Chromium through choreographer.
:func:`browser_path` finds one (the ``BROWSER_PATH`` environment variable first, then
``/usr/bin/chromium`` and the usual names on ``PATH``); :func:`png_available` says whether pictures can
be made at all, so the UI hides its "PNG" button when they cannot. Everything else in the app works
without it. Kaleido is told not to load MathJax from the internet, and uses the plotly.js that comes
with the plotly package, so it works offline.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import importlib.util
import logging
import os
import shutil
import threading
from pathlib import Path
from typing import Any

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


class _Renderer:
    """One Chromium, kept open by kaleido for the whole process and started at the first picture:
    starting it costs about two seconds, so every picture after the first is much faster.

    The browser runs in an event loop of its own thread; each picture is a future of that loop, so
    pictures asked for by several sessions at once never mix. A picture that fails or takes longer
    than :data:`TIMEOUT` closes the browser, and the next picture starts a new one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: tuple[asyncio.AbstractEventLoop, Any] | None = None
        """The browser's event loop and the kaleido browser, while it is open."""
        atexit.register(self.close)

    def _start(self, path: str) -> tuple[asyncio.AbstractEventLoop, Any]:
        import kaleido

        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="kaleido", daemon=True).start()
        browser = kaleido.Kaleido(path=path, mathjax=False, timeout=TIMEOUT)
        try:
            asyncio.run_coroutine_threadsafe(browser.open(), loop).result(timeout=TIMEOUT)
        except BaseException:
            loop.call_soon_threadsafe(loop.stop)
            raise
        return loop, browser

    def render(self, figure: go.Figure, opts: dict[str, Any], path: str) -> bytes:
        with self._lock:
            if self._running is None:
                self._running = self._start(path)
            loop, browser = self._running
        future = asyncio.run_coroutine_threadsafe(browser.calc_fig(figure, opts=opts), loop)
        try:
            return bytes(future.result(timeout=TIMEOUT))
        except BaseException:
            future.cancel()
            self.close()
            raise

    def close(self) -> None:
        """Close the browser (if open) and stop its loop."""
        with self._lock:
            running, self._running = self._running, None
        if running is None:
            return
        loop, browser = running
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(browser.close(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)


_renderer = _Renderer()


def figure_png(figure: go.Figure, width: int = WIDTH, height: int = HEIGHT, scale: float = SCALE) -> bytes | None:
    """The figure as PNG bytes, or None when no picture can be made (no kaleido, no browser, error)."""
    path = browser_path()
    if path is None or importlib.util.find_spec("kaleido") is None:
        return None
    try:
        data = _renderer.render(figure, {"format": "png", "width": width, "height": height, "scale": scale}, path)
    except Exception:  # a missing or broken browser must never break the page
        _log.warning("PNG van de grafiek kon niet worden gemaakt", exc_info=True)
        return None
    return data or None


def chart_png(chart: Chart, width: int = WIDTH, height: int | None = None, scale: float = SCALE) -> bytes | None:
    """A :class:`Chart` as PNG (its own height when it sets one), or None when unavailable."""
    own = chart.figure.layout.height
    return figure_png(chart.figure, width, int(own) if height is None and own else (height or HEIGHT), scale)

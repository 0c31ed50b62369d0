"""Driving the dashboard in a real browser: the Streamlit server, Debian's chromium and waiting for idle.

Used by ``tests/test_browser.py`` and the UI benchmark ``bench/ui.py``; no pytest in here.

Idle detection: Streamlit marks its root element with ``data-test-script-state`` (``running``,
``rerunRequested``, ``notRunning``...). An init script counts every transition back to
``notRunning`` in ``window.__regieRuns``, so a caller can wait for *the run its action started* to
finish instead of seeing the idle state from before the action. "Idle" also means drawn: no
skeleton placeholders left (widgets whose code is still loading show as grey skeletons).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]
VIEWPORT = {"width": 1440, "height": 1000}
HEALTH_TIMEOUT = 60.0
RUN_TIMEOUT_MS = 60_000

IDLE_SCRIPT = """
(() => {
  window.__regieRuns = 0;
  const watch = () => {
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const now = r.target.getAttribute('data-test-script-state');
        if (now === 'notRunning' && r.oldValue !== 'notRunning') window.__regieRuns += 1;
      }
    });
    observer.observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                                attributeFilter: ['data-test-script-state']});
  };
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();
"""

IDLE_NOW = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"], '
                               + '[data-testid="stAppSkeleton"]');
}
"""


class ChromiumMissing(RuntimeError):
    """Debian's chromium is not installed where the tests expect it."""


def require_chromium() -> str:
    """The chromium path, or a clear error saying how to install it."""
    if not Path(CHROMIUM).exists():
        raise ChromiumMissing(
            f"{CHROMIUM} is missing: the browser tests drive Debian's chromium. Install it with "
            "'apt-get install chromium' (.ci/run does this) — the browser tests are not skipped."
        )
    return CHROMIUM


def launch(playwright: Any) -> Any:
    """Chromium through Playwright's Python package (no 'playwright install' needed)."""
    return playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """The app as the container starts it (``python -m regie.ui.serve``, i.e. ``streamlit run app.py``
    with the server's connections switched to TCP_NODELAY) in a subprocess of its own (own process group),
    logged to a file."""

    def __init__(self, port: int | None = None, log_path: Path | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.env = env
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    def start(self, timeout: float = HEALTH_TIMEOUT) -> StreamlitServer:
        command = [sys.executable, "-m", "regie.ui.serve", "--server.port", str(self.port),
                   "--server.headless", "true", "--browser.gatherUsageStats", "false"]
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=self._log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
            env={**os.environ, **self.env} if self.env is not None else None,
        )
        self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode} before it was healthy"
                                   + (f"; see {self.log_path}" if self.log_path else ""))
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    body = answer.read().decode().strip()
                    if body == "ok":
                        return
                    last = body
            except OSError as exc:
                last = str(exc)
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"streamlit did not answer 'ok' on /_stcore/health within {timeout:.0f} s ({last})")

    def kill(self) -> None:
        """Kill the server at once (SIGKILL to its process group), as a crash or an out-of-memory kill does."""
        self.stop(at_once=True)

    def stop(self, at_once: bool = False) -> None:
        """Stop the server: SIGTERM to its process group, SIGKILL after 10 s (or at once)."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # the group of our own child only
                os.killpg(process.pid, signal.SIGKILL if at_once else signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def running_server(**kwargs: Any) -> Iterator[StreamlitServer]:
    server = StreamlitServer(**kwargs).start()
    try:
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------------------------
# Page helpers
# --------------------------------------------------------------------------------------------


def new_page(browser: Any, **context_options: Any) -> Any:
    """A fresh browser context (= a fresh Streamlit session) with the idle counter installed and every
    request it makes recorded (see :func:`foreign_requests`)."""
    options = {"viewport": VIEWPORT, "accept_downloads": True, **context_options}
    context = browser.new_context(**options)
    context.add_init_script(IDLE_SCRIPT)
    record_requests(context)
    page = context.new_page()
    page.set_default_timeout(RUN_TIMEOUT_MS)
    return page


def record_requests(context: Any) -> list[str]:
    """Record the URL of every request of every page of ``context`` (also websockets and service workers)
    in ``context.requested``; returns that list."""
    requested: list[str] = []
    context.requested = requested
    context.on("request", lambda request: requested.append(request.url))
    context.on("page", lambda page: page.on("websocket", lambda ws: requested.append(ws.url)))
    for page in context.pages:
        page.on("websocket", lambda ws: requested.append(ws.url))
    return requested


def foreign_requests(page: Any, base_url: str) -> list[str]:
    """The requests of ``page``'s context to any host other than the app's own (``base_url``); ``data:``
    and ``blob:`` URLs are made in the browser itself and do not leave it."""
    own = urllib.parse.urlsplit(base_url).netloc
    found = []
    for url in getattr(page.context, "requested", None) or []:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if parts.netloc != own:
            found.append(url)
    return found


def runs(page: Any) -> int:
    """How many script runs have finished in this page since it loaded."""
    return int(page.evaluate("() => window.__regieRuns || 0"))


UNSEEN_RUN_MS = 5000


def wait_idle(page: Any, after: int = 0, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Wait until a script run that finished after ``after`` runs has left the app idle.

    A quick run can start and finish within one render of the frontend, so the script-state
    attribute never changes and the run is not counted (seen in 1 of 3 tries going from Presenteren
    to Werkruimtes, same ``stApp`` element): an app that has been idle for ``UNSEEN_RUN_MS`` without
    a counted run counts as settled too.
    """
    page.wait_for_function(
        f"""() => {{
          const idle = ({IDLE_NOW})();
          if (!idle) {{ window.__regieIdleSince = null; return false; }}
          if ((window.__regieRuns || 0) > {after}) return true;
          window.__regieIdleSince = window.__regieIdleSince || performance.now();
          return performance.now() - window.__regieIdleSince > {UNSEEN_RUN_MS};
        }}""",
        timeout=timeout_ms, polling="raf",
    )
    page.evaluate("() => { window.__regieIdleSince = null; }")


def settle(page: Any, after: int, quiet_ms: int = 300, timeout_ms: int = RUN_TIMEOUT_MS) -> float:
    """Wait for idle after run ``after``, then until no further run starts for ``quiet_ms`` (a run can
    chain another: ``st.switch_page``, ``st.rerun``); returns ``perf_counter()`` at the last idle moment.
    """
    deadline = time.perf_counter() + timeout_ms / 1000
    while True:
        wait_idle(page, after, max(1, int((deadline - time.perf_counter()) * 1000)))
        idle_at = time.perf_counter()
        after = runs(page)
        page.wait_for_timeout(quiet_ms)
        if runs(page) == after and page.evaluate(IDLE_NOW):
            return idle_at
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the app did not settle within {timeout_ms / 1000:.0f} s")
        if runs(page) == after:  # busy again without a finished run yet: wait for that run
            after -= 1


def act(page: Any, action: Callable[[], object], timeout_ms: int = RUN_TIMEOUT_MS) -> float:
    """Do ``action`` (a click, a choice...) and wait until the runs it started are done and the app
    stays idle; seconds from the action to the last idle moment."""
    before = runs(page)
    start = time.perf_counter()
    action()
    return settle(page, before, timeout_ms=timeout_ms) - start


def open_url(page: Any, url: str, timeout_ms: int = RUN_TIMEOUT_MS) -> float:
    """Load ``url`` (a new session) and wait until its runs are done; seconds taken."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    return settle(page, 0, quiet_ms=500, timeout_ms=timeout_ms) - start


def nav_link(page: Any, base_url: str, url_path: str) -> Any:
    """The sidebar navigation link of a page (by its URL path; '' is the default page).

    Opens the sidebar first when it is collapsed (Presenteren folds it away), as a user would."""
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.count() and expand.first.is_visible():
        expand.first.click()
    link = page.locator(f'[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"][href="{url_path}"]')
    link.wait_for(state="visible")
    return link


def nav_titles(page: Any) -> list[str]:
    """The page titles in the sidebar navigation, in order (icons left out)."""
    texts = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]').all_inner_texts()
    return [text.strip().splitlines()[-1].strip() for text in texts]


def heading(page: Any) -> str:
    """The page's h1 ('' when there is none, without waiting: call after the app is idle)."""
    found = page.locator('[data-testid="stMain"] h1')
    return found.first.inner_text().strip() if found.count() else ""


def metric_value(page: Any, label: str) -> str:
    """The value of the metric whose label is exactly ``label``."""
    metric = page.locator('[data-testid="stMetric"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=label)
    )
    for index in range(metric.count()):
        item = metric.nth(index)
        if item.locator('[data-testid="stMetricLabel"]').inner_text().strip() == label:
            return item.locator('[data-testid="stMetricValue"]').inner_text().strip()
    raise LookupError(f"no metric labelled {label!r}")


def exception_count(page: Any) -> int:
    return page.locator('[data-testid="stException"]').count()


def exception_texts(page: Any) -> list[str]:
    return page.locator('[data-testid="stException"]').all_inner_texts()


def wait_for_charts(page: Any, at_least: int, timeout_ms: int = 30_000) -> float:
    """Wait until ``at_least`` plotly charts are drawn; seconds taken."""
    start = time.perf_counter()
    if at_least > 0:
        page.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            f".filter(plot => plot.querySelector('.main-svg')).length >= {at_least}",
            timeout=timeout_ms,
        )
    return time.perf_counter() - start


def choose(page: Any, label: str, option: str) -> float:
    """Pick ``option`` in the sidebar multiselect ``label``; seconds until the app is idle again."""
    box = page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label, exact=True)
    # Scroll first: a click that scrolls the sidebar closes the dropdown it opens.
    box.scroll_into_view_if_needed()
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):
        box.click()
        try:
            choice.wait_for(timeout=5_000)
            break
        except Exception:  # the dropdown closed again (a rerun); open it once more
            page.keyboard.press("Escape")
    choice.wait_for()
    seconds = act(page, choice.click)
    page.keyboard.press("Escape")
    return seconds


def clear_filter(page: Any, label: str) -> float:
    """Remove every chosen value of the sidebar multiselect ``label``; seconds until idle."""
    widget = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.get_by_role("combobox", name=label, exact=True))
    clear = widget.get_by_role("button", name="Alles wissen")  # Streamlit's "Clear all", in Dutch (dutch.js)
    if clear.count() == 0:
        clear = widget.locator('[aria-label*="wissen"], [title*="wissen"]').first
    return act(page, clear.click)


def upload(page: Any, name: str, data: bytes) -> float:
    """Upload a file through the (only) file input of the current page; seconds until idle.

    The bytes go through a temporary file: chromium then reads them from disk, where a buffer would
    travel through the DevTools protocol as base64 (30 s for 50 MB)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return act(page, lambda: page.locator('input[type="file"]').set_input_files(str(path)))

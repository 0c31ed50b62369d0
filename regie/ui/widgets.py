"""Shared Streamlit widgets: the sidebar, charts with "Toon als tabel", banners and safe text.

User text is always shown as text (``st.text``, ``st.dataframe``, ``st.metric`` labels we write
ourselves), never as markdown or HTML.
"""

from __future__ import annotations

import functools
import inspect
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from regie import vocabulary as voc
from regie.analysis.filters import DIMENSIONS, options, value_label
from regie.charts.theme import Chart
from regie.errors import RegieError
from regie.formatting import nl_money
from regie.reading import guard
from regie.ui import keys, state

T = TypeVar("T")
log = logging.getLogger(__name__)

EXAMPLE_BANNER = "Voorbeeldgegevens — laad uw eigen inventaris"


def require_router() -> None:
    """Send a deep link that bypassed the router through app.py (call first on every page).

    Streamlit runs a file from pages/ on its own when the first request after a server start is a
    deep link such as /inventaris (its old multipage mode): no sidebar, no filters. Such a run is
    redirected to app.py with the page in the query string (and the link's own parameters, such as a
    werkplaats code, kept); app.py then opens that page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        caller = Path(inspect.stack()[1].filename).stem
        st.switch_page("app.py", query_params={**st.query_params.to_dict(), ROUTER_PAGE_PARAM: caller})


ROUTER_PAGE_PARAM = "pagina"


def example_banner(loaded: state.Loaded) -> None:
    """The banner shown while the example inventory is loaded."""
    if loaded.is_example:
        st.info(EXAMPLE_BANNER, icon="ℹ️")


def navigation(sections: Mapping[str, Sequence[Any]]) -> None:
    """The pages in the sidebar, per section a heading and its page links (plain links under a
    heading: Streamlit's own sectioned list fails WCAG's list rules)."""
    with st.sidebar, st.container(key="regie_navigatie"):
        for title, pages in sections.items():
            st.markdown(f"**{title}**")
            for page in pages:
                st.page_link(page, label=page.title, icon=page.icon or None)


def sidebar(sections: Mapping[str, Sequence[Any]] | None = None) -> None:
    """The shared sidebar: the navigation (from the router), which file is loaded, the filters and
    "Namen verbergen"."""
    if sections:
        navigation(sections)
    current = state.loaded()
    page_style("app.css")
    with st.sidebar:
        st.markdown("**Geladen inventaris**")
        st.text(current.name + (" (voorbeeld)" if current.is_example else ""))
        st.toggle(
            "Namen verbergen", key=keys.HIDE_NAMES,
            help="Vervangt namen van partners en personen door hun soort en een nummer, "
            "voor de beamer of om te delen buiten de organisatie.",
        )
        st.subheader("Filters")
        choices = options(current.inventory)
        for name, label in DIMENSIONS.items():
            key = keys.FILTERS[name]
            available = choices[name]
            if key in st.session_state:  # keep only values this inventory still has
                st.session_state[key] = [v for v in st.session_state[key] if v in available]
            st.multiselect(
                label, available, key=key, format_func=functools.partial(value_label, name),
                placeholder="Alle",
            )
        if state.filters().active:
            st.button("Filters wissen", key=keys.CLEAR_FILTERS, on_click=state.clear_filters)
        interface_in_dutch()


ASSETS = Path(__file__).with_name("assets")
UPLOAD_LIMIT_TEXT = f"Tot {guard.mb(guard.MAX_UPLOAD_BYTES).replace(',0 MB', ' MB')} per bestand"


ASSET_VALUES: dict[str, str] = {"__LIMIT__": UPLOAD_LIMIT_TEXT}
"""Placeholders in the app's own assets and what they become."""


@functools.cache
def asset_html(name: str) -> str:
    """The HTML of one of this app's own assets (:file:`assets/NAME`, a script or a style sheet), as
    the page gets it: constant code of the app, never user text. Read from disk once per process."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    for placeholder, value in ASSET_VALUES.items():
        text = text.replace(placeholder, value)
    return f"<script>{text}</script>" if name.endswith(".js") else f"<style>{text}</style>"


def page_script(name: str) -> None:
    """Run one of this app's scripts (:file:`assets/NAME`) in the page; it requests nothing."""
    st.html(asset_html(name), unsafe_allow_javascript=True)


def page_style(name: str) -> None:
    """Apply one of this app's style sheets (:file:`assets/NAME`) to the page."""
    st.html(asset_html(name))


def interface_in_dutch() -> None:
    """Streamlit's own texts (uploader, multiselect, toolbars, connection dialog) in Dutch: a small
    script of this app (:file:`assets/dutch.js`), run in the page once; it requests nothing."""
    page_script("dutch.js")


def table_switch(key: str) -> bool:
    """The "Toon als tabel" switch of chart ``key``; its position is kept while the user visits
    other pages (a widget's own state goes when its page is left)."""
    kept: dict[str, bool] = st.session_state.setdefault(keys.TABLES_SHOWN, {})
    widget = f"{key}_tabel"
    if widget not in st.session_state:
        st.session_state[widget] = kept.get(key, False)

    def remember() -> None:
        kept[key] = bool(st.session_state.get(widget))

    return bool(st.toggle("Toon als tabel", key=widget, on_change=remember))


def subtitle(view: state.View) -> None:
    """The page's subtitle: the active filter and the file name (user text, shown literally)."""
    st.caption(escape_markdown(view.subtitle))


def show_chart(chart: Chart, key: str, *, height: int | None = None, on_select: bool = False) -> object:
    """A plotly chart with its "Toon als tabel" switch underneath; returns the selection state."""
    if height is not None:
        chart.figure.update_layout(height=height)
    event = st.plotly_chart(
        chart.figure, key=key, on_select="rerun" if on_select else "ignore", theme=None,
        config={"displaylogo": False, "locale": "nl", "displayModeBar": False},
    )
    if chart.source:
        source_note(chart.source)
    if chart.reading:
        reading_note(chart.reading)
    left, right = st.columns([3, 1])
    with left:
        shown = table_switch(key)
    with right:
        from regie.ui.downloads import png_button  # late: downloads imports this module

        png_button(chart, key)
    if shown:
        show_table(chart.table, key=f"{key}_tabeldata")
    return event


PAGE_SIZE = 25
"""Rows per page in long lists of widgets (the mapping review, the suggestions)."""


def paged(rows: pd.DataFrame, key: str, size: int = PAGE_SIZE) -> pd.DataFrame:
    """The rows of the page the user chose (a page chooser with ``key`` appears when there are more
    than ``size``)."""
    pages = max(1, math.ceil(len(rows) / size))
    if pages == 1:
        return rows
    number = st.number_input(f"Pagina (van {pages})", min_value=1, max_value=pages, value=1, step=1, key=key)
    start = (int(number) - 1) * size
    return rows.iloc[start:start + size]


def reading_note(code: str) -> None:
    """The one marker of the app's own readings ("Hulpmiddel van deze app, geen oordeel uit de bron"),
    with what the reading is based on; the same words everywhere it is shown."""
    reading = voc.READINGS[code]
    st.caption(f":material/info: {reading.note}")


def source_note(text: str) -> None:
    """A citation of a seed under what it supports (the app's own text from the vocabulary, never user text)."""
    st.caption(text)


STYLED_CELLS = 20_000
"""Largest table whose amounts are written out in Dutch by pandas' Styler: it renders every cell of
the table (about 12 µs a cell, and it refuses more than 262,144), so 10,000 projects would take five
seconds. A larger table shows its amounts with the browser's own number format."""


def show_table(table: pd.DataFrame | Styler, key: str, *, money: Sequence[str] = (), **kwargs: Any) -> None:
    """A dataframe shown as text (cells are never interpreted), index hidden. The ``money`` columns
    show Dutch amounts (``€ 1.250.000,00``) whatever the browser's language, and still sort as numbers;
    in a table of more than :data:`STYLED_CELLS` cells they are euro amounts in the browser's format."""
    if isinstance(table, Styler):  # styled by its maker (e.g. the Beslisboom's misfits), kept small there
        st.dataframe(table, key=key, hide_index=True, **kwargs)
        return
    present = [column for column in money if column in table.columns]
    if not amounts_in_dutch(table):
        table = _repeated_text_as_categories(table)
    if present and amounts_in_dutch(table):
        styled = table.style.format(_money_cell, subset=present)
        st.dataframe(styled, key=key, hide_index=True, **kwargs)
        return
    if present:
        config = dict(kwargs.pop("column_config", None) or {})
        for column in present:
            given = config.get(column)
            hint = given.get("help") if isinstance(given, dict) else None
            config[column] = st.column_config.NumberColumn(column, help=hint, format="euro")
        kwargs["column_config"] = config
    st.dataframe(table, key=key, hide_index=True, **kwargs)


def amounts_in_dutch(table: pd.DataFrame) -> bool:
    """Whether :func:`show_table` writes the amounts of ``table`` in Dutch (it is small enough)."""
    return table.size <= STYLED_CELLS


def _repeated_text_as_categories(table: pd.DataFrame) -> pd.DataFrame:
    """Text columns whose values repeat (at most one distinct value per two rows) as categories with
    sorted labels: the browser then gets each text once (the Projecten table at 10,000 projects goes
    from 10.5 to 2.6 MB), and sorting still follows the text."""
    result = table
    for column in table.columns:
        values = table[column]
        if values.dtype != object:
            continue
        distinct = pd.unique(values.dropna())
        if not len(distinct) or len(distinct) * 2 > len(values) or not all(type(v) is str for v in distinct):
            continue
        if result is table:
            result = table.copy()
        result[column] = pd.Categorical(values, categories=sorted(distinct))
    return result


def _money_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        return nl_money(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def safe_call(func: Callable[[], T], what: str) -> T | None:
    """Run ``func``; a RegieError or any other error becomes a Dutch message instead of a traceback."""
    try:
        return func()
    except RegieError as exc:
        show_error(str(exc))
    except Exception:  # never a traceback for the user; the maintainer finds it in the server's log
        log.exception("failed: %s", what)
        st.error(
            f"Er ging iets mis bij {what}. Probeer het opnieuw of laad de inventaris opnieuw; blijft "
            "het misgaan, meld het dan bij de beheerder."
        )
    return None


def view_chart(view: state.View, key: str, build: Callable[[], Chart], what: str, *, variant: object = None,
               on_select: bool = False) -> object:
    """The chart ``build()`` makes of ``view``, built once per view and ``variant`` (see
    :func:`state.view_chart`) and shown with :func:`show_chart` under widget ``key``; returns the selection
    state, or None when building or drawing failed (then a Dutch sentence naming ``what`` is shown)."""
    return safe_call(lambda: show_chart(state.view_chart(key, view, build, variant), key=key, on_select=on_select),
                     what)


def show_failure(exc: Exception, what: str) -> None:
    """The Dutch message of a failed action: the error's own sentence for a RegieError, else a general
    sentence (and the traceback goes to the server's log)."""
    if isinstance(exc, RegieError):
        show_error(str(exc))
        return
    log.error("failed: %s", what, exc_info=exc)
    st.error(
        f"Er ging iets mis bij {what}. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder."
    )


def run_page(page: object) -> None:
    """Run the page chosen by the router; an unexpected error ends in a Dutch sentence, not a traceback.

    Streamlit's own control flow (rerun, stop, page switch) is not an ``Exception`` and passes through.
    """
    try:
        page.run()  # type: ignore[attr-defined]
    except RegieError as exc:
        show_error(str(exc))
    except Exception:
        log.exception("page failed")
        st.error(
            "Er ging iets mis op deze pagina. Laad de pagina opnieuw of kies een andere pagina; blijft het "
            "misgaan, meld het dan bij de beheerder."
        )


def configure_logging() -> None:
    """Send the package's log to the server's standard error (for the maintainer, never to a page)."""
    logger = logging.getLogger("regie")
    if any(getattr(h, "regie_server", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.regie_server = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~<>$:=&")


def escape_markdown(text: str) -> str:
    """``text`` with every markdown/HTML character backslash-escaped, so st.error & co. show it literally."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text)).replace("\n", "  \n")


def show_error(message: str) -> None:
    """A Dutch error message that may quote user text (a file or sheet name), shown literally."""
    st.error(escape_markdown(message))


def show_projector_chart(chart: Chart, key: str, *, height: int | Literal["stretch", "content"] = "content",
                         with_table: bool = True) -> None:
    """A chart for the projector (page Presenteren), with "Toon als tabel" unless ``with_table`` is
    off: drawn without Streamlit's chart theme, which would replace the large fonts of
    :func:`regie.charts.presentation.for_projector`."""
    st.plotly_chart(chart.figure, key=key, theme=None, height=height,
                    config={"displaylogo": False, "locale": "nl", "displayModeBar": False})
    if with_table and table_switch(key):
        show_table(chart.table, key=f"{key}_tabeldata")

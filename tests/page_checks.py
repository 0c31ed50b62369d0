"""Small AppTest helpers of the Inventaris and Projecten page tests."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest
from ui_support import workbook

MARKUP_KINDS = (
    "markdown", "caption", "title", "header", "subheader", "info", "success", "warning", "error",
    "expander", "metric", "button", "selectbox", "radio", "text_input", "number_input", "toggle",
    "multiselect", "download_button",
)
"""Elements whose body, label or help Streamlit renders as markdown."""


def frame(at: AppTest, column: str) -> Any:
    """The first dataframe shown with ``column`` (dataframes carry no key in AppTest)."""
    for element in at.dataframe:
        if column in element.value.columns:
            return element.value
    raise AssertionError(f"no dataframe with column {column!r}")


def markup_containing(at: AppTest, needle: str) -> list[str]:
    """Texts rendered as markdown/HTML (bodies, labels, help) that contain ``needle``."""
    found = []
    for kind in MARKUP_KINDS:
        for element in at.get(kind):
            for name in ("body", "label", "help"):
                text = getattr(element.proto, name, "")
                if isinstance(text, str) and needle in text:
                    found.append(f"{kind}.{name}: {text}")
    return found


def texts(at: AppTest) -> list[str]:
    """Everything shown with st.text (literal)."""
    return [t.value for t in at.text]


def messy_xlsx() -> bytes:
    """Unknown values in every reviewable field, a rejected row, and projects without an element.

    * fase: ``afronding`` (P1, with visie) and ``Afronding`` (P2, alone) — one review row, count 2;
    * element: ``Visie`` (P3, not an element code);
    * rol: ``Presterende overheid`` (P4, fits two roles);
    * partnertype: ``Stichtingen`` (partner "Stichting Anker");
    * P5 and P6 have no element; their names suggest one (``netwerk`` → B, ``pilot`` → D);
    * row 8 has no project name (rejected).
    """
    return workbook({
        "Projecten": [
            ["ID", "Projectnaam", "Fase", "Rol", "Element", "Domein"],
            ["P1", "Woonvisie Noord", "visie; afronding", "Regisseur", "A", "wonen"],
            ["P2", "Buurtkamer Zuid", "Afronding", "Facilitator", "B", "welzijn"],
            ["P3", "Wmo-beleidsplan", "Beleid", "Zelf doen", "Visie", "zorg"],
            ["P4", "Inkoop hulpmiddelen", "Uitvoering", "Presterende overheid", "C", "zorg"],
            ["P5", "Netwerk mantelzorg", "Uitvoering", "Partner", None, "zorg"],
            ["P6", "Pilot valpreventie", "Beleid", "Regisseur", None, "zorg"],
            ["P7", None, "Visie", "Regisseur", "A", "wonen"],
        ],
        "Partners": [["Naam", "Type"], ["Stichting Anker", "Stichtingen"], ["Woonstad", "Woningcorporatie"]],
        "Betrokkenheid": [["Project ID", "Partner"], ["P1", "Stichting Anker"], ["P2", "Woonstad"]],
    })

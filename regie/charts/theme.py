"""The one colour-blind-safe palette and plotly template of the app, declared once.

Okabe & Ito's palette (safe for the common colour-vision deficiencies); every chart also puts its
numbers on bars and cells, so colour never carries meaning alone. Dutch separators (``1.234,5``).
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from regie import vocabulary as voc

PALETTE: dict[str, str] = {
    "blauw": "#0072B2",
    "hemelsblauw": "#56B4E9",
    "groen": "#009E73",
    "oranje": "#E69F00",
    "roodpaars": "#CC79A7",
    "vermiljoen": "#D55E00",
    "geel": "#F0E442",
    "zwart": "#000000",
    "grijs": "#8C8C8C",
}
"""Okabe–Ito colours by Dutch name."""

SEQUENCE: tuple[str, ...] = (
    PALETTE["blauw"], PALETTE["oranje"], PALETTE["groen"], PALETTE["roodpaars"],
    PALETTE["hemelsblauw"], PALETTE["vermiljoen"], PALETTE["geel"], PALETTE["zwart"],
)
"""Default order of colours for categories without a fixed colour."""

UNKNOWN_COLOUR = PALETTE["grijs"]

def styled(codes: tuple[str, ...], styles: tuple[str, ...], unknown: str, unknown_style: str) -> dict[str, str]:
    """Code → style, in the vocabulary's order (a vocabulary is never listed twice), plus its unknown."""
    return dict(zip(codes, styles, strict=True)) | {unknown: unknown_style}


PHASE_COLOURS: dict[str, str] = styled(
    voc.PHASE_CODES, (PALETTE["hemelsblauw"], PALETTE["blauw"], PALETTE["groen"]), voc.UNKNOWN, UNKNOWN_COLOUR,
)
ELEMENT_COLOURS: dict[str, str] = styled(
    voc.ELEMENT_CODES, (PALETTE["blauw"], PALETTE["oranje"], PALETTE["groen"], PALETTE["roodpaars"]),
    voc.UNDETERMINED, UNKNOWN_COLOUR,
)
ROLE_COLOURS: dict[str, str] = styled(
    voc.ROLE_CODES,
    (PALETTE["blauw"], PALETTE["hemelsblauw"], PALETTE["groen"], PALETTE["oranje"], PALETTE["roodpaars"],
     PALETTE["vermiljoen"]),
    voc.UNKNOWN, UNKNOWN_COLOUR,
)
PARTNER_TYPE_COLOURS: dict[str, str] = {
    c.code: SEQUENCE[i % len(SEQUENCE)] for i, c in enumerate(voc.PARTNER_TYPES)
} | {voc.UNKNOWN: UNKNOWN_COLOUR}
ROLE_PATTERNS: dict[str, str] = styled(voc.ROLE_CODES, ("", "/", "", "x", ".", "-"), voc.UNKNOWN, "\\")
"""Bar fill patterns per role, so roles are told apart without colour (with the labels)."""
ELEMENT_PATTERNS: dict[str, str] = styled(voc.ELEMENT_CODES, ("", "/", "x", "."), voc.UNDETERMINED, "\\")
ANSWER_COLOURS: dict[str, str] = dict(zip(
    voc.ANSWER_CODES, (PALETTE["groen"], PALETTE["oranje"], PALETTE["vermiljoen"]), strict=True,
))
ANSWER_PATTERNS: dict[str, str] = dict(zip(voc.ANSWER_CODES, ("", "/", "x"), strict=True))
"""Ja / deels / nee (decision tree, zelfscan, werkplaats)."""
MARKER_SYMBOLS: tuple[str, ...] = (
    "circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon",
    "triangle-down", "pentagon", "star-square", "hourglass", "bowtie", "octagon", "circle-open",
)
"""Marker shapes that go with the colours, so types are told apart without colour."""

SEQUENTIAL: list[list[object]] = [[0.0, "#F2F7FB"], [0.5, "#6BAED6"], [1.0, "#08306B"]]
"""Single-hue blue scale for heatmaps (readable in greyscale too)."""

FONT_SIZE = 16
TEMPLATE_NAME = "regie"

_template = go.layout.Template(
    layout=go.Layout(
        font={"family": "Source Sans Pro, Arial, sans-serif", "size": FONT_SIZE, "color": "#1A1A1A"},
        title={"font": {"size": FONT_SIZE + 6}, "x": 0, "xanchor": "left"},
        colorway=list(SEQUENCE),
        separators=",.",
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        xaxis={"gridcolor": "#E5E5E5", "zerolinecolor": "#BDBDBD", "automargin": True},
        yaxis={"gridcolor": "#E5E5E5", "zerolinecolor": "#BDBDBD", "automargin": True},
        legend={"font": {"size": FONT_SIZE}, "orientation": "h", "yanchor": "top", "y": -0.22,
                "traceorder": "normal",
                "x": 0, "xanchor": "left"},
        margin={"l": 10, "r": 10, "t": 90, "b": 40},
        uniformtext={"minsize": FONT_SIZE, "mode": "hide"},
        hoverlabel={"font": {"size": FONT_SIZE}},
    )
)
pio.templates[TEMPLATE_NAME] = _template


@dataclass
class Chart:
    """A figure with its data as a table, a title and one sentence of explanation."""

    figure: go.Figure
    table: pd.DataFrame
    title: str
    description: str
    notes: str = ""
    """Definition for speaker notes and exports ("telt projecten per fase; ...")."""
    extra: dict[str, object] = field(default_factory=dict)
    reading: str | None = None
    """The app's own reading this chart shows (a key of ``vocabulary.READINGS``), or None."""
    source: str = ""
    """What the chart takes from a seed, cited (``Bron: MOVISIE (2010) …, Schema 3``)."""

    def __post_init__(self) -> None:
        legible(self.figure)  # every consumer (page, PNG, HTML report) gets legible numbers

    @property
    def marker(self) -> str:
        """The "hulpmiddel van deze app" note when the chart shows one of the app's own readings."""
        return voc.READINGS[self.reading].note if self.reading else ""

    @functools.cached_property
    def fingerprint(self) -> str:
        """What the chart shows, as one short text (its title and table; computed once): the key of
        the files made of it, so the same chart is not made into a picture twice."""
        return hashlib.sha256(f"{self.title}\0{self.table.to_csv()}".encode()).hexdigest()

    @property
    def provenance(self) -> str:
        """Where the chart comes from: its source and, when it applies, the app's marker (one text)."""
        return " ".join(part for part in (self.source, self.marker) if part)


TEXT_DARK = "#1A1A1A"


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.1) of a ``#RRGGBB`` colour."""
    channels = []
    for i in (0, 2, 4):
        c = int(hex_colour.lstrip("#")[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink(hex_colour: str) -> str:
    """White or near-black text, whichever contrasts more with a bar of this colour (WCAG 2.1)."""
    light = luminance(hex_colour)
    on_white = 1.05 / (light + 0.05)
    on_dark = (light + 0.05) / (luminance(TEXT_DARK) + 0.05)
    return "#FFFFFF" if on_white > on_dark else TEXT_DARK


def titled(fig: go.Figure, title: str, subtitle: str) -> go.Figure:
    """Apply the template, a title and a subtitle (the active filter) to a figure."""
    fig.update_layout(
        template=TEMPLATE_NAME,
        title={
            "text": f"{_escape(title)}<br><span style='font-size:{FONT_SIZE}px;color:#4A4A4A'>"
            f"{_escape(subtitle)}</span>",
        },
    )
    return fig


PATTERN_OPACITY = 0.3
"""Opacity of a bar's pattern: enough to tell the series apart without colour, little enough to
keep the number on the bar legible."""


def legible(fig: go.Figure) -> go.Figure:
    """Numbers on patterned bars stay legible: the pattern is made faint, the number bold and at
    least :data:`FONT_SIZE`. Every :class:`Chart` applies it to its figure; returns it."""
    for trace in fig.data:
        if getattr(trace, "type", "") != "bar":
            continue
        pattern = trace.marker.pattern if trace.marker is not None else None
        if pattern is not None and pattern.shape:
            pattern.fgopacity = min(pattern.fgopacity if pattern.fgopacity is not None else 1.0, PATTERN_OPACITY)
        size = trace.textfont.size if trace.textfont is not None and trace.textfont.size else FONT_SIZE
        trace.textfont.size = max(size, FONT_SIZE)
        trace.textfont.weight = "bold"
    return fig


def wrap_label(text: str, width: int = 14) -> str:
    """A long axis label on lines of about ``width`` characters (plotly's ``<br>``), so that labels
    do not overlap on a narrow screen. The text must already be safe (:func:`safe_label`)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _escape(text: str) -> str:
    """Plotly renders a small HTML subset in titles and labels: user text must stay text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_label(text: object) -> str:
    """A label from user data, safe for plotly's HTML-ish text rendering."""
    return _escape("" if text is None else str(text))


def count_ticks(top: float) -> dict[str, object]:
    """Axis settings for counts: whole-number ticks (no ``0,5 project``) when the largest count is small."""
    if top <= 5:
        return {"tick0": 0, "dtick": 1, "tickformat": "d"}
    return {"tickformat": ",d"}

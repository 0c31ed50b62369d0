"""Every session-state key the app's helpers use, declared in one place.

Pages own the keys of their own widgets (each widget has an explicit ``key`` on its page); the keys
here are shared between pages and helpers. A key is a plain string in ``st.session_state``.
"""

from __future__ import annotations

from typing import Final

from regie.analysis.filters import DIMENSIONS

UPLOAD: Final = "regie_upload"
"""{"name", "data", "sha256"} of the uploaded file; absent while the example is shown."""
MAPPINGS: Final = "regie_mappings"
"""The user's value mappings: {"fase": {"afronding": "uitvoering"}, ...}."""
ACCEPTED: Final = "regie_accepted"
"""Accepted element suggestions: {project key: [element codes]}."""
DISMISSED: Final = "regie_dismissed"
"""Rejected element suggestions: set of (project key, element code)."""
LOAD_ERROR: Final = "regie_load_error"
"""The Dutch message of the last failed upload, shown once."""
UPLOAD_ROUND: Final = "regie_upload_round"
"""Counter in the upload widget's key: raising it empties the widget after a file was handled."""
MEMO: Final = "regie_memo"
"""The session's bounded memo (:mod:`regie.ui.memo`)."""
SEEN_SELECTIONS: Final = "regie_seen_selections"
"""Per chart key, the last selection a page has acted on (so a click applies once)."""
INSTRUMENT_ANSWERS: Final = "regie_instrument_answers"
"""Answers given in the regie-instrumenten: {instrument: {widget key: value}}."""
FLASH: Final = "regie_flash"
"""{page: [(kind, text)]}: messages to show once on the page's next run."""
WERKRUIMTE: Final = "regie_werkruimte"
"""The name of this session's active werkruimte (absent: none)."""
SNAPSHOT: Final = "regie_snapshot"
"""{"werkruimte", "label", "sha256"} of the snapshot loaded into this session (absent: none)."""
ACCESS: Final = "regie_toegang"
"""Ids of the werkruimtes this session opened with their key (a set; see regie.storage.access.Access)."""
NEW_KEY: Final = "regie_nieuwe_sleutel"
"""{"werkruimte", "key"}: a werkruimte key just made, shown once on the next run and then forgotten."""
SESSION_ID: Final = "regie_sessie"
"""A random id of this session, for the rate limit on keys and codes."""
WERKRUIMTE_NOTICE: Final = "regie_werkruimte_notice"
"""A Dutch message about the werkruimte's value mappings (applied, or not stored), shown once."""
WERKPLAATS: Final = "regie_werkplaats"
"""{"code", "key"} of the werkplaats this session facilitates (absent: none)."""
PARTICIPANT: Final = "regie_werkplaats_deelnemer"
"""{join code: anonymous participant id} of this session."""
PARTICIPATING: Final = "regie_werkplaats_meedoen"
"""The join code of the werkplaats this session takes part in: the app then shows only the vote."""
JOINED: Final = "regie_werkplaats_aangemeld"
"""Join codes this session has registered as participant in."""

PRESENT_STEP: Final = "regie_presenteren_stap"
"""The view the page Presenteren shows (kept while the user is on other pages)."""
PRESENTING: Final = "regie_presentatiemodus"
"""True while the page Presenteren is in presentation mode (kept while the user is on other pages)."""

TABLES_SHOWN: Final = "regie_tabellen"
"""{chart key: True} for the charts whose "Toon als tabel" is on (kept across pages)."""

HIDE_NAMES: Final = "namen_verbergen"
"""Widget key of the sidebar switch "Namen verbergen"."""
FILTERS: Final[dict[str, str]] = {name: f"filter_{name}" for name in DIMENSIONS}
"""Widget keys of the sidebar filters."""
CLEAR_FILTERS: Final = "filters_wissen"
"""Widget key of the sidebar button "Filters wissen"."""

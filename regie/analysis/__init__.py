"""Analysis: an :class:`~regie.model.Inventory` → counts, roles, partners, network, skills, comparisons.

:mod:`.counts` holds the aggregates of docs/inventaris.md (re-exported here: ``analysis.phase_counts``);
:mod:`.filters` and :mod:`.privacy` give the view a page or export works on; :mod:`.roles`,
:mod:`.paths`, :mod:`.partners`, :mod:`.network`, :mod:`.skills`, :mod:`.elements`, :mod:`.cells` and
:mod:`.compare` the views built on them.
"""

from regie.analysis.counts import (
    ELEMENT_KEYS,
    PHASE_KEYS,
    ROLE_KEYS,
    analyse,
    element_counts,
    issue_counts,
    missing_information,
    named_role_share,
    phase_counts,
    phase_element_counts,
    role_counts,
    rows_rejected,
    team_count,
)
from regie.analysis.skills import demand_per_phase, skill_demand, skill_load, skill_supply, unknown_role_demand

__all__ = [
    "ELEMENT_KEYS",
    "PHASE_KEYS",
    "ROLE_KEYS",
    "analyse",
    "demand_per_phase",
    "element_counts",
    "issue_counts",
    "missing_information",
    "named_role_share",
    "phase_counts",
    "phase_element_counts",
    "role_counts",
    "rows_rejected",
    "skill_demand",
    "skill_load",
    "skill_supply",
    "team_count",
    "unknown_role_demand",
]

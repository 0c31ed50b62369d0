"""Role paths: the municipality's role per project across visie → beleid → uitvoering.

MOVISIE asks the gemeente to name its own role in every phase (element C). A project has a *role
path* when the inventory names its role for at least two phases separately. A role counts as named
per phase when it is

* level 1 in ``Inventory.roles``: a per-phase role column (``Rol visie``), a ``visie: regisseur``
  pair in the rol cell, or a role written in a phase mark cell; or
* level 2 from a row that names exactly one phase (the long format: one row per project and phase,
  each with its role).

A role given once for the whole project (the rol column at all of the project's phases) is not a
per-phase role: it would only repeat one role along the path. A project with several per-phase
roles in one phase shows them together as one step ("Regisseur + Samenwerkingspartner").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd

from regie import vocabulary as voc
from regie.model import Inventory

ROLE_ORDER: dict[str, int] = {code: i for i, code in enumerate((*voc.ROLE_CODES, voc.UNKNOWN))}
PHASE_ORDER: dict[str, int] = {code: i for i, code in enumerate(voc.PHASE_CODES)}
STEP_SEPARATOR = " → "
ROLE_JOINER = "+"
"""Joins the codes of several roles in one phase (``regisseur+partner``)."""

PATH_COLUMNS: tuple[str, ...] = ("pad", "projecten", "aandeel", *voc.PHASE_CODES)
LINK_COLUMNS: tuple[str, ...] = ("bron_fase", "bron_rol", "doel_fase", "doel_rol", "projecten")


def step_label(role: str) -> str:
    """Dutch label of a step's role code, several roles joined: ``Regisseur + Facilitator``."""
    return " + ".join(voc.role_label(code) for code in role.split(ROLE_JOINER))


def node_label(phase: str, role: str) -> str:
    """Label of a (phase, role) step: ``Visie: Regisseur``."""
    return f"{voc.phase_label(phase)}: {step_label(role)}"


def per_phase_roles(inv: Inventory) -> pd.DataFrame:
    """The roles named per phase (``project``, ``phase``, ``role``), one row per role."""
    roles = inv.roles
    if not len(roles):
        return pd.DataFrame({"project": [], "phase": [], "role": []}, dtype=object)
    explicit = roles["level"] == 1
    row_role = roles["level"] == 2
    if row_role.any():
        phases = inv.phases[["project", "sheet", "row", "phase"]].drop_duplicates()
        per_row = phases.groupby(["project", "sheet", "row"], sort=False)["phase"].nunique()
        keys = pd.MultiIndex.from_frame(roles[["project", "sheet", "row"]])
        single = per_row.reindex(keys).fillna(0).to_numpy() == 1
        explicit = explicit | (row_role & single)
    chosen = roles.loc[explicit & roles["phase"].isin(voc.PHASE_CODES), ["project", "phase", "role"]]
    return chosen.drop_duplicates().reset_index(drop=True)


def _steps(inv: Inventory) -> pd.DataFrame:
    """One row per (project, phase) with a per-phase role: the step's role code (joined if several)."""
    roles = per_phase_roles(inv)
    if not len(roles):
        return pd.DataFrame({"project": [], "phase": [], "role": []}, dtype=object)
    several = roles.duplicated(["project", "phase"], keep=False)
    single = roles.loc[~several, ["project", "phase", "role"]]
    if not several.any():
        return single.reset_index(drop=True)
    multi = roles[several]
    multi = multi.assign(_r=multi["role"].map(ROLE_ORDER).fillna(len(ROLE_ORDER)))
    multi = multi.sort_values(["project", "phase", "_r"], kind="stable")
    joined = multi.groupby(["project", "phase"], sort=False)["role"].agg(ROLE_JOINER.join).reset_index()
    return pd.concat([single, joined], ignore_index=True)


def project_paths(inv: Inventory) -> pd.DataFrame:
    """Per project with a role path: ``project``, ``naam``, one column per phase (the step's role
    code or None) and ``pad`` (the path as Dutch text), in the order of the projects table."""
    steps = _steps(inv)
    columns = ["project", "naam", *voc.PHASE_CODES, "pad"]
    if not len(steps):
        return pd.DataFrame({c: [] for c in columns}, dtype=object)
    wide = steps.pivot(index="project", columns="phase", values="role")
    wide = wide.reindex(columns=list(voc.PHASE_CODES))
    wide = wide[wide.notna().sum(axis=1) >= 2]
    order = inv.projects[["project", "naam"]]
    frame = order.merge(wide.reset_index(), on="project", how="inner")
    frame = frame.astype(object).where(frame.notna(), None)
    frame["pad"] = [
        STEP_SEPARATOR.join(node_label(p, r) for p, r in zip(voc.PHASE_CODES, row, strict=True) if r)
        for row in frame[list(voc.PHASE_CODES)].itertuples(index=False, name=None)
    ]
    return frame[columns].reset_index(drop=True)


def role_paths(inv: Inventory) -> pd.DataFrame:
    """The distinct role paths with how many projects follow them, most frequent first.

    Columns: ``pad`` (Dutch text), ``projecten``, ``aandeel`` (share of the projects with a path),
    and one column per phase with the step's role code (None where the path skips the phase).
    """
    paths = project_paths(inv)
    if not len(paths):
        return pd.DataFrame({c: [] for c in PATH_COLUMNS}, dtype=object).astype(
            {"projecten": int, "aandeel": float}
        )
    keys = list(voc.PHASE_CODES)
    filled = paths.assign(**{p: paths[p].fillna("") for p in keys})
    counts = filled.groupby(["pad", *keys], sort=False).size().rename("projecten").reset_index()
    counts["aandeel"] = counts["projecten"] / len(paths)
    counts = counts.sort_values(["projecten", "pad"], ascending=[False, True], kind="stable")
    for p in keys:
        counts[p] = counts[p].where(counts[p] != "", None)
    return counts[list(PATH_COLUMNS)].reset_index(drop=True)


def path_links(inv: Inventory) -> pd.DataFrame:
    """Links between consecutive steps of the paths (a path that skips beleid links visie to
    uitvoering): ``bron_fase``, ``bron_rol``, ``doel_fase``, ``doel_rol``, ``projecten``."""
    return links_of(project_paths(inv))


def links_of(paths: pd.DataFrame) -> pd.DataFrame:
    """:func:`path_links` of a :func:`project_paths` frame (so a caller computes the paths once)."""
    rows: list[tuple[str, str, str, str]] = []
    for values in paths[list(voc.PHASE_CODES)].itertuples(index=False, name=None):
        steps = [(p, r) for p, r in zip(voc.PHASE_CODES, values, strict=True) if r]
        rows.extend((a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(steps))
    if not rows:
        return pd.DataFrame({c: [] for c in LINK_COLUMNS}, dtype=object).astype({"projecten": int})
    frame = pd.DataFrame(rows, columns=list(LINK_COLUMNS[:4]))
    links = frame.groupby(list(LINK_COLUMNS[:4]), sort=False).size().rename("projecten").reset_index()
    links = links.assign(
        _a=links["bron_fase"].map(PHASE_ORDER), _b=links["doel_fase"].map(PHASE_ORDER),
    ).sort_values(["_a", "_b", "projecten"], ascending=[True, True, False], kind="stable")
    return links[list(LINK_COLUMNS)].reset_index(drop=True)


@dataclass(frozen=True)
class PathSummary:
    """How the projects divide over role paths (the numbers the page explains)."""

    projects: int
    """All projects."""
    with_path: int
    """Projects with a per-phase role in at least two phases."""
    one_phase: int
    """Projects with a per-phase role in exactly one phase."""
    project_role_only: int
    """Projects with a role, but only for the whole project (no per-phase role)."""
    without_role: int
    """Projects without any named role."""


def path_summary(inv: Inventory) -> PathSummary:
    """Count projects by how far their roles are named per phase."""
    steps = _steps(inv)
    phases_named = steps.groupby("project")["phase"].nunique() if len(steps) else pd.Series(dtype=int)
    keys = inv.projects["project"]
    named = phases_named.reindex(keys).fillna(0).to_numpy()
    stated = inv.roles.loc[inv.roles["level"] <= 3, "project"]
    has_role = keys.isin(stated).to_numpy()
    with_path = int((named >= 2).sum())
    one_phase = int((named == 1).sum())
    project_only = int(((named == 0) & has_role).sum())
    return PathSummary(
        projects=len(keys), with_path=with_path, one_phase=one_phase,
        project_role_only=project_only, without_role=len(keys) - with_path - one_phase - project_only,
    )

"""Compare two inventories (two snapshots of a werkruimte, "voor" and "na").

:func:`compare` gives the numbers per phase, per element and per phase and role side by side with
their difference (b − a), and which projects were added, removed or changed. Projects are matched
by their id when both have a real id (not a generated one), else by normalised name; a matched
project is changed when its phases, elements or its role in some phase differ (or, matched by id,
its name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from regie import vocabulary as voc
from regie.analysis import ELEMENT_KEYS, PHASE_KEYS, ROLE_KEYS, analyse
from regie.model import Inventory
from regie.normalise import cell_text, norm

COUNT_KEYS: tuple[str, ...] = ("projects", "partners", "involvements", "team")
COUNT_LABELS: dict[str, str] = {
    "projects": "Projecten", "partners": "Partners", "involvements": "Betrokkenheden", "team": "Teamleden",
}

_PHASE_ORDER = {p: i for i, p in enumerate(PHASE_KEYS)}
_ELEMENT_ORDER = {e: i for i, e in enumerate(ELEMENT_KEYS)}
_ROLE_ORDER = {r: i for i, r in enumerate(ROLE_KEYS)}


@dataclass(frozen=True)
class ProjectChange:
    """A project present in both inventories whose phases, elements, roles or name differ."""

    name: str
    """The name in b (the later inventory)."""
    id: str | None
    """The project's own id (None when it has none, or only a generated one)."""
    changes: dict[str, Any]
    """``{"fase": {"a": [...], "b": [...]}, "element": {...}, "rol": {phase: {"a": [...], "b": [...]}},
    "naam": {"a": ..., "b": ...}}`` — only what changed."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"name": self.name, "id": self.id, "changes": self.changes}


@dataclass
class Comparison:
    """Two inventories side by side."""

    a: dict[str, Any]
    """The analysis of a (docs/inventaris.md JSON)."""
    b: dict[str, Any]
    added: list[str] = field(default_factory=list)
    """Names of projects only in b."""
    removed: list[str] = field(default_factory=list)
    """Names of projects only in a."""
    changed: list[ProjectChange] = field(default_factory=list)
    unchanged: int = 0
    """Projects in both without a change."""
    label_a: str = "a"
    """What a is (a snapshot label), for titles."""
    label_b: str = "b"

    def counts(self) -> pd.DataFrame:
        """Projects, partners, koppelingen, teamleden: ``wat``, ``naam``, ``a``, ``b``, ``verschil``."""
        return _side_by_side(
            [(k, COUNT_LABELS[k]) for k in COUNT_KEYS], self.a["counts"], self.b["counts"], "wat"
        )

    def count_of(self, key: str) -> dict[str, int]:
        """One of :data:`COUNT_KEYS`: ``a``, ``b`` and ``verschil``."""
        a, b = int(self.a["counts"].get(key, 0)), int(self.b["counts"].get(key, 0))
        return {"a": a, "b": b, "verschil": b - a}

    def phases(self) -> pd.DataFrame:
        """Projects per phase: ``fase``, ``naam``, ``a``, ``b``, ``verschil``."""
        return _side_by_side([(p, voc.phase_label(p)) for p in PHASE_KEYS], self.a["phases"], self.b["phases"], "fase")

    def elements(self) -> pd.DataFrame:
        """Projects per element: ``element``, ``naam``, ``a``, ``b``, ``verschil``."""
        return _side_by_side(
            [(e, voc.element_label(e)) for e in ELEMENT_KEYS], self.a["elements"], self.b["elements"], "element"
        )

    def roles(self) -> pd.DataFrame:
        """Per phase and role: ``fase``, ``fase_naam``, ``rol``, ``rol_naam``, ``a``, ``b``, ``verschil``."""
        rows = []
        for phase in voc.PHASE_CODES:
            for role in ROLE_KEYS:
                a = int(self.a["roles"][phase][role])
                b = int(self.b["roles"][phase][role])
                rows.append({
                    "fase": phase, "fase_naam": voc.phase_label(phase), "rol": role,
                    "rol_naam": voc.role_label(role), "a": a, "b": b, "verschil": b - a,
                })
        return pd.DataFrame(rows, columns=["fase", "fase_naam", "rol", "rol_naam", "a", "b", "verschil"])

    def differences(self) -> dict[str, Any]:
        """The numbers side by side as JSON: counts, phases, elements, roles (per phase)."""

        def pairs(frame: pd.DataFrame, key: str) -> dict[str, dict[str, int]]:
            return {r[key]: {"a": int(r["a"]), "b": int(r["b"]), "verschil": int(r["verschil"])}
                    for r in frame.to_dict("records")}

        roles: dict[str, dict[str, dict[str, int]]] = {}
        for r in self.roles().to_dict("records"):
            roles.setdefault(r["fase"], {})[r["rol"]] = {
                "a": int(r["a"]), "b": int(r["b"]), "verschil": int(r["verschil"])
            }
        return {
            "counts": pairs(self.counts(), "wat"),
            "phases": pairs(self.phases(), "fase"),
            "elements": pairs(self.elements(), "element"),
            "roles": roles,
        }

    def changes_table(self) -> pd.DataFrame:
        """Changed projects, one row per change: ``project``, ``wat``, ``a``, ``b`` (Dutch text)."""
        rows = []
        for change in self.changed:
            for what, value in change.changes.items():
                if what == "rol":
                    for phase, pair in value.items():
                        rows.append({"project": change.name, "wat": f"rol {voc.phase_label(phase).lower()}",
                                     "a": _listed(pair["a"], voc.role_label), "b": _listed(pair["b"], voc.role_label)})
                elif what == "fase":
                    rows.append({"project": change.name, "wat": "fase",
                                 "a": _listed(value["a"], voc.phase_label), "b": _listed(value["b"], voc.phase_label)})
                elif what == "element":
                    rows.append({"project": change.name, "wat": "element",
                                 "a": _listed(value["a"], voc.element_label),
                                 "b": _listed(value["b"], voc.element_label)})
                else:
                    rows.append({"project": change.name, "wat": what, "a": str(value["a"]), "b": str(value["b"])})
        return pd.DataFrame(rows, columns=["project", "wat", "a", "b"])

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``python -m regie werkruimte vergelijk --json``)."""
        return {
            "label_a": self.label_a,
            "label_b": self.label_b,
            "a": self.a,
            "b": self.b,
            "projects_added": list(self.added),
            "projects_removed": list(self.removed),
            "projects_changed": [c.to_dict() for c in self.changed],
            "projects_unchanged": self.unchanged,
            "differences": self.differences(),
        }


def _listed(codes: list[str], label: Any) -> str:
    return ", ".join(label(c) for c in codes) if codes else "—"


def _side_by_side(keys: list[tuple[str, str]], a: dict[str, int], b: dict[str, int], name: str) -> pd.DataFrame:
    rows = [
        {name: key, "naam": label, "a": int(a.get(key, 0)), "b": int(b.get(key, 0)),
         "verschil": int(b.get(key, 0)) - int(a.get(key, 0))}
        for key, label in keys
    ]
    return pd.DataFrame(rows, columns=[name, "naam", "a", "b", "verschil"])


@dataclass(frozen=True)
class _Project:
    key: str
    id: str | None
    id_key: str | None
    name: str
    name_key: str
    phases: tuple[str, ...]
    elements: tuple[str, ...]
    roles: dict[str, tuple[str, ...]]


def _projects(inv: Inventory) -> list[_Project]:
    """Per project: own id (if any), name, phases, elements and roles per phase, in a fixed order."""
    phases = _grouped(inv.phases, "phase", _PHASE_ORDER)
    elements = _grouped(inv.elements, "element", _ELEMENT_ORDER)
    roles: dict[str, dict[str, tuple[str, ...]]] = {}
    frame = inv.roles[["project", "phase", "role"]].drop_duplicates()
    for (project, phase), group in frame.groupby(["project", "phase"], sort=False):
        roles.setdefault(project, {})[phase] = tuple(sorted(set(group["role"]), key=lambda r: _ROLE_ORDER.get(r, 99)))
    result = []
    for row in inv.projects[["project", "id", "id_generated", "naam"]].itertuples(index=False):
        own_id = None if bool(row.id_generated) or row.id is None else cell_text(row.id).strip() or None
        name = cell_text(row.naam).strip() if row.naam is not None else ""
        result.append(_Project(
            row.project, own_id, norm(own_id) if own_id else None, name, norm(name),
            phases.get(row.project, ()), elements.get(row.project, ()), roles.get(row.project, {}),
        ))
    return result


def _grouped(frame: pd.DataFrame, column: str, order: dict[str, int]) -> dict[str, tuple[str, ...]]:
    result: dict[str, tuple[str, ...]] = {}
    pairs = frame[["project", column]].drop_duplicates()
    for project, group in pairs.groupby("project", sort=False):
        result[project] = tuple(sorted(set(group[column]), key=lambda v: order.get(v, 99)))
    return result


def match_projects(a: list[_Project], b: list[_Project]) -> list[tuple[_Project, _Project]]:
    """Pairs (a, b): by id when both have an own id, else by normalised name (first come, first matched)."""
    pairs: list[tuple[_Project, _Project]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    by_id: dict[str, int] = {}
    for j, project in enumerate(b):
        if project.id_key:
            by_id.setdefault(project.id_key, j)
    for i, project in enumerate(a):
        match = by_id.get(project.id_key) if project.id_key else None
        if match is not None and match not in used_b:
            j = match
            pairs.append((project, b[j]))
            used_a.add(i)
            used_b.add(j)
    by_name: dict[str, list[int]] = {}
    for j, project in enumerate(b):
        if j not in used_b:
            by_name.setdefault(project.name_key, []).append(j)
    for i, project in enumerate(a):
        if i in used_a:
            continue
        for j in by_name.get(project.name_key, []):
            if j in used_b or (project.id_key and b[j].id_key):  # two own ids that differ: two projects
                continue
            pairs.append((project, b[j]))
            used_a.add(i)
            used_b.add(j)
            break
    return pairs


def _changes(old: _Project, new: _Project) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if old.name_key != new.name_key:
        changes["naam"] = {"a": old.name, "b": new.name}
    if old.phases != new.phases:
        changes["fase"] = {"a": list(old.phases), "b": list(new.phases)}
    if old.elements != new.elements:
        changes["element"] = {"a": list(old.elements), "b": list(new.elements)}
    roles = {}
    for phase in voc.PHASE_CODES:
        before, after = old.roles.get(phase, ()), new.roles.get(phase, ())
        if before != after:
            roles[phase] = {"a": list(before), "b": list(after)}
    if roles:
        changes["rol"] = roles
    return changes


def compare(a: Inventory, b: Inventory, label_a: str = "a", label_b: str = "b") -> Comparison:
    """Compare inventory ``a`` (earlier) with ``b`` (later); the labels name them in titles."""
    projects_a, projects_b = _projects(a), _projects(b)
    pairs = match_projects(projects_a, projects_b)
    matched_a = {id(p) for p, _ in pairs}
    matched_b = {id(q) for _, q in pairs}
    order_b = {id(q): j for j, q in enumerate(projects_b)}
    changed = []
    unchanged = 0
    for old, new in sorted(pairs, key=lambda pair: order_b[id(pair[1])]):
        changes = _changes(old, new)
        if changes:
            changed.append(ProjectChange(new.name, new.id or old.id, changes))
        else:
            unchanged += 1
    return Comparison(
        a=analyse(a),
        b=analyse(b),
        added=[p.name for p in projects_b if id(p) not in matched_b],
        removed=[p.name for p in projects_a if id(p) not in matched_a],
        changed=changed,
        unchanged=unchanged,
        label_a=label_a,
        label_b=label_b,
    )

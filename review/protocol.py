"""The protocol as data: ``review.toml`` plus one TOML file per query family under ``queries/``.

Everything the workflow needs to know about a review (years, stages, reasons, quality criteria,
reviewers, families and their order) is read from here, never hard-coded.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from review.errors import ProtocolError

SCREENING_MODES = ("single", "dual")
QUALITY_RATINGS = ("yes", "partly", "no", "unclear")


@dataclass
class Stage:
    number: int
    name: str
    label: str  # heading used in reports, e.g. "Første vurdering"
    mode: str = "single"  # single or dual screening
    criteria: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    reason_required: bool = False  # an exclusion needs a reason


@dataclass
class QualityCriterion:
    id: str
    label: str
    description: str = ""


@dataclass
class QualityRule:
    """Turns six ratings into acceptable or not. Applies to works that are not peer reviewed."""

    max_no: int = 0
    max_unclear: int = 1
    min_yes: int = 3


@dataclass
class TermGroup:
    name: str
    terms: list[str]  # alternatives, OR-ed; a trailing * truncates


@dataclass
class Family:
    id: str
    label: str
    language: str
    sources: list[str]
    groups: list[TermGroup]  # AND-ed
    order: int = 0
    peer_reviewed_only: bool = False
    exclude_doc_types: list[str] = field(default_factory=list)
    years: Optional[tuple[int, int]] = None
    scholar_forms: dict[str, list[str]] = field(default_factory=dict)  # truncated term -> spelled-out forms
    path: Optional[Path] = None

    def query(self) -> str:
        """The Boolean query as typed into Oria/Primo: groups AND-ed, alternatives OR-ed."""
        parts = []
        for group in self.groups:
            terms = [f'"{t}"' if " " in t else t for t in group.terms]
            parts.append(terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")")
        return " AND ".join(parts)


@dataclass
class Protocol:
    title: str
    year_from: int
    year_to: int
    stages: list[Stage]
    quality_criteria: list[QualityCriterion]
    quality_rule: QualityRule
    reviewers: list[str]
    lead: Optional[str]
    families: list[Family]
    appendix_groups: list[str]
    auto_exclusions: dict[str, str]  # rule -> reason text: "thesis", "outside_years"
    family_order: list[str]  # which family a work counts for when several found it
    report_language: str = "no"
    search: dict[str, Any] = field(default_factory=dict)
    join_review_versions: bool = True  # versions of one Cochrane review are one work ([dedup] in review.toml)
    # The statistical stopping criterion for ranked screening ([stopping] in review.toml)
    recall_target: float = 0.95
    confidence: float = 0.95
    directory: Optional[Path] = None

    def family(self, family_id: str) -> Family:
        for fam in self.families:
            if fam.id == family_id:
                return fam
        raise ProtocolError(f"unknown query family '{family_id}'; the protocol declares: "
                            + ", ".join(f.id for f in self.families))

    def stage(self, number: int) -> Stage:
        for stage in self.stages:
            if stage.number == number:
                return stage
        raise ProtocolError(f"unknown stage {number}; the protocol has stages "
                            + ", ".join(str(s.number) for s in self.stages))

    def family_rank(self, family_id: Optional[str]) -> int:
        try:
            return self.family_order.index(family_id)
        except ValueError:
            return len(self.family_order)


def _require(data: dict, key: str, where: str) -> Any:
    if key not in data:
        raise ProtocolError(f"{where}: missing '{key}'")
    return data[key]


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProtocolError(f"{path}: file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"{path}: not valid TOML ({exc})") from None


def load_family(path: Path) -> Family:
    data = _read_toml(path)
    where = str(path)
    groups = [TermGroup(name=g.get("name", f"group {i + 1}"), terms=list(_require(g, "terms", where)))
              for i, g in enumerate(_require(data, "groups", where))]
    filters = data.get("filters", {})
    years = filters.get("years")
    return Family(
        id=str(_require(data, "id", where)), label=data.get("label", data["id"]),
        language=_require(data, "language", where), sources=list(data.get("sources", ["oria", "scholar"])),
        groups=groups, order=int(data.get("order", 0)),
        peer_reviewed_only=bool(filters.get("peer_reviewed_only", False)),
        exclude_doc_types=list(filters.get("exclude_doc_types", [])),
        years=tuple(years) if years else None,
        scholar_forms={k: list(v) for k, v in data.get("scholar", {}).get("forms", {}).items()},
        path=path,
    )


def _share(table: dict, key: str, default: float, where: str) -> float:
    """A share strictly between 0 and 1 (a recall target, a confidence), written as 0.95."""
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise ProtocolError(f"{where}: stopping.{key} must be a number between 0 and 1 (e.g. 0.95), not {value!r}")
    return float(value)


def load_protocol(review_dir: Path) -> Protocol:
    review_dir = Path(review_dir)
    path = review_dir / "review.toml"
    if not path.is_file():
        raise ProtocolError(f"{review_dir} is not a review directory (no review.toml); "
                            f"create one with 'review init {review_dir}'")
    data = _read_toml(path)
    where = str(path)
    years = _require(data, "years", where)
    if not (isinstance(years, list) and len(years) == 2 and years[0] <= years[1]):
        raise ProtocolError(f"{where}: 'years' must be [first, last], e.g. [2016, 2022]")

    stages = []
    for raw in _require(data, "stages", where):
        stage = Stage(number=int(_require(raw, "number", where)), name=_require(raw, "name", where),
                      label=raw.get("label", raw["name"]), mode=raw.get("mode", "single"),
                      criteria=list(raw.get("criteria", [])), reasons=list(raw.get("reasons", [])),
                      reason_required=bool(raw.get("reason_required", False)))
        if stage.mode not in SCREENING_MODES:
            raise ProtocolError(f"{where}: stage {stage.number} mode must be single or dual, not {stage.mode!r}")
        stages.append(stage)
    if sorted(s.number for s in stages) != [1, 2, 3]:
        raise ProtocolError(f"{where}: the protocol needs stages numbered 1, 2 and 3")

    quality = data.get("quality", {})
    criteria = [QualityCriterion(id=c["id"], label=c.get("label", c["id"]), description=c.get("description", ""))
                for c in quality.get("criteria", [])]
    rule = QualityRule(**quality.get("rule", {}))

    queries_dir = review_dir / "queries"
    families = sorted((load_family(p) for p in sorted(queries_dir.glob("*.toml"))),
                      key=lambda f: (f.order, f.id)) if queries_dir.is_dir() else []
    ids = [f.id for f in families]
    if len(set(ids)) != len(ids):
        raise ProtocolError(f"{queries_dir}: two query files declare the same family id")
    order = list(data.get("counting", {}).get("family_order", ids))
    unknown = [f for f in order if f not in ids]
    if unknown:
        raise ProtocolError(f"{where}: counting.family_order names unknown families {unknown}; declared: {ids}")

    team = data.get("team", {})
    join_versions = data.get("dedup", {}).get("join_review_versions", True)
    if not isinstance(join_versions, bool):
        raise ProtocolError(f"{where}: dedup.join_review_versions must be true or false, not {join_versions!r}")
    stopping = data.get("stopping", {})
    recall_target = _share(stopping, "recall_target", 0.95, where)
    confidence = _share(stopping, "confidence", 0.95, where)
    return Protocol(
        recall_target=recall_target, confidence=confidence,
        title=_require(data, "title", where), year_from=int(years[0]), year_to=int(years[1]), stages=sorted(
            stages, key=lambda s: s.number), quality_criteria=criteria, quality_rule=rule,
        reviewers=list(team.get("reviewers", [])), lead=team.get("lead"), families=families,
        appendix_groups=list(data.get("appendix", {}).get("groups", [])),
        auto_exclusions=dict(data.get("auto_exclusions", {})), family_order=order + [i for i in ids if i not in order],
        report_language=data.get("report_language", "no"), search=dict(data.get("search", {})),
        directory=review_dir, join_review_versions=join_versions,
    )

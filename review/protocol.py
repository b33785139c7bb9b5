"""The protocol as data: ``review.toml`` plus one TOML file per query family under ``queries/``.

Everything the workflow needs to know about a review (years, stages, reasons, quality criteria,
reviewers, families and their order) is read from here, never hard-coded. The files are checked
against the declared schema in ``protocol_schema`` first, so a wrong type or a misspelt key is an
error naming the file and the key, never a silently changed rule.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from review import protocol_schema as schema_models
from review.errors import ProtocolError
from review.messages import Message
from review.protocol_schema import validated
from review.vocabulary import QUALITY_RATINGS, SCREENING_MODES  # noqa: F401  (defined once)


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
    years: tuple[int, int] | None = None
    scholar_forms: dict[str, list[str]] = field(default_factory=dict)  # truncated term -> spelled-out forms
    path: Path | None = None

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
    lead: str | None
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
    # The review's own keywords, highlighted green / red on the card ([highlight] in review.toml)
    include_keywords: list[str] = field(default_factory=list)
    exclude_keywords: list[str] = field(default_factory=list)
    directory: Path | None = None

    def family(self, family_id: str) -> Family:
        for fam in self.families:
            if fam.id == family_id:
                return fam
        raise ProtocolError(
            f"unknown query family '{family_id}'; the protocol declares: " + ", ".join(f.id for f in self.families)
        )

    def stage(self, number: int) -> Stage:
        for stage in self.stages:
            if stage.number == number:
                return stage
        raise ProtocolError(
            f"unknown stage {number}; the protocol has stages " + ", ".join(str(s.number) for s in self.stages)
        )

    def family_rank(self, family_id: str | None) -> int:
        if family_id in self.family_order:
            return self.family_order.index(family_id)
        return len(self.family_order)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProtocolError(Message("{path}: file not found", path=path)) from None
    except OSError as exc:
        raise ProtocolError(Message("{path}: cannot be read ({error})", path=path, error=exc.strerror or exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(Message("{path}: not valid TOML ({exc})", path=path, exc=exc)) from None


def load_family(path: Path) -> Family:
    data = validated(schema_models.FamilyFile, _read_toml(path), path)
    years = data.filters.years
    return Family(
        id=data.id,
        label=data.label if data.label is not None else data.id,
        language=data.language,
        sources=list(data.sources),
        groups=[TermGroup(name=g.name or f"group {i + 1}", terms=list(g.terms)) for i, g in enumerate(data.groups)],
        order=data.order,
        peer_reviewed_only=data.filters.peer_reviewed_only,
        exclude_doc_types=list(data.filters.exclude_doc_types),
        years=(years[0], years[1]) if years else None,
        scholar_forms={k: list(v) for k, v in data.scholar.forms.items()},
        path=path,
    )


KEYWORDS_COMMENT = "# The review's own keywords, highlighted on the card"


def clean_keywords(text: str) -> list[str]:
    """Keywords typed one per line or separated by commas: trimmed, blanks and repeats dropped."""
    seen: dict[str, None] = {}
    for piece in re.split(r"[,\n;]", text or ""):
        word = " ".join(piece.split())
        if word and word.casefold() not in {w.casefold() for w in seen}:
            seen[word] = None
    return list(seen)


def save_highlight_keywords(review_dir: Path, include: list[str], exclude: list[str]) -> None:
    """Write ``[highlight]`` into review.toml, keeping the rest of the file (and its comments) as written.

    The new file is read back as a protocol before it replaces the old one, so a bad write changes
    nothing."""
    import tomli_w

    path = Path(review_dir) / "review.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept: list[str] = []
    inside = False
    for line in lines:
        header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]+\s*(#.*)?$", line)
        if header:
            inside = header.group(1) == "highlight"
            while inside and kept and (kept[-1].startswith(KEYWORDS_COMMENT) or not kept[-1].strip()):
                kept.pop()  # our own comment line above the table goes with it
        if not inside:
            kept.append(line)
    text = "".join(kept).rstrip("\n") + "\n"
    body = {k: v for k, v in (("include", include), ("exclude", exclude)) if v}
    if body:
        text += f"\n{KEYWORDS_COMMENT} (green: include, red: exclude).\n[highlight]\n" + tomli_w.dumps(body)
    tomllib.loads(text)  # our own write must still be TOML before it replaces anything
    old = path.read_bytes()
    temporary = path.with_name(".review.toml.new")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    try:
        load_protocol(path.parent)
    except ProtocolError:
        path.write_bytes(old)  # the protocol as it was: nothing changed
        raise


def load_protocol(review_dir: Path) -> Protocol:
    review_dir = Path(review_dir)
    path = review_dir / "review.toml"
    if not path.is_file():
        raise ProtocolError(
            Message(
                "{review_dir} is not a review directory (no review.toml); create one with 'review init {review_dir}'",
                review_dir=review_dir,
            )
        )
    data = validated(schema_models.ReviewFile, _read_toml(path), path)
    where = str(path)
    stages = [
        Stage(
            number=raw.number,
            name=raw.name,
            label=raw.label if raw.label is not None else raw.name,
            mode=raw.mode,
            criteria=list(raw.criteria),
            reasons=list(raw.reasons),
            reason_required=raw.reason_required,
        )
        for raw in data.stages
    ]
    criteria = [
        QualityCriterion(id=c.id, label=c.label if c.label is not None else c.id, description=c.description)
        for c in data.quality.criteria
    ]
    rule = QualityRule(**data.quality.rule.model_dump())

    queries_dir = review_dir / "queries"
    families = (
        sorted((load_family(p) for p in sorted(queries_dir.glob("*.toml"))), key=lambda f: (f.order, f.id))
        if queries_dir.is_dir()
        else []
    )
    ids = [f.id for f in families]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise ProtocolError(
            Message(
                "{queries_dir}: two query files declare the same family id {twice}",
                queries_dir=queries_dir,
                twice=twice,
            )
        )
    order = list(data.counting.family_order if data.counting.family_order is not None else ids)
    unknown = [f for f in order if f not in ids]
    if unknown:
        raise ProtocolError(
            Message(
                "{where}: counting.family_order names unknown families {unknown}; declared: {ids}",
                where=where,
                unknown=unknown,
                ids=ids,
            )
        )
    if data.search.oria is not None:
        from review.search.config import load_oria_config  # the search package reads [search.oria] itself

        load_oria_config({"oria": data.search.oria}, where=f"{where}: search.oria")
    return Protocol(
        title=data.title,
        year_from=data.years[0],
        year_to=data.years[1],
        stages=sorted(stages, key=lambda s: s.number),
        quality_criteria=criteria,
        quality_rule=rule,
        reviewers=list(data.team.reviewers),
        lead=data.team.lead,
        families=families,
        appendix_groups=list(data.appendix.groups),
        auto_exclusions=data.auto_exclusions.model_dump(exclude_none=True),
        family_order=order + [i for i in ids if i not in order],
        report_language=data.report_language,
        search=data.search.model_dump(exclude_none=True),
        directory=review_dir,
        join_review_versions=data.dedup.join_review_versions,
        recall_target=data.stopping.recall_target,
        confidence=data.stopping.confidence,
        include_keywords=[k.strip() for k in data.highlight.include],
        exclude_keywords=[k.strip() for k in data.highlight.exclude],
    )

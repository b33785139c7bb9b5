"""The declared schema of ``review.toml`` and ``queries/*.toml`` (pydantic models).

Why pydantic, strictly: TOML already gives typed values, so nothing is converted. A string where a
list belongs (``reasons = "…"``) would otherwise be read letter by letter, ``"no"`` would read as true,
and a misspelt key would drop its rule without a word. Unknown keys are refused, and every error
names the file, the key (with the table it sits in) and what was expected, on one line.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from review.errors import ProtocolError
from review.vocabulary import SCREENING_MODES  # noqa: F401  (defined once; the Literal types below repeat it)

DOC_TYPES = ("article", "report", "chapter", "book", "thesis", "other")
SOURCES = ("oria", "scholar", "other")

Text = Annotated[str, Field(min_length=1)]
Year = Annotated[int, Field(ge=1000, le=2999)]
Count = Annotated[int, Field(ge=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- review.toml


class TeamSection(_Strict):
    reviewers: list[Text] = []
    lead: Text | None = None


class CountingSection(_Strict):
    family_order: list[Text] | None = None


class DedupSection(_Strict):
    join_review_versions: bool = True


Share = Annotated[float, Field(gt=0, lt=1)]


class StoppingSection(_Strict):
    """The statistical stopping criterion of ranked screening: recall target and confidence, e.g. 0.95."""

    recall_target: Share = 0.95
    confidence: Share = 0.95


class HighlightSection(_Strict):
    """The review's own keywords, highlighted on the screening card (green: include, red: exclude)."""

    include: list[Annotated[str, Field(pattern=r"\S")]] = []
    exclude: list[Annotated[str, Field(pattern=r"\S")]] = []


class AutoExclusions(_Strict):
    """Protocol rules applied without a person; the value is the reason recorded."""

    thesis: Text | None = None
    outside_years: Text | None = None


class StageSection(_Strict):
    number: Literal[1, 2, 3]
    name: Text
    label: Text | None = None
    mode: Literal["single", "dual"] = "single"
    criteria: list[Text] = []
    reasons: list[Text] = []
    reason_required: bool = False


class CriterionEntry(_Strict):
    id: Text
    label: Text | None = None
    description: str = ""


class QualityRuleEntry(_Strict):
    max_no: Count = 0
    max_unclear: Count = 1
    min_yes: Count = 3


class QualitySection(_Strict):
    criteria: list[CriterionEntry] = []
    rule: QualityRuleEntry = QualityRuleEntry()

    @field_validator("criteria")
    @classmethod
    def _ids_unique(cls, value: list[CriterionEntry]) -> list[CriterionEntry]:
        ids = [c.id for c in value]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"criterion ids must be unique; {twice} appear twice")
        return value


class AppendixSection(_Strict):
    groups: list[Text] = []


class SearchSection(_Strict):
    # The keys of [search.oria] are declared by review.search.config.OriaConfig, which checks them.
    oria: dict[str, Any] | None = None


class ReviewFile(_Strict):
    title: Text
    years: Annotated[list[Year], Field(min_length=2, max_length=2)]
    report_language: Literal["no", "en"] = "no"
    team: TeamSection = TeamSection()
    counting: CountingSection = CountingSection()
    dedup: DedupSection = DedupSection()
    stopping: StoppingSection = StoppingSection()
    highlight: HighlightSection = HighlightSection()
    auto_exclusions: AutoExclusions = AutoExclusions()
    stages: list[StageSection]
    quality: QualitySection = QualitySection()
    appendix: AppendixSection = AppendixSection()
    search: SearchSection = SearchSection()

    @field_validator("years")
    @classmethod
    def _ordered(cls, value: list[int]) -> list[int]:
        if value[0] > value[1]:
            raise ValueError("must be [first, last] with first <= last, e.g. [2016, 2022]")
        return value

    @field_validator("stages")
    @classmethod
    def _three_stages(cls, value: list[StageSection]) -> list[StageSection]:
        if sorted(s.number for s in value) != [1, 2, 3]:
            raise ValueError("the protocol needs one [[stages]] table for each of the stages 1, 2 and 3")
        return value


# --- queries/*.toml


class TermGroupEntry(_Strict):
    name: Text | None = None
    terms: Annotated[list[Text], Field(min_length=1)]


class FiltersSection(_Strict):
    peer_reviewed_only: bool = False
    exclude_doc_types: list[Literal["article", "report", "chapter", "book", "thesis", "other"]] = []
    years: Annotated[list[Year], Field(min_length=2, max_length=2)] | None = None

    @field_validator("years")
    @classmethod
    def _ordered(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and value[0] > value[1]:
            raise ValueError("must be [first, last] with first <= last, e.g. [2016, 2022]")
        return value


class ScholarSection(_Strict):
    forms: dict[str, Annotated[list[Text], Field(min_length=1)]] = {}


class FamilyFile(_Strict):
    id: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")]
    label: Text | None = None
    language: Text
    order: int = 0
    sources: Annotated[list[Literal["oria", "scholar", "other"]], Field(min_length=1)] = ["oria", "scholar"]
    filters: FiltersSection = FiltersSection()
    groups: Annotated[list[TermGroupEntry], Field(min_length=1)]
    scholar: ScholarSection = ScholarSection()

    @model_validator(mode="after")
    def _forms_name_terms(self) -> FamilyFile:
        terms = {t for g in self.groups for t in g.terms}
        stray = sorted(set(self.scholar.forms) - terms)
        if stray:
            raise ValueError(f"scholar.forms names terms that no group has: {stray}")
        return self


# --- error messages

_EXPECTED = {
    "bool_type": "true or false (without quotes)",
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "list_type": 'a list in brackets, e.g. ["a", "b"]',
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}
Model = TypeVar("Model", bound=BaseModel)


def _where(loc: tuple, data: Any = None) -> str:
    """('dedup', 'join_review_versions') -> "dedup.join_review_versions"; a table in a list is named
    by its ``number`` or ``id`` when it has one (``stages[number=2].reasons``), else by position."""
    text, node = "", data
    for item in loc:
        if isinstance(item, int):
            entry = node[item] if isinstance(node, list) and item < len(node) else None
            name = next(
                (
                    f"{k}={entry[k]!r}"
                    for k in ("number", "id", "name")
                    if isinstance(entry, dict) and isinstance(entry.get(k), (int, str))
                ),
                None,
            )
            text += f"[{name}]" if name else f"[{item + 1}]"
            node = entry
        else:
            text += f".{item}" if text else str(item)
            node = node.get(item) if isinstance(node, dict) else None
    return text


def _shown(value: Any) -> str:
    text = repr(value)
    if isinstance(value, (dict, list)) and len(text) > 60:
        text = text[:57] + "…"
    elif len(text) > 60:
        text = text[:57] + "…'"
    kind = {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )
    return f"{text} ({kind})"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the last key of ``loc`` (for suggesting a known key)."""
    current: Any = model
    for item in loc[:-1]:
        if isinstance(item, int):
            continue
        field = getattr(current, "model_fields", {}).get(item)
        if field is None:
            return None
        annotation = field.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            inner = getattr(candidate, "__args__", (candidate,))
            found = [c for c in (candidate, *inner) if isinstance(c, type) and issubclass(c, BaseModel)]
            if found:
                current = found[0]
                break
        else:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def describe(error: ErrorDetails, model: type[BaseModel], data: Any = None) -> str:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        holder = _model_at(model, loc)
        known = sorted(holder.model_fields) if holder else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else (f"; known keys: {', '.join(known)}" if known else "")
        return f"unknown key '{_where(loc, data)}'{hint}"
    if kind == "missing":
        return f"missing key '{_where(loc, data)}'"
    where = _where(loc, data)
    if kind in _EXPECTED:
        return f"{where} must be {_EXPECTED[kind]}, not {_shown(error['input'])}"
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
    message = error["msg"].replace("Input should be", "must be").replace("List should have", "must have")
    message = message.replace("String should have", "must have").replace("String should match", "must match")
    message = re.sub(r" after validation, not \d+", "", message)
    return f"{where} {message[0].lower()}{message[1:]}, not {_shown(error['input'])}"


def validated(model: type[Model], data: dict, path: Path) -> Model:
    """``data`` read from ``path`` as ``model``, or a ProtocolError listing every problem on one line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [describe(e, model, data) for e in exc.errors(include_url=False)]
        raise ProtocolError(f"{path}: " + "; ".join(problems)) from None

"""The shape of the counts that reports and the flow diagram draw. Computed by ``screening.flow``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class StageCount:
    number: int
    label: str  # e.g. "Første vurdering"
    screened: int = 0  # works with a final decision at this stage
    included: int = 0
    excluded: int = 0
    maybe: int = 0  # final "maybe": still undecided, does not pass
    pending: int = 0  # works eligible for this stage without a final decision
    not_screened_stopped: int = 0  # works no person screened because the team stopped (stopping rule)
    excluded_by_reason: dict[str, int] = field(default_factory=dict)  # reason -> works
    excluded_automatically: int = 0  # by a protocol rule (student thesis, outside the years)


@dataclass
class FamilyCount:
    family: str
    label: str
    unique: int  # works that count for this family (first family in protocol order that found them)
    passed: dict[int, int] = field(default_factory=dict)  # stage -> works of this family included there


@dataclass
class Flow:
    """Everything the PRISMA 2020 diagram, Table 3.1 and `review status` show."""

    identified: int  # raw records imported
    identified_by_source: dict[str, int]  # "oria"/"scholar"/"other" -> raw records
    identified_by_family: dict[str, int]  # family -> raw records
    duplicates_removed: int  # identified - unique
    unique: int  # works
    stages: dict[int, StageCount]
    families: list[FamilyCount]
    included: int  # works with a final include at the last stage
    round_label: Optional[str] = None  # None: the whole review
    previous_included: Optional[int] = None  # updated reviews: studies included in earlier rounds
    undeduplicated: int = 0  # raw records not yet assigned to a work (run `review dedup`)

    @property
    def total_included(self) -> int:
        return self.included + (self.previous_included or 0)

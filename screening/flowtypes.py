"""The shape of the counts that reports and the flow diagram draw. Computed by ``screening.flow``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class StageCount:
    number: int
    label: str  # e.g. "Første vurdering"
    screened: int = 0  # works decided here (include or exclude), by people or a rule
    included: int = 0
    excluded: int = 0  # rule exclusions included (see excluded_automatically)
    maybe: int = 0  # works waiting as a maybe: not decided, awaiting a decision
    pending: int = 0  # works that reach the stage with nothing decided and no maybe
    not_screened_stopped: int = 0  # works no person screened because the team stopped (stopping rule)
    excluded_by_reason: dict[str, int] = field(default_factory=dict)  # reason -> works
    excluded_automatically: int = 0  # by a protocol rule (student thesis, outside the years): basis "rule"
    entered: int = 0  # works that reach the stage, less those a rule removed: what people screen here


@dataclass
class FamilyCount:
    family: str
    label: str
    unique: int  # works that count for this family (first family in protocol order that found them)
    passed: dict[int, int] = field(default_factory=dict)  # stage -> works of this family included there
    screened: int = 0  # of ``unique``, the works people screened at stage 1 (rule exclusions removed)


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
    round_label: str | None = None  # None: the whole review
    previous_included: int | None = None  # updated reviews: studies included in earlier rounds
    undeduplicated: int = 0  # raw records not yet assigned to a work (run `review dedup`)
    # Updated reviews: of the duplicates removed, the records joined to works screened in earlier
    # rounds (found again); the rest were duplicates within the new searches. None: not an update.
    duplicates_of_earlier: int | None = None

    @property
    def duplicates_within(self) -> int | None:
        return None if self.duplicates_of_earlier is None else self.duplicates_removed - self.duplicates_of_earlier

    @property
    def screened(self) -> int:
        """Works people screened at the first stage: the diagram's "records screened" and Table 3.1's
        first total. Works a protocol rule excluded are "removed before screening"."""
        return self.stages[min(self.stages)].entered if self.stages else self.unique

    @property
    def total_included(self) -> int:
        return self.included + (self.previous_included or 0)

"""Before the first include: order the queue by the protocol itself.

A model cannot learn relevance from zero includes, and random order makes a team wait for its first
relevant work. The protocol already says what is relevant: its query families (AND-ed groups of OR-ed
terms) and the stage-1 criteria. A work scores by the share of a family's groups its title and abstract
match (the whole query beats one group), then by how many distinct terms match; criteria words count a
little. Matching is inflection- and compound-aware, because the Nordic languages glue words together:
``flyktning*`` matches *overføringsflyktninger*, ``innvandr*`` matches *arbeidsinnvandrere*, and a
hyphen counts as a space or as nothing (*karriere-veiledning*, *karriere veiledning*). The rule is
review/terms.py's, which the highlighting on the screening card uses too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from review.normalise import fold
from review.terms import compile_term

# Criteria are sentences; their long words say something about the topic ("karriereveiledning").
MIN_CRITERION_WORD = 7
GROUP_WEIGHT, TERM_WEIGHT, CRITERION_WEIGHT = 1.0, 0.05, 0.01


@dataclass(frozen=True)
class ProtocolTerms:
    """What the cold start reads from a protocol: each family's groups of terms, and criteria words."""

    families: tuple[tuple[tuple[str, ...], ...], ...]
    criteria_words: tuple[str, ...] = ()

    @classmethod
    def from_protocol(cls, protocol) -> ProtocolTerms:
        families = tuple(tuple(tuple(group.terms) for group in family.groups) for family in protocol.families)
        words: set[str] = set()
        for stage in protocol.stages[:1]:
            for criterion in stage.criteria:
                words.update(w for w in re.findall(r"\w+", fold(criterion)) if len(w) >= MIN_CRITERION_WORD)
        return cls(families, tuple(sorted(words)))


class ProtocolScorer:
    """Compiled once per protocol; ``score`` rates one title + abstract."""

    def __init__(self, terms: ProtocolTerms):
        self.families = [
            [[p for p in (compile_term(t) for t in group) if p] for group in family] for family in terms.families
        ]
        self.criteria = [re.compile(rf"\b{re.escape(w)}") for w in terms.criteria_words]

    def score(self, text: str) -> float:
        prepared = fold(text or "")
        best = 0.0
        for family in self.families:
            if not family:
                continue
            groups_hit, terms_hit = 0, 0
            for group in family:
                hits = sum(1 for pattern in group if pattern.search(prepared))
                groups_hit += hits > 0
                terms_hit += hits
            best = max(best, GROUP_WEIGHT * groups_hit / len(family) + TERM_WEIGHT * terms_hit)
        return best + CRITERION_WEIGHT * sum(1 for pattern in self.criteria if pattern.search(prepared))

    def scores(self, texts: Iterable[str]) -> list[float]:
        return [self.score(text) for text in texts]


def protocol_scores(terms: ProtocolTerms, texts: Sequence[str]) -> list[float]:
    return ProtocolScorer(terms).scores(texts)

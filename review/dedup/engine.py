"""``find_duplicates``: the pure core of deduplication, on plain records, used by the store and the benchmark."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from review.dedup.blocking import candidate_pairs
from review.dedup.cluster import Clusters
from review.dedup.compare import DISTINCT, DUPLICATE, UNCERTAIN, Verdict, classify, different_full_titles
from review.dedup.keys import Keys, record_keys
from review.messages import Message
from review.model import RawRecord


@dataclass(frozen=True)
class PairOutcome:
    a: int  # record positions, a < b
    b: int
    verdict: Verdict


@dataclass
class DedupResult:
    groups: list[list[int]]  # every record in exactly one group; positions sorted
    links: dict[int, Verdict]  # how each record that is not first in its group joined it
    uncertain: list[PairOutcome]  # pairs for a person, across groups
    n_candidates: int = 0
    n_distinct: int = 0
    n_blocked: int = 0  # duplicate pairs not merged because of a conflict or two screened works

    def duplicate_pairs(self) -> set[tuple[int, int]]:
        return {(a, b) for g in self.groups for i, a in enumerate(g) for b in g[i + 1 :]}

    def decisions_for_a_person(self) -> int:
        """How many questions the uncertain pairs put to a person: one per pair of groups, since a verdict on
        any record pair between two works answers it for both works (the store's queue,
        ``review.store.pairs.uncertain_pairs_query``, asks each pair of works once for the same reason)."""
        group_of = {pos: n for n, group in enumerate(self.groups) for pos in group}
        return len({frozenset((group_of[p.a], group_of[p.b])) for p in self.uncertain})


# Below this many records a run takes well under a second and a progress bar is only noise.
PROGRESS_MIN_RECORDS = 5_000


def _tqdm(total_desc: str, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm  # only when asked: importing tqdm is not free

    return lambda items: tqdm(items, desc=total_desc, unit="step", leave=False)


def find_duplicates(
    records: Sequence[RawRecord],
    *,
    groups: Iterable[Iterable[int]] = (),
    locked: Iterable[int] = (),
    verdicts: Mapping[tuple[int, int], str] | None = None,
    progress: bool = False,
    join_review_versions: bool = True,
) -> DedupResult:
    """Group records into works.

    ``groups``: records already known to be one work (kept together). ``locked``: records whose
    work already has screening decisions; two locked works are never joined automatically.
    ``verdicts``: a person's "duplicate"/"distinct" on a pair (i, j), i < j, which overrides the rules.
    ``join_review_versions``: False keeps each version of a Cochrane review a work of its own.
    """
    progress = progress and len(records) >= PROGRESS_MIN_RECORDS
    keys = [record_keys(r) for r in records]
    if not join_review_versions:
        for k in keys:
            k.cochrane = ""
    verdicts = dict(verdicts or {})
    pairs = candidate_pairs(keys, _tqdm("blocking", progress))
    pairs.update(verdicts)

    cache: dict[tuple[int, int], Verdict] = {}

    def judge(i: int, j: int) -> Verdict:
        pair = (i, j) if i < j else (j, i)
        found = cache.get(pair)
        if found is None:
            person = verdicts.get(pair)
            if person in (DUPLICATE, DISTINCT):
                found = Verdict(
                    person,
                    1.0 if person == DUPLICATE else 0.0,
                    "person",
                    Message("a reviewer's verdict"),
                    hard=person == DISTINCT,
                )
            else:
                found = classify(keys[pair[0]], keys[pair[1]])
            cache[pair] = found
        return found

    ordered = sorted(pairs)
    iterator = ordered
    if progress:
        from tqdm import tqdm

        iterator = tqdm(ordered, desc="comparing", unit="pair", leave=False, mininterval=0.5)
    duplicates: list[tuple[int, int, Verdict]] = []
    uncertain: list[tuple[int, int, Verdict]] = []
    n_distinct = 0
    for i, j in iterator:
        verdict = judge(i, j)
        if verdict.outcome == DUPLICATE:
            duplicates.append((i, j, verdict))
        elif verdict.outcome == UNCERTAIN:
            uncertain.append((i, j, verdict))
        else:
            n_distinct += 1

    duplicates, ambiguous = _ambiguous_partials(duplicates, judge, keys)
    uncertain.extend(ambiguous)

    clusters = Clusters(len(records), groups, locked)
    links: dict[int, Verdict] = {}
    blocked = 0
    # People first, then identifiers, then the most similar pairs: the strongest evidence shapes groups.
    duplicates.sort(key=lambda t: (t[2].rule != "person", t[2].rule == "fuzzy", -t[2].score, t[0], t[1]))
    for i, j, verdict in duplicates:
        outcome = clusters.join(i, j, lambda x, y: judge(x, y).hard, forced=verdict.rule == "person")
        if outcome == "joined":
            links.setdefault(j, verdict) if i < j else links.setdefault(i, verdict)
        elif outcome in ("conflict", "locked"):
            blocked += 1
            why = (
                Message("both works already have screening decisions")
                if outcome == "locked"
                else Message("would join records that conflict with each other")
            )
            uncertain.append(
                (
                    i,
                    j,
                    Verdict(
                        UNCERTAIN,
                        verdict.score,
                        verdict.rule,
                        Message("{reason}; not merged: {why}", reason=verdict.reason, why=why),
                    ),
                )
            )

    final_groups = clusters.groups()
    for group in final_groups:
        links.pop(group[0], None)
        for pos in group[1:]:
            if pos not in links:  # joined through an earlier record: describe the best pair inside
                links[pos] = max(
                    (judge(pos, other) for other in group if other != pos and judge(pos, other).outcome == DUPLICATE),
                    key=lambda v: v.score,
                    default=Verdict(DUPLICATE, 0.0, "group", Message("kept together")),
                )
    still_open = [
        PairOutcome(i, j, v)
        for i, j, v in sorted(uncertain, key=lambda t: (t[0], t[1]))
        if clusters.find(i) != clusters.find(j)
    ]
    return DedupResult(
        groups=final_groups,
        links=links,
        uncertain=_unique(still_open),
        n_candidates=len(pairs),
        n_distinct=n_distinct,
        n_blocked=blocked,
    )


def _ambiguous_partials(duplicates, judge, keys):
    """A record matched only on the part of a title a source kept ("Evaluering av … " for "Delrapport 4" and
    "Delrapport 5"; "Høringsnotat – forslag til endringer i …" for two papers) is one work only when it fits
    one: when it fits two that are told apart, none of those matches is kept and a person decides."""

    def apart(x, y):
        return judge(x, y).outcome == DISTINCT or different_full_titles(keys[x], keys[y])

    partners: dict[int, list[int]] = {}
    for i, j, verdict in duplicates:
        if verdict.partial:
            partners.setdefault(i, []).append(j)
            partners.setdefault(j, []).append(i)
    unplaced = {
        pos
        for pos, others in partners.items()
        if len(others) > 1 and any(apart(x, y) for k, x in enumerate(others) for y in others[k + 1 :])
    }
    if not unplaced:
        return duplicates, []

    # Every title match of such a record is in doubt, also with another record cut the same way.
    def doubtful(i: int, j: int, verdict: Verdict) -> bool:
        return (i in unplaced or j in unplaced) and verdict.rule == "fuzzy"

    queued = [
        (
            i,
            j,
            Verdict(
                UNCERTAIN,
                v.score,
                v.rule,
                Message("{reason}; a shortened title that fits more than one volume of a series", reason=v.reason),
            ),
        )
        for i, j, v in duplicates
        if doubtful(i, j, v)
    ]
    return [(i, j, v) for i, j, v in duplicates if not doubtful(i, j, v)], queued


def _unique(pairs: list[PairOutcome]) -> list[PairOutcome]:
    seen: set[tuple[int, int]] = set()
    unique = []
    for pair in pairs:
        if (pair.a, pair.b) not in seen:
            seen.add((pair.a, pair.b))
            unique.append(pair)
    return unique


__all__ = ["find_duplicates", "DedupResult", "PairOutcome", "Keys"]

"""Candidate pairs: the few pairs worth scoring, found without comparing every record with every other.

Four kinds of blocks, all near-linear in the number of records:
* identical keys (DOI, Oria record id, Scholar cluster id, title, main title, and first author +
  year + volume + first page);
* a Scholar title equal to another record's title up to a subtitle separator;
* sorted neighbourhoods: records sorted by title, and by title read backwards, are compared with
  their next ``SORT_WINDOW`` neighbours (a shortened title sorts next to its full form);
* first-author-and-year blocks, inside which ``rapidfuzz.process.cdist`` compares all titles at once
  (catches titles that differ at both ends).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import numpy as np
from rapidfuzz import fuzz, process

from review.dedup.compare import TITLE_CANDIDATE
from review.dedup.keys import Keys

# Neighbours compared in each sorted order. On the seven smaller benchmark sets 4, 8 and 20 found
# the same gold pairs (20 scored up to 1.8 times as many pairs); 8 leaves room for Scholar's
# shortened titles, which sort among the full titles sharing their prefix.
SORT_WINDOW = 8
# Blocks with more members than this (a DOI or title shared by hundreds of records, "Editorial")
# are compared only along the sorted order instead of all pairs.
MAX_EXACT_BLOCK = 60
# First-author blocks larger than this are cut into overlapping slices of this size.
MAX_AUTHOR_BLOCK = 1500
WORKERS = 2  # the machine the targets are set for has two cores


def candidate_pairs(keys: list[Keys], progress: Callable[[Iterable], Iterable] | None = None) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of record positions that could be duplicates."""
    pairs: set[tuple[int, int]] = set()
    steps = [_exact_blocks, _head_blocks, _sorted_neighbours, _author_blocks]
    for step in progress(steps) if progress else steps:
        step(keys, pairs)
    return pairs


def _add_block(members: list[int], pairs: set[tuple[int, int]]) -> None:
    if len(members) > MAX_EXACT_BLOCK:
        members = sorted(members)
        for offset in range(1, SORT_WINDOW + 1):
            pairs.update(zip(members, members[offset:], strict=False))
        return
    for pos, i in enumerate(members):
        for j in members[pos + 1 :]:
            pairs.add((i, j) if i < j else (j, i))


def _exact_blocks(keys: list[Keys], pairs: set[tuple[int, int]]) -> None:
    getters = (
        lambda k: k.doi,
        lambda k: k.cochrane,
        lambda k: k.source_id,
        lambda k: k.cluster_id,
        lambda k: k.title,
        lambda k: k.main if k.main.count(" ") >= 2 else None,
        lambda k: (
            (k.authors[0], k.year, k.volume, k.first_page)  # one journal citation
            if k.authors and k.year and k.volume and k.first_page
            else None
        ),
    )
    for get in getters:
        blocks: dict[object, list[int]] = defaultdict(list)
        for pos, k in enumerate(keys):
            value = get(k)
            if value:
                blocks[value].append(pos)
        for members in blocks.values():
            if len(members) > 1:
                _add_block(members, pairs)


def _head_blocks(keys: list[Keys], pairs: set[tuple[int, int]]) -> None:
    """A Scholar title that is another record's title up to a subtitle ("Samarbeidsmodellen KMV" /
    "Samarbeidsmodellen KMV – Kvalifisering av …") is too short to sort or score next to it."""
    scholar_titles: dict[str, list[int]] = defaultdict(list)
    for pos, k in enumerate(keys):
        if k.scholar and k.title:
            scholar_titles[k.title].append(pos)
    if not scholar_titles:
        return
    for pos, k in enumerate(keys):
        for head in k.heads:
            found = scholar_titles.get(head, ())
            if len(found) <= MAX_EXACT_BLOCK:
                for other in found:
                    _add_pair(pos, other, pairs)


def _sorted_neighbours(keys: list[Keys], pairs: set[tuple[int, int]]) -> None:
    titled = [pos for pos, k in enumerate(keys) if k.title]
    forward = [keys[pos].title for pos in titled]
    backward = [" ".join(reversed(t.split(" "))) for t in forward]
    # Records whose first three words agree may be a title and its shortened or subtitle-less form.
    heads: dict[str, int] = {}
    head_ids = np.array([heads.setdefault(" ".join(t.split(" ", 3)[:3]), len(heads)) for t in forward])
    for texts in (forward, backward):
        order = np.array(sorted(range(len(texts)), key=texts.__getitem__), dtype=np.int64)
        ordered = [texts[i] for i in order]
        for offset in range(1, SORT_WINDOW + 1):
            if offset >= len(order):
                break
            scores = process.cpdist(ordered[:-offset], ordered[offset:], scorer=fuzz.ratio, workers=WORKERS)
            left, right = order[:-offset], order[offset:]
            for pos in np.nonzero(scores >= TITLE_CANDIDATE)[0].tolist():
                _add_pair(titled[left[pos]], titled[right[pos]], pairs)
            # A "…"-shortened title or a missing subtitle scores low on the whole title but is a prefix.
            same_head = (scores < TITLE_CANDIDATE) & (head_ids[left] == head_ids[right])
            for pos in np.nonzero(same_head)[0].tolist():
                a, b = titled[left[pos]], titled[right[pos]]
                if _prefix_related(keys[a], keys[b]):
                    _add_pair(a, b, pairs)


def _prefix_related(a: Keys, b: Keys) -> bool:
    if not (a.cut or b.cut or a.has_subtitle != b.has_subtitle):
        return False
    shorter, longer = (a, b) if len(a.title) <= len(b.title) else (b, a)
    head = shorter.main if shorter.has_subtitle and not shorter.cut else shorter.title
    return head.count(" ") >= 2 and longer.title.startswith(head[: max(len(head) - 3, 1)])


def _add_pair(i: int, j: int, pairs: set[tuple[int, int]]) -> None:
    pairs.add((i, j) if i < j else (j, i))


def _author_blocks(keys: list[Keys], pairs: set[tuple[int, int]]) -> None:
    blocks: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for pos, k in enumerate(keys):
        if k.authors and k.title:
            blocks[(k.authors[0], k.year)].append(pos)
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda pos: keys[pos].title)
        for start in range(0, len(members), MAX_AUTHOR_BLOCK // 2):
            chunk = members[start : start + MAX_AUTHOR_BLOCK]
            titles = [keys[pos].title for pos in chunk]
            scores = process.cdist(
                titles,
                titles,
                scorer=fuzz.ratio,
                score_cutoff=TITLE_CANDIDATE,
                dtype=np.uint8,
                workers=WORKERS if len(chunk) > 300 else 1,
            )
            rows, cols = np.nonzero(np.triu(scores, k=1))
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                _add_pair(chunk[r], chunk[c], pairs)
            if start + MAX_AUTHOR_BLOCK >= len(members):
                break

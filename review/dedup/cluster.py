"""Grouping accepted duplicate pairs into works without chaining distinct works together.

Plain transitive closure merges "Delrapport 1" and "Delrapport 2" through a Scholar record whose
shortened title matches both. So before two groups are joined, every pair across them is checked
for a hard conflict; one conflict keeps the groups apart and the joining pair goes to a person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# Groups larger than this are joined without the cross-pair check (none occur in practice: the
# largest gold group in the benchmark sets has 12 records).
MAX_CHECKED_CROSS_PAIRS = 2500


class Clusters:
    """Union-find over record positions that remembers each group's members and whether it is locked."""

    def __init__(self, n: int, groups: Iterable[Iterable[int]] = (), locked: Iterable[int] = ()):
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.locked: set[int] = set()
        for group in groups:
            group = list(group)
            for other in group[1:]:
                self._union(group[0], other)
        for pos in locked:
            self.locked.add(self.find(pos))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def _union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        if rb in self.locked:
            self.locked.discard(rb)
            self.locked.add(ra)
        return ra

    def join(self, a: int, b: int, conflict: Callable[[int, int], bool], *, forced: bool = False) -> str:
        """'same', 'joined', 'locked' (both groups already screened) or 'conflict'."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return "same"
        if not forced:
            if ra in self.locked and rb in self.locked:
                return "locked"
            left, right = self.members[ra], self.members[rb]
            if len(left) * len(right) <= MAX_CHECKED_CROSS_PAIRS:
                if any(conflict(i, j) for i in left for j in right):
                    return "conflict"
        self._union(a, b)
        return "joined"

    def groups(self) -> list[list[int]]:
        return sorted((sorted(m) for m in self.members.values()), key=lambda g: g[0])

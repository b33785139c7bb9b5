"""Google Scholar query strings for a query family.

Scholar has no truncation and caps a query at 256 characters, so each truncated term is replaced by
the spelled-out forms in the family's ``[scholar.forms]`` and long OR-lists are split. The split is a
grid: each group's forms are cut into chunks, and every combination of one chunk per group is one
query, so together the queries cover every combination of forms that the one long query would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

from review.errors import ProtocolError
from review.protocol import Family

MAX_QUERY_LENGTH = 256  # Scholar's limit, operators and spaces included (formats.md §2.2)
_WILDCARDS = ("*", "?")


@dataclass
class ScholarPlan:
    family: str
    label: str
    years: tuple[int, int]
    groups: list[list[str]]  # the spelled-out forms of each AND-ed group
    queries: list[str]
    warnings: list[str] = field(default_factory=list)


def _dedupe(forms: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for form in forms:
        key = form.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(form)
    return kept


def expand_forms(family: Family) -> tuple[list[list[str]], list[str]]:
    """Each group's terms as Scholar forms, and warnings for terms that had to fall back to a stem."""
    groups: list[list[str]] = []
    warnings: list[str] = []
    used_keys: set[str] = set()
    for group in family.groups:
        forms: list[str] = []
        for term in group.terms:
            spelled = family.scholar_forms.get(term)
            if spelled:
                used_keys.add(term)
            elif any(w in term for w in _WILDCARDS):
                stem = term.replace("*", "").replace("?", "").strip()
                warnings.append(
                    f"family '{family.id}': no [scholar.forms] for {term!r}; searching the "
                    f"bare stem {stem!r}, which Scholar matches only as a whole word"
                )
                spelled = [stem]
            else:
                spelled = [term]
            for form in spelled:
                clean = form.strip()
                if any(w in clean for w in _WILDCARDS):
                    raise ProtocolError(
                        f"family '{family.id}': Scholar form {form!r} (for {term!r}) contains "
                        f"a wildcard; spell the form out"
                    )
                if clean:
                    forms.append(clean)
        if not forms:
            raise ProtocolError(f"family '{family.id}': group '{group.name}' has no Scholar forms")
        groups.append(_dedupe(forms))
    for key in sorted(set(family.scholar_forms) - used_keys):
        warnings.append(f"family '{family.id}': [scholar.forms] key {key!r} matches no term in the groups")
    return groups, warnings


def _form(text: str) -> str:
    return f'"{text}"' if " " in text else text


def format_chunk(forms: list[str]) -> str:
    inner = " OR ".join(_form(f) for f in forms)
    return f"({inner})" if len(forms) > 1 else inner


def _partition(forms: list[str], parts: int) -> list[list[str]]:
    """Cut ``forms`` (in order) into at most ``parts`` chunks, keeping the longest chunk short."""

    def fill(capacity: int) -> list[list[str]] | None:
        chunks: list[list[str]] = [[]]
        for form in forms:
            if chunks[-1] and len(format_chunk(chunks[-1] + [form])) > capacity:
                chunks.append([])
            chunks[-1].append(form)
        return chunks if len(chunks) <= parts else None

    low, high = max(len(format_chunk([f])) for f in forms), len(format_chunk(forms))
    while low < high:  # the smallest capacity that fits in ``parts`` chunks
        middle = (low + high) // 2
        if fill(middle) is None:
            low = middle + 1
        else:
            high = middle
    return fill(low) or [forms]


def split_queries(groups: list[list[str]], max_length: int = MAX_QUERY_LENGTH) -> list[str]:
    """Queries of at most ``max_length`` characters that together cover every combination of forms."""
    parts = [1] * len(groups)
    while True:
        chunked = [_partition(forms, n) for forms, n in zip(groups, parts, strict=True)]
        widest = [max(len(format_chunk(c)) for c in chunks) for chunks in chunked]
        if sum(widest) + len(groups) - 1 <= max_length:
            break
        # Only a group whose widest chunk holds several forms can get narrower by cutting it finer.
        splittable = [i for i, chunks in enumerate(chunked) if len(max(chunks, key=lambda c: len(format_chunk(c)))) > 1]
        if not splittable:
            longest = " ".join(_form(max(forms, key=len)) for forms in groups)
            raise ProtocolError(
                f"even a single combination of forms is longer than {max_length} characters: {longest!r}"
            )
        target = max(splittable, key=lambda i: widest[i])
        parts[target] += 1
    return [" ".join(format_chunk(chunk) for chunk in combo) for combo in product(*chunked)]


def build_scholar_queries(family: Family, years: tuple[int, int], max_length: int = MAX_QUERY_LENGTH) -> ScholarPlan:
    groups, warnings = expand_forms(family)
    queries = split_queries(groups, max_length)
    return ScholarPlan(
        family=family.id, label=family.label, years=years, groups=groups, queries=queries, warnings=warnings
    )

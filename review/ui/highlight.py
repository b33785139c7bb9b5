"""Protocol search terms highlighted in record text, escaping first.

Terms come from the query families (``karriereveiledning*``: ``*`` is any word ending) and match
across diacritics (``karriarvagledning`` finds ``karriärvägledning``) because matching runs on the
folded text while the output keeps the original characters. Every piece of record text is
HTML-escaped; only the ``<mark>`` tags we add are markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from review.normalise import fold
from review.protocol import Protocol


@dataclass(frozen=True)
class Term:
    text: str  # as written in the protocol, e.g. "flyktning*"
    group: int  # position of its group in the family (0: the topic, 1: the target group, ...)


def protocol_terms(protocol: Protocol) -> list[Term]:
    """Every term of every family, with the index of its AND-group (for colouring)."""
    seen: dict[str, Term] = {}
    for family in protocol.families:
        for index, group in enumerate(family.groups):
            for text in group.terms:
                key = fold(text.strip())
                if key and key not in seen:
                    seen[key] = Term(text.strip(), index)
    return list(seen.values())


def _term_regex(term: str) -> str:
    truncated = term.endswith("*")
    words = [re.escape(w) for w in fold(term.rstrip("*")).split()]
    body = r"\s+".join(words)
    return rf"\b{body}\w*" if truncated else rf"\b{body}\b"


class TermMatcher:
    """Compiled once per protocol; ``spans`` finds terms in any text."""

    def __init__(self, terms: Sequence[Term]):
        ordered = sorted(terms, key=lambda t: len(t.text), reverse=True)  # longest alternative wins
        self.terms = ordered
        self.pattern = (re.compile("|".join(f"(?P<t{i}>{_term_regex(t.text)})" for i, t in enumerate(ordered)))
                        if ordered else None)

    def spans(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) in the original text, matched on its folded form."""
        if not self.pattern or not text:
            return []
        folded, origin = _fold_with_positions(text)
        found = []
        for match in self.pattern.finditer(folded):
            if match.end() == match.start():
                continue
            term = self.terms[int(match.lastgroup[1:])]
            found.append((origin[match.start()], origin[match.end() - 1] + 1, term))
        return found


def _fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the character it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        piece = fold(ch)
        chars.append(piece)
        origin.extend([index] * len(piece))
    return "".join(chars), origin


def highlight_html(text: str, matcher: TermMatcher) -> str:
    """Escaped text with the protocol's terms wrapped in ``<mark class="term gN">``."""
    text = text or ""
    out: list[str] = []
    last = 0
    for start, end, term in matcher.spans(text):
        if start < last:
            continue
        out.append(html.escape(text[last:start]))
        out.append(f'<mark class="term g{term.group}">{html.escape(text[start:end])}</mark>')
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def matched_terms(texts: Iterable[str], matcher: TermMatcher) -> list[str]:
    """The protocol terms that occur in any of the texts, in protocol spelling, for a short summary."""
    hits: dict[str, None] = {}
    for text in texts:
        for _, _, term in matcher.spans(text or ""):
            hits.setdefault(term.text, None)
    return list(hits)

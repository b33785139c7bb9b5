"""Protocol search terms and the review's own keywords highlighted in record text, escaping first.

Terms come from the query families (``karriereveiledning*``: ``*`` is any word ending) and from the
``[highlight]`` include/exclude keywords in review.toml. How a term matches (diacritics, inside a
compound, hyphen or space) is review/terms.py's rule, the one the cold start uses: matching runs on
the folded text while the output keeps the original characters. Every piece of record text is
HTML-escaped; only the ``<mark>`` tags we add are markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from review.normalise import fold
from review.protocol import Protocol
from review.terms import MIN_INNER_STEM, fold_with_positions, term_regex
from review.ui.i18n import N_

INCLUDE, EXCLUDE = "include", "exclude"  # the kinds of a review's own keywords


@dataclass(frozen=True)
class Term:
    text: str  # as written in the protocol, e.g. "flyktning*"
    group: int  # position of its group in the family (0: the topic, 1: the target group, ...)
    kind: str = "query"  # "query" (a search term), or a keyword: "include" (green), "exclude" (red)

    @property
    def css(self) -> str:
        return f"g{self.group}" if self.kind == "query" else f"kw-{self.kind}"


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


def review_terms(protocol: Protocol) -> list[Term]:
    """The review's own keywords first (an exclude keyword that is also a search term shows red),
    then the search terms."""
    seen: dict[str, Term] = {}
    for kind, words in ((EXCLUDE, protocol.exclude_keywords), (INCLUDE, protocol.include_keywords)):
        for text in words:
            key = fold(text.strip())
            if key and key not in seen:
                seen[key] = Term(text.strip(), 0, kind)
    for term in protocol_terms(protocol):
        seen.setdefault(fold(term.text), term)
    return list(seen.values())


# One set of colours for the card and the legend. Green and red are kept for the review's own include
# and exclude keywords (as Rayyan and Covidence use them); each keyword kind also has an underline, so
# colour is not the only sign (WCAG 1.4.1).
MARK_CSS = """<style>
mark.term, .legend mark { padding: 0 .15rem; border-radius: .2rem; color: #1a1a1a; }
mark.g0 { background: #ffe08a; }
mark.g1 { background: #c9d8ff; }
mark.g2 { background: #ead5f7; }
mark.kw-include { background: #9be3b0; border-bottom: 2px solid #1b6e35; }
mark.kw-exclude { background: #f6b0b0; border-bottom: 2px dashed #9b1c1c; }
.legend { font-size: .85rem; color: #31333f; margin: .2rem 0 .4rem 0; line-height: 1.9; }
</style>"""


LEGEND_NAMES = {
    "g0": N_("search term, first group (topic)"),
    "g1": N_("search term, second group (target group)"),
    "g2": N_("search term, third group"),
    "kw-include": N_("include keyword"),
    "kw-exclude": N_("exclude keyword"),
}


def legend_html(terms: Sequence[Term], translate: Callable[[str], str] = str) -> str:
    """What each colour means, naming only the colours these terms use (in the reader's language)."""
    kinds = {t.css for t in terms}
    items = [
        f'<mark class="{css}">{html.escape(translate(name))}</mark>'
        for css, name in LEGEND_NAMES.items()
        if css in kinds
    ]
    if not items:
        return ""
    note = translate(
        "Terms of {letters} letters or more also match inside compound words (flyktning* in "
        "overføringsflyktninger); a hyphen counts as a space or as nothing."
    ).format(letters=MIN_INNER_STEM)
    return (
        MARK_CSS
        + '<div class="legend">'
        + html.escape(translate("Highlighted:"))
        + " "
        + " ".join(items)
        + ". "
        + html.escape(note)
        + "</div>"
    )


class TermMatcher:
    """Compiled once per protocol; ``spans`` finds terms in any text."""

    def __init__(self, terms: Sequence[Term]):
        # The longest alternative wins; at equal length a keyword outranks a search term, exclude first.
        rank = {EXCLUDE: 0, INCLUDE: 1}
        ordered = sorted(terms, key=lambda t: (-len(t.text.rstrip("*")), rank.get(t.kind, 2)))
        self.terms = ordered
        sources = [(i, term_regex(t.text, whole_word=True)) for i, t in enumerate(ordered)]
        alternatives = [f"(?P<t{i}>{source})" for i, source in sources if source]
        self.pattern = re.compile("|".join(alternatives)) if alternatives else None

    def spans(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) in the original text, matched on its folded form."""
        if not self.pattern or not text:
            return []
        folded, origin = fold_with_positions(text)
        found = []
        for match in self.pattern.finditer(folded):
            if match.end() == match.start():
                continue
            group = match.lastgroup
            if group is None:  # every alternative of the pattern is a named group
                continue
            term = self.terms[int(group[1:])]
            found.append((origin[match.start()], origin[match.end() - 1] + 1, term))
        return found


def highlight_html(text: str, matcher: TermMatcher) -> str:
    """Escaped text with the terms wrapped in ``<mark class="term gN">`` (or ``kw-include``/``kw-exclude``)."""
    text = text or ""
    out: list[str] = []
    last = 0
    for start, end, term in matcher.spans(text):
        if start < last:
            continue
        out.append(html.escape(text[last:start]))
        out.append(f'<mark class="term {term.css}">{html.escape(text[start:end])}</mark>')
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

"""How a protocol search term matches text: one rule for highlighting (review/ui/highlight.py) and for
the cold start's ordering (screening/prioritise/cold_start.py).

Matching runs on folded text (case and diacritics, ``karriarvagledning`` finds *karriärvägledning*)
and knows how the Nordic languages write:
- a term may be the second part of a compound: ``flyktning*`` matches *overføringsflyktninger*,
  ``innvandr*`` *arbeidsinnvandrere*; a stem shorter than ``MIN_INNER_STEM`` letters only matches at
  the start of a word, since "bo" inside every compound is noise;
- a hyphen counts as a space or as nothing: ``karriereveiledning`` matches *karriere-veiledning*,
  ``career guidance`` matches *career-guidance*;
- ``*`` is any word ending; a term without it still takes the usual Nordic and English inflection
  endings (*flyktningene*, *refugees*), never a new word.
"""

from __future__ import annotations

import re

from review.normalise import fold

MIN_INNER_STEM = 4
INFLECTIONS = ("e", "er", "ene", "en", "et", "a", "ar", "arna", "erne", "s", "es")
HYPHEN = "[-\u2010\u2011]"  # hyphen-minus, hyphen, non-breaking hyphen
_ENDING = "(?:" + "|".join(sorted(INFLECTIONS, key=len, reverse=True)) + r")?\b"


def term_words(term: str) -> list[str]:
    """The folded words of a term, without its truncation mark; a hyphen splits words."""
    return re.sub(HYPHEN, " ", fold(term.strip().rstrip("*"))).split()


def term_regex(term: str, *, whole_word: bool = False) -> str | None:
    """The regular expression (over folded text) for one term; None for an empty term.

    ``whole_word`` widens a match inside a compound to the whole compound, for highlighting; a search
    finds the same texts either way."""
    words = term_words(term)
    if not words:
        return None
    # Inside a word, a hyphen may stand between any two letters (karriere-veiledning).
    body = rf"(?:\s|{HYPHEN})+".join(f"{HYPHEN}?".join(re.escape(ch) for ch in word) for word in words)
    inner = len(words) == 1 and len(words[0]) >= MIN_INNER_STEM
    if inner:
        start = r"\w*" if whole_word else ""
    else:
        start = r"(?<!\w)"
    end = r"\w*" if term.strip().endswith("*") else _ENDING
    return start + body + end


def compile_term(term: str) -> re.Pattern[str] | None:
    source = term_regex(term)
    return re.compile(source) if source else None


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the character it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        piece = fold(ch)
        chars.append(piece)
        origin.extend([index] * len(piece))
    return "".join(chars), origin

"""One person, one name: reviewer names compared without case, accents or extra spaces.

'Anna', 'anna' and 'ÅNNA ' must never count as two reviewers, or one person could supply both votes
of a dual decision. Letters that are not an accented base letter (ø, æ, ð) are kept as they are:
'Bjørn' and 'Bjorn' are different spellings a Norwegian team would not confuse."""

from __future__ import annotations

import unicodedata


def tidy(name: str) -> str:
    """The name as it is stored: trimmed, inner runs of spaces made one, NFC."""
    return unicodedata.normalize("NFC", " ".join((name or "").split()))


def fold(name: str) -> str:
    """The comparison key: case-folded, combining accents removed ('Ånna' → 'anna')."""
    decomposed = unicodedata.normalize("NFKD", tidy(name).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def same_person(a: str, b: str) -> bool:
    return fold(a) == fold(b)

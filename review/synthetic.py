"""Synthetic stand-in records: made-up test data that must never pass for a real publication.

A record is synthetic when the file it came from says so: a note (RIS ``N1``, BibTeX ``note``, a
``Note`` column) that calls it a synthetic stand-in, or a ``synthetic``/``data-synthetic`` flag (a
column of our own tabular exports, an attribute of a saved Scholar result). The mark is read once, at
import, stored on the raw record and carried to its work; every export, the status command and the
screening card show it, so stand-ins cannot be published by mistake.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# How the bundled review's files mark a stand-in (docs/bundled-review.md); our own exports write it too.
MARKER_NOTE = "Syntetisk stand-in-post (ikke en ekte publikasjon)"
_PHRASES = ("syntetisk stand-in", "synthetic stand-in")
_NOTE_KEYS = frozenset({"n1", "note", "notes", "annote"})
_FLAG_KEYS = frozenset({"synthetic", "data-synthetic"})
_TRUE = frozenset({"1", "true", "yes", "ja"})

COLUMN = "synthetic"  # the column every tabular export carries

_WORDS = {
    "en": {
        "label": "SYNTHETIC",
        "note": "Synthetic stand-in record (not a real publication)",
        "header": "Warning: {n} of these works are synthetic stand-ins (test data, not real publications), "
        "marked {label}. Do not publish them.",
    },
    "no": {
        "label": "SYNTETISK",
        "note": MARKER_NOTE,
        "header": "Advarsel: {n} av disse arbeidene er syntetiske stand-in-poster (testdata, ikke ekte "
        "publikasjoner), merket {label}. De må ikke publiseres.",
    },
}


def words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["en"])


def fields_say_synthetic(fields: Mapping[str, Sequence[str]]) -> bool:
    """True when a record's fields, exactly as read, carry the synthetic mark."""
    for key, values in fields.items():
        name = str(key).strip().casefold()
        if isinstance(values, str):
            values = [values]
        if name in _FLAG_KEYS and any(str(v).strip().casefold() in _TRUE for v in values):
            return True
        if name in _NOTE_KEYS and any(p in str(v).casefold() for v in values for p in _PHRASES):
            return True
    return False


def note(language: str) -> str:
    """The note an exported reference carries (RIS N1, BibTeX note), which our importers read back."""
    return words(language)["note"]


def label(language: str) -> str:
    return words(language)["label"]


def header(count: int, language: str) -> str:
    """The line an appendix or included-studies export starts with when it holds stand-ins."""
    return words(language)["header"].format(n=count, label=label(language))

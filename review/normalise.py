"""Normalisation shared by importers, deduplication, term highlighting and reports.

One function per idea: there is exactly one way to normalise a DOI, a title key, a name or a year.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import unquote

from review.model import Author

# Letters that Unicode does not decompose into a base letter plus a mark.
_FOLD_EXTRA = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "œ": "oe",
        "Œ": "OE",
    }
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u00ad-]")
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def clean_text(value: str | None) -> str:
    """NFC, no control characters, single spaces. Markup is kept as text."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value)
    if not value.isprintable():  # fast path: most values need no per-character pass
        value = "".join(ch if ch.isprintable() else " " for ch in value)  # tabs and newlines become spaces anyway
    # Every whitespace character but the plain space is non-printable, so only runs of spaces are left.
    return (_SPACES.sub(" ", value) if "  " in value else value).strip()


def fold(value: str) -> str:
    """Lower case without diacritics (ø→o, å→a, ä→a): for comparing, never for display."""
    if value.isascii():  # nothing to fold: the common case, and 20 times faster
        return value.lower()
    value = unicodedata.normalize("NFKD", value.translate(_FOLD_EXTRA))
    return "".join(ch for ch in value if not unicodedata.combining(ch)).casefold()


def title_key(title: str | None) -> str:
    """A comparison key for titles: folded, dashes and punctuation unified to spaces."""
    if not title:
        return ""
    value = fold(_DASHES.sub(" ", title))
    value = _NON_WORD.sub(" ", value).replace("_", " ")
    return _SPACES.sub(" ", value).strip()


def normalise_doi(value: str | None) -> str | None:
    """``https://doi.org/10.1/X.`` → ``10.1/x``; None when there is no DOI in the text."""
    if not value:
        return None
    # Exports carry DOIs URL-encoded ("%28" for "(") or HTML-escaped ("&lt;"): one DOI, one key.
    match = _DOI.search(html.unescape(unquote(value.strip())))
    if not match:
        return None
    doi = match.group(0).rstrip(".,;)]}>\"'").lower()
    return doi or None


def parse_year(value: str | None) -> int | None:
    if value is None:
        return None
    match = _YEAR.search(str(value))
    return int(match.group(1)) if match else None


_INITIALS = re.compile(r"^(?:[A-ZÆØÅÄÖÜ]{1,4}|(?:[A-ZÆØÅÄÖÜ]\.\s?){1,4})$")
# Initials after a surname in the Vancouver style of PubMed, Embase and Scopus: "AB", "R.", "J.-P.", "A.B.".
_TRAILING_INITIALS = re.compile(r"^(?:[A-ZÆØÅÄÖÜ]{1,3}\.?|(?:[A-ZÆØÅÄÖÜ]\.?-?){1,4})$")
# Words that make a name an organisation's, in the languages of the sources (matched on folded words;
# entries ending in "-" match as prefixes, so "direktorat-" covers "direktoratet" and compounds are
# caught by the suffixes below).
_ORGANISATION_WORDS = frozenset(
    """
    university universitet universitetet universitat universite universidad universita college hogskole
    hogskolen hogskola hogskolan hojskole institute institut institutt instituttet institutet ministry
    ministeriet department departement departementet directorate direktorat direktoratet agency agencies
    authority authorities council councils committee commission board bureau office centre center senter
    senteret centrum organisation organization organisasjon association forening foreningen forbund
    forbundet foundation stiftelse stiftelsen society selskap group gruppe gruppen collaboration
    collaborative consortium network nettverk kommune kommunes kommun kommunen fylkeskommune region
    regionen regjeringen government statistics statistikk statistik sentralbyra centralbyran tilsynet
    verket ombudet ltd gmbh oecd unhcr unesco unicef
""".split()
)
_ORGANISATION_SUFFIXES = (
    "direktoratet",
    "departementet",
    "tilsynet",
    "instituttet",
    "institutet",
    "senteret",
    "verket",
    "byraet",
    "byran",
    "kommune",
    "styrelsen",
    "verket",
    "radet",
)


# A company's legal form after its name, as Nordic catalogues and Scholar write consultancies and other firms
# ("Opinion AS", "Sweco AB", "COWI A/S", "Synthetic Analys Oy"). Compared folded, without a final full stop.
LEGAL_FORMS = frozenset({"as", "asa", "a/s", "ab", "aps", "oy", "oyj", "hf", "ehf", "ltd", "plc", "inc", "llc", "gmbh"})


def legal_form(name: str) -> str:
    """The legal form a name ends in ("AS" of "Opinion AS"), or "" (a one-word name is no company's)."""
    words = name.split()
    return words[-1] if len(words) > 1 and fold(words[-1]).rstrip(".") in LEGAL_FORMS else ""


def without_legal_form(name: str) -> str:
    """ "Opinion AS" -> "Opinion": the name Scholar and a publisher field use for the company."""
    form = legal_form(name)
    return name[: len(name.rstrip()) - len(form)].rstrip(" ,") if form else name


@lru_cache(maxsize=50_000)
def is_organisation(name: str) -> bool:
    """True when a name reads as an organisation's ("Statistisk sentralbyrå", "Utlendingsdirektoratet")."""
    words = [w.strip(".,;:()") for w in fold(name).split()]
    return any(w in _ORGANISATION_WORDS or (len(w) > 8 and w.endswith(_ORGANISATION_SUFFIXES)) for w in words)


def parse_author(value: str, *, vancouver: bool = True) -> Author | None:
    """Read one name in any of the forms exports use.

    ``Nordmann, Kari`` and ``Nordmann, K.`` (RIS, BibTeX, MEDLINE FAU); ``Nordmann KA`` and ``Liu R.``
    (Vancouver: PubMed AU, Embase, Scopus); ``KA Nordmann`` (Google Scholar); ``Kari Nordmann`` (free
    text). An organisation ("Statistisk sentralbyrå") stays whole as the family name with no given name.

    ``vancouver``: whether the source may write a person as surname plus initials. Where it may not
    (a reader that knows the list's style says so), "Opinion AS" and "Sweco AB" are companies, not a
    surname with the initials "AS"/"AB". A legal form that never looks like initials ("ApS", "Oy", "A/S")
    names a company in any source.
    """
    value = clean_text(value).strip(" ,;")
    if not value or value in {"…", "...", "et al.", "et al"}:
        return None
    if "," in value:
        family, _, given = value.partition(",")
        # "Ministry of Health, Norway" is an organisation; "Board, John" is a person called Board.
        if " " in family.strip() and is_organisation(value):
            return Author(value)
        return Author(family.strip(), given.strip())
    if is_organisation(value):
        return Author(value)
    form = legal_form(value)
    if form and not (vancouver and _TRAILING_INITIALS.match(form)):
        return Author(value)
    parts = value.split(" ")
    if len(parts) == 1:
        return Author(parts[0])
    if _INITIALS.match(parts[0]) and not _INITIALS.match(parts[-1]):
        lead = 1
        while lead < len(parts) - 1 and _INITIALS.match(parts[lead]):
            lead += 1
        return Author(" ".join(parts[lead:]), " ".join(parts[:lead]))  # KA Nordmann, A. B. Smith
    if _TRAILING_INITIALS.match(parts[-1]) and not _INITIALS.match(parts[0]):
        return Author(" ".join(parts[:-1]), parts[-1])  # Nordmann KA, Liu R.
    return Author(parts[-1], " ".join(parts[:-1]))


def looks_like_vancouver(name: str) -> bool:
    """'Nordmann KA', 'Liu R.': a surname followed by initials (for telling how a cell lists names)."""
    parts = clean_text(name).split(" ")
    return len(parts) > 1 and bool(_TRAILING_INITIALS.match(parts[-1])) and not _INITIALS.match(parts[0])


# Record ids that name one work in every database that carries them (unlike a database's own
# accession numbers): deduplication may join two records that share one.
SHARED_ID_PREFIXES = ("pmid:",)


def pmid_key(value: str) -> str:
    """The one form a PubMed id is stored in: 'pmid:12345678' (leading zeros dropped)."""
    return f"pmid:{int(value)}"


def shared_record_id(source: str, source_id: str | None) -> str | None:
    """A record id that identifies a work across searches: a Primo id (Oria records), or a PMID."""
    if not source_id:
        return None
    if source == "oria" or source_id.startswith(SHARED_ID_PREFIXES):
        return source_id
    return None


# Repository items: a DSpace handle (Norwegian repositories such as ODA, DUO, Brage and NTNU Open share the
# prefix 11250; Danish and Finnish ones have their own), in any of the forms a record carries it: the
# resolver ("hdl.handle.net/11250/2758123"), the repository's landing page (".../handle/11250/2758123") or
# a file inside it (".../bitstream/handle/11250/2758123/rapport.pdf"). Swedish DiVA names an item
# "diva2:1234567" in its links. One item is one deposited work, whichever link a source kept.
_HANDLE = re.compile(r"(?:hdl\.handle\.net|/handle)/(\d+(?:\.\d+)*)/(\d+)(?=[/?#]|$)", re.I)
_DIVA = re.compile(r"diva2(?::|%3a)(\d+)", re.I)


def repository_item(url: str | None) -> str:
    """The repository item a link points into ("hdl:11250/2758123", "diva2:1234567"), or "" for any other link."""
    if not url:
        return ""
    handle = _HANDLE.search(url)
    if handle:
        return f"hdl:{handle.group(1)}/{handle.group(2)}"
    diva = _DIVA.search(url)
    return f"diva2:{diva.group(1)}" if diva else ""


def author_key(author: Author) -> str:
    """Folded family name for matching: 'Søholt' and 'Soholt' compare equal."""
    return title_key(author.family)


def split_identifiers(values: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split ISBN/ISSN fields (several may share one RIS SN line) into ISBNs and ISSNs."""
    isbns: list[str] = []
    issns: list[str] = []
    for value in values:
        for token in re.split(r"[\s;,]+", value or ""):
            compact = re.sub(r"[^0-9Xx]", "", token).upper()
            if len(compact) == 8 and re.fullmatch(r"\d{7}[\dX]", compact):
                issn = f"{compact[:4]}-{compact[4:]}"
                if issn not in issns:
                    issns.append(issn)
            elif len(compact) in (10, 13) and re.fullmatch(r"\d{9,12}[\dX]", compact):
                if compact not in isbns:
                    isbns.append(compact)
    return isbns, issns

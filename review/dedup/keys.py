"""Comparison keys: what deduplication looks at in a record, computed once per record.

Everything goes through ``review.normalise`` (title_key, fold, author_key); this module only decides
which parts of a title matter for telling works apart: the main title versus the subtitle, a title
Google Scholar shortened with "…", and the numbers that tell volumes of one series apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from review.model import Author, RawRecord
from review.normalise import (
    LEGAL_FORMS,
    author_key,
    repository_item,
    shared_record_id,
    title_key,
    without_legal_form,
)

# Scholar shortens long titles and ends them with an ellipsis; so do some PoP exports ("...").
_CUT_END = re.compile(r"\s*(?:…|\.\.\.)\s*$")
# Where a subtitle starts: "Title: subtitle", "Title - subtitle", "Title. Subtitle".
_SUBTITLE = re.compile(r"\s*[:;?!]\s+|\s+[-–—]\s+|\.\s+(?=[A-ZÆØÅÄÖ0-9])")
# What a spreadsheet leaves when it read a title starting with "-" or "=" as a formula: no title at all.
_SPREADSHEET_ERROR = re.compile(r"^\s*#(?:NAME\?|VALUE!|REF!|N/A|ERROR!?)\s*$", re.I)
_DIGITS = re.compile(r"\d+")
# A note databases append to a title: "[Chinese]", "[Review] [108 refs]", "[Erratum appears in …]".
# The note may be cut off by the export's field length: "….[Erratum appears in Brain Inj. 2013".
_TRAILING_NOTE = re.compile(r"\s*\.?\[[^\[\]]*(?:\]\.?\s*)?$")
# Roman numerals in the original spelling (case matters: Nordic "i" is a preposition).
_ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
# Name particles that one database files under the surname and another drops: "De Joode"/"Joode".
_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "di",
    "da",
    "du",
    "le",
    "la",
    "del",
    "dos",
    "af",
    "av",
    "ten",
    "ter",
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
    "2nd",
    "3rd",
}
# A lower-case letter followed by a capital inside a word: where exports glue names together
# ("DengDongdong LinCalhoun", "KohliR.P.").
_GLUE = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")
# Words of the first author's name kept for spotting swapped or glued names: enough to reach the
# first surname in "Su-Ping DengDongdong Lin…", few enough not to reach far into a glued team.
FIRST_NAME_WORDS = 4
# A bracketed trailing part this long is a translated title ("Crowdwork … [Arbeiten in der Crowd …]"),
# not a database note ("[Review]", "[Chinese]").
ALT_TITLE_MIN_WORDS = 4
_ROMAN_NEIGHBOURS = {"og", "och", "and", "&", "und", "et", "del", "part", "vol", "volume", "bind", "band"}


@dataclass(slots=True)
class Keys:
    title: str  # title_key of the whole title, ellipsis and language tag removed
    main: str  # title_key of the part before the first subtitle separator
    has_subtitle: bool
    cut: bool  # the title was shortened with "…"
    numbers: tuple[int, ...]  # sorted numbers in the title (digits and Roman numerals)
    authors: tuple[str, ...]  # folded family names in order, particles and suffixes ("Jr") removed
    authors_cut: bool
    first_names: frozenset[str]  # folded words of the first author's family and given names, unglued
    team_names: frozenset[str]  # the same for the first five authors, for checking co-authors
    year: int | None
    doi: str | None
    source_id: str | None  # Primo record id or PMID: ids that identify a work across searches
    cluster_id: str | None
    doc_type: str
    venue: tuple[str, ...]  # significant words of the journal or series name
    volume: str  # the volume's number where it has one ("Drug Discovery. 9" -> "9")
    issue: str
    first_page: str  # digits only: "c37" and "37" are one page in two styles
    last_page: str  # digits of a range's end ("683-691" -> "691"); empty for a single page
    page_is_locator: bool  # "c1804", "e123": an article number, not comparable with a print page
    page_is_range: bool  # "683-691"; a lone number may be an article number, an issue or a year
    pages_garbled: bool  # read back from a spreadsheet date ("Sep-15"): may agree, never conflicts
    alt_title: str = ""  # title_key of a bracketed translation at the end of the title
    cochrane: str = ""  # Cochrane review number ("cd001869"), shared by every version of one review
    meeting: bool = False  # the venue is a conference, congress or meeting (abstracts)
    issue_numbers: frozenset[str] = frozenset()  # every number in the issue field ("5 II Suppl. 140")
    issue_label: str = ""  # title_key of the whole issue field ("8 supplement 1"), for supplements
    notice: str = ""  # "correction" or "reprint": the record is a notice about the article of that title
    # Found through Google Scholar (result pages, Publish or Perish, "Cite"): its type is a guess ([BOOK] and
    # @book are given to reports and chapters alike) and its title may be cut at a subtitle.
    scholar: bool = False
    heads: tuple[str, ...] = ()  # title_key of the title up to each subtitle separator, shortest first
    publisher: str = ""  # title_key of the publisher ("opinion", "fafo", "kunnskapsdepartementet")
    people: bool = False  # some author is a person (has a given name or initials), not only an organisation
    organisation: bool = False  # the one author has no given name ("Kunnskapsdepartementet", "IMDi", "Opinion AS")
    host: str = ""  # a chapter's book: title_key of its venue ("En guide til karrierevejledningens …")
    repository_item: str = ""  # the repository item its link points into ("hdl:11250/2758123"), see normalise

    @property
    def words(self) -> int:
        return self.title.count(" ") + 1 if self.title else 0


def _heads(title: str, main: str, full: str) -> tuple[str, ...]:
    """The title's keys up to each subtitle separator; the first is the main title, already computed."""
    found = [main] + [title_key(title[: m.start()]) for m in list(_SUBTITLE.finditer(title))[1:]]
    return tuple(dict.fromkeys(k for k in found if k and k != full))


def _roman_value(token: str) -> int:
    total = 0
    for current, following in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_VALUES[current]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total


def title_numbers(title: str) -> tuple[int, ...]:
    """Numbers that distinguish volumes: "Delrapport 2", "integreringspakke II og III", "type 1".

    A lone capital "I" counts only where it reads as a numeral (at the end of a title segment or
    next to another numeral or a word like "og"/"part"), not as a capitalised Nordic "i".
    """
    numbers = [int(d) for d in _DIGITS.findall(title)]
    tokens = re.findall(r"[\w&]+|[:.;,]", title)
    for pos, token in enumerate(tokens):
        if not _ROMAN.match(token):
            continue
        if token == "I":
            before = tokens[pos - 1].lower() if pos > 0 else ""
            after = tokens[pos + 1].lower() if pos + 1 < len(tokens) else ""
            at_segment_end = after in ("", ":", ".", ";", ",")
            if pos == 0 or not (
                at_segment_end
                or after in _ROMAN_NEIGHBOURS
                or before in _ROMAN_NEIGHBOURS
                or _ROMAN.match(tokens[pos + 1] if after else "")
            ):
                continue
        numbers.append(_roman_value(token))
    return tuple(sorted(numbers))


def record_keys(record: RawRecord) -> Keys:
    raw_title = "" if _SPREADSHEET_ERROR.match(record.title or "") else record.title or ""
    cut = bool(_CUT_END.search(raw_title))
    pages, garbled = page_text(record)
    notice, uncut = split_notice(_CUT_END.sub("", raw_title))
    title = _strip_notes(uncut)
    parts = _SUBTITLE.split(title, maxsplit=1)
    main = title_key(parts[0])
    full = title_key(title)
    heads = _heads(title, main, full) if len(parts) > 1 else ()
    return Keys(
        title=full,
        main=main,
        has_subtitle=len(parts) > 1 and bool(_WORD.search(parts[1])),
        cut=cut,
        numbers=title_numbers(title),
        authors=tuple(k for k in (_surname_key(_family(a)) for a in record.authors) if k and k not in _NO_AUTHOR),
        authors_cut=record.authors_truncated,
        first_names=_first_names(record.authors[0] if record.authors else None),
        team_names=frozenset(
            w for a in record.authors[:5] for w in _name_words(a.family or "") + _name_words(a.given or "")
        ),
        year=record.year,
        doi=doi_key(record.doi),
        source_id=shared_record_id(record.source, record.source_id),
        cluster_id=record.cluster_id or None,
        doc_type=record.doc_type or "other",
        venue=venue_words(record.venue),
        page_is_locator=bool(_LOCATOR.match(pages)),
        pages_garbled=garbled,
        page_is_range=bool(re.match(r"\s*[A-Za-z]?\d+\s*[-–]+\s*[A-Za-z]?\d+", pages)),
        volume=_volume(record),
        issue=_number_part(record.issue),
        first_page=_first_page(pages),
        last_page=_last_page(pages),
        alt_title=_alt_title(uncut, title),
        cochrane=cochrane_number(record),
        notice=notice,
        meeting=bool(_MEETING.search(record.venue or "")),
        issue_label=title_key(record.issue),
        issue_numbers=frozenset(d.lstrip("0") for d in _DIGITS.findall(record.issue or "")),
        scholar=record.source == "scholar",
        heads=heads,
        publisher=title_key(record.publisher),
        people=any(a.given and _family(a) == a.family for a in record.authors),
        host=title_key(record.venue) if record.doc_type == "chapter" else "",
        repository_item=repository_item(record.url),
        organisation=len(record.authors) == 1
        and not (record.authors[0].given and _family(record.authors[0]) == record.authors[0].family),
    )


_WORD = re.compile(r"\w")
# An article number ("e0182879", "c37"); a lettered range ("S84-S85") is a supplement's print pages.
_LOCATOR = re.compile(r"\s*[A-Za-z]\d+\s*$")
# What databases write where a work has no named author: no evidence for or against a match.
_NO_AUTHOR = {"anonymous", "anon", "unknown", "none"}


def _family(author: Author) -> str:
    """The name to compare: the company's name for "Opinion AS" (Scholar and publisher fields write
    "Opinion"), else the family name. Stores imported by an early name parser hold "Opinion AS" as given
    "Opinion", family "AS": read the same way."""
    if author.given and (author.family or "").strip(" .").lower() in LEGAL_FORMS:
        return author.given
    if not author.given:
        return without_legal_form(author.family or "")
    return author.family or ""


# Where initials or a second name were glued onto a surname ("KohliR.P.", "FedotovaYuOrdyan"): a
# capital after a lower-case letter, itself followed by a full stop, another capital or the end.
# "McDonald" and "DeVries" are not cut: their capital is followed by a lower-case letter.
_GLUED_INITIALS = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ]?(?:[.A-ZÀ-Þ]|$))")


@lru_cache(maxsize=200_000)
def _surname_key(family: str) -> str:
    """Names repeat across records: compute each once."""
    head = _GLUED_INITIALS.split(family, 1)[0]
    return surname_core(author_key(Author(head if len(head) >= 2 else family)))


_VENUE_STOPWORDS = {"the", "of", "and", "for", "in", "on", "a", "an", "og", "och", "i", "journal", "j"}


@lru_cache(maxsize=50_000)
def venue_words(venue: str | None) -> tuple[str, ...]:
    """'The American Journal of Kidney Diseases' -> ('american', 'kidney', 'diseases'); abbreviations keep
    their stems ('am', 'kidney', 'dis'), so the two can be compared word by word as prefixes."""
    name = venue or ""
    if "conference" in name.lower():
        name = name.split(":")[0].split(".")[0]
    # Drop an Embase citation glued on ("Molecular Psychiatry.9 (3) ()(pp 278-286)") and a place
    # in brackets ("Front Endocrinol (Lausanne)").
    name = _PLACE_IN_BRACKETS.sub(" ", _GLUED_CITATION.split(name, 1)[0])
    return tuple(w for w in title_key(name).split() if w not in _VENUE_STOPWORDS)


_MEETING = re.compile(r"conference|congress|meeting|symposium|abstracts", re.I)
_GLUED_CITATION = re.compile(r"\.\s*(?=\d|\()")
_PLACE_IN_BRACKETS = re.compile(r"\([^()]*\)")


def surname_core(key: str) -> str:
    """'van kessel' -> 'kessel', 'de la cruz' -> 'cruz', 'wright jr' -> 'wright'; compound names keep
    their words ('macedo barcelos') so either part can match."""
    words = key.split(" ")
    kept = [w for w in words if w not in _PARTICLES]
    return " ".join(kept or words)


@lru_cache(maxsize=200_000)
def _name_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in title_key(_GLUE.sub(" ", text)).split() if len(w) > 1 and w not in _PARTICLES)


def _first_names(author: Author | None) -> frozenset[str]:
    """'Mohammad|Salari PoonehRezaie…' -> {mohammad, salari, pooneh, rezaie}: lets a surname be found
    when an export swapped given and family names or glued a whole team into one name."""
    if author is None:
        return frozenset()
    return frozenset(_name_words(author.family or "")[:FIRST_NAME_WORDS] + _name_words(author.given or ""))


# A figure's or table's DOI is its article's DOI plus ".g001"/".t002" (PLOS).
_FIGURE_SUFFIX = re.compile(r"\.[gts]\d{3}$")
_DOI_PUNCTUATION = re.compile(r"[^0-9a-z]")


def doi_key(doi: str | None) -> str | None:
    """A DOI with its punctuation dropped, for comparison only: exports mistype the separators
    ("fnr.v57i0.21245"/"fnrv57i0.21245", "endrev/bnz002"/"endrevbnz002", "…-3_3"/"…-3-3")."""
    if not doi:
        return None
    return _DOI_PUNCTUATION.sub("", _FIGURE_SUFFIX.sub("", doi.lower())) or None


# Every version of a Cochrane review (protocol, review, updates, withdrawal) keeps its review number:
# in the DOI (10.1002/14651858.CD001869.pub4) and, in database exports, in the page or issue field.
_COCHRANE_DOI = re.compile(r"^10\.1002/14651858\.(cd\d{6})", re.I)
_COCHRANE_LOCATOR = re.compile(r"^\s*(cd\d{6})\s*$", re.I)


def cochrane_number(record: RawRecord) -> str:
    match = _COCHRANE_DOI.match(record.doi or "")
    if match:
        return match.group(1).lower()
    if "cochrane" in (record.venue or "").lower():
        for value in (record.pages, record.issue):
            match = _COCHRANE_LOCATOR.match(value or "")
            if match:
                return match.group(1).lower()
    return ""


def _alt_title(uncut: str, title: str) -> str:
    """The bracketed part _strip_notes dropped, when it reads as a title rather than a note."""
    note = uncut[len(title) :].strip().strip(".").strip()
    if note.startswith("[") and not re.match(r"\[\s*(?:erratum|comment|review|published|retraction)", note, re.I):
        key = title_key(note.strip("[].")) if "[" not in note[1:] else ""
        if key.count(" ") + 1 >= ALT_TITLE_MIN_WORDS:
            return key
    return ""


_ONE_NUMBER_AT_END = re.compile(r"^[^\d()]*?(\d+)\s*$")


# A notice about an article names it in its title: "Correction: <title>", "Erratum to - <title>",
# "Reprint of: <title>", or Web of Science's "<title> (vol 221, pg 92, 2014)" and "(Reprinted from …)".
_NOTICE_PREFIX = re.compile(
    r"^\s*(correction|corrigendum|erratum|errata|reprint)s?\b(?:\s+(?:to|of|for|on))?"
    r"\s*[:.\-–]\s*(?=\w)",
    re.I,
)
# The volume form needs page and year ("(vol 9, e98734, 2014)"), so "Handbook (Vol. 2)" keeps its number.
_NOTICE_SUFFIX = re.compile(r"\s*\((vol\b[^()]*\b(?:19|20)\d\d|reprinted from[^()]*)(?:\)|$)\s*$", re.I)
# Labels around a title that are not part of it: "From the cover: …", "… (Retracted article. See …)",
# "… Figure presented", and MEDLINE's language of the original after an English title ("…. Spanish").
_LABEL_PREFIX = re.compile(r"^\s*(?:from the cover|withdrawn)\s*[:.]\s*(?=\w)", re.I)
_LABEL_SUFFIX = re.compile(
    r"(?:\s*\((?:retracted|retraction)\b[^()]*(?:\)|$)|\s*\[?figure presented\]?|\.\s*(?:english|spanish|german|french"
    r"|russian|hungarian|italian|portuguese|polish|czech|dutch|chinese|japanese|korean|turkish|croatian|serbian"
    r"|romanian|greek|hebrew|persian|norwegian|swedish|danish|finnish))\s*\.?\s*$",
    re.I,
)


def split_notice(title: str) -> tuple[str, str]:
    """("correction" | "reprint" | "", the title of the article itself) without labels around it."""
    notice = ""
    match = _NOTICE_PREFIX.match(title) or _NOTICE_SUFFIX.search(title)
    if match:
        word = match.group(1).lower()
        notice = "reprint" if word.startswith("reprint") else "correction"
        title = title[match.end() :] if match.start() == 0 and match.end() < len(title) else title[: match.start()]
    title = _LABEL_SUFFIX.sub("", _LABEL_PREFIX.sub("", title))
    return notice, title


def _strip_notes(title: str) -> str:
    """Drop trailing bracketed notes, but not a whole title MEDLINE put in brackets ("[Title]. [Spanish]")."""
    while True:
        shorter = _TRAILING_NOTE.sub("", title)
        if shorter == title or not re.search(r"\w", shorter):
            return title
        title = shorter


# Embase records exported through some reference managers carry the citation inside the journal
# field: "Journal of Neurochemistry.108 (6) ()(pp 1423-1433) 2009.Date of Publication: …",
# "Frontiers in Pharmacology.6 (JAN) (no pagination)".
_VENUE_CITATION = re.compile(r"\.(\d+)\s*\([^()]*\)\s*\(\)\(pp")
_VENUE_PAGES = re.compile(r"\(pp\s+([^()]+)\)")
# A spreadsheet reads a page range such as "9-15" or "1-6" as a date and writes "Sep-15" or "01-Jun".
# Which number came first cannot be told for sure, so such pages can confirm a match but not refute one.
_MONTHS = {m: str(n) for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_SPREADSHEET_PAGES = re.compile(r"^\s*(?:([a-z]{3})-(\d{1,4})|(\d{1,2})-([a-z]{3}))\s*$", re.I)


def _venue_volume(venue: str | None) -> str:
    """The volume written into the journal field, used only when the volume field is empty."""
    match = _VENUE_CITATION.search(venue or "")
    return match.group(1).lstrip("0") if match else ""


def _volume(record: RawRecord) -> str:
    """The volume's number; a volume equal to the year (magazines, "BMJ Clin Evid 2010") is no volume."""
    volume = _number_part(record.volume) or _venue_volume(record.venue)
    return "" if record.year and volume == str(record.year) else volume


def page_text(record: RawRecord) -> tuple[str, bool]:
    """(pages as printed or "" when unknown, whether a spreadsheet turned them into a date). The year,
    which some databases put in the pages field, is no page; an Embase-style journal field gives the
    pages when the field is empty."""
    pages = (record.pages or "").strip()
    if not pages:
        match = _VENUE_PAGES.search(record.venue or "")
        pages = match.group(1).strip() if match else ""
    if record.year and re.match(rf"{record.year}(?!\d)", pages):
        return "", False
    match = _SPREADSHEET_PAGES.match(pages)
    if match:
        if match.group(1) and match.group(1).lower() in _MONTHS:  # "Sep-15": pages 9-15
            return f"{_MONTHS[match.group(1).lower()]}-{match.group(2).lstrip('0')}", True
        if match.group(4) and match.group(4).lower() in _MONTHS:  # "03-Dec": pages 3-12
            return f"{match.group(3).lstrip('0')}-{_MONTHS[match.group(4).lower()]}", True
    return pages, False


def _number_part(value: str | None) -> str:
    """The volume or issue number when the field holds exactly one, at its end ("Drug Discovery. 9");
    empty for supplements and other shapes ("61 (Supplement 1)", "1)"), which are not compared."""
    match = _ONE_NUMBER_AT_END.match(value or "")
    return match.group(1).lstrip("0") if match else ""


def _last_page(pages: str | None) -> str:
    """The end of a page range, written out in full: "1673-84" -> "1684"."""
    match = re.match(r"\s*[A-Za-z]?(\d+)[A-Za-z]?\s*[-–]+\s*[A-Za-z]?(\d+)", pages or "")
    if not match:
        return ""
    first, last = match.group(1).lstrip("0"), match.group(2).lstrip("0")
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return last


def _first_page(pages: str | None) -> str:
    match = re.match(r"\s*[A-Za-z]?(\d+)", pages or "")  # "c37" and "37": one page, two styles
    return match.group(1).lstrip("0") if match else ""

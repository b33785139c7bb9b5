"""From the fields one reader found to one normalised ``RawRecord``: shared by every reader.

Readers only split a file into records and collect ``fields`` (every tag or column as read); this
module looks roles up through a mapping table and normalises them with ``review.normalise``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from review.encoding import DecodedText
from review.importers import limits, mappings
from review.messages import Message
from review.model import Author, ImportResult, Problem, RawRecord
from review.normalise import (
    clean_text,
    fold,
    legal_form,
    looks_like_vancouver,
    normalise_doi,
    parse_author,
    parse_year,
    pmid_key,
    split_identifiers,
)

log = logging.getLogger(__name__)

# Column widths in the store; longer values are clipped here (the full text stays in ``fields``).
_CLIP = {"source_id": 300, "cluster_id": 64, "volume": 50, "issue": 50, "pages": 50}
_TRUNCATION = re.compile(r"(…|\.\.\.|\bet al\b\.?)\s*$", re.IGNORECASE)
_PACKED_DATE = re.compile(r"^\s*(\d{4})(?:\d{2}){1,2}\s*$")  # PNX addata/date: YYYYMMDD
_CLUSTER = re.compile(r"[?&](?:cites|cluster)=(\d+)")
_DIGITS = re.compile(r"\d[\d\s.,\u00a0]*")
_TRUE = frozenset({"yes", "ja", "true", "1", "y", "j", "peer_reviewed", "peer reviewed", "fagfellevurdert"})
_SCHOLAR_NAME = re.compile(r"^(?:[A-ZÆØÅÄÖÜ]{1,4}|(?:[A-ZÆØÅÄÖÜ]\.\s?){1,4})\s+\S")  # "KA Nordmann"
# The start of the problem a bug in normalising gives: the fuzz tests fail on it, so it cannot hide.
INTERNAL_ERROR = Message("this record could not be read because of an internal error")
_FALSE = frozenset({"no", "nei", "nej", "false", "0", "n"})


def _marker_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(fold(marker)) for marker in sorted(markers, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_STUDENT_THESIS = _marker_pattern(mappings.STUDENT_THESIS_MARKERS)
_NOT_STUDENT_THESIS = _marker_pattern(mappings.NOT_STUDENT_THESIS_MARKERS)


def new_result(file_name: str, format_id: str, decoded: DecodedText) -> ImportResult:
    """An empty result for one decoded file; an uncertain encoding guess is its first problem line."""
    result = ImportResult(
        file_name=file_name, format=format_id, encoding=decoded.encoding, repaired_mojibake=decoded.repaired_mojibake
    )
    if decoded.warning:
        result.problems.append(Problem(decoded.warning, fatal=False))
    note_repairs(result.problems, decoded.repaired_lines)
    return result


# Repairs listed one line each up to this many; beyond it one line gives the rest's count, so a file
# that is double-encoded throughout does not bury the other problems (the import records the total).
_LISTED_REPAIRS = 100


def note_repairs(problems: list[Problem], lines: list[int]) -> None:
    """A problem line for each line whose double-encoded UTF-8 ("TromsÃ¸") was repaired."""
    for line in lines[:_LISTED_REPAIRS]:
        problems.append(
            Problem(Message('double-encoded UTF-8 repaired (such as "Ã¸" for "ø")'), line=line, fatal=False)
        )
    if len(lines) > _LISTED_REPAIRS:
        problems.append(
            Problem(
                Message(
                    "… and {count} more lines with double-encoded UTF-8 repaired", count=len(lines) - _LISTED_REPAIRS
                ),
                fatal=False,
            )
        )


def find_database(
    databases: Iterable[mappings.Database], values: Iterable[str] = (), columns: Iterable[str] = ()
) -> mappings.Database | None:
    """The first database whose pattern matches a value the file gives, or whose columns it has."""
    values, columns = [v for v in values if v], set(columns)
    for database in databases:
        if database.pattern and any(re.search(database.pattern, value, re.IGNORECASE) for value in values):
            return database
        if database.columns and len(database.columns & columns) >= database.min_columns:
            return database
    return None


def name_databases(values: Iterable[str]) -> str | None:
    """The database names a file gives, each once, in order: "ERIC; EBSCOhost"."""
    names: list[str] = []
    for value in values:
        value = clean_text(value)
        if value and value not in names:
            names.append(value)
    return "; ".join(names)[:200] or None


def with_roles(roles: Mapping[str, tuple[str, ...]], database: mappings.Database | None):
    """A role table with one database's rows in place of the base table's."""
    return {**roles, **database.roles} if database and database.roles else roles


@dataclass
class RecordSpec:
    """How one reader's records are to be read: its role table and the habits of its source."""

    format: str
    roles: Mapping[str, tuple[str, ...]]
    author_style: str = "each"  # each value one name | "and" | "comma" | "semicolon" | "auto"
    # The source writes people as surname plus initials ("Lunde AS": PubMed's AU): "AS" is then initials,
    # not a company's legal form. Elsewhere a list decides by its other names (see ``split_authors``).
    vancouver: bool = False
    abstract_is_snippet: bool = False
    extra: dict = field(default_factory=dict)


def build_record(
    fields: dict[str, list[str]],
    spec: RecordSpec,
    *,
    file_name: str,
    position: int,
    line: int | None = None,
    view: Mapping[str, list[str]] | None = None,
    problems: list[Problem] | None = None,
) -> RawRecord | None:
    """Normalise one record. Returns None (and adds a fatal problem) when it cannot be kept.

    ``view`` is what the role table looks keys up in, when that differs from the stored ``fields``
    (folded spreadsheet headers, LaTeX-decoded BibTeX values).
    """
    problems = problems if problems is not None else []
    limits.check_time()
    try:
        return _build(fields, spec, view if view is not None else fields, file_name, position, line, problems)
    except Exception as exc:  # noqa: BLE001 - a record we cannot read must not stop the other records
        log.debug("record %s of %s could not be normalised", position, file_name, exc_info=True)
        problems.append(
            Problem(
                Message(
                    "{problem} ({error_type}); the record was skipped",
                    problem=INTERNAL_ERROR,
                    error_type=type(exc).__name__,
                ),
                position,
                line,
            )
        )
        return None


def _build(fields, spec, view, file_name, position, line, problems) -> RawRecord | None:
    used: dict[str, str] = {}  # role -> the key its value came from, for naming fallbacks

    def values(role: str) -> list[str]:
        found: list[str] = []
        for key in spec.roles.get(role, ()):
            got = view.get(key)
            if not got:
                continue
            got = [v for v in got if v and v.strip()]
            if got and role not in mappings.LIST_ROLES:
                used[role] = key
                return got
            found.extend(got)
        return found

    def first(role: str) -> str | None:
        got = values(role)
        text = clean_text(got[0]) if got else ""
        if text and role in _CLIP and len(text) > _CLIP[role]:
            note(
                Message(
                    "{field} cut to {limit} characters (the whole value is kept with the record)",
                    field=role.replace("_", " "),
                    limit=_CLIP[role],
                )
            )
            return text[: _CLIP[role]]
        return text or None

    def note(message: str) -> None:
        problems.append(Problem(message, position, line, fatal=False))

    title = first("title")
    if title and used.get("title") in mappings.FALLBACK_KEYS["title"]:
        note(Message("no title; the {field} field was used as the title", field=used["title"]))
    abstract, repaired = strip_markup(first("abstract"))
    if abstract and len(abstract) < 40 and fold(abstract) in mappings.NO_ABSTRACT:
        abstract = None
    doi = _doi(values("doi"), spec, view, note)
    pmid = _pmid(values("pmid"))
    if not title:
        # Kept when something identifies or describes the work for a reviewer; a search snippet does not.
        if not (doi or pmid or (abstract and not spec.abstract_is_snippet)):
            problems.append(
                Problem(Message("the record has no title, DOI or abstract and was skipped"), position, line)
            )
            return None
        note(
            Message("the record has no title; kept for its DOI")
            if doi
            else Message("the record has no title; kept for its PMID")
            if pmid
            else Message("the record has no title; kept for its abstract")
        )

    record = RawRecord(
        format=spec.format, file_name=file_name, position=position, line=line, fields=fields, title=title or ""
    )
    record.authors, record.authors_truncated = split_authors(
        values("authors"), spec.author_style, vancouver=spec.vancouver
    )
    if spec.author_style == "glued" and len(record.authors) > len(values("authors")):
        note(Message("names run together in one cell were split where a new name begins"))
    record.authors += [Author(clean_text(name)) for name in values("corporate_authors") if clean_text(name)]
    record.year = _year(values("year"), note)
    record.venue = first("venue")
    record.publisher = first("publisher")
    record.abstract = abstract
    if repaired:
        note(Message("markup (JATS or HTML tags) removed from the abstract"))
    record.abstract_is_snippet = bool(record.abstract) and spec.abstract_is_snippet
    record.doi = doi
    record.isbns, record.issns = split_identifiers(values("identifiers"))
    record.source_id = pmid or first("source_id")
    record.cluster_id = first("cluster_id") or _cluster_id(values("cluster_url"))
    record.url = first("url")
    record.volume, record.issue = first("volume"), first("issue")
    record.pages = _pages(first("pages"), first("start_page"), first("end_page"))
    record.keywords = _keywords(values("keywords"))
    record.language = language_code(values("language"))
    record.cited_by = _count(first("cited_by"))
    record.peer_reviewed = _peer_reviewed(values("peer_reviewed"))
    record.doc_type = doc_type(values("type"))
    if record.doc_type == "other" and is_student_thesis(record.venue, record.publisher, record.title, *values("host")):
        record.doc_type = "thesis"
    return record


# Tags of the JATS XML that Crossref and OpenAlex put in abstracts (<jats:p>, <jats:italic>...), and the
# few HTML tags other exports leave; anything else that looks like a tag is kept as text.
_MARKUP = re.compile(
    r"</?(?:jats:[a-z-]+|p|i|b|em|strong|sup|sub|sc|br|italic|bold|title|sec)(?:\s[^<>]*)?/?>", re.IGNORECASE
)


_ABSTRACT_HEADING = re.compile(r"^\s*<(jats:)?title>\s*abstract\s*</(jats:)?title>", re.IGNORECASE)


def strip_markup(text: str | None) -> tuple[str | None, bool]:
    """An abstract without JATS/HTML formatting tags; True when some were removed. A leading heading
    that only says "Abstract" goes with its tags; section headings ("Background") stay as words."""
    if not text or "<" not in text:
        return text, False
    stripped = clean_text(_MARKUP.sub(" ", _ABSTRACT_HEADING.sub("", text)))
    return stripped or None, stripped != text


def _pmid(values: list[str]) -> str | None:
    """'pmid:12345678' from a PubMed id as exports write it ("12345678", "PMID: 12345678")."""
    for value in values:
        match = re.fullmatch(r"\s*(?:PMID:?\s*)?(\d{1,9})\s*", value, re.IGNORECASE)
        if match:
            return pmid_key(match.group(1))
    return None


def split_authors(values: list[str], style: str, *, vancouver: bool = False) -> tuple[list[Author], bool]:
    """Names from author values in the source's style; True when the source cut the list short.

    ``vancouver``: the source writes surname plus initials. Otherwise the list tells: when another name in
    it is written so ("Berg O"), "Lunde AS" is a person too; when none is (Oria's "Nordmann, Kari", Scholar's
    "KA Nordmann", a name alone), "Opinion AS" is a company.
    """
    names: list[str] = []
    truncated = False
    for value in values:
        value = clean_text(value)
        if _TRUNCATION.search(value):
            truncated = True
            value = _TRUNCATION.sub("", value).rstrip(" ,;")
        names.extend(_split_names(value, style))
    vancouver = vancouver or any(looks_like_vancouver(name) and not legal_form(name) for name in names)
    authors = [author for author in (parse_author(name, vancouver=vancouver) for name in names) if author is not None]
    return authors, truncated


def _split_names(value: str, style: str) -> list[str]:
    if style == "each" or not value:
        return value.split(";")
    if style == "and":
        return re.split(r"\s+and\s+", value)
    if style == "semicolon":
        return value.split(";")
    if style == "comma":
        return value.split(",")
    if style == "glued":
        return _unglue(value)
    # auto: the safest reading of a cell whose style we do not know
    if ";" in value:
        return value.split(";")
    if re.search(r"\s(and|og|och)\s", value):
        return (
            re.split(r"\s*,\s*|\s+(?:and|og|och)\s+", value)
            if value.count(",") != 1
            else re.split(r"\s+(?:and|og|och)\s+", value)
        )
    parts = [part.strip() for part in value.split(",")]
    if len(parts) > 1 and all(_SCHOLAR_NAME.match(part) or looks_like_vancouver(part) for part in parts):
        return parts  # "KA Nordmann, O Hansen"; "Nordmann KA, Hansen O."
    if len(parts) > 1 and all(" " in part for part in parts) and (len(parts) > 2 or not parts[0][:1].islower()):
        return parts  # "Kari Nordmann, Ola Hansen" (but "de Vries, Jan Ole" is one name)
    if len(parts) > 2 and len(parts) % 2 == 0:
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]  # "Nordmann, Kari, Hansen, Ola"
    return [value]


_GLUED_NAMES = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ])")


def _unglue(value: str) -> list[str]:
    """'Kari NordmannOla BergRonald McDonald' → three names. A cut that leaves a piece without a space
    was inside a surname ("Mc|Donald") and is undone."""
    names: list[str] = []
    for piece in _GLUED_NAMES.split(value):
        if names and " " not in piece.strip():
            names[-1] += piece
        else:
            names.append(piece)
    return names


def _year(values: list[str], note: Callable[[str], None]) -> int | None:
    for value in values:
        packed = _PACKED_DATE.match(value)
        year = int(packed.group(1)) if packed else parse_year(value)
        if year is not None:
            return year
    if values:
        note(Message("year {value!r} not understood; left empty", value=clean_text(values[0])[:40]))
    return None


def _doi(values: list[str], spec: RecordSpec, view, note: Callable[[str], None]) -> str | None:
    for value in values:
        doi = normalise_doi(value)
        if doi:
            return doi[:300]
    keys = spec.roles.get("doi", ())
    primary = [v for v in view.get(keys[0], ()) if v.strip()] if keys else []
    if primary:
        note(Message("DOI {value!r} is not a DOI; left empty", value=clean_text(primary[0])[:60]))
        return None
    for key in spec.roles.get("doi_guess", ()):  # where some databases put the DOI instead
        for value in view.get(key, ()):
            doi = normalise_doi(value) if "10." in value else None
            if doi:
                note(Message("no DOI field; the DOI was taken from {field}", field=key))
                return doi[:300]
    return None


def _cluster_id(values: list[str]) -> str | None:
    for value in values:
        match = _CLUSTER.search(value)
        if match:
            return match.group(1)
    return None


def _pages(pages: str | None, start: str | None, end: str | None) -> str | None:
    if pages:
        return re.sub(r"\s*-{1,3}\s*|\s*–\s*", "-", pages)
    if start and end and end != start:
        return f"{start}-{end}"[:50]
    return start


def _keywords(values: list[str]) -> list[str]:
    keywords: list[str] = []
    for value in values:
        for word in value.split(";"):
            word = clean_text(word)
            if word and word not in keywords:
                keywords.append(word)
    return keywords


def _count(value: str | None) -> int | None:
    match = _DIGITS.search(value or "")
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(0))
    return int(digits) if digits and len(digits) < 10 else None


def _peer_reviewed(values: list[str]) -> bool | None:
    """True or False only where the source states it; None otherwise."""
    answer: bool | None = None
    for value in values:
        word = fold(clean_text(value))
        if word in _TRUE:
            return True
        if word in _FALSE:
            answer = False
    return answer


def doc_type(values: list[str]) -> str:
    for value in values:
        found = mappings.DOC_TYPE_BY_LABEL.get(fold(clean_text(value)))
        if found:
            return found
    return "other"


def language_code(values: list[str]) -> str | None:
    """ISO 639-1 from whatever the source wrote ("nor", "nob", "Norsk", "sv"); None when unknown."""
    for value in values:
        for token in re.split(r"[;,/|]", value):
            code = mappings.LANGUAGE_CODES.get(fold(clean_text(token)))
            if code:
                return code
    return None


def is_student_thesis(*texts: str | None) -> bool:
    """True when any text names a student thesis (masteroppgave, uppsats, speciale...), not PhD work."""
    folded = fold(" | ".join(text for text in texts if text).replace("’", "'"))
    return bool(folded) and not _NOT_STUDENT_THESIS.search(folded) and bool(_STUDENT_THESIS.search(folded))

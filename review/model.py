"""The one record model every reader produces and every later step consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

from review.messages import Message
from review.vocabulary import DOC_TYPES, SOURCES  # noqa: F401  (defined once, with the store's constraints)


@dataclass(frozen=True)
class Author:
    family: str
    given: str = ""

    def display(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass
class Problem:
    """A record that could not be imported, or was imported with a caveat."""

    message: str
    record: int | None = None  # 1-based position in the file
    line: int | None = None  # 1-based line where the record starts
    fatal: bool = True  # True: the record was skipped; False: imported with a warning

    def __str__(self) -> str:
        # A Message (review/messages.py): English here and in the CLI, the reader's language in the app.
        if self.record is not None and self.line is not None:
            return Message(
                "record {record}, line {line}: {problem}", record=self.record, line=self.line, problem=self.message
            )
        if self.record is not None:
            return Message("record {record}: {problem}", record=self.record, problem=self.message)
        if self.line is not None:
            return Message("line {line}: {problem}", line=self.line, problem=self.message)
        return self.message


@dataclass
class RawRecord:
    """One hit as a source delivered it, with provenance, every original field and normalised fields.

    ``fields`` keeps every tag or column exactly as read (values as lists of strings), so nothing a
    file held is lost even when we do not map it.
    """

    # provenance
    source: str = "other"  # one of SOURCES
    format: str = ""  # reader id, e.g. "ris", "bibtex", "pop-csv", "scholar-html", "pnx-json"
    file_name: str = ""
    position: int = 0  # 1-based position in the file
    line: int | None = None  # 1-based line where the record starts, where the format has lines
    family: str | None = None
    query: str | None = None
    searched: str | None = None  # ISO date of the search
    fields: dict[str, list[str]] = field(default_factory=dict)

    # normalised
    source_id: str | None = None  # Primo record id, Scholar result id (data-cid), database id
    cluster_id: str | None = None  # Google Scholar numeric cluster id (from cites=/cluster= links)
    title: str = ""
    authors: list[Author] = field(default_factory=list)
    authors_truncated: bool = False  # the source cut the list ("…", "et al.")
    year: int | None = None
    venue: str | None = None
    publisher: str | None = None
    doc_type: str = "other"  # one of DOC_TYPES
    language: str | None = None  # ISO 639-1 where known: no, sv, da, en, ...
    doi: str | None = None  # normalised: lower case, no resolver prefix
    isbns: list[str] = field(default_factory=list)
    issns: list[str] = field(default_factory=list)
    abstract: str | None = None
    abstract_is_snippet: bool = False  # a search-engine snippet, not the author's abstract
    url: str | None = None
    peer_reviewed: bool | None = None  # only where the source states it
    cited_by: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    keywords: list[str] = field(default_factory=list)
    synthetic: bool = False  # a made-up stand-in, marked so in its file (see review.synthetic)

    def first_author_family(self) -> str:
        return self.authors[0].family if self.authors else ""


@dataclass
class ImportResult:
    """What one reader made of one file."""

    file_name: str
    format: str
    encoding: str
    records: list[RawRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: str = "other"  # what the reader believes the source is; the caller may override
    repaired_mojibake: int = 0  # how many values had double-encoded UTF-8 repaired
    database: str | None = None  # the database(s) the file names (RIS DB/DP, PoP's links): "ERIC; EBSCOhost"

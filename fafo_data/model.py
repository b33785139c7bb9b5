"""The generator's ground truth: one ``Work`` per unique publication, with where it was found
and what the reviewers decided. Everything written to exports/ and decisions/ is derived from it."""

from __future__ import annotations

from dataclasses import dataclass, field

FAMILIES = ("no", "sv", "da", "en")
SYNTHETIC_NOTE = "Syntetisk stand-in-post (ikke en ekte publikasjon)"


@dataclass
class Decision:
    stage: int
    decision: str  # include | exclude
    reason: str = ""
    reviewer: str = "Anna"
    note: str = ""


@dataclass
class Work:
    key: str  # ground-truth work id, e.g. R01 (real) or S0123 (synthetic)
    family: str  # the counting family: the first of no, sv, da, en that found it
    title: str
    authors: list[tuple[str, str]]  # (family name, given names); an organisation has no given name
    year: int
    doc_type: str  # report | article | chapter | book | thesis
    language: str  # ISO 639-2 as Primo writes it: nor, swe, dan, eng
    real: bool = False
    venue: str = ""  # journal or book title
    publisher: str = ""
    doi: str = ""
    isbn: str = ""
    issn: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    peer_reviewed: bool = False
    thesis_cue: str = ""  # word the Scholar venue shows for a student thesis (Masteroppgave, uppsats, ...)
    host: str = ""  # web host Google Scholar shows in the byline
    # where it was found: (family, source) pairs, source in {"oria", "scholar"}
    found_in: list[tuple[str, str]] = field(default_factory=list)
    oria_ids: list[str] = field(default_factory=list)  # more than one: local alma + CDI copies
    cluster_id: str = ""  # Google Scholar numeric cluster id
    data_cid: str = ""  # Google Scholar 12-character result id
    cites: int = 0
    scholar_title: str = ""  # how Scholar shows the title (may be cut with "…")
    scholar_authors: str = ""  # "KA Nordmann, O Hansen" (may end with "…")
    scholar_doi: bool = False  # Publish or Perish filled in the DOI column
    html_page: tuple[str, int] | None = None  # (family, page) of a saved Scholar result page
    decisions: list[Decision] = field(default_factory=list)
    quality: list[tuple[str, str, str]] = field(default_factory=list)  # (criterion, rating, note)
    quality_reviewer: str = ""
    group: str = ""  # appendix group of an included work
    record_key: str = ""  # the key decisions.csv uses for this work

    @property
    def synthetic(self) -> bool:
        return not self.real

    @property
    def thesis(self) -> bool:
        return self.doc_type == "thesis"

    def in_source(self, family: str, source: str) -> bool:
        return (family, source) in self.found_in

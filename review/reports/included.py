"""The included studies as a table (CSV, XLSX), as references for Zotero and EndNote (RIS, BibTeX),
and as a Word table.

RIS is written with rispy and BibTeX with bibtexparser v2, the same libraries the importers read
with, so a round trip through our own readers is part of the tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field

from review import synthetic as stand_in
from review.normalise import fold
from review.reports.collect import IncludedWork
from review.reports.docx_base import new_document
from review.reports.references import group_works, reference_line, reference_order
from review.reports.tabular import Table, write_xlsx
from review.reports.wording import doc_type_name, language_name, source_name, words

RIS_TYPES = {"article": "JOUR", "report": "RPRT", "chapter": "CHAP", "book": "BOOK", "thesis": "THES", "other": "GEN"}
BIBTEX_TYPES = {
    "article": "article",
    "report": "techreport",
    "chapter": "incollection",
    "book": "book",
    "thesis": "phdthesis",
    "other": "misc",
}
# Which BibTeX field carries the publisher or venue for each entry type.
BIBTEX_PUBLISHER_FIELD = {"techreport": "institution", "phdthesis": "school", "misc": "howpublished"}
_PAGES = re.compile(r"^\s*(\w+)\s*[-\u2013\u2014]+\s*(\w+)\s*$")

TABLE_COLUMNS = [
    "work_id",
    "reference",
    "authors",
    "year",
    "title",
    "venue",
    "publisher",
    "doc_type",
    "language",
    "family",
    "appendix_group",
    "doi",
    "url",
    "sources",
    "families",
    stand_in.COLUMN,
]


def ordered(works: Sequence[IncludedWork]) -> list[IncludedWork]:
    return reference_order(sorted(works, key=lambda w: w.work_id))


def reference(work: IncludedWork, language: str) -> str:
    line = reference_line(
        work.authors,
        work.year,
        work.title,
        venue=work.venue,
        publisher=work.publisher,
        doc_type=work.doc_type,
        truncated=work.authors_truncated,
        pages=work.pages,
        language=language,
    )
    return f"[{stand_in.label(language)}] {line}" if work.synthetic else line


def synthetic_notice(works: Sequence[IncludedWork], language: str) -> str:
    """The warning an included-studies or appendix export starts with when it holds stand-ins ("" if none)."""
    count = sum(1 for w in works if w.synthetic)
    return stand_in.header(count, language) if count else ""


def included_table(works: Sequence[IncludedWork], language: str = "en") -> Table:
    rows = []
    for w in ordered(works):
        rows.append(
            [
                w.work_id,
                reference(w, language),
                "; ".join(a.display() for a in w.authors),
                w.year,
                w.title,
                w.venue,
                w.publisher,
                w.doc_type,
                w.language,
                w.family,
                w.appendix_group,
                w.doi,
                w.url,
                "; ".join(source_name(s, language) for s in w.sources),
                "; ".join(w.families),
                w.synthetic,
            ]
        )
    return Table(columns=list(TABLE_COLUMNS), rows=rows, notice=synthetic_notice(works, language))


def write_included_xlsx(works: Sequence[IncludedWork], groups: Sequence[str], path: Path, language: str = "en") -> None:
    """A sheet with every included work, then one sheet per appendix group."""
    sheets = [(words(language)["all"], included_table(works, language))]
    sheets += [(group, included_table(members, language)) for group, members in group_works(works, groups, language)]
    write_xlsx(sheets, path)


def _pages(pages: str | None) -> tuple[str | None, str | None]:
    if not pages:
        return None, None
    match = _PAGES.match(pages)
    return (match.group(1), match.group(2)) if match else (pages.strip(), None)


def _note(work: IncludedWork, language: str) -> str:
    parts = [stand_in.note(language)] if work.synthetic else []
    parts.append(f"nordic-review work {work.work_id}")
    if work.family:
        parts.append(f"query family: {work.family}")
    if work.appendix_group:
        parts.append(f"group: {work.appendix_group}")
    if work.sources:
        parts.append("found in: " + ", ".join(source_name(s, language) for s in work.sources))
    return "; ".join(parts)


def ris_entry(work: IncludedWork, language: str = "en") -> dict:
    entry: dict = {"type_of_reference": RIS_TYPES.get(work.doc_type, "GEN"), "title": work.title}
    if work.authors:
        entry["authors"] = [a.display() for a in work.authors]
    if work.year:
        entry["year"] = str(work.year)
    if work.venue and work.doc_type in ("article", "chapter"):
        entry["secondary_title"] = work.venue
    if work.publisher:
        entry["publisher"] = work.publisher
    start, end = _pages(work.pages)
    for key, value in (
        ("volume", work.volume),
        ("number", work.issue),
        ("start_page", start),
        ("end_page", end),
        ("doi", work.doi),
        ("language", work.language),
        ("abstract", work.abstract),
    ):
        if value:
            entry[key] = value
    identifiers = work.issns + work.isbns
    if identifiers:
        entry["issn"] = "; ".join(identifiers)
    if work.url:
        entry["urls"] = [work.url]
    entry["notes"] = [_note(work, language)]
    return entry


class _RisWriter(rispy.RisWriter):
    """rispy numbers each reference ("1.") before its TY line; reference managers expect TY first."""

    def set_header(self, count: int) -> str:
        return ""


def write_ris(works: Sequence[IncludedWork], path: Path, language: str = "en") -> None:
    text = rispy.dumps([ris_entry(w, language) for w in ordered(works)], implementation=_RisWriter)
    Path(path).write_text(text, encoding="utf-8")


def _braces_balanced(value: str) -> bool:
    depth = 0
    for ch in value:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _bib_value(value: str) -> str:
    """BibTeX values sit in braces, so unbalanced braces would end them early: drop those."""
    value = " ".join(str(value).split())
    return value if _braces_balanced(value) else value.replace("{", "").replace("}", "")


def _bib_name(author) -> str:
    family = _bib_value(author.family)
    if not author.given or " and " in f" {family} ":
        family = "{" + family + "}"  # an organisation, or a name BibTeX would otherwise split
    return f"{family}, {_bib_value(author.given)}" if author.given else family


def bibtex_key(work: IncludedWork, taken: set[str]) -> str:
    first = work.authors[0].family if work.authors else (work.title.split() or ["anon"])[0]
    base = re.sub(r"[^a-z0-9]", "", fold(first)) or "work"
    title_word = next((re.sub(r"[^a-z0-9]", "", fold(t)) for t in work.title.split() if len(t) > 3), "")
    base = f"{base}{work.year or ''}{title_word}"
    key, n = base, 0
    while key in taken:
        n += 1
        key = base + chr(ord("a") + n - 1) if n <= 26 else f"{base}{n}"
    taken.add(key)
    return key


def bibtex_entry(work: IncludedWork, taken: set[str], language: str = "en") -> Entry:
    entry_type = BIBTEX_TYPES.get(work.doc_type, "misc")
    fields = [("title", work.title)]
    if work.authors:
        fields.append(("author", " and ".join(_bib_name(a) for a in work.authors)))
    if work.year:
        fields.append(("year", str(work.year)))
    if work.venue and entry_type == "article":
        fields.append(("journal", work.venue))
    elif work.venue and entry_type == "incollection":
        fields.append(("booktitle", work.venue))
    if work.publisher:
        fields.append((BIBTEX_PUBLISHER_FIELD.get(entry_type, "publisher"), work.publisher))
    for key, value in (
        ("volume", work.volume),
        ("number", work.issue),
        ("pages", work.pages),
        ("doi", work.doi),
        ("url", work.url),
        ("language", work.language),
    ):
        if value:
            fields.append((key, value))
    if work.issns:
        fields.append(("issn", ", ".join(work.issns)))
    if work.isbns:
        fields.append(("isbn", ", ".join(work.isbns)))
    fields.append(("note", _note(work, language)))
    return Entry(entry_type, bibtex_key(work, taken), [Field(k, _bib_value(v)) for k, v in fields])


def write_bibtex(works: Sequence[IncludedWork], path: Path, language: str = "en") -> None:
    taken: set[str] = set()
    library = bibtexparser.Library([bibtex_entry(w, taken, language) for w in ordered(works)])
    Path(path).write_text(bibtexparser.write_string(library), encoding="utf-8")


def write_included_docx(
    works: Sequence[IncludedWork], path: Path, language: str = "en", family_labels: dict[str, str] | None = None
) -> None:
    """A Word table: reference line, family, document type, language and year, oldest first."""
    w = words(language)
    family_labels = family_labels or {}
    document = new_document()
    document.add_heading(w["included_title"], level=1)
    notice = synthetic_notice(works, language)
    if notice:
        document.add_paragraph().add_run(notice).bold = True
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, (w["reference"], w["family"], w["doc_type"], w["language"], w["year"]), strict=True
    ):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for work in ordered(works):
        cells = table.add_row().cells
        values = (
            reference(work, language),
            family_labels.get(work.family or "", work.family or ""),
            doc_type_name(work.doc_type, language),
            language_name(work.language, language),
            str(work.year or ""),
        )
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    document.save(path)

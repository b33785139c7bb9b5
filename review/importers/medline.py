"""MEDLINE (PubMed) format: PubMed's "Save → PubMed format" (.nbib, .txt) and Ovid/EBSCO MEDLINE exports.

It looks like RIS but is not: a tag is up to four letters padded to four and followed by "- "
(``PMID- ``, ``TI  - ``, ``FAU - ``), a record starts with its PMID line and ends at a blank line, and
a long value goes on over lines indented by six spaces. Read as RIS it became one record holding
everyone's authors. The PMID is kept as the record id ("pmid:…"), which deduplication treats as an
identifier shared by every database that carries it.
"""

from __future__ import annotations

import re
from pathlib import Path

from review.encoding import read_text
from review.errors import InputError
from review.importers.build import RecordSpec, build_record, new_result
from review.importers.mappings import MEDLINE_ROLES
from review.messages import Message
from review.model import ImportResult, Problem

FORMAT = "medline"
SPEC = RecordSpec(FORMAT, MEDLINE_ROLES, author_style="each", vancouver=True)  # AU: "Lunde AS"
_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3}) *- ?(.*)$")
_CONTINUATION = re.compile(r"^\s{2,}\S")
# "10.1177/140349481 [doi]" in LID or AID; "S0277-9536(19)30412-6 [pii]" is the publisher's id.
_DOI_VALUE = re.compile(r"^(.*?)\s*\[doi\]\s*$", re.IGNORECASE)
# A first line with this shape marks a MEDLINE file (used by the registry's sniffing).
FIRST_TAG = re.compile(r"^PMID- ?\d", re.MULTILINE)


def read(path: Path) -> ImportResult:
    decoded = read_text(path)
    result = new_result(path.name, FORMAT, decoded)
    chunks = split_records(decoded.text, result.problems)
    if not chunks:
        raise InputError(
            path.name,
            Message("no MEDLINE records found"),
            line=1,
            expected=Message('records that start with a "PMID- " line, one tag per line'),
        )
    result.database = "PubMed"
    for position, (line, fields) in enumerate(chunks, start=1):
        record = build_record(
            fields,
            SPEC,
            file_name=path.name,
            position=position,
            line=line,
            view=_view(fields),
            problems=result.problems,
        )
        if record is not None:
            result.records.append(record)
    return result


def split_records(text: str, problems: list[Problem]) -> list[tuple[int, dict[str, list[str]]]]:
    """(first line, fields) per record. A record starts at PMID (or after a blank line) and ends at a blank line."""
    chunks: list[tuple[int, dict[str, list[str]]]] = []
    current: dict[str, list[str]] | None = None
    start = 0
    last_tag: str | None = None
    stray_reported = False
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if current:
                chunks.append((start, current))
            current, last_tag = None, None
            continue
        if _CONTINUATION.match(line) and current is not None and last_tag is not None:
            values = current[last_tag]
            values[-1] = f"{values[-1]} {line.strip()}".strip()
            continue
        match = _TAG.match(line)
        if match is None:
            if not stray_reported:
                problems.append(
                    Problem(Message("a line that is not a MEDLINE tag line was ignored"), line=number, fatal=False)
                )
                stray_reported = True
            continue
        tag, value = match.group(1), match.group(2).strip()
        if tag == "PMID" and current:  # a new record without a blank line before it
            chunks.append((start, current))
            current = None
        if current is None:
            current, start = {}, number
            if tag != "PMID":
                problems.append(
                    Problem(
                        Message("the record starts with {tag}, not PMID", tag=tag),
                        record=len(chunks) + 1,
                        line=number,
                        fatal=False,
                    )
                )
        current.setdefault(tag, []).append(value)
        last_tag = tag
    if current:
        chunks.append((start, current))
    return chunks


def _view(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    """The fields with the DOI picked out of LID/AID ("… [doi]") under "DOI", and a book told apart:
    a record with a book title (BTI) is the book itself, or a chapter of it when it also has a TI."""
    view = dict(fields)
    dois = [m.group(1) for tag in ("LID", "AID") for value in fields.get(tag, ()) if (m := _DOI_VALUE.match(value))]
    if dois:
        view["DOI"] = dois
    if fields.get("BTI"):
        view["BOOK_TYPE"] = ["chapter" if fields.get("TI") else "book"]
    return view

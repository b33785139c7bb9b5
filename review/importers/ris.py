"""RIS from Oria/Primo VE, Google Scholar (RefMan), Publish or Perish and other databases.

We split records ourselves instead of calling ``rispy.load``: rispy 0.10 silently drops the first
record after a byte-order mark and a last record without an ``ER`` line, and it does not report line
numbers. The splitter below keeps every tag as read (``fields``), joins continuation lines onto the
tag they continue, and reports anything odd as a problem with its line.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from review.encoding import read_text
from review.errors import InputError
from review.importers.build import RecordSpec, build_record, find_database, name_databases, new_result, with_roles
from review.importers.mappings import RIS_DATABASES, RIS_ROLES
from review.messages import Message
from review.model import ImportResult, Problem, RawRecord

FORMAT = "ris"
# Two spaces before the dash is the standard; one space and a missing value after "- " are tolerated.
_TAG = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$")
_TAGS = frozenset(a + b for a in string.ascii_uppercase for b in string.ascii_uppercase + string.digits)
_PRIMO_ID = re.compile(r"^(alma\d|cdi_)", re.IGNORECASE)
SPEC = RecordSpec(FORMAT, RIS_ROLES, author_style="each")


@dataclass
class _Chunk:
    line: int
    fields: dict[str, list[str]] = field(default_factory=dict)
    last_tag: str | None = None


def read(path: Path) -> ImportResult:
    decoded = read_text(path)
    result = new_result(path.name, FORMAT, decoded)
    chunks = split_records(decoded.text, result.problems)
    if not chunks:
        raise InputError(
            path.name,
            Message("no RIS records found"),
            line=1,
            expected=Message('records of tag lines such as "TY  - JOUR" ... "ER  - "'),
        )
    named = [value for chunk in chunks for tag in ("DB", "DP") for value in chunk.fields.get(tag, ())]
    database = find_database(RIS_DATABASES, named)
    result.database = name_databases(named)
    spec = (
        SPEC
        if database is None
        else RecordSpec(FORMAT, with_roles(RIS_ROLES, database), author_style="each", vancouver=database.vancouver)
    )
    for position, chunk in enumerate(chunks, start=1):
        record = build_record(
            chunk.fields, spec, file_name=path.name, position=position, line=chunk.line, problems=result.problems
        )
        if record is not None:
            result.records.append(record)
    result.source = "oria" if database is not None and database.name == "Oria" else guess_source(result.records)
    for record in result.records:
        record.source = result.source
    return result


def split_records(text: str, problems: list[Problem]) -> list[_Chunk]:
    """Cut the text into records; a record ends at ER, at the next TY, or at the end of the file."""
    chunks: list[_Chunk] = []
    current: _Chunk | None = None
    stray_from: int | None = None  # first line of a block of text outside any record

    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # CRLF and old Mac line ends
    for number, line in enumerate(text.split("\n"), start=1):
        if line[2:6] == "  - " and line[:2] in _TAGS:  # the common case, without the regex
            tag, value, match = line[:2], line[6:].strip(), True
        else:
            found = _TAG.match(line)
            match = found is not None
            if found:
                tag, value = found.group(1), (found.group(2) or "").strip()
        if not match:
            if not line.strip():
                continue
            if current is not None and current.last_tag is not None:
                values = current.fields[current.last_tag]
                values[-1] = f"{values[-1]}\n{line.strip()}" if values[-1] else line.strip()
            elif stray_from is None:
                stray_from = number
                problems.append(Problem(Message("text outside any record was ignored"), line=number, fatal=False))
            continue
        stray_from = None
        if tag == "ER":
            if current is None:
                problems.append(Problem(Message("an ER line without a record was ignored"), line=number, fatal=False))
            else:
                chunks.append(current)
                current = None
            continue
        if current is not None and tag == "TY" and current.fields:
            problems.append(
                Problem(
                    Message("no ER line before the next TY; the record was kept"),
                    record=len(chunks) + 1,
                    line=current.line,
                    fatal=False,
                )
            )
            chunks.append(current)
            current = None
        if current is None:
            current = _Chunk(line=number)
            if tag != "TY":
                problems.append(
                    Problem(
                        Message("the record starts with {tag}, not TY", tag=tag),
                        record=len(chunks) + 1,
                        line=number,
                        fatal=False,
                    )
                )
        current.fields.setdefault(tag, []).append(value)
        current.last_tag = tag

    if current is not None and current.fields:
        problems.append(
            Problem(
                Message("the last record has no ER line; it was kept"),
                record=len(chunks) + 1,
                line=current.line,
                fatal=False,
            )
        )
        chunks.append(current)
    return chunks


def guess_source(records: list[RawRecord]) -> str:
    """Oria when record ids look like Primo's (alma…, cdi_…); the database line is read by ``read``."""
    for record in records:
        if any(_PRIMO_ID.match(value) for value in record.fields.get("ID", ())):
            return "oria"
    for record in records:
        if any("scholar.google" in value for tag in ("UR", "L2") for value in record.fields.get(tag, ())):
            return "scholar"
    return "other"

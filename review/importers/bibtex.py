"""BibTeX from Oria, Google Scholar's "Cite" dialog, Publish or Perish and other databases.

bibtexparser v2 splits the file (it is lenient and reports failed blocks rather than raising); we
keep every field as read, decode LaTeX escapes for the normalised fields only (see ``latex.py``), and
import entries bibtexparser set aside for duplicate keys, since those are real records too.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import bibtexparser
from bibtexparser import model as bib
from bibtexparser.exceptions import BlockAbortedException

from review.encoding import read_text
from review.errors import InputError
from review.importers.build import RecordSpec, build_record, find_database, new_result
from review.importers.latex import decode_latex
from review.importers.mappings import (
    BIBTEX_DATABASE_KEYS,
    BIBTEX_DATABASES,
    BIBTEX_ROLES,
    POP_SOURCE_UNKNOWN,
    pop_data_source,
)
from review.messages import Message
from review.model import ImportResult, Problem

# The splitter logs every failed block; we report those as problems with their lines instead.
logging.getLogger("bibtexparser.splitter").setLevel(logging.CRITICAL)

FORMAT = "bibtex"
_POP_KEY = re.compile(r"^pop\d+$", re.IGNORECASE)
_PRIMO_KEY = re.compile(r"^(alma\d|cdi_)", re.IGNORECASE)
# Google Scholar's "Cite" BibTeX: the key is the first author's surname, the year and the first significant
# title word, all lowercase (``nordmann2021karriereveiledning``), and the entry holds only bibliographic
# fields: no url, abstract, keywords or file, which reference managers add.
_SCHOLAR_CITE_KEY = re.compile(r"^[a-z]+(\d{4})[a-z]*$")
_SCHOLAR_CITE_FIELDS = frozenset(
    {"ENTRYTYPE", "ID", "title", "author", "editor", "journal", "booktitle", "volume", "number", "pages", "year"}
    | {"publisher", "organization", "school", "institution", "note", "edition", "address", "series", "chapter"}
    | {"howpublished", "month"}
)
_LATEX_SYMBOL = re.compile(r"\\([_&%#$])")
_UNDECODED_ROLES = frozenset({"url", "doi", "howpublished"})  # URLs keep their backslashes and tildes


def read(path: Path) -> ImportResult:
    decoded = read_text(path)
    result = new_result(path.name, FORMAT, decoded)
    entries = _entries(decoded.text, path.name, result.problems)
    if not entries:
        raise InputError(
            path.name,
            Message("no BibTeX entries found"),
            line=1,
            expected=Message("entries such as @article{key, title={...}, ...}"),
        )
    result.source = guess_source(entries)
    from_pop = bool(entries) and all(_POP_KEY.match(fields["ID"][0]) for _, fields in entries)
    snippets = result.source == "scholar"
    if from_pop:
        searched = pop_data_source(value for _, fields in entries for value in fields.get("url", ()))
        if searched is None:
            result.problems.append(Problem(POP_SOURCE_UNKNOWN, fatal=False))
        result.database = f"{searched or 'Google Scholar'} (Publish or Perish)"
        snippets = searched in (None, "Google Scholar")
        result.source = "scholar" if snippets else "other"
    # Publish or Perish derives the entry type from which columns are filled (@article when there is a
    # source, @book when there is a publisher), so there it says nothing about the document type.
    if not from_pop:
        wanted = {key.lower() for key in BIBTEX_DATABASE_KEYS}
        named = [
            value
            for _, fields in entries
            for key, values in fields.items()
            if key.lower() in wanted
            for value in values
        ]
        database = find_database(BIBTEX_DATABASES, named)
        result.database = database.name if database else None
    roles = {role: keys for role, keys in BIBTEX_ROLES.items() if not (from_pop and role == "type")}
    spec = RecordSpec(FORMAT, roles, author_style="and", abstract_is_snippet=snippets)
    for position, (line, fields) in enumerate(entries, start=1):
        record = build_record(
            fields,
            spec,
            file_name=path.name,
            position=position,
            line=line,
            view=_view(fields),
            problems=result.problems,
        )
        if record is not None:
            record.source = result.source
            result.records.append(record)
    return result


def _entries(text: str, file_name: str, problems: list[Problem]) -> list[tuple[int, dict[str, list[str]]]]:
    """(first line, fields) per entry; an entry left open at the end of the file fails the whole file."""
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # noqa: BLE001 - the parser's internals must not reach the user
        raise InputError(
            file_name,
            Message("the BibTeX could not be parsed ({error_type})", error_type=type(exc).__name__),
            expected=Message("well-formed BibTeX entries"),
        ) from None
    entries: list[tuple[int, dict[str, list[str]]]] = []
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, bib.Entry):
            entries.append((line, _fields(block)))
        elif isinstance(block, (bib.DuplicateBlockKeyBlock, bib.DuplicateFieldKeyBlock)) and isinstance(
            block.ignore_error_block, bib.Entry
        ):  # the entry as read, duplicate and all
            entries.append((line, _fields(block.ignore_error_block, strip_enclosing=True)))
            problems.append(
                Problem(
                    Message("imported despite a duplicate field key")
                    if isinstance(block, bib.DuplicateFieldKeyBlock)
                    else Message("imported despite a duplicate entry key"),
                    record=len(entries),
                    line=line,
                    fatal=False,
                )
            )
        elif isinstance(block, bib.ParsingFailedBlock):
            if isinstance(block.error, BlockAbortedException) and "end of file" in block.error.abort_reason.lower():
                raise InputError(
                    file_name,
                    Message("a BibTeX entry is not closed before the end of the file"),
                    line=line,
                    expected=Message("a closing } for the entry that starts on this line"),
                )
            problems.append(Problem(Message("a block that is not a valid BibTeX entry was skipped"), line=line))
    return entries


def _fields(entry: bib.Entry, strip_enclosing: bool = False) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {"ENTRYTYPE": [entry.entry_type], "ID": [entry.key]}
    for item in entry.fields:
        value = str(item.value)
        if strip_enclosing and len(value) >= 2 and (value[0], value[-1]) in {("{", "}"), ('"', '"')}:
            value = value[1:-1]
        fields.setdefault(item.key, []).append(value)
    return fields


def _view(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    """Field names in lower case, values LaTeX-decoded, keywords split on commas."""
    view: dict[str, list[str]] = {}
    for key, values in fields.items():
        name = key if key in ("ENTRYTYPE", "ID") else key.lower()
        # URLs and DOIs keep backslashes and tildes, but not the escapes of BibTeX's special characters
        # that Web of Science writes into them ("10.1007/978-3-030-1\_3").
        decoded = (
            [_LATEX_SYMBOL.sub(r"\1", v) for v in values]
            if name in _UNDECODED_ROLES
            else [decode_latex(v) for v in values]
        )
        if name == "keywords":
            decoded = [part for v in decoded for part in (v.split(";") if ";" in v else v.split(","))]
        view.setdefault(name, []).extend(decoded)
    return view


def guess_source(entries: list[tuple[int, dict[str, list[str]]]]) -> str:
    """Publish or Perish keys its entries popNNNN; Primo keys look like record ids; Scholar's Cite dialog
    keys each entry by surname, year and title word and writes no link or abstract."""
    keys = [fields["ID"][0] for _, fields in entries]
    if any(_PRIMO_KEY.match(key) for key in keys):
        return "oria"
    if keys and all(_POP_KEY.match(key) for key in keys):
        return "scholar"  # Publish or Perish; ``read`` checks its links for another database
    if any("scholar.google" in value for _, fields in entries for value in fields.get("url", ())):
        return "scholar"
    if entries and all(_scholar_cite(fields) for _, fields in entries):
        return "scholar"
    return "other"


def _scholar_cite(fields: dict[str, list[str]]) -> bool:
    """An entry as Scholar's "Cite" dialog writes it: its key made from its own year, no field Scholar leaves out."""
    key = _SCHOLAR_CITE_KEY.match(fields["ID"][0])
    return (
        key is not None
        and key.group(1) == (fields.get("year") or [""])[0].strip()
        and set(fields) <= _SCHOLAR_CITE_FIELDS
    )

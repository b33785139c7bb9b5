"""Read any supported export file into an ``ImportResult``: the one entry point is ``read_file``.

Each format has a reader module with ``read(path) -> ImportResult``; this registry picks one by the
file's suffix, or by sniffing its first bytes when the suffix says nothing (``.txt``, none, unknown).
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable
from pathlib import Path

from review.errors import InputError, UnknownFormatError
from review.importers import bibtex, endnote_xml, limits, medline, pnx, ris, scholar_html, table
from review.messages import Message
from review.model import SOURCES, ImportResult

log = logging.getLogger(__name__)

Reader = Callable[[Path], ImportResult]

# (format id, suffixes, description): used for picking readers, in messages and in docs/formats.md.
SUPPORTED_FORMATS: list[tuple[str, tuple[str, ...], str]] = [
    ("ris", (".ris", ".txt"), "RIS: Oria/Primo VE, Google Scholar RefMan, Publish or Perish, other databases"),
    ("medline", (".nbib", ".medline", ".txt"), "MEDLINE/PubMed format: PubMed 'Save, PubMed format' (.nbib, .txt)"),
    ("bibtex", (".bib", ".bibtex"), "BibTeX: Oria, Google Scholar 'Cite', Publish or Perish, other databases"),
    ("csv", (".csv", ".tsv", ".txt"), "CSV/TSV: Publish or Perish (11-26 columns), Oria and other spreadsheets"),
    ("xlsx", (".xlsx",), "Excel workbook: Oria 'Export to Excel' and other spreadsheets (first sheet)"),
    ("pnx-json", (".json",), "Primo PNX JSON: a saved Oria/Primo search API response or list of docs"),
    ("scholar-html", (".html", ".htm"), "Google Scholar result page saved from the browser"),
    ("endnote-xml", (".xml",), "EndNote XML library export"),
]

READERS: dict[str, Reader] = {
    "ris": ris.read,
    "medline": medline.read,
    "bibtex": bibtex.read,
    "csv": table.read,
    "xlsx": table.read_xlsx,
    "pnx-json": pnx.read,
    "scholar-html": scholar_html.read,
    "endnote-xml": endnote_xml.read,
}

_AMBIGUOUS_SUFFIXES = frozenset({".txt", ""})
_MEDLINE_LOOKALIKES = frozenset({".ris"})
_SNIFF_BYTES = 8192
_RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ", re.MULTILINE)
_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)


def read_file(path: Path, *, source: str = "auto") -> ImportResult:
    """Read one export. ``source`` other than "auto" overrides the reader's guess everywhere."""
    path = Path(path)
    if source != "auto" and source not in SOURCES:
        raise InputError(
            path.name,
            Message("unknown source {source!r}", source=source),
            expected=Message("auto or one of {items}", items=", ".join(SOURCES)),
        )
    limits.require_regular_file(path)
    format_id = pick_format(path)
    try:
        with limits.deadline(path.name):
            result = READERS[format_id](path)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug must still end as a clear user message
        log.debug("reader %s failed on %s", format_id, path, exc_info=True)
        raise InputError(
            path.name,
            Message(
                "could not be read as {format_id} ({error_type})", format_id=format_id, error_type=type(exc).__name__
            ),
            expected=_describe(format_id),
        ) from None
    if source != "auto":
        result.source = source
        for record in result.records:
            record.source = source
    return result


def pick_format(path: Path) -> str:
    """Suffix first; content sniffing when the suffix is missing, ambiguous or unknown."""
    suffix = path.suffix.lower()
    if suffix not in _AMBIGUOUS_SUFFIXES and suffix not in _MEDLINE_LOOKALIKES:
        for format_id, suffixes, _ in SUPPORTED_FORMATS:
            if suffix in suffixes:
                return format_id
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(path.name, Message("cannot be read ({error})", error=exc.strerror or exc)) from None
    if suffix in _MEDLINE_LOOKALIKES:  # PubMed files saved as .ris: read as RIS they became one record
        return "medline" if sniff(head) == "medline" else "ris"
    found = sniff(head)
    if found is None:
        raise UnknownFormatError(
            path.name,
            Message("the file format was not recognised"),
            expected="one of: " + "; ".join(f"{fid} ({', '.join(sfx)})" for fid, sfx, _ in SUPPORTED_FORMATS),
        )
    return found


def sniff(head: bytes) -> str | None:
    """Guess the format from the first bytes of a file; None when nothing fits."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff \t\r\n")
    lowered = text[:2000].lower()
    if medline.FIRST_TAG.match(text):  # before RIS: "TI  - " lines would pass for RIS
        return "medline"
    if _RIS_LINE.search(text):
        return "ris"
    if _BIBTEX_ENTRY.search(text):
        return "bibtex"
    if text.startswith(("{", "[")):
        return "pnx-json"
    if "<html" in lowered or "<!doctype html" in lowered or "gs_r" in lowered:
        return "scholar-html"
    if text.startswith("<?xml") or "<xml>" in lowered or "<records>" in lowered:
        return "endnote-xml"
    first_line = next((line for line in text.split("\n") if line.strip() and not line.startswith("#")), "")
    if any(first_line.count(delimiter) >= 2 for delimiter in (",", ";", "\t")):
        return "csv"
    return None


def _describe(format_id: str) -> str:
    return next(description for fid, _, description in SUPPORTED_FORMATS if fid == format_id)

"""Turn the bytes of an export file into clean text, saying which encoding was used.

Exports reach us as UTF-8 (with or without a byte-order mark), as UTF-16 from Excel's "Unicode text",
as cp1252 from older Windows tools, and now and then in another code page (GBK from a Chinese
database, cp1251, cp1250). Byte-order marks and valid UTF-8 are certain and checked first; anything
else is guessed by ``charset-normalizer`` (a well-kept detector that scores each candidate code page
by how much mess and how much of a language its text shows), not by hand-written rules. Among
candidates it finds equally clean and equally readable, cp1252 is preferred: it is the Windows code
page of the exports a Nordic team works with. A guess with little language evidence behind it, where
another code page would give different text, is reported as uncertain so the import can warn.

A second problem is mojibake: UTF-8 that was once read as cp1252 and saved again, so "ø" arrives as
"Ã¸". We repair that line by line.

Repair strategy: a cheap regular expression finds lines that carry the tell-tale byte pairs, and only
those lines go through ``ftfy.fix_encoding``. ftfy is used rather than a hand-written
``encode('cp1252').decode('utf-8')`` because it copes with mixed lines (one good "ø" next to a broken
"Ã¸"), the cp1252/latin-1 ambiguity of bytes such as 0x98 and 0x81, and three-byte sequences such as
"â€“"; the pre-filter keeps its cost away from the 99.9 % of lines that need nothing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from review.errors import InputError
from review.messages import Message

# Lead bytes of two- and three-byte UTF-8 sequences as they look after a cp1252/latin-1 decode,
# followed by a continuation byte seen the same way. Nordic letters all start with "Ã".
_MOJIBAKE = re.compile(
    "(?:[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]|â€)"
)
_MOJIBAKE_LEADS = ("Ã", "Â", "â€")  # substring tests are much faster than the regex on a large file
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Share of control bytes above which a file is taken to be binary rather than damaged text.
_BINARY_SHARE = 0.05


# Candidates whose mess score is within this of the cleanest one are taken as equally clean.
_CHAOS_TIE = 0.02
# Language evidence (coherence, 0-1) within this of the best counts as a tie; below the floor it is weak.
_COHERENCE_TIE = 0.02
_COHERENCE_FLOOR = 0.2
_PREFERRED = "cp1252"
# UTF-16/32 exports carry a byte-order mark, and without one their NUL bytes mark them as binary: a
# guess of these for short BOM-less text turns a few Western letters into Chinese characters.
_NEVER_GUESSED = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]


@dataclass
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", or the code page guessed ("cp1252", "gb18030", ...)
    repaired_mojibake: int = 0  # lines whose double-encoded UTF-8 was repaired
    warning: str | None = None  # set when the encoding was an uncertain guess
    repaired_lines: list[int] = field(default_factory=list)  # 1-based numbers of the repaired lines


def read_text(path: Path) -> DecodedText:
    """Read a whole file as text; an empty or binary file is an ``InputError``.

    Only a regular file within the size limit is read (``review.importers.limits``).
    """
    from review.importers.limits import read_bytes  # late: the importers package imports this module

    return decode_bytes(read_bytes(path), path.name)


def decode_bytes(data: bytes, file_name: str) -> DecodedText:
    """Decode, repair mojibake and normalise to NFC."""
    text, encoding, warning = _decode(data, file_name)
    if not text.strip():
        raise InputError(file_name, Message("the file is empty"), expected=Message("exported records"))
    repaired_lines: list[int] = []
    text, repaired = repair_mojibake(text, repaired_lines)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return DecodedText(text, encoding, repaired, warning, repaired_lines)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes mean this is not a text export (PDF, image, zip...)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    return bool(sample) and len(_CONTROL_BYTES.findall(sample)) / len(sample) > _BINARY_SHARE


def _decode(data: bytes, file_name: str) -> tuple[str, str, str | None]:
    if not data.strip():
        raise InputError(file_name, Message("the file is empty"), expected=Message("exported records"))
    if looks_binary(data):
        raise InputError(
            file_name,
            Message("this is a binary file, not a text export"),
            expected=Message("a RIS, BibTeX, CSV, JSON, HTML or XML export, or an .xlsx workbook"),
        )
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig", None
        except UnicodeDecodeError:
            pass  # a BOM followed by another code page: guess from the rest
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            raise InputError(
                file_name,
                Message("broken UTF-16 text at byte {start}", start=exc.start),
                expected=Message("a UTF-16 file with a byte-order mark"),
            ) from None
    else:
        try:
            return data.decode("utf-8"), "utf-8", None
        except UnicodeDecodeError:
            pass
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    return guess_encoding(body, file_name)


def guess_encoding(data: bytes, file_name: str) -> tuple[str, str, str | None]:
    """Decode bytes that are not UTF-8 with the code page charset-normalizer finds most plausible."""
    candidates = list(from_bytes(data, cp_exclusion=_NEVER_GUESSED))
    if not candidates:
        raise InputError(
            file_name,
            Message("the text encoding could not be recognised"),
            expected=Message("a text export in UTF-8 or a common code page (save it as UTF-8)"),
        )
    cleanest = min(candidate.chaos for candidate in candidates)
    plausible = [c for c in candidates if c.chaos <= cleanest + _CHAOS_TIE]
    best_coherence = max(c.coherence for c in plausible)
    top = [c for c in plausible if c.coherence >= best_coherence - _COHERENCE_TIE]
    chosen = next((c for c in top if c.encoding == _PREFERRED), top[0])
    text = str(chosen)
    others = [c.encoding for c in plausible if c is not chosen and str(c) != text]
    warning = None
    if others and chosen.coherence < _COHERENCE_FLOOR:
        warning = Message(
            "the text encoding is a guess: read as {encoding}, but {others} would fit the bytes as well; "
            "check the letters outside A-Z, or save the file as UTF-8",
            encoding=chosen.encoding,
            others=", ".join(others[:3]),
        )
    return text, chosen.encoding, warning


def repair_mojibake(text: str, repaired_lines: list[int] | None = None) -> tuple[str, int]:
    """Repair double-encoded UTF-8 in the lines that show it; return the text and the count (and add
    the numbers of the repaired lines to ``repaired_lines`` when given)."""
    if not any(lead in text for lead in _MOJIBAKE_LEADS) or not _MOJIBAKE.search(text):
        return text, 0
    lines = text.split("\n")
    repaired = 0
    for index, line in enumerate(lines):
        if _MOJIBAKE.search(line):
            fixed = ftfy.fix_encoding(line)
            if fixed != line:
                lines[index] = fixed
                repaired += 1
                if repaired_lines is not None:
                    repaired_lines.append(index + 1)
    return "\n".join(lines), repaired


def repair_value(value: str) -> tuple[str, bool]:
    """The same repair for one value (spreadsheet cells, which do not come from decoded bytes)."""
    if not value or not _MOJIBAKE.search(value):
        return value, False
    fixed = ftfy.fix_encoding(value)
    return fixed, fixed != value

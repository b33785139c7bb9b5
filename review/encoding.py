"""Turn the bytes of an export file into clean text, saying which encoding was used.

Exports reach us as UTF-8 (with or without a byte-order mark), as UTF-16 from Excel's "Unicode text",
or as cp1252/latin-1 from older Windows tools. A second problem is mojibake: UTF-8 that was once read
as cp1252 and saved again, so "ø" arrives as "Ã¸". We repair that line by line.

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
from dataclasses import dataclass
from pathlib import Path

import ftfy

from review.errors import InputError

# Lead bytes of two- and three-byte UTF-8 sequences as they look after a cp1252/latin-1 decode,
# followed by a continuation byte seen the same way. Nordic letters all start with "Ã".
_MOJIBAKE = re.compile("(?:[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
                       "\u2039\u203a\u20ac\u2122]|â€)")
_MOJIBAKE_LEADS = ("Ã", "Â", "â€")  # substring tests are much faster than the regex on a large file
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Share of control bytes above which a file is taken to be binary rather than damaged text.
_BINARY_SHARE = 0.05


@dataclass
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1252" or "latin-1"
    repaired_mojibake: int = 0  # lines whose double-encoded UTF-8 was repaired


def read_text(path: Path) -> DecodedText:
    """Read a whole file as text; an empty or binary file is an ``InputError``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path.name, f"cannot be read ({exc.strerror or exc})") from None
    return decode_bytes(data, path.name)


def decode_bytes(data: bytes, file_name: str) -> DecodedText:
    """Decode, repair mojibake and normalise to NFC."""
    text, encoding = _decode(data, file_name)
    if not text.strip():
        raise InputError(file_name, "the file is empty", expected="exported records")
    text, repaired = repair_mojibake(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return DecodedText(text, encoding, repaired)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes mean this is not a text export (PDF, image, zip...)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    return bool(sample) and len(_CONTROL_BYTES.findall(sample)) / len(sample) > _BINARY_SHARE


def _decode(data: bytes, file_name: str) -> tuple[str, str]:
    if not data.strip():
        raise InputError(file_name, "the file is empty", expected="exported records")
    if looks_binary(data):
        raise InputError(file_name, "this is a binary file, not a text export",
                         expected="a RIS, BibTeX, CSV, JSON, HTML or XML export, or an .xlsx workbook")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            pass  # a BOM followed by cp1252 bytes: fall through to the single-byte codecs
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(file_name, f"broken UTF-16 text at byte {exc.start}",
                             expected="a UTF-16 file with a byte-order mark") from None
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so this cannot fail.
        return body.decode("latin-1"), "latin-1"


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair double-encoded UTF-8 in the lines that show it; return the text and the count."""
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
    return "\n".join(lines), repaired


def repair_value(value: str) -> tuple[str, bool]:
    """The same repair for one value (spreadsheet cells, which do not come from decoded bytes)."""
    if not value or not _MOJIBAKE.search(value):
        return value, False
    fixed = ftfy.fix_encoding(value)
    return fixed, fixed != value

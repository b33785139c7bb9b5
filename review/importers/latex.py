"""Decode the LaTeX that BibTeX exports put in names and titles ({\\o}, {\\aa}, {\\"o}, \\&).

Why not bibtexparser's ``LatexDecodingMiddleware``: it runs pylatexenc over whole values, which
reads ``%`` as a comment and drops the rest of the value ("50% of refugees" became "50"), and turns
``$...$`` into math. Exports only escape letters and a few symbols, so a table covers them and
leaves everything else exactly as written.
"""

from __future__ import annotations

import re
import unicodedata

# Letters with a command of their own.
_LETTERS = {
    "o": "ø",
    "O": "Ø",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "ss": "ß",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
}
# Accent commands → combining mark (applied to the following letter, then NFC).
_ACCENTS = {
    '"': "\u0308",
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "r": "\u030a",
    "c": "\u0327",
    "v": "\u030c",
    "H": "\u030b",
    "u": "\u0306",
    "k": "\u0328",
    "d": "\u0323",
}
_SYMBOLS = {"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", "\\": "\\"}

_LETTER_CMD = re.compile(
    r"\{\\(aa|AA|ae|AE|oe|OE|ss|dh|DH|th|TH|[oOlLij])\}"
    r"|\\(aa|AA|ae|AE|oe|OE|ss|dh|DH|th|TH|[oOlLij])(?:\{\}|(?![A-Za-z])\s?)"
)
_ACCENT_CMD = re.compile(r"\{?\\([\"'`^~=.]|[rcvHukd](?=[\s{]))\s*(?:\{\s*\\?([A-Za-z])\s*\}|\\?([A-Za-z]))\}?")
_FORMATTING_CMD = re.compile(r"\\(?:textit|textbf|textsc|textrm|textsf|texttt|emph|mathrm|mbox|url)\s*(?=\{)")
_SYMBOL_CMD = re.compile(r"\\([&%$#_{}\\])")
_BRACES = re.compile(r"(?<!\\)[{}]")


def decode_latex(value: str) -> str:
    """Letters and symbols decoded, protective braces removed; unknown commands kept as text."""
    if "\\" not in value and "{" not in value:
        return value
    value = _FORMATTING_CMD.sub("", value)
    value = _ACCENT_CMD.sub(_accent, value)
    value = _LETTER_CMD.sub(lambda m: _LETTERS[m.group(1) or m.group(2)], value)
    # Symbols last but before the braces go, so "\{" survives as a literal brace.
    parts = _SYMBOL_CMD.split(value)
    out = []
    for index, part in enumerate(parts):
        out.append(_SYMBOLS[part] if index % 2 else _BRACES.sub("", part))
    value = "".join(out)
    return unicodedata.normalize("NFC", value)


def _accent(match: re.Match[str]) -> str:
    letter = match.group(2) or match.group(3)
    if letter == "i":
        letter = "i"  # \"{\i} and \"i both mean ï
    return letter + _ACCENTS[match.group(1)]

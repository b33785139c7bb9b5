"""Shared normalisation in the importers: encodings, authors, thesis markers, languages."""

import pytest

from review.encoding import decode_bytes, repair_mojibake
from review.errors import InputError
from review.importers.build import is_student_thesis, language_code, split_authors
from review.model import Author


@pytest.mark.parametrize(
    "data, encoding, text",
    [
        ("Tromsø".encode(), "utf-8", "Tromsø"),
        (b"\xef\xbb\xbf" + "Tromsø".encode(), "utf-8-sig", "Tromsø"),
        ("Tromsø".encode("cp1252"), "cp1252", "Tromsø"),
        ("Tromsø".encode("utf-16"), "utf-16", "Tromsø"),
        ("A\u030ase".encode("utf-8"), "utf-8", "Åse"),  # decomposed å becomes NFC
    ],
)
def test_decode(data, encoding, text):
    decoded = decode_bytes(data, "x")
    assert (decoded.encoding, decoded.text) == (encoding, text)


# Made-up text in the shape of a small CSV export from a Chinese database.
SYNTHETIC_GBK = "\n".join(
    ["标题,作者,年份,摘要"]
    + [
        f"难民的职业指导研究第{i}部分,王伟; 李娜,201{i},本研究探讨了新移民在城市中的职业指导与就业问题。"
        for i in range(5)
    ]
)


@pytest.mark.parametrize(
    "text, codec",
    [
        (SYNTHETIC_GBK, "gbk"),
        (SYNTHETIC_GBK.replace("\n", "\r\n"), "gb18030"),
        ("Профессиональная ориентация беженцев в Норвегии: синтетический пример текста", "cp1251"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy; kariérní poradenství pro uprchlíky", "cp1250"),
        ("Karriereveiledning for flyktninger i Tromsø og Ålesund, særlig for nyankomne", "cp1252"),
    ],
)
def test_non_utf8_text_is_decoded_by_detection_not_as_cp1252(text, codec):
    """A GBK file used to become cp1252 letter salad without a word (issue #19)."""
    decoded = decode_bytes(text.encode(codec), "x.csv")
    assert decoded.text == text and decoded.warning is None


def test_an_uncertain_guess_is_reported():
    decoded = decode_bytes(b"Troms\xf8 \x81", "x.ris")  # two non-ASCII bytes: any code page fits
    assert decoded.warning and "guess" in decoded.warning and decoded.encoding in decoded.warning


def test_mojibake_lines_counted_and_clean_text_untouched():
    text, count = repair_mojibake("TromsÃ¸\nTromsø\nSmÃ¥ og store â€“ Ã†re")
    assert text == "Tromsø\nTromsø\nSmå og store – Ære" and count == 2
    assert repair_mojibake("Ærlig talt, Ålesund") == ("Ærlig talt, Ålesund", 0)


def test_empty_and_binary_bytes():
    with pytest.raises(InputError, match="empty"):
        decode_bytes(b"", "x.ris")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"abc\x00def", "x.ris")


@pytest.mark.parametrize(
    "values, style, names, truncated",
    [
        (["KA Nordmann, O Hansen"], "comma", ["Nordmann", "Hansen"], False),
        (["KA Nordmann, O Hansen…"], "comma", ["Nordmann", "Hansen"], True),
        (["KA Nordmann, …"], "comma", ["Nordmann"], True),
        (["Nordmann, Kari and Hansen, Ola"], "and", ["Nordmann", "Hansen"], False),
        (["Nordmann, Kari"], "auto", ["Nordmann"], False),
        (["van der Berg, Jan Erik"], "auto", ["van der Berg"], False),
        (["KA Nordmann, O Hansen"], "auto", ["Nordmann", "Hansen"], False),
        (["Nordmann, Kari; Hansen, Ola"], "auto", ["Nordmann", "Hansen"], False),
        (["Nordmann, Kari, Hansen, Ola"], "auto", ["Nordmann", "Hansen"], False),
        (["Nordmann, Kari", "Hansen, Ola et al."], "each", ["Nordmann", "Hansen"], True),
    ],
)
def test_split_authors(values, style, names, truncated):
    authors, cut = split_authors(values, style)
    assert [a.family for a in authors] == names and cut is truncated


@pytest.mark.parametrize(
    "texts, expected",
    [
        (("Masteroppgave, Universitetet i Oslo",), True),
        (("Tittel", "duo.uio.no", "Bacheloroppgave i sosialt arbeid"), True),
        (("Kandidatuppsats i pedagogik",), True),
        (("Master's thesis, University of Bergen",), True),
        (("Master’s thesis",), True),
        (("Kandidatspeciale",), True),
        (("Doktorgradsavhandling",), False),
        (("PhD thesis, master thesis supervision",), False),
        (("Tidsskrift for eksempelforskning", "Masterclass i veiledning"), False),
        ((None, ""), False),
    ],
)
def test_student_thesis_markers(texts, expected):
    assert is_student_thesis(*texts) is expected


@pytest.mark.parametrize(
    "value, code",
    [
        ("nor", "no"),
        ("nob", "no"),
        ("NNO", "no"),
        ("Norsk", "no"),
        ("swe", "sv"),
        ("dan", "da"),
        ("eng", "en"),
        ("Swedish", "sv"),
        ("nor; eng", "no"),
        ("xyz", None),
        ("", None),
    ],
)
def test_language_codes(value, code):
    assert language_code([value]) == code


def test_author_parse_keeps_scholar_initials():
    authors, _ = split_authors(["O Hansen"], "comma")
    assert authors == [Author("Hansen", "O")]

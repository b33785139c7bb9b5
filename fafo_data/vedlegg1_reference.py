"""Vedlegg 1 of the Fafo report as reference data: the 24 entry headings, transcribed field by field,
in the report's order, and the comparison the checker and tests apply to our appendix lines.

Transcribed from the report's own headings (words broken across lines joined). Where the report prints
a place or an older name with the publisher ("Oslo: Kompetanse Norge. Vox"), only the publisher is kept.
The comparison allows what our fuller data adds and nothing it loses: our initials may go on where the
report stops (H. → H. C.), our title may hold words the report leaves out (a subtitle, a series title) in
the same order, a publisher the report does not print may follow; every surname, the year, every title
word, the report's publisher or journal and its pages must be there, with no "m.fl." and no "…".
"""

from __future__ import annotations

import re

from review.normalise import fold

NORSKE, SKANDINAVISKE, ARTIKLER = "Norske rapporter", "Svenske og danske rapporter", "Fagfellevurderte artikler"


def _ref(group, authors, year, title, where="", pages=""):
    return dict(
        group=group,
        authors=[tuple(a.split(", ")) if ", " in a else (a, "") for a in authors],
        year=year,
        title=title,
        where=where,
        pages=pages,
    )


REFERENCES = [
    _ref(
        NORSKE, ["Thomsen, M.", "Hatlem, C."], 2016, "Karriereveiledning for nyankomne innvandrere", "Kompetanse Norge"
    ),
    _ref(NORSKE, ["Opinion"], 2017, "Evaluering av karriereveiledning i mottak"),
    _ref(
        NORSKE,
        [
            "Kjærgård, R.",
            "Bøckman, K.",
            "Enerstvedt, T. R.",
            "Birkeland, M. B.",
            "Fredriksen, S.",
            "Gudbrandsen, S.",
            "Flatland, Ø.",
        ],
        2019,
        "Karriereveiledning for NAV-brukere. Hvordan kan NAV og karrieresentre samarbeide om karriereveiledning?",
    ),
    _ref(
        NORSKE,
        ["Lillevik, R.", "Weiss, N.", "Kavli, H.", "Haugnæss, G.", "Stenstadvold, M."],
        2020,
        "Kompetansekartlegging og karriereveiledning for nyankomne flyktninger",
    ),
    _ref(
        NORSKE,
        ["Søholt, S.", "Liodden, T.", "Leirvik, M. S.", "Vilhjalmsdottir, S.", "Staver, A. B."],
        2020,
        "Åtte kommuner – åtte tiltak for integrering. Delrapport 1",
        "OsloMet",
    ),
    _ref(
        NORSKE,
        ["Søholt, S.", "Liodden, T.", "Aasen, B.", "Vilhjalmsdottir, S.", "Staver, A. B."],
        2020,
        "Kunnskapsoppsummeringer – om fem strategier for å styrke flyktningenes overgang til arbeid og "
        "kvalifisering. Evaluering av kommunale integreringstiltak. Delrapport 2",
        "OsloMet",
    ),
    _ref(
        NORSKE,
        ["Hernes, V.", "Staver, A. B.", "Tronstad, K. R."],
        2021,
        "Evaluering av integreringspakke I og midlertidig lov",
    ),
    _ref(
        NORSKE,
        ["Hernes, V.", "Danielsen, Å. Ø.", "Staver, A. B."],
        2022,
        "Evaluering av integreringspakke II og III",
        "Oslo Met",
    ),
    _ref(
        NORSKE,
        ["Hellang, Ø.", "Espegren, A."],
        2022,
        "Samarbeidsmodellen KMV – Kvalifisering av Minoritetsspråklige Voksne",
    ),
    _ref(
        SKANDINAVISKE,
        ["Hertzberg, F."],
        2017,
        "Review of literature, media and resources on the development of "
        "career guidance counselling for refugees. Country report Sweden",
    ),
    _ref(SKANDINAVISKE, ["Sundelin, Å."], 2017, "Coalition of qualitative questionnaires/interviews from experts"),
    _ref(SKANDINAVISKE, ["Sundelin, Å."], 2017, "Om konsten att stödja nyanlända elevers lärande om karriärfrågor"),
    _ref(SKANDINAVISKE, ["Stendal, A. W.", "Iversen, L. M."], 2019, "Beskæftigelse og traumatiserede flygtninge"),
    _ref(
        SKANDINAVISKE,
        ["Hansen, J. S."],
        2021,
        "Kritisk refleksion og etisk ansvarlighed i karrierevejledningen",
        "En guide til karrierevejledningens ukendte farvande: Et kritisk refleksionsperspektiv",
        "87–90",
    ),
    _ref(
        SKANDINAVISKE,
        ["Axelsson, M.", "Håkansson, P."],
        2022,
        "Studie- och yrkesvägledning i kombinationsutbildning: Avrapportering av ett forskningsuppdrag",
    ),
    _ref(
        ARTIKLER,
        ["Abkhezr, P.", "McMahon, M."],
        2017,
        "Narrative career counselling for people with refugee backgrounds",
        "International Journal for the Advancement of Counselling",
    ),
    _ref(
        ARTIKLER,
        ["Abkhezr, P.", "McMahon, M.", "Glasheen, K.", "Campbell, M."],
        2018,
        "Finding voice through narrative storytelling: An exploration of the career development of young African "
        "females with refugee backgrounds",
    ),
    _ref(ARTIKLER, ["Fredriksen, H."], 2020, "Career guidance for refugees in a Nordic context"),
    _ref(
        ARTIKLER,
        ["Kiteki, B."],
        2021,
        "African Refugee Youth's Experiences and Impact on Career Development: An "
        "Adaptation of a Culturally Responsive Career Exploration Group",
    ),
    _ref(
        ARTIKLER,
        ["Linde, J.", "Lindgren, J.", "Sundelin, Å."],
        2021,
        "High-Stakes counselling: when career "
        "counselling may lead to continuing residence or deportation of asylum-seeking youths",
    ),
    _ref(
        ARTIKLER,
        ["Udayar, S.", "Fedrigo, L.", "Durante, F.", "Clot-Siegrist, E.", "Masdonati, J."],
        2021,
        "Labour market integration of young refugees and asylum seekers: a look at perceived barriers and resources",
    ),
    _ref(
        ARTIKLER, ["Kekki, M."], 2022, "Student-Initiated Discussion Topics in Career Counselling of Adult Immigrants"
    ),
    _ref(
        ARTIKLER,
        ["Petersen, I.", "Mariager-Anderson, K.", "Patillon, T.", "Bernaud, J."],
        2022,
        "Existential career guidance for groups of young refugees and migrants: a Danish initiative",
    ),
    _ref(
        ARTIKLER,
        ["Sultana, R. G."],
        2022,
        "The labour market integration of migrants and refugees: career guidance and the newly arrived",
    ),
]


_INITIALS = re.compile(r"^(?:[^\W\d_]\.(?:-[^\W\d_]\.)?\s?)+$")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _compact(text: str) -> str:
    return "".join(_words(text))


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(word == h for h in it) for word in needles)


def differences(line: str, ref: dict) -> list[str]:
    """What our reference ``line`` lacks of the report's entry ``ref`` (empty when it matches)."""
    problems = []
    if "m.fl." in line or "et al." in line or "…" in line:
        problems.append("a shortened author list or title")
    head, _, rest = line.partition(f"({ref['year']}).")
    if not rest:
        return problems + [f"no year ({ref['year']})"]
    names: list[list[str]] = []
    for token in (t.strip() for t in re.split(r", | & ", head.strip()) if t.strip()):
        if _INITIALS.match(token) and names and not names[-1][1]:
            names[-1][1] = token
        else:
            names.append([token, ""])
    if [fold(n[0]) for n in names] != [fold(a[0]) for a in ref["authors"]]:
        problems.append(f"authors {[n[0] for n in names]} ≠ {[a[0] for a in ref['authors']]}")
    else:
        for (family, initials), (_, want) in zip(names, ref["authors"], strict=False):
            if not _compact(initials).startswith(_compact(want)):
                problems.append(f"{family}: initials {initials!r} do not go on from {want!r}")
    if not _in_order(_words(ref["title"]), _words(rest)):
        problems.append(f"title lacks words of «{ref['title']}»")
    if ref["where"] and _compact(ref["where"]) not in _compact(rest):
        problems.append(f"no «{ref['where']}»")
    if ref["pages"] and ref["pages"] not in rest:
        problems.append(f"no pages {ref['pages']}")
    return problems

"""Put the review together: real works, synthetic stand-ins for every remaining slot of Table 3.1,
the deliberate near-twins, where each work was found, identifiers and decisions."""

from __future__ import annotations

from model import FAMILIES, Work
from plan import LANG, TARGETS, THESES, Planner
from real_works import REAL_WORKS

STAGE1_REASONS = ("Ikke karriereveiledning", "Ikke flyktninger eller innvandrere", "Ikke forskning eller utredning")
NEXT = {"no": ("sv", "da", "en"), "sv": ("da", "en"), "da": ("en",), "en": ()}


def real_work(row: dict) -> Work:
    fields = {k: v for k, v in row.items() if k in Work.__dataclass_fields__}
    work = Work(real=True, **fields)
    work.group = row.get("group") or ""
    return work


def near_twins(p: Planner) -> list[tuple[Work, str, str]]:
    """Hand-made pairs that look alike but are different works (fate, stage-1 reason for each)."""
    authors = [("Brekke", "Silje"), ("Hovland", "Amir"), ("Tveit", "Randi")]
    twins = []
    for n, fate in ((1, "exc2"), (2, "exc3")):
        w = p.synthetic("no", fate, doc_type="report")
        w.title = f"Evaluering av karriereveiledning i introduksjonsprogrammet i Vestland. Delrapport {n}"
        w.authors, w.year, w.publisher, w.host = authors, 2021, "Vestnorsk samfunnsanalyse", "vestnorskanalyse.no"
        twins.append((w, fate, "twin:delrapport"))
    title = "Karriereveiledning for voksne innvandrere i Innlandet: muligheter og hindringer"
    for year, doc_type, fate in ((2019, "report", "exc2"), (2021, "article", "exc1")):
        w = p.synthetic(
            "no", fate, reason="Ikke forskning eller utredning" if fate == "exc1" else "", doc_type=doc_type
        )
        w.title, w.year, w.authors = title, year, [("Aune", "Marte"), ("Ali", "Jørgen")]
        if doc_type == "article":  # a debate piece in a journal with the report's title
            w.peer_reviewed, w.doi = False, ""
        twins.append((w, fate, "twin:report-vs-article"))
    for surname, host in (("Nygård", "duo.uio.no"), ("Fjeld", "bora.uib.no")):
        w = p.synthetic("no", "thesis")
        w.title, w.year, w.authors, w.host = "Karriereveiledning for flyktninger", 2019, [(surname, "Ingrid")], host
        twins.append((w, "thesis", "twin:thesis-title"))
    for family, title in (
        ("no", "Karriereveiledning for nyankomne i Norden: en komparativ studie"),
        ("sv", "Karriärvägledning för nyanlända i Norden: en komparativ studie"),
    ):
        w = p.synthetic(family, "exc2", doc_type="report")
        w.title, w.year, w.authors = title, 2018, [("Lindholm", "Karin"), ("Strand", "Eirik")]
        w.publisher, w.host = "Institutet för vägledningsforskning", "vagledningsinstitutet.se"
        twins.append((w, "exc2", "twin:language-versions"))
    book = p.synthetic("no", "exc1", reason="Ikke forskning eller utredning", doc_type="book")
    book.title, book.year, book.authors = "Karriereveiledning i et flerkulturelt samfunn", 2018, [("Dahl", "Hilde")]
    chapter = p.synthetic("no", "exc2", doc_type="chapter")
    chapter.title, chapter.year, chapter.authors = (
        "Karriereveiledning i et flerkulturelt samfunn: en innledning",
        2018,
        [("Dahl", "Hilde")],
    )
    chapter.venue = book.title
    twins += [(book, "exc1", "twin:book-vs-chapter"), (chapter, "exc2", "twin:book-vs-chapter")]
    for w, _, _ in twins:
        p.used_titles.add(w.title.casefold())
    return twins


def fates_for(family: str, real: list[Work]) -> list[tuple[str, str]]:
    """(fate, reason) slots still to fill with synthetic works after the real ones."""
    n, i1, i2, i3 = TARGETS[family]
    taken = {"inc3": 0, "exc3": 0, "exc2": 0, "exc1": 0, "thesis": 0}
    for w in real:
        taken[w._fate] += 1
    slots = [("exc3", "")] * (i2 - i3 - taken["exc3"]) + [("exc2", "")] * (i1 - i2 - taken["exc2"])
    slots += [("thesis", "")] * (THESES[family] - taken["thesis"])
    slots += [("exc1", "")] * (n - i1 - THESES[family] - taken["exc1"])
    assert i3 == taken["inc3"], (family, i3, taken)
    return slots


def build(p: Planner | None = None) -> list[Work]:
    p = p or Planner()
    works: list[Work] = []
    for row in REAL_WORKS:
        w = real_work(row)
        w._fate, w._reason, w._html_hint = row.get("fate", "inc3"), row.get("reason", ""), row.get("html")
        w._cut = row.get("scholar_cut", "auto")
        w._fold_first = row.get("scholar_fold_first", False)
        w._twin_copy = row.get("alma_and_cdi", False)
        works.append(w)
        p.used_titles.add(w.title.casefold())
    for w, fate, tag in near_twins(p):
        w._fate, w._twin = fate, tag
        w._reason = "Ikke forskning eller utredning" if fate == "exc1" else ""
        works.append(w)
    by_family = {f: [w for w in works if w.family == f] for f in FAMILIES}
    rng = p.rng
    for family in FAMILIES:
        for fate, reason in fates_for(family, by_family[family]):
            if fate == "exc1":
                reason = rng.choices(STAGE1_REASONS, [45, 38, 17])[0]
            lang = LANG[family]
            if family == "no" and fate in ("exc2", "exc3") and rng.random() < 0.15:
                lang = "eng"  # an English-language article by Norwegian authors
            w = p.synthetic(family, fate, reason=reason, lang=lang, doc_type="article" if lang == "eng" else "")
            if lang == "eng" and family != "en":
                w.authors = [(s, g) for s, g in p._authors("nor", len(w.authors))]
            w._fate, w._reason = fate, reason
            works.append(w)
    for w in works:
        for attr, default in (
            ("_reason", ""),
            ("_html_hint", None),
            ("_cut", "auto"),
            ("_fold_first", False),
            ("_twin_copy", False),
            ("_twin", ""),
        ):
            if not hasattr(w, attr):
                setattr(w, attr, default)
    from placement import place_all
    from screening_plan import decide_all

    place_all(p, works)
    decide_all(p, works)
    return works

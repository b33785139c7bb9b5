"""Where each work was found (family × source), its identifiers, and how Google Scholar shows it."""

from __future__ import annotations

from model import Work
from plan import Planner

from review.normalise import fold

SOURCE_MIX = {  # probabilities of (oria only, both, scholar only) by document type
    "article": (45, 40, 15),
    "report": (25, 35, 40),
    "chapter": (30, 30, 40),
    "book": (60, 40, 0),
    "other": (30, 0, 70),
}
COLLECTIONS = {"10.1007": "springer_journals", "10.1080": "informaworld_taylorfrancis_310"}  # by DOI prefix


def choose_sources(p: Planner, w: Work) -> list[tuple[str, str]]:
    if w.thesis:
        return [(w.family, "scholar")]
    if w.family == "en":
        return [("en", "oria")]
    if w._twin:
        return [(w.family, "oria"), (w.family, "scholar")]
    mix = p.rng.choices(("oria", "both", "scholar"), SOURCE_MIX[w.doc_type])[0]
    return {
        "oria": [(w.family, "oria")],
        "scholar": [(w.family, "scholar")],
        "both": [(w.family, "oria"), (w.family, "scholar")],
    }[mix]


def add_later_families(p: Planner, w: Work) -> None:
    """A Norwegian report may also match the Swedish query, an English-language article the English one."""
    if w.real or w.thesis or w._twin or w.family in ("da", "en"):
        return
    sources = sorted({s for _, s in w.found_in})
    chances = {"no": (("sv", 0.09), ("da", 0.03)), "sv": (("da", 0.06),)}[w.family]
    for later, chance in chances:
        if p.rng.random() < chance:
            w.found_in += [(later, s) for s in sources]
    if w.language == "eng" and w.peer_reviewed and p.rng.random() < 0.7:
        if not any(s == "oria" for _, s in w.found_in):
            w.found_in.insert(0, (w.family, "oria"))
        w.found_in.append(("en", "oria"))


def scholar_initials(given: str) -> str:
    parts = [x for x in given.replace("-", " ").replace(".", " ").split() if x]
    return "".join(x[0].upper() for x in parts)


def scholar_authors(w: Work) -> str:
    names = []
    for i, (family, given) in enumerate(w.authors[:3]):
        if i == 0 and w._fold_first:
            family = fold(family).capitalize()
        names.append(f"{scholar_initials(given)} {family}".strip())
    text = ", ".join(names)
    return text + "…" if len(w.authors) > 3 else text


def scholar_title(p: Planner, w: Work) -> str:
    cut = w._cut
    if w._twin or cut is None:
        return w.title
    if cut == "auto":
        if len(w.title) > 95:
            cut = 78
        elif len(w.title) > 70 and p.rng.random() < 0.12:
            cut = max(50, int(len(w.title) * 0.75))
        else:
            return w.title
    head = w.title[:cut]
    head = head[: head.rfind(" ")] if " " in head else head
    return head.rstrip(" ,.:;–-") + " …"


def place(p: Planner, w: Work) -> None:
    if not w.found_in:
        w.found_in = choose_sources(p, w)
        add_later_families(p, w)
    in_oria = any(s == "oria" for _, s in w.found_in)
    in_scholar = any(s == "scholar" for _, s in w.found_in)
    if in_oria and not w.oria_ids:  # a real work may bring its own (made-up) Oria id
        w.oria_ids.append(p.cdi_id(w) if w.doc_type == "article" else p.alma_id())
        if w._twin_copy or (
            w.synthetic and not w._twin and w.doc_type in ("article", "report") and p.rng.random() < 0.06
        ):
            w.oria_ids.append(p.cdi_id(w, COLLECTIONS.get(w.doi[:7], "doaj_primary")) if w.doi else p.cdi_id(w))
    if in_scholar:
        w.cluster_id, w.data_cid = p.cluster_id(), p.data_cid()
        w.scholar_title = scholar_title(p, w)
        w.scholar_authors = scholar_authors(w)
        if w.thesis:  # cited at least once, so its cites= link gives decisions.csv a key for it
            w.cites = 1 if p.rng.random() < 0.7 else p.rng.randint(1, 3)
        else:
            w.cites = p.rng.randint(3, 60) if w.real else max(1, int(p.rng.expovariate(1 / 9)))
        w.scholar_doi = bool(w.doi) and p.rng.random() < 0.35


def place_all(p: Planner, works: list[Work]) -> None:
    for w in works:
        place(p, w)

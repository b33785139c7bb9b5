"""Build the ground truth: 385 works with their family, where they were found and the decisions.

The per-family targets are Table 3.1 of the report; everything else is drawn from a seeded random
generator so that the same data comes out on every run.
"""

from __future__ import annotations

import random
import string

import vocabulary as V
from model import Work
from rapidfuzz import fuzz

NEAR = 80  # similarity (rapidfuzz ratio, 0-100) above which two synthetic titles count as near-twins

SEED = 20221003
LANG = {"no": "nor", "sv": "swe", "da": "dan", "en": "eng"}

# Table 3.1: unique hits, stage-1 includes, stage-2 includes, stage-3 includes; plus student theses
TARGETS = {"no": (190, 31, 12, 9), "sv": (112, 22, 6, 3), "da": (15, 6, 2, 2), "en": (68, 29, 17, 10)}
THESES = {"no": 28, "sv": 20, "da": 3, "en": 0}
# stage-2 exclusions by reason (non-peer-reviewed works only for quality)
STAGE2_REASONS = {
    "no": {"Utilstrekkelig kvalitet": 6, "Fulltekst ikke tilgjengelig": 2},
    "sv": {"Utilstrekkelig kvalitet": 5, "Fulltekst ikke tilgjengelig": 1},
    "da": {"Utilstrekkelig kvalitet": 1},
    "en": {"Fulltekst ikke tilgjengelig": 2},
}
STAGE3_REASONS = [
    "For perifert for problemstillingene",
    "Svakt empirisk grunnlag",
    "Overlapper med inkludert publikasjon",
]
REVIEWERS = ("Anna", "Bjørn")

PASS = [
    ("yes", "yes", "yes", "yes", "partly", "partly"),
    ("yes", "yes", "yes", "partly", "partly", "unclear"),
    ("yes", "yes", "yes", "yes", "yes", "partly"),
    ("yes", "partly", "yes", "yes", "yes", "yes"),
]
FAIL = [
    ("yes", "yes", "partly", "no", "partly", "unclear"),
    ("partly", "yes", "no", "partly", "yes", "no"),
    ("yes", "partly", "partly", "unclear", "unclear", "yes"),
    ("yes", "yes", "partly", "partly", "partly", "partly"),
]
CRITERIA = ("validity", "reliability", "generalisability", "research_question", "method_design", "coherence")


class Planner:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.works: list[Work] = []
        self.used_titles: set[str] = set()
        self.used_ids: set[str] = set()
        self.serial = 0

    # ---- identifiers -------------------------------------------------------------------------
    def _unique(self, make) -> str:
        while True:
            value = make()
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def alma_id(self) -> str:
        return self._unique(lambda: "alma99" + "".join(self.rng.choices(string.digits, k=12)) + "2201")

    def cdi_id(self, work: Work, collection: str = "") -> str:
        if work.doi and not collection:
            return self._unique(lambda: "cdi_crossref_primary_" + "".join(c if c.isalnum() else "_" for c in work.doi))
        if work.doi:
            return self._unique(lambda: f"cdi_{collection}_" + "".join(c if c.isalnum() else "_" for c in work.doi))
        prefix = {"swe": "cdi_swepub_primary_oai_DiVA_org_", "eng": "cdi_proquest_journals_"}.get(
            work.language, "cdi_nora_primary_oai_"
        )
        return self._unique(lambda: prefix + "".join(self.rng.choices(string.digits, k=10)))

    def cluster_id(self) -> str:
        return self._unique(lambda: str(self.rng.randint(10**18, 18 * 10**18)))

    def data_cid(self) -> str:
        alphabet = string.ascii_letters + string.digits + "_-"
        return self._unique(lambda: "".join(self.rng.choices(alphabet, k=12)))

    # ---- synthetic works ---------------------------------------------------------------------
    def _title(self, pool: dict, lang: str) -> tuple[str, str]:
        """A head and a qualifier; rejected when it is close to any earlier title (only the hand-made
        near-twins may look alike)."""
        for _ in range(4000):
            place = self.rng.choice(V.PLACES[lang])
            head = self.rng.choice(pool[lang]).format(g=self.rng.choice(V.GROUPS[lang]))
            qualifier = self.rng.choice(V.QUALIFIERS[lang]).format(p=place)
            title = head if (head.endswith("?") or ":" in head) and self.rng.random() < 0.7 else f"{head}: {qualifier}"
            title = title[0].upper() + title[1:]
            key = title.casefold()
            if all(fuzz.ratio(key, other) < NEAR for other in self.used_titles):
                self.used_titles.add(key)
                return title, place
        raise RuntimeError(f"title pool for {lang} exhausted")

    def _authors(self, lang: str, n: int) -> list[tuple[str, str]]:
        names: list[tuple[str, str]] = []
        while len(names) < n:
            name = (self.rng.choice(V.FAMILY[lang]), self.rng.choice(V.GIVEN[lang]))
            if name[0] not in {family for family, _ in names}:
                names.append(name)
        return names

    def synthetic(self, family: str, fate: str, reason: str = "", lang: str = "", doc_type: str = "") -> Work:
        rng = self.rng
        lang = lang or LANG[family]
        self.serial += 1
        key = f"S{self.serial:03d}"
        if fate == "thesis":
            pool, doc_type = V.THESIS, "thesis"
        elif fate == "exc1":
            pool = {
                "Ikke karriereveiledning": V.NOT_GUIDANCE,
                "Ikke flyktninger eller innvandrere": V.NOT_MIGRANTS,
                "Ikke forskning eller utredning": V.NOT_RESEARCH,
            }[reason]
        else:
            pool = V.RELEVANT
        if not doc_type:
            if pool is V.NOT_RESEARCH:
                doc_type = "other"
            elif lang == "eng":
                doc_type = "article"
            else:
                doc_type = rng.choices(["report", "article", "chapter"], [65, 28, 7])[0]
        title, place = self._title(pool, lang)
        year = rng.randint(2016, 2022)
        work = Work(
            key=key,
            family=family,
            title=title,
            year=year,
            doc_type=doc_type,
            language=lang,
            authors=self._authors(lang if lang in V.FAMILY else "eng", rng.choice([1, 1, 2, 2, 3, 4, 5])),
        )
        if doc_type == "thesis":
            work.authors = work.authors[:1]
            work.thesis_cue, work.host = rng.choice(V.THESIS_CUES[lang])
        elif doc_type == "article":
            journal_lang = lang if rng.random() < 0.7 or lang == "eng" else "eng"
            work.venue, work.issn = rng.choice(V.JOURNALS[journal_lang])
            work.volume, work.issue = str(year - 2010), str(rng.randint(1, 4))
            start = rng.randint(1, 180)
            work.pages = f"{start}-{start + rng.randint(12, 24)}"
            work.peer_reviewed = pool is not V.NOT_RESEARCH
            if rng.random() < 0.75:
                work.doi = f"10.5555/{''.join(w[0] for w in work.venue.split()).lower()}.{year}.{self.serial:03d}"
            work.publisher = "Nordisk fagforlag" if lang != "eng" else "Academic Press of the North"
        else:
            institutes = V.INSTITUTES.get(lang, V.INSTITUTES["nor"])
            work.publisher, work.host = rng.choice(institutes)
            if doc_type == "chapter":
                work.venue = f"Veiledning i et flerkulturelt samfunn ({year})" if lang == "nor" else ""
            if doc_type == "report" and rng.random() < 0.6:
                work.isbn = isbn13(f"97882999{rng.randint(0, 9999):04d}")
        if not work.host:
            work.host = "nordiskfagforlag.no" if lang != "eng" else "academicpressnorth.org"
        topic = title[0].lower() + title[1:]
        work.abstract = V.ABSTRACT[lang if lang in V.ABSTRACT else "eng"].format(t=topic, p=place)
        work.keywords = rng.sample(V.KEYWORDS[lang], k=min(3, len(V.KEYWORDS[lang])))
        return work


def isbn13(first12: str) -> str:
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)

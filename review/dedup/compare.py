"""Deciding one pair of records: certain duplicate, certainly distinct, or uncertain (a person decides).

Precision comes first: a wrong merge hides a study from screening, a missed one only costs a reviewer
a second look. So a pair is merged only when title, authors and year (or an identifier) agree, and
a "hard" conflict (different volume numbers, a chapter against its book, different first authors,
years apart) forbids the merge even through a third record.

Thresholds are on rapidfuzz's 0-100 scale. The figures quoted are from ``benchmarks/dedup.py`` on the
ten labelled sets (see docs/dedup.md for the full table).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from review.dedup.keys import Keys
from review.messages import Message

DUPLICATE, UNCERTAIN, DISTINCT = "duplicate", "uncertain", "distinct"

# Figures below: pairwise precision/recall of ``find_duplicates`` on the seven sets up to 7,159
# records, changing one constant at a time (benchmarks/dedup.py data; sweep of 2026-11-22).
#
# Titles at or above this are "the same title" up to typos, punctuation, British/American spelling.
# At 93 haematology's precision fell from 1.000 to 0.992; at 97 recall fell on three sets.
TITLE_SAME = 95.0
# Between TITLE_CLOSE and TITLE_SAME a title match needs the same first page to merge; without it
# the pair is queued (one author's two same-year works score in this band). 85 rather than 88
# raised respiratory recall 0.961 -> 0.965 with no false merge.
TITLE_CLOSE = 85.0
# Below this the titles are different works (or a translation): not even worth a person's look.
# Blocking uses it as its cut-off too. Lowering it to 60 found no further gold pair on any set
# and scored up to 2.5 times as many candidate pairs.
TITLE_CANDIDATE = 70.0
# Same DOI but titles below this: conference abstracts in one supplement share the supplement's
# DOI (21 such DOIs in the diabetes set). At 60 cardiac's precision fell from 0.9997 to 0.9989
# (same-team abstracts in one supplement); digital_work recall was 0.003 higher.
DOI_TITLE_MIN = 80.0
# With the same first author, year, volume and first page (a journal article's citation), titles
# down to this similarity are one article: a translated title, or a group name appended to it.
# partial_ratio, so a title inside a longer one ("<ORIGINAL> …" translations) scores high.
# 80 rather than 90 raised haematology recall 0.749 -> 0.761 and respiratory 0.961 -> 0.973,
# precision unchanged.
CITATION_TITLE_MIN = 80.0
# A translated title is matched on its full citation (volume, page range, team) only when the team
# has at least this many members: a single author's two articles could share a reprinted range.
# Sweep: 1 raised digital_work recall 0.9825 -> 0.9842 but cost depression precision (0.9992 -> 0.9991);
# 3 lost a cardiac pair. Most depression "false" pairs of this rule are an article and its
# translated-title MEDLINE record (same authors, volume and pages) that the gold leaves apart.
RANGE_MIN_AUTHORS = 2
# First-author surnames at or above this are the same person (typos, transliteration, ø/o).
# 80 changed nothing on the benchmark; 88 is the stricter of the two.
AUTHOR_SAME = 88.0
# A surname looked up among the other first author's given-name and glued words ("Hu" in
# "Wenxing HuDongdong Lin") must be at least this long. Sweep of 2026-11-22: 2 against 3 raised
# neuroimaging recall 0.9934 -> 0.9961 with precision unchanged on all ten sets; 5 lost recall on
# neuroimaging (0.9906) and digital_work.
MIN_SWAPPED_NAME = 2
# A title shorter than this ("Editorial", "Reply to Smith") needs a first page or DOI to merge.
SHORT_TITLE_WORDS = 4
# A "…"-shortened title must keep at least this many words to be matched on its prefix.
CUT_MIN_WORDS = 4
# Versions of one Cochrane review (same review number) are one work when their titles are at least
# this alike; a review retitled in an update ("Humanized antibody …" / "Vedolizumab …") stays queued.
# srsr recall at 85 / 90 / 95: 0.9894 / 0.9888 / 0.9885, precision 0.9992 at each (the rule alone).
REVIEW_VERSION_TITLE_MIN = 85.0
# A correction or reprint notice is joined to its article only when the article's title has at least
# this many words: "Correction: Editorial" says nothing about which editorial. A guard, not tuned:
# no benchmark pair turned on it.
NOTICE_MIN_WORDS = 5
# Years further apart than this are different works; a gap of exactly this needs strong authors.
MAX_YEAR_GAP = 1
# A chapter or a thesis is never the same work as a record of another known type (a chapter and
# the book holding it share title words and authors; a thesis and the article from it are two works).
# Other type differences (article/report/book) only stop an automatic merge.
SEPARATE_DOC_TYPES = ("chapter", "thesis")
# Types that catalogues give one report interchangeably (Oria types one Fafo report "book", another
# "report"): a difference among them is no evidence either way.
MONOGRAPH_TYPES = frozenset({"report", "book"})
# A Scholar title cut at a subtitle ("Samarbeidsmodellen KMV" for "Samarbeidsmodellen KMV – Kvalifisering
# av …") must keep at least this many words to be matched on the part it kept.
HEAD_MIN_WORDS = 2


# How two titles matched when one of them is only the part a source kept (see title_similarity).
CUT_MATCHES = frozenset({"shortened title", "title cut at a subtitle"})


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: str  # DUPLICATE, UNCERTAIN or DISTINCT
    score: float  # 0..1, how alike the two records are
    rule: str  # "doi", "record-id", "cluster-id", "repository", "fuzzy", "person"
    reason: str  # one line a reviewer can read
    hard: bool = False  # a conflict that also forbids merging through other records
    # The match rests on a title a source shortened (a series number may be lost with the subtitle): it is
    # only safe when the record matches one work, so the engine queues it when it matches two that conflict.
    partial: bool = False


def title_similarity(a: Keys, b: Keys) -> tuple[float, str]:
    """Best of: whole titles; a "…"-shortened title against the other's prefix; main titles when
    only one record carries a subtitle. Returns (score, how)."""
    if not a.title or not b.title:
        return 0.0, "no title"  # rapidfuzz scores two empty strings 100: two untitled records are not one work
    best, how = fuzz.ratio(a.title, b.title), "title"
    for cut, full in ((a, b), (b, a)):
        if cut.cut and cut.words >= CUT_MIN_WORDS and len(full.title) > len(cut.title):
            score = fuzz.ratio(cut.title, full.title[: len(cut.title)])
            if score > best:
                best, how = score, "shortened title"
    for alt, other in ((a, b), (b, a)):  # "English title [Original title]" against the original
        if alt.alt_title:
            score = max(fuzz.ratio(alt.alt_title, other.title), fuzz.ratio(alt.alt_title, other.alt_title or ""))
            if score > best:
                best, how = score, "translated title"
    for cut, full in ((a, b), (b, a)):
        # Scholar and Publish or Perish show a title up to a subtitle separator, without "…".
        if cut.scholar and cut.words >= HEAD_MIN_WORDS and cut.title in full.heads:
            return 100.0, "title cut at a subtitle"
    if a.has_subtitle != b.has_subtitle and min(a.main.count(" "), b.main.count(" ")) >= 2:
        score = fuzz.ratio(a.main, b.main)
        if score > best:
            best, how = score, "main title"
    return best, how


def different_full_titles(a: Keys, b: Keys) -> bool:
    """Two titles, each as written (neither matched on a part a source kept), that are not one title."""
    title, how = title_similarity(a, b)
    return how == "title" and title < TITLE_SAME


def _cut_to_one_word(a: Keys, b: Keys) -> bool:
    """Scholar kept only the word before the other title's first subtitle separator."""
    return any(cut.scholar and cut.words == 1 and cut.title in full.heads for cut, full in ((a, b), (b, a)))


def same_surname(x: str, y: str) -> bool:
    """Typos, transliterations and compound names: 'Bu?lova'/'Builova', 'Macedo Barcelos'/'Barcelos'."""
    if x == y:
        return True
    if Indel.normalized_similarity(x.replace(" ", ""), y.replace(" ", "")) * 100 >= AUTHOR_SAME:
        return True
    shorter, longer = sorted((x, y), key=len)
    return " " in longer and " " not in shorter and shorter in longer.split(" ")


def author_agreement(a: Keys, b: Keys) -> str:
    """'unknown', 'strong' (first author and most co-authors), 'first', 'weak' (order differs or only
    co-authors agree), 'conflict'."""
    if not a.authors or not b.authors:
        return "unknown"
    if same_surname(a.authors[0], b.authors[0]):
        head_a, head_b = set(a.authors[:5]), set(b.authors[:5])
        shorter = min(len(head_a), len(head_b))
        if shorter <= 1 or a.authors_cut or b.authors_cut or len(head_a & head_b) * 2 >= shorter:
            return "strong"
        return "first"
    if (_name_in(a.authors[0], b.first_names) or _name_in(b.authors[0], a.first_names)) and (
        min(len(a.authors), len(b.authors)) < 3
        or set(a.authors[1:5]) & b.team_names
        or set(b.authors[1:5]) & a.team_names
    ):
        # Given and family swapped, or a team glued into one name. Two full author lists must also
        # share a co-author: "Paredes"/"Paredes Esquivel" with two different teams are two abstracts.
        return "first"
    if len(a.authors) > 1 and set(a.authors) == set(b.authors):
        return "first"  # the same team listed in another order
    for x, y in ((a, b), (b, a)):
        # One catalogue lists the publishing institution first ("OsloMet", "Kompetanse Norge"), the other
        # starts with the first person: the same people in the same order follow.
        shared = min(len(x.authors) - 1, len(y.authors))
        if (
            shared >= 1
            and x.authors[1 : 1 + shared] == y.authors[:shared]
            and not any(same_surname(x.authors[0], name) for name in y.authors)
        ):
            return "strong"
    if a.authors[0] in b.authors[:5] or b.authors[0] in a.authors[:5]:
        return "weak"
    shared = len(set(a.authors[1:6]) & set(b.authors[1:6]))
    if shared >= 2 and shared * 2 >= min(len(a.authors[1:6]), len(b.authors[1:6])):
        return "weak"  # the first name differs (a group name, a swapped given/family) but the team is the same
    if ((a.organisation and b.people) or (b.organisation and a.people)) and _grey(a) and _grey(b):
        # An organisation as the only author of a report in one source ("IMDi", "Fafo"), the people who
        # wrote it in another: neither confirms nor refutes. Journal records keep the conflict: on the
        # biomedical benchmark sets a group name against a team was never one work (cytology, haematology
        # and depression only got longer queues).
        return "unknown"
    return "conflict"


def _name_in(surname: str, names: frozenset[str]) -> bool:
    words = surname.split(" ")
    return len(surname) >= MIN_SWAPPED_NAME and all(w in names for w in words)


def _extra(mine: tuple[int, ...], theirs: tuple[int, ...]) -> list[int]:
    remaining = list(theirs)
    extra = []
    for number in mine:
        if number in remaining:
            remaining.remove(number)
        else:
            extra.append(number)
    return extra


def _numbers_conflict(a: Keys, b: Keys) -> str | None:
    if a.numbers == b.numbers:
        return None
    extra_a, extra_b = _extra(a.numbers, b.numbers), _extra(b.numbers, a.numbers)
    for extra, other, keys in ((extra_a, extra_b, a), (extra_b, extra_a, b)):
        # "Gateways to clinical trials - January/February 2003" against the same title without the date.
        if not other and keys.year and all(abs(n - keys.year) <= 1 for n in extra):
            return None
    if lost_number(a, b):
        return None  # the subtitle holding the number was cut: judged on the rest (see _fuzzy)
    if a.cut or b.cut:
        cut, full = (a, b) if a.cut else (b, a)
        if _extra(cut.numbers, full.numbers):
            return Message("different numbers in the titles")
        return None  # the shortened title may just have lost its number: handled as uncertain below
    return Message("different numbers in the titles (volumes of a series?)")


def lost_number(a: Keys, b: Keys) -> bool:
    """One title has numbers the other lacks only because Scholar cut it (at a subtitle or with "…"):
    "Åtte kommuner – åtte tiltak for integrering" for "… integreringstiltak. Delrapport 1". Two full
    titles with different numbers (a number on each side, or no Scholar record) stay volumes of a series."""
    for cut, full in ((a, b), (b, a)):
        if (
            cut.scholar
            and not _extra(cut.numbers, full.numbers)
            and _extra(full.numbers, cut.numbers)
            and (
                cut.title in full.heads or (cut.cut and cut.words >= CUT_MIN_WORDS and full.title.startswith(cut.title))
            )
        ):
            return True
    return False


def _weak_type(k: Keys) -> bool:
    """Unknown, or Scholar's "book": its [BOOK] marker and @book go to reports, chapters and anthologies alike.
    Scholar's other types come from stronger cues (a thesis named in the venue, @article with a journal)."""
    return k.doc_type == "other" or (k.scholar and k.doc_type in MONOGRAPH_TYPES)


def types_differ(a: Keys, b: Keys) -> str | None:
    """'hard', 'soft' or None: whether two document types tell the records apart. Scholar's [BOOK], a type
    Oria gives reports and books alike, and an unknown type say nothing."""
    if a.doc_type == b.doc_type or _weak_type(a) or _weak_type(b):
        return None
    if {a.doc_type, b.doc_type} <= MONOGRAPH_TYPES:
        return None
    return "hard" if a.doc_type in SEPARATE_DOC_TYPES or b.doc_type in SEPARATE_DOC_TYPES else "soft"


def _holds(book: Keys, chapter: Keys) -> bool:
    """The chapter's record names its book, and that is this record's title: whatever a source typed it
    (Scholar's [BOOK] fits both), it is the book. An introduction is often titled after its book
    ("Karriereveiledning i et flerkulturelt samfunn: en innledning")."""
    if not chapter.host or not book.title or book.title == chapter.title:
        return False
    return fuzz.ratio(chapter.host, book.title) >= TITLE_SAME or (
        book.cut and book.words >= CUT_MIN_WORDS and chapter.host.startswith(book.title)
    )


def _hard_conflict(a: Keys, b: Keys) -> str | None:
    # A shared DOI or journal citation outweighs title numbers (chemistry and OCR: "alpha1A"/"alphaIA");
    # volumes of a series have neither in common.
    numbers = (
        None if (a.doi and a.doi == b.doi) or _same_citation(a, b) or _same_range(a, b) else _numbers_conflict(a, b)
    )
    if numbers:
        return numbers
    if types_differ(a, b) == "hard":
        return Message("a {first_type} and a {second_type}", first_type=a.doc_type, second_type=b.doc_type)
    if _holds(a, b) or _holds(b, a):
        return Message("a chapter and the book that holds it")
    if a.year and b.year and abs(a.year - b.year) > MAX_YEAR_GAP:
        return Message("years {first} and {second}", first=a.year, second=b.year)
    if author_agreement(a, b) == "conflict":
        return Message("different first authors")
    return None


# How two titles were compared and how far the authors agree, as a pair's reason says it (translatable).
SIMILARITY_TEXT = {
    "no title": Message("no title"),
    "title": Message("title"),
    "shortened title": Message("shortened title"),
    "translated title": Message("translated title"),
    "title cut at a subtitle": Message("title cut at a subtitle"),
    "main title": Message("main title"),
}
AGREEMENT_TEXT = {
    "strong": Message("strong"),
    "first": Message("first"),
    "weak": Message("weak"),
    "unknown": Message("unknown"),
    "conflict": Message("conflict"),
}


def classify(a: Keys, b: Keys) -> Verdict:
    """The verdict on one pair of records, from their keys alone."""
    if a.cluster_id and a.cluster_id == b.cluster_id:
        return Verdict(DUPLICATE, 1.0, "cluster-id", Message("same Google Scholar cluster"))
    if a.source_id and a.source_id == b.source_id:
        return Verdict(DUPLICATE, 1.0, "record-id", Message("same Oria record"))

    title, how = title_similarity(a, b)
    score = round(title / 100, 4)
    if a.cochrane and a.cochrane == b.cochrane and title >= REVIEW_VERSION_TITLE_MIN:
        return Verdict(
            DUPLICATE,
            max(score, 0.99),
            "review-version",
            Message("versions of Cochrane review {review}", review=a.cochrane.upper()),
        )
    doubt = _doi_doubt(a, b, title) if a.doi and a.doi == b.doi else None
    if a.doi and a.doi == b.doi and title >= TITLE_SAME and a.numbers == b.numbers and not doubt:
        # One DOI and one title: the same article even when one database garbled the author names.
        return Verdict(DUPLICATE, max(score, 0.99), "doi", Message("same DOI and title"))
    if (
        a.doi
        and a.doi == b.doi
        and (title >= DOI_TITLE_MIN or _title_inside(a, b))
        and (_same_range(a, b) or (_same_issue(a, b) and not _pages_conflict(a, b)))
    ):
        # One DOI in one issue (or on one page range): the same article even when a database garbled the
        # author names ("Jinsong" for Du Jinsong, a team glued into one name) or a number in the title.
        return Verdict(DUPLICATE, max(score, 0.99), "doi", Message("same DOI and issue"))
    if (
        title >= TITLE_SAME
        and _same_citation(a, b)
        and a.numbers == b.numbers
        and min(a.words, b.words) >= SHORT_TITLE_WORDS
        and not (a.issue and b.issue and a.issue != b.issue)
    ):
        # Same title in the same volume, year and page: one article, even when a database mangled
        # the author names (given and family swapped, "Si Hyun Kang" as a surname) or the DOI.
        # Short titles ("Editorial Introduction") are excluded: one journal prints one in every issue.
        return Verdict(DUPLICATE, score, "fuzzy", Message("same title, year, volume and first page"))
    if a.notice != b.notice and title >= TITLE_SAME and _notice_fits(a, b):
        # "Correction: <title>" or "Reprint of: <title>" and its article. Benchmarks disagree on whether
        # these are one work (srsr joins them, digital_work and haematology keep them apart): a person decides.
        # Printed in the same issue, the notice belongs to the article (both of those sets agree).
        if _same_issue(a, b) and author_agreement(a, b) != "unknown":
            return Verdict(
                DUPLICATE,
                score * 0.98,
                "fuzzy",
                Message("a {notice} notice in its article's issue", notice=a.notice or b.notice),
            )
        return Verdict(
            UNCERTAIN, score, "fuzzy", Message("a {notice} notice and its article?", notice=a.notice or b.notice)
        )
    conflict = _hard_conflict(a, b)
    if conflict:
        return Verdict(DISTINCT, score, "fuzzy", conflict, hard=True)

    if a.doi and a.doi == b.doi:
        if doubt:
            return Verdict(UNCERTAIN, score, "doi", Message("same DOI but {doubt}", doubt=doubt))
        if (
            title >= DOI_TITLE_MIN
            or not a.title
            or not b.title
            or _title_inside(a, b)
            or (
                _same_range(a, b)
                and a.volume
                and a.volume == b.volume
                and author_agreement(a, b) in ("strong", "first")
            )
        ):
            return Verdict(DUPLICATE, max(score, 0.99), "doi", Message("same DOI"))
        return Verdict(UNCERTAIN, score, "doi", Message("same DOI but different titles (a supplement's DOI?)"))
    if a.doi and b.doi:
        # Two DOIs: distinct works unless everything else, down to the page, is the same.
        # The same page in the same journal; a differing volume is allowed only under one journal name
        # (a supplement's number given as the volume), not for an article printed in two journals.
        same_page = _pages_agree(a, b) or bool(
            a.first_page and a.first_page == b.first_page and a.venue and a.venue == b.venue
        )
        if title >= TITLE_SAME and same_page and a.year == b.year:
            if author_agreement(a, b) == "strong" and min(a.words, b.words) >= SHORT_TITLE_WORDS:
                return Verdict(DUPLICATE, score * 0.98, "doi", Message("same title, authors and pages; DOIs differ"))
            return Verdict(UNCERTAIN, score, "fuzzy", Message("same title and pages but different DOIs"))
        return Verdict(DISTINCT, score, "fuzzy", Message("different DOIs"), hard=True)

    if (_same_citation(a, b) or _same_range(a, b)) and a.title and b.title:
        partial = fuzz.partial_ratio(a.title, b.title) if title < CITATION_TITLE_MIN else title
        if partial >= CITATION_TITLE_MIN and author_agreement(a, b) == "strong":
            return Verdict(
                DUPLICATE,
                round(partial / 100, 4) * 0.99,
                "fuzzy",
                Message("same authors, year, volume and pages; title {partial:.0f}%", partial=partial),
            )
    if (
        _same_range(a, b)
        and a.volume
        and b.volume
        and min(a.words, b.words) >= SHORT_TITLE_WORDS
        and author_agreement(a, b) == "strong"
        and (min(len(a.authors), len(b.authors)) >= RANGE_MIN_AUTHORS or (_same_issue(a, b) and a.venue == b.venue))
    ):
        # One team, one volume, one page range: the same article under its original and its translated
        # title ("Arbeiten in der Crowd …" / "Crowdwork: …").
        return Verdict(
            DUPLICATE,
            max(score, CITATION_TITLE_MIN / 100),
            "fuzzy",
            Message("same authors, year, volume and page range; title {title:.0f}%", title=title),
        )
    if title < TITLE_CANDIDATE:
        if _cut_to_one_word(a, b) and a.year == b.year:
            # "Høringsnotat" for "Høringsnotat – forslag til endringer i …": too little to match on, too
            # likely to split unasked.
            return Verdict(UNCERTAIN, score, "fuzzy", Message("a title cut to its first word"))
        return Verdict(DISTINCT, score, "fuzzy", Message("different titles"))
    if a.repository_item and a.repository_item == b.repository_item and not types_differ(a, b):
        # Two links into one repository item (Oria's handle link, the landing page or the PDF Scholar links
        # to): one deposited work, also when Scholar cut the series number from the title, so the record no
        # longer fits two volumes. The hard conflicts above still part them (two numbers in two full titles,
        # a chapter and its book, other people); a different item says nothing (one report, two repositories).
        return Verdict(
            DUPLICATE,
            max(score, 0.97),
            "repository",
            Message("same repository item ({item})", item=a.repository_item),
        )
    verdict = _fuzzy(a, b, title, how, score)
    if verdict.outcome == DUPLICATE and how in CUT_MATCHES:
        # A title matched on the part a source kept fits every work that starts that way ("Høringsnotat –
        # forslag til endringer i …" fits two of one ministry's papers): the engine checks it fits one.
        return replace(verdict, partial=True)
    return verdict


def _title_inside(a: Keys, b: Keys) -> bool:
    """One title is the other with words added ("Gordon memorial lecture. <title>", "<title>: epidemiology …")."""
    return min(a.words, b.words) >= 3 and fuzz.partial_ratio(a.title, b.title) >= TITLE_SAME


def _notice_fits(a: Keys, b: Keys) -> bool:
    """A notice follows its article within a year, in the same journal, by the same authors (or none)."""
    if not (a.year and b.year and abs(a.year - b.year) <= MAX_YEAR_GAP) or venues_conflict(a, b):
        return False
    if min(a.words, b.words) < NOTICE_MIN_WORDS:
        return False
    return author_agreement(a, b) in ("strong", "first", "unknown")


def _doi_doubt(a: Keys, b: Keys, title: float) -> str | None:
    """Why a shared DOI may not mean one work: supplement DOIs cover many abstracts, and databases
    copy an article's DOI onto the conference abstract that preceded it."""
    if _pages_conflict(a, b) and author_agreement(a, b) == "conflict":
        return Message("different pages and authors (pieces of one debate?)")
    if (
        title >= TITLE_SAME
        and a.numbers == b.numbers
        and (not a.first_page or not b.first_page or a.first_page == b.first_page)
    ):
        # One DOI, one title and no second page number: an ahead-of-print record with a placeholder
        # volume ("Frontiers … 27" for 7). A conference abstract given its article's DOI has its own
        # page in another volume: that stays in doubt (neuroimaging and cardiac count those apart).
        return None
    if _volumes_differ(a, b):
        return Message("different volumes")
    if _pages_conflict(a, b) and title < TITLE_SAME:
        return Message("different pages (a supplement's DOI?)")
    if a.first_page and b.first_page and a.first_page != b.first_page and venues_conflict(a, b):
        return Message("different journals and pages")
    return None


def _volumes_differ(a: Keys, b: Keys) -> bool:
    """Both volumes known and different, unless one record gives a supplement's number as its volume and
    the other as its issue ("Scand J Gastroenterol Suppl" 169 / volume 24, issue 169)."""
    return bool(
        a.volume
        and b.volume
        and a.volume != b.volume
        and a.volume not in b.issue_numbers
        and b.volume not in a.issue_numbers
    )


def _online_first(a: Keys, b: Keys) -> bool:
    """One record has neither volume nor pages (published online ahead of print) and is no meeting abstract."""
    return any(not x.volume and not x.first_page and not x.meeting and not y.meeting for x, y in ((a, b), (b, a)))


def _same_issue(a: Keys, b: Keys) -> bool:
    """The same volume (or, when neither has one, the same journal) and issue; a supplement's issue
    ("8 Supplement 1") is compared as written."""
    same_volume = a.volume == b.volume and (a.volume or (a.venue and a.venue == b.venue))
    return bool(same_volume and a.issue_label and a.issue_label == b.issue_label)


def _same_citation(a: Keys, b: Keys) -> bool:
    # Pages read back from a spreadsheet date are too weak to carry a title that differs.
    return bool(
        a.year
        and a.year == b.year
        and a.volume
        and a.volume == b.volume
        and a.first_page
        and a.first_page == b.first_page
        and not (a.pages_garbled or b.pages_garbled)
    )


def venues_conflict(a: Keys, b: Keys) -> bool:
    """Both venues known and neither an abbreviation of the other ('Am J Kidney Dis' matches
    'American Journal of Kidney Diseases'; 'ACP Journal Club' does not match 'Annals of Internal Medicine')."""
    if not a.venue or not b.venue or a.venue == b.venue:
        return False
    short, long = sorted((a.venue, b.venue), key=len)
    if len(short) == len(long) and all(x.startswith(y) or y.startswith(x) for x, y in zip(short, long, strict=True)):
        return False
    if all(any(w.startswith(s) or _abbreviates(s, w) for w in long) for s in short):  # words dropped
        return False
    glued_a, glued_b = "".join(a.venue), "".join(b.venue)  # "ScientificWorldJournal" / "Scientific World"
    if min(len(glued_a), len(glued_b)) >= 8 and (glued_a in glued_b or glued_b in glued_a):
        return False
    for x, y in ((a.venue, b.venue), (b.venue, a.venue)):
        # An acronym: "ICIS: Transforming Society" for "International Conference on Information Systems".
        if len(x[0]) >= 3 and x[0] == "".join(w[0] for w in y):
            return False
    return fuzz.token_set_ratio(" ".join(short), " ".join(long)) < 90


def _abbreviates(short: str, word: str) -> bool:
    """'natl' for 'national', 'psychiatr' for 'psychiatry': same first letter, the rest in order."""
    if len(short) < 3 or short[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])


def _pages_conflict(a: Keys, b: Keys) -> bool:
    # Compared only in the same style: databases put years, issues or article numbers in the field.
    # Ranges ending on the same page differ by a typo in the first ("2297-2108"/"2097-2108").
    return bool(
        a.first_page
        and b.first_page
        and a.first_page != b.first_page
        and not (a.pages_garbled or b.pages_garbled)
        and a.page_is_locator == b.page_is_locator
        and a.page_is_range == b.page_is_range
        and not (a.last_page and a.last_page == b.last_page)
    )


def _same_range(a: Keys, b: Keys) -> bool:
    """The same full page range in the same year and volume (a missing volume does not disagree)."""
    return bool(
        a.year
        and a.year == b.year
        and a.last_page
        and a.first_page == b.first_page
        and not (a.pages_garbled or b.pages_garbled)
        and a.last_page == b.last_page
        and a.first_page != a.last_page
        and not _volumes_differ(a, b)
        and not (a.issue and b.issue and a.issue != b.issue)
    )


def _pages_agree(a: Keys, b: Keys) -> bool:
    return bool(a.first_page and a.first_page == b.first_page and not _volumes_differ(a, b))


def _published_by(publisher: str, name: str) -> bool:
    """The publisher field names this organisation: "fafo" for Fafo, "opinion as" for Opinion AS."""
    return bool(publisher and name) and (publisher == name or publisher.startswith(name + " "))


def _organisation_publishes(a: Keys, b: Keys) -> bool:
    """An organisation's document: one source names the organisation as its author ("Opinion AS"),
    another leaves the author out and names it as the publisher."""
    for x, y in ((a, b), (b, a)):
        if not x.authors and len(y.authors) == 1 and _published_by(x.publisher, y.authors[0]):
            return True
    return False


def _institution_for_its_people(a: Keys, b: Keys) -> bool:
    """Two catalogue records of one report: one names only the institution that published it ("Fafo",
    published by Fafo: a repository's or a library's corporate entry), the other the people who wrote it,
    published by that same institution. Scholar records are left out: their publisher is often a web
    host, and their title may be cut to the other record's shorter one."""
    for org, other in ((a, b), (b, a)):
        if (
            org.organisation
            and not org.people
            and other.people
            and not org.scholar
            and not other.scholar
            and _published_by(org.publisher, org.authors[0])
            and _published_by(other.publisher, org.authors[0])
        ):
            return True
    return False


def _organisation_document(a: Keys, b: Keys) -> bool:
    """One organisation is the only author of both records (or the author of one and the publisher of the
    other, which names no author), neither names a person, and the title says more than a genre: an
    organisation issues many a "Høringsnotat" or "Notat" a year, told apart only by a subtitle that Scholar
    cuts without a mark. So one of the two must be a catalogue record, and the title must have two words."""
    if a.people or b.people or (a.scholar and b.scholar) or min(a.words, b.words) < HEAD_MIN_WORDS:
        return False
    if a.organisation and b.organisation:
        return a.authors == b.authors
    return any(
        not x.authors and y.organisation and _published_by(x.publisher, y.authors[0]) for x, y in ((a, b), (b, a))
    )


def _grey(k: Keys) -> bool:
    """No journal coordinates: a report, book, thesis or web document rather than a journal piece."""
    return k.doc_type != "article" and not (k.volume or k.issue or k.first_page or k.doi)


def _fuzzy(a: Keys, b: Keys, title: float, how: str, score: float) -> Verdict:
    authors = author_agreement(a, b)
    year_gap = abs(a.year - b.year) if a.year and b.year else None
    pages = _pages_agree(a, b)
    short = min(a.words, b.words) < SHORT_TITLE_WORDS
    described = Message(
        "{how} {title:.0f}%, authors {authors}, {years}",
        how=SIMILARITY_TEXT.get(how, how),
        title=title,
        authors=AGREEMENT_TEXT.get(authors, authors),
        years=Message("years {first}/{second}", first=a.year, second=b.year)
        if year_gap
        else Message("same year")
        if year_gap == 0
        else Message("year unknown"),
    )

    def maybe(why: str) -> Verdict:
        return Verdict(UNCERTAIN, score, "fuzzy", Message("{why} ({described})", why=why, described=described))

    if _pages_conflict(a, b):
        return maybe(Message("different first pages"))
    if _volumes_differ(a, b):
        return maybe(Message("different volumes (a conference abstract and the article?)"))
    same_issue = _same_issue(a, b)
    if venues_conflict(a, b) and not pages and not same_issue:
        # The same volume and issue outweigh a journal name given in two languages
        # ("Jinko Chino Gakkai Ronbunshi" / "Transactions of the Japanese Society for AI").
        return maybe(Message("different journals or series"))
    if a.issue and b.issue and a.issue != b.issue and not (a.first_page or b.first_page):
        return maybe(Message("different issues"))
    if types_differ(a, b):
        return maybe(Message("a {first_type} and a {second_type}", first_type=a.doc_type, second_type=b.doc_type))
    if a.numbers != b.numbers and lost_number(a, b):
        # Scholar cut the series number away with the subtitle: one work when the same people wrote it
        # the same year, unless the record fits two volumes (the engine checks that).
        if year_gap == 0 and authors in ("strong", "first"):
            return Verdict(
                DUPLICATE,
                score * 0.98,
                "fuzzy",
                Message("a series number cut with the title ({described})", described=described),
                partial=True,
            )
        return maybe(Message("the shortened title may have lost a volume number"))
    if how == "shortened title" and a.numbers != b.numbers:
        return maybe(Message("the shortened title may have lost a volume number"))
    if title < TITLE_SAME:
        if title >= TITLE_CLOSE and pages and year_gap == 0 and authors in ("strong", "first"):
            return Verdict(
                DUPLICATE, score, "fuzzy", Message("close title, same pages ({described})", described=described)
            )
        return maybe(Message("similar titles"))
    if short and year_gap == 0 and authors == "strong" and (a.people or b.people) and _grey(a) and _grey(b):
        # A report's short title ("Introduksjonsprogram i endring"): the same title, the same people and
        # the same year are one work. Journals are left out: one editor writes an "Editorial" every issue;
        # so are organisations alone: a ministry sends out many a "Høringsnotat" in one year.
        return Verdict(
            DUPLICATE,
            score * 0.98,
            "fuzzy",
            Message("short title, same authors and year ({described})", described=described),
        )
    if short and year_gap == 0 and authors == "unknown" and _grey(a) and _grey(b) and _institution_for_its_people(a, b):
        # The same short title and year in two catalogue records, one naming the publishing institution where
        # the other names its people: the institution stands in for them. Another organisation (IMDi's own
        # note under a Fafo report's title) or a Scholar record stays queued.
        return Verdict(
            DUPLICATE,
            score * 0.98,
            "fuzzy",
            Message(
                "short title, same year and publisher; the publisher named as author ({described})", described=described
            ),
        )
    if short and year_gap == 0 and how == "title" and _grey(a) and _grey(b) and _organisation_document(a, b):
        # An organisation's own document under a short title of its own ("Introduksjonsprogram i endring" by
        # IMDi): the same title, organisation and year are one work when a catalogue shows the whole title.
        return Verdict(
            DUPLICATE,
            score * 0.98,
            "fuzzy",
            Message("short title, same organisation and year ({described})", described=described),
        )
    if short and not pages and not (same_issue and year_gap == 0 and authors in ("strong", "unknown")):
        # One author's short piece in one issue ("Anxious interactions", a "Preface") is one work even
        # when one database gives its page and another its article number.
        return maybe(Message("short title"))
    if year_gap == 0:
        if authors in ("strong", "first") or (authors == "weak" and pages):
            return Verdict(DUPLICATE, score, "fuzzy", described)
        if authors == "unknown" and (
            pages or a.words >= 6 or same_issue or _organisation_publishes(a, b) or _institution_for_its_people(a, b)
        ):
            return Verdict(DUPLICATE, score * 0.99, "fuzzy", described)
        return maybe(Message("authors do not confirm"))
    if year_gap == 1:
        # Print and online years differ, but so do a conference paper and its journal version:
        # the same volume or first page has to confirm.
        if authors == "strong" and (pages or (a.volume and a.volume == b.volume)):
            return Verdict(DUPLICATE, score * 0.98, "fuzzy", described)
        if (
            authors == "strong"
            and a.venue
            and b.venue
            and ((a.doc_type == b.doc_type == "other" and not (a.volume or b.volume)) or _online_first(a, b))
        ):
            # One paper dated by the meeting in one database and by the proceedings in another (ICIS 2017,
            # indexed as 2018), or an article online in one year and in print the next. The venues agree
            # (checked above); a journal version of a conference paper would not.
            return Verdict(DUPLICATE, score * 0.97, "fuzzy", Message("{described}; same venue", described=described))
        return maybe(Message("years one apart"))
    if authors == "strong" and (pages or a.words >= 6):  # one record without a year
        return Verdict(DUPLICATE, score * 0.98, "fuzzy", described)
    return maybe(Message("year missing"))

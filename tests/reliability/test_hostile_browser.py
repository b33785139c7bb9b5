"""Hostile record and user text on every page, in headless Chromium against `streamlit run`.

A synthetic review (invented records, labelled synthetic) carries markup, script and Markdown payloads in
every text field a person or an export file can fill. Each page is opened; nothing may run, no element may
be injected, and each field the page shows must read exactly as typed (no Markdown, colour or LaTeX)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from review.bundled import write_starter_protocol
from review.ingest import SearchInfo, content_hash, store_result
from review.model import Author, ImportResult, RawRecord
from review.protocol import load_protocol
from review.rounds import current_round
from review.store import open_store, schema
from review.timeutil import now_iso
from screening.attachments import add_link
from screening.decisions import Decision, record
from screening.quality import save_ratings
from screening.summaries import save_summary
from screening.team import add_reviewer
from tests.conftest import set_stage_mode, singleton_works
from tests.ui.browser_support import (
    BROWSER_TEST,
    CHROMIUM,
    CHROMIUM_ARGS,
    new_context,
    open_page,
    running_app,
    sign_in,
    wait_idle,
)

pytestmark = BROWSER_TEST

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1">',
    '"><iframe src="javascript:window.__pwned=1">',
    "[x](javascript:window.__pwned=1)",
    ":red[x]",
    "$x^2$",
)


def hostile(tag: str) -> str:
    """A field value: a tag naming the field, then every payload."""
    return f"{tag} " + " ".join(PAYLOADS)


# A reviewer name is user text too; the sidebar and captions show it on every page.
REVIEWER = 'Eve <img src=x onerror="window.__pwned=1"> :red[x] $x^2$ [x](javascript:window.__pwned=1)'
# add_link accepts only http(s) URLs without spaces; the rest of the URL is still hostile.
LINK = "https://example.org/:red[x]/[x](javascript:window.__pwned=1)/$x^2$/<img_src=x_onerror=1>"
FILE_NAME = hostile("File") + ".ris"
GROUP_FIELDS = ("aim", "method", "findings")


def work_record(n: int, *, snippet: bool = False) -> RawRecord:
    """Synthetic record n with hostile text in every field (tags keep the fields apart)."""
    return RawRecord(
        source="oria",
        format="ris",
        file_name=FILE_NAME,
        position=n,
        line=n,
        title=hostile(f"Title{n} karriereveiledning"),
        authors=[Author(hostile(f"Family{n}"), hostile(f"Given{n}"))],
        year=2019,
        venue=hostile(f"Venue{n}"),
        publisher=hostile(f"Publisher{n}"),
        doc_type="report",
        doi=f"10.1234/{n}" + "".join(p.replace(" ", "") for p in PAYLOADS),
        abstract=hostile(f"Abstract{n}"),
        abstract_is_snippet=snippet,
        url="javascript:window.__pwned=1",
        peer_reviewed=False,
        keywords=[hostile(f"Keyword{n}")],
    )


COPIED = ("venue", "publisher", "doi", "abstract", "abstract_is_snippet", "url")  # works keep no keywords


def build(directory):
    write_starter_protocol(directory)
    set_stage_mode(directory, 1, "dual")
    family_file = directory / "queries" / "no.toml"
    text = family_file.read_text(encoding="utf-8")
    start = text.index("label = ")
    end = text.index("\n", start)
    family_file.write_text(
        text[:start] + "label = " + json.dumps(hostile("FamilyLabel")) + text[end:], encoding="utf-8"
    )
    protocol = load_protocol(directory)
    store = open_store(directory)
    records = [work_record(n, snippet=n == 2) for n in range(1, 8)]
    result = ImportResult(file_name=FILE_NAME, format="ris", encoding="utf-8", records=records, source="oria")
    info = SearchInfo(source="oria", family="no", query=hostile("Query"))
    with store.write() as conn:
        store_result(conn, result, content_hash(b"synthetic hostile"), info, current_round(conn, protocol))
    works = singleton_works(store)
    with store.write() as conn:  # singleton_works copies a few fields; a real dedup copies all
        for raw in conn.execute(select(schema.raw_records)).all():
            work = conn.execute(
                select(schema.work_links.c.work_id).where(schema.work_links.c.raw_id == raw.id)
            ).scalar()
            conn.execute(
                schema.works.update().where(schema.works.c.id == work).values({c: getattr(raw, c) for c in COPIED})
            )
        conn.execute(
            schema.candidate_pairs.insert().values(
                raw_a=6, raw_b=7, score=0.9, created_at=now_iso(), reason=hostile("PairReason")
            )
        )
    add_reviewer(store, protocol, REVIEWER)
    w1, w2, w3, w4, w5 = works[:5]

    def vote(work, stage, decision, who, **kw):
        record(store, protocol, Decision(work_id=work, stage=stage, decision=decision, reviewer=who, **kw))

    for work in (w2, w3, w4):  # stage 1 is dual: two agreeing votes make the consensus
        vote(work, 1, "include", "Anna", note=hostile("DecisionNote"))
        vote(work, 1, "include", "Bjørn")
    criteria = [c.id for c in protocol.quality_criteria]
    save_ratings(store, protocol, w2, REVIEWER, {c: ("yes", hostile(f"QualityNote-{c}")) for c in criteria})
    add_link(store, w2, LINK, REVIEWER)
    for work in (w3, w4):
        vote(work, 2, "include", REVIEWER, note=hostile("DecisionNote"))
        save_summary(
            store,
            protocol,
            work,
            aim=hostile("Aim"),
            method=hostile("Method"),
            findings=hostile("Findings"),
            group=protocol.appendix_groups[0],
            author=REVIEWER,
        )
    vote(w4, 3, "include", REVIEWER)
    vote(w5, 1, "include", "Anna")  # a conflict with a hostile custom reason and note
    vote(w5, 1, "exclude", "Bjørn", reasons=[hostile("CustomReason")], note=hostile("DecisionNote"))
    store.close()


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile") / "rev"
    build(directory)
    return directory


@pytest.fixture(scope="module")
def page(review):
    from playwright.sync_api import sync_playwright

    with running_app(review) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = new_context(browser, viewport={"width": 1400, "height": 1400})
        page = context.new_page()
        page.goto(url)  # the address carries no name (issue 17): sign in through the sidebar
        wait_idle(page)
        sign_in(page, REVIEWER)
        yield page
        browser.close()


AUTHOR_FIELDS = ("Title{n}", "Family{n}", "Given{n}", "Venue{n}", "Publisher{n}", "Abstract{n}")
# page label in the sidebar -> the tagged fields it must show literally
EXPECTED = {
    "Overview": ["Reviewer"],
    "Import": ["Reviewer", "File"],
    "Duplicates": ["Reviewer", "PairReason", *[f.format(n=n) for n in (6, 7) for f in AUTHOR_FIELDS[:5]], "File"],
    "Stage 1": ["Reviewer", *[f.format(n=1) for f in AUTHOR_FIELDS], "DOI1"],
    "Stage 2": [
        "Reviewer",
        *[f.format(n=2) for f in AUTHOR_FIELDS],
        "DOI2",
        "Link",
        *[
            f"QualityNote-{c}"
            for c in ("validity", "reliability", "generalisability", "research_question", "method_design", "coherence")
        ],
    ],
    "Stage 3": ["Reviewer", *[f.format(n=3) for f in AUTHOR_FIELDS], "DOI3", "Aim", "Method", "Findings"],
    "Conflicts": ["Reviewer", "Title5", "CustomReason"],
    "Reports": ["Reviewer", "Title4", "Family4", "Publisher4", "Aim", "Method", "Findings"],  # given names: initials
}

# The app's own key guard (review/ui/keyguard.py) is the one script we put on the page ourselves.
INJECTED = (
    'script:not([data-nordic-review="key-guard"])',
    "iframe",
    "object",
    "embed",
    "img[onerror]",
    "svg[onload]",
    "[onerror]",
    "[onload]",
    'a[href^="javascript:" i]',
    "[src^='javascript:' i]",
)
USER_TEXT = '[data-testid="stHtml"], [data-testid="stMarkdownContainer"], [data-testid="stText"]'
CHROME = '[data-testid="stHeaderActionElements"] *'  # Streamlit's own heading anchors


def expected_text(tag: str) -> str:
    if tag == "Reviewer":
        return REVIEWER
    if tag == "Link":
        return "Open " + LINK[:60]
    if tag.startswith("DOI"):
        return f"doi:10.1234/{tag[3:]}" + "".join(p.replace(" ", "") for p in PAYLOADS).lower()
    if tag == "File":
        return FILE_NAME
    if tag.startswith("Title"):
        return hostile(f"{tag} karriereveiledning")
    return hostile(tag)


def shown_text(page) -> str:
    """What a reader sees: rendered text plus the values of text fields (notes, summaries)."""
    text = page.locator('[data-testid="stApp"]').inner_text()
    text += "\n".join(page.locator('[data-testid="stLinkButton"]').all_text_contents())
    values = page.evaluate("() => [...document.querySelectorAll('input, textarea')].map(e => e.value)")
    return text + "\n" + "\n".join(values)


def check_page(page, label: str) -> list[str]:
    """Problems on the current page: ran code, injected elements, fields not shown literally."""
    problems = []
    if page.evaluate("() => window.__pwned") is not None:
        problems.append(f"{label}: window.__pwned was set")
    app = page.locator('[data-testid="stApp"]')
    for selector in INJECTED:
        if app.locator(selector).count():
            problems.append(f"{label}: injected {selector}")
    for selector in ("img", "svg", ".katex", 'a:not([href^="https://"])'):  # the card's own links are https
        found = page.locator(f":is({USER_TEXT}) {selector}:not({CHROME})")
        if found.count():
            problems.append(f"{label}: {found.count()} {selector} element(s) inside user text")
    text = shown_text(page)
    problems += [f"{label}: {tag} not shown literally" for tag in EXPECTED[label] if expected_text(tag) not in text]
    return problems


def test_hostile_text_on_every_page_is_inert_and_literal(page, review):
    problems, checked = [], 0
    for label in EXPECTED:
        open_page(page, label)
        if label == "Reports":
            page.get_by_role("tab", name="Appendix").click()
            page.locator(".appendix-preview").wait_for()
        problems += check_page(page, label)
        checked += len(EXPECTED[label])
    # The Import page's family list and Stage 1's reason list show protocol and team text in drop-downs.
    open_page(page, "Import")
    page.locator(".st-key-import_family").click()
    page.get_by_role("option", name=hostile("FamilyLabel"), exact=False).first.wait_for()
    problems += check_page(page, "Import")
    page.keyboard.press("Escape")
    open_page(page, "Stage 1")
    page.locator(".st-key-s1_reasons").click()
    page.get_by_role("option", name=hostile("CustomReason"), exact=True).wait_for()
    problems += check_page(page, "Stage 1")
    checked += 2
    assert page.evaluate("() => window.__pwned") is None
    print(f"\nhostile fields x pages checked: {checked}, payloads per field: {len(PAYLOADS)}")
    assert not problems, "\n".join(problems)

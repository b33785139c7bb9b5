"""Vedlegg 1 from the SYNTHETIC store: group order, escaping, golden Markdown/HTML/DOCX."""

import html.parser

from reports_testdata import check_golden, docx_text

from review.reports import collect
from review.reports.appendix import appendix_html, appendix_markdown, md_escape, write_appendix_docx


def _included(store, protocol):
    with store.read() as conn:
        return collect.collect_included(conn, protocol)


def test_groups_follow_the_protocol_and_ungrouped_works_come_last(store, protocol):
    text = appendix_markdown(_included(store, protocol), protocol.appendix_groups, "no")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Norske rapporter", "## Fagfellevurderte artikler", "## Uten gruppe"]
    # oldest first within a group, as in the seed report
    assert text.index("Eksempel Analyse AS (2017)") < text.index("Nordmann, K. & Hansen, O. P. (2018)")
    assert "Old aim" not in text  # only the latest summary counts


def test_html_escapes_all_user_text(store, protocol):
    page = appendix_html(_included(store, protocol), protocol.appendix_groups, "no")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Narrative &lt;career&gt; counselling &amp; refugees" in page

    class Tags(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = set()

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)

    parser = Tags()
    parser.feed(page)
    assert parser.tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "section", "p", "span"}


def test_markdown_escapes_markup():
    assert md_escape("a *b* <c> [d](e) x_y") == r"a \*b\* \<c\> \[d\](e) x\_y"
    assert md_escape("# not a heading") == r"\# not a heading"


def test_appendix_golden_files(store, protocol, tmp_path):
    works = _included(store, protocol)
    check_golden("appendix.md", appendix_markdown(works, protocol.appendix_groups, "no"))
    check_golden("appendix.html", appendix_html(works, protocol.appendix_groups, "no"))
    write_appendix_docx(works, protocol.appendix_groups, tmp_path / "a.docx", "no")
    check_golden("appendix.docx.txt", docx_text(tmp_path / "a.docx"))

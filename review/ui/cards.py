"""A work as the reviewer sees it, as escaped HTML: record text is never trusted as markup."""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import quote

from review import synthetic as stand_in
from review.ui.highlight import MARK_CSS, TermMatcher, highlight_html
from review.ui.i18n import N_
from screening.works import display_authors

SAFE_SCHEMES = ("http://", "https://")
SYNTHETIC_NOTE = N_("a made-up stand-in record (test data, not a real publication)")
SYNTHETIC_LABEL = f"{stand_in.label('en')}: {SYNTHETIC_NOTE}"
Translate = Callable[[str], str]

CARD_CSS = (
    """
<style>
.work-card { font-size: 1rem; line-height: 1.5; }
.work-card .work-title { font-size: 1.35rem; font-weight: 600; margin: 0 0 .35rem 0; }
.work-card .work-meta { color: #555; margin-bottom: .6rem; }
.work-card .work-abstract { white-space: pre-wrap; margin-top: .4rem; }
.work-card .snippet-flag { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: .3rem;
  background: #eef1f6; color: #445; margin-bottom: .3rem; }
.work-card .found-in { color: #666; font-size: .85rem; margin-top: .6rem; }
.work-card .synthetic-flag { display: inline-block; font-weight: 700; padding: .1rem .5rem; border-radius: .3rem;
  background: #fde2e1; color: #8a1c14; border: 1px solid #e0a39e; margin-bottom: .4rem; }
</style>
"""
    + MARK_CSS
)


def safe_url(url: str | None) -> str | None:
    """Only web links become clickable; anything else (javascript:, data:) is dropped."""
    url = (url or "").strip()
    return url if url.lower().startswith(SAFE_SCHEMES) else None


def doi_url(doi: str) -> str:
    """The resolver link with the DOI percent-encoded: old SICI DOIs contain <, > and ; which would
    otherwise make the sanitiser drop the whole href."""
    return "https://doi.org/" + quote(doi, safe="/:()._-")


def meta_line(view: dict, tr: Translate = str) -> str:
    parts = [display_authors(view.get("authors") or [])]
    if view.get("authors_truncated"):
        parts[-1] += " …"
    parts.append(str(view["year"]) if view.get("year") else tr("year unknown"))
    for key in ("venue", "publisher"):
        if view.get(key):
            parts.append(view[key])
    parts.append(view.get("doc_type") or "other")  # the record model's type names, as in exports
    if view.get("peer_reviewed") is True:
        parts.append(tr("peer reviewed"))
    return " · ".join(p for p in parts if p)


def found_in(view: dict, tr: Translate = str) -> str:
    families = ", ".join(view.get("families") or []) or "-"
    sources = ", ".join(view.get("sources") or []) or "-"
    return tr("Found by families {families} in {sources} ({count} record(s))").format(
        families=families, sources=sources, count=len(view.get("records") or [])
    )


def work_card_html(view: dict, matcher: TermMatcher, *, show_abstract: bool = True, tr: Translate = str) -> str:
    """Title, authors, year, venue and abstract with protocol terms marked; every value escaped. ``tr``
    gives the card's own words in the reader's language; the record's text stays as it is."""
    rows = [f'<div class="work-card" data-work="{int(view["id"])}">']
    if view.get("synthetic"):
        flag = f"{stand_in.label('en')}: {tr(SYNTHETIC_NOTE)}"
        rows.append(f'<div class="synthetic-flag">{html.escape(flag)}</div>')
    title = view.get("title") or tr("(no title)")
    rows += [
        f'<div class="work-title">{highlight_html(title, matcher)}</div>',
        f'<div class="work-meta">{html.escape(meta_line(view, tr))}</div>',
    ]
    doi = view.get("doi")
    link = safe_url(view.get("url"))
    links = []
    if doi:
        links.append(f'<a href="{html.escape(doi_url(doi), quote=True)}" target="_blank">doi:{html.escape(doi)}</a>')
    if link:
        name = html.escape(tr("link"))
        links.append(f'<a href="{html.escape(link, quote=True)}" target="_blank">{name}</a>')
    if links:
        rows.append('<div class="work-links">' + " · ".join(links) + "</div>")
    if show_abstract:
        abstract = view.get("abstract")
        if abstract and view.get("abstract_is_snippet"):
            flag = html.escape(tr("Google Scholar snippet, not the abstract"))
            rows.append(f'<div class="snippet-flag">{flag}</div>')
        if abstract:
            rows.append(f'<div class="work-abstract">{highlight_html(abstract, matcher)}</div>')
        else:
            missing = html.escape(tr("No abstract in the imported records."))
            rows.append(f'<div class="work-abstract"><em>{missing}</em></div>')
    rows.append(f'<div class="found-in">{html.escape(found_in(view, tr))}</div>')
    rows.append("</div>")
    return "\n".join(rows)


def plain_work_line(view: dict) -> str:
    """One line for lists and tables (plain text: render with st.text or in a dataframe)."""
    year = view.get("year") or "n.d."
    flag = f"[{stand_in.label('en')}] " if view.get("synthetic") else ""
    return f"#{view['id']} {flag}{view.get('title') or '(no title)'} ({year})"

"""The Google Scholar search sheet: query strings plus the steps to export and import the results.

Scholar has no API and its terms forbid automated querying, so the tool prepares the searches and a
person runs them (in the browser or in Publish or Perish) and imports what they export.
"""

from __future__ import annotations

from urllib.parse import urlencode

from review.search.scholar_query import MAX_QUERY_LENGTH, ScholarPlan

SCHOLAR_URL = "https://scholar.google.com/scholar"
RESULT_CAP = 1000  # Scholar shows at most this many results per query (Harzing, PoP help)


def scholar_url(query: str, years: tuple[int, int]) -> str:
    """A convenience link; check in the page that the year range was applied."""
    return f"{SCHOLAR_URL}?{urlencode({'q': query, 'as_ylo': years[0], 'as_yhi': years[1]})}"


def _family_section(plan: ScholarPlan, review_dir: str) -> list[str]:
    first, last = plan.years
    lines = [
        f"## Family `{plan.family}`: {plan.label}",
        "",
        f"- Years: set *Custom range…* to **{first}–{last}** (Publish or Perish: *Years* {first} to {last}).",
        "- Forms searched (Scholar does not truncate, so each form is spelled out):",
    ]
    lines += [f"  - group {i}: {', '.join(forms)}" for i, forms in enumerate(plan.groups, 1)]
    lines += [
        f"- {len(plan.queries)} quer{'y' if len(plan.queries) == 1 else 'ies'}, each at most "
        f"{MAX_QUERY_LENGTH} characters; together they cover every combination of the forms.",
        "",
    ]
    for n, query in enumerate(plan.queries, 1):
        lines += [f"{n}. `{query}`  ({len(query)} characters)", f"   <{scholar_url(query, plan.years)}>"]
    if plan.warnings:
        lines += ["", "Warnings:"] + [f"- {w}" for w in plan.warnings]
    lines += [
        "",
        "Import each export with the family id:",
        "",
        f"    python -m review import {review_dir} FILE --source scholar --family {plan.family}",
        "",
    ]
    return lines


def render_scholar_guide(
    plans: list[ScholarPlan], *, review_dir: str = "DIR", title: str | None = None, prepared: str | None = None
) -> str:
    lines = [f"# Google Scholar searches{': ' + title if title else ''}", ""]
    if prepared:
        lines += [f"Prepared {prepared}. Record the date you run each query; it goes into the search log.", ""]
    lines += [
        "Google Scholar has no API and does not allow automated searching, so run these queries by hand.",
        f"Scholar shows at most {RESULT_CAP} results per query: if a query reports more, split it further.",
        "",
        "## How to export",
        "",
        "- **Publish or Perish** (recommended): choose *Google Scholar*, paste one query into *Keywords*, set",
        "  the years, run it, then *File → Save as CSV* (or BibTeX/RIS). One file per query keeps the",
        "  provenance clear.",
        "- **Browser**: run the query with the year range set, then save every result page",
        "  (*Save page as → Web page, HTML only*), ten results a page.",
        "",
        "Queries of one family overlap; the import keeps every record and deduplication links them.",
        "",
    ]
    for plan in plans:
        lines += _family_section(plan, review_dir)
    return "\n".join(lines).rstrip() + "\n"

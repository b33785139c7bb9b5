"""What can be exported and in which file formats: the names the command line and the app offer.

Plain data, so that `review export --help` lists the exports without loading the writers (python-docx,
the store, pydantic); ``review.reports.registry`` maps each name and suffix to its writer and refuses to
load if the two disagree."""

from __future__ import annotations

EXPORT_FORMATS: dict[str, tuple[str, ...]] = {
    "flow": (".svg", ".png"),
    "included": (".csv", ".xlsx", ".ris", ".bib", ".docx"),
    "table": (".csv", ".xlsx", ".md"),
    "appendix": (".md", ".html", ".docx"),
    "search-appendix": (".md", ".docx", ".csv"),
    "search-log": (".csv", ".xlsx", ".md"),
    "asreview": (".csv",),
    "raw": (".csv", ".xlsx", ".md"),
    "works": (".csv", ".xlsx", ".md"),
    "decisions": (".csv", ".xlsx", ".md"),
    "screening-methods": (".md", ".docx"),
}

# Exports drawn from the flow counts, which can be limited to one round (the updated-review diagram).
ROUND_EXPORTS = ("flow", "table", "included", "search-log", "search-appendix", "appendix")

"""Reference lines in the style of the Fafo report's Vedlegg 1 (close to APA):

``Surname, A. & Surname, B. (Year). Title. Publisher.`` Three or more authors are joined with commas
and a final ``&``; initials come from the given names; articles name their journal instead of a publisher;
a chapter names its book and pages (``I Bok (s. 87–90).``), as the report does for Hansen (2021).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from review.model import Author
from review.normalise import clean_text, fold
from review.reports.wording import words


class Referenced(Protocol):
    """What a reference list reads of a work (collect.IncludedWork has it)."""

    @property
    def authors(self) -> Sequence[Author]: ...
    @property
    def year(self) -> int | None: ...
    @property
    def title(self) -> str: ...
    @property
    def appendix_group(self) -> str | None: ...


T = TypeVar("T", bound=Referenced)

_NAME_PART = re.compile(r"[^\s.]+")
_SENTENCE_END = (".", "?", "!", "…")


def initials(given: str) -> str:
    """``Anne Britt`` → ``A. B.``; ``Hans-Petter`` → ``H.-P.``; ``KA`` (Scholar style) → ``K. A.``."""
    given = clean_text(given)
    if not given:
        return ""
    out: list[str] = []
    for part in _NAME_PART.findall(given):
        if part.isupper() and part.isalpha() and len(part) <= 3:  # run of initials without dots
            out.extend(f"{ch}." for ch in part)
            continue
        pieces = [p for p in part.split("-") if p]
        if pieces:
            out.append("-".join(f"{p[0].upper()}." for p in pieces))
    return " ".join(out)


def author_name(author: Author) -> str:
    """``Surname, A. B.``; an organisation (no given name) stays whole."""
    family = clean_text(author.family)
    short = initials(author.given)
    return f"{family}, {short}" if short else family


def author_list(authors: Sequence[Author], truncated: bool = False, language: str = "en") -> str:
    names = [author_name(a) for a in authors if clean_text(a.family)]
    if not names:
        return ""
    if truncated:
        return ", ".join(names) + " " + words(language)["and_more"]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " & " + names[-1]


def _sentence(text: str) -> str:
    text = clean_text(text)
    if not text:
        return ""
    return text if text.endswith(_SENTENCE_END) else text + "."


def _page_range(pages: str | None) -> str:
    return re.sub(r"\s*[-\u2013\u2014]+\s*", "\u2013", clean_text(pages or ""))


def _book(venue: str, pages: str | None, language: str) -> str:
    """``I En bok (s. 87–90).`` / ``In A book (pp. 87–90).``"""
    w = words(language)
    span = _page_range(pages)
    text = f"{w['in_book']} {clean_text(venue)}"
    return f"{text} ({w['pages']} {span})." if span else _sentence(text)


def reference_line(
    authors: Sequence[Author],
    year: int | None,
    title: str,
    *,
    venue: str | None = None,
    publisher: str | None = None,
    doc_type: str = "other",
    truncated: bool = False,
    pages: str | None = None,
    language: str = "en",
) -> str:
    """One reference; works without authors start with the title, as APA does."""
    year_text = f"({year})" if year else f"({words(language)['no_year']})"
    names = author_list(authors, truncated, language)
    parts = [f"{names} {year_text}." if names else "", _sentence(title)]
    if not names:
        parts.append(f"{year_text}.")
    if doc_type == "chapter" and venue:
        parts += [_book(venue, pages, language), _sentence(publisher or "")]
    else:
        where = venue if doc_type == "article" and venue else (publisher or venue or "")
        parts.append(_sentence(where or ""))
    return " ".join(p for p in parts if p)


def sort_key(authors: Sequence[Author], year: int | None, title: str) -> tuple:
    """Oldest first, then by first author and title: the order the seed report's appendix uses."""
    first = fold(authors[0].family) if authors else fold(title)
    return (year or 9999, first, fold(title))


def _first_author(work) -> tuple[str, str]:
    if not work.authors:
        return ("", "")
    first = work.authors[0]
    return (fold(first.family), fold(first.given)[:1])


def reference_order(works: Sequence[T]) -> list[T]:
    """Oldest first, then by first author and title; a first author's later works follow their earliest
    one, so a series stays together (the seed report lists Hernes 2021, Hernes 2022, then Hellang 2022)."""
    base = sorted(works, key=lambda w: sort_key(w.authors, w.year, w.title))
    out: list[T] = []
    placed: set[int] = set()
    for n, work in enumerate(base):
        if n in placed:
            continue
        out.append(work)
        placed.add(n)
        author = _first_author(work)
        if not author[0]:
            continue
        for m in range(n + 1, len(base)):
            if m not in placed and _first_author(base[m]) == author:
                out.append(base[m])
                placed.add(m)
    return out


def group_works(works: Sequence[T], groups: Sequence[str], language: str = "en") -> list[tuple[str, list[T]]]:
    """Works by appendix group, in the protocol's group order; groups the protocol does not name follow
    alphabetically, and works without a group come last. Empty groups are left out."""
    by_group: dict[str, list[T]] = {}
    for work in works:
        by_group.setdefault(work.appendix_group or "", []).append(work)
    extra = sorted((g for g in by_group if g and g not in groups), key=fold)
    order = [g for g in groups if g in by_group] + extra + ([""] if "" in by_group else [])
    out = []
    for group in order:
        members = reference_order(by_group[group])
        out.append((group or words(language)["no_group"], members))
    return out

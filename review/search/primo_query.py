"""A query family as the parameters of one Primo search: ``q`` plus the filter facets.

Pure functions, no HTTP. The Boolean query is the one the protocol shows people
(``Family.query()``: groups AND-ed, alternatives OR-ed, phrases quoted, ``*`` truncation kept),
wrapped as Primo's single clause ``any,contains,<query>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from review.errors import ProtocolError
from review.protocol import Family

# The protocol's document types (model.DOC_TYPES) as Primo ``facet_rtype`` values, which are plural.
DOC_TYPE_FACETS: dict[str, str] = {
    "thesis": "dissertations",
    "article": "articles",
    "book": "books",
    "chapter": "book_chapters",
    "report": "reports",
}
PEER_REVIEWED_FACET = "facet_tlevel,exact,peer_reviewed"
FACET_SEPARATOR = "|,|"  # Primo joins several facets of one parameter with this
# Facet templates for the year range, by OriaConfig.date_facet.
DATE_FACETS: dict[str, tuple[str, str]] = {
    "multiFacets": ("multiFacets", "facet_searchcreationdate,include,[{first} TO {last}]"),
    "qInclude": ("qInclude", "facet_creationdate,exact,[{first} TO {last}]"),
}
_OPERATORS = {"AND", "OR", "NOT"}


@dataclass(frozen=True)
class PrimoQuery:
    family: str
    query: str  # the Boolean query as a person would type it into Oria
    years: tuple[int, int]
    q_include: tuple[str, ...] = ()
    q_exclude: tuple[str, ...] = ()
    multi_facets: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())  # things the reader of a search log should know
    reuses: int | None = None  # the earlier search whose stored string this re-runs

    @property
    def q(self) -> str:
        return f"any,contains,{self.query}"

    def params(self) -> dict[str, str]:
        """The query parameters that depend on the family (paging and view are added by the client)."""
        params = {"q": self.q}
        for name, values in (
            ("qInclude", self.q_include),
            ("qExclude", self.q_exclude),
            ("multiFacets", self.multi_facets),
        ):
            if values:
                params[name] = FACET_SEPARATOR.join(values)
        return params


def _check_terms(family: Family) -> None:
    where = f"family '{family.id}'" + (f" ({family.path.name})" if family.path else "")
    if not family.groups or any(not g.terms for g in family.groups):
        raise ProtocolError(f"{where}: every term group needs at least one term")
    for group in family.groups:
        for term in group.terms:
            if not term.strip():
                raise ProtocolError(f"{where}: empty term in group '{group.name}'")
            if ";" in term or '"' in term:
                raise ProtocolError(f"{where}: term {term!r} contains ';' or '\"', which Primo's q syntax reserves")
            if " " not in term and term.upper() in _OPERATORS:
                raise ProtocolError(
                    f"{where}: the term {term!r} would be read as an operator; write it in lower case or drop it"
                )


def build_primo_query(
    family: Family, years: tuple[int, int], *, date_facet: str = "multiFacets", stored: tuple[int, str] | None = None
) -> PrimoQuery:
    """The Primo search for one family over ``years`` (inclusive), with the family's filters as facets.

    ``stored`` (search id, string) re-runs an earlier round's string exactly as it was run, with the
    new years, instead of the family's current query."""
    _check_terms(family)
    first, last = years
    if first > last:
        raise ProtocolError(f"family '{family.id}': year range {first}–{last} is reversed")
    include: list[str] = []
    exclude: list[str] = []
    multi: list[str] = []
    notes: list[str] = []
    if family.peer_reviewed_only:
        include.append(PEER_REVIEWED_FACET)
    for doc_type in family.exclude_doc_types:
        try:
            exclude.append(f"facet_rtype,exact,{DOC_TYPE_FACETS[doc_type]}")
        except KeyError:
            raise ProtocolError(
                f"family '{family.id}': cannot exclude document type {doc_type!r} in "
                f"Oria; known: {sorted(DOC_TYPE_FACETS)}"
            ) from None
    if date_facet in DATE_FACETS:
        parameter, template = DATE_FACETS[date_facet]
        (multi if parameter == "multiFacets" else include).append(template.format(first=first, last=last))
    elif date_facet == "none":
        notes.append("year range not sent to Primo; checked on the records instead")
    else:
        raise ProtocolError(f"unknown date_facet {date_facet!r}; use one of {sorted(DATE_FACETS)} or 'none'")
    if any("*" in term and " " in term for g in family.groups for term in g.terms):
        notes.append("a quoted phrase with '*' may not be truncated by Primo")
    query, reuses = family.query(), None
    if stored is not None:
        reuses, query = stored
        notes.append(f"re-runs the string of search {reuses} from an earlier round with the years {first}–{last}")
        if query != family.query():
            notes.append("the protocol's query for this family has changed since; the stored string is re-run")
    return PrimoQuery(
        family=family.id,
        query=query,
        years=(first, last),
        q_include=tuple(include),
        q_exclude=tuple(exclude),
        multi_facets=tuple(multi),
        notes=tuple(notes),
        reuses=reuses,
    )


def family_years(
    family: Family, protocol_years: tuple[int, int], override: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The years a family searches: an explicit override, else the family's own, else the protocol's."""
    return tuple(override or family.years or protocol_years)  # type: ignore[return-value]

"""What the ``review search`` commands do, as core functions the CLI and the UI can both call."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from review.errors import ReviewError
from review.protocol import Family, Protocol, load_protocol
from review.rounds import SearchRound, search_round
from review.search.config import OriaConfig, load_oria_config, read_api_key
from review.search.oria import FamilySearch, base_params, import_search, search_family
from review.search.primo_client import PrimoClient
from review.search.primo_query import PrimoQuery, build_primo_query, family_years
from review.search.scholar_query import ScholarPlan, build_scholar_queries
from review.searches import latest_search

log = logging.getLogger(__name__)


def families_for(protocol: Protocol, source: str, family_id: str | None = None) -> list[Family]:
    """The families that search ``source``; naming one that does not is an error, not a silent skip."""
    if family_id:
        family = protocol.family(family_id)
        if source not in family.sources:
            raise ReviewError(
                f"family '{family_id}' does not list {source} in its sources ({', '.join(family.sources)})"
            )
        return [family]
    chosen = [f for f in protocol.families if source in f.sources]
    if not chosen:
        raise ReviewError(f"no query family lists {source} in its sources")
    return chosen


def _round_years(rnd: SearchRound, family: Family) -> tuple[int, int]:
    """A family's own years hold for the first round; an update searches its round's years."""
    return rnd.years if rnd.is_update else family_years(family, rnd.years)


def oria_queries(
    protocol: Protocol, config: OriaConfig, family_id: str | None = None, store: Any = None
) -> list[PrimoQuery]:
    """The round's Oria searches. In an update each family re-runs the string stored for its last
    Oria search (the search record), with the new round's years."""
    if store is None:
        rnd = SearchRound(None, "Round 1", (protocol.year_from, protocol.year_to), False)
        earlier: dict[str, Any] = {}
    else:
        with store.read() as conn:
            rnd = search_round(conn, protocol)
            earlier = (
                {f.id: latest_search(conn, f.id, "oria", before_round=rnd.id) for f in protocol.families}
                if rnd.is_update
                else {}
            )
    queries = []
    for family in families_for(protocol, "oria", family_id):
        found = earlier.get(family.id)
        queries.append(
            build_primo_query(
                family,
                _round_years(rnd, family),
                date_facet=config.date_facet,
                stored=(found.id, found.query) if found else None,
            )
        )
    return queries


def describe_dry_run(config: OriaConfig, queries: list[PrimoQuery]) -> str:
    """What a live run would send, without the key and without touching the network."""
    client = PrimoClient(config, None)
    lines = [
        f"Endpoint: {config.endpoint}",
        f"API key: {'from $' + config.api_key_env if config.needs_key else 'none (--no-key)'}"
        f" ({'Authorization header' if config.api_key_in == 'header' else 'apikey parameter'})",
    ]
    for query in queries:
        params = {**base_params(config), **query.params(), "offset": "0", "limit": str(config.limit)}
        lines += ["", f"Family {query.family} ({query.years[0]}–{query.years[1]})", f"  query:   {query.query}"]
        lines += [f"  {name}: {params[name]}" for name in ("qInclude", "qExclude", "multiFacets") if name in params]
        lines += [f"  note:    {note}" for note in query.notes]
        lines.append(f"  first request: {client.public_url(params)}")
    return "\n".join(lines)


@dataclass
class OriaRunOptions:
    family: str | None = None
    endpoint: str | None = None
    max_records: int | None = None
    no_key: bool = False
    import_records: bool = True
    progress: bool | None = None  # None: show a bar on a terminal only
    searched: str | None = None  # ISO date; today by default
    run_by: str | None = None  # who ran the search, for the search record


def run_oria(
    review_dir: Path,
    options: OriaRunOptions,
    *,
    environ: dict[str, str] | None = None,
    client_factory: Callable[[OriaConfig, str | None], PrimoClient] = PrimoClient,
    open_store: Callable[[Path], Any] | None = None,
    import_file: Callable[..., Any] | None = None,
) -> list[FamilySearch]:
    """Search every Oria family (or one) and import each as soon as all its pages are saved."""
    if options.max_records is not None and options.max_records < 1:
        raise ReviewError("--max-records must be at least 1")
    protocol = load_protocol(review_dir)
    config = load_oria_config(protocol.search, endpoint=options.endpoint, no_key=options.no_key)
    client = client_factory(config, read_api_key(config, environ))
    if open_store is None:  # tests pass a store of their own
        from review.store import open_store as default_open_store

        open_store = default_open_store
    store = open_store(review_dir)  # the round decides the years and the strings, even without importing
    runs = []
    try:
        queries = oria_queries(protocol, config, options.family, store)
        for query in queries:
            run = search_family(
                client,
                query,
                review_dir,
                searched=options.searched,
                max_records=options.max_records,
                progress=options.progress,
            )
            run.run_by = options.run_by
            if options.import_records:
                import_search(store, protocol, review_dir, run, import_file=import_file)
            runs.append(run)
    finally:
        if hasattr(store, "close"):
            store.close()
    return runs


def scholar_plans(review_dir: Path, family_id: str | None = None) -> list[ScholarPlan]:
    """The Scholar query sheet for the current round's years."""
    from review.store import open_store

    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    try:
        with store.read() as conn:
            rnd = search_round(conn, protocol)
    finally:
        store.close()
    return [build_scholar_queries(f, _round_years(rnd, f)) for f in families_for(protocol, "scholar", family_id)]

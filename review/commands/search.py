"""`review search oria|scholar DIR`: run the protocol's Oria searches live, or write the Scholar sheet."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from review.errors import ReviewError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="run the Oria searches or prepare the Google Scholar queries")
    sources = parser.add_subparsers(dest="source", metavar="SOURCE", required=True)

    oria = sources.add_parser(
        "oria",
        help="search Oria live through the Primo API and import the results",
        description="Runs each Oria query family through the Primo search API, saves every "
        "raw page under DIR/exports/oria/ and imports the records. The API "
        "key is read from the environment variable named in [search.oria] "
        "(PRIMO_API_KEY by default). Each search is recorded for the search "
        "appendix; in an update round each family re-runs the string of its "
        "last Oria search with the round's years.",
    )
    oria.add_argument("directory", type=Path, metavar="DIR", help="the review directory")
    oria.add_argument("--family", help="only this query family")
    oria.add_argument("--endpoint", help="search API URL (overrides [search.oria] endpoint)")
    oria.add_argument("--max-records", type=int, metavar="N", help="stop each family after N records")
    oria.add_argument("--dry-run", action="store_true", help="show the requests without sending them")
    oria.add_argument("--no-key", action="store_true", help="send no API key (an endpoint that needs none)")
    oria.add_argument("--no-import", action="store_true", help="save the pages but do not import them")
    oria.add_argument("--run-by", metavar="NAME", help="who runs the search, for the search record")
    oria.set_defaults(handler=handle_oria)

    scholar = sources.add_parser("scholar", help="write the Google Scholar query strings and export steps")
    scholar.add_argument("directory", type=Path, metavar="DIR", help="the review directory")
    scholar.add_argument("--family", help="only this query family")
    scholar.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen")
    scholar.set_defaults(handler=handle_scholar)


def handle_oria(args: argparse.Namespace) -> int:
    from review.protocol import load_protocol
    from review.search.config import load_oria_config
    from review.search.runner import OriaRunOptions, describe_dry_run, oria_queries, run_oria
    from review.store import open_store

    if args.dry_run:
        protocol = load_protocol(args.directory)
        config = load_oria_config(protocol.search, endpoint=args.endpoint, no_key=args.no_key)
        store = open_store(args.directory)
        try:
            print(describe_dry_run(config, oria_queries(protocol, config, args.family, store)))
        finally:
            store.close()
        return 0
    options = OriaRunOptions(
        family=args.family,
        endpoint=args.endpoint,
        max_records=args.max_records,
        no_key=args.no_key,
        import_records=not args.no_import,
        run_by=args.run_by,
    )
    for run in run_oria(args.directory, options):
        total = "?" if run.total is None else str(run.total)
        state = "imported" if run.imported else "saved, not imported"
        print(
            f"{run.family}: {run.retrieved} of {total} reported hits in {len(run.pages)} page(s), {state}; "
            f"{run.stopped_because}"
        )
        for note in run.notes:
            print(f"  note: {note}")
    return 0


def handle_scholar(args: argparse.Namespace) -> int:
    from review.protocol import load_protocol
    from review.search.runner import scholar_plans
    from review.search.scholar_guide import render_scholar_guide

    plans = scholar_plans(args.directory, args.family)
    protocol = load_protocol(args.directory)
    text = render_scholar_guide(
        plans, review_dir=str(args.directory), title=protocol.title, prepared=date.today().isoformat()
    )
    for plan in plans:
        for warning in plan.warnings:
            print(f"Warning: {warning}", file=sys.stderr)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ReviewError(f"{args.output}: cannot write ({exc.strerror})") from None
        print(f"wrote {sum(len(p.queries) for p in plans)} queries for {len(plans)} families to {args.output}")
    else:
        print(text, end="")
    return 0

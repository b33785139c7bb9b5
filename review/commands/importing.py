"""review import DIR FILE..."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the core loads only when a command runs: `review --help` stays fast
    from review.ingest import SearchInfo


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import",
        help="import export files (RIS, BibTeX, CSV, XLSX, Scholar pages, ...)",
        description="Import search exports into the review. All files are read first; "
        "if any cannot be read nothing is stored. Re-importing a file with the "
        "same content adds nothing.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help="export files")
    add_search_arguments(p)
    p.set_defaults(handler=run)


def add_search_arguments(p) -> None:
    """What describes a search, shared by `import` and `update`."""
    from review.interfaces import INTERFACES

    p.add_argument(
        "--source",
        default="auto",
        choices=["auto", "oria", "scholar", "other"],
        help="where the search ran (default: guessed from the file)",
    )
    p.add_argument("--family", help="query family id declared under queries/ (e.g. no, sv, da, en)")
    p.add_argument(
        "--query", help="the search string exactly as run (without it the search record says 'not recorded')"
    )
    p.add_argument("--searched", metavar="YYYY-MM-DD", help="date of the search")
    p.add_argument(
        "--filters",
        help="filters and limits applied in the search interface (years, types, languages), for the search record",
    )
    p.add_argument("--hits", type=int, help="hit count the source reported, for the search record")
    p.add_argument(
        "--database", help="the database searched, e.g. Oria, Google Scholar, PubMed (default: from the interface)"
    )
    p.add_argument(
        "--interface",
        choices=list(INTERFACES),
        help="how the database was searched (default: from the file): "
        + "; ".join(f"{i.key}: {i.label}" for i in INTERFACES.values()),
    )
    p.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a setting of the interface, repeatable: "
        + "; ".join(f"{i.key} {', '.join(k for k, _ in i.settings)}" for i in INTERFACES.values() if i.settings),
    )
    p.add_argument("--run-by", metavar="NAME", help="who ran the search")


def search_info(args) -> SearchInfo:
    from review.ingest import SearchInfo
    from review.interfaces import parse_settings

    return SearchInfo(
        source=args.source,
        family=args.family,
        query=args.query,
        searched=args.searched,
        filters=args.filters,
        hits=args.hits,
        database=args.database,
        interface=args.interface,
        settings=parse_settings(args.setting),
        run_by=args.run_by,
    )


def run(args) -> int:
    from review.ingest import import_files
    from review.protocol import load_protocol
    from review.store import open_store

    protocol = load_protocol(args.dir)
    store = open_store(args.dir)
    try:
        for summary in import_files(store, protocol, args.files, search_info(args)):
            print(summary.describe())
    finally:
        store.close()
    print("Next: review dedup", args.dir)
    return 0

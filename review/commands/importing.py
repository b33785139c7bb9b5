"""review import DIR FILE..."""

from pathlib import Path

from review.ingest import SearchInfo, import_files
from review.protocol import load_protocol
from review.store import open_store


def register(subparsers) -> None:
    p = subparsers.add_parser("import", help="import export files (RIS, BibTeX, CSV, XLSX, Scholar pages, ...)",
                              description="Import search exports into the review. All files are read first; "
                                          "if any cannot be read nothing is stored. Re-importing a file with the "
                                          "same content adds nothing.")
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help="export files")
    add_search_arguments(p)
    p.set_defaults(handler=run)


def add_search_arguments(p) -> None:
    """What describes a search, shared by `import` and `update`."""
    p.add_argument("--source", default="auto", choices=["auto", "oria", "scholar", "other"],
                   help="where the search ran (default: guessed from the file)")
    p.add_argument("--family", help="query family id declared under queries/ (e.g. no, sv, da, en)")
    p.add_argument("--query", help="the query string as run (default: the family's query)")
    p.add_argument("--searched", metavar="YYYY-MM-DD", help="date of the search")
    p.add_argument("--filters", help="filters applied in the search interface, for the search log")
    p.add_argument("--hits", type=int, help="hit count the source reported, for the search log")


def search_info(args) -> SearchInfo:
    return SearchInfo(source=args.source, family=args.family, query=args.query, searched=args.searched,
                      filters=args.filters, hits=args.hits)


def run(args) -> int:
    protocol = load_protocol(args.dir)
    store = open_store(args.dir)
    try:
        for summary in import_files(store, protocol, args.files, search_info(args)):
            print(summary.describe())
    finally:
        store.close()
    print("Next: review dedup", args.dir)
    return 0

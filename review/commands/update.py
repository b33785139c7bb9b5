"""review update DIR --years 2023-2025 [FILE...]"""

from pathlib import Path


def register(subparsers) -> None:
    from review.commands.importing import add_search_arguments

    p = subparsers.add_parser(
        "update",
        help="open a new review round for a new year range (and import into it)",
        description="Open a new round of the review for a new year range. Later imports "
        "and dedup work on this round; dedup compares new records with "
        "everything already in the review, so earlier decisions are kept and "
        "never asked for again. Files given here are imported at once.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("files", type=Path, nargs="*", metavar="FILE", help="export files for the new round")
    p.add_argument("--years", required=True, help="the new round's years, e.g. 2023-2025")
    p.add_argument("--label", help="the round's name (default: 'Update 2023–2025')")
    add_search_arguments(p)
    p.add_argument(
        "--manifest",
        type=Path,
        help="a searches.toml listing export files with their source, "
        "family, query and date (as exports/searches.toml)",
    )
    p.set_defaults(handler=run)


def run(args) -> int:
    from review.commands.importing import search_info
    from review.protocol import load_protocol
    from review.store import open_store
    from review.update import parse_years, update_review

    protocol = load_protocol(args.dir)
    store = open_store(args.dir)
    try:
        report = update_review(
            store,
            protocol,
            parse_years(args.years),
            args.files,
            search_info(args),
            args.manifest,
            label=args.label,
            review_dir=args.dir,
        )
    finally:
        store.close()
    if report.widened:
        print(
            f"review.toml years widened to {report.widened[0]}–{report.widened[1]} (searches of this round "
            f"use {report.years[0]}–{report.years[1]})"
        )
    state = "opened" if report.opened else "continued"
    print(f"{report.label} ({report.years[0]}–{report.years[1]}) {state} as round {report.round_id}")
    for summary in report.imports:
        print(summary.describe())
    if report.imports:
        print("Next: review dedup", args.dir)
    return 0

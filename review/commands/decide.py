"""review decide DIR --csv FILE"""

from pathlib import Path

from review.errors import ReviewError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "decide",
        help="record decisions, quality ratings or summaries from files",
        description="Bulk decisions from a CSV with columns work_id (or record), stage, "
        "decision (include|exclude|maybe), reason (several separated by ;), "
        "reviewer, final (true|false), and optionally note. The files given are "
        "applied together, whole or not at all. In a stage screened by two "
        "reviewers each row is "
        "a vote, recorded as the screening page records it; only the lead's "
        "row may be final (a reconciliation). The names consensus and protocol "
        "are reserved for rows written by rules.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("--csv", type=Path, help="decisions CSV")
    p.add_argument(
        "--quality", type=Path, help="quality ratings CSV: work_id|record, reviewer, criterion, rating, note"
    )
    p.add_argument(
        "--summaries", type=Path, help="summaries TOML: [[summary]] work_id|record, group, aim, method, findings"
    )
    p.set_defaults(handler=run)


def run(args) -> int:
    from review.protocol import load_protocol
    from review.store import open_store
    from screening.bulk import apply_files

    if not (args.csv or args.quality or args.summaries):
        raise ReviewError("nothing to do: give --csv, --quality or --summaries")
    protocol = load_protocol(args.dir)
    store = open_store(args.dir)
    try:  # one transaction for all the files given: a decision is never stored without its ratings
        results = apply_files(store, protocol, decisions=args.csv, quality=args.quality, summaries=args.summaries)
        if args.quality:
            print(f"{args.quality.name}: {results['quality'].rows} quality ratings stored")
        if args.csv:
            result = results["decisions"]
            print(f"{args.csv.name}: {result.rows} decisions stored")
            if result.new_reviewers:
                print("New reviewers added: " + ", ".join(result.new_reviewers))
            if result.custom_reasons:
                print("Custom reasons kept: " + "; ".join(result.custom_reasons))
            for warning in result.warnings:
                print(f"Flagged: {args.csv.name}: {warning}")
        if args.summaries:
            print(f"{args.summaries.name}: {results['summaries'].rows} summaries stored")
    finally:
        store.close()
    return 0

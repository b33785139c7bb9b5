"""review example DIR"""

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "example",
        help="copy the bundled Fafo review into DIR and run it end to end",
        description="Copy the bundled review (protocol, query families, export files, "
        "recorded decisions and summaries) into DIR, import, deduplicate, "
        "apply the decisions and print the flow.",
    )
    p.add_argument("dir", type=Path, help="an empty or new directory")
    p.add_argument("--quiet", action="store_true", help="print only the flow (no progress, imports or flagged rows)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from review.bundled import copy_bundled_review
    from review.commands.status import status_text
    from review.pipeline import run_review

    copy_bundled_review(args.dir)
    report = run_review(args.dir, progress=not args.quiet, say=(lambda _: None) if args.quiet else print)
    if report.pair_verdicts and not args.quiet:
        print(f"decisions/pairs.csv: {report.pair_verdicts} recorded verdicts on uncertain pairs applied")
    if not args.quiet:
        for warning in report.warnings:
            print(f"Flagged: {warning}")
    print(status_text(args.dir))
    return 0

"""`review dedup DIR`: group raw records into works; list, merge, separate and undo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from review.errors import ReviewError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "dedup",
        help="group imported records into works (duplicates merged, uncertain pairs queued)",
        description="Group raw records into works: same DOI, Oria record or Scholar cluster, then similar "
        "title, first author and year. Uncertain pairs wait for a person (--pairs).",
    )
    parser.add_argument("directory", type=Path, help="the review directory")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--pairs", action="store_true", help="list the uncertain pairs waiting for a person")
    action.add_argument(
        "--merge", nargs=2, type=int, metavar=("RAW_A", "RAW_B"), help="record that two raw records are the same work"
    )
    action.add_argument(
        "--distinct",
        nargs=2,
        type=int,
        metavar=("RAW_A", "RAW_B"),
        help="record that two raw records are different works",
    )
    action.add_argument(
        "--undo",
        type=int,
        metavar="WORK",
        help="undo the latest merge into a work: the work it absorbed comes back with its decisions",
    )
    parser.add_argument(
        "--keep",
        type=int,
        metavar="WORK",
        help="with --merge, when both works were screened differently: the work whose decisions stand",
    )
    parser.add_argument("--reviewer", help="who decides (default: the protocol's lead)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(handler=handle)


def _reviewer(args, protocol) -> str:
    reviewer = args.reviewer or protocol.lead
    if not reviewer:
        raise ReviewError("say who decides with --reviewer NAME (the protocol names no lead)")
    return reviewer


def handle(args: argparse.Namespace) -> int:
    from review.dedup import decide_pair, undo_merge
    from review.protocol import load_protocol
    from review.store import open_store
    from screening.prepare import prepare_for_screening

    protocol = load_protocol(args.directory)
    store = open_store(args.directory)
    try:
        if args.pairs:
            return _print_pairs(store)
        if args.merge or args.distinct:
            verdict, (raw_a, raw_b) = ("duplicate", args.merge) if args.merge else ("distinct", args.distinct)
            change = decide_pair(
                store, raw_a, raw_b, verdict, _reviewer(args, protocol), protocol=protocol, keep=args.keep
            )
            told = change.describe()
            print(
                f"Recorded: raw records {raw_a} and {raw_b} are {verdict}; record {raw_a} is in work {change.work}"
                + (f"; {told}" if told else "")
                + "."
            )
            return 0
        if args.undo is not None:
            change = undo_merge(store, args.undo, _reviewer(args, protocol), protocol=protocol)
            print(f"Merge into work {args.undo} undone: {change.describe()}.")
            return 0
        # New works are made ready for screening: protocol exclusions (theses, years) apply at once.
        report = prepare_for_screening(store, protocol, progress=not args.no_progress and sys.stderr.isatty())
        print(f"{report} (see 'review dedup {args.directory} --pairs').")
        return 0
    finally:
        store.close()


def _describe(record) -> str:
    authors = "; ".join(a.display() for a in record.authors[:3]) + (" …" if len(record.authors) > 3 else "")
    bits = [
        record.title or "(no title)",
        authors,
        str(record.year or "n.d."),
        record.venue or "",
        record.doi or "",
        f"{record.source}/{record.family or '-'}",
    ]
    return " | ".join(b for b in bits if b)


def _print_pairs(store) -> int:
    from review.dedup import list_pairs

    with store.read() as conn:
        pairs = list_pairs(conn)
    if not pairs:
        print("No uncertain pairs.")
        return 0
    for pair in pairs:
        print(f"[{pair['raw_a']} ~ {pair['raw_b']}] score {pair['score']:.2f}: {pair['reason']}")
        print(f"  {pair['raw_a']} (work {pair['work_a']}): {_describe(pair['a'])}")
        print(f"  {pair['raw_b']} (work {pair['work_b']}): {_describe(pair['b'])}")
        if pair["record_pairs"] > 1:
            print(f"  (one answer covers the {pair['record_pairs']} queued record pairs between these two works)")
    print(f"{len(pairs)} pairs of works. Decide with --merge A B or --distinct A B.")
    return 0

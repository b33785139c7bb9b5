"""review stop DIR --basis criterion|reviewers [--note TEXT] [--by NAME]: end stage-1 screening early."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "stop",
        help="record that title/abstract screening stops early (ranked screening's stopping rule)",
        description="Record that stage-1 screening stops before every work was screened, and why: on the "
        "statistical stopping criterion (refused while it is not met) or by the reviewers' own "
        "decision (with a note). The works left are counted as not screened in the flow, and "
        "`review export DIR screening-methods` reports the stop.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument(
        "--basis",
        choices=("criterion", "reviewers"),
        required=True,
        help="criterion: the recall target is reached at the protocol's confidence; "
        "reviewers: the team's own decision (give --note)",
    )
    p.add_argument("--note", help="why the team stopped (required with --basis reviewers)")
    p.add_argument("--by", help="who decided (default: the protocol's lead)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from review.errors import ReviewError
    from review.protocol import load_protocol
    from review.store import open_store
    from screening.stopping import stop_screening

    protocol = load_protocol(args.dir)
    who = args.by or protocol.lead
    if not who:
        raise ReviewError("name who decided to stop with --by (the protocol names no lead)")
    store = open_store(args.dir)
    try:
        record = stop_screening(store, protocol, who, basis=args.basis, note=args.note)
    finally:
        store.close()
    print(record.statement)
    print(f"{record.unscreened} works at stage 1 will be counted as not screened (screening stopped).")
    return 0

"""A scripted screening session, run as its own process by the durability and concurrency tests.

It records decisions through the core API (``screening.decisions.record``) and prints one line per
decision *after* ``record`` has returned, i.e. once the decision is acknowledged to the user:

    ack <decision id> <work id> <stage> <decision> <tag>

Before the first decision it prints ``settings synchronous=… journal=… lock=…`` as its own write
connection has them (probe.py), for the tests to check what their guarantees rest on.

A user error is printed as ``error <message>`` (exit 3); anything else is a crash with a traceback.
The store is the review directory's (``REVIEW_DATABASE_URL`` points it at PostgreSQL). All data it
writes is synthetic.

    python session.py REVIEW_DIR --reviewer Anna --tag p1 --count 250 --works 1-40 [--seed 1]
                      [--go-file PATH] [--shared-reasons]

With ``--go-file`` it prints ``ready`` once started and waits for that file to appear, so several
sessions can be released at the same moment.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root

from review.errors import ReviewError  # noqa: E402
from review.protocol import load_protocol  # noqa: E402
from review.store import open_store  # noqa: E402
from screening.decisions import Decision, record  # noqa: E402
from tests.reliability.probe import format_settings, write_settings  # noqa: E402

# Reasons outside the protocol's list: every session adds the same ones, so concurrent sessions race
# to insert the same custom reason and the same new reviewer.
CUSTOM_REASONS = ("Syntetisk grunn A", "Syntetisk grunn B", "Syntetisk grunn C")
SHARED_REVIEWER = "Felles testleser"


def parse_works(text: str) -> list[int]:
    if "-" in text:
        first, last = text.split("-")
        return list(range(int(first), int(last) + 1))
    return [int(w) for w in text.split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("review_dir", type=Path)
    parser.add_argument("--reviewer", required=True)
    parser.add_argument("--tag", required=True, help="written in each decision's note, to find it again")
    parser.add_argument("--count", type=int, default=250)
    parser.add_argument("--works", type=parse_works, required=True)
    parser.add_argument("--stage", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--go-file", type=Path, help="print 'ready', then wait for this file to exist")
    parser.add_argument(
        "--shared-reasons",
        action="store_true",
        help="use custom reasons and a reviewer name that other sessions use too",
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    protocol = load_protocol(args.review_dir)
    listed = list(protocol.stage(args.stage).reasons)
    if args.go_file is not None:
        print("ready", flush=True)
        while not args.go_file.exists():
            time.sleep(0.01)
    store = open_store(args.review_dir)
    try:
        print(format_settings(write_settings(store)), flush=True)
        for i in range(args.count):
            work = rng.choice(args.works)
            decision = rng.choice(("include", "exclude"))
            reviewer = args.reviewer
            reasons: list[str] = []
            if decision == "exclude":
                pool = listed + list(CUSTOM_REASONS) if args.shared_reasons else listed
                reasons = [rng.choice(pool)]
            if args.shared_reasons and i % 10 == 0:
                reviewer = SHARED_REVIEWER
            d = Decision(
                work_id=work,
                stage=args.stage,
                decision=decision,
                reviewer=reviewer,
                reasons=reasons,
                note=f"{args.tag}-{i}",
            )
            recorded = record(store, protocol, d)
            print(f"ack {recorded.decision_id} {work} {args.stage} {decision} {args.tag}-{i}", flush=True)
    except ReviewError as exc:
        print(f"error {exc}", flush=True)
        return 3
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

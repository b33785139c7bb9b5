"""review status DIR [--json]"""

import json
from pathlib import Path

from review.protocol import load_protocol
from review.store import open_store
from screening.flow import compute_flow, status_dict


def register(subparsers) -> None:
    p = subparsers.add_parser("status", help="counts: identified, duplicates, each stage, each family",
                              description="Show the flow computed from the decision log.")
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--round", type=int, help="only this review round")
    p.set_defaults(handler=run)


def format_flow(flow) -> str:
    lines = [f"Records identified: {flow.identified}  ("
             + ", ".join(f"{k}: {v}" for k, v in sorted(flow.identified_by_source.items())) + ")",
             f"Duplicates removed: {flow.duplicates_removed}",
             f"Unique works:       {flow.unique}"]
    if flow.undeduplicated:
        lines.append(f"Not yet deduplicated: {flow.undeduplicated} records (run review dedup)")
    for stage in flow.stages.values():
        lines.append(f"Stage {stage.number} ({stage.label}): {stage.screened} screened, {stage.included} included, "
                     f"{stage.excluded} excluded, {stage.maybe} maybe, {stage.pending} pending"
                     + (f", {stage.not_screened_stopped} not screened (screening stopped)"
                        if stage.not_screened_stopped else ""))
        for reason, n in stage.excluded_by_reason.items():
            lines.append(f"    excluded: {reason}: {n}")
    lines.append("Families: " + "; ".join(
        f"{f.family} {f.unique}→" + "→".join(str(f.passed.get(n, 0)) for n in sorted(flow.stages))
        for f in flow.families))
    lines.append(f"Included: {flow.included}")
    return "\n".join(lines)


def run(args) -> int:
    protocol = load_protocol(args.dir)
    store = open_store(args.dir)
    try:
        flow = compute_flow(store, protocol, args.round)
    finally:
        store.close()
    print(json.dumps(status_dict(flow), ensure_ascii=False, indent=2) if args.json else format_flow(flow))
    return 0

"""review status DIR [--json]"""

import json
from pathlib import Path

from review.dedup.workflow import count_pairs
from review.protocol import load_protocol
from review.reports.collect import synthetic_counts
from review.store import open_store
from screening.flow import compute_flow_conn, status_dict


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


def review_notes(pairs: int, synthetic: int, synthetic_included: int, unique: int, review_dir) -> list[str]:
    """The duplicate queue, and a warning whenever synthetic stand-ins (test data) are in the review."""
    lines = [f"Uncertain duplicate pairs: {pairs} waiting for a person (review dedup {review_dir} --pairs)"
             if pairs else "Uncertain duplicate pairs: none waiting"]
    if synthetic:
        lines.append(f"Warning: {synthetic} of {unique} works are synthetic stand-ins (test data, not real "
                     f"publications), {synthetic_included} of them included; exports mark them in a 'synthetic' "
                     "column and note. Do not publish them.")
    return lines


def status_text(review_dir: Path, round_id=None, *, as_json: bool = False) -> str:
    """What `review status` prints (and `review example` after its run)."""
    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    try:
        with store.read() as conn:
            flow = compute_flow_conn(conn, protocol, round_id)
            pairs = count_pairs(conn)
            synthetic, synthetic_included = synthetic_counts(conn, round_id)
    finally:
        store.close()
    if as_json:
        data = status_dict(flow)
        data.update(uncertain_pairs=pairs, synthetic_works=synthetic, synthetic_included=synthetic_included)
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "\n".join([format_flow(flow)] + review_notes(pairs, synthetic, synthetic_included, flow.unique,
                                                        review_dir))


def run(args) -> int:
    print(status_text(args.dir, args.round, as_json=args.json))
    return 0

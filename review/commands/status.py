"""review status DIR [--json]"""

import json
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "status",
        help="counts: identified, duplicates, each stage, each family",
        description="Show the flow computed from the decision log.",
    )
    p.add_argument("dir", type=Path, help="review directory")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--round", type=int, help="only this review round")
    p.set_defaults(handler=run)


def format_flow(flow) -> str:
    lines = [
        f"Records identified: {flow.identified}  ("
        + ", ".join(f"{k}: {v}" for k, v in sorted(flow.identified_by_source.items()))
        + ")",
        f"Duplicates removed: {flow.duplicates_removed}"
        + (
            f"  (already screened in earlier rounds: {flow.duplicates_of_earlier}; within the new searches: "
            f"{flow.duplicates_within})"
            if flow.duplicates_of_earlier is not None
            else ""
        ),
        f"Unique works:       {flow.unique}",
    ]
    if flow.undeduplicated:
        lines.append(f"Not yet deduplicated: {flow.undeduplicated} records (run review dedup)")
    first = flow.stages[min(flow.stages)] if flow.stages else None
    if first is not None:
        lines.append(f"Removed by protocol rules: {first.excluded_automatically}")
        lines.append(f"Screened by people: {flow.screened}  (the diagram's records screened, Table 3.1's total)")
    for stage in flow.stages.values():
        lines.append(
            f"Stage {stage.number} ({stage.label}): {stage.screened} decided, {stage.included} included, "
            f"{stage.excluded} excluded, {stage.maybe} maybe (awaiting a decision), "
            f"{stage.pending} not yet screened"
            + (f", {stage.not_screened_stopped} not screened (screening stopped)" if stage.not_screened_stopped else "")
        )
        for reason, n in stage.excluded_by_reason.items():
            lines.append(f"    excluded: {reason}: {n}")
    lines.append(
        "Families: "
        + "; ".join(
            f"{f.family} {f.unique}→" + "→".join(str(f.passed.get(n, 0)) for n in sorted(flow.stages))
            for f in flow.families
        )
    )
    lines.append(f"Included: {flow.included}")
    if flow.previous_included is not None:
        lines.append(
            f"Included in earlier rounds: {flow.previous_included}; in the whole review: {flow.total_included}"
        )
    return "\n".join(lines)


def review_notes(pairs: int, synthetic: int, synthetic_included: int, unique: int, review_dir) -> list[str]:
    """The duplicate queue, and a warning whenever synthetic stand-ins (test data) are in the review."""
    lines = [
        f"Uncertain duplicate pairs: {pairs} waiting for a person (review dedup {review_dir} --pairs)"
        if pairs
        else "Uncertain duplicate pairs: none waiting"
    ]
    if synthetic:
        lines.append(
            f"Warning: {synthetic} of {unique} works are synthetic stand-ins (test data, not real "
            f"publications), {synthetic_included} of them included; exports mark them in a 'synthetic' "
            "column and note. Do not publish them."
        )
    return lines


def status_text(review_dir: Path, round_id=None, *, as_json: bool = False) -> str:
    """What `review status` prints (and `review example` after its run)."""
    from review.protocol import load_protocol
    from review.store import open_store
    from review.store.decisions import synthetic_counts
    from review.store.pairs import count_uncertain
    from screening.flow import compute_flow_conn, status_dict

    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    try:
        with store.read() as conn:
            flow = compute_flow_conn(conn, protocol, round_id)
            pairs = count_uncertain(conn)
            synthetic, synthetic_included = synthetic_counts(conn, round_id)
    finally:
        store.close()
    if as_json:
        data = status_dict(flow)
        data.update(uncertain_pairs=pairs, synthetic_works=synthetic, synthetic_included=synthetic_included)
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "\n".join([format_flow(flow)] + review_notes(pairs, synthetic, synthetic_included, flow.unique, review_dir))


def run(args) -> int:
    print(status_text(args.dir, args.round, as_json=args.json))
    return 0

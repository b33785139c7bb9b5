"""Rows for the tables the pages show, as plain lists of dicts (no Streamlit, no pandas needed)."""

from __future__ import annotations

from typing import Optional

from review.protocol import Protocol
from screening.agreement import Agreement
from screening.flowtypes import Flow
from screening.queue import Progress


def stage_rows(protocol: Protocol) -> list[dict]:
    return [{"Stage": s.number, "Name": s.name, "Report label": s.label, "Screening": s.mode,
             "Reason needed to exclude": "yes" if s.reason_required else "no",
             "Criteria": " | ".join(s.criteria)} for s in protocol.stages]


def family_rows(protocol: Protocol) -> list[dict]:
    return [{"Family": f.id, "Label": f.label, "Language": f.language, "Sources": ", ".join(f.sources),
             "Peer reviewed only": "yes" if f.peer_reviewed_only else "no", "Query": f.query()}
            for f in protocol.families]


def progress_rows(progresses: list[Progress]) -> list[dict]:
    """One row per stage; every reviewer who worked at any stage gets a column in every row (0 where
    they did nothing), and a stage nothing reached shows "–" done, not 100 %."""
    names = sorted({name for p in progresses for name in p.by_reviewer})
    rows = []
    for p in progresses:
        row = {"Stage": p.stage, "Eligible": p.eligible, "Decided": p.decided, "Maybe": p.maybe,
               "Open": p.pending, "Done": f"{100 * p.share:.0f} %" if p.eligible else "–"}
        row.update({f"by {name}": p.by_reviewer.get(name, 0) for name in names})
        rows.append(row)
    return rows


def round_rows(conn) -> list[dict]:
    from review.rounds import round_summaries

    return [{"#": r["id"], "Round": r["label"], "Years": f"{r['years'][0]}–{r['years'][1]}", "From": r["years"][0],
             "To": r["years"][1], "Opened": r["opened_at"][:10], "Searches": r["searches"],
             "Records imported": r["records"], "New works": r["works"]} for r in round_summaries(conn)]


def flow_rows(flow: Flow) -> list[dict]:
    """The PRISMA counts as a two-column table (shown when no diagram renderer is installed)."""
    rows: list[dict] = [{"Step": "Records identified", "Works/records": flow.identified},
            *({"Step": f"  from {src}", "Works/records": n} for src, n in sorted(flow.identified_by_source.items())),
            {"Step": "Duplicates removed", "Works/records": flow.duplicates_removed},
            *(({"Step": "  already screened in earlier rounds", "Works/records": flow.duplicates_of_earlier},
                {"Step": "  duplicates within the new searches", "Works/records": flow.duplicates_within})
              if flow.duplicates_of_earlier is not None else ()),
            {"Step": "Unique works", "Works/records": flow.unique}]
    if flow.undeduplicated:
        rows.append({"Step": "Records not yet deduplicated", "Works/records": flow.undeduplicated})
    for stage in flow.stages.values():
        rows.append({"Step": f"Stage {stage.number} ({stage.label}): screened", "Works/records": stage.screened})
        rows.append({"Step": "  included", "Works/records": stage.included})
        rows.append({"Step": "  excluded", "Works/records": stage.excluded})
        rows.extend({"Step": f"    {reason}", "Works/records": n} for reason, n in stage.excluded_by_reason.items())
        rows.append({"Step": "  maybe (awaiting a decision)", "Works/records": stage.maybe})
        rows.append({"Step": "  not yet decided", "Works/records": stage.pending})
    if flow.previous_included is not None:
        rows.append({"Step": "Studies included in earlier rounds", "Works/records": flow.previous_included})
        rows.append({"Step": "New studies included in this round", "Works/records": flow.included})
    rows.append({"Step": "Included in the review", "Works/records": flow.total_included})
    return rows


def family_table(flow: Flow) -> list[dict]:
    """Table 3.1's shape: unique works per family and how many passed each stage."""
    rows = []
    for f in flow.families:
        row = {"Family": f.family, "Label": f.label, "Unique works": f.unique, "Screened": f.screened}
        row.update({f"Passed stage {n}": f.passed.get(n, 0) for n in sorted(flow.stages)})
        rows.append(row)
    total = {"Family": "Total", "Label": "", "Unique works": sum(f.unique for f in flow.families),
             "Screened": sum(f.screened for f in flow.families)}
    total.update({f"Passed stage {n}": sum(f.passed.get(n, 0) for f in flow.families) for n in sorted(flow.stages)})
    return rows + [total]


def agreement_rows(tables: list[Agreement]) -> list[dict]:
    def fmt(value: Optional[float], digits: int) -> str:
        return "–" if value is None else f"{value:.{digits}f}"

    # The same columns in every row: with three reviewers, per-name columns would leave holes (None).
    return [{"Reviewers": f"{a.reviewers[0]} / {a.reviewers[1]}", "Works": a.n, "Both include": a.both_include,
             "Only the first includes": a.first_only, "Only the second includes": a.second_only,
             "Neither includes": a.both_exclude,
             "Agreement": "–" if a.percent is None else fmt(a.percent, 1) + " %", "Cohen's kappa": fmt(a.kappa, 2)}
            for a in tables]

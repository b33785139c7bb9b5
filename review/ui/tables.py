"""Rows for the tables the pages show, as plain lists of dicts (no Streamlit, no pandas needed).

``tr`` gives the column names and the table's own words in the reader's language (English by default,
which is what the code that reads a row by its keys uses); the review's own words (stage and family
labels, criteria, reasons) and the data stay as they are."""

from __future__ import annotations

from collections.abc import Callable

from review.protocol import Protocol
from review.ui.i18n import vocabulary_word
from screening.agreement import Agreement
from screening.flowtypes import Flow
from screening.queue import Progress

Translate = Callable[[str], str]


def stage_rows(protocol: Protocol, tr: Translate = str) -> list[dict]:
    return [
        {
            tr("Stage"): s.number,
            tr("Name"): s.name,
            tr("Report label"): s.label,
            tr("Screening"): vocabulary_word(s.mode, tr),
            tr("Reason needed to exclude"): tr("yes") if s.reason_required else tr("no"),
            tr("Criteria"): " | ".join(s.criteria),
        }
        for s in protocol.stages
    ]


def family_rows(protocol: Protocol, tr: Translate = str) -> list[dict]:
    return [
        {
            tr("Family"): f.id,
            tr("Label"): f.label,
            tr("Language"): f.language,
            tr("Sources"): ", ".join(f.sources),
            tr("Peer reviewed only"): tr("yes") if f.peer_reviewed_only else tr("no"),
            tr("Query"): f.query(),
        }
        for f in protocol.families
    ]


def progress_rows(progresses: list[Progress], tr: Translate = str) -> list[dict]:
    """One row per stage; every reviewer who worked at any stage gets a column in every row (0 where
    they did nothing), and a stage nothing reached shows "–" done, not 100 %."""
    names = sorted({name for p in progresses for name in p.by_reviewer})
    rows = []
    for p in progresses:
        row = {
            tr("Stage"): p.stage,
            tr("Eligible"): p.eligible,
            tr("Decided"): p.decided,
            tr("Maybe"): p.maybe,
            tr("Open"): p.pending,
            tr("Done"): f"{100 * p.share:.0f} %" if p.eligible else "–",
        }
        row.update({tr("by {name}").format(name=name): p.by_reviewer.get(name, 0) for name in names})
        rows.append(row)
    return rows


def round_rows(conn, tr: Translate = str) -> list[dict]:
    from review.rounds import round_summaries

    return [
        {
            "#": r["id"],
            tr("Round"): r["label"],
            tr("Years"): f"{r['years'][0]}–{r['years'][1]}",
            tr("From"): r["years"][0],
            tr("To"): r["years"][1],
            tr("Opened"): r["opened_at"][:10],
            tr("Searches"): r["searches"],
            tr("Records imported"): r["records"],
            tr("New works"): r["works"],
        }
        for r in round_summaries(conn)
    ]


def flow_rows(flow: Flow, tr: Translate = str) -> list[dict]:
    """The PRISMA counts as a two-column table (shown when no diagram renderer is installed)."""
    step, count = tr("Step"), tr("Works/records")

    def row(label: str, n) -> dict:
        return {step: label, count: n}

    rows = [
        row(tr("Records identified"), flow.identified),
        *(
            row("  " + tr("from {source}").format(source=src), n)
            for src, n in sorted(flow.identified_by_source.items())
        ),
        row(tr("Duplicates removed"), flow.duplicates_removed),
        *(
            [
                row("  " + tr("already screened in earlier rounds"), flow.duplicates_of_earlier),
                row("  " + tr("duplicates within the new searches"), flow.duplicates_within),
            ]
            if flow.duplicates_of_earlier is not None
            else []
        ),
        row(tr("Unique works"), flow.unique),
    ]
    if flow.undeduplicated:
        rows.append(row(tr("Records not yet deduplicated"), flow.undeduplicated))
    for stage in flow.stages.values():
        rows.append(
            row(tr("Stage {stage} ({label}): screened").format(stage=stage.number, label=stage.label), stage.screened)
        )
        rows.append(row("  " + tr("included"), stage.included))
        rows.append(row("  " + tr("excluded"), stage.excluded))
        rows.extend(row(f"    {reason}", n) for reason, n in stage.excluded_by_reason.items())
        rows.append(row("  " + tr("maybe (awaiting a decision)"), stage.maybe))
        rows.append(row("  " + tr("not yet decided"), stage.pending))
    if flow.previous_included is not None:
        rows.append(row(tr("Studies included in earlier rounds"), flow.previous_included))
        rows.append(row(tr("New studies included in this round"), flow.included))
    rows.append(row(tr("Included in the review"), flow.total_included))
    return rows


def family_table(flow: Flow, tr: Translate = str) -> list[dict]:
    """Table 3.1's shape: unique works per family and how many passed each stage."""
    passed = {n: tr("Passed stage {stage}").format(stage=n) for n in sorted(flow.stages)}
    rows = []
    for f in flow.families:
        row = {tr("Family"): f.family, tr("Label"): f.label, tr("Unique works"): f.unique, tr("Screened"): f.screened}
        row.update({passed[n]: f.passed.get(n, 0) for n in passed})
        rows.append(row)
    total = {
        tr("Family"): tr("Total"),
        tr("Label"): "",
        tr("Unique works"): sum(f.unique for f in flow.families),
        tr("Screened"): sum(f.screened for f in flow.families),
    }
    total.update({passed[n]: sum(f.passed.get(n, 0) for f in flow.families) for n in passed})
    return rows + [total]


def agreement_rows(tables: list[Agreement], tr: Translate = str) -> list[dict]:
    def fmt(value: float | None, digits: int) -> str:
        return "–" if value is None else f"{value:.{digits}f}"

    # The same columns in every row: with three reviewers, per-name columns would leave holes (None).
    return [
        {
            tr("Reviewers"): f"{a.reviewers[0]} / {a.reviewers[1]}",
            tr("Works"): a.n,
            tr("Both include"): a.both_include,
            tr("Only the first includes"): a.first_only,
            tr("Only the second includes"): a.second_only,
            tr("Neither includes"): a.both_exclude,
            tr("Agreement"): "–" if a.percent is None else fmt(a.percent, 1) + " %",
            tr("Cohen's kappa"): fmt(a.kappa, 2),
        }
        for a in tables
    ]

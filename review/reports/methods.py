"""The screening-methods record: what a methods section must say about how the works were screened.

RAISE-style reporting of machine help asks for the order used and how much of the screening it shaped,
the model and its settings, when and why screening stopped, and how many works no person screened.
Everything is computed from the decision log and the stopping records; the sentences are built here, the
writers only lay them out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection

from review.protocol import Protocol
from review.reports.tabular import Table, markdown_table
from review.store.decisions import people_rows_by_order
from review.store.stopping import stops
from screening.flow import compute_flow_conn

ORDER_NAMES = {
    "ranked": "ranked by the model (most likely relevant first)",
    "protocol": "ordered by the protocol's search terms (before the model could train)",
    "random": "random order",
    "import": "import order",
    None: "order not recorded",
}


@dataclass
class StageOrders:
    number: int
    label: str
    decisions: int  # decisions made by people at this stage (votes and single decisions)
    by_order: dict[str | None, int] = field(default_factory=dict)


@dataclass
class ScreeningMethods:
    stages: list[StageOrders]
    model: str  # the model and its settings, as a sentence
    stops: list[dict]
    rule_decided: int  # works a protocol rule took out before any person saw them
    not_screened_stopped: int  # works no person screened because screening stopped
    awaiting: int  # works still waiting at stage 1
    ranked_used: bool


def _model_sentence() -> str:
    from screening.prioritise.model import DEFAULT_SETTINGS, describe  # scikit-learn: only for this export

    return (
        f"The ranking model ({DEFAULT_SETTINGS.name}) is {describe(DEFAULT_SETTINGS)}. Texts were "
        "lower-cased with diacritics folded (ø→o, å→a, ä→a) before n-grams were cut. It was retrained in "
        "the background after each decision on the decisions people made (protocol rules excluded)."
    )


def collect_screening_methods(conn: Connection, protocol: Protocol) -> ScreeningMethods:
    counted: dict[int, Counter] = {}
    for stage, order_mode in people_rows_by_order(conn):
        counted.setdefault(stage, Counter())[order_mode] += 1
    stages = [
        StageOrders(
            s.number,
            s.label,
            sum(counted.get(s.number, Counter()).values()),
            dict(counted.get(s.number, Counter()).most_common()),
        )
        for s in protocol.stages
    ]
    flow = compute_flow_conn(conn, protocol)
    first = flow.stages.get(protocol.stages[0].number) if protocol.stages else None
    ranked_used = any(mode in ("ranked", "protocol") for st in stages for mode in st.by_order)
    return ScreeningMethods(
        stages=stages,
        model=_model_sentence() if ranked_used else "",
        stops=stops(conn),
        rule_decided=first.excluded_automatically if first else 0,
        not_screened_stopped=first.not_screened_stopped if first else 0,
        awaiting=(first.pending + first.maybe) if first else 0,
        ranked_used=ranked_used,
    )


def orders_table(methods: ScreeningMethods) -> Table:
    table = Table(
        ["Stage", "Decisions by people", "Order", "Decisions", "Share"],
        title="Order in which works were screened, per stage",
    )
    for stage in methods.stages:
        if not stage.decisions:
            table.rows.append([f"{stage.number}. {stage.label}", 0, "", 0, ""])
        for mode, n in stage.by_order.items():
            table.rows.append(
                [
                    f"{stage.number}. {stage.label}",
                    stage.decisions,
                    ORDER_NAMES.get(mode, mode),
                    n,
                    f"{n / stage.decisions:.0%}",
                ]
            )
    return table


def methods_paragraphs(methods: ScreeningMethods, protocol: Protocol) -> list[str]:
    paragraphs = []
    if methods.ranked_used:
        paragraphs.append(
            "Title and abstract screening used prioritised (ranked) screening: the queue showed the works the "
            "model found most likely to be relevant first. Before the first include, the queue was ordered by "
            "the protocol's search terms. " + methods.model
        )
    else:
        paragraphs.append("No machine ranking was used: works were screened in random or import order.")
    if methods.stops:
        for stop in methods.stops:
            who = (
                "on the statistical stopping criterion"
                if stop["basis"] == "criterion"
                else "by the reviewers' own decision"
            )
            paragraphs.append(
                f"Screening at stage {stop['stage']} was stopped {who} on {stop['created_at'][:10]}, "
                f"when {stop['screened']} works had been screened by people and {stop['unscreened']} "
                f"were left. {stop['statement']}"
            )
        paragraphs.append(
            f"The stopping criterion is the hypergeometric test of Callaghan and Müller-Hansen (2020) with a "
            f"recall target of {protocol.recall_target:.0%} at {protocol.confidence:.0%} confidence."
        )
    else:
        paragraphs.append(
            "Screening was not stopped early: every work eligible at title and abstract was to be screened by a person."
        )
    unseen = methods.rule_decided + methods.not_screened_stopped
    paragraphs.append(
        f"{unseen} works were never screened by a person: {methods.rule_decided} removed by protocol rules "
        f"before screening and {methods.not_screened_stopped} left unscreened when screening stopped"
        + (f"; {methods.awaiting} still await a decision." if methods.awaiting else ".")
    )
    return paragraphs


def write_methods_markdown(methods: ScreeningMethods, protocol: Protocol, path: Path) -> None:
    text = "# Screening methods\n\n" + "\n\n".join(methods_paragraphs(methods, protocol)) + "\n\n"
    text += markdown_table(orders_table(methods))
    Path(path).write_text(text, encoding="utf-8")


def write_methods_docx(methods: ScreeningMethods, protocol: Protocol, path: Path) -> None:
    from review.reports.docx_base import new_document

    document = new_document()
    document.add_heading("Screening methods", level=1)
    for paragraph in methods_paragraphs(methods, protocol):
        document.add_paragraph(paragraph)
    table = orders_table(methods)
    grid = document.add_table(rows=1, cols=len(table.columns))
    for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = name
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    document.save(str(path))

"""Everything one screening screen shows, read in one go: which work, its fields, the reviewer's own
earlier decision, the votes they may see, the reasons on offer and how far the stage has come.

The UI draws this and nothing else, so "decide, then show the next work" is exactly
``decisions.record`` followed by ``screen_state`` (what benchmarks/next_work.py times)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection

from review.messages import Message
from review.protocol import Protocol
from screening.blinding import visible_votes
from screening.decisions import latest_final, latest_votes, reasons_for
from screening.queue import Progress, maybes_for, next_work, progress
from screening.undo import own_latest, step_back
from screening.works import work_view

QUEUES = ("open", "maybes")


@dataclass
class ScreenState:
    stage: int
    work_id: int | None  # None: nothing left for this reviewer
    view: dict | None
    revisiting: bool  # the reviewer went back (undo) or picked a decided work
    back: int  # how many decisions back (0: the queue)
    own: dict | None  # this reviewer's latest decision on the work
    votes: dict[str, dict]  # votes this reviewer may see (blinding applied)
    hidden_votes: int  # votes by others that are still hidden
    final: dict | None  # the final decision on the work at this stage, if any
    reasons: list[str]
    criteria: list[str]
    progress: Progress | None  # None when asked to skip it (the UI fills it in after drawing the work)
    dual: bool = False
    notes: list[str] = field(default_factory=list)
    maybes: int = 0  # maybes this reviewer can settle (``queue.maybes_for``): never "nothing left" while > 0
    queue: str = "open"  # which queue the work came from: "open" or "maybes"


def screen_state(
    conn: Connection,
    protocol: Protocol,
    stage: int,
    reviewer: str,
    *,
    back: int = 0,
    order: str = "import",
    ranking: list[int] | None = None,
    pick: int | None = None,
    round_id: int | None = None,
    with_progress: bool = True,
    queue: str = "open",
) -> ScreenState:
    """``pick`` shows a chosen work; ``back`` > 0 the work decided that many decisions ago; else the
    next work of ``queue``: "open" (not yet seen, in the chosen order) or "maybes" (works waiting as a
    maybe, oldest first)."""
    if queue not in QUEUES:
        raise ValueError(f"queue is one of {', '.join(QUEUES)}, not {queue!r}")
    notes: list[str] = []
    work_id = pick
    if work_id is None and back > 0:
        work_id = step_back(conn, stage, reviewer, back)
        if work_id is None:
            notes.append(Message("There is no earlier decision of yours at this stage to go back to."))
            back = 0
    revisiting = work_id is not None
    maybes = maybes_for(conn, protocol, stage, reviewer, round_id)
    if work_id is None and queue == "maybes":
        work_id = maybes[0] if maybes else None
    elif work_id is None:
        work_id = next_work(conn, protocol, stage, reviewer, order=order, ranking=ranking, round_id=round_id)
    view = work_view(conn, work_id) if work_id is not None else None
    own = own_latest(conn, work_id, stage, reviewer) if work_id is not None else None
    votes, hidden, final = {}, 0, None
    if work_id is not None:
        votes = visible_votes(conn, protocol, stage, work_id, reviewer)
        every = latest_votes(conn, stage, work_id).get(work_id, {})
        hidden = len(set(every) - set(votes))
        final = latest_final(conn, stage, [work_id]).get(work_id)
    step = protocol.stage(stage)
    return ScreenState(
        stage=stage,
        work_id=work_id,
        view=view,
        revisiting=revisiting and own is not None,
        back=back,
        own=own,
        votes=votes,
        hidden_votes=hidden,
        final=final,
        reasons=reasons_for(conn, protocol, stage, reviewer),
        criteria=list(step.criteria),
        progress=progress(conn, stage, round_id) if with_progress else None,
        dual=step.mode == "dual",
        notes=notes,
        maybes=len(maybes),
        queue=queue,
    )


@dataclass
class WorkListItem:
    work_id: int
    title: str
    year: int | None
    status: str  # "open", or the final decision, or "voted"


def stage_worklist(
    conn: Connection, protocol: Protocol, stage: int, reviewer: str, round_id: int | None = None
) -> list[WorkListItem]:
    """Every work eligible at a stage with where it stands, for picking one by hand (stages 2 and 3)."""
    from screening.worklist import stage_list  # the full list, with search and filters

    return [
        WorkListItem(item.work_id, item.title, item.year, item.status)
        for item in stage_list(conn, protocol, stage, reviewer, round_id=round_id)
    ]

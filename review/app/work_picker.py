"""Stages 2 and 3 have short lists: the reviewer may take the next open work or pick any."""

from __future__ import annotations

import streamlit as st

from review.app.common import Review, _, chosen_round, word
from review.app.decide_panel import keys, maybe_choice, offer_maybes, show_progress
from screening.screen_view import ScreenState, screen_state, stage_worklist

NEXT = 0  # the "next open work" entry


def pick_work(review: Review, stage: int, reviewer: str) -> int | None:
    with review.store.read() as conn:
        items = stage_worklist(conn, review.protocol, stage, reviewer, chosen_round())
    undated = _("n.d.")  # no year
    labels = {
        item.work_id: f"#{item.work_id} [{word(item.status)}] {item.title[:90]} ({item.year or undated})"
        for item in items
    }
    open_count = sum(1 for item in items if item.status == "open")
    k = keys(stage)
    if st.session_state.get(k["pick"]) not in [NEXT, *labels]:
        st.session_state[k["pick"]] = NEXT
    chosen = st.selectbox(
        _("Work ({count} at this stage, {open} open)").format(count=len(items), open=open_count),
        [NEXT, *labels],
        key=k["pick"],
        format_func=lambda w: _("Next open work") if w == NEXT else labels[w],
    )
    return None if chosen == NEXT else chosen


def picked_state(review: Review, stage: int, reviewer: str, empty_message: str) -> tuple[ScreenState, int]:
    """The work the reviewer picked (or the next open one, or the next maybe) and its id; stops the page
    with a message when none is left, offering the maybes when any wait."""
    queue, maybes = maybe_choice(review, stage, reviewer, st)
    chosen = pick_work(review, stage, reviewer)
    back = st.session_state.get(keys(stage)["back"], 0)
    if chosen is None and queue == "maybe" and maybes and not back:
        chosen = maybes[0]
    with review.store.read() as conn:
        state = screen_state(
            conn, review.protocol, stage, reviewer, pick=chosen, back=back, round_id=chosen_round(), with_progress=False
        )
    if state.work_id is None:
        show_progress(review, state, reviewer)
        if maybes:
            offer_maybes(stage, maybes)
        else:
            st.success(empty_message)
        st.button(
            _("Undo my last decision"),
            key=f"s{stage}_undo",
            shortcut="U",
            on_click=lambda: st.session_state.update({keys(stage)["back"]: 1}),
        )
        st.stop()
    return state, state.work_id

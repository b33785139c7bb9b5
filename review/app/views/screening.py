"""Stage 1: title and abstract, one work at a time, decided from the keyboard."""

import streamlit as st

from review.app import common
from review.app.stopping_panel import stop_panel
from review.app.decide_panel import (decision_form, keys, show_criteria, show_progress, show_standing,
                                    show_work)
from review.ui.text import md_escape
from screening.queue import ORDERS, shuffled
from screening.ranked import background_ranker, prioritiser_available, ranked_from, works_signature
from screening.screen_view import screen_state

STAGE = 1
review = common.review_context()
reviewer = common.require_reviewer(review)
k = keys(STAGE)

st.header("Stage 1: title and abstract")
top = st.columns([2, 3])
order = top[0].segmented_control("Queue order", ORDERS, default="import", key=k["order"],
                                 help="import: as imported; random: a fixed shuffle per reviewer; "
                                      "ranked: most likely relevant first (learns from your decisions)")
order = order or "import"


@st.cache_resource(show_spinner=False, max_entries=4, on_release=lambda ranker: ranker and ranker.close())
def _ranker(directory: str, works: tuple[int, int]):
    # One background ranker per review and set of works, shared by every reviewer's session:
    # the labels are the team's final decisions, and training runs off the request path.
    with review.store.read() as conn:
        return background_ranker(conn, protocol=review.protocol)


@st.cache_data(show_spinner=False, max_entries=32)
def _shuffled(directory: str, who: str, works: tuple[int, int]):
    # The fixed random order of every eligible work; recomputed only when the set of works changes.
    with review.store.read() as conn:
        return shuffled(conn, STAGE, who)


ranking, order_mode = None, order
if order == "random":
    with review.store.read() as conn:
        ranking = _shuffled(str(review.directory), reviewer, works_signature(conn))
elif order == "ranked":
    ranked = None
    if prioritiser_available():
        with review.store.read() as conn:
            ranker = _ranker(str(review.directory), works_signature(conn))
            ranked = common.attempt(lambda: ranked_from(conn, ranker)) if ranker else None
    if ranked is None:
        top[1].caption("Ranked order needs the prioritiser (screening.prioritise); using import order.")
        order_mode = "import"
    else:
        ranking, order_mode = ranked.order, ranked.mode_used
        estimate = (f"about {ranked.expected_remaining:.0f} relevant works estimated among those left"
                    if ranked.expected_remaining is not None else "no estimate of relevant works left yet")
        top[1].caption(md_escape(f"Ranked by predicted relevance: {estimate}. {ranked.note}".strip()))
        if ranked.recall_test is not None:
            (top[1].success if ranked.recall_test.reached else top[1].caption)(
                md_escape("Stopping criterion: " + ranked.recall_test.statement()))
        if ranked.stopping:
            top[1].caption(md_escape("Hint (a heuristic, not a stopping criterion): " + ranked.stopping))
        stop_panel(review, reviewer, bool(ranked.recall_test and ranked.recall_test.reached))

with review.store.read() as conn:
    state = screen_state(conn, review.protocol, STAGE, reviewer, back=st.session_state.get(k["back"], 0),
                         order=order, ranking=ranking, with_progress=False)
st.session_state[k["back"]] = state.back
for note in state.notes:
    st.info(note)

if state.work_id is None:
    show_progress(review, state, reviewer)
    st.success("Nothing left for you at stage 1. Thank you! Pick another stage or look at the reports.")
    st.button("Undo my last decision", key="s1_undo", shortcut="U", on_click=lambda: st.session_state.update(
        {k["back"]: 1}))
    st.stop()

progress_slot = st.empty()
left, right = st.columns([5, 4], gap="large")
with left:
    if state.revisiting:
        st.warning(f"Going back: {state.back} decision(s) ago. A new decision is added to the log; "
                   "the earlier one stays in the history.")
    show_work(review, state)
with right:
    show_standing(state, reviewer)
    decision_form(review, state, reviewer, order_mode)
    show_criteria(state)
show_progress(review, state, reviewer, progress_slot)

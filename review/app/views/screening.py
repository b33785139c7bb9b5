"""Stage 1: title and abstract, one work at a time, decided from the keyboard."""

import streamlit as st

from review.app import common
from review.app.common import _
from review.ui.i18n import N_
from review.app.stopping_panel import stop_panel
from review.app.decide_panel import (decision_form, keys, show_criteria, show_progress, show_standing,
                                    show_work)
from review.ui.text import md_escape
from screening.queue import ORDERS, shuffled
from screening.ranked import background_ranker, prioritiser_available, ranked_from, works_signature
from screening.screen_view import screen_state

STAGE = 1
ORDER_WORDS = (N_("import"), N_("random"), N_("ranked"))  # the queue orders, for the catalogue
review = common.review_context()
reviewer = common.require_reviewer(review)
k = keys(STAGE)

st.header(_("Stage 1: title and abstract"))
order = st.segmented_control(_("Queue order"), ORDERS, default="import", key=k["order"], format_func=lambda o: _(o),
                             help=_("import: as imported; random: a fixed shuffle per reviewer; "
                                    "ranked: most likely relevant first (learns from your decisions)"))
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


@st.fragment
def work_panel(order: str) -> None:
    """The card, the decision buttons and the progress: a key press reruns only this part of the page
    (the frame, the sidebar and the order control stay as drawn), so the next work shows sooner."""
    common.show_flash()  # a decision's message, or its refusal, shows in this same partial run
    status = st.container()  # the ranked order's estimate and stopping statement
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
            status.caption(_("Ranked order needs the prioritiser (screening.prioritise); using import order."))
            order_mode = "import"
        else:
            ranking, order_mode = ranked.order, ranked.mode_used
            estimate = (_("about {count} relevant works estimated among those left").format(
                count=f"{ranked.expected_remaining:.0f}") if ranked.expected_remaining is not None
                else _("no estimate of relevant works left yet"))
            status.caption(md_escape(_("Ranked by predicted relevance: {estimate}.").format(estimate=estimate)
                                     + f" {ranked.note}".rstrip()))
            if ranked.recall_test is not None:
                (status.success if ranked.recall_test.reached else status.caption)(
                    md_escape(_("Stopping criterion:") + " " + ranked.recall_test.statement()))
            if ranked.stopping:
                status.caption(md_escape(_("Hint (a heuristic, not a stopping criterion):") + " " + ranked.stopping))
            stop_panel(review, reviewer, bool(ranked.recall_test and ranked.recall_test.reached))

    with review.store.read() as conn:
        state = screen_state(conn, review.protocol, STAGE, reviewer, back=st.session_state.get(k["back"], 0),
                             order=order, ranking=ranking, with_progress=False)
    st.session_state[k["back"]] = state.back
    for note in state.notes:
        st.info(note)

    if state.work_id is None:
        show_progress(review, state, reviewer)
        st.success(_("Nothing left for you at stage 1. Thank you! Pick another stage or look at the reports."))
        st.button(_("Undo my last decision"), key="s1_undo", shortcut="U", on_click=lambda: st.session_state.update(
            {k["back"]: 1}))
        st.stop()

    progress_slot = st.empty()
    left, right = st.columns([5, 4], gap="large")
    with left:
        if state.revisiting:
            st.warning(_("Going back: {count} decision(s) ago. A new decision is added to the log; "
                         "the earlier one stays in the history.").format(count=state.back))
        show_work(review, state)
    with right:
        show_standing(state, reviewer)
        decision_form(review, state, reviewer, order_mode)
        show_criteria(state)
    show_progress(review, state, reviewer, progress_slot)


work_panel(order)

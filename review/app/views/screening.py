"""Stage 1: title and abstract, one work at a time, decided from the keyboard."""

import time

import streamlit as st

from review.app import common
from review.app.common import _
from review.app.decide_panel import (
    decision_form,
    keys,
    maybe_choice,
    offer_maybes,
    revisit_banner,
    show_criteria,
    show_progress,
    show_standing,
    show_work,
)
from review.app.stopping_panel import stop_panel
from review.ui.i18n import N_
from review.ui.text import md_escape
from screening.queue import ORDERS, shuffled
from screening.ranked import WAITING, prioritiser_available, ranked_from, start_ranker, works_signature
from screening.screen_view import screen_state

STAGE = 1
ORDER_WORDS = (N_("import"), N_("random"), N_("ranked"))  # the queue orders, for the catalogue
review = common.review_context()
reviewer = common.require_reviewer(review)
k = keys(STAGE)

st.header(_("Stage 1: title and abstract"))
order = st.segmented_control(
    _("Queue order"),
    ORDERS,
    default="import",
    key=k["order"],
    format_func=lambda o: _(o),
    help=_(
        "import: as imported; random: a fixed shuffle per reviewer; "
        "ranked: most likely relevant first (learns from your decisions)"
    ),
)
order = order or "import"


@st.cache_resource(show_spinner=False, max_entries=4, on_release=lambda starter: starter and starter.close())
def _ranker(directory: str, works: tuple[int, int]):
    # One background ranker per review and set of works, shared by every reviewer's session: the
    # labels are the team's final decisions. It is built in a thread (importing the model library
    # takes seconds), so this returns at once; until it is ready the queue is in random order.
    return start_ranker(review.store, protocol=review.protocol)


@st.cache_data(show_spinner=False, max_entries=32)
def _shuffled(directory: str, who: str, works: tuple[int, int]):
    # The fixed random order of every eligible work; recomputed only when the set of works changes.
    with review.store.read() as conn:
        return shuffled(conn, STAGE, who)


def _random_order():
    with review.store.read() as conn:
        return _shuffled(str(review.directory), reviewer, works_signature(conn))


def _order(order: str, status) -> tuple:
    """(ranking, order_mode) for the queue order chosen. Ranked never waits for the model: until the
    first ranking exists the queue is the reviewer's shuffle, stored as random, and the page says so."""
    if order == "random":
        return _random_order(), "random"
    if order != "ranked":
        return None, order
    ranked, why = None, _("the model is loading")
    if not prioritiser_available():
        why = _("ranking needs the prioritiser (numpy and scikit-learn), which is not installed")
    else:
        with review.store.read() as conn:
            starter = _ranker(str(review.directory), works_signature(conn))
            if starter.ranker is not None:
                ranked = common.attempt(lambda: ranked_from(conn, starter.ranker))
        if starter.error is not None:
            why = _("the model could not be started; the details are in the server log")
        elif ranked is not None and ranked.note:
            why = _(ranked.note)
    if ranked is not None and ranked.mode_used in ("ranked", "protocol"):  # a finished ranking (or cold start)
        ranking, order_mode = ranked.order, ranked.mode_used
        estimate = (
            _("{count} estimated among those left").format(count=_(ranked.estimate))
            if ranked.estimate
            else _("no estimate of relevant works left yet")
        )
        status.caption(
            md_escape(
                (
                    _("Ranked by predicted relevance: {estimate}.").format(estimate=estimate) + f" {_(ranked.note)}"
                ).strip()
            )
        )
    else:
        ranking, order_mode = _random_order(), "random"
        status.caption(md_escape(f"{_(WAITING)} ({why})."))
    if ranked is not None and ranked.recall_test is not None:
        (status.success if ranked.recall_test.reached else status.caption)(
            md_escape(_("Stopping criterion:") + " " + _(ranked.recall_test.statement()))
        )
    if ranked is not None and ranked.stopping:
        status.caption(md_escape(_("Hint (a heuristic, not a stopping criterion):") + " " + _(ranked.stopping)))
    with status:
        stop_panel(review, reviewer, bool(ranked and ranked.recall_test and ranked.recall_test.reached))
    return ranking, order_mode


@st.fragment
def work_panel(order: str) -> None:
    """The card, the decision buttons and the progress: a key press reruns only this part of the page
    (the frame, the sidebar and the order control stay as drawn), so the next work shows sooner."""
    started = time.perf_counter()
    common.show_flash()  # a decision's message, or its refusal, shows in this same partial run
    status = st.container()  # the ranked order's estimate and stopping statement, the maybe queue
    ranking, order_mode = _order(order, status)
    queue, maybes = maybe_choice(review, STAGE, reviewer, status)
    pick = st.session_state.get(k["pick"])
    if pick is None and queue == "maybe" and maybes and not st.session_state.get(k["back"]):
        pick = maybes[0]
    with review.store.read() as conn:
        state = screen_state(
            conn,
            review.protocol,
            STAGE,
            reviewer,
            back=st.session_state.get(k["back"], 0),
            order=order,
            ranking=ranking,
            pick=pick,
            round_id=common.chosen_round(),
            with_progress=False,
        )
    st.session_state[k["back"]] = state.back
    for note in state.notes:
        st.info(_(note))  # core messages (review/messages.py), shown in the reader's language

    if state.work_id is None:
        show_progress(review, state, reviewer)
        if maybes:
            offer_maybes(STAGE, maybes)
        else:
            st.success(_("Nothing left for you at stage 1. Thank you! Pick another stage or look at the reports."))
        st.button(
            _("Undo my last decision"),
            key="s1_undo",
            shortcut="U",
            on_click=lambda: st.session_state.update({k["back"]: 1}),
        )
        st.stop()

    progress_slot = st.empty()
    left, right = st.columns([5, 4], gap="large")
    with left:
        revisit_banner(state)
        show_work(review, state)
    with right:
        show_standing(state, reviewer)
        decision_form(review, state, reviewer, order_mode)
        show_criteria(state)
    show_progress(review, state, reviewer, progress_slot)
    common.log_run_time("stage-1 panel", started)


work_panel(order)

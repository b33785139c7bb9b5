"""Stage 2: the full text, relevance on reading it, and the quality appraisal for works that are
not peer reviewed."""

import streamlit as st

from review.app import common
from review.app.common import _
from review.app.decide_panel import (
    decision_form,
    revisit_banner,
    show_criteria,
    show_progress,
    show_standing,
    show_work,
)
from review.app.fulltext_panel import show_full_texts
from review.app.work_picker import picked_state
from review.protocol import QUALITY_RATINGS
from review.ui.quality_view import quality_verdict
from screening.attachments import add_file, add_link
from screening.quality import assess, latest_ratings, needs_rating, save_ratings

STAGE = 2
review = common.review_context()
reviewer = common.require_reviewer(review)
protocol = review.protocol

st.header(_("Stage 2: full text and quality"))


def form_ratings(work: int) -> dict:
    """The ratings on screen for a work (criterion -> (rating, note)): stored with the decision."""
    answers = {}
    for criterion in protocol.quality_criteria:
        rating = st.session_state.get(f"q_{work}_{criterion.id}")
        if rating:
            answers[criterion.id] = (rating, (st.session_state.get(f"qn_{work}_{criterion.id}") or "").strip() or None)
    return answers


state, work_id = picked_state(
    review, STAGE, reviewer, _("No open works at stage 2 for you. Works reach this stage when included at stage 1.")
)
with review.store.read() as conn:
    rate = bool(protocol.quality_criteria) and needs_rating(conn, work_id)
    ratings = latest_ratings(conn, work_id)

progress_slot = st.empty()
left, right = st.columns([5, 4], gap="large")
with left:
    revisit_banner(state)
    show_work(review, state)
    with st.container(border=True):
        st.markdown(_("**Full text**"))
        show_full_texts(review, work_id, key="s2")
        link_col, file_col = st.columns(2)
        with link_col.form(f"link_{work_id}", clear_on_submit=True, border=False):
            url = st.text_input(_("Add a link (https://…)"), key=f"link_url_{work_id}")
            if st.form_submit_button(_("Add link")):
                common.attempt(
                    lambda: add_link(review.store, work_id, url, reviewer), done=lambda _result: _("Link added")
                )
                st.rerun()
        with file_col.form(f"file_{work_id}", clear_on_submit=True, border=False):
            upload = st.file_uploader(_("Add a file (PDF, …)"), key=f"file_up_{work_id}")
            if st.form_submit_button(_("Add file")) and upload is not None:
                chosen_file = upload
                common.attempt(
                    lambda: add_file(
                        review.store, review.directory, work_id, chosen_file.name, chosen_file.getvalue(), reviewer
                    ),
                    done=lambda _result: _("File added"),
                )
                st.rerun()

    if rate:
        with st.container(border=True):
            st.markdown(_("**Quality appraisal** (the work is not stated to be peer reviewed)"))
            st.caption(_("Stored with your decision (I, E or M), or now with **Save ratings**."))
            for criterion in protocol.quality_criteria:
                previous = ratings.get(criterion.id, {})
                cols = st.columns([3, 2])
                cols[0].radio(
                    criterion.label,
                    QUALITY_RATINGS,
                    horizontal=True,
                    key=f"q_{work_id}_{criterion.id}",
                    format_func=common.word,
                    help=criterion.description or None,
                    index=QUALITY_RATINGS.index(previous["rating"]) if previous else None,
                )
                cols[1].text_input(_("Note"), value=previous.get("note") or "", key=f"qn_{work_id}_{criterion.id}")
            if st.button(_("Save ratings"), key=f"save_ratings_{work_id}", type="primary"):
                answers = form_ratings(work_id)
                common.attempt(
                    lambda: save_ratings(review.store, protocol, work_id, reviewer, answers),
                    done=lambda _result: _("{count} rating(s) saved").format(count=len(answers)),
                )
                st.rerun()
        verdict = assess(protocol, {c: row["rating"] for c, row in ratings.items()})
        (st.success if verdict.acceptable else st.warning)(
            _("Quality rule: {verdict}").format(verdict=quality_verdict(verdict, protocol, _))
        )
    else:
        st.caption(_("Peer reviewed: no quality appraisal needed."))

with right:
    show_standing(state, reviewer)
    decision_form(review, state, reviewer, order_mode=None, collect=lambda w: {"ratings": form_ratings(w)})
    show_criteria(state)
show_progress(review, state, reviewer, progress_slot)

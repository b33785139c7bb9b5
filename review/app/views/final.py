"""Stage 3: the final decision and the three-part summary (aim, method, findings) for the appendix."""

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
from review.ui.text import md_escape
from screening.summaries import SummaryText, latest_summaries, save_summary

STAGE = 3
review = common.review_context()
reviewer = common.require_reviewer(review)
protocol = review.protocol

st.header(_("Stage 3: final review and summaries"))


def form_summary(work: int) -> SummaryText:
    """The summary on screen for a work: stored with the decision when it differs from the saved one."""
    return SummaryText(
        aim=st.session_state.get(f"sum_aim_{work}") or "",
        method=st.session_state.get(f"sum_method_{work}") or "",
        findings=st.session_state.get(f"sum_findings_{work}") or "",
        group=st.session_state.get(f"sum_group_{work}"),
    )


state, work_id = picked_state(
    review, STAGE, reviewer, _("No open works at stage 3 for you. Pick an included work above to edit its summary.")
)
with review.store.read() as conn:
    summary = latest_summaries(conn, [work_id]).get(work_id)

progress_slot = st.empty()
left, right = st.columns([5, 4], gap="large")
with left:
    revisit_banner(state)
    show_work(review, state, show_abstract=True)
    with st.container(border=True):
        st.markdown(_("**Full text** (added at stage 2)"))
        show_full_texts(review, work_id, key="s3")
    with st.container(border=True):
        st.markdown(_("**Summary for the appendix**"))
        st.caption(_("Stored with your decision (I, E or M), or now with **Save summary**."))
        previous = summary or {}
        st.text_area(_("Topic and aim"), value=previous.get("aim", ""), key=f"sum_aim_{work_id}", height=100)
        st.text_area(_("Method and data"), value=previous.get("method", ""), key=f"sum_method_{work_id}", height=100)
        st.text_area(_("Main findings"), value=previous.get("findings", ""), key=f"sum_findings_{work_id}", height=140)
        groups = protocol.appendix_groups
        if groups:
            st.selectbox(
                _("Appendix group"),
                groups,
                key=f"sum_group_{work_id}",
                index=groups.index(previous["appendix_group"]) if previous.get("appendix_group") in groups else None,
            )
        if st.button(_("Save summary"), key=f"save_summary_{work_id}", type="primary"):
            text = form_summary(work_id)
            common.attempt(
                lambda: save_summary(
                    review.store,
                    protocol,
                    work_id,
                    aim=text.aim,
                    method=text.method,
                    findings=text.findings,
                    group=text.group,
                    author=reviewer,
                ),
                done=lambda _result: _("Summary of work #{work} saved").format(work=work_id),
            )
            st.rerun()
    if summary:
        st.caption(
            _("Last saved by {name} at {at}; earlier versions are kept.").format(
                name=md_escape(summary["author"]), at=summary["created_at"][:16]
            )
        )
with right:
    show_standing(state, reviewer)
    decision_form(review, state, reviewer, order_mode=None, collect=lambda w: {"summary": form_summary(w)})
    show_criteria(state)
show_progress(review, state, reviewer, progress_slot)

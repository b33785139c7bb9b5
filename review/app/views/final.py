"""Stage 3: the final decision and the three-part summary (aim, method, findings) for the appendix."""

import streamlit as st

from review.app import common
from review.app.decide_panel import decision_form, show_criteria, show_progress, show_standing, show_work
from review.app.fulltext_panel import show_full_texts
from review.app.work_picker import picked_state
from review.ui.text import md_escape
from screening.summaries import latest_summaries, save_summary

STAGE = 3
review = common.review_context()
reviewer = common.require_reviewer(review)
protocol = review.protocol

st.header("Stage 3: final review and summaries")
state = picked_state(review, STAGE, reviewer,
                     "No open works at stage 3 for you. Pick an included work above to edit its summary.")
work_id = state.work_id
with review.store.read() as conn:
    summary = latest_summaries(conn, [work_id]).get(work_id)

progress_slot = st.empty()
left, right = st.columns([5, 4], gap="large")
with left:
    show_work(review, state, show_abstract=True)
    with st.container(border=True):
        st.markdown("**Full text** (added at stage 2)")
        show_full_texts(review, work_id, key="s3")
    with st.form(f"summary_{work_id}", border=True):
        st.markdown("**Summary for the appendix**")
        previous = summary or {}
        aim = st.text_area("Topic and aim", value=previous.get("aim", ""), key=f"sum_aim_{work_id}", height=100)
        method = st.text_area("Method and data", value=previous.get("method", ""), key=f"sum_method_{work_id}",
                              height=100)
        findings = st.text_area("Main findings", value=previous.get("findings", ""),
                                key=f"sum_findings_{work_id}", height=140)
        groups = protocol.appendix_groups
        group = (st.selectbox("Appendix group", groups, key=f"sum_group_{work_id}",
                              index=groups.index(previous["appendix_group"])
                              if previous.get("appendix_group") in groups else None)
                 if groups else None)
        if st.form_submit_button("Save summary", type="primary"):
            common.attempt(lambda: save_summary(review.store, protocol, work_id, aim=aim, method=method,
                                                findings=findings, group=group, author=reviewer),
                           done=lambda _: f"Summary of work #{work_id} saved")
            st.rerun()
    if summary:
        st.caption(f"Last saved by {md_escape(summary['author'])} at {summary['created_at'][:16]}; earlier versions are kept.")
with right:
    show_standing(state, reviewer)
    decision_form(review, state, reviewer, order_mode=None)
    show_criteria(state)
show_progress(review, state, reviewer, progress_slot)

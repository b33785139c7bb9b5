"""The protocol at a glance, progress per stage and reviewer, and the flow so far."""

import streamlit as st

from review.app import common
from review.app.flow_view import show_flow
from review.ui.text import md_escape
from review.ui.tables import family_rows, progress_rows, stage_rows
from screening.flow import compute_flow
from screening.queue import progress

review = common.review_context()
protocol = review.protocol

st.title(protocol.title)
st.caption(md_escape(f"Years {protocol.year_from}–{protocol.year_to} · reviewers: {', '.join(protocol.reviewers) or '-'}"
           f" · lead: {protocol.lead or '-'} · folder: {review.directory}"))

with review.store.read() as conn:
    progresses = [progress(conn, s.number) for s in protocol.stages]
flow = compute_flow(review.store, protocol)

st.subheader("Progress")
cols = st.columns(len(progresses))
for col, p in zip(cols, progresses):
    col.metric(f"Stage {p.stage}: {protocol.stage(p.stage).label}", f"{p.decided} / {p.eligible}",
               help=f"{p.pending} works not yet screened, {p.maybe} maybe (awaiting a decision)")
    col.progress(p.share)
st.dataframe(progress_rows(progresses), hide_index=True)

st.subheader("Flow")
show_flow(review, flow)

st.subheader("Protocol")
st.dataframe(stage_rows(protocol), hide_index=True)
st.dataframe(family_rows(protocol), hide_index=True)
if protocol.quality_criteria:
    rule = protocol.quality_rule
    st.caption("Quality criteria for works that are not peer reviewed: "
               + ", ".join(c.label for c in protocol.quality_criteria)
               + f". Acceptable with at most {rule.max_no} no, at most {rule.max_unclear} unclear "
                 f"and at least {rule.min_yes} yes.")

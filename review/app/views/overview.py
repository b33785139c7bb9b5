"""The protocol at a glance, progress per stage and reviewer, and the flow so far."""

import streamlit as st

from review.app import common
from review.app.flow_view import show_flow
from review.protocol import clean_keywords, save_highlight_keywords
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


st.subheader("Highlighting keywords")
st.caption("Words of this review's own, highlighted on every screening card beside the search terms: "
           "green for words that suggest include, red for words that suggest exclude. One per line or "
           "separated by commas; * is any word ending (barnehage*). Kept in review.toml under [highlight].")
may_edit = review.reviewer is not None and (not protocol.lead or review.reviewer == protocol.lead)


with st.form("keywords", border=False):
    cols = st.columns(2)
    typed_include = cols[0].text_area("Include keywords (green)", value="\n".join(protocol.include_keywords),
                                      key="kw_include", disabled=not may_edit, height=110)
    typed_exclude = cols[1].text_area("Exclude keywords (red)", value="\n".join(protocol.exclude_keywords),
                                      key="kw_exclude", disabled=not may_edit, height=110)
    submitted = st.form_submit_button("Save keywords", key="kw_save", disabled=not may_edit)
if submitted and may_edit:
    include, exclude = clean_keywords(typed_include), clean_keywords(typed_exclude)
    saved = common.attempt(lambda: save_highlight_keywords(review.directory, include, exclude) or True,
                           done=lambda _: f"Keywords saved: {len(include)} include, {len(exclude)} exclude.")
    if saved:
        st.rerun()  # the next run reads the protocol with its new keywords
if not may_edit:
    st.caption(f"Only the review lead ({md_escape(protocol.lead)}) changes the keywords." if protocol.lead
               else "Sign in to change the keywords.")

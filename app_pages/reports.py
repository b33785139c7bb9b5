"""Reports: the flow, Table 3.1, a preview of the appendix (Vedlegg 1) and every export to download."""

import streamlit as st

from app_pages import common
from app_pages.flow_view import show_flow
from review.ui.report_views import appendix_preview, decision_log_csv, status_json
from review.ui.tables import family_table
from screening.flow import compute_flow

review = common.review_context()
protocol = review.protocol
flow = compute_flow(review.store, protocol)

st.title("Reports")
tab_flow, tab_table, tab_appendix, tab_downloads = st.tabs(["Flow", "Table 3.1", "Appendix", "Downloads"])
with tab_flow:
    show_flow(review, flow)
with tab_table:
    st.caption("Unique works per query family (each counted for the first family in protocol order that "
               "found it) and how many passed each stage.")
    st.dataframe(family_table(flow), hide_index=True)
with tab_appendix:
    with review.store.read() as conn:
        entries = appendix_preview(conn, protocol)
    if not entries:
        st.caption("No work has been included at stage 3 yet.")
    group = None
    for entry in entries:
        if entry.group != group:
            group = entry.group
            st.subheader(group)
        with st.container(border=True):
            st.text(entry.reference)
            for label, text in (("Aim", entry.aim), ("Method", entry.method), ("Findings", entry.findings)):
                st.caption(label)
                st.text(text or "(not written yet)")
with tab_downloads:
    viewer = None if review.reviewer == protocol.lead else review.reviewer
    with review.store.read() as conn:
        log_csv = decision_log_csv(conn, protocol, viewer)
    st.download_button("Flow counts (JSON)", status_json(flow), file_name="status.json",
                       mime="application/json", on_click="ignore", key="dl_status")
    st.download_button("Decision log (CSV)", log_csv, file_name="decisions-log.csv", mime="text/csv",
                       on_click="ignore", key="dl_log",
                       help="Blinded: another reviewer's vote is left out until both have voted "
                            "(the lead gets the whole log)")
    st.caption("Tables, the appendix document, RIS/BibTeX of the included works and the search log come "
               "from `review export` once the reports package is installed.")

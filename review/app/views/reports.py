"""Reports: the flow, Table 3.1, a preview of the appendix (Vedlegg 1) and every export to download."""

import streamlit as st

from review.app import common
from review.app.gate import may
from review.app.flow_view import show_flow
from review.ui.report_views import MIME, appendix_preview_html, export_bytes, export_choices, table31_rows
from review.ui.tables import family_table
from screening.flow import compute_flow

review = common.review_context()
protocol = review.protocol
flow = compute_flow(review.store, protocol)

st.title("Reports")
tab_flow, tab_table, tab_appendix, tab_downloads = st.tabs(["Flow", "Table 3.1", "Appendix", "Downloads"])
with tab_flow:
    show_flow(review, flow, key="report_flow")
with tab_table:
    rows = common.attempt(lambda: table31_rows(flow, protocol))
    common.show_flash()
    if rows:
        st.dataframe(rows, hide_index=True)
    st.caption("Works per query family, each counted for the first family in protocol order that found it, "
               "and how many passed each stage.")
    with st.expander("The same per stage, in the UI's own layout"):
        st.dataframe(family_table(flow), hide_index=True)
with tab_appendix:
    count, body = appendix_preview_html(review.store, protocol)
    if not count:
        st.caption("No work has been included at the last stage yet.")
    else:
        st.html(body)
with tab_downloads:
    choices = export_choices()
    cols = st.columns([2, 1])
    chosen = cols[0].selectbox("Export", choices, key="export_choice",
                               format_func=lambda c: f"{c[0]} ({c[1].lstrip('.')})")
    cols[1].write("")
    full = False
    if chosen[0] == "decisions" and may(review.actor, "full-log") and (review.signed_in or review.reviewer):
        full = st.checkbox("The full log, blinded votes included (the lead's view; recorded in the audit trail)",
                           key="export_full_log")
    if cols[1].button("Prepare the file", key="export_prepare", type="primary"):
        what, suffix = chosen
        viewer = review.reviewer  # the decision log as the signed-in reviewer may see it (blinding)
        data = common.attempt(lambda: export_bytes(review.store, protocol, what, suffix, viewer=viewer, flow=flow,
                                                   full_log=full))
        common.show_flash()
        if data is not None:
            st.session_state["export_ready"] = (chosen, data, review.reviewer)
    ready = st.session_state.get("export_ready")
    if ready and ready[0] == chosen and not (review.signed_in and ready[2] != review.reviewer):
        (what, suffix), data, _ = ready
        st.download_button(f"Download {what}{suffix} ({len(data):,} bytes)", data, file_name=f"{what}{suffix}",
                           mime=MIME.get(suffix, "application/octet-stream"), on_click="ignore", key="export_download")
    st.caption("The same files come from `review export DIR WHAT -o FILE` on the command line. The decision log "
               "is blinded for the signed-in reviewer: another reviewer's vote appears once a work's votes are in.")

"""Reports: the flow, Table 3.1, a preview of the appendix (Vedlegg 1) and every export to download."""

import streamlit as st

from review.app import common
from review.app.flow_view import show_flow
from review.reports.registry import ROUND_EXPORTS
from review.ui.report_views import MIME, appendix_preview_html, export_bytes, export_choices, table31_rows
from review.ui.tables import family_table
from review.ui.text import md_escape
from screening.flow import compute_flow

review = common.review_context()
protocol = review.protocol
round_id = common.chosen_round()
flow = compute_flow(review.store, protocol, round_id)

st.title("Reports")
if round_id is not None:
    st.caption(md_escape(f"Round {round_id} alone ({flow.round_label}): its searches and the works first found in "
                         f"it; the diagram uses PRISMA 2020's layout for updated reviews. Choose 'Whole review' in "
                         f"the sidebar for everything."))
tab_flow, tab_table, tab_appendix, tab_downloads = st.tabs(["Flow", "Table 3.1", "Appendix", "Downloads"])
with tab_flow:
    show_flow(review, flow, key="report_flow", round_id=round_id)
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
    count, body = appendix_preview_html(review.store, protocol, round_id)
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
    if cols[1].button("Prepare the file", key="export_prepare", type="primary"):
        what, suffix = chosen
        viewer = review.reviewer  # the decision log as the signed-in reviewer may see it (blinding)
        data = common.attempt(lambda: export_bytes(review.store, protocol, what, suffix, viewer=viewer, flow=flow,
                                                   round_id=round_id))
        common.show_flash()
        if data is not None:
            st.session_state["export_ready"] = (chosen, data)
            st.session_state["export_round"] = round_id
    ready = st.session_state.get("export_ready")
    if ready and ready[0] == chosen and st.session_state.get("export_round") == round_id:
        (what, suffix), data = ready
        st.download_button(f"Download {what}{suffix} ({len(data):,} bytes)", data, file_name=f"{what}{suffix}",
                           mime=MIME.get(suffix, "application/octet-stream"), on_click="ignore", key="export_download")
    if round_id is not None:
        st.caption("Limited to the chosen round: " + ", ".join(ROUND_EXPORTS) + ". The others cover the whole review.")
    st.caption("The same files come from `review export DIR WHAT -o FILE [--round N]` on the command line. The decision log "
               "is blinded for the signed-in reviewer: another reviewer's vote appears once a work's votes are in.")

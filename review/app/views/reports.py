"""Reports: the flow, Table 3.1, a preview of the appendix (Vedlegg 1) and every export to download."""

import functools

import streamlit as st

from review.app import common
from review.app.common import _
from review.app.flow_view import show_flow
from review.app.gate import may
from review.reports.registry import ROUND_EXPORTS
from review.ui.report_views import (
    MIME,
    ZIP_NAME,
    all_exports_zip,
    appendix_preview_html,
    export_bytes,
    export_choices,
    export_file_name,
    table31_rows,
)
from review.ui.tables import family_table
from review.ui.text import md_escape
from screening.flow import compute_flow_conn

review = common.review_context()
protocol = review.protocol
round_id = common.chosen_round()
flow = common.read_cached(review, compute_flow_conn, protocol, round_id)  # once per state of the store

st.title(_("Reports"))
if round_id is not None:
    st.caption(
        md_escape(
            _(
                "Round {number} alone ({round}): its searches and the works first found in it; the "
                "diagram uses PRISMA 2020's layout for updated reviews. Choose 'Whole review' in the "
                "sidebar for everything."
            ).format(number=round_id, round=flow.round_label)
        )
    )
tab_flow, tab_table, tab_appendix, tab_downloads = st.tabs([_("Flow"), _("Table 3.1"), _("Appendix"), _("Downloads")])
with tab_flow:
    show_flow(review, flow, key="report_flow", round_id=round_id)
with tab_table:
    rows = common.attempt(lambda: table31_rows(flow, protocol))
    common.show_flash()
    if rows:
        st.dataframe(rows, hide_index=True)
    st.caption(
        _(
            "Works per query family, each counted for the first family in protocol order that found it, "
            "and how many passed each stage."
        )
    )
    with st.expander(_("The same per stage, in the UI's own layout")):
        st.dataframe(family_table(flow, _), hide_index=True)
with tab_appendix:
    count, body = appendix_preview_html(review.store, protocol, round_id)
    if not count:
        st.caption(_("No work has been included at the last stage yet."))
    else:
        st.html(body)
with tab_downloads:
    # One click each: a file is written only when its button is pressed (in Streamlit's download thread),
    # under the name `review export` gives it. The decision log is blinded for the signed-in reviewer.
    viewer = review.reviewer
    st.download_button(
        _("All exports in one zip"),
        lambda: all_exports_zip(review.store, protocol, viewer=viewer, flow=flow if round_id is None else None),
        file_name=ZIP_NAME,
        mime="application/zip",
        on_click="ignore",
        key="export_zip",
        type="primary",
        icon=":material/folder_zip:",
    )
    choices = export_choices()
    full = False
    if may(review.actor, "full-log") and (review.signed_in or review.reviewer):
        full = st.checkbox(
            _("The decision log in full, blinded votes included (the lead's view; recorded in the audit trail)"),
            key="export_full_log",
        )
    columns = st.columns(3)
    for index, (what, suffix) in enumerate(choices):
        name = export_file_name(what, suffix)
        full_log = full and what == "decisions"
        columns[index % 3].download_button(
            name,
            functools.partial(
                export_bytes,
                review.store,
                protocol,
                what,
                suffix,
                viewer=viewer,
                flow=flow,
                round_id=round_id,
                full_log=full_log,
            ),
            file_name=name,
            mime=MIME.get(suffix, "application/octet-stream"),
            on_click="ignore",
            key=f"export_{what}_{suffix.lstrip('.')}{'_full' if full_log else ''}",
        )
    if round_id is not None:
        st.caption(
            _("Limited to the chosen round: {exports}. The others and the zip cover the whole review.").format(
                exports=", ".join(ROUND_EXPORTS)
            )
        )
    st.caption(
        _(
            "The same files come from `review export DIR WHAT -o FILE [--round N]` on the command line. The "
            "decision log is blinded for the signed-in reviewer: another reviewer's vote appears once a work's "
            "votes are in."
        )
    )

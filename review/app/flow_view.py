"""The flow diagram, drawn by the reports package; the counts as a table beside it."""

from __future__ import annotations

import streamlit as st

from review.app.common import Review, log
from review.errors import ReviewError
from review.ui.report_views import export_bytes, status_json
from review.ui.tables import flow_rows
from screening.flowtypes import Flow


@st.cache_data(show_spinner="Drawing the flow diagram…", max_entries=16)
def _diagram(directory: str, counts: str, _review: Review, _flow: Flow) -> bytes:
    # Keyed by the counts: drawing takes a while and the counts change only with decisions.
    return export_bytes(_review.store, _review.protocol, "flow", ".png", flow=_flow)


def show_flow(review: Review, flow: Flow, *, key: str = "flow") -> None:
    png = None
    try:
        png = _diagram(str(review.directory), status_json(flow) + review.protocol.report_language, review, flow)
    except ReviewError as exc:
        st.error(f"The flow diagram could not be drawn: {exc}")
    except Exception:  # a bug in drawing must not hide the counts
        log.exception("drawing the flow diagram failed")
        st.error("The flow diagram could not be drawn; the counts are below. Details are in the server log.")
    if png:
        st.image(png, caption="PRISMA 2020 flow diagram", width=900,
                 alt="PRISMA 2020 flow diagram of this review; the same counts are under 'Counts as a table'.")
        st.download_button("Download the diagram (PNG)", png, file_name="flow.png", mime="image/png",
                           on_click="ignore", key=f"{key}_png")
    with st.expander("Counts as a table", expanded=png is None):
        st.dataframe(flow_rows(flow), hide_index=True)

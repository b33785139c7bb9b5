"""The flow diagram: drawn by the reports package when it is installed, else the counts as a table."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app_pages.common import Review, log
from review.ui.tables import flow_rows
from screening.flowtypes import Flow


@st.cache_data(show_spinner="Drawing the flow diagram…", max_entries=16)
def _diagram_png(flow: Flow, language: str) -> bytes | None:
    try:
        from review.reports.flow_draw import write_flow
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "flow.png"
        write_flow(flow, path, language=language)
        return path.read_bytes()


def show_flow(review: Review, flow: Flow) -> None:
    png = None
    try:
        png = _diagram_png(flow, review.protocol.report_language)
    except Exception:  # drawing is optional here: keep the table
        log.exception("drawing the flow diagram failed")
    if png:
        st.image(png, caption="PRISMA 2020 flow diagram", width="content")
        st.download_button("Download flow diagram (PNG)", png, file_name="flow.png", mime="image/png",
                           on_click="ignore", key="flow_png")
    else:
        st.dataframe(flow_rows(flow), hide_index=True)

"""The flow diagram, drawn by the reports package; the counts as a table beside it."""

from __future__ import annotations

import io

import streamlit as st

from review.app.common import Review, _, log
from review.errors import ReviewError
from review.messages import message_of
from review.ui.report_views import export_bytes, status_json
from review.ui.tables import flow_rows
from screening.flowtypes import Flow


@st.cache_data(show_spinner=False, max_entries=16)
def _diagram(directory: str, counts: str, round_id: int | None, _review: Review, _flow: Flow) -> bytes:
    # Keyed by the counts and the round: drawing takes a while and the counts change only with decisions.
    return export_bytes(_review.store, _review.protocol, "flow", ".png", flow=_flow, round_id=round_id)


SHOWN_WIDTH = 900  # pixels of the diagram on the page (the download keeps the full size)


@st.cache_data(show_spinner=False, max_entries=16)
def _for_screen(png: bytes, width: int) -> bytes:
    # st.image scales a wider picture down to ``width`` on every run, about 0.4 s for the diagram at
    # 20,000 works on our machine: done once here, st.image gets a picture that needs no scaling.
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    if image.width <= width:
        return png
    smaller = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    smaller.save(out, format="PNG")
    return out.getvalue()


def show_flow(review: Review, flow: Flow, *, key: str = "flow", round_id: int | None = None) -> None:
    """The diagram of the whole review, or of one round (PRISMA 2020's layout for updated reviews when
    earlier rounds exist: previous studies, new records, new studies, total)."""
    png = None
    try:
        counts = status_json(flow) + review.protocol.report_language + str(flow.previous_included)
        with st.spinner(_("Drawing the flow diagram…")):
            png = _diagram(str(review.directory), counts, round_id, review, flow)
    except ReviewError as exc:
        st.error(_("The flow diagram could not be drawn: {error}").format(error=_(message_of(exc))))
    except Exception:  # a bug in drawing must not hide the counts
        log.exception("drawing the flow diagram failed")
        st.error(_("The flow diagram could not be drawn; the counts are below. Details are in the server log."))
    if png:
        updated = flow.previous_included is not None
        st.image(
            _for_screen(png, SHOWN_WIDTH),
            width=SHOWN_WIDTH,
            caption=_("PRISMA 2020 flow diagram for an updated review") if updated else _("PRISMA 2020 flow diagram"),
            alt=_("PRISMA 2020 flow diagram of this review; the same counts are under 'Counts as a table'."),
        )
        st.download_button(
            _("Download the diagram (PNG)"),
            png,
            file_name="flow.png",
            mime="image/png",
            on_click="ignore",
            key=f"{key}_png",
        )
    with st.expander(_("Counts as a table"), expanded=png is None):
        st.dataframe(flow_rows(flow, _), hide_index=True)

"""The lead's control for ending stage-1 screening early: on the criterion, or as the team's own call."""

from __future__ import annotations

import streamlit as st

from review.app.common import Review, _, attempt, flash, is_lead
from screening.stopping import stop_screening


def stop_panel(review: Review, reviewer: str, criterion_reached: bool) -> None:
    """Shown beside a ranked queue, to the lead only. Every stop is recorded with its statement and the
    works left are counted as not screened in the flow and the screening-methods export."""
    if not is_lead(review):
        return
    with st.expander(_("Stop screening early (lead)")):
        st.caption(
            _(
                "The works left will be counted as not screened by a person. The record goes into the "
                "screening-methods export."
            )
        )
        if criterion_reached:
            st.button(
                _("Stop: the stopping criterion is met"),
                key="stop_criterion",
                on_click=lambda: _stop(review, reviewer, "criterion", None),
            )
        note = st.text_input(_("Or stop by the team's own decision; why?"), key="stop_note", max_chars=500)
        st.button(
            _("Stop by our decision"),
            key="stop_reviewers",
            disabled=not (note or "").strip(),
            on_click=lambda: _stop(review, reviewer, "reviewers", st.session_state.get("stop_note")),
        )


def _stop(review: Review, reviewer: str, basis: str, note) -> None:
    record = attempt(lambda: stop_screening(review.store, review.protocol, reviewer, basis=basis, note=note))
    if record is not None:
        flash(
            "success",
            _("Screening stopped; {count} works are left unscreened.").format(count=record.unscreened)
            + f" {_(record.statement)}",
        )

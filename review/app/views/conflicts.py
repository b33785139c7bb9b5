"""Dual screening: conflicting votes, the lead's reconciliation, and agreement (Cohen's kappa)."""

import streamlit as st

from review.app import common
from review.app.common import _
from review.app.decide_panel import BUTTONS, decision_word, matcher
from review.ui.cards import CARD_CSS, work_card_html
from review.ui.highlight import legend_html
from review.ui.tables import agreement_rows
from screening.agreement import agreement, conflicts, reconcile
from screening.works import work_view

review = common.review_context()
reviewer = common.require_reviewer(review)
protocol = review.protocol

st.title(_("Conflicts and agreement"))
stage = (
    st.segmented_control(
        _("Stage"),
        [s.number for s in protocol.stages],
        default=1,
        key="conflict_stage",
        format_func=lambda n: f"{n}: {protocol.stage(n).label}",
    )
    or 1
)
mode = protocol.stage(stage).mode
if mode == "single":
    st.caption(
        _("Stage {stage} is screened by one reviewer in this protocol; conflicts arise only in dual mode.").format(
            stage=stage
        )
    )

with review.store.read() as conn:
    found = conflicts(conn, stage)
    views = {c.work_id: work_view(conn, c.work_id) for c in found}
    tables = agreement(conn, stage)
reasons = protocol.stage(stage).reasons
is_lead = common.is_lead(review)


def _reconcile(work_id: int, decision: str) -> None:
    chosen = st.session_state.get(f"rec_reason_{stage}_{work_id}") or []
    note = (st.session_state.get(f"rec_note_{stage}_{work_id}") or "").strip() or None
    common.attempt(
        lambda: reconcile(review.store, protocol, work_id, stage, reviewer, decision, chosen, note),
        done=lambda _result: _("Work #{work}: {decision} (reconciled)").format(
            work=work_id, decision=decision_word(decision)
        ),
    )


st.subheader(_("Conflicts at stage {stage} ({count})").format(stage=stage, count=len(found)))
if not found:
    st.caption(_("No conflicting votes."))
if found and not is_lead:
    st.info(
        _("Only the lead ({lead}) can reconcile; you can read the conflicts.").format(
            lead=protocol.lead or _("none named")
        )
    )
found_matcher = matcher(review)
for c in found:
    view = views[c.work_id]
    if view is None:  # the work was merged away since the votes were cast
        continue
    with st.container(border=True, key=f"conflict_{c.work_id}"):
        # The whole card, as the reviewers saw it: title, authors, abstract, links.
        st.html(
            CARD_CSS
            + work_card_html(view, found_matcher, show_abstract=True, tr=_)
            + legend_html(found_matcher.terms, _)
        )
        for name, vote in sorted(c.votes.items()):
            why = "; ".join(c.reasons.get(name) or []) or _("no reason")
            st.text(
                f"{name}: {decision_word(vote)} ({why})"
                + ("\n    " + _("Note: {note}").format(note=c.notes[name]) if c.notes.get(name) else "")
            )
        if is_lead:
            cols = st.columns([3, 3])
            cols[0].multiselect(
                _("Reasons"), reasons, key=f"rec_reason_{stage}_{c.work_id}", placeholder=_("Reasons (to exclude)")
            )
            cols[1].text_input(_("Note"), key=f"rec_note_{stage}_{c.work_id}", max_chars=2000)
            with st.container(horizontal=True):
                for choice, label, _key, kind in BUTTONS:
                    st.button(
                        _(label),
                        key=f"rec_{choice[:3]}_{stage}_{c.work_id}",
                        on_click=_reconcile,
                        args=(c.work_id, choice),
                        type=kind,
                    )

st.subheader(_("Agreement"))
if tables:
    st.dataframe(agreement_rows(tables, _), hide_index=True)
    st.caption(
        _(
            "2×2 counts per pair of reviewers on the works both voted on; 'maybe' counts as not include. "
            "Kappa is blank when undefined (both used one category only)."
        )
    )
else:
    st.caption(_("No work has votes from two reviewers at this stage yet."))

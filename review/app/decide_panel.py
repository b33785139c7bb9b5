"""The parts every screening stage shares: the work card, the criteria, the decision buttons with
their keyboard shortcuts, undo, and the reviewer's progress."""

from __future__ import annotations

import html
from typing import Optional

import streamlit as st

from review.app.common import Review, attempt, flash
from review.ui.cards import CARD_CSS, work_card_html
from review.ui.text import md_escape
from review.ui.highlight import TermMatcher, legend_html, review_terms
from screening.decisions import Decision, record
from screening.queue import progress
from screening.screen_view import ScreenState

BUTTONS = (  # decision, label, shortcut, button type
    ("include", "Include", "I", "primary"),
    ("exclude", "Exclude", "E", "secondary"),
    ("maybe", "Maybe", "M", "secondary"),
)


def matcher(review: Review) -> TermMatcher:
    """Compiled once per session and set of terms (an edited query file or keyword list gives a new one)."""
    terms = tuple(review_terms(review.protocol))
    found = st.session_state.get("_matcher")
    if not found or found[0] != terms:
        found = (terms, TermMatcher(terms))
        st.session_state["_matcher"] = found
    return found[1]


def keys(stage: int) -> dict[str, str]:
    return {name: f"s{stage}_{name}" for name in ("reasons", "free", "note", "back", "pick", "order")}


def show_work(review: Review, state: ScreenState, *, show_abstract: bool = True) -> None:
    found = matcher(review)
    st.html(CARD_CSS + work_card_html(state.view, found, show_abstract=show_abstract)
            + legend_html(found.terms))


def show_criteria(state: ScreenState) -> None:
    items = "".join(f"<li>{html.escape(c)}</li>" for c in state.criteria)
    st.html(f'<div class="criteria"><strong>Criteria, stage {state.stage}</strong>'
            f'<ul style="margin:.3rem 0 0 1.1rem;padding:0">{items}</ul></div>'
            '<style>.criteria{border:1px solid #e3e3e8;border-radius:.5rem;padding:.7rem 1rem;'
            'font-size:.92rem;line-height:1.45}</style>')


def show_standing(state: ScreenState, reviewer: str) -> None:
    """The reviewer's own earlier decision and the votes blinding lets them see."""
    if state.own:
        reasons = "; ".join(state.own["reasons"]) or "no reason"
        st.text(f"Your decision: {state.own['decision']} ({reasons})")
    others = {r: v for r, v in state.votes.items() if r != reviewer}
    for name, vote in sorted(others.items()):
        st.text(f"{name} voted: {vote['decision']}")
    if state.hidden_votes:
        st.caption(f"{state.hidden_votes} other vote(s) stay hidden until you have voted (blinded screening).")
    if state.final and state.final["reviewer"] != reviewer:
        st.caption(f"Final decision: {state.final['decision']} (by {md_escape(state.final['reviewer'])})")


def decision_form(review: Review, state: ScreenState, reviewer: str, order_mode: Optional[str]) -> None:
    k = keys(state.stage)
    step = review.protocol.stage(state.stage)
    with st.container(horizontal=True, key=f"s{state.stage}_buttons"):
        for choice, label, shortcut, kind in BUTTONS:
            st.button(label, key=f"s{state.stage}_{choice}", shortcut=shortcut, type=kind,
                      on_click=_decide, args=(review, state.stage, state.work_id, choice, reviewer, order_mode))
        st.button("Undo", key=f"s{state.stage}_undo", shortcut="U", icon=":material/undo:",
                  help="Go back to the work you decided before this one and change the decision",
                  on_click=_step, args=(state.stage, +1))
        if state.back:
            st.button("Queue", key=f"s{state.stage}_queue", shortcut="Q", help="Back to the next open work",
                      on_click=_step, args=(state.stage, 0))
    st.caption("Keyboard: **I** include · **E** exclude · **M** maybe · **U** undo (go back one)"
               + (" · **Q** back to the queue" if state.back else "") + ". Shortcuts pause while you type.")
    st.multiselect("Reasons" + (" (needed to exclude)" if step.reason_required else ""), state.reasons,
                   key=k["reasons"], placeholder="Reasons from the protocol or added by the team")
    cols = st.columns(2)
    cols[0].text_input("Other reason", key=k["free"], max_chars=500,
                       help="A reason not in the list; it is added to the list for everyone")
    cols[1].text_input("Note", key=k["note"], max_chars=2000)


def _clear_form(stage: int) -> None:
    k = keys(stage)
    st.session_state[k["reasons"]] = []
    st.session_state[k["free"]] = ""
    st.session_state[k["note"]] = ""


def _step(stage: int, delta: int) -> None:
    k = keys(stage)
    st.session_state[k["back"]] = st.session_state.get(k["back"], 0) + delta if delta else 0
    st.session_state.pop(k["pick"], None)
    _clear_form(stage)


def _decide(review: Review, stage: int, work_id: int, choice: str, reviewer: str,
            order_mode: Optional[str]) -> None:
    k = keys(stage)
    reasons = list(st.session_state.get(k["reasons"], []))
    free = st.session_state.get(k["free"], "").strip()
    if free:
        reasons.append(free)
    decision = Decision(work_id=work_id, stage=stage, decision=choice, reviewer=reviewer, reasons=reasons,
                        note=st.session_state.get(k["note"], "").strip() or None, order_mode=order_mode)
    recorded = attempt(lambda: record(review.store, review.protocol, decision))
    if recorded is None:
        return
    for warning in recorded.warnings:
        flash("warning", warning)
    st.session_state["_last_decision"] = (work_id, choice)
    flash("toast", f"Work #{work_id}: {choice} stored")
    st.session_state[k["back"]] = 0
    st.session_state.pop(k["pick"], None)  # stages 2 and 3: on to the next open work
    _clear_form(stage)


def show_progress(review: Review, state: ScreenState, reviewer: str, slot=None) -> None:
    """Drawn into ``slot`` (made above the work) after the work itself, so the card appears first."""
    p = state.progress
    if p is None:
        with review.store.read() as conn:
            p = progress(conn, state.stage)
    mine = p.by_reviewer.get(reviewer, 0)
    (slot or st).progress(p.share, text=f"Stage {p.stage}: {p.decided} of {p.eligible} works decided, "
                                        f"{p.pending} open, {p.maybe} maybe; you have decided {mine}")

"""The parts every screening stage shares: the work card, the criteria, the decision buttons with
their keyboard shortcuts, undo, and the reviewer's progress."""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Callable
from typing import Literal

import streamlit as st

from review.app.common import Review, _, attempt, chosen_round, flash, read_cached, word
from review.ui.cards import CARD_CSS, work_card_html
from review.ui.highlight import TermMatcher, legend_html, review_terms
from review.ui.i18n import N_
from review.ui.text import md_escape
from screening.decisions import Decision
from screening.queue import maybes_for, progress
from screening.screen_view import ScreenState
from screening.submit import record_with

log = logging.getLogger("nordic-review.app")
ButtonKind = Literal["primary", "secondary", "tertiary"]
BUTTONS: tuple[tuple[str, str, str, ButtonKind], ...] = (  # decision, label (translated when drawn), shortcut, type
    ("include", N_("Include"), "I", "primary"),
    ("exclude", N_("Exclude"), "E", "secondary"),
    ("maybe", N_("Maybe"), "M", "secondary"),
)
decision_word = word  # the decision words as the reader sees them; stored decisions stay as they are


def matcher(review: Review) -> TermMatcher:
    """Compiled once per session and set of terms (an edited query file or keyword list gives a new one)."""
    terms = tuple(review_terms(review.protocol))
    found = st.session_state.get("_matcher")
    if not found or found[0] != terms:
        found = (terms, TermMatcher(terms))
        st.session_state["_matcher"] = found
    return found[1]


def keys(stage: int) -> dict[str, str]:
    return {
        name: f"s{stage}_{name}"
        for name in ("reasons", "free", "note", "back", "pick", "order", "shown", "seq", "form_for", "which")
    }


def show_work(review: Review, state: ScreenState, *, show_abstract: bool = True) -> None:
    if state.view is None:  # nothing to show: the queue is empty (the page said so)
        return
    found = matcher(review)
    st.html(
        CARD_CSS + work_card_html(state.view, found, show_abstract=show_abstract, tr=_) + legend_html(found.terms, _)
    )


def show_criteria(state: ScreenState) -> None:
    items = "".join(f"<li>{html.escape(c)}</li>" for c in state.criteria)
    heading = html.escape(_("Criteria, stage {stage}").format(stage=state.stage))
    st.html(
        f'<div class="criteria"><strong>{heading}</strong>'
        f'<ul style="margin:.3rem 0 0 1.1rem;padding:0">{items}</ul></div>'
        "<style>.criteria{border:1px solid #e3e3e8;border-radius:.5rem;padding:.7rem 1rem;"
        "font-size:.92rem;line-height:1.45}</style>"
    )


def _said(row: dict) -> str:
    """A decision with its reasons and note, as one line of text."""
    reasons = row["reasons"] if isinstance(row["reasons"], list) else json.loads(row["reasons"] or "[]")
    text = f"{word(row['decision'])} ({'; '.join(reasons) or _('no reason')})"
    return text + (", " + _("note: {note}").format(note=row["note"]) if row.get("note") else "")


def show_standing(state: ScreenState, reviewer: str) -> None:
    """The reviewer's own earlier decision and the votes (with their notes) blinding lets them see."""
    if state.own:
        st.text(_("Your decision: {decision}").format(decision=_said(state.own)))
    others = {r: v for r, v in state.votes.items() if r != reviewer}
    for name, vote in sorted(others.items()):
        st.text(_("{name} voted: {decision}").format(name=name, decision=_said(vote)))
    if state.hidden_votes:
        st.caption(
            _("{count} other vote(s) stay hidden until you have voted (blinded screening).").format(
                count=state.hidden_votes
            )
        )
    if state.final and state.final["reviewer"] != reviewer:
        st.caption(
            md_escape(
                _("Final decision: {decision} (by {name})").format(
                    decision=_said(state.final), name=state.final["reviewer"]
                )
            )
        )


def _prefill(state: ScreenState, options: list[str]) -> None:
    """Fill the form once per work shown: with the reviewer's earlier reasons and note when the work
    was decided before (undo, or opened from the list), else empty. A refused press keeps what was typed."""
    k = keys(state.stage)
    if st.session_state.get(k["form_for"]) == state.work_id:
        return
    own = state.own or {}
    reasons = list(own.get("reasons") or [])
    st.session_state[k["reasons"]] = [r for r in reasons if r in options]
    st.session_state[k["free"]] = ""
    st.session_state[k["note"]] = own.get("note") or ""
    st.session_state[k["form_for"]] = state.work_id


def decision_form(
    review: Review,
    state: ScreenState,
    reviewer: str,
    order_mode: str | None,
    collect: Callable[[int], dict] | None = None,
) -> None:
    """The decision buttons and the reasons and note. ``collect(work_id)`` gives what else the page's
    form holds (``ratings=`` or ``summary=`` for ``record_with``): stored with the decision.

    The buttons are keyed by the work on screen and a counter of this session's decisions, so a press
    names the work it was meant for: a second press that arrives before the next work is drawn
    (key bounce) still names the work already decided, and is ignored."""
    k = keys(state.stage)
    step = review.protocol.stage(state.stage)
    own_reasons = (state.own or {}).get("reasons") or []
    options = list(state.reasons) + [r for r in own_reasons if r not in state.reasons]
    _prefill(state, options)
    token = f"{state.work_id}_{st.session_state.get(k['seq'], 0)}"
    st.session_state[k["shown"]] = token  # the card above was drawn before these buttons
    with st.container(horizontal=True, key=f"s{state.stage}_buttons"):
        for choice, label, shortcut, kind in BUTTONS:
            st.button(
                _(label),
                key=f"s{state.stage}_{choice}_{token}",
                shortcut=shortcut,
                type=kind,
                on_click=_decide,
                args=(review, state.stage, token, state.work_id, choice, reviewer, order_mode, collect),
            )
        st.button(
            _("Undo"),
            key=f"s{state.stage}_undo",
            shortcut="U",
            icon=":material/undo:",
            help=_("Go back to the work you decided before this one and change the decision"),
            on_click=_step,
            args=(state.stage, +1),
        )
        away = bool(state.back or st.session_state.get(k["pick"]))  # not at the queue's next work
        if away:
            st.button(
                _("Queue"),
                key=f"s{state.stage}_queue",
                shortcut="Q",
                help=_("Back to the next open work"),
                on_click=_step,
                args=(state.stage, 0),
            )
    st.caption(
        _("Keyboard: **I** include · **E** exclude · **M** maybe · **U** undo (go back one)")
        + (_(" · **Q** back to the queue") if away else "")
        + ". "
        + _("Shortcuts pause while you type.")
    )
    st.multiselect(
        _("Reasons (needed to exclude)") if step.reason_required else _("Reasons"),
        options,
        key=k["reasons"],
        placeholder=_("Reasons from the protocol or added by the team"),
    )
    cols = st.columns(2)
    cols[0].text_input(
        _("Other reason"),
        key=k["free"],
        max_chars=500,
        help=_("A reason not in the list; it is added to the list for everyone"),
    )
    cols[1].text_input(_("Note"), key=k["note"], max_chars=2000)


def _next_work(stage: int) -> None:
    """After a stored decision: the form empties and the next open work comes up."""
    k = keys(stage)
    st.session_state[k["back"]] = 0
    st.session_state[k["pick"]] = None  # stages 2 and 3: on to the next open work
    st.session_state.pop(k["form_for"], None)


def _step(stage: int, delta: int) -> None:
    k = keys(stage)
    st.session_state[k["back"]] = st.session_state.get(k["back"], 0) + delta if delta else 0
    st.session_state[k["pick"]] = None
    st.session_state.pop(k["form_for"], None)


def _decide(
    review: Review,
    stage: int,
    token: str,
    work_id: int,
    choice: str,
    reviewer: str,
    order_mode: str | None,
    collect: Callable[[int], dict] | None,
) -> None:
    k = keys(stage)
    if st.session_state.get(k["shown"]) != token:
        log.info("ignored a press for work %s: it is no longer the work on screen", work_id)
        return
    st.session_state[k["shown"]] = None  # one decision per work drawn: a repeated press is ignored
    reasons = list(st.session_state.get(k["reasons"], []))
    free = st.session_state.get(k["free"], "").strip()
    if free:
        reasons.append(free)
    decision = Decision(
        work_id=work_id,
        stage=stage,
        decision=choice,
        reviewer=reviewer,
        reasons=reasons,
        note=st.session_state.get(k["note"], "").strip() or None,
        order_mode=order_mode,
    )
    extra = collect(work_id) if collect else {}
    recorded = attempt(lambda: record_with(review.store, review.protocol, decision, **extra))
    if recorded is None:
        return
    for warning in recorded.warnings:
        flash("warning", warning)
    st.session_state["_last_decision"] = (work_id, choice)
    st.session_state[k["seq"]] = st.session_state.get(k["seq"], 0) + 1
    flash("toast", _("Work #{work}: {decision} stored").format(work=work_id, decision=decision_word(choice)))
    _next_work(stage)


def maybe_choice(review: Review, stage: int, reviewer: str, slot) -> tuple[str, list[int]]:
    """Maybe is not decided: when any of this reviewer's works wait as maybe, say how many and offer
    them as a queue of their own. Returns the chosen queue ("open" or "maybe") and the maybes."""
    k = keys(stage)
    with review.store.read() as conn:
        maybes = maybes_for(conn, review.protocol, stage, reviewer)
    st.session_state.setdefault(k["which"], "open")
    if not maybes:
        st.session_state[k["which"]] = "open"
        return "open", []
    queue = slot.segmented_control(
        _("Queue"),
        ("open", "maybe"),
        key=k["which"],
        format_func=lambda q: _("Open works") if q == "open" else _("Maybes ({count})").format(count=len(maybes)),
    )
    slot.caption(_("{count} work(s) you marked maybe wait for a decision.").format(count=len(maybes)))
    return queue or "open", maybes


def offer_maybes(stage: int, maybes: list[int]) -> None:
    """Shown instead of "nothing left" when the open queue is empty but maybes remain."""
    st.info(
        _(
            "No open works left for you at stage {stage}, but {count} work(s) you marked maybe still wait for "
            "a decision."
        ).format(stage=stage, count=len(maybes))
    )
    st.button(
        _("Decide the maybes ({count})").format(count=len(maybes)),
        key=f"s{stage}_to_maybes",
        type="primary",
        on_click=lambda: st.session_state.update({keys(stage)["which"]: "maybe", keys(stage)["back"]: 0}),
    )


def revisit_banner(state: ScreenState) -> None:
    """Why a work that is not simply the next open one is on screen."""
    k = keys(state.stage)
    queue = st.session_state.get(k["which"])
    if state.back:
        st.warning(
            _(
                "Going back: {count} decision(s) ago. A new decision is added to the log; the earlier one "
                "stays in the history."
            ).format(count=state.back)
        )
    elif st.session_state.get(k["pick"]) and state.own:
        st.warning(
            _("You decided this work before. A new decision is added to the log; the earlier one stays in the history.")
        )
    elif queue == "maybe":
        st.info(_("Maybe queue: the latest decision on this work is maybe, so it still waits for one."))


def show_progress(review: Review, state: ScreenState, reviewer: str, slot=None) -> None:
    """Drawn into ``slot`` (made above the work) after the work itself, so the card appears first."""
    p = state.progress
    if p is None:  # recounted only when the store changed (a reason chosen reruns the panel, not the count)
        p = read_cached(review, progress, state.stage, chosen_round())
    mine = p.by_reviewer.get(reviewer, 0)
    (slot or st).progress(
        p.share,
        text=_(
            "Stage {stage}: {decided} of {eligible} works decided, {open} open, {maybe} maybe; you have decided {mine}"
        ).format(stage=p.stage, decided=p.decided, eligible=p.eligible, open=p.pending, maybe=p.maybe, mine=mine),
    )

"""Duplicates: the pairs deduplication was unsure about, side by side; merge, keep apart, and undo
either exactly (the core keeps what each change moved)."""

import importlib
from types import ModuleType

import streamlit as st

from review.app import common
from review.app.common import _
from review.ui.pairs import open_pairs, pair_table_html, recent_verdicts
from review.ui.text import md_escape

review = common.review_context()
reviewer = common.require_reviewer(review)
common.require_role(review, "dedup")

st.title(_("Possible duplicates"))
dedup: ModuleType | None
try:
    dedup = importlib.import_module("review.dedup")
except ImportError:
    dedup = None
    st.info(_("Deduplication (review.dedup) is not installed in this version: pairs can be looked at, not resolved."))

CONFLICT_KEY = "pair_merge_conflict"


def _said(raw_a: int, raw_b: int, verdict: str, change) -> str:
    text = (
        _("Records {a} and {b}: merged into one work")
        if verdict == "duplicate"
        else _("Records {a} and {b}: kept apart")
    ).format(a=raw_a, b=raw_b)
    told = _(change.describe())
    return text + (f"; {told}" if told else "") + "."


def _resolve(raw_a: int, raw_b: int, verdict: str, keep=None) -> None:
    st.session_state.pop(CONFLICT_KEY, None)

    def act():
        if dedup is None:  # the buttons that call this are disabled without it
            return None
        try:
            return dedup.decide_pair(review.store, raw_a, raw_b, verdict, reviewer, protocol=review.protocol, keep=keep)
        except dedup.MergeConflict as conflict:
            # Both works were screened, differently: show what each says and let the person pick.
            st.session_state[CONFLICT_KEY] = {
                "raw_a": raw_a,
                "raw_b": raw_b,
                "works": conflict.works,
                "differences": conflict.differences,
            }
            return None

    change = common.attempt(act)
    if change is not None:
        common.flash("success", _said(raw_a, raw_b, verdict, change))


def _undo_action(action_id: int, verdict: str) -> None:
    module = dedup
    if module is None:  # the button is not drawn without it
        return
    common.attempt(
        lambda: module.undo_action(review.store, action_id, reviewer, review.protocol),
        done=lambda change: (
            (_("Merge undone") if verdict == "duplicate" else _("Keep apart undone"))
            + (f": {_(change.describe())}" if change.describe() else "")
            + "; "
            + _("the pair waits in the queue again.")
        ),
    )


def _undo_merge(work_id: int) -> None:
    module = dedup
    if module is None:  # the form is not drawn without it
        return
    common.attempt(
        lambda: module.undo_merge(review.store, work_id, reviewer, review.protocol),
        done=lambda change: _("Latest merge into work #{work} undone: {change}.").format(
            work=work_id, change=_(change.describe())
        ),
    )


with review.store.read() as conn:
    pairs = open_pairs(conn)
    verdicts = recent_verdicts(conn)

conflict = st.session_state.get(CONFLICT_KEY)
if conflict:
    work_a, work_b = conflict["works"]
    st.warning(
        _(
            "Records {a} and {b} were not merged: works #{work_a} and #{work_b} were screened differently. "
            "Choose whose decisions stand (the other work's decisions stay in its history), or keep the "
            "records apart."
        ).format(a=conflict["raw_a"], b=conflict["raw_b"], work_a=work_a, work_b=work_b)
    )
    for line in conflict["differences"]:
        st.text(_(line))
    cols = st.columns(3)
    cols[0].button(
        _("Merge, keep #{work}'s decisions").format(work=work_a),
        key="conflict_keep_a",
        disabled=dedup is None,
        on_click=_resolve,
        args=(conflict["raw_a"], conflict["raw_b"], "duplicate", work_a),
    )
    cols[1].button(
        _("Merge, keep #{work}'s decisions").format(work=work_b),
        key="conflict_keep_b",
        disabled=dedup is None,
        on_click=_resolve,
        args=(conflict["raw_a"], conflict["raw_b"], "duplicate", work_b),
    )
    cols[2].button(
        _("Different works: keep apart"),
        key="conflict_apart",
        disabled=dedup is None,
        on_click=_resolve,
        args=(conflict["raw_a"], conflict["raw_b"], "distinct"),
    )


def _move(delta: int) -> None:
    st.session_state["pair_pos"] = st.session_state.get("pair_pos", 0) + delta


if not pairs:
    st.success(_("No uncertain pairs are waiting."))
else:
    # A list of the waiting pairs: skip one to decide later, go back, or jump to any.
    position = min(max(st.session_state.get("pair_pos", 0), 0), len(pairs) - 1)
    st.session_state["pair_pos"] = position
    labels = [
        _("{n}. records {a} and {b} · {score}").format(n=i + 1, a=p.raw_a, b=p.raw_b, score=f"{p.score:.2f}")
        for i, p in enumerate(pairs)
    ]
    nav = st.columns([4, 1, 1])
    nav[0].selectbox(
        _("Pair"),
        range(len(pairs)),
        index=position,
        format_func=lambda i: labels[i],
        key=f"pair_pick_{position}",
        on_change=lambda: st.session_state.update(pair_pos=st.session_state[f"pair_pick_{position}"]),
    )
    nav[1].button(
        _("Back"),
        key="pair_back",
        shortcut="B",
        disabled=position == 0,
        on_click=_move,
        args=(-1,),
        icon=":material/arrow_back:",
        width="stretch",
    )
    nav[2].button(
        _("Skip"),
        key="pair_skip",
        shortcut="S",
        disabled=position >= len(pairs) - 1,
        on_click=_move,
        args=(1,),
        icon=":material/arrow_forward:",
        width="stretch",
    )
    pair = pairs[position]
    st.caption(
        _(
            "Pair {n} of {count} waiting · similarity {score} · {reason}. Where each record came from is "
            "shown in grey and not marked."
        ).format(n=position + 1, count=len(pairs), score=f"{pair.score:.2f}", reason=md_escape(_(pair.reason)))
    )
    if pair.record_pairs > 1:
        st.caption(
            _(
                "The two works have {n} record pairs waiting; one answer covers them all, so the same question "
                "is not asked again."
            ).format(n=pair.record_pairs)
        )
    st.html(pair_table_html(pair, _))
    cols = st.columns(3)
    disabled = dedup is None
    cols[0].button(
        _("Same work: merge"),
        key="pair_merge",
        shortcut="D",
        type="primary",
        disabled=disabled,
        on_click=_resolve,
        args=(pair.raw_a, pair.raw_b, "duplicate"),
        width="stretch",
    )
    cols[1].button(
        _("Different works: keep apart"),
        key="pair_apart",
        shortcut="K",
        disabled=disabled,
        on_click=_resolve,
        args=(pair.raw_a, pair.raw_b, "distinct"),
        width="stretch",
    )
    st.caption(_("Keyboard: **D** duplicate (merge) · **K** keep apart · **S** skip · **B** back"))

st.subheader(_("Recent decisions on pairs"))
if not verdicts:
    st.caption(_("None yet."))
for v in verdicts[:10]:
    line, undo = st.columns([4, 1])
    state = " · " + _("undone") if v["undone_at"] else ""
    said = common.word(v["verdict"])
    line.text(
        _("Records {a} and {b}: {verdict} ({name}, {at})").format(
            a=v["raw_a"], b=v["raw_b"], verdict=said, name=v["reviewer"], at=v["decided_at"][:16]
        )
        + state
    )
    if v["action_id"] is not None and not v["undone_at"] and dedup is not None:
        label = _("Undo merge") if v["verdict"] == "duplicate" else _("Undo keep apart")
        undo.button(
            label,
            key=f"undo_{v['id']}",
            on_click=_undo_action,
            args=(v["action_id"], v["verdict"]),
            help=_("Put the works back exactly as they were before this decision"),
        )

if dedup is not None:
    with st.expander(_("Undo the latest merge into a work")):
        with st.form("split_form", border=False):
            target = st.number_input(_("Work number"), min_value=1, step=1, value=None, key="split_work")
            if st.form_submit_button(_("Undo merge")) and target:
                _undo_merge(int(target))
                st.rerun()

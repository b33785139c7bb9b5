"""Every work at a stage in one list: search by title or author, filter by decision, reviewer, maybe
or conflict, and open any work on its stage page to change the decision (no stepping back with U)."""

import streamlit as st

from review.app import common
from review.app.common import _
from review.app.decide_panel import keys
from screening.worklist import STATUSES, filtered, listed_works

STAGE_PAGES = {1: "views/screening.py", 2: "views/fulltext.py", 3: "views/final.py"}

review = common.review_context()
reviewer = common.require_reviewer(review)
protocol = review.protocol

st.title(_("Works by stage"))
stages = [s.number for s in protocol.stages if s.number in STAGE_PAGES]
stage = (
    st.segmented_control(
        _("Stage"), stages, default=stages[0], key="list_stage", format_func=lambda n: f"{n}: {protocol.stage(n).label}"
    )
    or stages[0]
)
cols = st.columns([3, 2, 2, 1, 1], vertical_alignment="bottom")
text = cols[0].text_input(_("Search title or author"), key="list_text", max_chars=200)
status = cols[1].selectbox(
    _("Decision"), STATUSES, index=None, key="list_status", placeholder=_("Any"), format_func=common.word
)
# Read once per state of the store (shared by every session, blinded per viewer); each filter or keystroke
# only filters it again.
everyone = common.read_cached(review, listed_works, protocol, stage, reviewer)
names = sorted({name for item in everyone for name in item.votes})
who = cols[2].selectbox(_("Reviewer"), names, index=None, key="list_reviewer", placeholder=_("Anyone"))
maybe = cols[3].checkbox(_("Maybe"), key="list_maybe")
conflict = cols[4].checkbox(_("Conflict"), key="list_conflict")

items = filtered(everyone, text=text, status=status, reviewer=who, maybe=maybe, conflict=conflict)
st.caption(
    _(
        "{count} of {total} works at stage {stage}. Votes by others show once both have voted (blinded screening)."
    ).format(count=len(items), total=len(everyone), stage=stage)
)
rows = [
    {
        "#": i.work_id,
        _("Title"): i.title,
        _("Authors"): i.authors,
        _("Year"): i.year,
        _("Decision"): common.word(i.status),
        _("Votes"): "; ".join(f"{r}: {common.word(d)}" for r, d in sorted(i.votes.items())),
        _("Conflict"): _("yes") if i.conflict else "",
    }
    for i in items
]
st.dataframe(rows, hide_index=True)


def _open(work_id: int) -> None:
    k = keys(stage)
    st.session_state[k["pick"]] = work_id
    st.session_state[k["back"]] = 0
    st.session_state.pop(k["form_for"], None)
    st.session_state["_open_page"] = STAGE_PAGES[stage]


# A drop-down of every work (20,000 in a large review) takes seconds to draw and is never scrolled: it
# offers the first works listed, and the search and filters above reach the others.
PICKABLE = 200
labels = {i.work_id: f"#{i.work_id} [{common.word(i.status)}] {i.title[:90]}" for i in items[:PICKABLE]}
if labels:
    pick_col, open_col = st.columns([4, 1], vertical_alignment="bottom")
    work_id = pick_col.selectbox(_("Work to open"), list(labels), key="list_pick", format_func=lambda i: labels[i])
    open_col.button(_("Open to decide"), key="list_open", type="primary", on_click=_open, args=(work_id,))
    if len(items) > PICKABLE:
        st.caption(
            _(
                "Work to open: the first {count} of the {total} works listed; search or filter to reach the others."
            ).format(count=PICKABLE, total=len(items))
        )
target = st.session_state.pop("_open_page", None)
if target:
    st.switch_page(target, query_params={})  # not None: that would refuse to clear the bound ?reviewer=

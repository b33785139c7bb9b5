"""Duplicates: the pairs deduplication was unsure about, side by side; merge, keep apart or undo."""

import streamlit as st

from review.app import common
from review.ui.text import md_escape
from review.ui.pairs import open_pairs, pair_table_html, recent_verdicts, work_size

review = common.review_context()
reviewer = common.require_reviewer(review)

st.title("Possible duplicates")
try:
    from review.dedup import resolve_pair, undo_merge
except ImportError:
    resolve_pair = undo_merge = None
    st.info("Deduplication (review.dedup) is not installed in this version: pairs can be looked at, not resolved.")


def _resolve(pair, verdict: str) -> None:
    common.attempt(lambda: resolve_pair(review.store, pair.raw_a, pair.raw_b, verdict, reviewer,
                                        protocol=review.protocol),
                   done=lambda _: f"Records {pair.raw_a} and {pair.raw_b}: "
                                  + ("merged into one work" if verdict == "duplicate" else "kept apart"))


def _undo(work_id: int) -> None:
    common.attempt(lambda: undo_merge(review.store, work_id, reviewer, review.protocol),
                   done=lambda created: f"Work #{work_id} split: its other records are works "
                                        + ", ".join(f"#{w}" for w in created))


with review.store.read() as conn:
    pairs = open_pairs(conn)
    verdicts = recent_verdicts(conn)
    sizes = {v["work_id"]: work_size(conn, v["work_id"]) for v in verdicts if v["work_id"] is not None}

def _move(delta: int) -> None:
    st.session_state["pair_pos"] = st.session_state.get("pair_pos", 0) + delta


if not pairs:
    st.success("No uncertain pairs are waiting.")
else:
    # A list of the waiting pairs: skip one to decide later, go back, or jump to any.
    position = min(max(st.session_state.get("pair_pos", 0), 0), len(pairs) - 1)
    st.session_state["pair_pos"] = position
    labels = [f"{i + 1}. records {p.raw_a} and {p.raw_b} · {p.score:.2f}" for i, p in enumerate(pairs)]
    nav = st.columns([4, 1, 1])
    nav[0].selectbox("Pair", range(len(pairs)), index=position, format_func=lambda i: labels[i],
                     key=f"pair_pick_{position}", on_change=lambda: st.session_state.update(
                         pair_pos=st.session_state[f"pair_pick_{position}"]))
    nav[1].button("Back", key="pair_back", shortcut="B", disabled=position == 0, on_click=_move, args=(-1,),
                  icon=":material/arrow_back:", width="stretch")
    nav[2].button("Skip", key="pair_skip", shortcut="S", disabled=position >= len(pairs) - 1, on_click=_move,
                  args=(1,), icon=":material/arrow_forward:", width="stretch")
    pair = pairs[position]
    st.caption(f"Pair {position + 1} of {len(pairs)} waiting · similarity {pair.score:.2f} · "
               f"{md_escape(pair.reason)}. Where each record came from is shown in grey and not marked.")
    st.html(pair_table_html(pair))
    cols = st.columns(3)
    disabled = resolve_pair is None
    cols[0].button("Same work: merge", key="pair_merge", shortcut="D", type="primary", disabled=disabled,
                   on_click=_resolve, args=(pair, "duplicate"), width="stretch")
    cols[1].button("Different works: keep apart", key="pair_apart", shortcut="K", disabled=disabled,
                   on_click=_resolve, args=(pair, "distinct"), width="stretch")
    st.caption("Keyboard: **D** duplicate (merge) · **K** keep apart · **S** skip · **B** back")

st.subheader("Recent decisions on pairs")
if not verdicts:
    st.caption("None yet.")
for v in verdicts[:10]:
    cols = st.columns([4, 1])
    cols[0].text(f"Records {v['raw_a']} and {v['raw_b']}: {v['verdict']} ({v['reviewer']}, {v['decided_at'][:16]})")
    if v["verdict"] == "duplicate" and undo_merge is not None and sizes.get(v["work_id"], 0) > 1:
        cols[1].button("Undo merge", key=f"undo_{v['id']}", on_click=_undo, args=(v["work_id"],),
                       help=f"Split work #{v['work_id']} back into one work per record")

if undo_merge is not None:
    with st.expander("Split a work back into its records"):
        with st.form("split_form", border=False):
            target = st.number_input("Work number", min_value=1, step=1, value=None, key="split_work")
            if st.form_submit_button("Split") and target:
                _undo(int(target))
                st.rerun()

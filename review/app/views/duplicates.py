"""Duplicates: the pairs deduplication was unsure about, side by side; merge, keep apart or undo."""

import streamlit as st

from review.app import common
from review.ui.text import md_escape
from review.ui.pairs import open_pairs, pair_table_html, recent_verdicts, work_size

review = common.review_context()
reviewer = common.require_reviewer(review)
common.require_role(review, "dedup")

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

if not pairs:
    st.success("No uncertain pairs are waiting.")
else:
    pair = pairs[0]
    st.caption(f"{len(pairs)} pair(s) waiting · similarity {pair.score:.2f} · {md_escape(pair.reason)}")
    st.html(pair_table_html(pair))
    cols = st.columns(3)
    disabled = resolve_pair is None
    cols[0].button("Same work: merge", key="pair_merge", shortcut="D", type="primary", disabled=disabled,
                   on_click=_resolve, args=(pair, "duplicate"), width="stretch")
    cols[1].button("Different works: keep apart", key="pair_apart", shortcut="K", disabled=disabled,
                   on_click=_resolve, args=(pair, "distinct"), width="stretch")
    st.caption("Keyboard: **D** duplicate (merge) · **K** keep apart")

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

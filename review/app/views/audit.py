"""The audit trail: who did what and when, newest first, with the CSV `review audit DIR --csv` writes."""

import tempfile
from pathlib import Path

import streamlit as st

from review.app import common
from review.auth.audit import ACTIONS, events
from review.reports.audit_log import events_table
from review.reports.tabular import write_csv

review = common.review_context()
common.require_name(review)
common.require_role(review, "audit")

st.title("Audit trail")
st.caption("Every sign-in (and failed attempt), import, duplicate decision, screening decision, reconciliation, "
           "summary, account change and full-log export. The table refuses changes and deletions.")
action = st.selectbox("Kind", [None, *ACTIONS], key="audit_action", format_func=lambda a: a or "all")
with review.store.read() as conn:
    rows = events(conn, action=action)
shown = list(reversed(rows))[:500]
st.dataframe([{"When": r["at"][:19], "Who": r["actor"], "Action": r["action"], "On": r["target"] or "",
               "OK": "yes" if r["ok"] else "refused", "Detail": r["detail"] or ""} for r in shown], hide_index=True)
st.caption(f"{len(rows)} event(s); the newest {len(shown)} shown.")


def _csv() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.csv"
        write_csv(events_table(rows), path)
        return path.read_bytes()


st.download_button("Download as CSV", _csv, file_name="audit.csv", mime="text/csv", key="audit_download",
                   on_click="ignore")

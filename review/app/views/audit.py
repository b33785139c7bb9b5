"""The audit trail: who did what and when, newest first, with the CSV `review audit DIR --csv` writes."""

import tempfile
from pathlib import Path

import streamlit as st

from review.app import common
from review.app.common import _
from review.auth.audit import ACTIONS, events
from review.reports.audit_log import events_table
from review.reports.tabular import write_csv

review = common.review_context()
common.require_name(review)
common.require_role(review, "audit")

st.title(_("Audit trail"))
st.caption(
    _(
        "Every sign-in (and failed attempt), import, duplicate decision, screening decision, reconciliation, "
        "summary, account change and full-log export. The table refuses changes and deletions. The kinds "
        "are shown as the CSV writes them."
    )
)
action = st.selectbox(_("Kind"), [None, *ACTIONS], key="audit_action", format_func=lambda a: a or _("all"))
with review.store.read() as conn:
    rows = events(conn, action=action)
shown = list(reversed(rows))[:500]
st.dataframe(
    [
        {
            _("When"): r["at"][:19],
            _("Who"): r["actor"],
            _("Action"): r["action"],
            _("On"): r["target"] or "",
            _("OK"): _("yes") if r["ok"] else _("refused"),
            _("Detail"): r["detail"] or "",
        }
        for r in shown
    ],
    hide_index=True,
)
st.caption(_("{count} event(s); the newest {shown} shown.").format(count=len(rows), shown=len(shown)))


def _csv() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.csv"
        write_csv(events_table(rows), path)
        return path.read_bytes()


st.download_button(
    _("Download as CSV"), _csv, file_name="audit.csv", mime="text/csv", key="audit_download", on_click="ignore"
)

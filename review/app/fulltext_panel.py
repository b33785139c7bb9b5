"""The full texts of a work (links and files uploaded at stage 2), listed wherever a work is read in full:
stage 2, where they are added, and stage 3, where the final decision is made on them."""

from __future__ import annotations

import streamlit as st

from review.app.common import Review, _
from review.ui.text import md_escape
from screening.attachments import attachment_path, attachments_for


def show_full_texts(review: Review, work_id: int, *, key: str) -> None:
    with review.store.read() as conn:
        files = attachments_for(conn, work_id)
    if not files:
        st.caption(_("No link or file yet."))
    for row in files:
        if row["kind"] == "url":
            st.link_button(
                md_escape(_("Open {link}").format(link=row["location"][:60])), row["location"]
            )  # labels are Markdown
            continue
        path = attachment_path(review.directory, row)
        if path is None:
            st.warning(_("The file {name} is missing from the review folder.").format(name=md_escape(row["location"])))
        else:  # read on click, not on every run
            st.download_button(
                _("Download {name}").format(name=path.name),
                path.read_bytes,
                file_name=path.name,
                key=f"{key}_att_{row['id']}",
                on_click="ignore",
            )

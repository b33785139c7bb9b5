"""The screening app's main script, run by `review app DIR` (or `streamlit run app.py -- --dir DIR`).

Only the frame lives here: which review is open, who is signed in, and the page list. Each page in
``review/app/views/`` calls core functions from review/ and screening/. The app ships inside the package
so that an installed wheel can serve it without a source checkout."""

import time
from pathlib import Path

STARTED = time.perf_counter()

PAGES_DIR = Path(__file__).resolve().parent / "views"  # not pages/, which Streamlit also scans on its own

import streamlit as st  # noqa: E402

from review.app import common  # noqa: E402
from review.app.gate import may  # noqa: E402
from review.errors import ReviewError  # noqa: E402
from review.messages import message_of  # noqa: E402
from review.ui.keyguard import KEY_GUARD  # noqa: E402
from review.ui.text import md_escape  # noqa: E402

# A local file, sent inline: a ":material/…:" page icon is fetched from a font service on every load.
ICON = Path(__file__).resolve().parent / "static" / "icon.png"
st.set_page_config(page_title="nordic-review", page_icon=str(ICON), layout="wide")

st.html(common.APP_CSS)
_ = common._
ctx = common.open_review()
common.sidebar(ctx)
common.show_flash()
st.html(KEY_GUARD, unsafe_allow_javascript=True)  # our own constant script: drops auto-repeated keys

# One flat list: Streamlit draws sections as <div>s inside the navigation's <ul>, which screen
# readers cannot read as a list (axe-core "list", serious). The titles carry the order themselves.
# (file, title, icon, the action a role needs to see the page); each page checks again itself.
PAGE_LIST = [
    ("overview.py", _("Overview"), ":material/dashboard:", "reports"),
    ("import_files.py", _("Import"), ":material/upload_file:", "import"),
    ("duplicates.py", _("Duplicates"), ":material/join:", "dedup"),
    ("screening.py", _("Stage 1: title/abstract"), ":material/checklist:", "screen"),
    ("fulltext.py", _("Stage 2: full text"), ":material/article:", "screen"),
    ("final.py", _("Stage 3: final review"), ":material/task_alt:", "screen"),
    ("works.py", _("Works by stage"), ":material/list:", "screen"),
    ("conflicts.py", _("Conflicts and agreement"), ":material/compare_arrows:", "screen"),
    ("reports.py", _("Reports"), ":material/summarize:", "reports"),
    ("accounts.py", _("Accounts"), ":material/group:", "accounts"),
    ("audit.py", _("Audit trail"), ":material/history:", "audit"),
]
PAGES = [
    st.Page(PAGES_DIR / file, title=title, icon=icon, default=file == "overview.py")
    for file, title, icon, action in PAGE_LIST
    if may(ctx.actor, action)
]

# The page list is drawn after the sign-in, not by Streamlit above it: the keyboard order is then
# language, name, pages, page (Tab after signing in reaches the pages, not the whole page first).
page = st.navigation(PAGES, position="hidden")
common.page_links(PAGES)
try:
    page.run()
except ReviewError as exc:  # page actions report their own; this catches what a page hits while drawing
    st.error(md_escape(_(message_of(exc))))
common.log_run_time("run", STARTED)  # with NORDIC_REVIEW_TIMING set

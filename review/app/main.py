"""The screening app's main script, run by `review app DIR` (or `streamlit run app.py -- --dir DIR`).

Only the frame lives here: which review is open, who is signed in, and the page list. Each page in
``review/app/views/`` calls core functions from review/ and screening/. The app ships inside the package
so that an installed wheel can serve it without a source checkout."""

import logging
import os
import time
from pathlib import Path

STARTED = time.perf_counter()

PAGES_DIR = Path(__file__).resolve().parent / "views"  # not pages/, which Streamlit also scans on its own

import streamlit as st  # noqa: E402

from review.app import common  # noqa: E402
from review.errors import ReviewError  # noqa: E402
from review.ui.keyguard import KEY_GUARD  # noqa: E402
from review.ui.text import md_escape  # noqa: E402

# A local file, sent inline: a ":material/…:" page icon is fetched from a font service on every load.
ICON = Path(__file__).resolve().parent / "static" / "icon.png"
st.set_page_config(page_title="nordic-review", page_icon=str(ICON), layout="wide")

st.html(common.APP_CSS)
_ = common._
ctx = common.open_review()
common.language_picker(ctx)
common.sidebar(ctx)
common.show_flash()
st.html(KEY_GUARD, unsafe_allow_javascript=True)  # our own constant script: drops auto-repeated keys

# One flat list: Streamlit draws sections as <div>s inside the navigation's <ul>, which screen
# readers cannot read as a list (axe-core "list", serious). The titles carry the order themselves.
PAGES = [
    st.Page(PAGES_DIR / "overview.py", title=_("Overview"), icon=":material/dashboard:", default=True),
    st.Page(PAGES_DIR / "import_files.py", title=_("Import"), icon=":material/upload_file:"),
    st.Page(PAGES_DIR / "duplicates.py", title=_("Duplicates"), icon=":material/join:"),
    st.Page(PAGES_DIR / "screening.py", title=_("Stage 1: title/abstract"), icon=":material/checklist:"),
    st.Page(PAGES_DIR / "fulltext.py", title=_("Stage 2: full text"), icon=":material/article:"),
    st.Page(PAGES_DIR / "final.py", title=_("Stage 3: final review"), icon=":material/task_alt:"),
    st.Page(PAGES_DIR / "works.py", title=_("Works by stage"), icon=":material/list:"),
    st.Page(PAGES_DIR / "conflicts.py", title=_("Conflicts and agreement"), icon=":material/compare_arrows:"),
    st.Page(PAGES_DIR / "reports.py", title=_("Reports"), icon=":material/summarize:"),
]

try:
    st.navigation(PAGES).run()
except ReviewError as exc:  # page actions report their own; this catches what a page hits while drawing
    st.error(md_escape(str(exc)))
if os.environ.get("NORDIC_REVIEW_TIMING"):  # server time per run, for benchmarks/next_work.py --browser
    logging.getLogger("nordic-review.timing").warning("run %.1f ms", (time.perf_counter() - STARTED) * 1000)

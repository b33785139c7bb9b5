"""The screening app: `streamlit run app.py -- --dir REVIEW_DIR` (or `review app DIR`).

Only the frame lives here: which review is open, who is signed in, and the page list. Each page in
app_pages/ calls core functions from review/ and screening/."""

import logging
import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from app_pages import common  # noqa: E402
from review.errors import ReviewError  # noqa: E402
from review.ui.text import md_escape  # noqa: E402

st.set_page_config(page_title="nordic-review", page_icon=":material/library_books:", layout="wide")

ctx = common.open_review()
common.sidebar(ctx)
common.show_flash()

PAGES = {
    "Review": [
        st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("app_pages/import_files.py", title="Import", icon=":material/upload_file:"),
        st.Page("app_pages/duplicates.py", title="Duplicates", icon=":material/join:"),
    ],
    "Screening": [
        st.Page("app_pages/screening.py", title="Stage 1: title/abstract", icon=":material/checklist:"),
        st.Page("app_pages/fulltext.py", title="Stage 2: full text", icon=":material/article:"),
        st.Page("app_pages/final.py", title="Stage 3: final review", icon=":material/task_alt:"),
        st.Page("app_pages/conflicts.py", title="Conflicts and agreement", icon=":material/compare_arrows:"),
    ],
    "Results": [
        st.Page("app_pages/reports.py", title="Reports", icon=":material/summarize:"),
    ],
}

try:
    st.navigation(PAGES).run()
except ReviewError as exc:  # page actions report their own; this catches what a page hits while drawing
    st.error(md_escape(str(exc)))
if os.environ.get("NORDIC_REVIEW_TIMING"):  # server time per run, for benchmarks/next_work.py --browser
    logging.getLogger("nordic-review.timing").warning("run %.1f ms", (time.perf_counter() - STARTED) * 1000)

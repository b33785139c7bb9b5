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
from review.app.gate import may  # noqa: E402
from review.errors import ReviewError  # noqa: E402
from review.ui.text import md_escape  # noqa: E402

# A local file, sent inline: a ":material/…:" page icon is fetched from a font service on every load.
ICON = Path(__file__).resolve().parent / "static" / "icon.png"
st.set_page_config(page_title="nordic-review", page_icon=str(ICON), layout="wide")

ctx = common.open_review()
common.sidebar(ctx)
common.show_flash()

# (section, file, title, icon, the action a role needs to see the page). Each page checks again itself.
PAGE_LIST = [
    ("Review", "overview.py", "Overview", ":material/dashboard:", "reports"),
    ("Review", "import_files.py", "Import", ":material/upload_file:", "import"),
    ("Review", "duplicates.py", "Duplicates", ":material/join:", "dedup"),
    ("Screening", "screening.py", "Stage 1: title/abstract", ":material/checklist:", "screen"),
    ("Screening", "fulltext.py", "Stage 2: full text", ":material/article:", "screen"),
    ("Screening", "final.py", "Stage 3: final review", ":material/task_alt:", "screen"),
    ("Screening", "conflicts.py", "Conflicts and agreement", ":material/compare_arrows:", "screen"),
    ("Results", "reports.py", "Reports", ":material/summarize:", "reports"),
    ("Team", "accounts.py", "Accounts", ":material/group:", "accounts"),
    ("Team", "audit.py", "Audit trail", ":material/history:", "audit"),
]
PAGES: dict[str, list] = {}
for section, file, title, icon, action in PAGE_LIST:
    if may(ctx.actor, action):
        PAGES.setdefault(section, []).append(
            st.Page(PAGES_DIR / file, title=title, icon=icon, default=file == "overview.py"))

try:
    st.navigation(PAGES).run()
except ReviewError as exc:  # page actions report their own; this catches what a page hits while drawing
    st.error(md_escape(str(exc)))
if os.environ.get("NORDIC_REVIEW_TIMING"):  # server time per run, for benchmarks/next_work.py --browser
    logging.getLogger("nordic-review.timing").warning("run %.1f ms", (time.perf_counter() - STARTED) * 1000)

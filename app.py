"""Start the screening app from a source checkout: `streamlit run app.py -- --dir REVIEW_DIR`.

The app itself ships inside the package (``review/app/main.py``), so that `review app DIR` works after any
install; this file only runs it, as the project's layout promises a top-level ``app.py``."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parent / "review" / "app" / "main.py"), run_name="__main__")

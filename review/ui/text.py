"""Plain text inside Streamlit's Markdown elements (st.error, st.success, captions): every ASCII
punctuation character is backslash-escaped, so a file name or a message quoting record text shows as
typed instead of turning into emphasis, links or colour directives."""

from __future__ import annotations

import re

_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text: str) -> str:
    return _MD_PUNCT.sub(r"\\\1", str(text))

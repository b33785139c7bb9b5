"""Import: upload export files from Oria, Google Scholar or Publish or Perish and see what was read."""

import datetime as dt

import streamlit as st

from review.app import common
from review.ingest import SearchInfo, import_files
from review.model import SOURCES
from review.ui.imports_view import import_rows, problem_rows, record_rows
from review.ui.text import md_escape
from review.ui.uploads import save_uploads
from screening.prepare import prepare_for_screening

review = common.review_context()
protocol = review.protocol
who = common.require_name(review)  # an import names who made it (audit trail)
common.require_role(review, "import")

st.title("Import search results")
st.caption("RIS or PNX from Oria/Primo, saved Google Scholar result pages, Publish or Perish CSV/BibTeX. "
           "Files are kept under exports/uploads/ in the review folder.")

families = {f.id: f for f in protocol.families}
with st.form("import_form", clear_on_submit=True):
    files = st.file_uploader("Export files", accept_multiple_files=True, key="import_files")
    cols = st.columns(3)
    source = cols[0].selectbox("Source", ("auto",) + SOURCES, key="import_source",
                               help="auto: recognised from the file")
    family = cols[1].selectbox("Query family", [None] + list(families), key="import_family",
                               format_func=lambda f: "(none)" if f is None else f"{f}: {families[f].label}")
    searched = cols[2].date_input("Searched on", value=None, key="import_searched", format="YYYY-MM-DD")
    query = st.text_input("Query as typed (empty: the family's query)", key="import_query")
    hits = st.number_input("Hits the source reported (optional)", min_value=0, value=None, step=1,
                           key="import_hits")
    submitted = st.form_submit_button("Import", type="primary")


def _import(uploaded, info):
    paths = save_uploads(review.directory, [(f.name, f.getvalue()) for f in uploaded])
    return import_files(review.store, protocol, paths, info, actor=who)


if submitted:
    if not files:
        st.warning("Choose at least one file to import.")
    else:
        info = SearchInfo(source=source, family=family, query=query.strip() or None,
                          searched=searched.isoformat() if isinstance(searched, dt.date) else None,
                          hits=int(hits) if hits is not None else None)
        summaries = common.attempt(lambda: _import(files, info))
        common.show_flash()
        if summaries:
            st.session_state["last_import"] = [s.describe() for s in summaries]
            for summary in summaries:
                if summary.already_imported is not None:
                    st.info(md_escape(summary.describe()))
                    continue
                st.success(md_escape(f"{summary.file_name}: {summary.records} records read as {summary.format}, "
                                     f"encoding {summary.encoding}"
                                     + (f", database {summary.database}" if summary.database else "")))
                if summary.repaired_mojibake:
                    st.caption(f"{summary.repaired_mojibake} double-encoded values were repaired.")
                if summary.problems:
                    with st.expander(md_escape(f"{len(summary.problems)} problem(s) in {summary.file_name}"),
                                     expanded=True):
                        st.warning("\n\n".join(md_escape(line) for line in summary.problem_lines()))

st.subheader("Ready for screening")
st.caption("Group new records into works (deduplication) and apply the protocol's automatic exclusions.")
if st.button("Deduplicate and apply protocol rules", key="prepare"):
    result = common.attempt(lambda: prepare_for_screening(review.store, protocol, actor=who))
    common.show_flash()
    if result:
        st.success(result)

st.subheader("Imports so far")
with review.store.read() as conn:
    rows = import_rows(conn)
if not rows:
    st.caption("Nothing imported yet.")
else:
    st.dataframe(rows, hide_index=True)
    labels = {r["#"]: f"#{r['#']} {r['File']} ({r['Records']} records, {r['Problems']} problems)" for r in rows}
    chosen = st.selectbox("Look at one import", list(labels), index=0, key="import_look", format_func=labels.get)
    with review.store.read() as conn:
        records, problems = record_rows(conn, chosen), problem_rows(conn, chosen)
    tab_records, tab_problems = st.tabs([f"Records read ({len(records)})", f"Problems ({len(problems)})"])
    tab_records.dataframe(records, hide_index=True)
    if problems:
        tab_problems.dataframe(problems, hide_index=True)
    else:
        tab_problems.caption("No problems.")

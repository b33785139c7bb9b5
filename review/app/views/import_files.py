"""Import: upload export files from Oria, Google Scholar or Publish or Perish and see what was read."""

import datetime as dt

import streamlit as st

from review.app import common
from review.ingest import SearchInfo, import_files
from review.rounds import search_round
from review.interfaces import INTERFACES, parse_settings
from review.model import SOURCES
from review.errors import ReviewError
from review.ui.imports_view import batch_refused, import_rows, outcome, problem_rows, record_rows
from review.ui.text import md_escape
from review.ui.uploads import import_uploads
from screening.flow import compute_flow
from screening.prepare import prepare_for_screening

review = common.review_context()
protocol = review.protocol
who = common.require_name(review)  # an import names who made it (audit trail)
common.require_role(review, "import")

st.title("Import search results")
st.caption("RIS or PNX from Oria/Primo, saved Google Scholar result pages, Publish or Perish CSV/BibTeX. "
           "Files are kept under exports/uploads/ in the review folder.")

families = {f.id: f for f in protocol.families}
with review.store.read() as conn:
    current = search_round(conn, protocol)
st.info(md_escape(f"Files go into {current.label} ({current.years[0]}–{current.years[1]}). "
                  + ("Deduplication compares them with everything screened in earlier rounds."
                     if current.is_update else "The lead opens a later round on the Overview page.")))
with st.form("import_form", clear_on_submit=False):  # a refused import keeps what was typed
    files = st.file_uploader("Export files", accept_multiple_files=True, key="import_files")
    cols = st.columns(3)
    source = cols[0].selectbox("Source", ("auto",) + SOURCES, key="import_source",
                               help="auto: recognised from the file")
    family = cols[1].selectbox("Query family", [None] + list(families), key="import_family",
                               format_func=lambda f: "(none)" if f is None else f"{f}: {families[f].label}")
    searched = cols[2].date_input("Searched on", value=None, key="import_searched", format="YYYY-MM-DD")
    query = st.text_area("Search string exactly as run (empty: recorded as 'not recorded')", key="import_query",
                         height=68)
    cols = st.columns(3)
    hits = cols[0].number_input("Hits the source reported", min_value=0, value=None, step=1, key="import_hits")
    interface = cols[1].selectbox("Interface", [None, *INTERFACES], key="import_interface",
                                  format_func=lambda i: "from the file" if i is None else INTERFACES[i].label)
    database = cols[2].text_input("Database (empty: from the interface)", key="import_database")
    filters = st.text_input("Filters and limits set in the interface (years, types, languages…)",
                            key="import_filters")
    settings_text = st.text_input(
        "Interface settings, KEY=VALUE separated by ';' (Oria: view, expanded, tab, scope; Google Scholar: "
        "citations, patents, language, sort, signed_in; Publish or Perish: version, source, max_results)",
        key="import_settings")
    run_by = st.text_input("Run by (empty: the signed-in reviewer)", key="import_run_by")
    submitted = st.form_submit_button("Import", type="primary")


def _import(uploaded, info):
    return import_uploads(review.directory, [(f.name, f.getvalue()) for f in uploaded],
                          lambda paths: import_files(review.store, protocol, paths, info, actor=who))


def _refusing(uploaded, info, refusal: list):
    try:
        return _import(uploaded, info)
    except ReviewError as exc:  # kept for a message that names every file of the upload
        refusal.append(exc)
        return None


def _refused(uploaded, exc: ReviewError) -> None:
    # One unreadable file refuses the whole upload; with several files, say that none was stored.
    if len(uploaded) > 1:
        common.flash("error", batch_refused([f.name for f in uploaded], str(exc)))
    else:
        common.flash("error", f"{exc}. The file was not stored; the form keeps your choices.")


if submitted:
    if not files:
        st.warning("Choose at least one file to import.")
    else:
        def _info():
            # The same description the CLI's options make; a bad setting is refused before anything is stored.
            return SearchInfo(source=source, family=family, query=query.strip() or None,
                              searched=searched.isoformat() if isinstance(searched, dt.date) else None,
                              hits=int(hits) if hits is not None else None, filters=filters.strip() or None,
                              database=database.strip() or None, interface=interface,
                              settings=parse_settings([p for p in settings_text.split(";") if p.strip()]),
                              run_by=run_by.strip() or review.reviewer)

        info = common.attempt(_info)
        refusal: list[ReviewError] = []
        summaries = common.attempt(lambda: _refusing(files, info, refusal)) if info is not None else None
        if refusal:
            _refused(files, refusal[0])
        common.show_flash()
        if summaries:
            st.session_state["last_import"] = [s.describe() for s in summaries]
            for summary in summaries:
                kind, text = outcome(summary)
                getattr(st, kind)(md_escape(text))
                if summary.problems:
                    with st.expander(md_escape(f"{len(summary.problems)} problem(s) in {summary.file_name}"),
                                     expanded=True):
                        st.warning("\n\n".join(md_escape(line) for line in summary.problem_lines()))

st.subheader("Ready for screening")
st.caption("Group new records into works (deduplication) and apply the protocol's automatic exclusions.")
if st.button("Deduplicate and apply protocol rules", key="prepare"):
    result = common.attempt(lambda: str(prepare_for_screening(review.store, protocol, actor=who)))
    common.show_flash()
    if result:
        st.success(result)
        if current.is_update:
            flow = compute_flow(review.store, protocol, current.id)
            st.info(md_escape(f"{current.label}: {flow.duplicates_of_earlier} record(s) were already screened in "
                              f"earlier rounds (their decisions stand), {flow.duplicates_within} were duplicates "
                              f"within the new searches, {flow.unique} new work(s) to screen."))

st.subheader("Imports so far")
with review.store.read() as conn:
    rows = import_rows(conn)
if not rows:
    st.caption("Nothing imported yet.")
else:
    st.dataframe(rows, hide_index=True)
    labels = {r["#"]: f"#{r['#']} {r['File']} ({r['Records']} records, {r['Problems']} problems)" for r in rows}
    chosen: int = st.selectbox("Look at one import", list(labels), index=0, key="import_look",
                               format_func=lambda i: labels[i])
    with review.store.read() as conn:
        records, problems = record_rows(conn, chosen), problem_rows(conn, chosen)
    tab_records, tab_problems = st.tabs([f"Records read ({len(records)})", f"Problems ({len(problems)})"])
    tab_records.dataframe(records, hide_index=True)
    if problems:
        tab_problems.dataframe(problems, hide_index=True)
    else:
        tab_problems.caption("No problems.")

"""Import: upload export files from Oria, Google Scholar or Publish or Perish and see what was read."""

import datetime as dt

import streamlit as st

from review.app import common
from review.app.common import _
from review.errors import ReviewError
from review.ingest import SearchInfo, import_files
from review.interfaces import INTERFACES, parse_settings
from review.messages import message_of
from review.model import SOURCES
from review.rounds import search_round
from review.ui.imports_view import batch_refused, import_rows, outcome, problem_rows, record_rows
from review.ui.text import md_escape
from review.ui.uploads import import_uploads
from screening.flow import compute_flow
from screening.prepare import prepare_for_screening

review = common.review_context()
protocol = review.protocol
who = common.require_name(review)  # an import names who made it (audit trail)
common.require_role(review, "import")

st.title(_("Import search results"))
st.caption(
    _(
        "RIS or PNX from Oria/Primo, saved Google Scholar result pages, Publish or Perish CSV/BibTeX. "
        "Files are kept under exports/uploads/ in the review folder."
    )
)

families = {f.id: f for f in protocol.families}
with review.store.read() as conn:
    current = search_round(conn, protocol)
st.info(
    md_escape(
        _("Files go into {round} ({first}–{last}).").format(
            round=current.label, first=current.years[0], last=current.years[1]
        )
        + " "
        + (
            _("Deduplication compares them with everything screened in earlier rounds.")
            if current.is_update
            else _("The lead opens a later round on the Overview page.")
        )
    )
)
with st.form("import_form", clear_on_submit=False):  # a refused import keeps what was typed
    files = st.file_uploader(_("Export files"), accept_multiple_files=True, key="import_files")
    cols = st.columns(3)
    source = cols[0].selectbox(
        _("Source"),
        ("auto",) + SOURCES,
        key="import_source",
        format_func=lambda s: _("auto") if s == "auto" else s,
        help=_("auto: recognised from the file"),
    )
    family = cols[1].selectbox(
        _("Query family"),
        [None] + list(families),
        key="import_family",
        format_func=lambda f: _("(none)") if f is None else f"{f}: {families[f].label}",
    )
    searched = cols[2].date_input(_("Searched on"), value=None, key="import_searched", format="YYYY-MM-DD")
    query = st.text_area(
        _("Search string exactly as run (empty: recorded as 'not recorded')"), key="import_query", height=68
    )
    cols = st.columns(3)
    hits = cols[0].number_input(_("Hits the source reported"), min_value=0, value=None, step=1, key="import_hits")
    interface = cols[1].selectbox(
        _("Interface"),
        [None, *INTERFACES],
        key="import_interface",
        format_func=lambda i: _("from the file") if i is None else INTERFACES[i].label,
    )
    database = cols[2].text_input(_("Database (empty: from the interface)"), key="import_database")
    filters = st.text_input(
        _("Filters and limits set in the interface (years, types, languages…)"), key="import_filters"
    )
    settings_text = st.text_input(
        _(
            "Interface settings, KEY=VALUE separated by ';' (Oria: view, expanded, tab, scope; Google Scholar: "
            "citations, patents, language, sort, signed_in; Publish or Perish: version, source, max_results)"
        ),
        key="import_settings",
    )
    run_by = st.text_input(_("Run by (empty: the signed-in reviewer)"), key="import_run_by")
    submitted = st.form_submit_button(_("Import"), type="primary")


def _import(uploaded, info):
    return import_uploads(
        review.directory,
        [(f.name, f.getvalue()) for f in uploaded],
        lambda paths: import_files(review.store, protocol, paths, info, actor=who),
    )


def _refusing(uploaded, info, refusal: list):
    try:
        return _import(uploaded, info)
    except ReviewError as exc:  # kept for a message that names every file of the upload
        refusal.append(exc)
        return None


def _refused(uploaded, exc: ReviewError) -> None:
    # One unreadable file refuses the whole upload; with several files, say that none was stored.
    if len(uploaded) > 1:
        common.flash("error", batch_refused([f.name for f in uploaded], _(message_of(exc)), _))
    else:
        common.flash("error", _(message_of(exc)) + ". " + _("The file was not stored; the form keeps your choices."))


if submitted:
    if not files:
        st.warning(_("Choose at least one file to import."))
    else:

        def _info():
            # The same description the CLI's options make; a bad setting is refused before anything is stored.
            return SearchInfo(
                source=source,
                family=family,
                query=query.strip() or None,
                searched=searched.isoformat() if isinstance(searched, dt.date) else None,
                hits=int(hits) if hits is not None else None,
                filters=filters.strip() or None,
                database=database.strip() or None,
                interface=interface,
                settings=parse_settings([p for p in settings_text.split(";") if p.strip()]),
                run_by=run_by.strip() or review.reviewer,
            )

        info = common.attempt(_info)
        refusal: list[ReviewError] = []
        summaries = common.attempt(lambda: _refusing(files, info, refusal)) if info is not None else None
        if refusal:
            _refused(files, refusal[0])
        common.show_flash()
        if summaries:
            st.session_state["last_import"] = [s.describe() for s in summaries]
            for summary in summaries:
                kind, text = outcome(summary, _)
                getattr(st, kind)(md_escape(text))
                if summary.problems:
                    with st.expander(
                        md_escape(
                            _("{count} problem(s) in {file}").format(
                                count=len(summary.problems), file=summary.file_name
                            )
                        ),
                        expanded=True,
                    ):
                        st.warning("\n\n".join(md_escape(_(line)) for line in summary.problem_lines()))

st.subheader(_("Ready for screening"))
st.caption(_("Group new records into works (deduplication) and apply the protocol's automatic exclusions."))
if st.button(_("Deduplicate and apply protocol rules"), key="prepare"):
    result = common.attempt(lambda: str(prepare_for_screening(review.store, protocol, actor=who)))
    common.show_flash()
    if result:
        st.success(md_escape(_(result)))
        if current.is_update:
            flow = compute_flow(review.store, protocol, current.id)
            st.info(
                md_escape(
                    _(
                        "{round}: {earlier} record(s) were already screened in earlier rounds (their "
                        "decisions stand), {within} were duplicates within the new searches, {unique} new "
                        "work(s) to screen."
                    ).format(
                        round=current.label,
                        earlier=flow.duplicates_of_earlier,
                        within=flow.duplicates_within,
                        unique=flow.unique,
                    )
                )
            )

st.subheader(_("Imports so far"))
with review.store.read() as conn:
    rows = import_rows(conn)
    shown_rows = import_rows(conn, _) if rows else []  # the same, under the reader's column names
if not rows:
    st.caption(_("Nothing imported yet."))
else:
    st.dataframe(shown_rows, hide_index=True)
    labels = {
        r["#"]: _("#{id} {file} ({records} records, {problems} problems)").format(
            id=r["#"], file=r["File"], records=r["Records"], problems=r["Problems"]
        )
        for r in rows
    }
    chosen: int = st.selectbox(
        _("Look at one import"), list(labels), index=0, key="import_look", format_func=lambda i: labels[i]
    )
    with review.store.read() as conn:
        records, problems = record_rows(conn, chosen, tr=_), problem_rows(conn, chosen, _)
    tab_records, tab_problems = st.tabs(
        [_("Records read ({count})").format(count=len(records)), _("Problems ({count})").format(count=len(problems))]
    )
    tab_records.dataframe(records, hide_index=True)
    if problems:
        tab_problems.dataframe(problems, hide_index=True)
    else:
        tab_problems.caption(_("No problems."))

"""The protocol at a glance, the review's rounds (the lead opens a new one here), progress per stage and
reviewer, and the flow so far: for the round chosen in the sidebar, or the whole review."""

import datetime as dt

import streamlit as st

from review.app import common
from review.app.common import _
from review.app.flow_view import show_flow
from review.protocol import clean_keywords, save_highlight_keywords
from review.ui.tables import family_rows, progress_rows, round_rows, stage_rows
from review.ui.text import md_escape
from review.update import update_review
from screening.flow import compute_flow_conn
from screening.queue import progress

review = common.review_context()
protocol = review.protocol
round_id = common.chosen_round()

st.title(protocol.title)
st.caption(
    md_escape(
        _("Years {first}–{last} · reviewers: {reviewers} · lead: {lead} · folder: {folder}").format(
            first=protocol.year_from,
            last=protocol.year_to,
            reviewers=", ".join(protocol.reviewers) or "-",
            lead=protocol.lead or "-",
            folder=review.directory,
        )
    )
)

# Read once per state of the store, shared by every session (a page switch with nothing new is quick).
rounds = common.read_cached(review, round_rows)
# The same rows under the reader's column names (round_rows names its columns with catalogue messages).
shown_rounds = [{_(column): value for column, value in row.items()} for row in rounds]
progresses = [common.read_cached(review, progress, s.number, round_id) for s in protocol.stages]
flow = common.read_cached(review, compute_flow_conn, protocol, round_id)
shown = next((r for r in rounds if r["#"] == round_id), None)
scope = f"{shown['Round']} ({shown['Years']})" if shown else _("the whole review")

st.subheader(_("Progress"))
st.caption(md_escape(_("Showing {scope}. Choose a round in the sidebar.").format(scope=scope)))
cols = st.columns(len(progresses))
for col, p in zip(cols, progresses, strict=True):
    col.metric(
        _("Stage {stage}: {label}").format(stage=p.stage, label=protocol.stage(p.stage).label),
        f"{p.decided} / {p.eligible}",
        help=_("{open} works not yet screened, {maybe} maybe (awaiting a decision)").format(
            open=p.pending, maybe=p.maybe
        ),
    )
    col.progress(p.share)
st.dataframe(progress_rows(progresses, _), hide_index=True)

st.subheader(_("Flow"))
show_flow(review, flow, round_id=round_id)

st.subheader(_("Rounds"))
st.caption(
    _(
        "Each round has its own years and searches. Deduplication compares a new round's records with "
        "everything screened before, so earlier decisions are kept and never asked for again."
    )
)
if rounds:
    st.dataframe(shown_rounds, hide_index=True)
else:
    st.caption(_("No round yet: the first import opens round 1 with the protocol's years."))


def _open_round() -> None:
    first, last = st.session_state.get("round_first"), st.session_state.get("round_last")
    label = st.session_state.get("round_label", "")
    if first is None or last is None or first > last:
        common.flash("error", _("Give the new round's first and last year (the first no later than the last)."))
        return
    report = common.attempt(
        lambda: update_review(
            review.store,
            protocol,
            (int(first), int(last)),
            label=label,
            review_dir=review.directory,
            actor=review.reviewer,
        )
    )
    if report is None:
        return
    if not report.opened:
        common.flash(
            "info",
            _("{round} ({first}–{last}) is already the current round; nothing changed.").format(
                round=report.label, first=first, last=last
            ),
        )
        return
    st.session_state["round_view"] = report.round_id  # show the new round at once
    st.session_state["round_label"] = ""
    common.flash(
        "success",
        _(
            "Opened {round} ({first}–{last}) as round {number}. Upload its exports on the Import "
            "page; searches of this round use {first}–{last}."
        ).format(round=report.label, first=first, last=last, number=report.round_id),
    )


with st.expander(_("Open a new round (update the review for new years)"), expanded=False):
    if not common.is_lead(review):
        st.info(
            md_escape(
                _("Only the review lead ({lead}) opens a round. Sign in as the lead in the sidebar.").format(
                    lead=protocol.lead or _("named in review.toml")
                )
            )
        )
    else:
        this_year = dt.date.today().year
        last_to = max((r["To"] for r in rounds), default=protocol.year_to)
        cols = st.columns([1, 1, 2])
        cols[0].number_input(
            _("First year"),
            min_value=1900,
            max_value=2100,
            value=min(last_to + 1, this_year),
            step=1,
            key="round_first",
        )
        cols[1].number_input(_("Last year"), min_value=1900, max_value=2100, value=this_year, step=1, key="round_last")
        cols[2].text_input(
            _("Label (optional)"), key="round_label", max_chars=100, placeholder=_("e.g. Update 2023–2025")
        )
        st.button(_("Open the round"), key="round_open", type="primary", on_click=_open_round)

st.subheader(_("Protocol"))
st.dataframe(stage_rows(protocol, _), hide_index=True)
st.dataframe(family_rows(protocol, _), hide_index=True)
if protocol.quality_criteria:
    rule = protocol.quality_rule
    st.caption(
        _(
            "Quality criteria for works that are not peer reviewed: {criteria}. Acceptable with at most "
            "{no} no, at most {unclear} unclear and at least {yes} yes."
        ).format(
            criteria=", ".join(c.label for c in protocol.quality_criteria),
            no=rule.max_no,
            unclear=rule.max_unclear,
            yes=rule.min_yes,
        )
    )


st.subheader(_("Highlighting keywords"))
st.caption(
    _(
        "Words of this review's own, highlighted on every screening card beside the search terms: "
        "green for words that suggest include, red for words that suggest exclude. One per line or "
        "separated by commas; * is any word ending (barnehage*). Kept in review.toml under [highlight]."
    )
)
may_edit = review.reviewer is not None and (not protocol.lead or review.reviewer == protocol.lead)


with st.form("keywords", border=False):
    include_col, exclude_col = st.columns(2)
    typed_include = include_col.text_area(
        _("Include keywords (green)"),
        value="\n".join(protocol.include_keywords),
        key="kw_include",
        disabled=not may_edit,
        height=110,
    )
    typed_exclude = exclude_col.text_area(
        _("Exclude keywords (red)"),
        value="\n".join(protocol.exclude_keywords),
        key="kw_exclude",
        disabled=not may_edit,
        height=110,
    )
    submitted = st.form_submit_button(_("Save keywords"), key="kw_save", disabled=not may_edit)
if submitted and may_edit:
    include, exclude = clean_keywords(typed_include), clean_keywords(typed_exclude)

    def save() -> bool:
        save_highlight_keywords(review.directory, include, exclude)
        return True

    saved = common.attempt(
        save,
        done=lambda _result: _("Keywords saved: {include} include, {exclude} exclude.").format(
            include=len(include), exclude=len(exclude)
        ),
    )
    if saved:
        st.rerun()  # the next run reads the protocol with its new keywords
if not may_edit:
    st.caption(
        _("Only the review lead ({lead}) changes the keywords.").format(lead=md_escape(protocol.lead))
        if protocol.lead
        else _("Sign in to change the keywords.")
    )

"""UI helpers without Streamlit: highlighting, cards, pair diffs, uploads, where the review is."""

import subprocess
import sys

import pytest

from review.errors import ReviewError
from review.ui.cards import safe_url, work_card_html
from review.ui.highlight import Term, TermMatcher, highlight_html, matched_terms, protocol_terms
from review.ui.location import ENV_DIR, parse_app_args, resolve
from review.ui.pairs import diff_html
from review.ui.uploads import UPLOAD_DIR, save_uploads

PAYLOADS = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">')


def matcher(*terms):
    return TermMatcher([Term(t, i % 2) for i, t in enumerate(terms)])


def test_truncated_terms_match_inflections_and_keep_original_case():
    m = matcher("karriereveiledning*", "flyktning*")
    out = highlight_html("Karriereveiledningen for flyktninger og Flyktning", m)
    assert out == (
        '<mark class="term g0">Karriereveiledningen</mark> for <mark class="term g1">flyktninger</mark>'
        ' og <mark class="term g1">Flyktning</mark>'
    )


def test_terms_match_across_diacritics():
    m = matcher("karriärvägledning*", "nyankom*")
    assert "<mark" in highlight_html("karriarvagledningen", m)
    assert highlight_html("KARRIÄRVÄGLEDNING", m).startswith('<mark class="term g0">KARRIÄRVÄGLEDNING</mark>')


@pytest.mark.parametrize(
    "term, text, marked",
    [
        ("flyktning*", "Tiltak for overføringsflyktninger i kommunen", "overføringsflyktninger"),
        ("innvandr*", "Norske arbeidsinnvandrere", "arbeidsinnvandrere"),
        ("ankom*", "Stöd till nyankomna kvinnor", "nyankomna"),
        ("karriereveiledning", "karriere-veiledning i skolen", "karriere-veiledning"),
        ("career guidance", "career-guidance services", "career-guidance"),
        ("flyktning*", "de ikke-flyktningene", "flyktningene"),
    ],
)
def test_a_term_matches_as_the_second_part_of_a_compound_and_across_hyphens(term, text, marked):
    # The whole compound is marked, so the reviewer sees the word the term sits in.
    assert f'<mark class="term g0">{marked}</mark>' in highlight_html(text, matcher(term))


def test_a_short_stem_only_matches_at_a_word_start():
    assert "<mark" not in highlight_html("Nybo og tilbud", matcher("bo*"))
    assert "<mark" in highlight_html("bosetting", matcher("bo*"))


def test_the_highlighter_and_the_cold_start_agree_on_what_matches():
    from screening.prioritise.cold_start import ProtocolTerms, protocol_scores

    texts = ["overføringsflyktninger", "arbeidsinnvandrere", "nyankomna", "karriere-veiledning", "nybo", "x"]
    for term in ("flyktning*", "innvandr*", "ankom*", "karriereveiledning", "bo*"):
        scored = protocol_scores(ProtocolTerms(families=(((term,),),)), texts)
        marked = [bool(matcher(term).spans(t)) for t in texts]
        assert marked == [s > 0 for s in scored], term


def test_review_keywords_are_green_and_red_and_the_legend_names_them(protocol):
    from dataclasses import replace

    from review.ui.highlight import legend_html, review_terms

    mine = replace(protocol, include_keywords=["arbeidspraksis"], exclude_keywords=["barnehage*", "refugee*"])
    m = TermMatcher(review_terms(mine))
    out = highlight_html("Arbeidspraksis for refugees, ikke barnehagebarn", m)
    assert '<mark class="term kw-include">Arbeidspraksis</mark>' in out
    assert '<mark class="term kw-exclude">refugees</mark>' in out  # an exclude keyword outranks a search term
    assert '<mark class="term kw-exclude">barnehagebarn</mark>' in out
    legend = legend_html(m.terms)
    assert "include keyword" in legend and "exclude keyword" in legend and "inside compound words" in legend


def test_untruncated_phrase_needs_the_whole_phrase():
    m = matcher("career guidance")
    assert highlight_html("Career  guidance works", m) == '<mark class="term g0">Career  guidance</mark> works'
    assert "<mark" not in highlight_html("career counselling", m)
    assert "<mark" not in highlight_html("careers guidanceship", m)  # inflection endings, never a new word


def test_highlighting_escapes_markup_and_is_not_fooled_by_entities():
    m = matcher("amp*", "flyktning*")
    out = highlight_html(PAYLOADS[0] + " & flyktning " + PAYLOADS[1], m)
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out
    assert "&amp;" in out and '<mark class="term g1">flyktning</mark>' in out


def test_protocol_terms_cover_every_family(protocol):
    terms = {t.text for t in protocol_terms(protocol)}
    assert {"karriereveiledning*", "karriärvägledning*", "career guidance", "refugee*"} <= terms
    m = TermMatcher(protocol_terms(protocol))
    assert matched_terms(["Karriärvägledning för nyanlända"], m) == ["karriärvägledning*", "nyanländ*"]


def test_work_card_escapes_every_field_and_drops_unsafe_links():
    view = {
        "id": 7,
        "title": PAYLOADS[0],
        "authors": [[PAYLOADS[1], "Kari"]],
        "year": 2020,
        "venue": "<b>Venue</b>",
        "abstract": "Snippet " + PAYLOADS[1],
        "abstract_is_snippet": True,
        "url": "javascript:alert(1)",
        "doi": '10.1/x"><script>',
        "families": ["no"],
        "sources": ["scholar"],
        "records": [{}],
        "doc_type": "report",
    }
    out = work_card_html(view, matcher("snippet*"))
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "javascript:" not in out
    assert "Google Scholar snippet" in out and 'data-work="7"' in out
    assert safe_url("https://oria.no/x") == "https://oria.no/x" and safe_url("data:text/html,x") is None


def test_pair_diff_marks_only_the_differing_words():
    left, right = diff_html("Karriereveiledning for flyktninger", "Karriereveiledning av flyktninger <b>")
    assert left == 'Karriereveiledning <mark class="diff">for</mark> flyktninger'
    assert right == ('Karriereveiledning <mark class="diff">av</mark> flyktninger<mark class="diff"> &lt;b&gt;</mark>')


def test_uploads_are_kept_once_and_never_overwritten(tmp_path):
    first = save_uploads(tmp_path, [("../../evil name.ris", b"one")])[0]
    assert first.parent == tmp_path / UPLOAD_DIR and first.name == "evil_name.ris"
    again = save_uploads(tmp_path, [("evil name.ris", b"one")])[0]
    other = save_uploads(tmp_path, [("evil name.ris", b"two")])[0]
    assert again == first and other.name == "evil_name-2.ris"
    assert first.read_bytes() == b"one" and other.read_bytes() == b"two"
    with pytest.raises(ReviewError, match="empty"):
        save_uploads(tmp_path, [("x.ris", b"")])


def test_review_directory_from_argument_then_environment(review_dir, tmp_path):
    assert parse_app_args(["--dir", "x", "--other", "1"]).name == "x"
    assert resolve(["--dir", str(review_dir)], {}).origin == "argument"
    assert resolve([], {ENV_DIR: str(review_dir)}).directory == review_dir
    with pytest.raises(ReviewError, match="not a review directory"):
        resolve(["--dir", str(tmp_path / "missing")], {})


@pytest.mark.slow
def test_core_helpers_do_not_load_streamlit():
    code = (
        "import sys, review.ui.cards, review.ui.location, review.ui.pairs, review.ui.tables, "
        "review.ui.report_views, review.ui.uploads, screening.screen_view, screening.undo, "
        "screening.team, screening.attachments; print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_bundled_working_copy_is_built_once_in_the_cache(tmp_path, monkeypatch):
    pytest.importorskip("review.dedup", reason="deduplication not installed in this version")
    from review.ui.location import BUNDLED_COPY, ENV_CACHE

    monkeypatch.setenv(ENV_CACHE, str(tmp_path))
    first = resolve([], {})
    assert first.origin == "bundled" and first.created and first.directory == tmp_path / BUNDLED_COPY
    assert (first.directory / "review.sqlite").is_file()
    again = resolve([], {})
    assert again.directory == first.directory and not again.created
    assert [p.name for p in tmp_path.iterdir()] == [BUNDLED_COPY]  # no scratch folder left behind


@pytest.mark.slow
def test_bundled_copy_without_dedup_is_a_clear_error(tmp_path, monkeypatch):
    import builtins
    import sys

    from review.ui.location import ENV_CACHE

    real_import = builtins.__import__

    def no_dedup(name, *args, **kwargs):
        if name.startswith("review.dedup"):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setenv(ENV_CACHE, str(tmp_path))
    # A fresh process would import the pipeline, and through it the dedup package, for the first time.
    monkeypatch.delitem(sys.modules, "review.pipeline", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_dedup)
    with pytest.raises(ReviewError, match="cannot be built"):
        resolve([], {})
    assert list(tmp_path.iterdir()) == []


def test_md_escape_leaves_no_markdown_syntax():
    from review.ui.text import md_escape

    raw = "*x* _y_ [l](javascript:alert(1)) :red[z] $a$ <b> `c` ~~d~~"
    escaped = md_escape(raw)
    assert escaped.replace("\\", "") == raw
    assert all(escaped[i - 1] == "\\" for i, ch in enumerate(escaped) if ch in "*_[]():$<>`~" and i)


def test_review_app_command_runs_streamlit_on_the_directory(review_dir, tmp_path):
    from review.cli import build_parser
    from review.commands.app import command

    args = build_parser().parse_args(["app", str(review_dir), "--port", "8601", "--headless"])
    cmd = command(args)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith(("app.py", "main.py"))
    assert cmd[cmd.index("--server.port") + 1] == "8601" and "--server.headless" in cmd
    assert cmd[-3:] == ["--", "--dir", str(review_dir.resolve())]
    assert "--" not in command(build_parser().parse_args(["app"]))  # no directory: the bundled copy
    with pytest.raises(ReviewError, match="not a review directory"):
        command(build_parser().parse_args(["app", str(tmp_path)]))

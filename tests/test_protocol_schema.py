"""Malformed protocols: each is refused by `review status` with one `Error:` line naming the file and
the key, and nothing is stored. Written for this project; every case starts from `review init`."""

import re
import shutil
from pathlib import Path

import pytest

from review.bundled import write_starter_protocol
from review.cli import main
from review.errors import ProtocolError
from review.protocol import load_protocol
from tests.conftest import REPO

R, NO = "review.toml", "queries/no.toml"

# (id, file, (old, new) replacement or text appended, the key the message must name, a word it must say)
CASES = [
    (
        "reasons-a-string",
        R,
        ('reasons = [\n  "Ikke relevant', 'reasons = "Ikke relevant"\nx = [\n  "Ikke relevant'),
        None,
        None,
    ),  # replaced below by a cleaner edit
    ("reason-required-no", R, ("reason_required = true", 'reason_required = "no"'), "reason_required", "true or false"),
    ("reason-required-1", R, ("reason_required = true", "reason_required = 1"), "reason_required", "true or false"),
    (
        "misspelt-reason-required",
        R,
        ("reason_required = true", "reason_requird = true"),
        "reason_requird",
        "did you mean 'reason_required'",
    ),
    ("misspelt-top-key", R, ("report_language", "report_langauge"), "report_langauge", "did you mean"),
    ("unknown-section", R, None, "screening", "unknown key"),
    ("mode-triple", R, ('mode = "single"', 'mode = "triple"'), "mode", "'single' or 'dual'"),
    ("mode-a-number", R, ('mode = "single"', "mode = 2"), "mode", "'single' or 'dual'"),
    ("stage-number-4", R, ("number = 3", "number = 4"), "number", "1, 2 or 3"),
    ("stage-number-text", R, ("number = 3", 'number = "3"'), "number", "1, 2 or 3"),
    ("stage-missing", R, ("number = 3", "number = 2"), "stages", "1, 2 and 3"),
    ("stage-no-name", R, ('name = "Final review"\n', ""), "name", "missing key"),
    ("criteria-a-string", R, ('criteria = ["Bidrar', 'criteria = "Bidrar'), None, None),
    ("reason-a-number", R, ('"Svakt empirisk grunnlag",', "42,"), "reasons", "text in quotes"),
    ("reason-empty", R, ('"Svakt empirisk grunnlag",', '"",'), "reasons", "at least 1 character"),
    ("years-one", R, ("years = [2016, 2022]", "years = [2016]"), "years", "2 items"),
    ("years-text", R, ("years = [2016, 2022]", 'years = "2016-2022"'), "years", "a list"),
    ("years-reversed", R, ("years = [2016, 2022]", "years = [2022, 2016]"), "years", "first <= last"),
    ("years-floats", R, ("years = [2016, 2022]", "years = [2016.0, 2022.0]"), "years", "whole number"),
    ("title-missing", R, ("title = ", "titel = "), "title", "missing key"),
    ("title-number", R, (re.compile(r'(?m)^title = ".*"$'), "title = 7"), "title", "text in quotes"),
    ("language-xx", R, ('report_language = "no"', 'report_language = "nb"'), "report_language", "'no' or 'en'"),
    (
        "team-reviewers-string",
        R,
        ('reviewers = ["Anna", "Bjørn"]', 'reviewers = "Anna, Bjørn"'),
        "team.reviewers",
        "a list",
    ),
    ("team-lead-list", R, ('lead = "Anna"', 'lead = ["Anna"]'), "team.lead", "text in quotes"),
    ("team-misspelt", R, ('lead = "Anna"', 'leader = "Anna"'), "team.leader", "did you mean 'lead'"),
    (
        "family-order-string",
        R,
        ('family_order = ["no", "sv", "da", "en"]', 'family_order = "no,sv"'),
        "counting.family_order",
        "a list",
    ),
    (
        "family-order-unknown",
        R,
        ('family_order = ["no", "sv", "da", "en"]', 'family_order = ["no", "fi"]'),
        "family_order",
        "unknown families",
    ),
    (
        "dedup-yes",
        R,
        ("join_review_versions = true", 'join_review_versions = "yes"'),
        "dedup.join_review_versions",
        "true or false",
    ),
    (
        "auto-exclusion-unknown-rule",
        R,
        ('thesis = "Studentoppgave"', 'theses = "Studentoppgave"'),
        "auto_exclusions.theses",
        "did you mean 'thesis'",
    ),
    (
        "auto-exclusion-bool",
        R,
        ('thesis = "Studentoppgave"', "thesis = true"),
        "auto_exclusions.thesis",
        "text in quotes",
    ),
    ("quality-rule-text", R, ("max_no = 0", 'max_no = "0"'), "quality.rule.max_no", "whole number"),
    ("quality-rule-negative", R, ("max_no = 0", "max_no = -1"), "quality.rule.max_no", "greater than or equal"),
    ("quality-rule-misspelt", R, ("min_yes = 3", "minyes = 3"), "quality.rule.minyes", "did you mean 'min_yes'"),
    (
        "quality-criterion-no-id",
        R,
        ('{ id = "validity", label = "Validitet" }', '{ label = "Validitet" }'),
        "quality.criteria[1].id",
        "missing key",
    ),
    ("quality-criterion-twice", R, ('{ id = "reliability"', '{ id = "validity"'), "quality.criteria", "unique"),
    ("appendix-groups-string", R, ('groups = ["Norske rapporter"', 'groups = "Norske rapporter"\nx = ["'), None, None),
    (
        "search-oria-unknown",
        R,
        ('vid = "47BIBSYS_NETWORK:Oria"', 'vidd = "47BIBSYS_NETWORK:Oria"'),
        "search.oria",
        "unknown keys ['vidd']",
    ),
    ("search-oria-timeout-text", R, ("min_interval = 1.0", 'min_interval = "1"'), "min_interval", "float"),
    ("search-unknown-engine", R, None, "search.pubmed", "unknown key"),
    ("not-toml", R, ("years = [2016, 2022]", "years = [2016, 2022"), "review.toml", "not valid TOML"),
    ("not-utf8", R, "latin-1", "review.toml", "not valid TOML"),
    # queries/no.toml
    (
        "terms-a-string",
        NO,
        ('terms = ["karriereveiledning*"]', 'terms = "karriereveiledning*"'),
        "groups[name='veiledning'].terms",
        "a list",
    ),
    ("terms-empty", NO, ('terms = ["karriereveiledning*"]', "terms = []"), "terms", "at least 1 item"),
    ("groups-misspelt", NO, ("[[groups]]", "[[grupper]]"), "grupper", "did you mean 'groups'"),
    ("family-id-number", NO, ('id = "no"', "id = 1"), "id", "text in quotes"),
    ("family-id-missing", NO, ('id = "no"\n', ""), "id", "missing key"),
    ("family-language-missing", NO, ('language = "no"\n', ""), "language", "missing key"),
    ("family-order-text", NO, ("order = 1", 'order = "1"'), "order", "whole number"),
    ("sources-string", NO, ('sources = ["oria", "scholar"]', 'sources = "oria"'), "sources", "a list"),
    (
        "sources-unknown",
        NO,
        ('sources = ["oria", "scholar"]', 'sources = ["oria", "pubmed"]'),
        "sources",
        "'oria', 'scholar' or 'other'",
    ),
    (
        "peer-reviewed-text",
        NO,
        ('exclude_doc_types = ["thesis"]', 'peer_reviewed_only = "no"'),
        "filters.peer_reviewed_only",
        "true or false",
    ),
    (
        "doc-type-unknown",
        NO,
        ('exclude_doc_types = ["thesis"]', 'exclude_doc_types = ["theses"]'),
        "filters.exclude_doc_types",
        "'thesis'",
    ),
    (
        "filters-misspelt",
        NO,
        ('exclude_doc_types = ["thesis"]', 'exclude_doctypes = ["thesis"]'),
        "filters.exclude_doctypes",
        "did you mean 'exclude_doc_types'",
    ),
    ("filters-years-text", NO, ('exclude_doc_types = ["thesis"]', 'years = "2016"'), "filters.years", "a list"),
    (
        "scholar-forms-string",
        NO,
        ('"nyankom*" = ["nyankomne", "nyankommen"]', '"nyankom*" = "nyankomne"'),
        "scholar.forms.nyankom*",
        "a list",
    ),
    ("scholar-forms-stray", NO, ('"nyankom*" = [', '"nyankomst*" = ['), "scholar", "no group has"),
    ("family-unknown-key", NO, ("order = 1", 'order = 1\nquery = "x"'), "query", "unknown key"),
]
# Three edits are clearer written whole than as one replacement.
FIXED = {
    "reasons-a-string": (
        R,
        (
            'reasons = [\n  "Ikke relevant ved gjennomlesning",\n  "Utilstrekkelig kvalitet",\n'
            '  "Fulltekst ikke tilgjengelig",\n  "Ikke fagfellevurdert",\n]',
            'reasons = "Ikke relevant ved gjennomlesning"',
        ),
        "stages[number=2].reasons",
        "a list",
    ),
    "criteria-a-string": (
        R,
        (
            'criteria = ["Bidrar med kunnskap til rapportens problemstillinger"]',
            'criteria = "Bidrar med kunnskap til rapportens problemstillinger"',
        ),
        "stages[number=3].criteria",
        "a list",
    ),
    "appendix-groups-string": (
        R,
        (
            'groups = ["Norske rapporter", "Svenske og danske rapporter", "Fagfellevurderte artikler"]',
            'groups = "Norske rapporter"',
        ),
        "appendix.groups",
        "a list",
    ),
}
APPENDED = {
    "unknown-section": '\n[screening]\norder = "ranked"\n',
    "search-unknown-engine": '\n[search.pubmed]\napi_key_env = "NCBI"\n',
}


def _case(case):
    name, target, edit, key, word = case
    if name in FIXED:
        target, edit, key, word = FIXED[name]
    return name, target, edit, key, word


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_malformed_protocol_is_one_error_line_naming_file_and_key(tmp_path, capsys, case):
    name, target, edit, key, word = _case(case)
    review_dir = tmp_path / "rev"
    write_starter_protocol(review_dir)
    path = review_dir / target
    text = path.read_text(encoding="utf-8")
    if name in APPENDED:
        path.write_text(text + APPENDED[name], encoding="utf-8")
    elif edit == "latin-1":
        path.write_bytes(text.replace('"Anna"', '"Åse"').encode("latin-1", errors="replace"))
    else:
        old, new = edit
        changed = old.sub(new, text, count=1) if isinstance(old, re.Pattern) else text.replace(old, new, 1)
        assert changed != text, f"case {name}: the edit did not apply"
        path.write_text(changed, encoding="utf-8")
    assert main(["status", str(review_dir)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert str(path) in err, err
    assert key in err, err
    assert word in err, err
    assert not (review_dir / "review.sqlite").exists()  # refused before the store was opened


def test_there_are_about_forty_cases():
    assert len(CASES) >= 40


def test_a_reasons_string_never_becomes_single_letters(tmp_path):
    review_dir = tmp_path / "rev"
    write_starter_protocol(review_dir)
    path = review_dir / "review.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'reasons = [\n  "For perifert for problemstillingene",\n  "Overlapper med inkludert publikasjon",\n'
            '  "Svakt empirisk grunnlag",\n]',
            'reasons = "For perifert"',
        ),
        encoding="utf-8",
    )
    with pytest.raises(ProtocolError, match=r"stages\[number=3\]\.reasons must be a list"):
        load_protocol(review_dir)


@pytest.mark.parametrize("directory", ["bundled", "init", "reports-fixture", "search-fixture"])
def test_every_valid_protocol_stays_valid(tmp_path, directory):
    if directory == "bundled":
        target = REPO
    elif directory == "init":
        target = tmp_path / "rev"
        write_starter_protocol(target)
    elif directory == "reports-fixture":
        import sys

        sys.path.insert(0, str(REPO / "tests" / "reports"))
        from reports_testdata import write_protocol

        target = tmp_path / "rep"
        write_protocol(target)
    else:
        import tomli_w
        import tomllib

        target = tmp_path / "search"
        target.mkdir()
        shutil.copytree(REPO / "queries", target / "queries")
        data = tomllib.loads((REPO / "review.toml").read_text(encoding="utf-8"))
        data["search"]["oria"].update(min_interval=0.0, backoff_base=0.01, timeout=3, api_key_in="query")
        (target / "review.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    protocol = load_protocol(target)
    assert [s.number for s in protocol.stages] == [1, 2, 3]
    assert all(isinstance(r, str) and len(r) > 1 for s in protocol.stages for r in s.reasons)
    assert all(len(t) > 1 for f in protocol.families for g in f.groups for t in g.terms)


def test_minimal_protocol_defaults(tmp_path):
    (tmp_path / "review.toml").write_text(
        'title = "Minimal"\nyears = [2020, 2021]\n'
        + "".join(f'[[stages]]\nnumber = {n}\nname = "S{n}"\n' for n in (1, 2, 3)),
        encoding="utf-8",
    )
    protocol = load_protocol(tmp_path)
    assert protocol.stages[0].reason_required is False and protocol.stages[0].mode == "single"
    assert protocol.families == [] and protocol.quality_rule.min_yes == 3
    assert Path(tmp_path / "review.toml").is_file()

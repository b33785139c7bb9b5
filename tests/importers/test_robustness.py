"""No reader may raise anything but InputError, whatever the bytes (a few hundred cases per reader).

Inputs are random bytes and fixtures with random slices cut out or random bytes spliced in; the
larger fuzz suite is a separate issue.
"""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.errors import InputError
from review.importers import read_file
from review.model import DOC_TYPES, SOURCES

FIXTURES = Path(__file__).parent.parent / "fixtures"
READER_SUFFIXES = {
    ".ris": "ris_oria.ris",
    ".bib": "bibtex_scholar_cite.bib",
    ".csv": "pop_26col.csv",
    ".json": "pnx_response.json",
    ".html": "scholar_results.html",
    ".xml": "endnote_library.xml",
    ".txt": "ris_bad_records.ris",
}


def _mutate(seed: bytes, data) -> bytes:
    start = data.draw(st.integers(0, len(seed)))
    end = data.draw(st.integers(start, min(len(seed), start + 200)))
    insert = data.draw(
        st.one_of(
            st.binary(max_size=40),
            st.sampled_from(
                [
                    b"{",
                    b"}",
                    b"\n",
                    b"\r",
                    b"@",
                    b"TY  - ",
                    b"ER  - ",
                    b'"',
                    b"<",
                    b"$$Q",
                    b"\\",
                    b"\x00",
                    b"\xff",
                    b"\xc3",
                    b",",
                ]
            ),
        )
    )
    return seed[:start] + insert + seed[end:]


def _check(path: Path) -> None:
    try:
        result = read_file(path)
    except InputError:
        return
    for record in result.records:
        assert (
            (record.title or record.doi or record.abstract)
            and record.source in SOURCES
            and record.doc_type in DOC_TYPES
        )
        assert record.position >= 1


@pytest.mark.slow
@pytest.mark.parametrize("suffix", sorted(READER_SUFFIXES))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_fixtures_raise_only_input_errors(tmp_path, suffix, data):
    seed = (FIXTURES / READER_SUFFIXES[suffix]).read_bytes()
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(_mutate(seed, data) if data.draw(st.booleans()) else data.draw(st.binary(max_size=300)))
    _check(path)

"""Golden tests: one small export per database, in that database's own format, and what it must give.

The files under tests/fixtures/databases/ are written for these tests (made-up records; see the
README there); each expected result under tests/golden/importers/ was checked by hand against its
file: every record whole (title, authors, year, DOI, venue, abstract), the database named, and
every repair or guess listed as a problem line. REVIEW_UPDATE_GOLDEN=1 rewrites them after a
deliberate change, which must then be read again before it is committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.importers import read_file
from review.model import ImportResult
from tests.golden_files import GOLDEN_ROOT, check_golden_file

DATABASES = Path(__file__).parent.parent / "fixtures" / "databases"
FILES = sorted(path.name for path in DATABASES.iterdir() if path.suffix != ".md")


def summary(result: ImportResult) -> dict:
    """What a golden file pins down: the file-level facts and, per record, the fields a reviewer sees."""
    return {
        "format": result.format,
        "encoding": result.encoding,
        "source": result.source,
        "database": result.database,
        "problems": [str(problem) + ("" if problem.fatal else " [kept]") for problem in result.problems],
        "records": [
            {
                "position": r.position,
                "line": r.line,
                "title": r.title,
                "authors": [author.display() for author in r.authors],
                "authors_truncated": r.authors_truncated,
                "year": r.year,
                "doi": r.doi,
                "venue": r.venue,
                "abstract": r.abstract,
                "abstract_is_snippet": r.abstract_is_snippet,
                "source_id": r.source_id,
                "doc_type": r.doc_type,
                "volume": r.volume,
                "issue": r.issue,
                "pages": r.pages,
                "language": r.language,
            }
            for r in result.records
        ],
    }


@pytest.mark.parametrize("name", FILES)
def test_each_database_export_imports_whole(name):
    result = read_file(DATABASES / name)
    text = json.dumps(summary(result), ensure_ascii=False, indent=1) + "\n"
    check_golden_file(GOLDEN_ROOT / "importers" / f"{name}.json", text)


def test_every_fixture_has_records_with_title_or_doi():
    for name in FILES:
        result = read_file(DATABASES / name)
        assert result.records, name
        assert all(r.title or r.doi for r in result.records), name

"""RIS reader: Oria/Primo tags, rispy's silent losses, encodings and per-record problems."""

import rispy

from review.importers import read_file
from review.model import Author


def test_oria_ris_normalised_fields(fixture):
    result = read_file(fixture("ris_oria.ris"))
    assert result.format == "ris" and result.source == "oria" and result.problems == []
    first, second, third = result.records
    assert first.title == "Karriereveiledning for nyankomne flyktninger i introduksjonsprogrammet"
    assert first.authors == [Author("Nordmann", "Kari"), Author("Hansen", "Ola")]
    assert first.venue == "Tidsskrift for eksempelforskning"
    assert first.issns == ["0000-0019", "1234-5679"] and first.isbns == ["9788202123456"]
    assert first.doi == "10.9999/example.2021.02"
    assert first.year == 2021 and first.volume == "5" and first.issue == "2" and first.pages == "101-120"
    assert first.abstract == "Fiktivt sammendrag som fortsetter på neste linje."
    assert first.language == "no" and first.doc_type == "article" and first.source_id == "cdi_example_0001"
    assert first.keywords == ["karriereveiledning", "flyktninger"]
    assert first.peer_reviewed is None and first.family is None and first.query is None
    assert first.fields["SN"] == ["0000-0019 978-82-02-12345-6; 1234-5679"]
    assert first.fields["N1"] == ["SYNTHETIC test record, not a real publication"]
    assert (first.position, first.line, first.file_name) == (1, 1, "ris_oria.ris")
    assert second.doc_type == "report" and second.language == "sv" and second.year == 2019
    assert second.url == "https://example.org/rapport" and second.publisher == "Eksempelinstitutet"
    assert third.title == "Karrierevejledning af flygtninge"  # TI when there is no T1
    assert third.authors == [Author("Jensen", "Mette")]  # A1
    assert third.venue == "Vejledning i Norden" and third.doc_type == "chapter" and third.language == "da"
    assert third.year == 2018 and third.line == 34


def test_bom_and_crlf_keep_the_first_record(fixture):
    path = fixture("ris_bom_crlf.ris")
    with open(path, encoding="utf-8") as handle:  # documents the rispy 0.10 loss we guard against
        assert len(rispy.load(handle)) == 1
    result = read_file(path)
    assert result.encoding == "utf-8-sig"
    assert [r.title for r in result.records] == ["Første post etter BOM", "Andre post"]
    assert [r.doc_type for r in result.records] == ["article", "article"]


def test_last_record_without_er_is_kept_and_reported(fixture):
    path = fixture("ris_no_final_er.ris")
    with open(path, encoding="utf-8") as handle:
        assert len(rispy.load(handle)) == 1
    result = read_file(path)
    assert [r.title for r in result.records] == ["Post med ER", "Siste post uten ER"]
    assert result.records[1].doc_type == "book"
    (problem,) = result.problems
    assert not problem.fatal and problem.line == 7 and problem.record == 2


def test_cp1252_file(fixture):
    result = read_file(fixture("ris_cp1252.ris"))
    assert result.encoding == "cp1252" and result.repaired_mojibake == 0
    record = result.records[0]
    assert record.title == "Flyktninger i Tromsø og Bodø – en studie"
    assert record.authors == [Author("Sørensen", "Åse"), Author("Lærum", "Øystein")]


def test_mojibake_repaired_and_counted(fixture):
    result = read_file(fixture("ris_mojibake.ris"))
    record = result.records[0]
    assert record.title == "Flyktninger i Tromsø og Bodø"
    assert record.authors == [Author("Sørensen", "Åse"), Author("Lærum", "Øystein")]
    assert record.abstract == "Karriärvägledning – en studie"
    assert result.repaired_mojibake == 4  # title, two authors, abstract


def test_bad_records_import_the_good_ones(fixture):
    result = read_file(fixture("ris_bad_records.ris"))
    assert [r.title for r in result.records] == ["God post", "<script>alert('x')</script> & <b>markup</b>"]
    assert [r.position for r in result.records] == [1, 3]
    assert result.records[0].doi is None and result.records[1].year is None
    by_line = {(p.line, p.fatal): p.message for p in result.problems}
    assert "outside any record" in by_line[(1, False)]
    assert "DOI" in by_line[(2, False)]
    assert "no title" in by_line[(9, True)]
    assert "year" in by_line[(15, False)]


def test_record_without_ty_and_missing_er_between_records(tmp_path):
    path = tmp_path / "odd.ris"
    path.write_text("T1  - Uten TY\nER  - \nTY  - JOUR\nT1  - Første\nTY  - JOUR\nT1  - Andre\nER  - \n")
    result = read_file(path)
    assert [r.title for r in result.records] == ["Uten TY", "Første", "Andre"]
    assert {p.line for p in result.problems} == {1, 3}

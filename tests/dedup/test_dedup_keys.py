"""Comparison keys (synthetic titles)."""

from review.dedup.keys import record_keys, surname_core, title_numbers
from tests.dedup.synthetic import rec


def test_volume_numbers_in_digits_and_roman_numerals():
    assert title_numbers("Evaluering av introduksjonsprogrammet. Delrapport 2") == (2,)
    assert title_numbers("Integreringspakke I") == (1,)
    assert title_numbers("Integreringspakke II og III") == (2, 3)
    assert title_numbers("Type 2 diabetes: a phase IV trial") == (2, 4)


def test_capital_i_inside_a_nordic_title_is_not_a_numeral():
    assert title_numbers("Karriereveiledning I Norge og Sverige") == ()
    assert title_numbers("I skolen: nyankomne elever") == ()


def test_scholar_shortened_title_and_subtitle():
    keys = record_keys(rec("Karriereveiledning for nyankomne flyktninger: erfaringer fra …"))
    assert keys.cut and keys.has_subtitle
    assert keys.title == "karriereveiledning for nyankomne flyktninger erfaringer fra"
    assert keys.main == "karriereveiledning for nyankomne flyktninger"


def test_diacritics_folded_for_comparison_only():
    record = rec("Flyktningers møte med arbeidslivet", "Søholt, Susanne")
    keys = record_keys(record)
    assert keys.title == "flyktningers mote med arbeidslivet" and keys.authors == ("soholt",)
    assert record.title == "Flyktningers møte med arbeidslivet"  # the record itself is untouched


def test_name_particles_do_not_separate_authors():
    assert surname_core("van kessel") == surname_core("kessel") == "kessel"
    assert surname_core("de la cruz") == "cruz"
    assert surname_core("wright jr") == "wright"
    assert surname_core("macedo barcelos") == "macedo barcelos"


def test_supplement_volumes_are_not_compared():
    assert record_keys(rec("T", volume="61 (Supplement 1)")).volume == ""
    assert record_keys(rec("T", volume="Drug Discovery. 9")).volume == "9"


def test_database_notes_after_a_title_are_ignored():
    plain = record_keys(rec("Memory rehabilitation after brain injury"))
    for noted in (
        "Memory rehabilitation after brain injury. [Review] [108 refs]",
        "Memory rehabilitation after brain injury.[Erratum appears in Brain Inj. 2013",
        "Memory rehabilitation after brain injury [Chinese]",
    ):
        keys = record_keys(rec(noted))
        assert (keys.title, keys.numbers) == (plain.title, ())
    assert record_keys(rec("[Memory rehabilitation after brain injury]. [Spanish]")).title == plain.title

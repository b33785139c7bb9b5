"""Words the exports print, per report language (``protocol.report_language``); English is the fallback.

Norwegian follows the seed report (Tabell 3.1, Vedlegg 1, "m.fl.", "u.å.").
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "and_more": "et al.",
        "no_year": "n.d.",
        "no_group": "Not grouped",
        "all": "All",
        "source": "Source",
        "search_terms": "Search terms",
        "search_results": "Search results",
        "total": "Total",
        "no_family": "No query family",
        "table_title": "Table 3.1 Results of the literature search.",
        "appendix_title": "Appendix 1: Summaries of included studies",
        "aim": "Topic and aim",
        "method": "Method",
        "findings": "Findings",
        "no_summary": "(no summary yet)",
        "reference": "Reference",
        "family": "Query family",
        "doc_type": "Document type",
        "language": "Language",
        "year": "Year",
        "included_title": "Included studies",
        "in_book": "In",
        "pages": "pp.",
    },
    "no": {
        "and_more": "m.fl.",
        "no_year": "u.å.",
        "no_group": "Uten gruppe",
        "all": "Alle",
        "source": "Kilde",
        "search_terms": "Søkeord",
        "search_results": "Søkeresultater",
        "total": "Totalt",
        "no_family": "Uten søkefamilie",
        "table_title": "Tabell 3.1 Resultater fra litteratursøk.",
        "appendix_title": "Vedlegg 1: Oppsummering av artikler",
        "aim": "Tema og målsetting",
        "method": "Metode",
        "findings": "Funn",
        "no_summary": "(ingen oppsummering ennå)",
        "reference": "Referanse",
        "family": "Søkefamilie",
        "doc_type": "Dokumenttype",
        "language": "Språk",
        "year": "År",
        "included_title": "Inkluderte bidrag",
        "in_book": "I",
        "pages": "s.",
    },
}

DOC_TYPE_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "article": "Article",
        "report": "Report",
        "chapter": "Book chapter",
        "book": "Book",
        "thesis": "Thesis",
        "other": "Other",
    },
    "no": {
        "article": "Artikkel",
        "report": "Rapport",
        "chapter": "Bokkapittel",
        "book": "Bok",
        "thesis": "Avhandling",
        "other": "Annet",
    },
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "no": "Norwegian",
        "nb": "Norwegian",
        "nn": "Norwegian",
        "sv": "Swedish",
        "da": "Danish",
        "en": "English",
        "fi": "Finnish",
        "is": "Icelandic",
        "de": "German",
        "fr": "French",
    },
    "no": {
        "no": "Norsk",
        "nb": "Norsk",
        "nn": "Norsk",
        "sv": "Svensk",
        "da": "Dansk",
        "en": "Engelsk",
        "fi": "Finsk",
        "is": "Islandsk",
        "de": "Tysk",
        "fr": "Fransk",
    },
}

SOURCE_NAMES: dict[str, dict[str, str]] = {
    "en": {"oria": "Oria", "scholar": "Google Scholar", "other": "Other sources"},
    "no": {"oria": "Oria", "scholar": "Google Scholar", "other": "Andre kilder"},
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def doc_type_name(doc_type: str, language: str) -> str:
    return DOC_TYPE_NAMES.get(language, DOC_TYPE_NAMES["en"]).get(doc_type, doc_type)


def language_name(code: str | None, language: str) -> str:
    if not code:
        return ""
    return LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["en"]).get(code, code)


def source_name(source: str, language: str) -> str:
    return SOURCE_NAMES.get(language, SOURCE_NAMES["en"]).get(source, source)

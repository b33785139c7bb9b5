"""Every vendor mapping as data: which tag, column or PNX field feeds which record field.

A *role* is a normalised field of ``RawRecord`` (or a helper value such as ``start_page``). Each
table maps a role to the source keys that can carry it, best first: the first key with a value wins
for single-valued roles, and list roles (authors, keywords, identifiers) collect from every key.
A vendor quirk is a changed row here, not a branch in a reader.
"""

from __future__ import annotations

# Roles whose values from several keys are collected (best key first) rather than only the first key's.
# Single-valued roles among them (type, language, year, doi) take the first value that can be understood.
LIST_ROLES = frozenset({"keywords", "identifiers", "peer_reviewed", "type", "language", "year",
                        "doi", "cluster_url", "host"})

# --- RIS (Oria/Primo VE defaults, Scholar RefMan, Publish or Perish, other databases) -------------
# Primo writes T1 (not TI), N2 (not AB) and JF (not JO); other tools use the alternatives.
RIS_ROLES: dict[str, tuple[str, ...]] = {
    "type": ("TY",),
    "title": ("T1", "TI", "CT", "BT"),
    "authors": ("AU", "A1"),
    "year": ("PY", "Y1", "DA", "Y2"),
    "venue": ("JF", "JO", "T2", "JA", "J2", "J1", "T3"),
    "abstract": ("N2", "AB"),
    "doi": ("DO",),
    "identifiers": ("SN", "BN"),
    "source_id": ("ID", "AN"),
    "language": ("LA",),
    "url": ("UR", "L2", "LK"),
    "publisher": ("PB",),
    "volume": ("VL",),
    "issue": ("IS", "CP"),
    "start_page": ("SP",),
    "end_page": ("EP",),
    "keywords": ("KW",),
    "database": ("DB", "DP"),
}

# --- BibTeX (Oria, Scholar "Cite", Publish or Perish, other databases) -----------------------------
BIBTEX_ROLES: dict[str, tuple[str, ...]] = {
    "type": ("ENTRYTYPE",),
    "title": ("title", "booktitle"),
    "authors": ("author", "editor"),
    "year": ("year", "date"),
    "venue": ("journal", "journaltitle", "booktitle", "series", "school", "institution"),
    "abstract": ("abstract",),
    "doi": ("doi",),
    "identifiers": ("issn", "isbn"),
    "source_id": ("ID",),
    "language": ("language", "langid"),
    "url": ("url", "howpublished"),
    "publisher": ("publisher", "organization", "school", "institution"),
    "volume": ("volume",),
    "issue": ("number", "issue"),
    "pages": ("pages",),
    "keywords": ("keywords",),
    "database": ("note",),
}

# --- Spreadsheets: Publish or Perish CSV and generic CSV/Excel exports -----------------------------
# Keys are header names folded by ``header_key`` (folded lower case, letters and digits only), so
# "Article URL", "ArticleURL" and "article_url" are one column, and "Språk" is "sprak". Publish or Perish names come first.
TABLE_ROLES: dict[str, tuple[str, ...]] = {
    "title": ("title", "articletitle", "documenttitle", "tittel", "titel", "primarytitle"),
    "authors": ("authors", "author", "creator", "creators", "forfatter", "forfattere", "forfattare",
                "authorsfullname", "authorfullnames"),
    "year": ("year", "publicationyear", "pubyear", "creationdate", "date", "publicationdate", "ar", "utgivelsesar"),
    "venue": ("source", "journal", "sourcetitle", "publicationtitle", "journaltitle", "ispartof",
              "secondarytitle", "tidsskrift", "journalname"),
    "abstract": ("abstract", "description", "summary", "sammendrag", "sammanfattning", "resume"),
    "doi": ("doi",),
    "identifiers": ("issn", "isbn", "eissn", "eisbn", "identifier", "identifiers"),
    "source_id": ("recordid", "id", "mmsid", "accessionnumber", "key"),
    "cluster_url": ("citesurl",),
    "type": ("type", "documenttype", "resourcetype", "itemtype", "format", "ristype"),
    "language": ("language", "lang", "sprak", "sprog"),
    "url": ("articleurl", "url", "link", "fulltexturl", "permalink"),
    "publisher": ("publisher", "forlag"),
    "volume": ("volume",),
    "issue": ("issue", "number"),
    "start_page": ("startpage",),
    "end_page": ("endpage",),
    "pages": ("pages",),
    "keywords": ("keywords", "subject", "subjects", "emneord", "authorkeywords"),
    "cited_by": ("cites", "citedby", "timescited", "citations"),
    "peer_reviewed": ("peerreviewed", "peerreview", "fagfellevurdert"),
}

# Header keys that only Publish or Perish writes: two of them mark a PoP export (source "scholar").
POP_ONLY_COLUMNS = frozenset({"cites", "gsrank", "citesurl", "querydate", "ecc", "citesperyear",
                              "citesperauthor", "authorcount", "relatedurl", "citationurl"})
# PoP "Authors" is one cell "KA Nordmann, O Hansen", and "Abstract" is Scholar's snippet.
POP_AUTHOR_STYLE = "comma"

# --- Primo PNX JSON (search API responses) ---------------------------------------------------------
# Keys are "section.field"; values in PNX are lists of strings.
PNX_ROLES: dict[str, tuple[str, ...]] = {
    "type": ("display.type", "addata.ristype", "addata.format", "addata.genre"),
    "title": ("display.title", "addata.atitle", "addata.btitle"),
    "authors": ("addata.au", "display.creator", "addata.addau", "addata.aucorp"),
    "year": ("addata.date", "addata.risdate", "display.creationdate", "search.creationdate"),
    "venue": ("addata.jtitle", "display.ispartof", "addata.btitle", "addata.seriestitle"),
    "abstract": ("addata.abstract", "display.description"),
    "doi": ("addata.doi", "display.identifier"),
    "identifiers": ("addata.isbn", "addata.eisbn", "addata.issn", "addata.eissn"),
    "source_id": ("control.recordid",),
    "language": ("display.language", "facets.language"),
    "url": ("addata.url", "links.linktorsrc"),
    "publisher": ("addata.pub", "display.publisher"),
    "volume": ("addata.volume",),
    "issue": ("addata.issue",),
    "start_page": ("addata.spage",),
    "end_page": ("addata.epage",),
    "pages": ("addata.pages",),
    "keywords": ("display.subject",),
    "peer_reviewed": ("display.lds50", "lds50", "facets.tlevel"),
}
PNX_PEER_REVIEWED_VALUE = "peer_reviewed"

# --- Document types ---------------------------------------------------------------------------------
# One table for every vendor vocabulary, keyed by the folded label: RIS TY codes, Primo display/type and
# facet values, BibTeX entry types, spreadsheet words, Scholar title markers.
DOC_TYPE_BY_LABEL: dict[str, str] = {
    # RIS
    "jour": "article", "ejour": "article", "mgzn": "article", "news": "article", "jfull": "article",
    "abst": "article", "inpr": "article",
    "thes": "thesis",
    "rprt": "report", "govdoc": "report",
    "chap": "chapter", "echap": "chapter",
    "book": "book", "ebook": "book", "edbook": "book",
    # Primo display/type and rtype facet values
    "article": "article", "articles": "article", "review": "article", "reviews": "article",
    "newspaper_article": "article", "journal article": "article", "text_resource": "other",
    "books": "book", "pbook": "book", "book_chapter": "chapter", "book_chapters": "chapter",
    "thesis": "thesis", "dissertation": "thesis", "dissertations": "thesis",
    "report": "report", "reports": "report",
    # BibTeX
    "incollection": "chapter", "inbook": "chapter", "mastersthesis": "thesis", "phdthesis": "thesis",
    "techreport": "report",
    # Spreadsheet words (English, Norwegian, Swedish, Danish)
    "artikkel": "article", "artikel": "article", "tidsskriftartikkel": "article",
    "bok": "book", "bog": "book", "chapter": "chapter", "book chapter": "chapter", "kapittel": "chapter",
    "kapitel": "chapter", "rapport": "report", "working paper": "report",
    # EndNote reference type names
    "electronic article": "article", "magazine article": "article", "newspaper article": "article",
    "book section": "chapter", "electronic book section": "chapter", "edited book": "book",
    "electronic book": "book", "government document": "report",
    "master thesis": "thesis", "masteroppgave": "thesis",
    # Scholar/PoP markers: only [BOOK] says something about the type
    "[book]": "book", "[b]": "book",
}

# --- Student theses in untyped sources (Scholar, PoP) ------------------------------------------------
# A record whose source states no type is marked "thesis" when its venue, host or title contains one
# of these words or phrases (matched on folded text, as whole words). PhD work is not a student
# thesis and is listed apart so it wins over a looser match.
STUDENT_THESIS_MARKERS: tuple[str, ...] = (
    # Norwegian
    "masteroppgave", "masteroppgaver", "mastergradsoppgave", "bacheloroppgave", "bacheloroppgaver",
    "hovedoppgave", "masteravhandling", "prosjektoppgave", "kandidatoppgave",
    # Swedish
    "examensarbete", "uppsats", "kandidatuppsats", "magisteruppsats", "masteruppsats", "c-uppsats",
    "d-uppsats", "sjalvstandigt arbete",
    # Danish
    "speciale", "kandidatspeciale", "masterspeciale", "bachelorprojekt", "specialeafhandling",
    # English
    "master's thesis", "masters thesis", "master thesis", "master's dissertation", "bachelor's thesis",
    "bachelor thesis", "msc thesis", "ma thesis", "student thesis", "degree project",
)
NOT_STUDENT_THESIS_MARKERS: tuple[str, ...] = (
    "doktorgradsavhandling", "doktoravhandling", "ph.d.-avhandling", "phd-avhandling",
    "doktorsavhandling", "ph.d.-afhandling", "phd thesis", "ph.d. thesis", "doctoral thesis",
    "doctoral dissertation",
)

# --- Languages ----------------------------------------------------------------------------------------
# ISO 639-2 (bibliographic and terminology), ISO 639-1 and common words → ISO 639-1.
LANGUAGE_CODES: dict[str, str] = {
    "nor": "no", "nob": "no", "nno": "no", "no": "no", "nb": "no", "nn": "no", "norsk": "no",
    "norwegian": "no", "bokmal": "no", "nynorsk": "no", "norwegian bokmal": "no", "norwegian nynorsk": "no",
    "swe": "sv", "sv": "sv", "svenska": "sv", "swedish": "sv", "svensk": "sv",
    "dan": "da", "da": "da", "dansk": "da", "danish": "da",
    "eng": "en", "en": "en", "english": "en", "engelsk": "en", "engelska": "en",
    "fin": "fi", "fi": "fi", "finnish": "fi", "suomi": "fi",
    "isl": "is", "ice": "is", "is": "is", "icelandic": "is",
    "ger": "de", "deu": "de", "de": "de", "german": "de", "tysk": "de",
    "fre": "fr", "fra": "fr", "fr": "fr", "french": "fr", "fransk": "fr",
    "spa": "es", "es": "es", "spanish": "es", "ita": "it", "it": "it", "italian": "it",
    "dut": "nl", "nld": "nl", "nl": "nl", "dutch": "nl", "por": "pt", "pt": "pt", "portuguese": "pt",
    "pol": "pl", "pl": "pl", "polish": "pl", "rus": "ru", "ru": "ru", "russian": "ru",
    "ukr": "uk", "uk": "uk", "ara": "ar", "ar": "ar", "arabic": "ar", "som": "so", "so": "so",
    "tir": "ti", "ti": "ti", "per": "fa", "fas": "fa", "fa": "fa", "tur": "tr", "tr": "tr",
    "chi": "zh", "zho": "zh", "zh": "zh", "jpn": "ja", "ja": "ja", "sme": "se", "se": "se",
}

# --- Google Scholar result pages ----------------------------------------------------------------------
SCHOLAR_TITLE_MARKERS = ("[PDF]", "[BOOK]", "[B]", "[CITATION]", "[C]", "[HTML]", "[DOC]", "[PS]")
# "Cited by N" in the interface languages a Nordic reviewer is likely to use.
SCHOLAR_CITED_BY_PREFIXES = ("cited by", "sitert av", "citerad av", "citeret af", "zitiert von")

# Fields our Scholar page reader extracts from one result (names are ours; the page has no tags).
SCHOLAR_HTML_ROLES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "type": ("title_marker",),
    "authors": ("authors",),
    "year": ("year",),
    "venue": ("venue",),
    "publisher": ("host",),
    "host": ("host", "side_link"),
    "abstract": ("snippet",),
    "source_id": ("data-cid",),
    "cluster_url": ("cites_url", "versions_url"),
    "url": ("url",),
    "cited_by": ("cited_by",),
}

# EndNote XML: leaf element paths inside <record> ("style" wrappers dropped), "@name" for attributes.
ENDNOTE_XML_ROLES: dict[str, tuple[str, ...]] = {
    "type": ("ref-type@name",),
    "title": ("titles/title",),
    "authors": ("contributors/authors/author",),
    "year": ("dates/year", "dates/pub-dates/date"),
    "venue": ("periodical/full-title", "titles/secondary-title", "secondary-title", "periodical/abbr-1"),
    "abstract": ("abstract",),
    "doi": ("electronic-resource-num",),
    "identifiers": ("isbn", "issn"),
    "source_id": ("accession-num", "rec-number"),
    "language": ("language",),
    "url": ("urls/related-urls/url", "urls/web-urls/url"),
    "publisher": ("publisher",),
    "volume": ("volume",),
    "issue": ("number",),
    "pages": ("pages",),
    "keywords": ("keywords/keyword",),
}

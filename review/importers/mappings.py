"""Every vendor mapping as data: which tag, column or PNX field feeds which record field.

A *role* is a normalised field of ``RawRecord`` (or a helper value such as ``start_page``). Each
table maps a role to the source keys that can carry it, best first: the first key with a value wins
for single-valued roles, and list roles (authors, keywords, identifiers) collect from every key.
A vendor quirk is a changed row here, not a branch in a reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from review.messages import Message

# Roles whose values from several keys are collected (best key first) rather than only the first key's.
# Single-valued roles among them (type, language, year, doi) take the first value that can be understood.
LIST_ROLES = frozenset(
    {
        "keywords",
        "identifiers",
        "peer_reviewed",
        "type",
        "language",
        "year",
        "doi",
        "doi_guess",
        "cluster_url",
        "host",
        "corporate_authors",
        "database",
    }
)

# Keys a role may be read from only as a last resort: using one is a guess, reported as a problem line
# naming the key ("title taken from ST"). ``doi_guess`` keys are searched for a DOI-shaped value.
FALLBACK_KEYS: dict[str, frozenset[str]] = {
    "title": frozenset({"ST", "BT", "booktitle", "TT", "titles/short-title", "shorttitle"}),
}


@dataclass(frozen=True)
class Database:
    """One database's habits in one format: how to recognise its export and how its fields differ.

    ``pattern`` is searched (case-insensitive, as a regular expression) in the values a file gives
    for its database (RIS DB/DP, a spreadsheet's source column); ``columns`` are folded header keys of
    which at least ``min_columns`` mark a spreadsheet from it. ``roles`` replace the base table's rows.
    """

    name: str
    pattern: str = ""
    columns: frozenset[str] = frozenset()
    min_columns: int = 1
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    author_style: str = ""  # empty: the format's default
    vancouver: bool = False  # names are surname plus initials ("Lunde AS"): "AS" is no company's legal form


# --- RIS (Oria/Primo VE defaults, Scholar RefMan, Publish or Perish, other databases) -------------
# Primo writes T1 (not TI), N2 (not AB) and JF (not JO); other tools use the alternatives.
RIS_ROLES: dict[str, tuple[str, ...]] = {
    "type": ("TY",),
    "title": ("T1", "TI", "CT", "ST", "BT"),
    "authors": ("AU", "A1"),
    "year": ("PY", "Y1", "DA", "Y2"),
    "venue": ("JF", "JO", "T2", "JA", "J2", "J1", "T3"),
    "abstract": ("N2", "AB"),
    "doi": ("DO",),
    "doi_guess": ("L3", "M3", "UR", "L1", "L2"),
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

# Databases whose RIS differs from the base table, recognised by what they write in DB or DP.
RIS_DATABASES: tuple[Database, ...] = (
    # EBSCOhost (ERIC, APA PsycInfo, MEDLINE, CINAHL...) writes "DP  - EBSCOhost" and puts the DOI in L3,
    # now and then in M3 or as a doi.org link in UR.
    Database("EBSCOhost", pattern=r"ebsco", roles={"doi": ("DO", "L3"), "doi_guess": ("M3", "UR")}),
    # Ovid, Embase and PubMed may write a name as surname plus initials ("Lunde AS") in AU.
    Database("Ovid", pattern=r"\bovid\b", vancouver=True),
    Database("Embase", pattern=r"embase", vancouver=True),
    Database("Scopus", pattern=r"scopus"),
    Database("Web of Science", pattern=r"web of science|clarivate|\bwos\b"),
    Database("PubMed", pattern=r"pubmed|\bmedline\b|\bnlm\b", vancouver=True),
    Database("Oria", pattern=r"\b(?:oria|primo|bibsys)\b"),  # whole words: "University of Pretoria" is not Oria
)

# --- MEDLINE / PubMed (.nbib, "PubMed format" .txt) ----------------------------------------------
# Tags are up to four letters padded to four, then "- ". FAU holds full names, AU Vancouver names; CN is a
# group author; the DOI is the LID or AID value marked "[doi]" (the reader files those under "DOI").
MEDLINE_ROLES: dict[str, tuple[str, ...]] = {
    "type": ("BOOK_TYPE", "PT"),  # BOOK_TYPE: "book" or "chapter", told by BTI (see medline._view)
    "title": ("TI", "BTI", "TT"),
    "authors": ("FAU", "AU"),
    "corporate_authors": ("CN",),
    "year": ("DP", "DEP", "EDAT"),
    "venue": ("JT", "TA"),
    "abstract": ("AB",),
    "doi": ("DOI",),
    "identifiers": ("IS", "ISBN"),
    "pmid": ("PMID",),
    "language": ("LA",),
    "publisher": ("PB", "PL"),
    "volume": ("VI",),
    "issue": ("IP",),
    "pages": ("PG",),
    "keywords": ("OT", "MH"),
}

# What databases write in the abstract field of a record that has none (Scopus, Web of Science).
NO_ABSTRACT = frozenset({"[no abstract available]", "no abstract available", "[no abstract]", "no abstract"})

# --- BibTeX (Oria, Scholar "Cite", Publish or Perish, other databases) -----------------------------
BIBTEX_ROLES: dict[str, tuple[str, ...]] = {
    "type": ("ENTRYTYPE",),
    "title": ("title", "shorttitle", "booktitle"),
    "authors": ("author", "editor"),
    "year": ("year", "date"),
    "venue": ("journal", "journaltitle", "booktitle", "series", "school", "institution"),
    "abstract": ("abstract",),
    "doi": ("doi",),
    "doi_guess": ("url",),
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

# BibTeX from databases that say who they are in their entry keys or a field.
BIBTEX_DATABASES: tuple[Database, ...] = (
    Database("Web of Science", pattern=r"^WOS:"),  # key and Unique-ID "WOS:000…"
    Database("Scopus", pattern=r"^2-s2\.0-|scopus"),
)
BIBTEX_DATABASE_KEYS = ("ID", "unique-id", "source", "database")

# --- Spreadsheets: Publish or Perish CSV and generic CSV/Excel exports -----------------------------
# Keys are header names folded by ``header_key`` (folded lower case, letters and digits only), so
# "Article URL", "ArticleURL" and "article_url" are one column, and "Språk" is "sprak". Publish or Perish names come first.
TABLE_ROLES: dict[str, tuple[str, ...]] = {
    # Springer "Item Title", IEEE "Document Title", Scopus/WoS "Article Title"
    "title": ("title", "articletitle", "documenttitle", "itemtitle", "tittel", "titel", "primarytitle"),
    # Embase "Author Names", Scopus "Author full names", ASReview "first_authors" (only the first author)
    "authors": (
        "authors",
        "author",
        "authornames",
        "creator",
        "creators",
        "forfatter",
        "forfattere",
        "forfattare",
        "authorsfullname",
        "authorfullnames",
        "firstauthors",
        "firstauthor",
    ),
    "year": ("year", "publicationyear", "pubyear", "creationdate", "date", "publicationdate", "ar", "utgivelsesar"),
    # PubMed "Journal/Book", IEEE "Publication Title" (older exports: "Publication"), Springer
    # "Publication Title"; PoP's "Source" is its venue (Scopus's "Source" names the database instead:
    # see TABLE_DATABASES), so it comes last.
    "venue": (
        "journal",
        "sourcetitle",
        "publicationtitle",
        "journalbook",
        "publication",
        "journaltitle",
        "ispartof",
        "secondarytitle",
        "tidsskrift",
        "journalname",
        "source",
    ),
    "abstract": ("abstract", "description", "summary", "sammendrag", "sammanfattning", "resume", "abstractnote"),
    "doi": ("doi", "itemdoi"),
    "identifiers": ("issn", "isbn", "isbns", "eissn", "eisbn", "identifier", "identifiers"),
    "pmid": ("pmid", "pubmedid", "medlinepmid"),
    "source_id": ("recordid", "id", "mmsid", "accessionnumber", "key", "eid", "embaseaccessionid"),
    "cluster_url": ("citesurl",),
    "type": ("type", "documenttype", "publicationtype", "contenttype", "resourcetype", "itemtype", "format", "ristype"),
    "language": ("language", "lang", "sprak", "sprog"),
    "url": ("articleurl", "url", "link", "fulltexturl", "permalink"),
    "publisher": ("publisher", "forlag"),
    "volume": ("volume",),
    "issue": ("issue", "number"),
    "start_page": ("startpage", "pagestart", "firstpage"),
    "end_page": ("endpage", "pageend", "lastpage"),
    "pages": ("pages",),
    "keywords": ("keywords", "subject", "subjects", "emneord", "authorkeywords"),
    "database": ("datasource", "database", "searchsource", "srcdatabase"),
    "cited_by": ("cites", "citedby", "timescited", "citations"),
    "peer_reviewed": ("peerreviewed", "peerreview", "fagfellevurdert"),
}

# Header keys that only Publish or Perish writes: two of them mark a PoP export.
POP_ONLY_COLUMNS = frozenset(
    {
        "cites",
        "gsrank",
        "citesurl",
        "querydate",
        "ecc",
        "citesperyear",
        "citesperauthor",
        "authorcount",
        "relatedurl",
        "citationurl",
    }
)

# Spreadsheets from other databases, recognised by the columns only they write. The first match wins.
TABLE_DATABASES: tuple[Database, ...] = (
    Database("Publish or Perish", columns=POP_ONLY_COLUMNS, min_columns=2, author_style="comma"),
    # Web of Science tab-delimited export: two-letter field codes as headers (AF full names, SO source).
    Database(
        "Web of Science",
        columns=frozenset({"ut", "pt", "af", "so", "di", "py"}),
        min_columns=4,
        author_style="semicolon",
        roles={
            "title": ("ti",),
            "authors": ("af", "au"),
            "year": ("py",),
            "venue": ("so", "j9"),
            "abstract": ("ab",),
            "doi": ("di",),
            "identifiers": ("sn", "ei", "bn"),
            "source_id": ("ut",),
            "volume": ("vl",),
            "issue": ("is",),
            "start_page": ("bp",),
            "end_page": ("ep",),
            "keywords": ("de", "id"),
            "language": ("la",),
            "type": ("dt",),
            "pmid": ("pm",),
            "publisher": ("pu",),
        },
    ),
    # Scopus: "Source title" is the venue and "Source" the database ("Scopus").
    Database(
        "Scopus",
        columns=frozenset({"eid", "sourcetitle", "authorsid", "linktoscopus", "pagecount"}),
        min_columns=2,
        roles={"venue": ("sourcetitle",), "database": ("source",)},
        vancouver=True,
    ),
    Database(
        "PubMed",
        columns=frozenset({"pmid", "journalbook", "citation", "firstauthor", "createdate", "nihmsid", "pmcid"}),
        min_columns=2,
        vancouver=True,
    ),
    Database(
        "Embase",
        columns=frozenset({"authornames", "embaseaccessionid", "pui", "embasesubjectheadings", "medlinepmid"}),
        min_columns=1,
        vancouver=True,
    ),
    Database(
        "IEEE Xplore",
        columns=frozenset({"dateaddedtoxplore", "ieeeterms", "insptermscontrolled", "documentidentifier"}),
        min_columns=1,
        author_style="semicolon",
    ),
    Database(
        "SpringerLink",
        columns=frozenset(
            {"itemtitle", "itemdoi", "contenttype", "booksseriestitle", "bookseriestitle", "journalvolume"}
        ),
        min_columns=2,
        author_style="glued",
    ),  # SpringerLink runs full names together: "Kari NordmannOla Berg"
    Database(
        "ASReview",
        columns=frozenset(
            {"firstauthors", "asreviewranking", "asreviewprior", "includedlabel", "labelincluded", "exportednotes1"}
        ),
        min_columns=1,
    ),
)

# Publish or Perish searches Google Scholar by default, and also Semantic Scholar, Scopus, Crossref,
# OpenAlex, Web of Science and PubMed; its files never name the one used, but its links do.
POP_DATA_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Google Scholar", ("scholar.google.",)),
    ("Semantic Scholar", ("semanticscholar.org",)),
    ("Scopus", ("scopus.com",)),
    ("OpenAlex", ("openalex.org",)),
    ("Crossref", ("crossref.org",)),
    ("Web of Science", ("webofscience.com", "webofknowledge.com")),
    ("PubMed", ("pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov/pubmed")),
    ("Microsoft Academic", ("academic.microsoft.com",)),
)
# Said when no link tells, for the CSV and the BibTeX export alike.
POP_SOURCE_UNKNOWN = Message(
    "the Publish or Perish file does not show which database it searched (no links); taken as "
    "Google Scholar, its default"
)


def pop_data_source(links: Iterable[str]) -> str | None:
    """Which database a Publish or Perish export searched, told by its records' links; None when none tells."""
    lowered = [link.lower() for link in links]
    return next((name for name, hosts in POP_DATA_SOURCES if any(h in link for link in lowered for h in hosts)), None)


POP_URL_KEYS = ("articleurl", "citesurl", "relatedurl", "citationurl", "fulltexturl", "url")
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
    "jour": "article",
    "ejour": "article",
    "mgzn": "article",
    "news": "article",
    "jfull": "article",
    "abst": "article",
    "inpr": "article",
    "thes": "thesis",
    "rprt": "report",
    "govdoc": "report",
    "chap": "chapter",
    "echap": "chapter",
    "book": "book",
    "ebook": "book",
    "edbook": "book",
    # Primo display/type and rtype facet values
    "article": "article",
    "articles": "article",
    "review": "article",
    "reviews": "article",
    "newspaper_article": "article",
    "journal article": "article",
    "text_resource": "other",
    "books": "book",
    "pbook": "book",
    "book_chapter": "chapter",
    "book_chapters": "chapter",
    "thesis": "thesis",
    "dissertation": "thesis",
    "dissertations": "thesis",
    "report": "report",
    "reports": "report",
    # BibTeX
    "incollection": "chapter",
    "inbook": "chapter",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "techreport": "report",
    # Spreadsheet words (English, Norwegian, Swedish, Danish)
    "artikkel": "article",
    "artikel": "article",
    "tidsskriftartikkel": "article",
    "bok": "book",
    "bog": "book",
    "chapter": "chapter",
    "book chapter": "chapter",
    "kapittel": "chapter",
    "kapitel": "chapter",
    "rapport": "report",
    "working paper": "report",
    # EndNote reference type names
    "electronic article": "article",
    "magazine article": "article",
    "newspaper article": "article",
    "book section": "chapter",
    "electronic book section": "chapter",
    "edited book": "book",
    "electronic book": "book",
    "government document": "report",
    "master thesis": "thesis",
    "masteroppgave": "thesis",
    # Crossref and OpenAlex work types (Publish or Perish's Crossref and OpenAlex searches)
    "journal-article": "article",
    "book-chapter": "chapter",
    "monograph": "book",
    "edited-book": "book",
    "dissertation-thesis": "thesis",
    # Scholar/PoP markers: only [BOOK] says something about the type
    "[book]": "book",
    "[b]": "book",
}

# --- Student theses in untyped sources (Scholar, PoP) ------------------------------------------------
# A record whose source states no type is marked "thesis" when its venue, host or title contains one
# of these words or phrases (matched on folded text, as whole words). PhD work is not a student
# thesis and is listed apart so it wins over a looser match.
STUDENT_THESIS_MARKERS: tuple[str, ...] = (
    # Norwegian
    "masteroppgave",
    "masteroppgaver",
    "mastergradsoppgave",
    "bacheloroppgave",
    "bacheloroppgaver",
    "hovedoppgave",
    "masteravhandling",
    "prosjektoppgave",
    "kandidatoppgave",
    # Swedish
    "examensarbete",
    "uppsats",
    "kandidatuppsats",
    "magisteruppsats",
    "masteruppsats",
    "c-uppsats",
    "d-uppsats",
    "sjalvstandigt arbete",
    # Danish
    "speciale",
    "kandidatspeciale",
    "masterspeciale",
    "bachelorprojekt",
    "specialeafhandling",
    # English
    "master's thesis",
    "masters thesis",
    "master thesis",
    "master's dissertation",
    "bachelor's thesis",
    "bachelor thesis",
    "msc thesis",
    "ma thesis",
    "student thesis",
    "degree project",
)
NOT_STUDENT_THESIS_MARKERS: tuple[str, ...] = (
    "doktorgradsavhandling",
    "doktoravhandling",
    "ph.d.-avhandling",
    "phd-avhandling",
    "doktorsavhandling",
    "ph.d.-afhandling",
    "phd thesis",
    "ph.d. thesis",
    "doctoral thesis",
    "doctoral dissertation",
)

# --- Languages ----------------------------------------------------------------------------------------
# ISO 639-2 (bibliographic and terminology), ISO 639-1 and common words → ISO 639-1.
LANGUAGE_CODES: dict[str, str] = {
    "nor": "no",
    "nob": "no",
    "nno": "no",
    "no": "no",
    "nb": "no",
    "nn": "no",
    "norsk": "no",
    "norwegian": "no",
    "bokmal": "no",
    "nynorsk": "no",
    "norwegian bokmal": "no",
    "norwegian nynorsk": "no",
    "swe": "sv",
    "sv": "sv",
    "svenska": "sv",
    "swedish": "sv",
    "svensk": "sv",
    "dan": "da",
    "da": "da",
    "dansk": "da",
    "danish": "da",
    "eng": "en",
    "en": "en",
    "english": "en",
    "engelsk": "en",
    "engelska": "en",
    "fin": "fi",
    "fi": "fi",
    "finnish": "fi",
    "suomi": "fi",
    "isl": "is",
    "ice": "is",
    "is": "is",
    "icelandic": "is",
    "ger": "de",
    "deu": "de",
    "de": "de",
    "german": "de",
    "tysk": "de",
    "fre": "fr",
    "fra": "fr",
    "fr": "fr",
    "french": "fr",
    "fransk": "fr",
    "spa": "es",
    "es": "es",
    "spanish": "es",
    "ita": "it",
    "it": "it",
    "italian": "it",
    "dut": "nl",
    "nld": "nl",
    "nl": "nl",
    "dutch": "nl",
    "por": "pt",
    "pt": "pt",
    "portuguese": "pt",
    "pol": "pl",
    "pl": "pl",
    "polish": "pl",
    "rus": "ru",
    "ru": "ru",
    "russian": "ru",
    "ukr": "uk",
    "uk": "uk",
    "ara": "ar",
    "ar": "ar",
    "arabic": "ar",
    "som": "so",
    "so": "so",
    "tir": "ti",
    "ti": "ti",
    "per": "fa",
    "fas": "fa",
    "fa": "fa",
    "tur": "tr",
    "tr": "tr",
    "chi": "zh",
    "zho": "zh",
    "zh": "zh",
    "jpn": "ja",
    "ja": "ja",
    "sme": "se",
    "se": "se",
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
    "title": ("titles/title", "titles/short-title"),
    "authors": ("contributors/authors/author",),
    "year": ("dates/year", "dates/pub-dates/date"),
    "venue": ("periodical/full-title", "titles/secondary-title", "secondary-title", "periodical/abbr-1"),
    "abstract": ("abstract",),
    "doi": ("electronic-resource-num",),
    "doi_guess": ("urls/related-urls/url",),
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


# Publish or Perish's full CSV export, its 26 columns in the order it writes them. The reader finds
# columns by name (any layout works); this list is for writing files in PoP's own layout (the bundled
# review's generator, the grey-literature benchmark, the fuzz tests).
POP_COLUMNS: tuple[str, ...] = (
    "Cites", "Authors", "Title", "Year", "Source", "Publisher", "ArticleURL", "CitesURL", "GSRank", "QueryDate",
    "Type", "DOI", "ISSN", "CitationURL", "Volume", "Issue", "StartPage", "EndPage", "ECC", "CitesPerYear",
    "CitesPerAuthor", "AuthorCount", "Age", "Abstract", "FullTextURL", "RelatedURL",
)  # fmt: skip

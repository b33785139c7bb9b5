"""The real publications in the bundled review.

R01–R24 are the 24 works summarised in Vedlegg 1 of the Fafo report (its intro says 26, but 24 are
listed and Table 3.1 counts 24). Authors, year, title and publisher/journal follow the report; the
journal, volume, pages and DOI of the peer-reviewed articles were checked against the publishers'
pages. R25–R28 are works the report cites elsewhere; they stand in as real excluded records.
R06 and R14 carry their Oria ids here (made up like the others) so the generator's random draws,
and with them every synthetic record, stay as they were before their Oria records were added.

Abstracts here are short descriptions in our own words, not the publishers' abstracts. Oria record
ids and Google Scholar ids are made up by the generator for every work, real ones included.
"""

from __future__ import annotations

NORSKE, SKANDINAVISKE, ARTIKLER = "Norske rapporter", "Svenske og danske rapporter", "Fagfellevurderte artikler"

# Each row: key, counting family, appendix group (None: not included), fields for model.Work,
# and where it was found. "scholar_cut": cut the Scholar title after this many characters and add "…".
REAL_WORKS: list[dict] = [
    dict(key="R01", family="no", group=NORSKE, doc_type="report", language="nor", year=2016,
         authors=[("Thomsen", "M."), ("Hatlem", "C.")],
         title="Karriereveiledning for nyankomne innvandrere", publisher="Kompetanse Norge", host="",
         abstract="Rapporten samler erfaringer fra fem prosjekter som prøvde ut modeller for karriereveiledning "
                  "for deltakere i opplæring i norsk og samfunnskunnskap.",
         found_in=[("no", "oria"), ("no", "scholar")], html=("no", 1)),
    dict(key="R02", family="no", group=NORSKE, doc_type="report", language="nor", year=2017,
         authors=[("Opinion", "")], title="Evaluering av karriereveiledning i mottak", publisher="Opinion",
         host="",
         abstract="Evaluering av utprøvd karriereveiledning for flyktninger før bosetting, i integreringsmottak "
                  "og ordinære mottak.",
         found_in=[("no", "scholar")], html=("no", 1)),
    dict(key="R03", family="no", group=NORSKE, doc_type="report", language="nor", year=2019,
         authors=[("Kjærgård", "R."), ("Bøckman", "K."), ("Enerstvedt", "T. R."), ("Birkeland", "M. B."),
                  ("Fredriksen", "S."), ("Gudbrandsen", "S."), ("Flatland", "Ø.")],
         title="Karriereveiledning for NAV-brukere. Hvordan kan NAV og karrieresentre samarbeide om karriereveiledning?",
         publisher="Universitetet i Sørøst-Norge", host="", scholar_cut=62,
         scholar_fold_first=True,
         abstract="Rapport fra et samarbeidsprosjekt mellom NAV, et fylkeskommunalt karrieresenter og et "
                  "introduksjonssenter om samveiledning av flyktninger.",
         found_in=[("no", "oria"), ("no", "scholar")], html=("no", 1)),
    dict(key="R04", family="no", group=NORSKE, doc_type="report", language="nor", year=2020,
         authors=[("Lillevik", "R."), ("Weiss", "N."), ("Kavli", "Hanne Cecilie"), ("Haugnæss", "G."),
                  ("Stenstadvold", "M.")],
         title="Kompetansekartlegging og karriereveiledning for nyankomne flyktninger", publisher="Fafo",
         host="fafo.no",
         abstract="Fafo-studie av et nytt verktøy for kompetansekartlegging før bosetting og av utprøvd "
                  "karriereveiledning for flyktninger i samarbeid mellom kommuner og karrieresentre.",
         found_in=[("no", "oria"), ("no", "scholar"), ("sv", "scholar")], html=("no", 1)),
    dict(key="R05", family="no", group=NORSKE, doc_type="report", language="nor", year=2020,
         authors=[("Søholt", "Susanne"), ("Liodden", "Tone"), ("Leirvik", "Mariann Stærkebye"), ("Vilhjalmsdottir", "Sigridur"),
                  ("Staver", "Anne Balke")],
         title="Åtte kommuner – åtte tiltak for integrering. Evaluering av kommunale integreringstiltak. Delrapport 1",
         publisher="OsloMet", host="oda.oslomet.no", scholar_cut=None,
         abstract="Beskrivelse og prosessevaluering av åtte kommunale integreringsprosjekter; ett av dem er "
                  "et forkurs i utdanningsvalg med karriereveiledning.",
         found_in=[("no", "oria"), ("no", "scholar")], html=("no", 2)),
    dict(key="R06", family="no", group=NORSKE, doc_type="report", language="nor", year=2020,
         authors=[("Søholt", "Susanne"), ("Liodden", "Tone"), ("Aasen", "B."), ("Vilhjalmsdottir", "Sigridur"),
                  ("Staver", "Anne Balke")],
         title="Kunnskapsoppsummeringer – om fem strategier for å styrke flyktningenes overgang til arbeid og "
               "kvalifisering. Evaluering av kommunale integreringstiltak. Delrapport 2",
         publisher="OsloMet", host="oda.oslomet.no",
         abstract="Fem korte kunnskapsoppsummeringer om strategier for integrering av flyktninger, blant dem "
                  "karriereveiledning for nyankomne.",
         # Oria holds the whole record (all five authors, the full title, OsloMet); Scholar cuts both
         found_in=[("no", "oria"), ("no", "scholar"), ("sv", "scholar")], oria_ids=["alma995318472601932201"],
         html=("no", 1)),
    dict(key="R07", family="no", group=NORSKE, doc_type="report", language="nor", year=2021,
         authors=[("Hernes", "V."), ("Staver", "A. B."), ("Tronstad", "K. R.")],
         title="Evaluering av integreringspakke I og midlertidig lov", publisher="OsloMet", host="oda.oslomet.no",
         abstract="Evaluering av integreringspakke I og kommunenes og fylkeskommunenes tilbud etter midlertidig "
                  "lov under covid-19-pandemien, med et kapittel om karriereveiledning.",
         found_in=[("no", "oria"), ("no", "scholar")], html=("no", 2)),
    dict(key="R08", family="no", group=NORSKE, doc_type="report", language="nor", year=2022,
         authors=[("Hernes", "V."), ("Danielsen", "Å. Ø."), ("Staver", "A. B.")],
         title="Evaluering av integreringspakke II og III", publisher="OsloMet", host="oda.oslomet.no",
         abstract="Casestudier i kommuner og fylkeskommuner av hvordan integreringspakke II og III og "
                  "midlertidig lov ble brukt, blant annet til karriereveiledning i introduksjonsprogrammet.",
         found_in=[("no", "oria"), ("no", "scholar")], html=None),
    dict(key="R09", family="no", group=NORSKE, doc_type="report", language="nor", year=2022,
         authors=[("Hellang", "Ø."), ("Espegren", "A.")],
         title="Samarbeidsmodellen KMV – Kvalifisering av Minoritetsspråklige Voksne", publisher="", host="",
         abstract="Aksjonsforskning om et kvalifiseringsnettverk mellom NAV, kommunale tjenester og "
                  "karrieresenteret i Lindesnesregionen.",
         found_in=[("no", "scholar")], html=None),
    dict(key="R10", family="sv", group=SKANDINAVISKE, doc_type="report", language="eng", year=2017,
         authors=[("Sundelin", "Åsa")], title="Coalition of qualitative questionnaires/interviews from experts",
         publisher="", host="",
         abstract="Intervjuer med fem erfarna vägledare och lärare om flyktingars vanliga bekymmer i "
                  "karriärvägledning och om vilken utbildning vägledare behöver.",
         found_in=[("sv", "scholar")], html=("sv", 1)),
    dict(key="R11", family="sv", group=SKANDINAVISKE, doc_type="report", language="swe", year=2017,
         authors=[("Sundelin", "Åsa")], title="Om konsten att stödja nyanlända elevers lärande om karriärfrågor",
         publisher="", host="",
         abstract="Hur studie- och yrkesvägledare kan stödja nyanlända elevers lärande om utbildning, "
                  "arbetsmarknad och arbetsliv i Sverige.",
         found_in=[("sv", "oria"), ("sv", "scholar")], html=("sv", 1)),
    dict(key="R12", family="sv", group=SKANDINAVISKE, doc_type="report", language="swe", year=2022,
         authors=[("Axelsson", "M."), ("Håkansson", "P.")],
         title="Studie- och yrkesvägledning i kombinationsutbildning: Avrapportering av ett forskningsuppdrag",
         publisher="", host="", scholar_cut=72,
         abstract="Intervjustudie om hur regioner, kommuner och vuxenutbildning organiserar studie- och "
                  "yrkesvägledning i kombinationsutbildningar för nyanlända.",
         found_in=[("sv", "oria"), ("sv", "scholar")], html=("sv", 1)),
    dict(key="R13", family="da", group=SKANDINAVISKE, doc_type="report", language="dan", year=2019,
         authors=[("Stendal", "A. W."), ("Iversen", "L. M.")], title="Beskæftigelse og traumatiserede flygtninge",
         publisher="", host="",
         abstract="Undersøgelse af lovende beskæftigelsesindsatser for traumatiserede flygtninge og "
                  "familiesammenførte i de nordiske lande.",
         found_in=[("da", "oria"), ("da", "scholar")], html=("da", 1)),
    dict(key="R14", family="da", group=SKANDINAVISKE, doc_type="chapter", language="dan", year=2021,
         authors=[("Hansen", "J. S.")],
         title="Kritisk refleksion og etisk ansvarlighed i karrierevejledningen",
         venue="En guide til karrierevejledningens ukendte farvande: Et kritisk refleksionsperspektiv", pages="87-90",
         publisher="", host="",
         abstract="Kapitel i en praktisk håndbog om karrierevejledning af unge med begrænsede sprogkundskaber, "
                  "herunder flygtninge.",
         # Oria's chapter record names the book and the pages; Scholar shows neither
         found_in=[("da", "oria"), ("da", "scholar")], oria_ids=["alma997023169588442201"], html=("da", 1)),
    dict(key="R15", family="en", group=SKANDINAVISKE, doc_type="report", language="eng", year=2017,
         authors=[("Hertzberg", "F.")],
         title="Review of literature, media and resources on the development of career guidance counselling for "
               "refugees. Country report Sweden", publisher="", host="",
         abstract="A review of Swedish research and other publications on career guidance for refugees, "
                  "including what counsellors need to know about migration and trauma.",
         found_in=[("en", "oria")], html=None),
    dict(key="R16", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2017,
         authors=[("Abkhezr", "Peyman"), ("McMahon", "Mary")],
         title="Narrative career counselling for people with refugee backgrounds",
         venue="International Journal for the Advancement of Counselling", doi="10.1007/s10447-017-9285-z",
         publisher="Springer", peer_reviewed=True, alma_and_cdi=True,
         abstract="Discusses how narrative career counselling can help people with refugee backgrounds after "
                  "resettlement, and which cultural considerations counsellors should keep in mind.",
         found_in=[("en", "oria")], html=None),
    dict(key="R17", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2018,
         authors=[("Abkhezr", "Peyman"), ("McMahon", "Mary"), ("Glasheen", "K."), ("Campbell", "M.")],
         title="Finding voice through narrative storytelling: An exploration of the career development of young "
               "African females with refugee backgrounds",
         venue="Journal of Vocational Behavior", volume="105", pages="17-30", doi="10.1016/j.jvb.2017.09.007",
         publisher="Elsevier", peer_reviewed=True,
         abstract="A narrative study with three young African women with refugee backgrounds in Australia on how "
                  "storytelling can give voice to their career development.",
         found_in=[("en", "oria")], html=None),
    dict(key="R18", family="en", group=ARTIKLER, doc_type="chapter", language="eng", year=2020,
         authors=[("Fredriksen", "H.")],
         title="Career guidance for refugees in a Nordic context: The need to emphasise a more collective approach",
         venue="Career and career guidance in the Nordic countries", publisher="Brill", isbn="9789004428096",
         peer_reviewed=True,
         abstract="A chapter arguing for a more collective approach to career guidance for refugees and "
                  "immigrants in the Nordic countries, drawing on work at a reception centre in Oslo.",
         found_in=[("en", "oria")], html=None),
    dict(key="R19", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2021,
         authors=[("Kiteki", "B. N.")],
         title="African refugee youth's experiences and impact on career development: An adaptation of a "
               "culturally responsive career exploration group",
         venue="Journal for Specialists in Group Work", doi="10.1080/01933922.2020.1856257",
         publisher="Taylor & Francis", peer_reviewed=True,
         abstract="Proposes a school-based career exploration group for African refugee youth, run together with "
                  "cultural brokers from the refugee community.",
         found_in=[("en", "oria")], html=None),
    dict(key="R20", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2021,
         authors=[("Linde", "Jonna"), ("Lindgren", "Joakim"), ("Sundelin", "Åsa")],
         title="High-stakes counselling: when career counselling may lead to continuing residence or deportation "
               "of asylum-seeking youths",
         venue="British Journal of Sociology of Education", volume="42", issue="5-6", pages="898-913",
         doi="10.1080/01425692.2021.1941766", publisher="Taylor & Francis", peer_reviewed=True, alma_and_cdi=True,
         abstract="Analyses career counselling for asylum-seeking upper secondary students in Sweden when study "
                  "results affect their residence permits.",
         found_in=[("en", "oria")], html=None),
    dict(key="R21", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2021,
         authors=[("Udayar", "Shagini"), ("Fedrigo", "Laurence"), ("Durante", "Federico"), ("Clot-Siegrist", "Eva"),
                  ("Masdonati", "Jonas")],
         title="Labour market integration of young refugees and asylum seekers: a look at perceived barriers and "
               "resources",
         venue="British Journal of Guidance & Counselling", volume="49", issue="2", pages="287-303",
         doi="10.1080/03069885.2020.1858023", publisher="Taylor & Francis", peer_reviewed=True,
         abstract="Interviews with young refugees and asylum seekers in a Swiss integration programme about the "
                  "barriers and resources they meet on the way to work.",
         found_in=[("en", "oria")], html=None),
    dict(key="R22", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2022,
         authors=[("Kekki", "Miika")],
         title="Student-initiated discussion topics in career counselling of adult immigrants",
         venue="Nordic Journal of Migration Research", volume="12", issue="2", pages="206-222",
         doi="10.33134/njmr.413", publisher="Helsinki University Press", peer_reviewed=True,
         abstract="Video-recorded counselling sessions in a Finnish integration training programme show how "
                  "counsellors steer which topics adult immigrants can raise.",
         found_in=[("en", "oria")], html=None),
    dict(key="R23", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2022,
         authors=[("Petersen", "Inger-Lise"), ("Mariager-Anderson", "Kristina"), ("Patillon", "Thi-Van"),
                  ("Bernaud", "Jean-Luc")],
         title="Existential career guidance for groups of young refugees and migrants: a Danish initiative",
         venue="International Journal for Educational and Vocational Guidance", volume="22", issue="2",
         pages="511-529", doi="10.1007/s10775-022-09535-1", publisher="Springer", peer_reviewed=True,
         abstract="Action research on a five-step model of existential group career guidance for young refugees "
                  "and migrants near Copenhagen.",
         found_in=[("en", "oria")], html=None),
    dict(key="R24", family="en", group=ARTIKLER, doc_type="article", language="eng", year=2022,
         authors=[("Sultana", "Ronald G.")],
         title="The labour market integration of migrants and refugees: career guidance and the newly arrived",
         venue="International Journal for Educational and Vocational Guidance", doi="10.1007/s10775-022-09529-z",
         publisher="Springer", peer_reviewed=True,
         abstract="A scoping paper on how career guidance has met the integration of newly arrived migrants and "
                  "refugees, and on the prejudice practitioners must confront.",
         found_in=[("en", "oria")], html=None),
    # cited in the report's text, not in Vedlegg 1: real excluded records
    dict(key="R25", family="no", group=None, doc_type="report", language="nor", year=2016,
         authors=[("Kunnskapsdepartementet", "")],
         title="Norge i omstilling – karriereveiledning for individ og samfunn (NOU 2016: 7)",
         publisher="Kunnskapsdepartementet", host="regjeringen.no",
         abstract="Offentlig utredning om karriereveiledning i Norge, med et avsnitt om veiledning for innvandrere.",
         found_in=[("no", "oria"), ("no", "scholar")], html=("no", 1), fate="exc3"),
    dict(key="R26", family="sv", group=None, doc_type="report", language="swe", year=2019,
         authors=[("Utbildningsdepartementet", "")],
         title="Framtidsval – karriärvägledning för individ och samhälle (SOU 2019:4)",
         publisher="Utbildningsdepartementet", host="regeringen.se",
         abstract="Statlig utredning om karriärvägledning i skolan, med förslag om individuell vägledning för "
                  "nyanlända elever.",
         found_in=[("sv", "oria"), ("sv", "scholar")], html=("sv", 1), fate="exc3"),
    dict(key="R27", family="no", group=None, doc_type="report", language="nor", year=2017,
         authors=[("Djuve", "A. B."), ("Kavli", "H. C."), ("Sterri", "E. B."), ("Bråten", "B.")],
         title="Introduksjonsprogram og norskopplæring. Hva virker – for hvem?", publisher="Fafo", host="fafo.no",
         abstract="Studie av hvilke deler av introduksjonsprogrammet og norskopplæringen som fører deltakere "
                  "til arbeid og utdanning.",
         found_in=[("no", "oria"), ("no", "scholar")], html=None, fate="exc1", reason="Ikke karriereveiledning"),
    dict(key="R28", family="no", group=None, doc_type="report", language="nor", year=2020,
         authors=[("Kunnskapsdepartementet", "")],
         title="Prop. 89 L (2019–2020) Lov om integrering gjennom opplæring, utdanning og arbeid (integreringsloven)",
         publisher="Kunnskapsdepartementet", host="regjeringen.no",
         abstract="Lovproposisjon om ny integreringslov, blant annet om rett og plikt til karriereveiledning "
                  "for deltakere i introduksjonsprogrammet.",
         found_in=[("no", "oria")], html=None, fate="exc1", reason="Ikke forskning eller utredning"),
]

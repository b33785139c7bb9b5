"""Word pools for the synthetic stand-in records.

Every name, institution, journal and title built from these pools is invented for test data. The
institutions and journals are made-up names; repository hosts of student theses (duo.uio.no, ...) are
real archive hosts, used because a thesis is recognised by them.
"""

from __future__ import annotations

GIVEN = {
    "nor": ["Kari", "Ola", "Ingrid", "Lars", "Silje", "Eirik", "Marte", "Håkon", "Sigrid", "Jon", "Tone", "Øystein",
            "Hilde", "Bjørnar", "Randi", "Trond", "Astrid", "Geir", "Nina", "Torbjørn", "Live", "Amir", "Fatima",
            "Jørgen", "Solveig", "Mona", "Arne", "Maren", "Ahmed", "Liv"],
    "swe": ["Anna", "Erik", "Karin", "Johan", "Maria", "Anders", "Lena", "Per", "Sara", "Mikael", "Elin", "Jonas",
            "Åsa", "Fredrik", "Helena", "Ulf", "Ebba", "Mattias", "Linnea", "Göran", "Nour", "Hassan"],
    "dan": ["Mette", "Søren", "Lone", "Jens", "Pernille", "Rasmus", "Trine", "Mads", "Birgitte", "Anders",
            "Signe", "Niels", "Camilla", "Henrik"],
    "eng": ["Sarah", "David", "Emma", "James", "Laura", "Michael", "Hannah", "Daniel", "Rachel", "Thomas",
            "Maryam", "Samuel", "Olivia", "Yusuf", "Grace", "Peter", "Leila", "Martin"],
}
FAMILY = {
    "nor": ["Nordmann", "Hansen", "Johansen", "Berg", "Haugen", "Dahl", "Lunde", "Bakken", "Strand", "Moen",
            "Solberg", "Ødegård", "Kvamme", "Aasheim", "Sæther", "Brekke", "Fjeld", "Hovland", "Rønning", "Vik",
            "Myklebust", "Tveit", "Ali", "Hussain", "Grønli", "Løvås", "Nygård", "Skjerve", "Aune", "Hegge"],
    "swe": ["Lindqvist", "Andersson", "Karlsson", "Nilsson", "Berglund", "Holmström", "Sjöberg", "Åberg",
            "Lindholm", "Ekström", "Wallin", "Norén", "Forsberg", "Hedlund", "Öhman", "Mohammed", "Söderlund"],
    "dan": ["Jensen", "Nielsen", "Sørensen", "Rasmussen", "Kjær", "Møller", "Laursen", "Bach", "Thygesen",
            "Østergaard", "Frandsen", "Poulsen"],
    "eng": ["Walker", "Okafor", "Bennett", "Nguyen", "Haddad", "Fischer", "Kowalski", "Ahmadi", "Murphy",
            "Rossi", "Carter", "Mensah", "Novak", "Ibrahim", "Lehmann", "Santos", "Price", "Virtanen", "Keller"],
}

# invented research institutes and report series, per language: (publisher, web host)
INSTITUTES = {
    "nor": [("Institutt for integreringsstudier", "integreringsstudier.no"),
            ("Vestnorsk samfunnsanalyse", "vestnorskanalyse.no"),
            ("Senter for arbeid og kvalifisering", "sakforsk.no"),
            ("Nordnorsk velferdsinstitutt", "nnvi.no"),
            ("Innlandet utredning", "innlandetutredning.no"),
            ("Agder kompetanseforskning", "agderkompetanse.no")],
    "swe": [("Institutet för vägledningsforskning", "vagledningsinstitutet.se"),
            ("Norrlands integrationsanalys", "nia-analys.se"),
            ("Centrum för etablering och arbete", "cea-rapport.se")],
    "dan": [("Center for vejledning og integration", "cvi-rapport.dk"),
            ("Vestjysk Analyse", "vestjyskanalyse.dk")],
}
JOURNALS = {
    "nor": [("Tidsskrift for veiledning og arbeid", "2535-0001"), ("Norsk integreringsforskning", "2535-0028")],
    "swe": [("Svensk tidskrift för vägledning", "2002-0019"), ("Nordisk etableringsforskning", "2002-0027")],
    "dan": [("Dansk vejledningstidsskrift", "2445-0015")],
    "eng": [("Journal of Refugee Career Studies", "2750-0017"), ("Nordic Journal of Guidance Research", "2750-0025"),
            ("International Review of Migrant Work and Learning", "2750-0033"),
            ("Journal of Career Transitions", "2750-0041")],
}

PLACES = {
    "nor": ["Agder", "Vestland", "Trøndelag", "Innlandet", "Viken", "Nordland", "Rogaland", "Møre og Romsdal",
            "Vestfold og Telemark", "Oslo", "Bergen", "Tromsø", "Drammen", "Kristiansand", "Stavanger", "Bodø"],
    "swe": ["Skåne", "Västra Götaland", "Norrbotten", "Uppsala", "Örebro", "Jämtland", "Malmö", "Göteborg",
            "Umeå", "Gävleborg", "Dalarna", "Södertälje"],
    "dan": ["Aarhus", "Odense", "Region Syddanmark", "Aalborg", "Region Sjælland", "København"],
    "eng": ["Norway", "Sweden", "Denmark", "Finland", "Germany", "Canada", "Australia", "the Netherlands",
            "Austria", "Scotland", "New Zealand", "Ireland"],
}

# Title pools by language and screening fate. {g} group, {p} place.
GROUPS = {
    "nor": ["nyankomne flyktninger", "voksne innvandrere", "unge flyktninger", "minoritetsspråklige voksne",
            "innvandrerkvinner", "deltakere i introduksjonsprogrammet", "enslige mindreårige flyktninger",
            "bosatte flyktninger", "innvandrere med høyere utdanning"],
    "swe": ["nyanlända", "nyanlända elever", "vuxna invandrare", "unga flyktingar", "utrikes födda kvinnor",
            "ensamkommande ungdomar", "deltagare i etableringsprogrammet", "nyanlända akademiker"],
    "dan": ["nyankomne flygtninge", "unge indvandrere", "voksne flygtninge", "flygtningekvinder"],
    "eng": ["refugees", "young refugees", "adult immigrants", "newly arrived migrants", "refugee women",
            "highly skilled immigrants", "unaccompanied minors", "asylum seekers"],
}
RELEVANT = {
    "nor": ["Karriereveiledning for {g} i {p}", "Veiledning mot arbeid og utdanning for {g}: erfaringer fra {p}",
            "Karriereveiledning i introduksjonsprogrammet: en studie fra {p}",
            "Samarbeid om karriereveiledning for {g} i {p}", "Kompetansekartlegging og veiledning av {g} i {p}",
            "Karrierekompetanse hos {g}: et utviklingsprosjekt i {p}",
            "Karriereveiledning og kvalifisering av {g}: følgeevaluering i {p}",
            "Når veiledningen kommer tidlig: karriereveiledning for {g} i {p}",
            "Fra mottak til arbeid: karriereveiledning for {g} i {p}"],
    "swe": ["Karriärvägledning för {g} i {p}", "Studie- och yrkesvägledning för {g}: erfarenheter från {p}",
            "Vägledning mot arbete för {g} i {p}", "Att vägleda {g}: en studie från {p}",
            "Karriärvägledning och validering för {g} i {p}", "Samverkan kring vägledning av {g} i {p}"],
    "dan": ["Karrierevejledning for {g} i {p}", "Uddannelses- og erhvervsvejledning for {g}: erfaringer fra {p}",
            "Vejledning af {g} mod job og uddannelse i {p}"],
    "eng": ["Career guidance for {g} in {p}: a qualitative study", "Career counselling with {g} in {p}",
            "Supporting the career development of {g} in {p}", "Career adaptability among {g} in {p}",
            "Counsellors' experiences of career guidance for {g} in {p}",
            "Group career counselling for {g}: an intervention study from {p}",
            "Navigating work and education: career guidance for {g} in {p}"],
}
NOT_GUIDANCE = {  # about migrants, but not career guidance
    "nor": ["Norskopplæring for {g} i {p}", "Bosetting av {g} i {p}", "Helsetjenester for {g} i {p}",
            "Boligsituasjonen for {g} i {p}", "Frivillig arbeid og integrering av {g} i {p}",
            "Foreldreveiledning for {g} i {p}", "Familiegjenforening og integrering av {g} i {p}"],
    "swe": ["Svenskundervisning för {g} i {p}", "Bostadssituationen för {g} i {p}", "Hälsa bland {g} i {p}",
            "Föreningsliv och integration av {g} i {p}"],
    "dan": ["Danskundervisning for {g} i {p}", "Boligforhold for {g} i {p}"],
    "eng": ["Mental health of {g} in {p}", "Housing trajectories of {g} in {p}", "Language learning among {g} in {p}",
            "Employment outcomes of {g} in {p}: a register study", "Welfare use among {g} in {p}",
            "Social networks of {g} in {p}"],
}
NOT_MIGRANTS = {  # career guidance, but not for refugees or immigrants
    "nor": ["Karriereveiledning i videregående skole i {p}", "Karriereveiledning for seniorer i {p}",
            "Karriereveiledning i høyere utdanning: erfaringer fra {p}", "Karriereveiledning for permitterte i {p}",
            "Digital karriereveiledning i {p}", "Karriereveiledning for unge utenfor arbeid i {p}"],
    "swe": ["Studie- och yrkesvägledning i grundskolan i {p}", "Karriärvägledning för vuxna i {p}",
            "Digital vägledning i {p}"],
    "dan": ["Karrierevejledning i grundskolen i {p}", "Erhvervsvejledning for ledige i {p}"],
    "eng": ["Career guidance for university students in {p}", "Career counselling for older workers in {p}",
            "School career guidance in {p}: a survey", "Online career counselling in {p}"],
}
NOT_RESEARCH = {  # guides, news items, consultation responses
    "nor": ["Karriereveiledning for {g}: en praktisk veileder for {p}", "Nytt tilbud om karriereveiledning for {g} i {p}",
            "Høringssvar om karriereveiledning for {g} fra {p}", "Årsmelding for karrieresenteret i {p}"],
    "swe": ["Vägledning för {g}: en handbok från {p}", "Nytt stöd för {g} i {p}"],
    "dan": ["Vejledning af {g}: en håndbog fra {p}"],
    "eng": ["Career guidance for {g} in {p}: a book review", "Editorial: career guidance and {g} in {p}"],
}
THESIS = {
    "nor": ["«Det handler om å finne sin vei»: karriereveiledning for {g} i {p}",
            "Karriereveiledning for {g}: en kvalitativ studie fra {p}", "Veilederes erfaringer med {g} i {p}",
            "Drømmer og realitetsorientering: {g} i {p}", "Karriereveiledning i mottak i {p}"],
    "swe": ["Att vägleda {g}: en kvalitativ studie i {p}", "Vägledares erfarenheter av {g} i {p}",
            "Drömmar och verklighet: {g} i {p}"],
    "dan": ["Vejledning af {g} i {p}: et kvalitativt studie"],
}
# (word shown as the Scholar venue, repository host); both say "student thesis"
THESIS_CUES = {
    "nor": [("Masteroppgave", "duo.uio.no"), ("Masteroppgave", "bora.uib.no"), ("Masteroppgave", "ntnuopen.ntnu.no"),
            ("Bacheloroppgave", "brage.inn.no"), ("Masteroppgave", "munin.uit.no")],
    "swe": [("Examensarbete", "diva-portal.org"), ("Kandidatuppsats", "lup.lub.lu.se"),
            ("Magisteruppsats", "gupea.ub.gu.se")],
    "dan": [("Speciale", "projekter.aau.dk")],
}
ABSTRACT = {
    "nor": "Rapporten undersøker {t}. Datagrunnlaget er intervjuer og dokumenter fra {p}, og funnene drøftes "
           "opp mot tidligere forskning på feltet.",
    "swe": "Rapporten undersöker {t}. Underlaget består av intervjuer och dokument från {p}, och resultaten "
           "diskuteras mot tidigare forskning.",
    "dan": "Rapporten undersøger {t}. Datagrundlaget er interviews og dokumenter fra {p}, og resultaterne "
           "diskuteres i forhold til tidligere forskning.",
    "eng": "This study examines {t}. It draws on interviews and documents from {p} and discusses the findings "
           "in the light of earlier research.",
}
KEYWORDS = {
    "nor": ["karriereveiledning", "flyktninger", "innvandrere", "introduksjonsprogrammet", "integrering"],
    "swe": ["karriärvägledning", "nyanlända", "invandrare", "etablering"],
    "dan": ["karrierevejledning", "flygtninge", "integration"],
    "eng": ["career guidance", "refugees", "immigrants", "integration"],
}

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

# Title pools by language and screening fate: a head (with {g}, the group) joined to a qualifier
# (with {p}, a place). The generator rejects a title too close to an earlier one (see plan.py).
GROUPS = {
    "nor": ["nyankomne flyktninger", "voksne innvandrere", "unge flyktninger", "minoritetsspråklige voksne",
            "innvandrerkvinner", "deltakere i introduksjonsprogrammet", "enslige mindreårige flyktninger",
            "bosatte flyktninger", "innvandrere med høyere utdanning", "overføringsflyktninger",
            "familiegjenforente", "asylsøkere i mottak"],
    "swe": ["nyanlända", "nyanlända elever", "vuxna invandrare", "unga flyktingar", "utrikes födda kvinnor",
            "ensamkommande ungdomar", "deltagare i etableringsprogrammet", "nyanlända akademiker",
            "asylsökande", "kvotflyktingar"],
    "dan": ["nyankomne flygtninge", "unge indvandrere", "voksne flygtninge", "flygtningekvinder",
            "familiesammenførte"],
    "eng": ["refugees", "young refugees", "adult immigrants", "newly arrived migrants", "refugee women",
            "highly skilled immigrants", "unaccompanied minors", "asylum seekers", "resettled refugees",
            "migrant youth"],
}
QUALIFIERS = {
    "nor": ["erfaringer fra {p}", "en kvalitativ studie fra {p}", "en kartlegging i {p}", "status og utfordringer i {p}",
            "sluttrapport fra et prosjekt i {p}", "resultater fra en spørreundersøkelse i {p}", "et casestudium fra {p}",
            "evaluering av et pilotprosjekt i {p}", "muligheter og begrensninger", "hva sier deltakerne?",
            "praksis i {p}", "delrapport fra {p}"],
    "swe": ["erfarenheter från {p}", "en kvalitativ studie i {p}", "en kartläggning i {p}", "utmaningar i {p}",
            "slutrapport från {p}", "resultat från en enkät i {p}", "en fallstudie från {p}", "lärdomar från {p}"],
    "dan": ["erfaringer fra {p}", "et kvalitativt studie fra {p}", "en kortlægning i {p}", "resultater fra {p}"],
    "eng": ["a qualitative study from {p}", "evidence from {p}", "a survey in {p}", "lessons from {p}",
            "a case study in {p}", "an intervention study from {p}", "a mixed-methods study in {p}",
            "the case of {p}"],
}
RELEVANT = {
    "nor": ["Karriereveiledning for {g}", "Veiledning mot arbeid og utdanning for {g}",
            "Karriereveiledning i introduksjonsprogrammet for {g}", "Samarbeid om karriereveiledning for {g}",
            "Kompetansekartlegging og veiledning av {g}", "Karrierekompetanse hos {g}",
            "Karriereveiledning og kvalifisering av {g}", "Tidlig karriereveiledning for {g}",
            "Karrieresenterets arbeid med {g}", "Veiledningssamtaler med {g}"],
    "swe": ["Karriärvägledning för {g}", "Studie- och yrkesvägledning för {g}", "Vägledning mot arbete för {g}",
            "Att vägleda {g}", "Karriärvägledning och validering för {g}", "Samverkan kring vägledning av {g}",
            "Vägledarens möte med {g}"],
    "dan": ["Karrierevejledning for {g}", "Uddannelses- og erhvervsvejledning for {g}", "Vejledning af {g}"],
    "eng": ["Career guidance for {g}", "Career counselling with {g}", "Supporting the career development of {g}",
            "Career adaptability among {g}", "Counsellors' experiences of career guidance for {g}",
            "Group career counselling for {g}", "Career decision-making of {g}", "Vocational identity of {g}",
            "Culturally responsive career counselling for {g}"],
}
NOT_GUIDANCE = {  # about migrants, but not career guidance
    "nor": ["Norskopplæring for {g}", "Bosetting av {g}", "Helsetjenester for {g}", "Boligsituasjonen for {g}",
            "Frivillig arbeid og integrering av {g}", "Foreldreskap blant {g}", "Fritidsaktiviteter for {g}",
            "Tannhelse hos {g}", "Psykisk helse blant {g}", "Digital kompetanse hos {g}", "Barnehagebruk blant {g}",
            "Økonomisk sosialhjelp til {g}"],
    "swe": ["Svenskundervisning för {g}", "Bostadssituationen för {g}", "Hälsa bland {g}",
            "Föreningsliv och integration av {g}", "Föräldraskap bland {g}", "Psykisk ohälsa bland {g}",
            "Samhällsorientering för {g}", "Idrott och integration av {g}"],
    "dan": ["Danskundervisning for {g}", "Boligforhold for {g}", "Sundhed blandt {g}"],
    "eng": ["Mental health of {g}", "Housing trajectories of {g}", "Language learning among {g}",
            "Employment outcomes of {g}", "Welfare use among {g}", "Social networks of {g}",
            "Health care access for {g}", "Civic participation of {g}", "Family reunification and {g}"],
}
NOT_MIGRANTS = {  # career guidance, but not for refugees or immigrants ({g} unused)
    "nor": ["Karriereveiledning i videregående skole", "Karriereveiledning for seniorer", "Karriereveiledning i høyere utdanning",
            "Karriereveiledning for permitterte", "Digital karriereveiledning", "Karriereveiledning for unge utenfor arbeid",
            "Karriereveiledning for personer med nedsatt funksjonsevne", "Utdanningsvalg i ungdomsskolen",
            "Yrkesveiledning for lærlinger", "Karrierelæring i grunnskolen", "Karriereveiledning i fagskolen",
            "Karriereveiledning for innsatte", "Karriereveiledning for langtidsledige", "Veiledning av sykmeldte"],
    "swe": ["Studie- och yrkesvägledning i grundskolan", "Karriärvägledning för vuxna", "Digital vägledning",
            "Vägledning för arbetslösa unga", "Karriärlärande på gymnasiet", "Vägledning inom högskolan",
            "Karriärvägledning för äldre arbetstagare"],
    "dan": ["Karrierevejledning i grundskolen", "Erhvervsvejledning for ledige"],
    "eng": ["Career guidance for university students", "Career counselling for older workers",
            "School career guidance", "Online career counselling", "Career services for veterans",
            "Career guidance for apprentices", "Career counselling after redundancy"],
}
NOT_RESEARCH = {  # guides, news items, consultation responses
    "nor": ["Karriereveiledning for {g}: en praktisk veileder", "Nytt tilbud om karriereveiledning for {g}",
            "Høringssvar om karriereveiledning for {g}", "Årsmelding for karrieresenteret",
            "Kronikk: Gi {g} bedre veiledning", "Temahefte om veiledning av {g}"],
    "swe": ["Vägledning för {g}: en handbok", "Nytt stöd för {g}", "Debatt: Ge {g} bättre vägledning"],
    "dan": ["Vejledning af {g}: en håndbog"],
    "eng": ["Book review: career guidance for {g}", "Editorial: career guidance and {g}"],
}
THESIS = {
    "nor": ["«Det handler om å finne sin vei»: karriereveiledning for {g}", "Karriereveiledning for {g}",
            "Veilederes erfaringer med {g}", "Drømmer og realitetsorientering blant {g}", "Karriereveiledning i mottak",
            "Mellom håp og realisme: {g} og arbeid", "Hvordan opplever {g} karriereveiledning?"],
    "swe": ["Att vägleda {g}", "Vägledares erfarenheter av {g}", "Drömmar och verklighet för {g}",
            "Vägen till arbete för {g}", "Hur upplever {g} vägledning?"],
    "dan": ["Vejledning af {g}", "Mellem håb og realisme: {g}"],
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

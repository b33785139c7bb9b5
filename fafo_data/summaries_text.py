"""Norwegian summaries of the 24 included works: (formål, metode, funn), written in our own words
from the facts in Vedlegg 1 of the report, condensed; none of its sentences is reused."""

SUMMARIES: dict[str, tuple[str, str, str]] = {
    "R01": (
        """Rapporten samler lærdom fra fem lokale prosjekter som fikk midler til å lage modeller for
        karriereveiledning knyttet til opplæringen i norsk og samfunnskunnskap. Tanken bak var at
        karrierekompetanse bygges gradvis, gjennom arbeid med verdier, interesser, ferdigheter og
        arbeidsvaner. Tildelingen skulle få aktørene til å etablere gode og helst varige tilbud for
        nyankomne innvandrere, og samtidig styrke samarbeid og erfaringsutveksling mellom dem.""",
        """Forfatterne gjennomførte gruppeintervjuer med blant andre karriereveiledere, norsklærere, NAV-
        veiledere og programrådgivere, styrt av en løst strukturert intervjuguide. I tillegg snakket de
        enkeltvis med 19 deltakere i opplæringen. Materialet dekker prosjekter med ulik innretning, fra
        gruppeveiledning integrert i norskundervisningen til individuelle samtaler ved et
        voksenopplæringssenter og et eget undervisningsopplegg i grunnskoleopplæringen for voksne.
        Prosjektene ble gjennomført i flere fylker, blant annet Vestfold, Aust-Agder og Nord-Trøndelag.""",
        """Veiledningen bør komme tidlig i opplæringsløpet, være variert og tilpasses deltakernes norsknivå.
        Karrieresentrene anbefales å gi faglig støtte til voksenopplæringen og andre aktører, og samarbeidet
        på tvers bør forankres skriftlig. Gruppeveiledning som del av undervisningen ga engasjement og
        motivasjon, men krevde grundig planlegging og tilpasning. Individuelle samtaler ga rom for å
        fortelle om egen bakgrunn og livssituasjon uten å måtte dele den med en hel gruppe.""",
    ),
    "R02": (
        """Evalueringen gjelder en utprøving av karriereveiledning for flyktninger mens de ennå bodde i mottak,
        altså før bosetting i en kommune. Oppdraget var å finne ut hva som fungerte godt og hva som var
        krevende, både i integreringsmottak og i ordinære mottak, og å peke på hvordan ordningen kunne
        forbedres før den eventuelt ble tatt i bruk i større skala. Rapporten munner ut i konkrete råd om
        videre utvikling.""",
        """Opinion kombinerte vanlige kvalitative dybde- og gruppesamtaler med en etnografisk tilnærming.
        Forskerne var til stede der veiledningen foregikk over en periode på rundt fire måneder, observerte
        og snakket med informanter flere ganger underveis. Feltarbeidet ble gjort på tre steder: Steinkjer,
        Larvik og Drammen. Dermed kunne de fange opp hvordan deltakerne opplevde prosessen på ulike
        tidspunkter, ikke bare i etterkant. Både flyktninger og ansatte var blant informantene.""",
        """Hvor mye flyktningene fikk ut av veiledningen, hang sammen med alder, utdanning og annen bakgrunn;
        ved gruppeveiledning anbefales mer ensartede grupper. Mange hadde vanskelig for å skille
        veiledningen fra andre tilbud i mottaket, og de fleste fikk første beskjed om den på SMS, uten å
        skjønne hva det gjaldt. Bedre informasjon på forhånd ville gjort veiledningen mer effektiv.
        Manglende digitale løsninger gjorde at opplysninger fra kompetanseregistrering og samtalenotater
        gikk tapt.""",
    ),
    "R03": (
        """Rapporten kommer fra et forskningsprosjekt der NAV, et fylkeskommunalt karrieresenter og
        Universitetet i Sørøst-Norge samarbeidet om karriereveiledning for NAV-brukere. I delprosjektet i
        Drammen var flyktninger målgruppen. Spørsmålet var hvordan et tettere samarbeid mellom NAV-kontoret,
        karrieresenteret og introduksjonssenteret kunne gi flyktningene sterkere tilknytning til arbeidsliv
        og samfunn, og hva de ulike instansene kunne lære av hverandre i en felles veiledningspraksis.
        Prosjektet ble drevet som et utviklingsarbeid med forskning underveis.""",
        """Prosjektet brukte refleksjonslogger, skriftlige forventningsavklaringer og observasjon. Den første
        og den siste individuelle samveiledningen med hver deltaker ble tatt opp på lyd, etter godkjenning
        fra personvernmyndighetene. Til slutt intervjuet prosjektlederen alle veilederne samlet i en
        fokusgruppe om hva de trodde prosjektet hadde betydd for flyktningene, hvilken læring de satt igjen med selv, og hvordan erfaringene kunne føres videre etter prosjektperioden. Metodene ga både løpende og
        avsluttende refleksjon.""",
        """Karriereveileder, programrådgiver og NAV-veileder deltok sammen i veiledningen, såkalt
        samveiledning. Selv om arbeidsformen krever ressurser, opplevde de involverte det som en styrke å se
        hverandres arbeidsmåter og virkemidler på nært hold. Når mål og avtaler ble laget i fellesskap, ble
        planene også realistiske å gjennomføre. Forfatterne beskriver dette som å bygge bro mellom
        karrieresenterets ambisjoner og NAVs regelverk, og veilederne mente deltakerne fikk færre
        motstridende råd.""",
    ),
    "R04": (
        """Fafo studerte to nye tiltak for nyankomne flyktninger. Det ene var et verktøy for å kartlegge
        hvilken kompetanse flyktninger har med seg til Norge, slik at informasjonen kan brukes mer
        systematisk. Det andre var en utprøving av karriereveiledning der kommuner og fylkeskommunale
        karrieresentre samarbeidet. Studien skulle vise hvordan tiltakene fungerte i praksis, og hvilke
        samarbeidsmodeller mellom kommune og karrieresenter som pekte seg ut.""",
        """Studien kombinerer kvalitative og kvantitative data. Hovedtyngden er casestudier av karrieresentre
        og kommuner som deltok i utprøvingen, med observasjon av veiledningssamtaler, intervjuer med 13
        ansatte og gjennomgang av dokumenter. Veiledere, programrådgivere og flyktninger som var med i de
        observerte samtalene, ble intervjuet hver for seg etterpå. I tillegg svarte ledere for
        introduksjonsprogrammet på en nettbasert spørreundersøkelse. Slik kunne funnene fra casene holdes
        opp mot et bredere bilde.""",
        """Kartleggingen før bosetting er nyttig, men gir ikke kommunene nok til å planlegge integreringsløpet.
        Tidlig veiledning kan styrke deltakernes videre kompetanseutvikling, men veilederne mener det trengs
        flere samtaler før deltakerne utvikler karriereferdigheter. Deltakerne har svært ulike
        forutsetninger for å tenke langsiktig, og relasjon, refleksjon og kunnskap om det norske systemet
        vokser fram gradvis. Tidlig oppstart gir derfor mest mening som begynnelsen på en prosess. Rapporten
        drøfter også ulike samarbeidsmodeller.""",
    ),
    "R05": (
        """Rapporten beskriver og prosessevaluerer åtte kommunale integreringsprosjekter som OsloMet evaluerer
        på oppdrag fra IMDi. Ett av dem, et forkurs i utdanningsvalg i en bydel i Oslo, har
        karriereveiledning som hovedformål. Det skal gi flyktninger og innvandrere bedre informasjon og
        veiledning om utdanning og arbeid, slik at de blir i stand til å gjøre gode valg, og samtidig
        forberede dem faglig på videregående opplæring.""",
        """Framgangsmåten varierer mellom de åtte prosjektene. I prosjektet om karriereveiledning intervjuet
        forskerne fire deltakere og de som arbeidet i prosjektet. De observerte også noen
        undervisningstimer, blant annet en gruppediskusjon der deltakerne drøftet fordeler og ulemper ved
        yrkesfag sammenliknet med studiespesialisering. Datagrunnlaget for dette prosjektet er dermed lite,
        men gir innblikk i hvordan både deltakere og ansatte opplevde tilbudet. De fikk også vite hva
        deltakere og ansatte mente kunne gjøres bedre.""",
        """Karriereveiledning ser ut til å tilføre integreringsfeltet nye perspektiver ved at deltakernes egne
        ønsker og ambisjoner får større plass. Slik kan veiledningen motvirke en realitetsorientering som
        noen ganger har gitt lave forventninger og styrt deltakere mot lavtlønte yrker. Behovet for kunnskap
        om utdanning og arbeid er likevel stort. Kurset fungerte som en blanding av utdanningsvalg og
        forkurs til videregående, og opptaksprøven kunne ta oppmerksomhet fra veiledningen, selv om
        deltakerne fikk økt motivasjon.""",
    ),
    "R06": (
        """Delrapporten inneholder fem korte kunnskapsoppsummeringer om strategier som kan styrke flyktningers
        overgang til arbeid og kvalifisering: delkompetanse i fagopplæringen, sosialt entreprenørskap,
        karriereveiledning, «supported employment» og norskopplæring for deltakere med lite skolebakgrunn.
        Den er del av evalueringen av kommunale integreringstiltak ved OsloMet. For kunnskapsoversikten er
        det kapitlet om karriereveiledning for nyankomne flyktninger som er relevant. Dette kapitlet gir en
        samlet oversikt over forskningen på feltet fram til da.""",
        """Forfatterne søkte etter litteratur fra de siste ti årene. De kombinerte karriereveiledning med
        innvandrere og flyktninger på norsk, og brukte tilsvarende søkeord på svensk og dansk. I tillegg
        søkte de på engelsk med ord for karriere, veiledning og flyktninger. Det engelske søket ga svært
        mange treff, men bare en liten del av dem viste seg å være relevante for temaet, så gjennomgangen
        ble avgrenset til disse.""",
        """Den norske litteraturen er begrenset og består mest av oppdragsrapporter om enkeltforsøk. Et
        gjennomgående tema er realitetsorientering, som står i kontrast til internasjonal litteratur der det
        legges vekt på å styrke flyktningers ambisjoner og selvtillit. NAV har lenge prioritert rask
        overgang til arbeid framfor lengre kvalifisering. Forskerne har gjerne tro på veiledningen, men det
        finnes lite kunnskap om virkningene, og mange barrierer flyktningene møter, er strukturelle heller
        enn individuelle.""",
    ),
    "R07": (
        """Rapporten evaluerer integreringspakke I og det tilbudet kommuner og fylkeskommuner ga etter den
        midlertidige loven som kom under covid-19-pandemien. Kapitlet om karriereveiledning ser på i hvilken
        grad kommunene tok i bruk tiltakene i lovens første kapittel, blant annet forlenget programtid,
        forsterket program, karriereveiledning for deltakere i introduksjonsprogrammet og rett til mer
        norskopplæring, og hvordan aktørene vurderte disse tiltakene i praksis.""",
        """Evalueringen bygger på både kvalitative og kvantitative data. Forfatterne undersøkte hvor mye
        tiltakene i den midlertidige loven ble brukt, og hentet inn vurderinger fra de aktørene som hadde
        ansvar for dem i kommuner og fylkeskommuner. Karriereveiledningen behandles i et eget kapittel, der
        spørsmålet er hvor mange som fikk tilbudet, hvordan det ble organisert, og hvilke praktiske
        hindringer sentrene møtte da ordningen skulle settes i verk.""",
        """Kommunene henvendte seg i liten grad om karriereveiledning, og det var særlig kommuner med høyt
        smittetrykk som vurderte tiltakene. Der karrieresenteret og kommunen allerede samarbeidet, var
        etterspørselen større. Karrieresentrene slet med innføringen fordi rutiner og kjennskap til
        integreringsfeltet manglet, og bruk av tolk var nytt for flere fylkeskommuner; i starten var det
        også uklart hvem som skulle betale. Veiledningen foregikk for det meste ansikt til ansikt.""",
    ),
    "R08": (
        """Prosjektet evaluerer den midlertidige loven om tilpasninger i introduksjonsloven og
        integreringspakkene II og III, der kommuner og fylkeskommuner fikk tilskudd til tiltak som utvidet
        introduksjonsprogram. Karriereveiledning for deltakere i introduksjonsprogrammet var en del av
        pakken. Rapporten ser på hvordan kommuner og fylkeskommuner brukte tiltakene, og hvilke utfordringer
        de møtte da karriereveiledningen skulle gis til nyankomne. Evalueringen ble gjort ved OsloMet.""",
        """Evalueringen bygger på casestudier i sju kommuner eller bydeler og fire fylkeskommuner. Forfatterne
        intervjuet statsforvaltere, ansvarlige i fylkeskommunene, utvalgte karrieresentre og kommunale
        aktører som flyktningkontor, NAV og voksenopplæring, med vekt på arbeidet våren og høsten 2021.
        Utvalget ble satt sammen for å få geografisk spredning og variasjon i størrelse, slik at erfaringer
        fra ulike typer kommuner kom med. Også fylkeskommunenes arbeid ble belyst.""",
        """Forfatterne finner tre utfordringer. Deltakerne må møte veiledere med riktig kompetanse; flere
        fylker opprettet egne integreringsteam eller sendte ansatte på kurs, og bookingsystemene måtte sørge
        for rett match. Kommunene hadde ulike forventninger til hva veiledningen skulle gi, og mange
        etterlyste nasjonale retningslinjer for notatet. Til sist er veiledning ment som en prosess over
        tid, men ordningen legger ikke opp til det, og deltakere som senere trenger tolk, må selv betale.""",
    ),
    "R09": (
        """Dette er et aksjonsforskningsprosjekt om kvalifisering av minoritetsspråklige voksne i
        Lindesnesregionen. Målet var å avdekke og løse samarbeids- og koordineringsproblemer mellom etatene
        som arbeider med denne gruppen. Prosjektet bygde opp et kvalifiseringsnettverk som skulle være en
        felles plattform, slik at deltakerne kunne få mer helhetlige og individuelt tilpassede løp, og slik
        at aktørene kunne bruke ressursene sine mer effektivt. Karrieresenteret var en av partene.""",
        """I aksjonsforskning deltar forskerne selv i arbeidet og søker å påvirke praksis underveis. Materialet
        består blant annet av notater forskerne skrev mens de deltok i arbeidet, og skriftlige referater fra møtene. I prosjektets første fase ble det gjort semistrukturerte enkeltintervjuer, særlig med minoritetsspråklige kvinner,
        og gruppeintervjuer med hjelp fra prosjektets kvalifiseringskoordinator. Styringsgruppe,
        arbeidsgrupper, fagdager og løsningsgrupper ble dokumentert med evalueringer og notater. Forskerne
        var dermed både deltakere og observatører.""",
        """Forfatterne mener samarbeidet mellom NAV, kommunalt ansatte og karrieresenteret ga gjensidig læring,
        kompetanseheving og bedre tilpassede kvalifiseringsløp i regionen. Prosjektet sørget for at de
        relevante aktørene og deltakeren selv arbeidet mot målene i integreringsplanen, med et
        sammenhengende og effektivt løp. Nettverket ga også en arena for å drøfte muligheter og problemer,
        som økte forståelsen for hverandres regelverk og institusjonelle logikk og ga nye felles løsninger.""",
    ),
    "R10": (
        """Denne svenske rapporten tar opp to spørsmål. Det første gjelder hvilke bekymringer flyktninger
        typisk tar med seg inn i karriereveiledningen. Det andre gjelder hvilken opplæring karriereveiledere
        og rådgivere selv mener de trenger for å kunne veilede flyktninger på en god måte. Rapporten inngår
        i et europeisk samarbeid om kompetanse for veiledere som arbeider med flyktninger, og skal gi
        grunnlag for videre opplæringstiltak.""",
        """Studien bygger på intervjuer med fem personer med lang erfaring fra og god kunnskap om
        karriereveiledning for flyktninger i Sverige. Tre av dem var aktive veiledere i utdanningssektoren,
        mens to underviste på en utdanning for karriereveiledere. Forfatteren brukte både individuelle
        intervjuer og gruppeintervju. Utvalget er lite og består av eksperter, så rapporten gir innsikt i
        erfarne fagfolks vurderinger snarere enn et bredt bilde av praksis.""",
        """Flyktningers migrasjonserfaringer kan gjøre veiledningen krevende. Traumer fra vold og konflikt kan
        gi helseplager, og usikkerhet om egen situasjon gir lite overskudd til å tenke på framtid og jobb.
        Manglende erfaring med vestlig arbeidsliv og utdanning kompliserer også samtalene. Veiledere trenger
        både teoretisk kunnskap om migrasjon og asylprosessen og en følelsesmessig forståelse. De må ta
        bekymringene på alvor, holde håpet oppe og være tydelige på at de ikke er terapeuter.""",
    ),
    "R11": (
        """Studie- og yrkesveiledning i svensk skole skal gi elevene grunnlag for å gjøre valg om utdanning og
        arbeid. Veiledere forteller at nyankomne elever mangler mye kunnskap om det svenske
        utdanningssystemet og arbeidslivet, og at det er vanskelig å støtte læringen deres om slike
        spørsmål. Rapporten undersøker hvordan veiledere i praksis hjelper nyankomne elever med å lære om karrierespørsmål, og hvilke muligheter og hindringer som finnes.""",
        """Rapporten kombinerer en gjennomgang av litteratur med materiale fra tidligere kvalitative intervjuer
        og observasjoner av veiledning. Forfatteren bruker dette til å analysere veiledningssamtaler som
        læringssituasjoner, og ser særlig på hvordan man kan oppdage tegn på at elever lærer noe. Læring
        forstås her som at eleven aktivt prøver å forstå, sammenlikne erfaringer eller resonnere om
        alternativer. Det er ikke samlet inn nye data for rapporten.""",
        """Veiledere har et begrenset språk for å beskrive læring. Samtalemetoder handler ofte om at veilederen
        viser at hun har forstått eleven, men det er like viktig at nyankomne får vise sin forståelse, så
        misforståelser kan ryddes opp. Informasjon bør gis i dialog, og elevenes tidligere erfaringer bør
        løftes fram, slik at migrasjonsbakgrunnen ikke blir usynlig. Fordi mye ligger utenfor elevenes
        horisont, bør skolene også tilby undervisning om karrierespørsmål, ikke bare samtaler.""",
    ),
    "R12": (
        """Rapporten handler om hvordan veiledning kan korte ned veien til arbeid for nyankomne i Sverige. Den
        beskriver hvordan studie- og yrkesveiledningen er lagt opp og drevet av regioner, kommuner, rektorer og voksenopplæringen i studie- og
        yrkesveiledning i såkalte kombinasjonsutdanninger. Dette er statsstøttet yrkesrettet voksenopplæring
        som kombineres med svensk som andrespråk på grunnleggende nivå, og som er et sentralt tilbud for
        nyankomne som skal kvalifisere seg for arbeid.""",
        """Forfatterne gjennomførte semistrukturerte intervjuer over Zoom med 29 informanter som arbeider med
        veiledning. De arbeidet i 22 kommuner fordelt på fem regioner (Gävleborg, Skåne, Uppsala, Västerbotten, Västra Götaland), og i tillegg fra to referanseregioner, Kalmar og Västmanland. Intervjuene dekket
        veiledning før, under og etter utdanningen, kartlegging av elevenes kunnskaper, validering,
        samarbeid med lærere og veiledernes egne behov for kompetanse. Funnene er sammenfattet som
        anbefalinger.""",
        """Veiledning ved opptak er sjelden, og forfatterne foreslår en obligatorisk samtale før oppstart,
        gjerne med kartlegging. Tolk trengs lite, og orienteringskurs regnes som viktige. Elevgruppen er
        sammensatt og trenger mer tid til veiledning enn andre voksne elever, og veilederne rekker ikke
        alle. Veilederne er lite involvert i validering, og samarbeidet med lærere varierer. De ønsker mer
        kunnskap om elevenes bakgrunn og utdanningssystemer og om veiledning på enkelt språk.""",
    ),
    "R13": (
        """Rapporten formidler en undersøkelse av hvilke arbeidsrettede tiltak som virker for flyktninger og
        familiegjenforente som er psykisk sårbare, har traumesymptomer eller er traumatiserte. Målet var å
        samle kunnskap om lovende praksiser i Norden for denne gruppen, som ofte står langt fra
        arbeidsmarkedet. Karriereveiledning er ikke hovedtemaet, men nevnes som en viktig forutsetning i
        flere av eksemplene på tiltak som fungerer.""",
        """Forfatterne gjorde en litteraturstudie og kartla hvilke tiltak de fire landene Danmark, Finland, Norge og Sverige hadde for denne gruppen fra 2012 til 2018. De intervjuet også medarbeidere og ledere som
        arbeider med tiltak som ble vurdert som lovende. Kombinasjonen av litteraturgjennomgang og
        intervjuer gir en oversikt over praksis på tvers av landene, men ikke effektmålinger av de enkelte
        tiltakene, noe forfatterne selv peker på som en begrensning.""",
        """Kunnskapsgrunnlaget om virkningsfulle tiltak er tynt, men forfatterne finner fire typer lovende
        praksis som kan kombineres: arbeid først etter modeller som Supported Employment og IPS, grundig
        kartlegging av ressurser, utfordringer og motivasjon, helhetlig og tverrfaglig innsats der arbeid,
        helse og sosiale forhold følges opp samtidig, og tiltak basert på empowerment. Karriereveiledning
        trekkes fram som forberedelse i ett norsk og ett svensk eksempel på tiltak som fungerer godt.""",
    ),
    "R14": (
        """Kapitlet inngår i en praktisk håndbok for dem som gir karriereveiledning i grunnskolen, i
        ungdomsutdanninger og i andre institusjoner. Bak boka står 18 bidragsytere fra fem land og tar
        for seg kritisk refleksjon og etisk ansvar i veiledningen. Den relevante delen handler om hvordan
        man kan veilede unge med begrensede språkkunnskaper, blant dem flyktninger og innvandrere, og om
        hvilke verktøy som egner seg i slike samtaler.""",
        """Framgangsmåten er kritisk refleksjon over eksisterende faglitteratur, kombinert med forfatternes
        egne erfaringer fra praksis. Ett kapittel bygger på intervjuer med tre veiledere som arbeider ved et
        flyktningsenter i Hellas. Håndboka er dermed ikke en empirisk studie i vanlig forstand, men en
        faglig drøfting med eksempler som er ment å være nyttige for praktikere som møter unge nyankomne i
        sitt daglige arbeid.""",
        """Forfatterne beskriver konstruktivistiske metoder for veiledning av unge med lite språk, blant annet
        Peavys kartlegging, bruk av bilder fra ungdommens mobiltelefon og illustrasjonskort. Ishiyamas
        verdigram framheves som nyttig for å kartlegge hva som gir mening innen relasjoner, aktiviteter,
        ting og steder. Veilederne i Hellas råder kolleger til å vise empati og aksept for å bygge tillit,
        ikke ta fiendtlighet personlig, motivere daglig, være pålitelige og tilby en skulder å gråte på.""",
    ),
    "R15": (
        """Rapporten er en kunnskapsoppsummering av svensk forskning og andre publikasjoner som beskriver eller
        analyserer karriereveiledning for flyktninger, og hvordan slik veiledning utvikles og gjennomføres.
        Den legger vekt på kunnskap om migrasjon og om de emosjonelle og eksistensielle utfordringene ved å
        å komme til et nytt land, traumer medregnet. Rapporten er en landrapport for Sverige i et større europeisk
        prosjekt om veiledning for flyktninger.""",
        """Forfatteren gjorde et mindre antall søk i Google Scholar, der ord for flyktning ble kombinert med
        karriere, veiledning og Sverige, og med utdanning og Sverige. Søkene ga mange treff, men bare en
        begrenset del var relevante for formålet. Gjennomgangen er derfor en pragmatisk oversikt og ikke en
        systematisk kunnskapsoppsummering med eksplisitte inklusjonskriterier, noe leseren bør ha i mente
        ved tolkningen av funnene.""",
        """Mange veiledere opplever at de ikke har god nok kompetanse til å veilede nyankomne flyktninger. De
        føler seg usikre, etterlyser metoder og verktøy og mangler forståelse av hva det innebærer å være
        flyktning, noe som svekker veiledningen. Noen studier understreker at flukterfaringer, sårbarhet og
        stress må anerkjennes, mens andre peker på at vekt på kompetanse og ferdigheter styrker
        selvstendighet. Forfatteren konkluderer med at veilederen må se både styrker og sårbarhet.""",
    ),
    "R16": (
        """Artikkelen drøfter hva narrativ karriereveiledning kan tilby mennesker som har vært gjennom en
        langvarig migrasjon under vanskelige forhold. Med utgangspunkt i teori og tidligere forskning peker
        forfatterne, som arbeider i Australia, på kulturelle hensyn veiledere bør ta når de møter personer
        med flyktningbakgrunn. Narrativ veiledning vektlegger subjektiv mening og hjelper personen å
        fortelle en helhetlig historie om liv og karriere som grunnlag for informerte valg.""",
        """Dette er en teoretisk artikkel uten egne empiriske data. Forfatterne bygger på eksisterende
        litteratur om flyktningers situasjon etter bosetting og om narrative og konstruktivistiske
        tilnærminger til karriereveiledning. De bruker dette til å utlede anbefalinger for praksis, særlig
        om hvordan veilederen kan arbeide med kulturell bakgrunn og med de historiene flyktningene bærer med
        seg. Artikkelen er fagfellevurdert og publisert i et internasjonalt tidsskrift for rådgivning.""",
        """Flyktninger kan trenge mye støtte etter bosetting, og arbeid er ofte et tidlig mål som må nås i
        ukjente omgivelser. Veiledere bør la deltakerne fortelle historier fra tiden både før og etter
        bosetting, slik at de kan bygge alternative fortellinger om håp, muligheter og mestring i stedet for
        de historiene om flukt de har måttet gjenta overfor myndighetene. Veilederen bør være nysgjerrig på
        hver deltakers kulturelle bakgrunn og prioriteringer og la flyktningen være kulturinformant.""",
    ),
    "R17": (
        """Artikkelen undersøker hvordan en utforskning av karrierehistorier som tar hensyn til kultur og
        kontekst kan gi bedre forståelse av karriereutviklingen til unge med flyktningbakgrunn. Forfatterne
        tar utgangspunkt i en sosialkonstruktivistisk forståelse av karriere, der mening skapes ut fra
        sosiale sammenhenger og erfaringer. De vil vise hvordan fortellinger kan brukes både til å forstå
        unge flyktninger og til å styrke deres egen stemme.""",
        """Studien er gjennomført i Australia og bygger på dybdeintervjuer med tre unge kvinner fra Afrika, venninner som har fulgt hverandre på flukt og i eksil helt fra de var små. Forfatterne brukte en narrativ og utforskende
        metode der deltakernes egne fortellinger står i sentrum. Analysen ser på hvordan kvinnene
        konstruerer mening ut fra sosiale sammenhenger og erfaringer før, under og etter migrasjonen.
        Utvalget er lite, og studien gir dybde snarere enn bredde.""",
        """Fortellingene viser at sosialisering, sosiale strukturer, dominerende fortellinger, relasjoner og
        kulturelle forhold har betydning for karriereutviklingen gjennom hele migrasjonsforløpet.
        Karriereteori og praksis må derfor ta hensyn til kontekst, kultur og relasjoner. En lang
        migrasjonsreise kan svekke unges opplevelse av handlekraft og gjøre dem tause. Å gi rom for glemte
        historier om håp, ferdigheter og erfaring fungerte som en prosess som styrket deltakernes stemme og
        handlefrihet.""",
    ),
    "R18": (
        """Kapitlet drøfter hvorfor karriereveiledning for flyktninger og innvandrere i Norden bør få en mer
        kollektiv innretning. Forfatteren ledet selv arbeidet med å bygge opp og samordne karriereveiledning for flyktninger ved et mottakssenter i Oslo som ble opprettet i 2015, da antallet asylsøkere økte
        kraftig. Hun argumenterer for at veiledningen må forstås bredere, og at familierelasjoner spiller en
        sentral rolle når flyktninger etablerer seg.""",
        """Analysen bygger på forfatterens egne erfaringer fra arbeidet ved mottakssenteret, satt inn i en
        faglig drøfting av karriereveiledning, interkulturell kompetanse og nordisk integreringspolitikk.
        Det er ikke samlet inn data på en systematisk måte, så kapitlet er først og fremst en
        erfaringsbasert og teoretisk refleksjon. Det er publisert i en fagfellevurdert antologi om karriere
        og karriereveiledning i de nordiske landene. Boka er utgitt på Brill.""",
        """Veiledning for flyktninger bør ses som et fleksibelt begrep som åpner for ulike leveringsformer, og
        interkulturell kompetanse er nødvendig for god kvalitet. Veilederen bør utfordre systemet hun
        arbeider i og være bevisst sosial ulikhet og rettferdighet. Å forsøke å endre en kollektivistisk
        livsforståelse er verken alltid mulig eller etisk; respekt, interesse og evne til å lytte bygger
        tillit. Bildebasert gruppeveiledning og felles samtaler for par ser ut til å fungere godt.""",
    ),
    "R19": (
        """Artikkelen ser på hvordan migrasjonserfaringer påvirker karriereutviklingen til unge flyktninger fra
        Afrika, og hvilken rolle kulturmeglere fra flyktningmiljøet kan spille som medveiledere. Forfatteren
        foreslår en skolebasert gruppe for karriereutforskning som drives i samarbeid mellom
        flyktningmiljøet, skolen og lokalsamfunnet. Modellen er en tilpasning av et opplegg som tidligere
        ble brukt for kinesisk innvandrerungdom i USA. Formålet er å gi de unge et fellesskap rundt
        karrierevalg.""",
        """Dette er en konseptuell artikkel. Forfatteren bygger på eksisterende teori og empirisk kunnskap om
        afrikanske ungdommers situasjon og utvikler et konkret opplegg: en gruppe som møtes én gang i uka i åtte uker, for unge flyktninger i siste del av videregående og skal videre til høyere
        utdanning eller arbeid. Gruppene ledes i fellesskap av en skoleansatt og en kulturmegler. Modellen
        er ikke utprøvd eller evaluert i artikkelen.""",
        """En skolebasert gruppe kan gi ungdommene et trygt rom for å snakke om diskriminering, rasisme,
        kjønnsforskjeller, språkbarrierer, læreplanproblemer, utenforskap og familiespørsmål. De kan dele
        erfaringer og samtidig lære den sosiale og kulturelle kapitalen de trenger i skole, høyere utdanning
        og arbeidsliv. Karriereplanlegging forstås som noe som skjer i en sosial og kulturell sammenheng.
        Kulturmegleren kan åpne for samtaler om verdier og ta hensyn til forskjeller innad i gruppen.""",
    ),
    "R20": (
        """Forfatterne undersøker hva som skjer med karriererådgivning når den vikles inn i asylprosessen.
        Bakgrunnen er en svensk lovendring der oppholdstillatelse for elever i videregående skole ble
        knyttet til skolegang og senere arbeid. Formålet er å forstå hvilke følger dette får for elever som
        mottar veiledning, og hvordan elevenes studievalg og prestasjoner blir avgjørende for om de får bli
        i landet.""",
        """Studien bygger på semistrukturerte intervjuer med seks rådgivere som veiledet elever på
        språkintroduksjonsprogrammet, og som var omfattet av regelverket om oppholdstillatelse. I tillegg
        brukes intervjuer med lærere, rektorer og lokalpolitikere, seks av hver. Materialet er del av et
        større forskningsprosjekt om unge på introduksjonsprogram og karrierestøtte i ulike lokale
        sammenhenger, med både spørreundersøkelse, intervjuer og observasjon. Analysen bygger blant annet på
        Bernsteins teori.""",
        """Rådgivernes handlingsrom avhenger delvis av kommunetype, og deres arbeid er avgjørende for at
        asylsøkende elever skal forstå utdanningssystemet og arbeidsmarkedet. Forfatterne argumenterer for
        at regelverket presser unge flyktninger mot arbeideryrker og lar staten velge hvem som får bli.
        Rådgivningen bærer et politisk budskap om å lykkes eller bli sendt ut. Dette strider mot
        veiledningsidealer og demokratiske verdier, gir geografisk urettferdighet og skaper etiske dilemmaer
        for rådgiverne.""",
    ),
    "R21": (
        """Studien bruker narrativ karriereveiledning og metaforen «livsreise» for å utforske hvilke muligheter
        og hindringer unge voksne som nylig har kommet til Sveits fra konfliktområder, møter når de søker
        arbeid. Den har to mål: å kartlegge barrierer og ressurser slik nyankomne flyktninger og asylsøkere
        selv opplever dem, og å forstå hvordan veiledningen kan påvirke deres syn på egen situasjon. Funnene
        er relevante også i nordisk sammenheng.""",
        """Forskerne intervjuet 14 flyktninger og asylsøkere mellom 19 og 25 år som deltok i et statlig
        integreringsprogram, og som med stor sannsynlighet ville bli værende i Sveits. De utviklet en
        semistrukturert intervjuguide på fransk, bygd rundt livsreise-metaforen. Deltakerne ga skriftlig
        samtykke, og hvert intervju varte halvannen til to timer. Deltakerne valgte selv hvilke historier og
        temaer de ville ta opp i samtalen.""",
        """Deltakerne beskrev kulturelle, emosjonelle og materielle barrierer. Språket var den vanligste
        hindringen; over halvparten mente at svake franskkunnskaper sto i veien for sosial og arbeidsmessig
        integrering. De hadde samtidig tre typer ressurser: sosiale, som støtte fra familie, venner, fagfolk
        og naboer, personlige, som egenskaper, interesser og arbeidserfaring, og institusjonelle, særlig
        fordeler ved oppholdstillatelse. Narrativ veiledning gir et ressursfokus, men systemiske tiltak
        trengs også.""",
    ),
    "R22": (
        """Artikkelen vil gi bedre forståelse av hvordan makt kommer til uttrykk i rådgivning. Forfatteren
        undersøker hvordan karriereveiledere i et integreringsprogram for voksne innvandrere i Finland
        påvirker hva som tas opp i veiledningssamtalene, og dermed hvilke temaer som får plass. Analysen
        bygger på Bachrach og Baratz’ teori om ikke-beslutninger, som retter oppmerksomheten mot det som
        holdes utenfor diskusjonen. Studien er del av et doktorgradsarbeid.""",
        """Dataene ble samlet inn i 2019 hos tre tilbydere av integreringsopplæring for voksne innvandrere sør i Finland. Materialet består av 18 videoopptak av veiledningssamtaler mellom fire
        rådgivere og deres studenter, med tre til sju samtaler fra hver rådgiver. Opptakene ble transkribert
        og analysert tematisk, med vekt på diskursive grep i samtalene. Forfatteren har selv bakgrunn som
        rådgiver i integreringsopplæring. Det ga innsikt i feltet.""",
        """Samtalene handlet mest om hvilke utdannings- eller jobbvalg som passet studenten, ikke om
        bekymringer eller interesser studentene selv mente var viktige. Når studentene forsøkte å ta opp
        egne temaer, ble de ofte avvist, behandlet overfladisk eller avledet til temaer veilederen valgte,
        noe forfatteren tolker som unnvikende veiledning og ikke-beslutninger. Veilederne fulgte faste
        spørsmål i fast rekkefølge, og denne strukturen speiler et maktaspekt som strider mot forskning om
        vellykket integrering.""",
    ),
    "R23": (
        """Artikkelen undersøker hvordan karriereveiledning i grupper kan hjelpe unge innvandrere og
        flyktninger i Danmark til å finne mening i livet i det landet de nå bor i. Mange av dem opplever
        fremmedgjøring, usikker identitet og tap av mening. Forfatterne prøver ut Bernauds femtrinns
        intervensjonsmodell for eksistensiell karriereveiledning og ser på hva den betyr både for deltakerne
        og for veilederne som leder gruppene.""",
        """Prosjektet er aksjonsforskning. Data ble samlet før, under og etter et veiledningsforløp i en
        forstad til København fra august 2018 til januar 2019, der deltakerne møttes til ti ukentlige
        samlinger på to og en halv time. Materialet består av ni gruppeintervjuer med en fast intervjuguide: seks med deltakere og tre med veiledere, supplert med observasjon og feltnotater. Intervjuene ble analysert
        tematisk. To franske forskere deltok i arbeidet.""",
        """Det meste av den lovpålagte veiledningen i Danmark skjer individuelt. Femtrinnsmodellen fungerte
        godt som ramme for eksistensiell gruppeveiledning og kan støtte unges refleksjon om et meningsfylt
        liv i et nytt land. Deltakerne fikk sterkere tilhørighet, følte seg forstått og respektert, og fikk
        språklig utvikling. Veilederne ble mer oppmerksomme på egne fordommer og fikk dypere forståelse av
        deltakerne, og når de delte egne tanker, følte deltakerne seg anerkjent.""",
    ),
    "R24": (
        """Artikkelen stiller spørsmål ved de vanlige bildene av migranter og flyktninger, og hevder at måten
        karriereveiledning praktiseres på, henger sammen med hvordan veilederen forstår situasjonen og hva
        som oppfattes som problemet. Den drøfter også sentrale sider ved forholdet mellom veileder og
        veisøker, og spør hvordan veiledningsfeltet har svart på utfordringen med å integrere nyankomne i
        arbeidsmarkedet. Utgangspunktet er at alle mennesker har samme verdighet, uavhengig av kategori.""",
        """Dette er en litteraturgjennomgang. Datagrunnlaget er eksisterende forskning om
        arbeidsmarkedsintegrering av nyankomne migranter og flyktninger. Forfatteren analyserer litteraturen
        kritisk med utgangspunkt i Foucaults tanker om diskursiv økologi, altså hvordan ordene vi bruker
        former hva som kan tenkes og gjøres. Artikkelen er en oversikt som skal peke ut retninger for en mer
        frigjørende veiledning, ikke en empirisk studie. Den bygger på et bredt utvalg kilder.""",
        """Språket rundt migranter og flyktninger gjør oss tilbøyelige til å gjenta myter om at de belaster
        økonomien, tar jobber, utnytter velferden eller bringer sykdom og kriminalitet. Veiledere kan bryte
        med dette ved å forstå hvordan migrasjon påvirker tilpasning, med spørsmål om språk, tap, identitet,
        diskriminering, familie og helse. Utdanningen av veiledere bør hjelpe dem å se egne stereotypier.
        Flere initiativer viser at feltet tar i bruk egnede teorier og lærer av praksis.""",
    ),
}

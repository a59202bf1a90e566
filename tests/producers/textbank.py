"""Invented Norwegian plan content for the producer fixtures (written for this project; not government text).

A different voice and different topics from :mod:`tests.plangen.textbank`: upper secondary completion,
social dumping and work-related crime, substance use and mental health among young people. The seeds use
plangen's :class:`~tests.plangen.textbank.M` / :class:`~tests.plangen.textbank.P` /
:class:`~tests.plangen.textbank.Topic` types so that plangen's measure builder can be reused:

* ``M.lead`` is a ministry lineage (see :mod:`tests.plangen.ministries`) or ``"ALL"`` ("Alle departementer");
  ``"ALL"`` among ``M.co`` means the lead ministry *and* all ministries ("JD/Alle" in a budget table).
* ``{min:LINEAGE}`` in a sentence becomes the ministry's official name on the plan date.

Besides the measures, each topic has what real plans carry around them and an extractor must not take for
measures: background paragraphs with footnotes, a statistics table, a numbered list of priorities.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.plangen.textbank import M, P, Topic


@dataclass(frozen=True)
class Extras:
    """Non-measure material of a topic."""

    tema: str  # noun phrase used in generic prose, e.g. "sosial dumping og arbeidslivskriminalitet"
    intro: tuple[str, ...]  # Innledning paragraphs
    priorities_lead: str  # sentence introducing the numbered list
    priorities: tuple[str, ...]  # items of a numbered list in prose (NOT measures)
    stats_caption: str
    stats_header: tuple[str, ...]
    stats_rows: tuple[tuple[str, ...], ...]
    stats_source: str
    background: tuple[tuple[str, str], ...]  # two paragraphs per part (index = part order)
    footnotes: tuple[str, ...]  # notes attached to background paragraphs (part order)
    measure_footnote: str  # one note attached inside a measure text
    reword: tuple[tuple[str, str], ...]  # light rewordings for version pairs
    extra_new: tuple[M, ...]  # measures inserted in a new version
    signature_place: str = "Oslo"


VGO = Topic(
    key="vgo",
    titles=("Flere fullfører videregående opplæring", "Fullføringsløftet"),
    subtitles=(
        "Regjeringens plan for bedre gjennomføring i skole og fagopplæring",
        "Tiltak for at flere unge skal fullføre og bestå",
    ),
    foreword=(
        "Å fullføre videregående opplæring er et av de viktigste vernene mot utenforskap. Unge som går ut med "
        "studie- eller yrkeskompetanse, har langt bedre utsikter i arbeidslivet enn dem som slutter underveis, og "
        "forskjellene følger dem gjennom hele voksenlivet.",
        "Mange av elevene som ikke fullfører, har strevd lenge før de begynner i videregående skole. Derfor "
        "starter innsatsen allerede på ungdomstrinnet, og den fortsetter til de unge har fått fotfeste i arbeid "
        "eller videre utdanning.",
        "Planen er et felles løft for flere departementer, for fylkeskommunene og kommunene og for partene i "
        "arbeidslivet. Vi takker alle som har kommet med innspill underveis.",
    ),
    ministers=("KD", "AD", "KMD", "BLD", "HOD"),
    parts=(
        P(
            "Et godt grunnlag fra grunnskolen",
            (),
            (
                M("Intensiv lese- og regneopplæring på 8. trinn", "Kommunene får midler til intensiv opplæring for elever som ikke når minstenivået på de nasjonale prøvene på 8. trinn. Utdanningsdirektoratet utvikler veiledningsmateriell for lærerne som gir opplæringen.", "KD"),
                M("Bedre overgang mellom ungdomsskole og videregående skole", "Det innføres faste overføringsmøter mellom ungdomsskolen og den videregående skolen for elever som har hatt spesialundervisning. Fylkeskommunene og kommunene avtaler selv hvordan møtene organiseres.", "KD", "KMD"),
                M("Styrket rådgivning om utdannings- og yrkesvalg", "Rådgivningen i ungdomsskolen må gi elevene et realistisk bilde av hva de ulike utdanningsprogrammene krever. NAV bidrar med kunnskap om behovet for arbeidskraft i regionen.", "KD", "AD"),
                M("Forsøk med sommerskole før første skoleår", "Elever med svake karakterer fra ungdomsskolen får tilbud om to ukers sommerskole før de begynner på Vg1. Forsøket følges av forskere over tre skoleår.", "KD"),
                M("Mer praktisk og variert undervisning på ungdomstrinnet", "Skolene får støtte til å prøve ut undervisning der elevene bruker teorien i praktiske oppgaver. Erfaringene deles gjennom et nettverk av skoler i hele landet.", "KD"),
                M("Helsesykepleiere i alle ungdomsskoler", "Skolehelsetjenesten styrkes slik at elevene kan treffe en helsesykepleier hver skoledag. Helsedirektoratet følger med på hvordan midlene brukes.", "HOD", "KD"),
                M("Kartlegging av elever med høyt fravær i grunnskolen", "Kommunene skal registrere fravær på en ensartet måte fra 5. trinn. Foreldre varsles tidlig når fraværet øker.", "KD", "BLD"),
            ),
        ),
        P(
            "Flere fullfører videregående opplæring",
            (),
            (
                M("Forsterket oppfølging av elever med høyt fravær", "Fylkeskommunene skal følge opp elever som har mer enn ti prosent fravær, med samtale og en skriftlig plan. Skolehelsetjenesten trekkes inn når fraværet har helsemessige årsaker.", "KD", "HOD"),
                M("Fleksible løp for elever som trenger mer tid", "Elever som trenger det, skal kunne ta Vg1 over to år uten å miste retten til videregående opplæring. Ordningen gjelder både studieforberedende og yrkesfaglige utdanningsprogram.", "KD"),
                M("Tettere oppfølging i første halvår på Vg1", "Kontaktlæreren skal ha en samtale med hver elev innen fire uker etter skolestart. Elever som står i fare for å slutte, får en fast voksen å forholde seg til.", "KD", "KMD"),
                M("Miljøarbeidere og skolepsykologer i videregående skole", "Et tilskudd gjør det mulig for fylkeskommunene å ansette flere miljøarbeidere og skolepsykologer. Tilskuddet fordeles etter antall elever og frafallet ved skolene.", "KD", "HOD"),
                M("Tilskudd til utstyr for elever fra familier med lav inntekt", "Elever på yrkesfaglige utdanningsprogram får dekket utgifter til arbeidstøy og verktøy når familien har lav inntekt. NAV og skolene samarbeider om å nå elevene som har krav på støtten.", "KD", "AD"),
                M("Tilrettelagt opplæring for sent ankomne ungdommer", "Ungdom som kommer til Norge etter at de har fylt 15 år, skal få et innføringsår med norsk og fag før de begynner på Vg1. Integrerings- og mangfoldsdirektoratet bidrar med veiledning til skolene.", "KD", "BLD"),
                M("Felles innsats for unge i alle sektorer", "Hvert departement skal gå gjennom egne ordninger for unge og vurdere hvordan de kan bidra til at flere fullfører. Resultatene rapporteres i den årlige budsjettproposisjonen.", "ALL"),
            ),
        ),
        P(
            "Fag- og yrkesopplæring og læreplasser",
            (),
            (
                M("Flere lærlinger i statlige virksomheter", "Alle statlige virksomheter skal ha minst én lærling, og de største skal ha flere. Virksomhetene rapporterer antall lærlinger i årsrapporten.", "KMD", "ALL"),
                M("Samfunnskontrakt for flere læreplasser", "Regjeringen inngår en ny avtale med partene i arbeidslivet om flere læreplasser og bedre kvalitet i opplæringen. Avtalen har konkrete mål for hver bransje.", "KD", "AD,NFD"),
                M("Økt lærlingtilskudd for lærekandidater", "Bedrifter som tar inn lærekandidater, får et høyere tilskudd enn i dag. Ordningen skal gjøre det lettere for elever med svake faglige forutsetninger å få en læreplass.", "KD"),
                M("Bedre kvalitet i fagopplæringen i bedrift", "Fylkeskommunene skal følge opp lærebedriftene tettere og gi veiledning til instruktørene. Utdanningsdirektoratet utvikler et verktøy for egenvurdering i lærebedriftene.", "KD"),
                M("Fagbrev på jobb for voksne", "Voksne som har jobbet i en bransje i flere år, skal kunne ta fagbrev uten å gå ut av arbeidet. Ordningen bygges ut i samarbeid med arbeidsgiverne.", "KD", "AD"),
                M("Kompetanseheving for instruktører og faglige ledere", "Det tilbys gratis kurs for instruktører i lærebedriftene. Kursene gis digitalt og kan tas på arbeidsplassen.", "KD"),
            ),
        ),
        P(
            "Oppfølging av unge utenfor opplæring og arbeid",
            (),
            (
                M("Oppfølgingstjenesten skal nå alle unge utenfor opplæring", "Oppfølgingstjenesten i fylkeskommunen skal kontakte alle unge under 21 år som ikke er i opplæring eller arbeid. Tjenesten får tilgang til oppdaterte opplysninger fra skolene og NAV.", "KD", "AD"),
                M("NAV-veiledere i videregående skole", "NAV-veiledere skal være til stede på skolene flere dager i uka. De hjelper elever som har sammensatte behov, og samarbeider med rådgiverne.", "AD", "KD"),
                M("Helhetlig tilbud til unge med psykiske helseplager", "Unge med psykiske helseplager skal få behandling og opplæring samtidig når det er til det beste for dem. Helseforetakene og fylkeskommunene inngår avtaler om samarbeid.", "HOD", "KD,AD"),
                M("Kombinasjonsklasser for unge innvandrere", "Unge innvandrere som mangler grunnskoleopplæring, får tilbud om kombinasjonsklasser der grunnskolefag og videregående fag tas samtidig. Tilbudet finansieres over flere år.", "KD"),
                M("Tettere samarbeid mellom fylkeskommunen og NAV", "Fylkeskommunen og NAV skal ha felles rutiner for unge som står i fare for å falle ut. Rutinene omfatter både utveksling av opplysninger og felles møter med den unge.", "AD", "KD"),
                M("Bedre statistikk om unge utenfor opplæring og arbeid", "Statistisk sentralbyrå får i oppdrag å lage årlig statistikk over unge som verken er i opplæring eller arbeid. Statistikken skal kunne brytes ned på kommuner.", "KD", "AD"),
                M("Arbeidstrening i statlige virksomheter", "Statlige virksomheter skal tilby plasser for arbeidstrening til unge som har avbrutt videregående opplæring. Hver virksomhet rapporterer hvor mange plasser den har tilbudt.", "ALL"),
            ),
        ),
    ),
    pool=(
        "Tiltaket følges opp i de årlige styringsdialogene med fylkeskommunene.",
        "Erfaringer fra forsøk i enkelte fylker viser at en fast kontaktperson gjør det lettere for elevene å bli i opplæringen.",
        "Midlene fordeles etter søknad, og kommuner med høyt frafall prioriteres.",
        "Ordningen evalueres etter to skoleår.",
        "Elevene og foreldrene skal involveres når tiltaket utformes lokalt.",
        "Regjeringen vil komme tilbake til omfanget i de årlige budsjettene.",
        "Skolene kan selv velge hvordan de organiserer arbeidet innenfor rammene.",
        "Det utvikles en digital veileder som samler eksempler på god praksis.",
        "Tiltaket bygger videre på arbeidet som allerede er i gang i flere fylker.",
        "Utdanningsdirektoratet følger med på resultatene og rapporterer hvert år.",
        "Partene i arbeidslivet inviteres til å delta i utformingen.",
        "Lærernes erfaringer skal brukes når ordningen justeres.",
        "En ekstern evaluering skal vise om tiltaket bidrar til at flere fullfører.",
        "Tiltaket ses i sammenheng med arbeidet med ny opplæringslov.",
        "Målet er at ingen elever skal slutte uten at skolen har gjort et forsøk på å finne en annen løsning.",
        "Kommunene kan søke om midler sammen med nabokommuner.",
        "Fylkeskommunene skal rapportere på framdriften i tilstandsrapporten.",
        "Ordningen skal være på plass i alle fylker innen utgangen av planperioden.",
    ),
)

VGO_EXTRAS = Extras(
    tema="gjennomføring i videregående opplæring",
    intro=(
        "Om lag tre av fire elever fullfører og består videregående opplæring innen fem år. Andelen har økt "
        "de siste årene, men forskjellene mellom fylkene og mellom utdanningsprogrammene er fortsatt store.",
        "Denne planen samler regjeringens innsats for at flere skal fullføre. Den bygger på forskning om "
        "hvorfor elever slutter, på erfaringer fra fylkeskommunene og på innspill fra elevorganisasjonene og "
        "partene i arbeidslivet.",
        "Innsatsen er delt i fire områder, fra grunnlaget som legges i grunnskolen til oppfølgingen av unge som "
        "allerede står utenfor. Hvert område beskriver utfordringene og de tiltakene regjeringen setter i gang.",
    ),
    priorities_lead="Regjeringen vil i planperioden særlig prioritere tre områder:",
    priorities=(
        "elever som strever faglig allerede på ungdomstrinnet",
        "overgangen fra skole til læreplass i yrkesfaglige utdanningsprogram",
        "unge som har avbrutt opplæringen og ikke er i arbeid",
    ),
    stats_caption="Tabell 1 Andel elever som har fullført og bestått innen fem år, etter utdanningsprogram (prosent)",
    stats_header=("Utdanningsprogram", "2012-kullet", "2013-kullet", "2014-kullet"),
    stats_rows=(
        ("Studieforberedende", "86", "87", "87"),
        ("Yrkesfaglige", "59", "60", "62"),
        ("Alle programmer", "73", "74", "75"),
    ),
    stats_source="Kilde: Utdanningsdirektoratet. Tallene er avrundet.",
    background=(
        ("Karakterene fra ungdomsskolen er den sterkeste enkeltfaktoren for å forutsi om en elev fullfører "
         "videregående opplæring. Elever med lave grunnskolepoeng slutter langt oftere enn andre.",
         "Mange av disse elevene har hatt lite utbytte av undervisningen over lang tid. Tidlig innsats og bedre "
         "tilpasset opplæring på ungdomstrinnet kan derfor gi store gevinster senere."),
        ("Det første året i videregående skole er avgjørende. Flest elever slutter eller stryker i løpet av Vg1, "
         "og mange av dem kommer aldri tilbake.",
         "Årsakene er sammensatte. Faglige vansker, psykiske plager, høyt fravær og feil valg av "
         "utdanningsprogram går ofte hånd i hånd."),
        ("Mangel på læreplasser er den viktigste grunnen til at elever på yrkesfag ikke fullfører. Hvert år står "
         "flere tusen søkere uten læreplass ved fristen.",
         "Kvaliteten i opplæringen i bedrift varierer. Lærlinger som får god oppfølging av instruktøren, "
         "fullfører oftere enn andre."),
        ("Unge som verken er i opplæring, arbeid eller annen aktivitet, er en sammensatt gruppe. Noen trenger "
         "bare et nytt tilbud, mens andre har helseplager eller vansker som krever tett oppfølging over tid.",
         "Ansvaret for disse ungdommene er delt mellom fylkeskommunen, kommunen og NAV. Uklare grenser mellom "
         "tjenestene gjør at noen faller mellom to stoler."),
    ),
    footnotes=(
        "Elever som begynte i videregående opplæring for første gang, fulgt i fem år.",
        "Grunnskolepoeng er gjennomsnittet av standpunkt- og eksamenskarakterene ganget med ti.",
        "Søkere med ungdomsrett som står uten læreplass per 1. september.",
        "Tallene gjelder personer i alderen 15 til 24 år.",
    ),
    measure_footnote="Fravær regnes her som samlet udokumentert og dokumentert fravær i fellesfagene.",
    reword=(
        ("skal følge opp", "skal gi oppfølging til"), ("får tilbud om", "tilbys"), ("Ordningen", "Tilbudet"),
        ("skal kunne", "kan"), ("Det tilbys", "Det blir tilbudt"), ("i dag", "nå"),
    ),
    extra_new=(
        M("Digitale læringsressurser for elever som har avbrutt opplæringen", "Elever som har avbrutt opplæringen, skal kunne ta fag på nett med veiledning fra en lærer. Tilbudet utvikles av fylkeskommunene i fellesskap.", "KD"),
        M("Lærlingløfte i kommunene", "Alle kommuner skal ta inn lærlinger i helse- og oppvekstfag. Kommunesektorens organisasjon inviteres til å følge opp løftet.", "KMD", "KD"),
    ),
)

ARBEIDSLIV = Topic(
    key="arbeidsliv",
    titles=("Handlingsplan mot sosial dumping og arbeidslivskriminalitet", "Et seriøst og trygt arbeidsliv"),
    subtitles=(
        "Regjeringens strategi for et seriøst arbeidsliv",
        "Felles innsats mot utnytting av arbeidstakere og useriøse virksomheter",
    ),
    foreword=(
        "De aller fleste arbeidsgivere i Norge følger lover og regler. Men i enkelte bransjer har vi sett en "
        "utvikling der arbeidstakere utnyttes, lønns- og arbeidsvilkår undergraves og seriøse virksomheter "
        "tapes i konkurransen med useriøse aktører.",
        "Arbeidslivskriminalitet er ofte organisert og kan knyttes til annen alvorlig kriminalitet. Ingen etat "
        "kan møte den alene. Denne planen bygger derfor videre på samarbeidet mellom kontrolletatene og med "
        "partene i arbeidslivet.",
        "Regjeringen vil gjøre det lettere å gjøre rett og vanskeligere å gjøre galt.",
    ),
    ministers=("AD", "JD", "FIN", "NFD", "KMD"),
    parts=(
        P(
            "Et sterkere samarbeid mellom etatene",
            (),
            (
                M("Flere a-krimsentre og felles etterretning", "Arbeidstilsynet, NAV, Skatteetaten og politiet skal samarbeide i a-krimsentre i alle regioner. Sentrene får et felles system for etterretning og analyse.", "AD", "JD,FIN"),
                M("Felles analysemiljø for kontrolletatene", "Et nasjonalt analysemiljø skal sammenstille opplysninger fra etatene og gi et felles trusselbilde. Miljøet bemannes av alle de deltakende etatene.", "AD", "JD,FIN"),
                M("Bedre deling av opplysninger mellom etatene", "Regelverket for taushetsplikt endres slik at etatene kan dele opplysninger når det er nødvendig for å avdekke arbeidslivskriminalitet. Et forslag til lovendring sendes på høring.", "JD", "AD,FIN"),
                M("Faste treffpunkter med partene i arbeidslivet", "Arbeidsgiver- og arbeidstakerorganisasjonene inviteres til faste møter med etatene om utviklingen i utsatte bransjer. Partene bidrar med kunnskap om hvordan useriøse aktører opererer.", "AD"),
                M("Regionale samarbeidsråd mot arbeidslivskriminalitet", "Det opprettes samarbeidsråd i hver region der kommunene, etatene og partene deltar. Rådene skal bidra til at innsatsen tilpasses lokale forhold.", "AD", "KMD"),
                M("Nordisk samarbeid om kontroll av utenlandske virksomheter", "Norge skal ta initiativ til felles kontroller med de andre nordiske landene. Skatteetaten og Arbeidstilsynet utveksler erfaringer med sine nordiske kolleger.", "AD", "FIN"),
            ),
        ),
        P(
            "Forebygging",
            (),
            (
                M("Forebygging av tvangsarbeid i utsatte bransjer", "Arbeidstilsynet og politiet skal kartlegge bransjer der faren for tvangsarbeid er størst, og rette forebyggende tilsyn mot disse. Veiledningen til arbeidstakere som kan være utsatt, gis på flere språk.", "JD", "AD"),
                M("Seriøsitetskrav i offentlige anskaffelser", "Offentlige oppdragsgivere skal stille krav om lønns- og arbeidsvilkår og begrense antall ledd i leverandørkjeden. En veileder viser hvordan kravene følges opp i kontraktsperioden.", "NFD", "KMD"),
                M("Informasjon til arbeidstakere fra land utenfor EØS", "Arbeidstakere som får oppholdstillatelse for arbeid, skal få informasjon om rettigheter og plikter før de kommer til Norge. Informasjonen gis på morsmålet.", "AD", "JD"),
                M("Veiledning til oppdragsgivere i bygg og anlegg", "Private oppdragsgivere skal få enkel veiledning om hvordan de kan unngå å bruke useriøse håndverkere. Veiledningen utvikles sammen med bransjeorganisasjonene.", "AD"),
                M("Godkjenningsordninger i bransjer med høy risiko", "Det vurderes å innføre godkjenningsordninger etter mønster av ordningen for renholdsvirksomheter. Vurderingen gjøres bransje for bransje.", "AD"),
                M("Arbeidsrett i videregående opplæring", "Elever på yrkesfag skal lære om arbeidsavtaler, lønn og arbeidstid før de går ut i læretiden. Opplæringen utvikles i samarbeid med partene.", "AD", "KD"),
                M("Krav til seriøsitet i statlige anskaffelser", "Hvert departement skal sørge for at underliggende virksomheter følger opp seriøsitetskravene i egne kontrakter. Oppfølgingen omtales i årsrapportene.", "ALL"),
            ),
        ),
        P(
            "Kontroll og sanksjoner",
            (),
            (
                M("Høyere overtredelsesgebyr ved grove brudd", "Arbeidstilsynet skal kunne ilegge høyere gebyrer når bruddene er grove eller gjentatte. Gebyrene skal stå i forhold til den økonomiske gevinsten ved bruddene.", "AD"),
                M("Kontroll av kontantbetaling i utsatte bransjer", "Skatteetaten skal gjennomføre flere kontroller av kontantsalg og kassasystemer. Kontrollene rettes særlig mot serveringsbransjen og bilpleie.", "FIN"),
                M("Straffeansvar for oppdragsgivere som bruker ulovlig arbeidskraft", "Det innføres et tydeligere straffeansvar for oppdragsgivere som bevisst bruker arbeidskraft uten lovlig opphold. Forslaget sendes på høring.", "JD", "AD"),
                M("Inndragning av utbytte fra arbeidslivskriminalitet", "Politiet og Økokrim skal oftere kreve inndragning av utbytte i saker om arbeidslivskriminalitet. Det utarbeides en egen veileder for påtalemyndigheten.", "JD"),
                M("Karantene for useriøse virksomheter", "Personer som er dømt for alvorlig arbeidslivskriminalitet, skal kunne ilegges karantene fra å drive virksomhet. Ordningen utredes i planperioden.", "NFD", "AD"),
                M("Styrket etterforskningskapasitet i politidistriktene", "Politidistriktene skal ha egne etterforskere med kompetanse på økonomisk kriminalitet i arbeidslivet. Politidirektoratet følger opp at kompetansen bygges opp.", "JD"),
            ),
        ),
        P(
            "Kunnskap og informasjon",
            (),
            (
                M("Årlig situasjonsbeskrivelse av arbeidslivskriminalitet", "Etatene skal hvert år legge fram en felles situasjonsbeskrivelse. Den skal brukes når innsatsen prioriteres.", "AD", "JD"),
                M("Forskning på utnytting av arbeidsinnvandrere", "Det settes av midler til forskning på hvordan arbeidsinnvandrere utnyttes, og hvilke tiltak som virker. Forskningen skal også omfatte arbeidstakere fra land utenfor EØS.", "AD"),
                M("Tips- og varslingsløsning på flere språk", "Det etableres en felles løsning der publikum og arbeidstakere kan gi tips om mulig arbeidslivskriminalitet. Løsningen skal være tilgjengelig på de vanligste språkene blant arbeidsinnvandrere.", "AD", "FIN"),
                M("Bedre statistikk over utstasjonerte arbeidstakere", "Statistisk sentralbyrå skal utvikle statistikk over utstasjonerte arbeidstakere og korttidsinnvandrere. Statistikken skal publiseres hvert år.", "AD", "FIN"),
                M("Kampanje om rettigheter i arbeidslivet", "Det gjennomføres en informasjonskampanje rettet mot unge arbeidstakere og arbeidsinnvandrere. Alle departementer bidrar med informasjon om sine ansvarsområder.", "AD", "ALL"),
            ),
        ),
    ),
    pool=(
        "Tiltaket følges opp i etatenes tildelingsbrev.",
        "Erfaringene fra tidligere kontroller viser at samordnet innsats gir bedre resultater.",
        "Partene i arbeidslivet skal involveres i utformingen.",
        "Arbeidet evalueres etter to år.",
        "Tiltaket gjennomføres innenfor gjeldende budsjettrammer.",
        "Resultatene skal inngå i den årlige situasjonsbeskrivelsen.",
        "Regjeringen vil vurdere behovet for regelendringer når erfaringene foreligger.",
        "Innsatsen rettes særlig mot bransjer med mange utenlandske arbeidstakere.",
        "Arbeidstilsynet koordinerer arbeidet.",
        "Tiltaket bygger på anbefalingene fra en arbeidsgruppe med deltakere fra etatene.",
        "Det skal legges vekt på at informasjonen når fram til dem som trenger den mest.",
        "Erfaringene skal deles mellom regionene.",
        "En ekstern evaluering skal vise om tiltaket virker etter hensikten.",
        "Skatteetaten bidrar med analyser av skatte- og avgiftsunndragelser.",
        "Det skal rapporteres på framdriften i den årlige statusrapporten for planen.",
        "Arbeidet ses i sammenheng med innsatsen mot økonomisk kriminalitet.",
    ),
)

ARBEIDSLIV_EXTRAS = Extras(
    tema="sosial dumping og arbeidslivskriminalitet",
    intro=(
        "Arbeidslivskriminalitet omfatter handlinger som bryter med lover om lønns- og arbeidsvilkår, trygder, "
        "skatter og avgifter, gjerne utført organisert, og som utnytter arbeidstakere eller virker "
        "konkurransevridende.",
        "Siden de første handlingsplanene har innsatsen gitt resultater. Samarbeidet mellom etatene er bedre, "
        "og flere saker blir avdekket. Samtidig tilpasser de kriminelle aktørene seg, og metodene blir mer "
        "sammensatte.",
        "Denne planen viderefører det som virker, og retter innsatsen mot nye utfordringer. Planen er utarbeidet "
        "i dialog med partene i arbeidslivet og med kontrolletatene.",
    ),
    priorities_lead="Innsatsen i planperioden skal særlig rettes mot fire forhold:",
    priorities=(
        "utnytting av arbeidstakere med svak tilknytning til arbeidsmarkedet",
        "lange kjeder av underleverandører i bygg og anlegg",
        "kontantøkonomi og svart arbeid i tjenesteytende næringer",
        "misbruk av selskapsformer og stråmenn",
    ),
    stats_caption="Tabell 2 Kontroller og reaksjoner ved a-krimsentrene",
    stats_header=("År", "Kontroller", "Stans av virksomhet", "Anmeldelser"),
    stats_rows=(
        ("2015", "1 120", "84", "102"),
        ("2016", "1 480", "131", "147"),
        ("2017", "1 730", "156", "181"),
    ),
    stats_source="Kilde: Arbeidstilsynet. Tallene er avrundet.",
    background=(
        ("Ingen etat har alene oversikt over de kriminelle aktørene. De samme personene kan opptre i "
         "skattesaker, trygdesaker og saker om brudd på arbeidsmiljøloven.",
         "De første a-krimsentrene viste at felles kontroller gir flere funn og raskere reaksjoner enn når "
         "etatene arbeider hver for seg."),
        ("Mange av arbeidstakerne som utnyttes, kjenner ikke sine rettigheter. Språkproblemer og avhengighet "
         "av arbeidsgiveren gjør dem sårbare.",
         "Oppdragsgivere har stor makt over hvem som får oppdrag. Når de stiller krav og følger dem opp, blir "
         "det vanskeligere for useriøse virksomheter å få fotfeste."),
        ("Sanksjonene må være så kraftige at det ikke lønner seg å bryte reglene. I dag er gevinsten ved "
         "alvorlige brudd ofte større enn risikoen for å bli tatt.",
         "Etterforskning av arbeidslivskriminalitet er ressurskrevende. Sakene omfatter ofte mange selskaper, "
         "store pengebeløp og fornærmede som er redde for å forklare seg."),
        ("Kunnskapen om omfanget av arbeidslivskriminalitet er begrenset. Mye av aktiviteten skjer i skjul, og "
         "registrerte saker gir bare et delvis bilde.",
         "God informasjon til arbeidstakere, arbeidsgivere og forbrukere er en forutsetning for at "
         "regelverket skal virke."),
    ),
    footnotes=(
        "Sentrene ble først etablert i Oslo, Bergen og Stavanger.",
        "Se blant annet forskrift om informasjons- og påseplikt og innsynsrett.",
        "Gjelder saker der overtredelsesgebyr er ilagt.",
        "Den siste felles situasjonsbeskrivelsen ble lagt fram året før planen.",
    ),
    measure_footnote="Med utsatte bransjer menes her blant annet bygg og anlegg, renhold, landbruk og servering.",
    reword=(
        ("skal kunne", "skal få mulighet til å"), ("oftere", "i større grad"), ("Det innføres", "Regjeringen innfører"),
        ("flere kontroller", "et høyere antall kontroller"), ("inviteres til", "skal inviteres til"), ("hvert år", "årlig"),
    ),
    extra_new=(
        M("Tilsyn med bemanningsforetak", "Arbeidstilsynet skal prioritere tilsyn med bemanningsforetak som leier ut arbeidstakere til bygg og anlegg. Resultatene skal publiseres samlet.", "AD"),
        M("Felles kontroller på store byggeplasser", "Etatene skal gjennomføre felles kontroller på de største byggeplassene hvert år. Byggherrene skal gi etatene tilgang til oversikter over alle som arbeider på plassen.", "AD", "JD,FIN"),
    ),
)

RUS = Topic(
    key="rus",
    titles=("Trygg oppvekst uten rus", "Handlingsplan for rusforebygging og psykisk helse blant unge"),
    subtitles=(
        "Regjeringens plan for forebygging, behandling og oppfølging av unge",
        "Tidlig hjelp og sammenhengende tjenester",
    ),
    foreword=(
        "De fleste unge har det bra. Men for noen utvikler det seg problemer med rus og psykisk helse som kan "
        "få store følger for skolegang, arbeid og familieliv. Jo tidligere de får hjelp, desto større er "
        "sjansen for at problemene ikke får varige følger.",
        "Unge og foreldre forteller om tjenester som ikke henger sammen, og om ventetid når behovet er størst. "
        "Denne planen handler om å gi hjelp tidligere og å få tjenestene til å spille sammen.",
        "Planen er et samarbeid mellom fem departementer, og den bygger på erfaringene til unge, pårørende og "
        "ansatte i tjenestene.",
    ),
    ministers=("HOD", "KD", "JD", "BLD", "AD"),
    parts=(
        P(
            "Tidlig innsats i kommunene",
            (),
            (
                M("Lavterskeltilbud for unge i alle kommuner", "Alle kommuner skal ha et tilbud der unge kan få samtaler uten henvisning og uten ventetid. Tilbudet kan organiseres sammen med helsestasjon for ungdom.", "HOD", "KMD"),
                M("Psykisk helse som tema i skolen", "Elevene skal lære om følelser, relasjoner og hvordan de kan få hjelp. Utdanningsdirektoratet utvikler undervisningsopplegg sammen med fagmiljøer.", "KD", "HOD"),
                M("Foreldrestøtte i familier med rusproblemer", "Kommunene skal tilby foreldreveiledning til familier der foreldrene har rusproblemer. Barne-, ungdoms- og familiedirektoratet utvikler et opplegg for veiledningen.", "BLD", "HOD"),
                M("Tidlig samtale ved bekymring for rusbruk", "Ansatte i skole, helsetjeneste og politi skal få opplæring i å ta en tidlig samtale med unge de er bekymret for. Helsedirektoratet utvikler et kurs på nett.", "HOD", "JD"),
                M("Forebyggende samtaler i politiet", "Politiet skal tilby forebyggende samtaler til unge som er i kontakt med politiet for første gang. Samtalene gjennomføres sammen med foreldrene.", "JD", "HOD"),
                M("Forebygging på fritidsarenaene", "Frivillige organisasjoner og fritidsklubber får støtte til å gi unge gode rusfrie møteplasser. Tilskuddet prioriterer tilbud i kommuner med få andre tilbud.", "KUD", "HOD"),
            ),
        ),
        P(
            "Sammenhengende tjenester",
            (),
            (
                M("Koordinator for unge med sammensatte behov", "Unge som har behov for flere tjenester over tid, skal få en fast koordinator i kommunen. Koordinatoren har ansvar for at tjenestene henger sammen.", "HOD", "AD"),
                M("Ambulante team i distriktene", "Helseforetakene skal ha ambulante team som møter unge der de bor. Teamene samarbeider med kommunens tjenester.", "HOD"),
                M("Raskere tilgang til behandling", "Ventetiden i psykisk helsevern for barn og unge skal ned. Helseforetakene får et eget mål for ventetid i oppdragsdokumentet.", "HOD"),
                M("Samarbeidsavtaler mellom kommuner og helseforetak", "Avtalene mellom kommuner og helseforetak skal beskrive hvordan unge følges opp etter utskrivning. Avtalene gjennomgås hvert år.", "HOD"),
                M("Bolig og oppfølging etter behandling", "Unge som skrives ut fra døgnbehandling, skal ha et sted å bo og oppfølging i kommunen. Husbanken gir tilskudd til kommuner som etablerer egnede boliger.", "KMD", "HOD"),
                M("Arbeid og aktivitet som del av behandlingen", "NAV skal delta tidlig i behandlingen av unge som står utenfor arbeid og opplæring. Målet er at arbeid og skole blir en del av veien tilbake.", "AD", "HOD"),
            ),
        ),
        P(
            "Unge i kontakt med politi og kriminalomsorg",
            (),
            (
                M("Oppfølgingsteam for unge lovbrytere", "Unge som har begått gjentatt kriminalitet, skal følges opp av tverrfaglige team. Teamene har deltakere fra politi, barnevern, skole og helsetjeneste.", "JD", "HOD,BLD"),
                M("Ruskontrakter med tett oppfølging", "Bruken av ruskontrakter som alternativ til straff skal økes. Kommunene skal sørge for at de unge får hjelp i kontraktsperioden.", "JD", "HOD"),
                M("Helsetilbud i fengslene", "Innsatte skal få bedre tilgang til behandling for rus og psykiske lidelser. Kriminalomsorgsdirektoratet og Helsedirektoratet utarbeider felles retningslinjer.", "HOD", "JD"),
                M("Overgang fra fengsel til kommunen", "Kommunen skal varsles i god tid før en ung innsatt løslates. Innsatte skal ha bolig og et aktivitetstilbud når de kommer ut.", "JD", "KMD,AD"),
                M("Felles rutiner for taushetsplikt og samtykke", "Tjenestene skal ha felles rutiner for å innhente samtykke til å dele opplysninger. Rutinene skal gjøre samarbeidet enklere uten å svekke personvernet.", "JD", "ALL"),
            ),
        ),
        P(
            "Kunnskap og kompetanse",
            (),
            (
                M("Kompetanseløft for ansatte i kommunene", "Ansatte i kommunale tjenester skal få tilbud om videreutdanning i rus og psykisk helse. Helsedirektoratet forvalter tilskuddet.", "HOD"),
                M("Unges erfaringer i utviklingen av tjenestene", "Kommunene skal bruke unges erfaringer når tjenestene utvikles. Det etableres ungdomsråd for psykisk helse i alle fylker.", "HOD"),
                M("Forskningsprogram om psykisk helse blant unge", "Det etableres et forskningsprogram om årsaker til psykiske plager og om hvilke tiltak som virker. Programmet går over fem år.", "HOD", "KD"),
                M("Nasjonal statistikk over rusbruk blant unge", "Statistisk sentralbyrå skal samle data om rusbruk blant unge i en årlig oversikt. Oversikten skal kunne brytes ned på fylker.", "HOD"),
                M("Veileder om samarbeid på tvers av sektorer", "En felles veileder skal beskrive hvordan tjenestene samarbeider om unge med rusproblemer. Alle departementer bidrar med stoff fra sine sektorer.", "ALL"),
            ),
        ),
    ),
    pool=(
        "Tiltaket evalueres etter tre år.",
        "Unge og pårørende skal være med når tiltaket utformes.",
        "Kommunene kan søke om midler fra en egen tilskuddsordning.",
        "Erfaringer fra forsøkskommuner viser at tidlig kontakt gjør det lettere å gi riktig hjelp.",
        "Helsedirektoratet følger med på hvordan tiltaket virker.",
        "Regjeringen vil komme tilbake til omfanget i de årlige budsjettene.",
        "Det skal legges vekt på at tilbudet er lett å finne for de unge.",
        "Tiltaket ses i sammenheng med arbeidet med opptrappingsplanen for psykisk helse.",
        "Tjenestene skal ha faste rutiner for å følge opp unge som ikke møter.",
        "Resultatene rapporteres i den årlige statusrapporten for planen.",
        "Ansatte i tjenestene skal få veiledning i hvordan tiltaket gjennomføres.",
        "Det skal tas særlig hensyn til unge med minoritetsbakgrunn.",
        "Tiltaket bygger videre på gode erfaringer fra flere kommuner.",
        "Arbeidet gjennomføres i samarbeid med brukerorganisasjonene.",
        "Målet er at ingen unge skal måtte vente på hjelp når behovet er akutt.",
        "Frivillige organisasjoner inviteres til å delta.",
    ),
)

RUS_EXTRAS = Extras(
    tema="rus og psykisk helse blant unge",
    intro=(
        "De fleste unge vokser opp uten alvorlige problemer med rus eller psykisk helse. Likevel oppgir en "
        "økende andel at de strever med psykiske plager, og mange av dem som utvikler rusproblemer, har hatt "
        "psykiske plager lenge.",
        "Hjelpen kommer ofte for sent. Unge og foreldre beskriver tjenester som er vanskelige å finne fram i, "
        "og overganger der ingen tar ansvaret.",
        "Denne planen samler tiltak fra flere sektorer. Den bygger på innspill fra unge, pårørende, "
        "brukerorganisasjoner, fagmiljøer og kommuner.",
    ),
    priorities_lead="Planen bygger på tre prinsipper:",
    priorities=(
        "hjelpen skal komme tidlig og være lett å få",
        "tjenestene skal henge sammen også i overgangene",
        "unge og pårørende skal ha innflytelse på hjelpen de får",
    ),
    stats_caption="Tabell 3 Andel unge som oppgir psykiske plager, etter kjønn og alder (prosent)",
    stats_header=("Aldersgruppe", "Jenter", "Gutter", "Alle"),
    stats_rows=(
        ("13–15 år", "24", "11", "17"),
        ("16–17 år", "31", "13", "22"),
        ("18–19 år", "29", "14", "21"),
    ),
    stats_source="Kilde: Ungdomsundersøkelser i kommunene. Tallene er avrundet.",
    background=(
        ("Kommunene har ansvaret for det forebyggende arbeidet og for de fleste tjenestene unge møter først. "
         "Tilbudene varierer mye mellom kommunene.",
         "Mange unge oppsøker ikke hjelp selv. De ansatte i skole og fritid er derfor viktige for å fange opp "
         "dem som trenger det."),
        ("Unge med både rusproblemer og psykiske lidelser trenger ofte hjelp fra flere tjenester samtidig. "
         "Ansvaret er fordelt mellom kommunen og spesialisthelsetjenesten.",
         "Overgangene mellom tjenestene er sårbare. Etter utskrivning fra behandling mangler mange et sted å bo "
         "og noen å gå til."),
        ("En stor andel av unge som begår kriminalitet, har rusproblemer eller psykiske plager. Straff alene "
         "gir sjelden varig endring.",
         "Kriminalomsorgen har en viktig rolle i å forberede overgangen til livet etter soning."),
        ("Kunnskapen om hvilke tiltak som virker for unge, er fortsatt mangelfull. Mange tiltak er lite "
         "evaluert.",
         "Ansatte i kommunene etterspør mer kompetanse om rus og psykisk helse hos unge."),
    ),
    footnotes=(
        "Tallene bygger på spørreundersøkelser i et stort antall kommuner.",
        "Gjelder pasienter under 23 år.",
        "Gjelder unge mellom 15 og 24 år.",
        "Se oversikten over evaluerte tiltak i vedlegget til planen.",
    ),
    measure_footnote="Med lavterskeltilbud menes tilbud som ikke krever henvisning eller vedtak.",
    reword=(
        ("skal få", "skal gis"), ("Det etableres", "Regjeringen etablerer"), ("hvert år", "årlig"),
        ("skal ha", "må ha"), ("unge", "ungdommer"), ("Tilbudet", "Ordningen"),
    ),
    extra_new=(
        M("Chattetjeneste for unge med spørsmål om rus", "Det etableres en anonym chattetjeneste der unge kan stille spørsmål om rus og psykisk helse. Tjenesten bemannes av fagpersoner.", "HOD"),
        M("Oppfølging av unge etter akutt rusforgiftning", "Unge som har vært innlagt med rusforgiftning, skal få tilbud om oppfølging fra kommunen. Sykehusene skal varsle kommunen med samtykke fra den unge.", "HOD"),
    ),
)

TOPICS: dict[str, tuple[Topic, Extras]] = {
    "vgo": (VGO, VGO_EXTRAS),
    "arbeidsliv": (ARBEIDSLIV, ARBEIDSLIV_EXTRAS),
    "rus": (RUS, RUS_EXTRAS),
}

# Closing chapters (no measures) shared by all topics; "{tema}" is the topic noun phrase.
CLOSING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Oppfølging og evaluering", (
        "Departementene følger opp planen i fellesskap. En styringsgruppe på embetsnivå møtes to ganger i året "
        "og gjør opp status for hvert tiltak.",
        "Planen evalueres når planperioden er over. Evalueringen skal vise om innsatsen på området {tema} har "
        "virket, og gi grunnlag for en eventuell ny plan.",
    )),
    ("Økonomiske og administrative konsekvenser", (
        "Tiltakene finansieres innenfor de gjeldende budsjettrammene, med mindre annet går fram av omtalen "
        "av det enkelte tiltaket. Nye tiltak som krever bevilgninger, vurderes i de årlige budsjettene.",
    )),
)

# Invented minister names for the signatures (first and last names drawn separately).
FIRST_NAMES = ("Torunn", "Eivind", "Mathilde", "Sindre", "Hanne", "Jørgen", "Birgitte", "Arve", "Silje", "Trond",
               "Kjersti", "Magnus", "Live", "Geir", "Ylva", "Audun")
LAST_NAMES = ("Brekkestø", "Ulvestad", "Hjelmeland", "Sørbotten", "Aarflot", "Nordbø", "Skjævesland", "Tangen",
              "Vikøren", "Lundemo", "Flatebø", "Rognstad", "Eidsvåg", "Haugsbø")

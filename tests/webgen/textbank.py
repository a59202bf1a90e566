"""Norwegian text for the synthetic web documents (written for this project; not government text).

A voice of its own: none of these sentences is taken from ``tests/plangen`` (a test checks it) or from a
real plan. Measure titles are infinitive phrases ("Styrke ...") because that is how web documents print
them both as headings ("Tiltak 3: Styrke ...") and as "Regjeringen vil:" list items ("styrke ...").

Placeholders: ``{min:LINEAGE}`` -> the ministry's official name on the document date
(:mod:`tests.plangen.ministries`); ``{tema}``, ``{tittel}``, ``{periode}``, ``{antall}`` -> document facts.
Agency names are those of ``tests.plangen.ministries.AGENCIES`` (so the truth can list them); era-bound
names (Statsforvalteren/Fylkesmannen ...) are adjusted to the date by ``tests.plangen.build.era_text``.
Numbers in fact boxes and statistics tables are invented and say so ("eksempeltall").
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Seed:
    """A measure: title (capitalised infinitive phrase), 1-2 specific sentences, lead and co lineages."""

    title: str
    text: str
    lead: str
    co: str = ""  # comma-separated lineages
    agency: str | None = None  # agency named in brackets in the responsibility line ("Ansvar: JD (Kripos)")


@dataclass(frozen=True)
class Stats:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = "Kilde: eksempeltall laget for dette syntetiske testdokumentet."


@dataclass(frozen=True)
class Area:
    """An innsatsområde (or a theme of a "Tiltak" chapter)."""

    title: str
    intro: tuple[str, ...]
    goal: str
    goals: tuple[str, ...]  # bullet list under "Mål for innsatsområdet" (not measures)
    seeds: tuple[Seed, ...]
    fact: tuple[str, tuple[str, ...]] | None = None  # fact box: title, items
    stats: Stats | None = None


@dataclass(frozen=True)
class WebTopic:
    key: str
    tema: str  # noun phrase used in generic prose ("menneskehandel og utnytting")
    titles: tuple[str, ...]  # may contain {periode}
    ingress: tuple[str, ...]
    publisher: str  # lineage
    ministers: tuple[str, ...]  # lineages of the signing ministers, publisher first
    areas: tuple[Area, ...]
    pool: tuple[str, ...]  # extra measure sentences (each used at most once per document)
    achievements: tuple[str, ...]  # "Regjeringen har:" list (done in the past: context, not measures)
    main_goals: tuple[str, ...]  # "Strategien har N hovedmål:" numbered list (not measures)
    status: tuple[str, ...]  # prose for a "Status og utfordringer" chapter
    extras: tuple[Seed, ...] = field(default_factory=tuple)  # measures for insertions in version pairs
    slug: str = ""


UTNYTTING = WebTopic(
    key="utnytting",
    tema="menneskehandel og grov utnytting",
    slug="strategi-mot-menneskehandel-og-utnytting",
    titles=("Strategi mot menneskehandel og utnytting ({periode})", "Sammen mot utnytting – strategi mot menneskehandel ({periode})"),
    ingress=(
        "Strategien samler regjeringens arbeid mot menneskehandel i {antall} innsatsområder og beskriver "
        "tiltakene som skal gjennomføres i perioden {periode}.",
    ),
    publisher="JD",
    ministers=("JD", "AD", "BLD", "HOD", "UD"),
    main_goals=(
        "Flere mulige ofre skal bli oppdaget tidlig og få tilbud om hjelp.",
        "Innsatsen skal henge sammen på tvers av etater og forvaltningsnivåer.",
        "Flere bakmenn skal bli stilt til ansvar, og utbyttet skal inndras.",
    ),
    achievements=(
        "lagt om finansieringen av botilbudene slik at de kan planlegge over flere år",
        "gitt Kripos et nasjonalt ansvar for å bistå politidistriktene i de største sakene",
        "innført en egen opplæringsmodul om utnytting i politiutdanningen",
        "finansiert to forskningsprosjekter om utnytting i landbruket",
    ),
    status=(
        "Antallet saker som blir avdekket, varierer mye fra år til år. Variasjonen skyldes i stor grad hvor mye "
        "ressurser politiet og kontrolletatene setter inn, og sier lite om hvor stort problemet egentlig er.",
        "Mange av dem som utnyttes, vet ikke at de har rettigheter i Norge. Språk, gjeld og frykt for å bli sendt "
        "ut av landet gjør at få tar kontakt med hjelpeapparatet på eget initiativ.",
    ),
    areas=(
        Area(
            title="Samordning og styring",
            intro=(
                "Arbeidet mot menneskehandel berører mange sektorer. Når ansvaret er delt, øker risikoen for at "
                "saker faller mellom to stoler og for at kunnskap blir liggende hos én etat.",
                "Regjeringen ønsker en fastere struktur for samarbeidet, både mellom departementene og mellom "
                "direktoratene som gjennomfører tiltakene.",
            ),
            goal="Målet er at alle som arbeider med saker om utnytting, vet hvem som har ansvaret for hva, og at "
                 "informasjon deles raskt og innenfor regelverket.",
            goals=("tydelig ansvarsdeling mellom etatene", "felles rutiner for å melde fra om mulige ofre",
                   "bedre tall og kunnskap om omfanget"),
            fact=("Fakta: Hva er menneskehandel?", (
                "Menneskehandel er å utnytte en annen person ved hjelp av vold, trusler, misbruk av en sårbar situasjon "
                "eller annen utilbørlig atferd.",
                "Utnyttingen kan gjelde prostitusjon, tvangsarbeid, tigging, kriminelle handlinger eller fjerning av organer.",
            )),
            seeds=(
                Seed("Opprette et nasjonalt koordineringsforum mot menneskehandel",
                     "Forumet skal samle direktoratene med ansvar på feltet og møtes minst fire ganger i året. "
                     "Det skal også legge fram en felles årsrapport til departementene.", "JD", "AD,BLD"),
                Seed("Utarbeide en felles veileder for identifisering av mulige ofre",
                     "Veilederen skal beskrive tegn på utnytting og hvem som skal kontaktes når en ansatt blir bekymret. "
                     "UDI og Politidirektoratet skal bidra med erfaringer fra egne saker.", "JD", "HOD,BLD"),
                Seed("Etablere faste samarbeidsavtaler mellom politiet og hjelpetiltakene",
                     "Avtalene skal regulere kontaktpunkter, møtehyppighet og hvordan fornærmede følges opp under etterforskningen.",
                     "JD", "", "Politidirektoratet"),
                Seed("Styrke statistikken om avdekkede saker",
                     "SSB og Kripos skal se på hvordan tallene fra ulike registre kan sammenstilles uten at personvernet svekkes.",
                     "JD", "FIN"),
                Seed("Gi Statsforvalteren en tydeligere rolle i det regionale arbeidet",
                     "Statsforvalteren skal invitere kommunene i sitt fylke til årlige samlinger om utnytting og menneskehandel.",
                     "KMD", "JD"),
            ),
        ),
        Area(
            title="Forebygging og kunnskap",
            intro=(
                "Den beste beskyttelsen mot utnytting er at folk kjenner rettighetene sine og vet hvor de kan få hjelp. "
                "Samtidig må de som kommer i kontakt med utsatte personer, kjenne igjen tegnene.",
                "Kunnskapen om nye former for utnytting er fortsatt mangelfull. Særlig vet vi for lite om hvordan "
                "rekruttering skjer gjennom digitale kanaler.",
            ),
            goal="Målet er at færre blir utnyttet, og at ansatte i førstelinjen har kompetanse til å gripe inn tidlig.",
            goals=("mer kunnskap om rekruttering og utnytting på nett", "kompetanse om utnytting i grunnutdanningene",
                   "informasjon som når fram til utsatte grupper"),
            stats=Stats("Tabell: Deltakere i opplæring om utnytting, etter sektor (eksempeltall)",
                        ("Sektor", "2021", "2022", "2023"),
                        (("Politi", "410", "465", "520"), ("Barnevern", "180", "240", "255"),
                         ("Helse", "95", "130", "170"), ("Arbeids- og velferdsforvaltningen", "60", "85", "120"))),
            seeds=(
                Seed("Gjennomføre informasjonskampanjer rettet mot utsatte grupper",
                     "Kampanjene skal utvikles sammen med organisasjoner som har kontakt med målgruppene. "
                     "Informasjonen skal finnes på flere språk og i kanaler som målgruppene faktisk bruker.", "JD", "AD"),
                Seed("Styrke undervisningen om utnytting i helse- og sosialfagene",
                     "Utdanningsinstitusjonene skal få et ferdig undervisningsopplegg med case og refleksjonsoppgaver.",
                     "KD", "HOD"),
                Seed("Kartlegge risikoen for utnytting i sesongarbeid",
                     "Arbeidstilsynet skal samle erfaringer fra tilsyn i landbruket og reiselivet og foreslå målrettede tiltak.",
                     "AD", "", "Arbeidstilsynet"),
                Seed("Utvikle et nettkurs om menneskehandel for ansatte i barnevernet",
                     "Bufdir skal lage kurset, og det skal være gratis og åpent for ansatte i kommunalt og statlig barnevern.",
                     "BLD", ""),
                Seed("Skaffe mer kunnskap om utnytting gjennom digitale plattformer",
                     "Det skal lyses ut et forskningsoppdrag om hvordan annonser og meldingstjenester brukes til å rekruttere ofre.",
                     "JD", "KUD"),
            ),
        ),
        Area(
            title="Hjelp og beskyttelse",
            intro=(
                "Personer som har vært utsatt for menneskehandel, trenger et trygt sted å bo, helsehjelp og noen å "
                "snakke med. Behovene er ofte sammensatte og endrer seg over tid.",
                "Hjelpen skal ikke avhenge av om den utsatte velger å anmelde forholdet eller ikke.",
            ),
            goal="Målet er at alle mulige ofre får et forsvarlig tilbud, uansett hvor i landet de befinner seg.",
            goals=("trygge botilbud for kvinner, menn og barn", "rask tilgang til helsehjelp",
                   "oppfølging som varer lenge nok"),
            fact=("Fakta: Refleksjonsperioden", (
                "En utlending som kan være offer for menneskehandel, kan få en midlertidig tillatelse i seks måneder "
                "for å komme seg unna bakmennene og tenke over om hun eller han vil anmelde forholdet.",
            )),
            seeds=(
                Seed("Sikre trygge botilbud for voksne ofre i hele landet",
                     "Botilbudene skal ha plass til både kvinner og menn. Bufdir skal følge med på kapasiteten og melde fra "
                     "når det er behov for flere plasser.", "BLD", "JD"),
                Seed("Gi mindreårige ofre en fast kontaktperson i barnevernet",
                     "Kontaktpersonen skal følge barnet gjennom hele saken og sørge for at barnet får informasjon det forstår.",
                     "BLD", "JD"),
                Seed("Styrke tilgangen til helsehjelp og traumebehandling",
                     "Helsedirektoratet skal gi råd om hvordan ofre kan få rask time hos spesialisthelsetjenesten.",
                     "HOD", ""),
                Seed("Tilby arbeidsrettet oppfølging gjennom NAV",
                     "Ofre som ønsker det, skal få hjelp til å komme i lovlig arbeid, blant annet gjennom praksisplasser.",
                     "AD", ""),
                Seed("Forenkle søknaden om refleksjonsperiode",
                     "UDI skal lage et enklere søknadsskjema og svare på søknader innen to uker.", "JD", "", "UDI"),
            ),
        ),
        Area(
            title="Etterforskning og straffeforfølgning",
            intro=(
                "Saker om menneskehandel er tid- og ressurskrevende å etterforske. Bevisene finnes ofte i flere land, "
                "og fornærmede kan være redde for å forklare seg.",
                "Regjeringen vil at flere saker skal bli etterforsket og at bakmenn skal miste utbyttet av kriminaliteten.",
            ),
            goal="Målet er at flere saker blir avdekket, etterforsket og pådømt, og at fornærmede blir godt ivaretatt.",
            goals=("flere anmeldte saker", "kortere saksbehandlingstid", "mer inndragning av utbytte"),
            stats=Stats("Tabell: Anmeldte saker om menneskehandel, etter formål (eksempeltall)",
                        ("Formål", "2020", "2021", "2022", "2023"),
                        (("Seksuelle formål", "24", "31", "27", "35"), ("Tvangsarbeid", "12", "18", "22", "19"),
                         ("Kriminelle handlinger", "5", "9", "11", "14"))),
            seeds=(
                Seed("Opprette egne grupper for menneskehandel i alle politidistrikter",
                     "Gruppene skal ha etterforskere med særskilt opplæring og samarbeide tett med påtalemyndigheten.",
                     "JD", "", "Politidirektoratet"),
                Seed("Styrke Kripos' bistand i de største sakene",
                     "Kripos skal kunne stille med analytikere og etterforskere når et politidistrikt ber om det.",
                     "JD", ""),
                Seed("Bruke inndragning av utbytte mer aktivt",
                     "Økokrim skal lage en veileder om finansiell etterforskning i saker om utnytting.", "JD", "FIN"),
                Seed("Sørge for at barn kan avhøres raskt i Statens barnehus",
                     "Avhøret skal gjennomføres innen fristene i regelverket, også når barnet ikke snakker norsk.",
                     "JD", "BLD"),
            ),
        ),
        Area(
            title="Internasjonalt samarbeid",
            intro=(
                "Menneskehandel krysser grenser. Norge er avhengig av et godt samarbeid med andre land for å "
                "etterforske saker og for å hjelpe ofre som vil reise hjem.",
            ),
            goal="Målet er at Norge er en aktiv partner i det internasjonale arbeidet mot utnytting.",
            goals=("bedre politisamarbeid over grensene", "trygg retur for dem som ønsker det"),
            seeds=(
                Seed("Styrke samarbeidet med opprinnelsesland om trygg retur",
                     "Ofre som vender hjem, skal få tilbud om oppfølging gjennom organisasjoner i hjemlandet.", "UD", "JD"),
                Seed("Støtte internasjonale organisasjoner i arbeidet mot tvangsarbeid",
                     "Støtten skal særlig gå til prosjekter som bedrer arbeidsvilkårene i utsatte næringer.", "UD", ""),
                Seed("Delta aktivt i det europeiske politisamarbeidet om menneskehandel",
                     "Kripos skal være nasjonalt kontaktpunkt og dele analyser med samarbeidslandene.", "JD", ""),
                Seed("Fremme aktsomhetsvurderinger i leverandørkjeder",
                     "Næringslivet skal få veiledning om hvordan de kan avdekke tvangsarbeid hos underleverandører.",
                     "NFD", "UD"),
            ),
        ),
    ),
    pool=(
        "Tiltaket skal evalueres av en ekstern forskningsinstitusjon før strategiperioden er over.",
        "Erfaringene fra de første årene skal brukes til å justere innretningen.",
        "Organisasjonene som arbeider med utsatte personer, skal trekkes inn tidlig.",
        "Arbeidet skal ta hensyn til at mange av de utsatte ikke snakker norsk eller engelsk.",
        "Det skal settes av midler til dette innenfor eksisterende budsjettrammer.",
        "Tiltaket skal særlig nå ungdom som er på vei inn i arbeidslivet.",
        "Det ansvarlige direktoratet skal rapportere om framdriften i den årlige rapporten.",
        "Ordningen skal gjøres kjent for ansatte i kommunene gjennom eksisterende nettverk.",
        "Resultatene skal publiseres åpent slik at også frivillige aktører kan bruke dem.",
        "Det skal vurderes om ordningen bør gjøres permanent etter en prøveperiode på tre år.",
        "Ansatte som møter utsatte personer, skal vite hvor de kan få faglige råd.",
        "Tiltaket bygger videre på et prosjekt som har gitt gode resultater i to politidistrikter.",
        "Det skal legges vekt på at tilbudet er likeverdig i hele landet.",
        "Erfaringer fra nordiske naboland skal inngå i arbeidet.",
        "Brukerne skal gis anledning til å si sin mening om hvordan tilbudet fungerer.",
        "Fylkeskommunene skal inviteres til å delta der det er naturlig.",
        "Det skal lages en plan for hvordan tiltaket kan videreføres etter perioden.",
        "Personvernet til de berørte skal ivaretas i alle ledd.",
    ),
    extras=(
        Seed("Opprette en nasjonal telefon for tips om utnytting",
             "Telefonen skal være åpen hele døgnet og betjenes av personer med erfaring fra feltet.", "JD", "AD"),
        Seed("Gi frivillige organisasjoner tilskudd til oppsøkende arbeid",
             "Tilskuddet skal lyses ut hvert år og prioritere tiltak i områder der få tilbud finnes fra før.", "BLD", "JD"),
        Seed("Utrede en egen lov om aktsomhet mot tvangsarbeid",
             "Utredningen skal se på erfaringene fra andre europeiske land.", "NFD", "UD"),
    ),
)


ARBEIDSLIV = WebTopic(
    key="arbeidsliv",
    tema="et trygt og seriøst arbeidsliv",
    slug="handlingsplan-for-et-trygt-og-seriost-arbeidsliv",
    titles=("Handlingsplan for et trygt og seriøst arbeidsliv", "Handlingsplan mot useriøse virksomheter i arbeidslivet ({periode})"),
    ingress=(
        "Handlingsplanen inneholder {antall} tiltak som skal gjøre det vanskeligere å drive useriøst og lettere "
        "for arbeidstakere å si fra.",
    ),
    publisher="AD",
    ministers=("AD", "FIN", "JD", "NFD", "KMD"),
    main_goals=(
        "Arbeidstakere skal ha trygge og anstendige lønns- og arbeidsvilkår.",
        "Det skal lønne seg å drive seriøst.",
        "Etatene skal samarbeide om å avdekke og straffe lovbrudd.",
    ),
    achievements=(
        "skjerpet reglene for innleie fra bemanningsforetak",
        "økt bevilgningen til Arbeidstilsynet tre år på rad",
        "innført krav om lærlinger i flere typer offentlige kontrakter",
    ),
    status=(
        "De fleste virksomheter i Norge følger reglene. Likevel finnes det bransjer der lønnsdumping, svart arbeid og "
        "brudd på arbeidstidsreglene er utbredt, særlig der mange arbeidstakere kommer fra andre land.",
        "Kontrolletatene rapporterer at lovbruddene blir mer organiserte. Falske dokumenter og stråmenn gjør det "
        "vanskeligere å finne ut hvem som egentlig står bak virksomhetene.",
    ),
    areas=(
        Area(
            title="Et organisert arbeidsliv",
            intro=(
                "Sterke parter i arbeidslivet er det første forsvaret mot sosial dumping. Der organisasjonsgraden er lav, "
                "er det også lettere for useriøse aktører å etablere seg.",
            ),
            goal="Målet er at flere arbeidstakere og virksomheter er organisert, og at partene samarbeider om seriøsitet.",
            goals=("høyere organisasjonsgrad i utsatte bransjer", "flere bransjeprogrammer"),
            stats=Stats("Tabell: Organisasjonsgrad blant arbeidstakere i utvalgte bransjer, prosent (eksempeltall)",
                        ("Nr.", "Bransje", "Andel organiserte"),
                        (("1", "Renhold", "31"), ("2", "Overnatting og servering", "22"), ("3", "Bygg og anlegg", "38"),
                         ("4", "Transport", "41"))),
            seeds=(
                Seed("Styrke partssamarbeidet i utsatte bransjer",
                     "Partene skal få tilskudd til felles prosjekter som bedrer arbeidsforholdene i bransjen.", "AD", ""),
                Seed("Utrede tiltak for høyere tariffavtaledekning",
                     "Et partssammensatt utvalg skal se på virkemidler og legge fram forslag innen to år.", "AD", ""),
                Seed("Informere unge arbeidstakere om rettighetene sine",
                     "Arbeidstilsynet skal lage informasjon som kan brukes i videregående skole og i sommerjobber.",
                     "AD", "KD"),
                Seed("Øke støtten til bransjeprogrammene",
                     "Bransjeprogrammene skal utvides til to nye bransjer der risikoen for sosial dumping er høy.", "AD", ""),
            ),
        ),
        Area(
            title="Kontroll og sanksjoner",
            intro=(
                "Kontrollene må være treffsikre og sanksjonene merkbare. Virksomheter som bryter reglene gjentatte ganger, "
                "skal møte strengere reaksjoner enn dem som gjør en enkeltstående feil.",
            ),
            goal="Målet er at lovbrudd blir oppdaget, og at det får konsekvenser å bryte reglene.",
            goals=("flere uanmeldte tilsyn", "raskere reaksjoner ved alvorlige brudd"),
            fact=("Fakta: A-krimsamarbeidet", (
                "Politiet, Skatteetaten, Arbeidstilsynet og NAV samarbeider i egne sentre om å bekjempe kriminalitet i arbeidslivet.",
                "Sentrene gjennomfører felles kontroller og deler analyser innenfor reglene om taushetsplikt.",
            )),
            seeds=(
                Seed("Gi Arbeidstilsynet flere inspektører i de mest utsatte bransjene",
                     "De nye inspektørene skal særlig prioritere kveldstilsyn i serveringsbransjen.", "AD", "", "Arbeidstilsynet"),
                Seed("Innføre høyere overtredelsesgebyr ved gjentatte brudd",
                     "Forslaget skal sendes på høring sammen med en vurdering av de økonomiske konsekvensene.", "AD", ""),
                Seed("Styrke samarbeidet mellom sentrene mot arbeidslivskriminalitet",
                     "Sentrene skal få felles mål og rapportere på de samme indikatorene.", "AD", "JD,FIN"),
                Seed("Bedre informasjonsdelingen mellom kontrolletatene",
                     "Skatteetaten og NAV skal få klarere hjemler til å dele opplysninger i konkrete saker.", "FIN", "AD,JD"),
            ),
        ),
        Area(
            title="Offentlige anskaffelser",
            intro=(
                "Det offentlige kjøper varer og tjenester for store beløp hvert år. Offentlige oppdragsgivere har derfor et "
                "særlig ansvar for å stille krav og følge opp leverandørene sine.",
            ),
            goal="Målet er at offentlige kontrakter ikke bidrar til useriøse arbeidsforhold.",
            goals=("like krav i alle statlige kontrakter", "bedre oppfølging av leverandører"),
            seeds=(
                Seed("Innføre felles seriøsitetskrav i statlige kontrakter",
                     "Kravene skal gjelde kontrakter over en fastsatt verdi i bygg, renhold og transport.", "NFD", "AD"),
                Seed("Begrense antall ledd i leverandørkjeden",
                     "Regelverket skal endres slik at oppdragsgiver kan nekte mer enn to ledd under hovedleverandøren.",
                     "NFD", ""),
                Seed("Gi kommunene veiledning om kontraktsoppfølging",
                     "Veiledningen skal inneholde maler og sjekklister som små kommuner kan bruke direkte.", "KMD", "NFD"),
            ),
        ),
        Area(
            title="Utsatte arbeidstakere",
            intro=(
                "Arbeidstakere som ikke kjenner språket eller regelverket, er mer utsatt for å bli utnyttet. Mange av dem "
                "er avhengige av arbeidsgiveren for både bolig og oppholdstillatelse.",
            ),
            goal="Målet er at arbeidstakere som blir utnyttet, får hjelp til å komme seg ut av situasjonen.",
            goals=("et lett tilgjengelig hjelpetilbud", "informasjon på flere språk"),
            seeds=(
                Seed("Opprette et lavterskeltilbud for arbeidstakere som utnyttes",
                     "Tilbudet skal gi gratis råd om lønn, arbeidstid og oppsigelse, og det skal være mulig å være anonym.",
                     "AD", "JD"),
                Seed("Styrke opplæringen i norsk og arbeidslivskunnskap",
                     "IMDi skal utvikle korte kurs som kan tas på kveldstid.", "KD", "AD"),
                Seed("Hjelpe utnyttede arbeidstakere med å kreve etterbetaling",
                     "Arbeidstakerne skal få gratis rettshjelp i saker om manglende lønn.", "JD", "AD"),
            ),
        ),
        Area(
            title="Skatt og økonomisk kriminalitet",
            intro=(
                "Svart omsetning og skatteunndragelse gir useriøse virksomheter et urimelig konkurransefortrinn. "
                "Kontantbruk og uoversiktlige eierstrukturer gjør kontrollen vanskeligere.",
            ),
            goal="Målet er mindre svart økonomi og bedre konkurranse på like vilkår.",
            goals=("mindre bruk av kontanter i utsatte bransjer", "bedre kontroll med lønnsrapportering"),
            seeds=(
                Seed("Skjerpe kravene til kontantfri betaling i bygg og anlegg",
                     "Skatteetaten skal få hjemmel til å ilegge gebyr når kravet ikke blir fulgt.", "FIN", ""),
                Seed("Styrke Skatteetatens kontroll med lønnsrapporteringen",
                     "Kontrollen skal rettes mot virksomheter som rapporterer uvanlig lav lønn sammenlignet med bransjen.",
                     "FIN", ""),
                Seed("Vurdere en godkjenningsordning for bemanningsforetak i flere bransjer",
                     "Vurderingen skal bygge på erfaringene fra ordningen som allerede finnes.", "AD", ""),
            ),
        ),
    ),
    pool=(
        "Partene i arbeidslivet skal involveres i utformingen.",
        "Tiltaket skal ses i sammenheng med arbeidet i det regionale samarbeidet mellom etatene.",
        "Ordningen skal evalueres etter to år.",
        "Endringene skal gjøres kjent gjennom bransjeorganisasjonene.",
        "Det skal legges vekt på at regelverket blir enkelt å etterleve for seriøse virksomheter.",
        "Erfaringene fra tilsyn skal brukes til å prioritere innsatsen.",
        "Tiltaket skal gjennomføres innenfor gjeldende budsjettrammer.",
        "Små virksomheter skal få særskilt veiledning.",
        "Informasjonen skal være tilgjengelig på de vanligste språkene blant arbeidsinnvandrere.",
        "Departementet vil følge utviklingen nøye og vurdere nye grep ved behov.",
        "Resultatene skal inngå i den årlige rapporteringen til departementet.",
        "Det skal gjøres en vurdering av de administrative konsekvensene for virksomhetene.",
        "Kommunesektorens organisasjon skal inviteres til å delta i arbeidet.",
        "Forslaget skal sendes på alminnelig høring.",
    ),
    extras=(
        Seed("Etablere en felles digital inngang for tips om useriøse virksomheter",
             "Tipsene skal fordeles automatisk til riktig etat.", "AD", "FIN"),
        Seed("Kartlegge bruken av innleid arbeidskraft i offentlig sektor",
             "Kartleggingen skal gi et grunnlag for eventuelle nye krav.", "KMD", "AD"),
        Seed("Gi tillitsvalgte bedre innsyn i lønns- og arbeidsvilkår hos underleverandører",
             "Innsynsretten skal lovfestes etter høring.", "AD", ""),
    ),
)


VOLD = WebTopic(
    key="vold",
    tema="vold i nære relasjoner",
    slug="et-tryggere-hjem-handlingsplan-mot-vold-i-naere-relasjoner",
    titles=("Et tryggere hjem – handlingsplan mot vold i nære relasjoner ({periode})",
            "Handlingsplan mot vold i nære relasjoner ({periode})"),
    ingress=(
        "Handlingsplanen beskriver hvordan regjeringen vil forebygge vold i familier og nære forhold, "
        "og hvordan de som utsettes, skal få hjelp og beskyttelse.",
    ),
    publisher="JD",
    ministers=("JD", "BLD", "HOD", "KD", "KMD"),
    main_goals=(
        "Vold skal forebygges og oppdages tidlig.",
        "Utsatte skal få hjelp og beskyttelse som henger sammen.",
        "Voldsutøvere skal stilles til ansvar og få tilbud om behandling.",
    ),
    achievements=(
        "utvidet tilbudet om behandling for voldsutøvere til alle fylker",
        "styrket de regionale ressurssentrene om vold",
        "gjort det obligatorisk for kommunene å ha et krisesentertilbud",
    ),
    status=(
        "Vold i nære relasjoner rammer mennesker i alle aldre og samfunnslag. Mye av volden skjer i det skjulte, og mange "
        "forteller aldri om den til noen.",
        "Barn som lever med vold, får ofte varige skader. Jo tidligere volden blir oppdaget, desto større er muligheten "
        "for å begrense skadene.",
    ),
    areas=(
        Area(
            title="Forebygging og tidlig innsats",
            intro=(
                "Vold kan forebygges. Foreldrestøtte, gode skolemiljøer og åpenhet om vold gjør det lettere å bryte mønstre "
                "før de blir etablert.",
            ),
            goal="Målet er at færre blir utsatt for vold, og at volden blir oppdaget tidligere enn i dag.",
            goals=("foreldrestøtte i alle kommuner", "kunnskap om vold i barnehage og skole"),
            seeds=(
                Seed("Styrke de foreldrestøttende tiltakene i kommunene",
                     "Bufdir skal gi kommunene råd om hvilke programmer som har dokumentert effekt.", "BLD", ""),
                Seed("Ta opp vold og grenser i undervisningen",
                     "Utdanningsdirektoratet skal lage undervisningsopplegg tilpasset ulike alderstrinn.", "KD", "BLD"),
                Seed("Utvikle et verktøy for risikovurdering i helsestasjonene",
                     "Helsedirektoratet skal prøve ut verktøyet i et utvalg kommuner før det tas i bruk i hele landet.",
                     "HOD", ""),
                Seed("Skaffe mer kunnskap om vold mot eldre",
                     "NKVTS skal gjennomføre en undersøkelse blant eldre som bor hjemme.", "HOD", "JD"),
            ),
        ),
        Area(
            title="Hjelp og beskyttelse",
            intro=(
                "Den som blir utsatt for vold, skal få hjelp uten å måtte lete etter den. Tjenestene må kjenne hverandre og "
                "vite hvordan de kan samarbeide om den enkelte.",
            ),
            goal="Målet er at utsatte får et helhetlig og likeverdig tilbud, uansett hvor de bor.",
            goals=("et likeverdig krisesentertilbud", "bedre beskyttelse mot nye overgrep"),
            fact=("Fakta: Krisesentrene", (
                "Alle kommuner skal sørge for et krisesentertilbud til kvinner, menn og barn som er utsatt for vold.",
                "Tilbudet omfatter et trygt sted å bo, råd og veiledning og oppfølging i reetableringsfasen.",
            )),
            seeds=(
                Seed("Sikre et likeverdig krisesentertilbud i hele landet",
                     "Statsforvalteren skal føre tilsyn med at kommunene oppfyller plikten til å ha et tilbud.",
                     "BLD", "KMD"),
                Seed("Tilby traumebehandling til barn som har opplevd vold",
                     "Barn og unge skal få behandling med dokumentert effekt uten lang ventetid.", "HOD", "BLD"),
                Seed("Ta i bruk omvendt voldsalarm i flere saker",
                     "Politiet skal vurdere omvendt voldsalarm i alle saker der besøksforbud blir brutt.", "JD", "",
                     "Politidirektoratet"),
                Seed("Gi voldsutsatte prioritet ved tildeling av kommunal bolig",
                     "Husbanken skal veilede kommunene om hvordan prioriteringen kan gjøres.", "KMD", "BLD"),
            ),
        ),
        Area(
            title="Straffesakskjeden",
            intro=(
                "Saker om vold i nære relasjoner skal behandles raskt. Lang ventetid er en belastning for den som er utsatt, "
                "og svekker bevisene.",
            ),
            goal="Målet er kortere saksbehandlingstid og bedre ivaretakelse av fornærmede.",
            goals=("raskere etterforskning", "flere saker som ender med reaksjon"),
            stats=Stats("Tabell: Gjennomsnittlig saksbehandlingstid i dager (eksempeltall)",
                        ("Ledd", "2019", "2020", "2021"),
                        (("Politiet", "142", "131", "118"), ("Domstolene", "88", "95", "79"))),
            seeds=(
                Seed("Korte ned saksbehandlingstiden i saker om familievold",
                     "Politidirektoratet og Domstoladministrasjonen skal følge tiden i hvert ledd og rapportere den samlet.",
                     "JD", ""),
                Seed("Utvide tilbudet i Statens barnehus",
                     "Barnehusene skal få flere avhørsrom og mulighet til å ta imot voksne med utviklingshemning.",
                     "JD", "BLD"),
                Seed("Tilby sinnemestringsprogram i kriminalomsorgen",
                     "KDI skal sørge for at programmet tilbys i alle regioner.", "JD", ""),
            ),
        ),
        Area(
            title="Kompetanse og samarbeid",
            intro=(
                "Mange tjenester møter mennesker som lever med vold. Ansatte må vite hva de skal se etter, og de må vite "
                "hvem de skal samarbeide med.",
            ),
            goal="Målet er at tjenestene har kompetanse og faste rutiner for samarbeid.",
            goals=("kommunale handlingsplaner mot vold", "felles opplæring på tvers av tjenestene"),
            seeds=(
                Seed("Få alle kommuner til å vedta en handlingsplan mot vold",
                     "Statsforvalteren skal bistå kommuner som ikke har en plan.", "KMD", "JD"),
                Seed("Styrke de regionale ressurssentrene om vold og traumatisk stress",
                     "Sentrene skal tilby veiledning til kommunene i sin region.", "HOD", "JD"),
                Seed("Etablere felles opplæring for politi og barnevern",
                     "Opplæringen skal inneholde øvelser på konkrete saker.", "JD", "BLD"),
            ),
        ),
    ),
    pool=(
        "Tjenestene skal involvere de utsatte i utformingen av tilbudet.",
        "Tiltaket skal prøves ut i noen kommuner før det eventuelt innføres nasjonalt.",
        "Kunnskapen skal gjøres tilgjengelig på en nettside for ansatte i tjenestene.",
        "Det skal tas særlig hensyn til personer med nedsatt funksjonsevne.",
        "Framdriften skal rapporteres i den årlige statusrapporten for planen.",
        "Arbeidet skal ta utgangspunkt i erfaringene fra den forrige handlingsplanen.",
        "Barn skal få informasjon som er tilpasset alderen deres.",
        "Tiltaket skal bidra til at ansatte ikke står alene i vanskelige saker.",
        "Det skal gis tilskudd til kommuner som vil delta.",
        "Kommunene skal få tilbud om veiledning underveis.",
        "Tiltaket skal dekkes innenfor gjeldende budsjettrammer.",
        "Ordningen skal evalueres før den eventuelt gjøres permanent.",
    ),
    extras=(
        Seed("Etablere en nasjonal chattetjeneste for unge som opplever vold",
             "Tjenesten skal være bemannet av fagfolk og åpen også om kvelden.", "BLD", "HOD"),
        Seed("Gi fastlegene veiledning om å spørre om vold",
             "Veiledningen skal inngå i den nasjonale faglige retningslinjen.", "HOD", ""),
    ),
)

TOPICS: dict[str, WebTopic] = {t.key: t for t in (UTNYTTING, ARBEIDSLIV, VOLD)}


# --------------------------------------------------------------------------- generic chapters

FORORD = (
    "Denne {doktype_lower}en er et resultat av et bredt samarbeid mellom departementene, direktoratene og mange "
    "organisasjoner som har delt erfaringer med oss.",
    "Vi vet mye om hva som virker, men vi vet også at innsatsen ikke alltid har nådd fram. Derfor legger vi nå fram "
    "tiltak som skal gjøre arbeidet med {tema} mer samordnet og mer forpliktende.",
    "Vi takker alle som har bidratt, og ser fram til å gjennomføre tiltakene sammen med kommunene, etatene og "
    "organisasjonene.",
)

SAMMENDRAG = (
    "{tittel} beskriver regjeringens innsats på området {tema} i perioden {periode}. Dokumentet er delt inn i "
    "{antall} innsatsområder.",
    "Innsatsområdene er:",
)

INNLEDNING = (
    "Arbeidet med {tema} har pågått i mange år, og mye er blitt bedre. Samtidig viser erfaringene at innsatsen "
    "fortsatt er for lite samordnet, og at kunnskapen ikke alltid blir tatt i bruk.",
    "Denne {doktype_lower}en bygger på evalueringer av tidligere innsats, på innspill fra et åpent innspillsmøte og på "
    "skriftlige innspill fra kommuner, etater og organisasjoner.",
)

INNLEDNING_GOALS = "{doktype}en har {antall_maal} hovedmål:"
ACHIEVEMENTS_INTRO = "Mye er gjort før denne {doktype_lower}en ble lagt fram."
ACHIEVEMENTS_LIST = "Regjeringen har:"

OPPFOLGING = (
    "Departementene har ansvar for å gjennomføre tiltakene på sine områder. Det ansvarlige departementet leder en "
    "arbeidsgruppe som møtes jevnlig og følger med på framdriften.",
    "Det skal gjennomføres en ekstern evaluering før perioden er over. Evalueringen skal se på både gjennomføringen "
    "og virkningene av tiltakene.",
)

KONSEKVENSER = (
    "Tiltakene i {doktype_lower}en skal i hovedsak dekkes innenfor de gjeldende budsjettrammene til de ansvarlige "
    "departementene.",
    "Tiltak som krever nye midler, vil bli vurdert i de ordinære budsjettprosessene.",
)

SUMMARY_INTRO = "Tabellen gir en oversikt over tiltakene i {doktype_lower}en og hvilket departement som har ansvaret."

# figures (alt text, caption)
FIGURES = (
    ("Illustrasjonsfoto av to personer som sitter ved et kjøkkenbord og snakker sammen.",
     "Illustrasjon: eksempelbilde. Foto: Eksempelarkivet"),
    ("Illustrasjonsfoto av en travel gate i en by, tatt i skumringen.", "Foto: Eksempelarkivet"),
    ("Illustrasjonsfoto av hender som holder en kaffekopp.", "Illustrasjon: eksempelbilde. Foto: Eksempelarkivet"),
    ("Illustrasjonsfoto av et møterom med tomme stoler rundt et bord.", "Foto: Eksempelarkivet"),
    ("Illustrasjonsfoto av en byggeplass med kraner i bakgrunnen.", "Foto: Eksempelarkivet"),
    ("Illustrasjonsfoto av et barn som tegner ved et bord.", "Illustrasjon: eksempelbilde. Foto: Eksempelarkivet"),
)

FOOTNOTES = (  # footnotes on prose paragraphs
    "Begrepet brukes her slik det er definert i kapittelet om innledning.",
    "Tallene er eksempeltall laget for dette syntetiske testdokumentet.",
    "Se også omtalen av det regionale samarbeidet i kapittelet om oppfølging.",
)
MEASURE_FOOTNOTES = (  # footnotes whose marker stands in a measure heading or a table's title cell
    "Tiltaket ble første gang omtalt i den forrige planen på området.",
    "Ordningen er nærmere beskrevet i et rundskriv fra det ansvarlige departementet.",
    "Tiltaket gjennomføres i to trinn; første trinn er allerede i gang.",
    "Tiltaket omfatter også Svalbard og Jan Mayen der det er relevant.",
)

GOAL_INTRO = "Innsatsen skal særlig bidra til:"

# Fact box with measures of an earlier plan: context, not measures of this document
EARLIER_PLAN_FACT = ("Erfaringer fra forrige {doktype_lower}", (
    "Tiltak 4 i forrige {doktype_lower} (Opprette et kompetansenettverk) er gjennomført.",
    "Tiltak 9 i forrige {doktype_lower} (Prøve ut en veiledningstjeneste) er videreført som en fast ordning.",
))

# invented people (ministers, editors in the footer)
FIRST_NAMES = ("Aslaug", "Brage", "Cecilie", "Didrik", "Eirin", "Frode", "Gunnhild", "Halvard", "Idun", "Jostein",
               "Kjellaug", "Leiv", "Maren", "Njål", "Oddny", "Peder", "Runa", "Sindre", "Tordis", "Ulrik")
LAST_NAMES = ("Aasmundstad", "Brekkhus", "Dalsbø", "Eidsvåg", "Fløtten", "Gjermstad", "Hovdenak", "Kvamsdal", "Lien-Tveit",
              "Myrvold", "Nordhagen", "Ormestad", "Rabben", "Skjelbred", "Teigland", "Vassenden")

# rewordings for version pairs (own list): light changes of measure prose and titles
REWORDS: tuple[tuple[str, str], ...] = (
    ("skal lage", "skal utarbeide"),
    ("skal få", "skal gis"),
    ("særlig", "spesielt"),
    ("Det skal", "Det vil"),
    ("raskt", "uten unødig opphold"),
    ("i hele landet", "over hele landet"),
    ("skal se på", "skal vurdere"),
    ("hvert år", "årlig"),
    ("tidlig", "på et tidlig tidspunkt"),
    ("blant annet", "bl.a."),
    ("skal bidra", "skal være med"),
    ("gratis", "kostnadsfritt"),
)
TITLE_REWORDS: tuple[tuple[str, str], ...] = (
    ("Styrke ", "Forsterke "),
    ("Opprette ", "Etablere "),
    ("Utvikle ", "Lage "),
    ("Sikre ", "Trygge "),
    ("Gi ", "Tilby "),
    (" i hele landet", " over hele landet"),
    ("Utarbeide ", "Lage "),
    ("Skaffe ", "Innhente "),
)
MODIFY_TITLE_TAILS = (" og følge opp resultatene", " og gjøre ordningen permanent", " og utvide målgruppen")
MODIFY_SENTENCES = (
    "Tiltaket er endret etter innspill i høringen og har nå en bredere målgruppe.",
    "Gjennomføringen skal skje trinnvis, med en første rapport etter ett år.",
)
SPLIT_SENTENCES = ("Denne delen gjelder selve etableringen.", "Denne delen gjelder evaluering og videre oppfølging.")

"""Norwegian text bank for the synthetic plans (written for this project; not government text).

Each topic has plan titles, parts (title, intro prose, measure seeds) and a pool of extra
sentences. A measure seed gives a title, one or two sentences specific to the measure, the
lead ministry lineage and co-responsible lineages. ``{min:LINEAGE}`` in a sentence is replaced by
the ministry's official name valid on the plan date (see :mod:`tests.plangen.ministries`).
The builder adds two to four pool sentences per measure, each used at most once per plan,
so texts within a plan are never clones of one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class M:
    title: str
    text: str  # 1-2 sentences specific to the measure
    lead: str  # lineage id
    co: str = ""  # comma-separated lineage ids
    agency: str | None = None  # agency named in brackets in the responsibility line


@dataclass(frozen=True)
class P:
    title: str
    intro: tuple[str, ...]
    measures: tuple[M, ...]


@dataclass(frozen=True)
class Topic:
    key: str
    titles: tuple[str, ...]
    subtitles: tuple[str, ...]
    parts: tuple[P, ...]
    pool: tuple[str, ...]
    foreword: tuple[str, ...]
    ministers: tuple[str, ...]  # lineages of the signing ministers, publisher first
    extra_titles: tuple[M, ...] = field(default_factory=tuple)  # measures used for insertions in version pairs


MENNESKEHANDEL = Topic(
    key="menneskehandel",
    titles=("Handlingsplan mot menneskehandel", "Sammen mot menneskehandel", "Styrket innsats mot menneskehandel"),
    subtitles=(
        "Regjeringens handlingsplan for identifisering, beskyttelse og straffeforfølgning",
        "Tiltak for å avdekke, forebygge og straffeforfølge menneskehandel",
    ),
    foreword=(
        "Menneskehandel er en alvorlig krenkelse av menneskeverdet. Ofrene utnyttes til prostitusjon, tvangsarbeid, "
        "tigging og kriminelle handlinger, og mange av dem befinner seg i en svært sårbar situasjon.",
        "Regjeringen vil styrke samarbeidet mellom politi, påtalemyndighet, utlendingsforvaltningen og hjelpeapparatet. "
        "Planen samler innsatsen på tvers av sektorene og legger vekt på at mindreårige ofre skal få særskilt oppfølging.",
        "Planen er utarbeidet i et samarbeid mellom flere departementer, og vi står sammen om gjennomføringen.",
    ),
    ministers=("JD", "BLD", "AD", "HOD", "UD", "KD"),
    parts=(
        P(
            "Bedre identifisering av ofre",
            (
                "Mange ofre for menneskehandel blir ikke identifisert. Det skyldes blant annet at ofrene selv ikke "
                "oppfatter seg som ofre, at de er redde for bakmennene, og at tjenestepersoner mangler kunnskap om "
                "tegnene på utnytting.",
                "Tiltakene i denne delen skal gjøre det lettere å avdekke menneskehandel på et tidlig tidspunkt.",
            ),
            (
                M("Nasjonal veileder for identifisering av ofre", "Det skal utarbeides en nasjonal veileder som beskriver kjennetegn på menneskehandel og gir råd om hvordan tjenestepersoner bør gå fram ved mistanke. Veilederen skal være tilgjengelig på flere språk.", "JD", "HOD"),
                M("Kompetanseheving i politidistriktene", "Alle politidistrikter skal ha medarbeidere med særskilt kompetanse på etterforskning av menneskehandel. Politidirektoratet skal følge opp at kompetansen opprettholdes over tid.", "JD", "", "Politidirektoratet"),
                M("Opplæring av ansatte i utlendingsforvaltningen", "Ansatte i Utlendingsdirektoratet og på asylmottakene skal få opplæring i å oppdage mulige ofre blant asylsøkere. Opplæringen skal inngå i introduksjonsprogrammet for nye saksbehandlere.", "JD", "BLD"),
                M("Identifisering av mindreårige ofre i barnevernet", "Barnevernstjenesten skal få bedre verktøy for å identifisere barn som kan være utsatt for menneskehandel. Barne-, ungdoms- og familiedirektoratet skal utarbeide rutiner for samarbeid med politiet.", "BLD", "JD"),
                M("Styrket innsats mot tvangsarbeid i arbeidslivet", "Arbeidstilsynet skal gjennomføre flere felles kontroller med politiet og Skatteetaten i bransjer med høy risiko for utnytting. Funnene skal rapporteres samlet hvert år.", "AD", "JD,FIN"),
                M("Screening av helsepersonell i møte med sårbare grupper", "Helsepersonell i akuttmottak og legevakt skal få kunnskap om hvordan de kan stille spørsmål som avdekker utnytting. Helsedirektoratet skal vurdere et eget kurs for fastleger.", "HOD", ""),
                M("Bedre samarbeid med frivillige organisasjoner", "Frivillige organisasjoner som møter personer i prostitusjon og tigging, skal få tilskudd til oppsøkende arbeid. Ordningen skal evalueres etter tre år.", "JD", "BLD,AD"),
                M("Informasjon til personer som kan være utsatt", "Det skal lages informasjonsmateriell om rettigheter og hjelpetilbud på de språkene som ofre oftest snakker. Materiellet skal deles ut ved grenseovergangene og på arbeidsplasser med stor utenlandsk arbeidskraft.", "JD", "UD"),
            ),
        ),
        P(
            "Bistand og beskyttelse",
            (
                "Ofre for menneskehandel har rett til trygg bolig, helsehjelp, rettshjelp og oppfølging. Tilbudet varierer "
                "likevel mellom kommunene, og enkelte faller mellom flere ansvarsområder.",
                "Regjeringen vil sikre at ofrene får et helhetlig og forutsigbart tilbud uavhengig av hvor i landet de bor.",
            ),
            (
                M("Trygge botilbud for ofre", "Det skal etableres flere plasser i trygge botilbud for kvinner og menn som har vært utsatt for menneskehandel. Tilbudet skal ha døgnbemanning og kunne ta imot personer på kort varsel.", "BLD", "JD"),
                M("Egne omsorgssentre for enslige mindreårige", "Mindreårige ofre skal bo i omsorgssentre med personale som har kompetanse på traumer og utnytting. Barnevernet skal ha ansvaret for oppfølgingen så lenge barnet oppholder seg i landet.", "BLD", ""),
                M("Styrket helsehjelp og traumebehandling", "Ofrene skal få rask tilgang til spesialisthelsetjenesten når det er behov for det. De regionale ressurssentrene skal bistå kommunene med veiledning.", "HOD", ""),
                M("Refleksjonsperiode og oppholdstillatelse", "Reglene for refleksjonsperiode skal gjennomgås for å gjøre ordningen bedre kjent og enklere å bruke. Utlendingsdirektoratet skal samle erfaringer fra sakene som er behandlet.", "JD", ""),
                M("Gratis rettshjelp uten behovsprøving", "Personer som anmelder menneskehandel, skal få rett til advokat uten behovsprøving. Ordningen skal omfatte bistand i forbindelse med avhør og erstatningskrav.", "JD", ""),
                M("Kvalifisering og arbeidstrening", "Ofre som skal bli værende i Norge, skal tilbys norskopplæring og arbeidstrening gjennom Arbeids- og velferdsetaten. Tilbudet skal tilpasses den enkeltes helse og livssituasjon.", "AD", "KD"),
                M("Trygg retur og reintegrering", "Ofre som ønsker å reise hjem, skal få hjelp til trygg retur i samarbeid med organisasjoner i hjemlandet. Den internasjonale organisasjonen for migrasjon skal bistå med oppfølging etter returen.", "JD", "UD"),
                M("Koordinering av bistand i kommunene", "Kommuner med mange saker skal få støtte til å opprette et fast kontaktpunkt for ofre. Kontaktpunktet skal koordinere helse, bolig og sosiale tjenester.", "KMD", "BLD,HOD"),
            ),
        ),
        P(
            "Straffeforfølgning",
            (
                "Antallet domfellelser for menneskehandel er lavt sammenlignet med antallet identifiserte ofre. Sakene er "
                "ofte omfattende og krever etterforskning på tvers av landegrenser.",
                "Tiltakene i denne delen skal gjøre politiet og påtalemyndigheten bedre i stand til å straffeforfølge bakmennene.",
            ),
            (
                M("Egne etterforskningsgrupper i de største distriktene", "De største politidistriktene skal ha egne grupper som etterforsker menneskehandel. Gruppene skal samarbeide med Kripos om analyse og etterretning.", "JD", ""),
                M("Bedre bruk av økonomisk etterforskning", "Økokrim skal bistå politidistriktene med å spore utbytte fra menneskehandel. Inndragning av utbytte skal vurderes i alle saker.", "JD", ""),
                M("Styrket internasjonalt politisamarbeid", "Norge skal delta aktivt i felles etterforskningsgrupper gjennom Europol og Eurojust. Samarbeidet med opprinnelseslandene skal utvides med flere samarbeidsavtaler.", "JD", "UD"),
                M("Avhør av sårbare fornærmede", "Avhør av ofre skal gjennomføres av etterforskere med særskilt opplæring. For barn skal avhøret skje ved Statens barnehus.", "JD", "BLD"),
                M("Statistikk over anmeldelser og domfellelser", "Det skal utvikles en felles statistikk som følger sakene fra anmeldelse til dom. Statistisk sentralbyrå skal bistå med å utforme variablene.", "JD", "FIN"),
                M("Gjennomgang av straffebestemmelsen", "Straffebestemmelsen om menneskehandel skal gjennomgås for å vurdere om den fanger opp nye former for utnytting. Gjennomgangen skal omfatte rettspraksis fra de siste ti årene.", "JD", ""),
                M("Kompetanse i domstolene", "Dommere skal få tilbud om kurs om menneskehandel og om hvordan ofre reagerer på traumer. Domstoladministrasjonen skal utvikle kursene i samarbeid med fagmiljøene.", "JD", ""),
            ),
        ),
        P(
            "Samarbeid, kunnskap og internasjonal innsats",
            (
                "Innsatsen mot menneskehandel krever et tett samarbeid mellom myndighetene og med sivilsamfunnet. God "
                "kunnskap er en forutsetning for at tiltakene treffer.",
                "Norge skal også bidra internasjonalt, både gjennom bistand og gjennom arbeidet i internasjonale organisasjoner.",
            ),
            (
                M("Nasjonal koordineringsenhet for ofre", "Koordineringsenheten for ofre for menneskehandel skal styrkes og få et tydeligere mandat. Enheten skal legge fram en årlig rapport om utviklingen.", "JD", "BLD,HOD"),
                M("Forskningsprogram om menneskehandel", "Det skal lyses ut midler til forskning om omfang, rekruttering og ofrenes erfaringer med hjelpeapparatet. Resultatene skal brukes i evalueringen av planen.", "JD", "KD"),
                M("Forebyggende arbeid i opprinnelsesland", "Utviklingssamarbeidet skal støtte prosjekter som forebygger rekruttering til menneskehandel i opprinnelseslandene. Prosjektene skal særlig rette seg mot unge kvinner.", "UD", ""),
                M("Nordisk og europeisk samarbeid", "Norge skal ta initiativ til tettere nordisk samarbeid om ofre som beveger seg mellom landene. Erfaringene skal deles i Østersjørådet og Europarådet.", "UD", "JD"),
                M("Etiske retningslinjer for offentlige innkjøp", "Offentlige virksomheter skal stille krav om at leverandører ikke bidrar til tvangsarbeid i leverandørkjeden. Veiledningen om offentlige anskaffelser skal oppdateres.", "KMD", "NFD"),
                M("Undervisning om menneskehandel i skolen", "Utdanningsdirektoratet skal utarbeide undervisningsopplegg om menneskehandel for ungdomsskolen og videregående skole. Opplegget skal gjøre elevene bedre i stand til å kjenne igjen utnytting.", "KD", "JD"),
                M("Evaluering av handlingsplanen", "Handlingsplanen skal evalueres av en ekstern forskningsinstitusjon. Evalueringen skal gi grunnlag for å justere innsatsen.", "JD", ""),
            ),
        ),
    ),
    pool=(
        "Tiltaket skal gjennomføres i nært samarbeid med de frivillige organisasjonene som har erfaring fra feltet.",
        "Erfaringene fra tidligere prosjekter viser at tett oppfølging over tid gir bedre resultater.",
        "Det skal legges vekt på at ofrene selv får mulighet til å gi innspill til hvordan tilbudet utformes.",
        "Tiltaket skal finansieres innenfor gjeldende budsjettrammer.",
        "Arbeidet skal ses i sammenheng med regjeringens øvrige innsats mot vold og utnytting.",
        "Politidirektoratet skal rapportere om gjennomføringen i den årlige resultatrapporten.",
        "Det skal særlig tas hensyn til barn og unge under 18 år.",
        "Ordningen skal evalueres etter to års drift.",
        "Innsatsen skal omfatte både kvinner og menn, og både seksuell utnytting og tvangsarbeid.",
        "Tolketjenester skal være tilgjengelige i alle faser av saken.",
        "Resultatene skal presenteres på en nasjonal konferanse.",
        "Det skal utarbeides en plan for hvordan kunnskapen spres til kommunene.",
        "Samarbeidet mellom politiet og utlendingsforvaltningen skal formaliseres gjennom en skriftlig avtale.",
        "Tiltaket bygger videre på arbeidet i den forrige handlingsplanen.",
        "Ansvaret for oppfølgingen skal være tydelig plassert hos én virksomhet.",
        "Erfaringsutveksling mellom politidistriktene skal skje minst én gang i året.",
        "Mange av ofrene har lite tillit til myndighetene og trenger tid før de forteller om utnyttingen.",
        "Det skal også vurderes om tilbudet kan gjøres tilgjengelig for pårørende.",
        "Kunnskapsgrunnlaget skal oppdateres fortløpende.",
        "Helse- og omsorgstjenesten skal involveres fra starten av.",
        "Tiltaket retter seg også mot mindreårige som utnyttes til kriminalitet.",
        "Arbeidet skal forankres i ledelsen i de berørte etatene.",
        "Det skal utvikles felles maler for kartlegging og dokumentasjon.",
        "Informasjonen skal være tilpasset personer med begrensede norskkunnskaper.",
        "Koordineringsenheten skal holdes orientert om framdriften.",
        "Tiltaket skal prøves ut i tre politidistrikter før det eventuelt innføres nasjonalt.",
        "Det skal gjennomføres en risikovurdering før ordningen iverksettes.",
        "Personvernhensyn skal ivaretas ved all deling av opplysninger.",
        "Innsatsen skal ha et særlig blikk på utnytting i internettbaserte markeder.",
        "Tiltaket skal bidra til at flere saker blir anmeldt.",
        "Utlendingsdirektoratet skal bidra med statistikk over saker der refleksjonsperiode er innvilget.",
        "Arbeids- og velferdsforvaltningen skal delta i det lokale samarbeidet.",
        "Det skal også legges til rette for digitale kurs.",
        "Sivilsamfunnet skal inviteres til å delta i en referansegruppe.",
        "Tiltaket skal være gjennomført innen utgangen av planperioden.",
        "Erfaringene skal deles med de andre nordiske landene.",
        "Det skal legges til rette for at saker kan følges opp på tvers av politidistriktene.",
        "Kompetansen skal gjøres tilgjengelig gjennom nettbaserte ressurser.",
        "Kommunene skal få informasjon om tilbudet gjennom Statsforvalteren.",
        "Tiltaket omfatter også opplæring av tolker og kulturmeglere.",
        "Erfaringene fra EU-samarbeidet og FN-arbeidet mot menneskehandel skal brukes aktivt i oppfølgingen.",
        "Politiets IKT-systemer skal tilpasses slik at sakene kan følges over tid.",
        "Det skal utvikles et e-læringskurs for ansatte på NAV-kontorene og i asylmottakene.",
    ),
    extra_titles=(
        M("Oppfølging av ofre etter straffesaken", "Ofre skal få tilbud om oppfølging også etter at straffesaken er avsluttet. Tilbudet skal gis av kommunen i samarbeid med spesialisthelsetjenesten.", "HOD", "JD"),
        M("Kartlegging av utnytting i landbruket", "Arbeidstilsynet skal kartlegge arbeidsforholdene for sesongarbeidere i landbruket. Kartleggingen skal danne grunnlag for målrettede kontroller.", "AD", "NFD"),
        M("Tilsyn med bemanningsbransjen", "Tilsynet med bemanningsforetak skal styrkes i bransjer der utenlandsk arbeidskraft er særlig utsatt. Det skal vurderes strengere krav til registrering.", "AD", "JD"),
    ),
)


VOLD_BARN = Topic(
    key="vold_barn",
    titles=("Trygg barndom", "Handlingsplan mot vold og overgrep mot barn og unge", "Et liv uten vold for barn og unge"),
    subtitles=("Regjeringens plan for forebygging, avdekking og oppfølging", "Tiltak for et samordnet hjelpeapparat"),
    foreword=(
        "Alle barn har rett til en trygg oppvekst. Likevel opplever altfor mange barn vold, overgrep og omsorgssvikt, "
        "ofte fra personer de skulle kunne stole på.",
        "Denne planen samler regjeringens innsats for å forebygge vold, avdekke overgrep tidligere og gi barna som er "
        "rammet, god og rask hjelp. Tjenestene rundt barnet må samarbeide bedre.",
        "Vi vil takke alle organisasjoner, fagmiljøer og ungdommer som har gitt innspill til planen.",
    ),
    ministers=("BLD", "JD", "HOD", "KD", "KUD"),
    parts=(
        P(
            "Forebygging",
            (
                "Vold mot barn kan forebygges. Foreldrestøtte, gode barnehager og skoler og trygge fritidsarenaer reduserer "
                "risikoen for at barn utsettes for vold og overgrep.",
                "Regjeringen vil styrke det universelle forebyggende arbeidet og gi familier med særlige behov tidlig hjelp.",
            ),
            (
                M("Foreldrestøtteprogrammer i alle kommuner", "Kommunene skal tilby kunnskapsbaserte foreldrestøtteprogrammer til familier med små barn. Barne-, ungdoms- og familiedirektoratet skal gi faglig veiledning om valg av program.", "BLD", "HOD"),
                M("Undervisning om kropp og grenser i barnehagen", "Barnehagene skal få ressurser for å snakke med barn om kropp, grenser og følelser på en alderstilpasset måte. Ressursene skal utvikles sammen med Utdanningsdirektoratet.", "KD", "BLD"),
                M("Seksualitetsundervisning i grunnskolen", "Undervisningen om seksualitet, grenser og vold skal styrkes på alle trinn i grunnskolen. Lærerne skal få tilgang til nettbaserte undervisningsopplegg.", "KD", "HOD"),
                M("Trygge fritidsarenaer", "Frivillige organisasjoner som driver aktiviteter for barn, skal få bedre veiledning om politiattest og retningslinjer for å forebygge overgrep. Tilskuddsordningen for trygge fritidsarenaer skal videreføres.", "KUD", "BLD"),
                M("Forebygging av nettovergrep", "Barn og foreldre skal få mer kunnskap om risikoen for overgrep på nett og hvordan de kan beskytte seg. Kampanjen skal utformes i samarbeid med ungdommer.", "JD", "BLD,KUD"),
                M("Helsestasjon og skolehelsetjeneste", "Helsestasjonen og skolehelsetjenesten skal rutinemessig spørre om vold i familien. Helsedirektoratet skal oppdatere den nasjonale faglige retningslinjen.", "HOD", ""),
                M("Støtte til familier med høyt konfliktnivå", "Familievernet skal gi et særskilt tilbud til foreldre i langvarige konflikter etter samlivsbrudd. Tilbudet skal bidra til å skjerme barna mot konflikten.", "BLD", ""),
                M("Kompetanse i barnehage og skole", "Ansatte i barnehager og skoler skal få kompetanse om å oppdage vold og omsorgssvikt. Regionale ressurssentre om vold skal tilby kurs.", "KD", "JD"),
            ),
        ),
        P(
            "Avdekking og tidlig hjelp",
            (
                "Mange barn som utsettes for vold, forteller ikke om det. De som forteller, blir ikke alltid trodd eller fulgt opp.",
                "Tiltakene skal gjøre voksne rundt barna tryggere på å spørre og handle, og sikre at bekymringsmeldinger blir fulgt opp.",
            ),
            (
                M("Bedre rutiner for bekymringsmeldinger", "Kommunene skal ha klare rutiner for når og hvordan ansatte skal melde bekymring til barnevernet. Rutinene skal være kjent i alle tjenester som møter barn.", "BLD", "KD,HOD"),
                M("Nasjonal hjelpetelefon for barn og unge", "Den nasjonale hjelpetelefonen for barn og unge skal ha åpent hele døgnet og tilby chat. Tjenesten skal også kunne brukes av voksne som er bekymret for et barn.", "BLD", ""),
                M("Kartlegging av vold i barnevernsundersøkelser", "Barnevernstjenesten skal systematisk kartlegge om barnet er utsatt for vold når en undersøkelse starter. Kartleggingsverktøyet skal være standardisert.", "BLD", ""),
                M("Samarbeid mellom barnevern og politi", "Barnevernet og politiet skal ha faste samarbeidsmøter om saker med mistanke om vold. Statsforvalteren skal følge opp at samarbeidet fungerer.", "BLD", "JD"),
                M("Avdekking i tannhelsetjenesten", "Tannhelsepersonell skal få opplæring i å gjenkjenne tegn på vold og omsorgssvikt. Den offentlige tannhelsetjenesten skal ha en fast kontaktperson for barnevernet.", "HOD", "BLD"),
                M("Barns rett til å bli hørt", "Barn skal få informasjon om sine rettigheter og muligheten til å bli hørt i saker som angår dem. Informasjonen skal finnes i en egen digital tjeneste.", "BLD", "JD"),
                M("Tidlig innsats i familier med rusproblemer", "Barn som vokser opp med foreldre med rusproblemer, skal fanges opp tidligere. Kommunene skal ha et eget tilbud til disse barna.", "HOD", "BLD"),
            ),
        ),
        P(
            "Behandling, oppfølging og straffesaksbehandling",
            (
                "Barn som har vært utsatt for vold og overgrep, trenger rask og god behandling. Straffesakene må behandles uten unødig opphold.",
                "Regjeringen vil korte ned ventetiden og styrke samarbeidet mellom helsetjenestene, barnevernet og politiet.",
            ),
            (
                M("Kortere saksbehandlingstid i overgrepssaker", "Fristene for avhør og medisinske undersøkelser ved Statens barnehus skal overholdes i alle politidistrikter. Politidirektoratet skal rapportere halvårlig om måloppnåelsen.", "JD", ""),
                M("Traumebehandling i psykisk helsevern", "Barne- og ungdomspsykiatrien skal kunne tilby traumebehandling uten lang ventetid. Helsedirektoratet skal følge med på ventetiden.", "HOD", ""),
                M("Oppfølging etter avhør ved barnehusene", "Statens barnehus skal tilby oppfølging til barn og familier også etter at avhøret er gjennomført. Tilbudet skal koordineres med kommunens tjenester.", "JD", "HOD,BLD"),
                M("Barnevernets oppfølging av barn i institusjon", "Barn i barnevernsinstitusjoner som har vært utsatt for vold, skal få et eget oppfølgingstilbud. Institusjonene skal ha ansatte med traumekompetanse.", "BLD", ""),
                M("Bistandsadvokat for barn", "Barn som er fornærmet i saker om vold og overgrep, skal få bistandsadvokat på et tidlig tidspunkt. Ordningen skal gjøres bedre kjent i politiet.", "JD", ""),
                M("Behandlingstilbud til unge som utøver vold", "Unge som utøver vold eller seksuelle overgrep, skal få et behandlingstilbud. Tilbudet skal bygges ut i alle helseregioner.", "HOD", "JD"),
                M("Oppfølging av barn i krisesentre", "Krisesentrene skal ha kompetanse på barns behov og tilby barna egen oppfølging. Kommunene skal sikre at skolegangen ivaretas under oppholdet.", "BLD", "KD"),
                M("Enklere voldsoffererstatning for barn", "Ordningen med voldsoffererstatning skal gjennomgås for å gjøre den enklere for barn og deres foresatte. Saksbehandlingstiden skal reduseres.", "JD", ""),
            ),
        ),
        P(
            "Kunnskap, samordning og ledelse",
            (
                "Innsatsen mot vold og overgrep mot barn må bygge på god kunnskap og være godt samordnet mellom sektorene.",
                "Regjeringen vil styrke forskningen og gjøre det tydeligere hvem som har ansvaret for å koordinere innsatsen.",
            ),
            (
                M("Nasjonal omfangsundersøkelse", "Nasjonalt kunnskapssenter om vold og traumatisk stress skal gjennomføre en ny undersøkelse om omfanget av vold mot barn. Undersøkelsen skal gjentas hvert femte år.", "JD", "BLD,HOD"),
                M("Kommunale handlingsplaner mot vold", "Alle kommuner skal ha en handlingsplan mot vold i nære relasjoner som omfatter barn. Statsforvalteren skal gi råd om innholdet.", "KMD", "JD,BLD"),
                M("Gjennomgang av alvorlige saker", "Det skal etableres en fast ordning for gjennomgang av saker der barn er blitt alvorlig skadet eller drept. Erfaringene skal brukes til å forbedre tjenestene.", "BLD", "JD,HOD"),
                M("Felles digital kompetanseplattform", "Det skal etableres en felles nettbasert plattform med kurs og veiledere for ansatte som arbeider med barn. Plattformen skal driftes av Barne-, ungdoms- og familiedirektoratet.", "BLD", "KD,HOD"),
                M("Samordning på direktoratsnivå", "Direktoratene skal samarbeide om en felles rapport om innsatsen mot vold mot barn. Rapporten skal legges fram hvert år.", "BLD", "JD,HOD,KD"),
                M("Barn og unges medvirkning i politikkutformingen", "Et barne- og ungdomspanel skal gi råd om gjennomføringen av planen. Panelet skal ha medlemmer med egen erfaring fra hjelpeapparatet.", "BLD", ""),
                M("Evaluering av planen", "Planen skal følgeevalueres av et eksternt forskningsmiljø. Evalueringen skal se særlig på om tiltakene har nådd barna.", "BLD", ""),
            ),
        ),
    ),
    pool=(
        "Barns egne erfaringer skal trekkes inn i utviklingen av tiltaket.",
        "Tiltaket skal ses i sammenheng med opptrappingsplanen for barn og unges psykiske helse.",
        "Kunnskapsgrunnlaget skal oppdateres jevnlig.",
        "Det skal legges vekt på tverrfaglig samarbeid rundt det enkelte barnet.",
        "Statsforvalteren skal følge opp tiltaket i dialog med kommunene.",
        "Tiltaket skal være gjennomført innen utgangen av planperioden.",
        "Tjenestene skal være tilgjengelige også for barn med funksjonsnedsettelser.",
        "Det skal tas hensyn til barnas språk og kulturelle bakgrunn.",
        "Tiltaket skal finansieres innenfor gjeldende budsjettrammer.",
        "Erfaringer fra utprøving i enkelte kommuner viser at tiltaket kan gi gode resultater.",
        "Barne-, ungdoms- og familiedirektoratet skal bidra med faglig veiledning.",
        "Tilbudet skal være gratis for familiene.",
        "Helse- og omsorgstjenesten skal involveres tidlig i arbeidet.",
        "Arbeidet skal forankres i kommuneledelsen.",
        "Resultatene skal rapporteres til departementet hvert år.",
        "Det skal også vurderes tiltak rettet mot søsken.",
        "Personvernet til barna skal ivaretas ved deling av opplysninger.",
        "Tiltaket skal prøves ut i noen kommuner før det innføres nasjonalt.",
        "Kompetansen skal gjøres tilgjengelig gjennom digitale kurs.",
        "Tiltaket bygger på anbefalinger fra forskningsmiljøene.",
        "Samarbeidet skal gjelde både kommunale og statlige tjenester.",
        "Det skal utarbeides en veileder som beskriver ansvarsfordelingen.",
        "Tiltaket omfatter også barn som oppholder seg i asylmottak.",
        "Ungdommer skal delta i arbeidet med å utforme informasjonen.",
        "Foreldre skal få informasjon om tilbudet på flere språk.",
        "Ordningen skal evalueres etter tre år.",
        "Tiltaket skal bidra til at færre barn blir utsatt for vold på nytt.",
        "Det skal legges til rette for at tjenestene kan dele erfaringer på tvers av kommunegrensene.",
        "Kommunene skal få tilskudd til å komme i gang med arbeidet.",
        "Tiltaket skal bidra til et mer likeverdig tilbud i hele landet.",
        "Barnehusene skal trekkes inn i arbeidet.",
        "Innsatsen skal særlig rette seg mot de minste barna.",
        "Det skal etableres et nettverk for fagpersoner som arbeider med tiltaket.",
        "Det skal utvikles indikatorer som gjør det mulig å følge utviklingen.",
        "Skolen er en viktig arena for å nå alle barn.",
        "Det skal utvikles et e-læringskurs for ansatte i barnehager og skoler.",
        "FN-komiteens anbefalinger til Norge skal ligge til grunn for arbeidet.",
        "Barneverntjenestens IKT-løsninger skal gjøre det enklere å dokumentere oppfølgingen.",
    ),
    extra_titles=(
        M("Kompetanse om vold i lærerutdanningen", "Kunnskap om vold og overgrep mot barn skal inngå i rammeplanene for lærerutdanningene. Institusjonene skal få støtte til å utvikle emner.", "KD", "BLD"),
        M("Oppfølging av barn som lever med vold i familien over tid", "Barn som lever med vold i familien over lang tid, skal få en fast kontaktperson i kommunen. Kontaktpersonen skal koordinere tjenestene rundt barnet.", "BLD", "HOD"),
    ),
)


DIGITAL = Topic(
    key="digital",
    titles=("Digital deltakelse for alle", "Handlingsplan for digital inkludering", "Ingen skal stå utenfor det digitale samfunnet"),
    subtitles=("Regjeringens handlingsplan for økt digital kompetanse og deltakelse", "Tiltak for digital inkludering"),
    foreword=(
        "De fleste av oss bruker digitale tjenester hver dag. Samtidig er det mange som ikke har de digitale ferdighetene "
        "som trengs for å delta fullt ut i samfunnet, og som møter stengte dører når tjenestene flyttes på nett.",
        "Regjeringen vil at alle skal kunne delta. Denne handlingsplanen samler tiltak for kompetanse, tilgjengelighet og "
        "veiledning, og den gjelder hele forvaltningen.",
    ),
    ministers=("DFD", "KD", "AD", "HOD"),
    parts=(
        P(
            "Digital kompetanse i befolkningen",
            (
                "Mange voksne mangler grunnleggende digitale ferdigheter. Det gjelder særlig eldre, personer med lite utdanning "
                "og personer som nylig har kommet til Norge.",
                "Tiltakene skal gi flere mulighet til å lære å bruke digitale tjenester på en trygg måte.",
            ),
            (
                M("Kurs i digitale ferdigheter på bibliotekene", "Folkebibliotekene skal tilby gratis kurs i grunnleggende digitale ferdigheter. Kursene skal være tilpasset deltakere uten forkunnskaper.", "KUD", "DFD"),
                M("Digital kompetanse i introduksjonsprogrammet", "Opplæring i digitale ferdigheter skal inngå i introduksjonsprogrammet for nyankomne innvandrere. Integrerings- og mangfoldsdirektoratet skal utarbeide læringsmål.", "AD", "KD"),
                M("Tilskudd til frivillige digihjelpere", "Frivillige organisasjoner som tilbyr hjelp til eldre, skal kunne søke om tilskudd til digihjelp. Ordningen skal forvaltes av Digitaliseringsdirektoratet.", "DFD", ""),
                M("Kompetanseprogram for voksne med svake ferdigheter", "Programmet for grunnleggende ferdigheter skal utvides med flere tilbud innen digital kompetanse. Direktoratet for høyere utdanning og kompetanse skal forvalte programmet.", "KD", ""),
                M("Trygg bruk av nettbank og betalingstjenester", "Eldre skal få opplæring i trygg bruk av nettbank og i hvordan de kan unngå svindel. Opplæringen skal gis i samarbeid med bankene.", "DFD", "FIN"),
                M("Digital kompetanse i arbeidslivet", "Arbeidstakere med behov for å styrke sine digitale ferdigheter skal få tilbud gjennom bransjeprogrammene. Partene i arbeidslivet skal delta i utformingen.", "KD", "AD"),
                M("Kampanje mot nettsvindel", "Det skal gjennomføres en nasjonal kampanje om nettsvindel rettet mot de mest utsatte gruppene. Kampanjen skal evalueres etter ett år.", "JD", "DFD"),
            ),
        ),
        P(
            "Brukervennlige og tilgjengelige tjenester",
            (
                "Digitale tjenester skal være enkle å forstå og mulige å bruke for alle. Universell utforming er et krav, men "
                "mange tjenester oppfyller det ikke.",
                "Regjeringen vil stille tydeligere krav og gi virksomhetene bedre verktøy.",
            ),
            (
                M("Strengere tilsyn med universell utforming", "Tilsynet med universell utforming av nettsteder og apper skal styrkes. Digitaliseringsdirektoratet skal prioritere tjenester som mange er avhengige av.", "DFD", ""),
                M("Klart språk i digitale tjenester", "Statlige virksomheter skal gå gjennom de mest brukte digitale tjenestene og skrive dem om til klart språk. Språkrådet skal bidra med veiledning.", "KUD", "DFD"),
                M("Fullmakt og representasjon", "Det skal bli enklere å gi andre fullmakt til å bruke digitale tjenester på egne vegne. Løsningen skal omfatte både statlige og kommunale tjenester.", "DFD", "HOD"),
                M("Alternative kanaler for dem som ikke kan bruke digitale tjenester", "Offentlige virksomheter skal sikre at personer som ikke kan bruke digitale tjenester, får tilgang på andre måter. Kravet skal tas inn i digitaliseringsrundskrivet.", "DFD", ""),
                M("Testing med brukere", "Nye digitale tjenester skal testes med brukere som har ulike forutsetninger før de lanseres. Virksomhetene skal dokumentere resultatene.", "DFD", ""),
                M("Tilgjengelige helsetjenester på nett", "De nasjonale helsetjenestene på nett skal gjøres enklere å bruke for eldre og personer med funksjonsnedsettelser. Arbeidet skal skje i samarbeid med pasientorganisasjonene.", "HOD", ""),
                M("Digital postkasse for alle", "Flere skal ta i bruk digital postkasse, samtidig som de som ikke kan, fortsatt skal få post på papir. Ordningen skal gjøres bedre kjent.", "DFD", ""),
            ),
        ),
        P(
            "Tilgang til nett og utstyr",
            (
                "Digital deltakelse forutsetter tilgang til utstyr og en stabil nettforbindelse. Kostnadene kan være en barriere "
                "for husholdninger med lav inntekt.",
                "Tiltakene skal redusere barrierene og sikre god dekning i hele landet.",
            ),
            (
                M("Bredbåndsutbygging i distriktene", "Tilskuddsordningen for bredbåndsutbygging skal videreføres i områder uten kommersiell utbygging. Nasjonal kommunikasjonsmyndighet skal forvalte ordningen.", "DFD", "KMD"),
                M("Utlån av digitalt utstyr", "Bibliotekene og NAV-kontorene skal kunne låne ut nettbrett og datamaskiner til personer som mangler utstyr. Ordningen skal prøves ut i ti kommuner.", "KUD", "AD"),
                M("Digital tilgang for barn og unge fra lavinntektsfamilier", "Elever fra lavinntektsfamilier skal ha tilgang til nødvendig utstyr og nettforbindelse hjemme. Kommunene skal kartlegge behovet.", "KD", "AD"),
                M("Offentlige tilgangspunkter", "Det skal etableres flere offentlige tilgangspunkter med veiledning i kommunale servicetorg. Tilbudet skal være gratis.", "KMD", "DFD"),
                M("Gjenbruk av datautstyr fra staten", "Brukt datautstyr fra statlige virksomheter skal kunne gis videre til frivillige organisasjoner. Det skal utarbeides retningslinjer for sikker sletting av data.", "DFD", ""),
            ),
        ),
        P(
            "Samordning og kunnskap",
            (
                "Arbeidet med digital inkludering involverer mange aktører. God samordning og et oppdatert kunnskapsgrunnlag er nødvendig.",
                "Regjeringen vil gi Digitaliseringsdirektoratet en tydelig rolle som pådriver.",
            ),
            (
                M("Nasjonal kartlegging av digitale ferdigheter", "Statistisk sentralbyrå skal gjennomføre en regelmessig kartlegging av digitale ferdigheter i befolkningen. Kartleggingen skal gi tall for ulike aldersgrupper.", "DFD", ""),
                M("Nettverk for digital inkludering i kommunene", "Det skal etableres et nasjonalt nettverk for kommuner som arbeider med digital inkludering. Kommunesektorens organisasjon skal inviteres til å delta.", "KMD", "DFD"),
                M("Forskning på digitalt utenforskap", "Det skal lyses ut midler til forskning om hvem som står utenfor det digitale samfunnet og hvorfor. Forskningen skal også omfatte barn og unge.", "KD", "DFD"),
                M("Rapportering på digital inkludering", "Statlige virksomheter skal rapportere på hvordan de ivaretar brukere som ikke er digitale. Rapporteringen skal inngå i årsrapportene.", "ALL", ""),
                M("Digital sikkerhet for privatpersoner", "Befolkningen skal få bedre informasjon om hvordan de beskytter seg mot digitale trusler. Nasjonal sikkerhetsmyndighet skal bidra med faglige råd.", "JD", "DFD"),
            ),
        ),
    ),
    pool=(
        "Tiltaket skal gjennomføres i samarbeid med kommunesektoren.",
        "Eldre over 67 år er en særlig viktig målgruppe.",
        "Erfaringene skal deles gjennom et nasjonalt kompetansenettverk.",
        "Tiltaket skal finansieres innenfor gjeldende budsjettrammer.",
        "Brukerorganisasjonene skal involveres i utformingen.",
        "Det skal legges vekt på trygg bruk av digitale tjenester.",
        "Tilbudet skal være gratis for deltakerne.",
        "Tiltaket skal evalueres etter to år.",
        "Det skal utvikles materiell på flere språk.",
        "Tiltaket bygger på erfaringene fra tidligere satsinger på digital kompetanse.",
        "Kommunene skal få veiledning om hvordan tiltaket kan tilpasses lokale forhold.",
        "Digitaliseringsdirektoratet skal følge med på gjennomføringen.",
        "Innsatsen skal bidra til å redusere det digitale utenforskapet.",
        "Personvernet skal ivaretas i alle ledd.",
        "Tiltaket omfatter også personer med kognitive funksjonsnedsettelser.",
        "Arbeidet skal ses i sammenheng med digitaliseringsstrategien for offentlig sektor.",
        "Resultatene skal publiseres på et åpent nettsted.",
        "Det skal samarbeides med frivillige organisasjoner som allerede tilbyr digihjelp.",
        "Tiltaket skal være gjennomført innen utgangen av planperioden.",
        "Behovet for opplæring er størst blant dem som bor alene.",
        "Tiltaket skal prøves ut i noen kommuner før det innføres nasjonalt.",
        "Det skal utarbeides en veileder for ansatte som gir digital hjelp.",
        "Arbeids- og velferdsetaten skal bidra med erfaringer fra brukerne sine.",
        "Tjenestene skal oppfylle kravene til universell utforming.",
        "Tiltaket skal også nå personer som ikke kan lese norsk.",
        "Ordningen skal kunngjøres gjennom lokale medier og bibliotekene.",
        "Det skal utvikles indikatorer som viser om tiltaket virker.",
        "Barn og unge skal også kunne være digitale veiledere for eldre.",
        "Det skal legges til rette for både fysiske og digitale møteplasser.",
        "Tilbudet skal være tilgjengelig i hele landet.",
    ),
    extra_titles=(
        M("Digital veiledning på NAV-kontorene", "NAV-kontorene skal tilby veiledning i bruk av digitale tjenester for brukere som trenger det. Veiledningen skal gis av ansatte med særskilt opplæring.", "AD", "DFD"),
        M("Sikker digital identitet for alle", "Personer som ikke kan bruke vanlige løsninger for elektronisk identifikasjon, skal få et alternativ. Løsningen skal utvikles i samarbeid med bankene.", "DFD", "FIN"),
    ),
)


VOLD_NAERE = Topic(
    key="vold_naere",
    titles=("Et liv uten vold", "Handlingsplan mot vold i nære relasjoner", "Vendepunkt"),
    subtitles=("Regjeringens handlingsplan mot vold i nære relasjoner", "Tiltak for å forebygge, beskytte og straffeforfølge"),
    foreword=(
        "Vold i nære relasjoner er et alvorlig samfunnsproblem og et folkehelseproblem. Volden rammer kvinner, menn og "
        "barn, og den foregår ofte over lang tid før den blir kjent.",
        "Regjeringen vil forebygge volden, gi de utsatte bedre beskyttelse og sørge for at voldsutøverne blir stilt til ansvar. "
        "Planen bygger på erfaringene fra tidligere planer og på innspill fra fagmiljøene.",
    ),
    ministers=("JD", "BLD", "HOD"),
    parts=(
        P(
            "Forebygging og holdninger",
            (
                "Volden kan forebygges gjennom kunnskap, holdningsarbeid og tidlig innsats. Tiltakene i denne delen retter seg mot både befolkningen og tjenestene.",
            ),
            (
                M("Holdningskampanje mot vold i nære relasjoner", "Det skal gjennomføres en nasjonal holdningskampanje som retter seg mot både utsatte, utøvere og omgivelsene. Kampanjen skal utformes på grunnlag av forskning.", "JD", "BLD"),
                M("Sinnemestringstilbud i alle fylker", "Tilbudet om behandling for voldsutøvere skal bygges ut slik at det finnes i alle fylker. Tilbudet skal være tilgjengelig uten lang ventetid.", "BLD", "HOD"),
                M("Kunnskap om vold i helse- og sosialfagutdanningene", "Kunnskap om vold i nære relasjoner skal inngå i de helse- og sosialfaglige utdanningene. Utdanningsinstitusjonene skal få tilbud om faglig støtte.", "KD", "HOD"),
                M("Forebygging blant eldre", "Kommunene skal få veiledning om hvordan vold mot eldre kan forebygges og avdekkes. Hjemmetjenesten skal ha rutiner for å følge opp mistanke.", "HOD", "JD"),
                M("Veiledning til innvandrermiljøer", "Det skal gis tilskudd til organisasjoner som driver informasjonsarbeid om vold i innvandrermiljøer. Arbeidet skal skje i samarbeid med trossamfunn og lokale foreninger.", "BLD", "JD"),
                M("Oppfølging av barn som har vært vitne til vold", "Barn som har opplevd vold mellom foreldrene, skal få tilbud om samtaler og oppfølging i kommunen. Familievernet skal bistå med veiledning.", "BLD", "HOD"),
                M("Vold i svangerskapet", "Jordmødre og leger skal rutinemessig spørre gravide om vold. Helsedirektoratet skal utarbeide faglige råd.", "HOD", ""),
            ),
        ),
        P(
            "Beskyttelse og hjelp til utsatte",
            (
                "De som utsettes for vold, skal få beskyttelse og hjelp når de trenger det. Krisesentrene og politiet har en sentral rolle.",
            ),
            (
                M("Styrking av krisesentertilbudet", "Krisesentrene skal ha et tilbud som er tilpasset kvinner, menn og barn. Kommunene skal sikre at tilbudet er tilgjengelig hele døgnet.", "BLD", ""),
                M("Økonomisk rådgivning for utsatte", "Utsatte som bryter ut av et voldelig forhold, skal få tilbud om økonomisk rådgivning fra Arbeids- og velferdsetaten. Rådgivningen skal også omfatte hjelp med gjeld som voldsutøveren har stiftet.", "AD", "BLD"),
                M("Omvendt voldsalarm", "Bruken av omvendt voldsalarm skal økes i saker der besøksforbud er brutt. Politiet skal vurdere tiltaket i alle slike saker.", "JD", ""),
                M("Trusselvurderinger i politiet", "Alle politidistrikter skal bruke et felles verktøy for risikovurdering i saker om vold i nære relasjoner. Verktøyet skal evalueres.", "JD", "", "Politidirektoratet"),
                M("Boligtilbud etter krisesenteropphold", "Utsatte som flytter fra krisesenteret, skal få hjelp til å finne en trygg bolig. Husbanken skal bistå kommunene.", "KMD", "BLD"),
                M("Helsehjelp ved overgrepsmottak", "Overgrepsmottakene skal ha tilbud om medisinsk undersøkelse og sporsikring hele døgnet. Tilbudet skal være en del av spesialisthelsetjenesten.", "HOD", "JD"),
                M("Bistand til utsatte med funksjonsnedsettelser", "Krisesentrene skal være universelt utformet og ha kompetanse om utsatte med funksjonsnedsettelser. Det skal gis tilskudd til ombygging.", "BLD", ""),
            ),
        ),
        P(
            "Straffeforfølgning og samarbeid",
            (
                "Voldsutøverne skal stilles til ansvar. Samtidig er et godt samarbeid mellom politiet og tjenestene avgjørende for at de utsatte får hjelp.",
            ),
            (
                M("Rask rettspsykiatrisk vurdering", "Saker der voldsutøveren kan ha en alvorlig psykisk lidelse, skal få en raskere sakkyndig vurdering. Den rettsmedisinske kommisjonen skal gi råd om kvalitetskrav.", "JD", "HOD"),
                M("Familievoldskoordinatorer i politiet", "Alle politidistrikter skal ha en familievoldskoordinator i full stilling. Koordinatoren skal ha ansvar for samarbeidet med hjelpeapparatet.", "JD", ""),
                M("Raskere behandling av voldssaker", "Saker om vold i nære relasjoner skal prioriteres av politi og påtalemyndighet. Riksadvokaten skal følge opp saksbehandlingstiden.", "JD", ""),
                M("Samarbeidsmodell mellom politi og kommuner", "En modell for samarbeid mellom politiet og kommunene i voldssaker skal prøves ut i flere regioner. Modellen skal evalueres.", "JD", "KMD,BLD"),
                M("Kartlegging av drap i nære relasjoner", "Det skal etableres en kommisjon som går gjennom saker med partnerdrap. Kommisjonen skal foreslå forbedringer i tjenestene.", "JD", "BLD,HOD"),
                M("Kompetanseteam for kommunene", "De regionale ressurssentrene om vold skal gi kommunene veiledning i enkeltsaker. Sentrene skal få økt bevilgning.", "JD", "HOD"),
                M("Forskning på vold i nære relasjoner", "Forskningsprogrammet om vold i nære relasjoner skal videreføres. Nasjonalt kunnskapssenter om vold og traumatisk stress skal ha en sentral rolle.", "JD", "BLD,HOD,KD"),
            ),
        ),
    ),
    pool=(
        "Tiltaket skal gjennomføres i samarbeid med krisesentrene.",
        "Det skal legges særlig vekt på barn som lever med vold.",
        "Tiltaket skal finansieres innenfor gjeldende budsjettrammer.",
        "Erfaringene skal oppsummeres i en rapport.",
        "Arbeidet skal forankres i ledelsen i kommunene.",
        "Tiltaket skal evalueres etter tre år.",
        "Det skal utvikles felles rutiner for dokumentasjon.",
        "Tiltaket bygger på erfaringer fra tidligere handlingsplaner.",
        "Ansvaret for oppfølgingen skal være tydelig plassert.",
        "Det skal legges til rette for samarbeid på tvers av kommunegrensene.",
        "Informasjonen skal være tilgjengelig på flere språk.",
        "Fylkesmannen skal følge opp tiltaket overfor kommunene.",
        "Tiltaket skal være gjennomført innen utgangen av planperioden.",
        "Frivillige organisasjoner skal involveres i arbeidet.",
        "Tilbudet skal gjelde både kvinner og menn.",
        "Tjenestene skal få opplæring før ordningen innføres.",
        "Kunnskapsgrunnlaget skal oppdateres jevnlig.",
        "Det skal vurderes om ordningen bør lovfestes.",
        "Personvernet til de utsatte skal ivaretas.",
        "Helse- og omsorgstjenesten skal delta i samarbeidet.",
        "Tiltaket retter seg også mot unge voldsutøvere.",
        "Resultatene skal rapporteres årlig.",
        "Tiltaket skal prøves ut før det innføres nasjonalt.",
        "Det skal utarbeides en veileder for tjenestene.",
        "NAV-kontorene skal ha kunnskap om hvordan de kan bistå utsatte.",
        "Det skal utvikles et e-læringskurs for ansatte i hjelpeapparatet.",
    ),
    extra_titles=(
        M("Kompetanse om vold i barnevernet", "Barnevernstjenesten skal få økt kompetanse om vold i nære relasjoner og om hvordan barn påvirkes av volden. Det skal utvikles et eget kursopplegg.", "BLD", "JD"),
        M("Tilbud til barn som har mistet en forelder ved drap", "Barn som har mistet en forelder ved partnerdrap, skal få et samordnet tilbud om oppfølging. Kommunen skal utnevne en koordinator.", "BLD", "HOD,JD"),
    ),
)

TOPICS: dict[str, Topic] = {t.key: t for t in (MENNESKEHANDEL, VOLD_BARN, DIGITAL, VOLD_NAERE)}


# Light rewording: word substitutions that keep the meaning (used for "reworded" edits).
REWORDINGS: tuple[tuple[str, str], ...] = (
    ("skal styrkes", "skal forsterkes"),
    ("skal utarbeides", "skal lages"),
    ("skal etableres", "skal opprettes"),
    ("skal få", "skal gis"),
    ("skal gjennomføres", "skal settes i verk"),
    ("Tilbudet", "Ordningen"),
    ("kunnskap", "innsikt"),
    ("bedre", "mer effektive"),
    ("i samarbeid med", "sammen med"),
    ("alle", "samtlige"),
    ("skal vurdere", "skal se på"),
    ("skal evalueres", "skal vurderes"),
    ("særskilt", "spesiell"),
    ("videreføres", "fortsette"),
    ("rutiner", "retningslinjer"),
    ("opplæring", "undervisning"),
)

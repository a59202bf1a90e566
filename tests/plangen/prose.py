"""Non-measure prose for the synthetic plans: introduction, background sections and closing chapters.

Written for this project (not government text). ``{tema}`` is replaced by the topic noun phrase.
Background sections give each part realistic sub-headings and paragraphs that are *not* measures,
so extractors must tell measures from surrounding prose.
"""

from __future__ import annotations

ANTALL = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte"}

TEMA = {
    "menneskehandel": "menneskehandel",
    "vold_barn": "vold og overgrep mot barn",
    "digital": "digital inkludering",
    "vold_naere": "vold i nære relasjoner",
}

INTRO = (
    "Denne planen beskriver regjeringens samlede innsats på området {tema} i planperioden. Planen bygger på "
    "erfaringene fra tidligere innsats, på forskning og på innspill fra kommuner, statlige etater, "
    "brukerorganisasjoner og fagmiljøer.",
    "Arbeidet med {tema} berører mange sektorer. Ansvaret for tjenestene er fordelt mellom staten og kommunene, "
    "og mellom flere departementer og direktorater. Et hovedformål med planen er å gjøre ansvarsfordelingen "
    "tydeligere og samarbeidet bedre.",
    "Planen er delt inn i {antall} hoveddeler. Hver del innledes med en beskrivelse av status og utfordringer, "
    "etterfulgt av tiltakene regjeringen vil sette i verk. Bak i planen finnes en oversikt over ansvar og "
    "tidsrammer der det er relevant.",
    "Høringsinnspillene viste bred oppslutning om hovedlinjene i arbeidet, men også et ønske om mer forpliktende "
    "oppfølging. Regjeringen har derfor lagt vekt på at hvert tiltak skal ha en tydelig ansvarlig og en tidsramme.",
)

CLOSING = (
    ("Oppfølging av planen", (
        "En interdepartemental arbeidsgruppe ledet av det ansvarlige departementet skal følge opp planen. "
        "Arbeidsgruppen skal møtes jevnlig og legge fram en årlig statusrapport om gjennomføringen av tiltakene.",
        "Brukerorganisasjonene og de frivillige organisasjonene skal inviteres til et årlig dialogmøte om "
        "innsatsen. Innspillene fra møtet skal inngå i statusrapporten.",
        "Planen skal evalueres ved utløpet av planperioden. Evalueringen skal gi et grunnlag for å vurdere om "
        "innsatsen på området {tema} bør videreføres, styrkes eller legges om.",
    )),
    ("Økonomiske og administrative konsekvenser", (
        "Tiltakene i planen skal gjennomføres innenfor de gjeldende budsjettrammene for de ansvarlige "
        "departementene. Enkelte tiltak vil kreve nye bevilgninger, og disse vil bli vurdert i de ordinære "
        "budsjettprosessene.",
        "For kommunene vil enkelte tiltak innebære nye oppgaver. Staten vil sørge for veiledning og, der det "
        "er nødvendig, kompensasjon etter de vanlige prinsippene for finansiering av kommunale oppgaver.",
    )),
)

# Two background paragraphs per part (index = part number - 1), by topic.
BACKGROUND = {
    "menneskehandel": (
        ("Tallene for identifiserte ofre har variert fra år til år. Variasjonen skyldes i stor grad endringer i "
         "hvor aktivt myndighetene leter etter ofre, og ikke nødvendigvis endringer i det faktiske omfanget.",
         "Erfaringene fra politiet og hjelpeorganisasjonene viser at mange ofre først blir kjent etter at de har "
         "vært i landet i lengre tid. Tidlig identifisering krever at mange yrkesgrupper har kunnskap om tegnene."),
        ("Ofrene har ofte sammensatte behov. De kan ha fysiske og psykiske skader, gjeld til bakmenn og "
         "usikker oppholdsstatus, og mange har familie i hjemlandet som kan bli utsatt for trusler.",
         "Tilbudet om bolig og oppfølging har i hovedsak vært gitt av frivillige organisasjoner med offentlig "
         "støtte. Kapasiteten har i perioder vært for liten, særlig for menn og for mindreårige."),
        ("Sakene om menneskehandel er ressurskrevende. De involverer ofte flere land, mange mistenkte og "
         "fornærmede som er redde for å forklare seg.",
         "Domstolene har i flere saker lagt vekt på at ofrene har vært i en sårbar situasjon. Rettspraksis gir "
         "likevel begrenset veiledning om grensen mellom grov utnytting og menneskehandel."),
        ("Menneskehandel er en grenseoverskridende kriminalitet. Norge samarbeider med andre land gjennom "
         "Europarådet, FN og Østersjørådet, og gjennom bilaterale avtaler med opprinnelsesland.",
         "Det finnes lite forskning på omfanget av menneskehandel i Norge. Regjeringen vil styrke "
         "kunnskapsgrunnlaget slik at innsatsen kan målrettes bedre."),
    ),
    "vold_barn": (
        ("Undersøkelser viser at en betydelig andel av befolkningen har opplevd vold fra foreldre i oppveksten. "
         "Risikoen er større i familier med rusproblemer, psykiske lidelser eller store økonomiske belastninger.",
         "Forebyggende arbeid i barnehage, skole og helsestasjon når nesten alle barn. Disse tjenestene er derfor "
         "sentrale for å forebygge vold og for å fange opp barn som trenger hjelp."),
        ("Mange barn forteller ikke om volden før de blir voksne. Når barn forteller, er det ofte til en venn "
         "eller en voksen de har tillit til, som ikke alltid vet hvordan de skal følge opp.",
         "Bekymringsmeldinger til barnevernet kommer ofte sent. Ansatte i tjenestene oppgir at de er usikre på "
         "når opplysningsplikten inntrer, og at de er redde for å ta feil."),
        ("Barn som har vært utsatt for vold, har økt risiko for psykiske plager, skolevansker og rusproblemer "
         "senere i livet. God behandling kan redusere skadevirkningene.",
         "Straffesaker om vold mot barn tar ofte lang tid. Lang saksbehandlingstid er en belastning for barna og "
         "svekker muligheten for å få fram bevis."),
        ("Ansvaret for å forebygge og bekjempe vold mot barn er fordelt på mange sektorer. Evalueringer har pekt "
         "på at samordningen mellom sektorene ikke er god nok.",
         "Kunnskapsgrunnlaget om vold mot barn er styrket de siste årene, men det mangler fortsatt kunnskap om "
         "hvilke tiltak som virker best for ulike grupper av barn."),
    ),
    "digital": (
        ("Undersøkelser viser at en stor andel av befolkningen har svake eller ingen digitale ferdigheter. "
         "Andelen er høyest blant de eldste, men finnes i alle aldersgrupper.",
         "Bibliotekene, frivillige organisasjoner og voksenopplæringen tilbyr i dag ulike former for opplæring. "
         "Tilbudet er likevel ujevnt fordelt i landet."),
        ("Mange offentlige tjenester er i dag bare tilgjengelige på nett. For personer som ikke kan bruke "
         "tjenestene, kan det være vanskelig å få hjelp på andre måter.",
         "Kravene til universell utforming gjelder både offentlige og private virksomheter. Tilsynet har avdekket "
         "at mange nettløsninger har vesentlige mangler."),
        ("De fleste husholdninger har tilgang til bredbånd, men dekningen er fortsatt dårligere i enkelte "
         "distrikter. Kostnadene for utstyr og abonnement kan være en barriere for husholdninger med lav inntekt.",
         "Under perioder med hjemmeskole og hjemmekontor ble det tydelig at manglende utstyr rammer barn og unge "
         "fra lavinntektsfamilier særlig hardt."),
        ("Ansvaret for digital inkludering er fordelt mellom flere departementer og etater. Kommunene har en "
         "sentral rolle fordi de møter innbyggerne direkte.",
         "Det mangler oppdatert statistikk over digitale ferdigheter i befolkningen. Uten slik kunnskap er det "
         "vanskelig å vurdere om innsatsen virker."),
    ),
    "vold_naere": (
        ("Omfangsundersøkelser viser at mange kvinner og menn har vært utsatt for alvorlig vold fra en partner. "
         "Kvinner er i større grad utsatt for den groveste volden.",
         "Holdningene i befolkningen har endret seg over tid, men det finnes fortsatt miljøer der vold i familien "
         "blir sett på som et privat anliggende."),
        ("Krisesentrene tar hvert år imot et stort antall beboere og dagbrukere. Mange av beboerne har barn med "
         "seg under oppholdet.",
         "Utsatte med funksjonsnedsettelser, eldre og personer med minoritetsbakgrunn møter særlige barrierer når "
         "de søker hjelp."),
        ("Andelen anmeldte saker som ender med straffereaksjon, er lav. Bevissituasjonen er ofte vanskelig, og "
         "mange fornærmede trekker anmeldelsen.",
         "Gjennomganger av partnerdrap har vist at tjenestene i flere saker hadde kjennskap til volden uten at "
         "informasjonen ble satt sammen."),
    ),
}

"""Synthetic plan versions for the compare tests ("Eksempelplan – syntetisk testdokument").

Measure texts are written for these tests; they are not the Norwegian government's text.
No tests here: ``make_plan`` builds PlanExtraction records, ``BASE`` is the measure bank.
"""

from __future__ import annotations

from datetime import date

from pipeline.model import DocumentInfo, Measure, Part, PlanExtraction, Responsibility

NAMES = {
    "JD": "Justis- og beredskapsdepartementet",
    "BLD": "Barne- og likestillingsdepartementet",
    "HOD": "Helse- og omsorgsdepartementet",
    "ASD": "Arbeids- og sosialdepartementet",
    "UD": "Utenriksdepartementet",
    "KD": "Kunnskapsdepartementet",
}

PARTS = {
    1: "Samordnede tiltak for å beskytte ofre",
    2: "Bedre organisering av politiets innsats",
    3: "Økt kunnskap og internasjonalt samarbeid",
}

# key -> (part, title, text, lead, co)
BASE: dict[str, tuple[int, str, str, str, list[str]]] = {
    "koord": (1, "Nytt mandat for koordineringsenheten",
              "Koordineringsenheten for ofre for menneskehandel får et nytt mandat. Enheten skal bidra til bedre "
              "identifisering og henvisning av mulige ofre til bistand og beskyttelse i hele landet.", "JD", []),
    "bolig": (1, "Trygge botilbud for ofre",
              "Det etableres flere trygge botilbud med døgnbemanning for kvinner og menn som er utsatt for "
              "menneskehandel. Tilbudet skal gi beskyttelse, helsehjelp og oppfølging over tid.", "BLD", ["HOD"]),
    "refleksjon": (1, "Endret refleksjonsperiode",
                   "Refleksjonsperioden endres for å hindre misbruk av ordningen. Personer som ikke ønsker bistand "
                   "skal ikke kunne bruke perioden for å oppnå opphold på annet grunnlag.", "JD", []),
    "retur": (1, "Bedre informasjon om assistert retur",
              "Informasjonen om assistert retur gjøres mer målrettet, og innholdet i returprogrammet videreutvikles "
              "slik at flere ofre får hjelp til å vende tilbake og reintegreres i hjemlandet.", "JD", ["UD"]),
    "barn": (2, "Rutiner i saker som angår barn",
             "Politidirektoratet skal sikre at politiets rutiner i saker der barn utnyttes i menneskehandel er "
             "effektive. Barnevernet skal varsles straks og barnet skal få egen tillitsperson.", "JD", ["BLD"]),
    "kompetanse": (2, "Kompetanse i alle politidistrikter",
                   "Alle politidistrikter skal ha etterforskere med særskilt kompetanse på menneskehandel. Det "
                   "opprettes faste team som kan bistå distriktene i store og kompliserte saker.", "JD", []),
    "inndragning": (2, "Inndragning av utbytte",
                    "Påtalemyndigheten skal i større grad begjære inndragning av utbytte fra straffbare handlinger. "
                    "Økonomisk etterforskning skal inngå tidlig i saker om utnyttelse.", "JD", []),
    "arbeid": (2, "Tilsyn med arbeidslivskriminalitet",
               "Arbeidstilsynet, skatteetaten og politiet samordner kontroller i bransjer med høy risiko for "
               "tvangsarbeid, som bygg, renhold og landbruk, gjennom felles sentre mot arbeidslivskriminalitet.", "ASD", ["JD"]),
    "opplaering": (3, "Opplæring av yrkesgrupper",
                   "Helse- og omsorgspersonell, barnevernsansatte og ansatte ved krisesentrene får opplæring i å "
                   "gjenkjenne tegn på menneskehandel og vite hvor de skal henvende seg.", "HOD", ["BLD"]),
    "forskning": (3, "Forskning på omfang",
                  "Det settes i gang et forskningsprosjekt om omfanget av menneskehandel i Norge, med vekt på "
                  "mindreårige og nye former for utnyttelse på nett.", "JD", []),
    "norden": (3, "Nordisk samarbeid",
               "Norge viderefører sin pådriverrolle i det nordiske samarbeidet og i Østersjørådet, og støtter "
               "felles operasjoner mot kriminelle nettverk som utnytter mennesker på tvers av grensene.", "UD", ["JD"]),
    "europaraad": (3, "Oppfølging av Europarådets konvensjon",
                   "Anbefalingene fra ekspertgruppen under Europarådets konvensjon mot menneskehandel følges opp "
                   "systematisk, og det rapporteres årlig om gjennomføringen.", "JD", ["UD"]),
}


def responsibilities(lead: str, co: list[str], names: dict[str, str] | None = None) -> list[Responsibility]:
    names = names or NAMES
    out = [Responsibility(lead, names[lead], lead, "lead", "responsibility_line", names[lead])]
    out += [Responsibility(c, names[c], c, "co", "responsibility_line", names[c]) for c in co]
    return out


def make_plan(
    doc_id: str,
    entries: list[tuple[int, str, str, str, list[str]]],
    *,
    parts: dict[int, str] | None = None,
    published: date = date(2016, 6, 1),
    names: dict[str, str] | None = None,
) -> PlanExtraction:
    """entries: (part_number, title, text, lead, co) in document order; numbered 1..n."""
    parts = PARTS if parts is None else parts
    measures = []
    for k, (p, title, text, lead, co) in enumerate(entries, start=1):
        measures.append(
            Measure(
                document_id=doc_id,
                measure_id=f"{doc_id}-{k}",
                number=str(k),
                title=title,
                text=text,
                part_number=p,
                part_title=parts.get(p),
                page_start=None,
                page_end=None,
                responsibilities=responsibilities(lead, co, names),
                mentions_children="barn" in text.lower() or "mindreårig" in text.lower(),
            )
        )
    used = sorted({e[0] for e in entries})
    return PlanExtraction(
        document=DocumentInfo(doc_id, "plan", f"Eksempelplan – syntetisk testdokument ({doc_id})", published=published),
        parts=[Part(n, parts[n]) for n in used],
        measures=measures,
    )


def base_entries(keys: list[str] | None = None) -> list[tuple[int, str, str, str, list[str]]]:
    return [BASE[k] for k in (keys or list(BASE))]

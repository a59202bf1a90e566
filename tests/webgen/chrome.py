"""The regjeringen.no page chrome around a synthetic document: head, header with the mega menu (which lists
every ministry), breadcrumbs, share/print tools, sidebar, survey, footer and scripts.

Markup and class names follow the real page saved in July 2026
(``../shared/data/regjeringen-html/horing-id3167072.html``): ``header.pageHeader``, ``nav.hygieneMenu``,
``nav.megaMenu`` with ``a.dep-title``/``a.dep-minister``, ``nav.breadcrumbs``, ``ul.sharePrint``,
``main#mainContent``, ``div.article-content``, ``aside.article-sidebar``, ``div.page-survey``,
``footer.page-footer``, the empty cookie-banner wrappers (filled by script) and the ``page-translations``
template. Link targets of the site's sections are those of that page (the historical-archive links are
made up); people are invented; contact details are placeholders. The chrome is compacted (no indentation) to keep the fixtures small.
"""

from __future__ import annotations

import html
import json
from datetime import date, datetime, time
from urllib.parse import quote

from tests.plangen import ministries as mins

from .spec import SITE, SYNTHETIC_NOTICE, WebDoc

e = html.escape

# The ministries in the site's menu when the pages were saved (2026), with their real section addresses.
SITE_MINISTRIES: tuple[tuple[str, str, int], ...] = (
    ("Statsministerens kontor", "smk", 875),
    ("Arbeids- og inkluderingsdepartementet", "aid", 165),
    ("Barne- og familiedepartementet", "bfd", 298),
    ("Digitaliserings- og forvaltningsdepartementet", "dfd", 810),
    ("Energidepartementet", "ed", 750),
    ("Finansdepartementet", "fin", 216),
    ("Forsvarsdepartementet", "fd", 380),
    ("Helse- og omsorgsdepartementet", "hod", 421),
    ("Justis- og beredskapsdepartementet", "jd", 463),
    ("Klima- og miljødepartementet", "kld", 668),
    ("Kommunal- og distriktsdepartementet", "kdd", 504),
    ("Kultur- og likestillingsdepartementet", "kud", 545),
    ("Kunnskapsdepartementet", "kd", 586),
    ("Landbruks- og matdepartementet", "lmd", 627),
    ("Nærings- og fiskeridepartementet", "nfd", 709),
    ("Samferdselsdepartementet", "sd", 791),
    ("Utenriksdepartementet", "ud", 833),
)
# plangen lineage -> the ministry's section on today's site
_LINEAGE_SITE = {"JD": "jd", "BLD": "bfd", "AD": "aid", "HOD": "hod", "UD": "ud", "KD": "kd", "KMD": "kdd",
                 "KUD": "kud", "DFD": "dfd", "FIN": "fin", "NFD": "nfd", "FD": "fd", "FAD": "dfd"}
_SITE_BY_SHORT = {s: (n, i) for n, s, i in SITE_MINISTRIES}
# invented people shown as ministers in the menu (the real menu names the sitting ministers)
_MENU_PEOPLE = ("Solrun Aakre", "Bendik Haugstøl", "Tiril Maudal", "Amund Sæverud", "Hedda Rimstad", "Kolbjørn Vasli",
                "Live Tangvald", "Ottar Skinnes", "Vilde Kroken", "Arvid Nesje", "Ingebjørg Stave", "Jomar Rusten",
                "Signe Holmefjord", "Eilif Brattås", "Mathea Lunde-Vik", "Gaute Ormbostad", "Torunn Selfors")
_GOV_SLUGS = {"Regjeringen Stoltenberg II": ("stoltenberg-ii", 438789), "Regjeringen Solberg": ("regjeringen-solberg", 2617773),
              "Regjeringen Støre": ("regjeringen-store", 2877247)}
ASSET_VERSION = "202606173_211653"


def site_ministry_names() -> list[str]:
    return [n for n, _, _ in SITE_MINISTRIES if n != "Statsministerens kontor"]


def dep_link(name: str, on: date, archived: bool, government: str | None) -> str:
    """Address of the publishing ministry's section (archived pages link into the historical archive)."""
    short = _LINEAGE_SITE.get(mins.lineage_of(name), "smk")
    _, ident = _SITE_BY_SHORT[short]
    if archived and government in _GOV_SLUGS:
        return f"/no/dokumentarkiv/{_GOV_SLUGS[government][0]}/{mins.abbreviation(name, on).lower()}/id{ident}/"
    return f"/no/dep/{short}/id{ident}/"


def government_link(government: str) -> str:
    slug, ident = _GOV_SLUGS.get(government, ("regjeringen", 115322))
    return f"/no/dokumentarkiv/{slug}/id{ident}/"


def _translations() -> str:
    # The UI strings of the site's page-translations template (as on the saved real page)
    t = {"langCloseButton": "Lukk", "langLinkDownloadImage": "Last ned bilde", "langTruncateTitle": "Vis hele tittelen",
         "langZoomImage": "Forstørr bilde", "langShowFullTable": "Vis tabellen i full bredde",
         "langLongdocTogglerShow": "Vis innholdsfortegnelse og søk", "langLongdocTogglerHide": "Skjul innholdsfortegnelse og søk",
         "langOpenLongdocItem": "Åpne dette nivå", "langCloseLongdocItem": "Lukk dette nivå",
         "langLongdocNavToggleAll": "Vis hele innholdsfortegnelsen", "footnote": "Fotnote", "langFootnote": "Fotnote",
         "langCloseFootnote": "Lukk fotnote", "langLinktoolLinkCopied": "Lenke kopiert!",
         "langLinktoolClickToCopy": "Klikk her for å kopiere lenke til dette punktet i teksten"}
    return f'<template id="page-translations">{json.dumps(t, ensure_ascii=True)}</template>'


def head(doc: WebDoc, *, title: str, url: str, og_title: str, description: str, canonical: bool) -> str:
    on = doc.date
    crumbs = [{"@type": "ListItem", "position": 1, "name": "Forsiden", "item": SITE + "/no/id4/"},
              {"@type": "ListItem", "position": 2, "name": "Dokument", "item": SITE + "/no/dokument/id2000006/"},
              {"@type": "ListItem", "position": 3, "name": doc.title, "item": doc.url}]
    ld = {"@context": "https://schema.org", "@type": "WebPage", "@id": f"{SITE}/{doc.id_str}/#webpage",
          "isPartOf": f"{SITE}/#website", "name": og_title, "description": description, "url": url, "inLanguage": "nb",
          "breadcrumb": {"@type": "BreadcrumbList", "itemListElement": crumbs}}
    lm = datetime.combine(on, time(8)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    meta = [
        '<meta charset="utf-8">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        '<meta name="consent.ver" content="20250221">',
        '<meta name="consent.cookie.name" content="_consent">',
        f"<title>{e(title)}</title>",
        f'<link rel="stylesheet" href="/dist-web/css/main.css?v={ASSET_VERSION}" type="text/css">',
        "<script>window.appInsights = window.appInsights || {queue: [], trackPageView: function () {}};</script>",
        f'<meta name="title" content="{e(og_title)}">',
        f'<meta name="description" content="{e(description)}">',
        f'<meta name="DC.Title" content="{e(doc.title)}">',
        f'<meta name="DC.Creator" content="{e(doc.publisher)}">',
        f'<meta name="DC.Date" content="{on.isoformat()}">',
        '<meta name="DC.Type.Status" content="Gyldig">',
        f'<meta name="DC.Type" content="{e(doc.doc_type)}">',
        '<meta name="DC.Format" content="text/html">',
        f'<meta name="DC.Identifier.URL" content="{e(doc.path)}">',
        '<meta name="DC.Language" content="nb-NO">',
        '<meta name="DC.Publisher" content="regjeringen.no">',
        f'<meta name="author" content="{e(doc.publisher)}">',
        f'<meta name="authorshortname" content="{mins.abbreviation(doc.publisher, on).lower()}">',
        f'<meta name="last-modified" content="{lm}">',
        '<meta name="robots" content="noindex, nofollow">',
        f'<meta name="synthetic-test-document" content="{e(SYNTHETIC_NOTICE)}">',
        '<meta property="og:site_name" content="Regjeringen.no">',
        f'<meta property="og:title" content="{e(og_title)}">',
        f'<meta property="og:description" content="{e(description)}">',
        '<meta property="og:type" content="website">',
        f'<meta property="og:url" content="{e(url)}">',
    ]
    if canonical:
        meta.append(f'<link rel="canonical" href="{e(url)}">')
    meta.append(f'<link rel="alternate" hreflang="nb" href="{e(url)}">')
    meta.append("<script>var _mtm = window._mtm = window._mtm || []; _mtm.push({'mtm.startTime': (new Date().getTime()), "
                "'event': 'mtm.Start'});</script>")
    meta.append(_translations())
    meta.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=True)}</script>')
    return "<head>\n" + "\n".join(meta) + "\n</head>"


def cookie_banner(filled: bool) -> str:
    """Empty wrappers as served (a script fills them); ``filled``: as a browser's saved DOM shows them."""
    inner = ""
    if filled:
        inner = ('<div class="cookie-banner" role="dialog" aria-label="Informasjonskapsler"><h2>Informasjonskapsler på '
                 'regjeringen.no</h2><p>Vi bruker informasjonskapsler for å forbedre nettstedet. Du velger selv om du '
                 'vil godta dem.</p><button type="button" class="btn-accept">Godta alle</button> '
                 '<button type="button" class="btn-reject">Bare nødvendige</button></div>')
    return ('<div id="cb_wrapper-std" class="cookie_banner_wrapper not-selectable" data-nosnippet>\n'
            f'<div id="std-elm"><div id="cookieApiData">{inner}</div></div>\n</div>\n'
            '<div id="cb_wrapper-dec" class="cookie_banner_wrapper not-selectable" data-nosnippet>\n'
            '<div id="dec-elm" class="is-hidden"><div id="cookieDeclarationApiData"></div></div>\n</div>\n'
            '<div id="cookiebannerInfo" class="cookiebannerInfo" data-consentname="_consent" '
            'data-svarbaseurl="https://svar.regjeringen.no" data-bannertitle="Regjeringen.no" data-apilanguage ="no" '
            'data-bannerversion = "20250221" data-nosnippet>\n</div>')


_TEMA = (("Arbeidsliv", "/no/tema/arbeidsliv/id210/"), ("Familie og barn", "/no/tema/familie-og-barn/id213/"),
         ("Helse og omsorg", "/no/tema/helse-og-omsorg/id917/"), ("Lov og rett", "/no/tema/lov-og-rett/id923/"),
         ("Utdanning", "/no/tema/utdanning/id930/"))


def _panel(i: int, label: str, href: str, body: str, extra: str = "") -> str:
    extra_html = f'<div class="megamenu-extra-links">{extra}</div>' if extra else ""
    return (f'<li class="megaMenuItem"><a href="{href}" class="primaryMenuItem  hasDropdown" id="megamenupanel_{i}_label" '
            f'role="button" aria-controls="megamenupanel_{i}">{label}</a>\n'
            f'<div class="megamenupanel_listing" id="megamenupanel_{i}" tabindex="-1" data-megamenu-target>'
            f'<div class="megamenuInner" data-nav="megamenu"><div class="border-frame">{body}'
            '<button type="button" class="closeButton" data-close-megamenu><span class="visuallyhidden">Lukk meny</span>'
            f"</button></div>{extra_html}</div></div></li>")


def mega_menu() -> str:
    tema = "".join(f'<li><a href="{h}">{e(t)}</a></li>' for t, h in _TEMA)
    deps = []
    for k, (name, short, ident) in enumerate(SITE_MINISTRIES):
        person = _MENU_PEOPLE[k]
        deps.append(f'<li><a href="/no/dep/{short}/id{ident}/" class="dep-title">{e(name)}</a>'
                    f'<a href="/no/dep/{short}/org/id{ident}/" class="dep-minister">{e(person)}</a></li>')
    dep_cols = "<ul>" + deps[0] + "</ul><ul>" + "\n".join(deps[1:9]) + "</ul><ul>" + "\n".join(deps[9:]) + "</ul>"
    items = [
        _panel(0, "Tema", "/no/tema/id208/",
               f'<p class="toSection"><a href="/no/tema/id208/">Finn tema</a></p><div class="section"><ul class="columnize">{tema}</ul></div>'),
        _panel(1, "Dokument", "/no/dokument/id2000006/",
               '<p class="toSection"><a href="/no/dokument/id2000006/">Finn dokument</a></p><div class="section"><ul>'
               '<li><a href="/no/dokument/hoyringar/id1763/">Høyringar</a></li>'
               '<li><a href="/no/dokument/meldst/id1754/">Meldingar til Stortinget</a></li>'
               '<li><a href="/no/dokument/rapporter_planer/id438817/">Rapportar, planar og strategiar</a></li></ul></div>',
               '<a href="/no/dokument/bestilling-av-publikasjoner/id439327/">Bestilling av trykte publikasjoner</a>'),
        _panel(2, "Aktuelt", "/no/aktuelt/id1150/",
               '<p class="toSection"><a href="/no/aktuelt/id1150/">Aktuelt</a></p><div class="section"><ul>'
               '<li><a href="/no/aktuelt/nyheter/id2006120/">Nyheter og pressemeldinger</a></li>'
               '<li><a href="/no/aktuelt/kalender/id1330/">Kalender</a></li></ul></div>',
               '<a href="/no/dokumentarkiv/id115322/">Historisk arkiv</a>'),
        (f'<li class="megaMenuItem"><a href="/no/dep/id933/" class="primaryMenuItem  hasDropdown" id="megamenupanel_3_label" '
         'role="button" aria-controls="megamenupanel_3">Departement</a>\n'
         '<div class="megamenupanel_departementene" id="megamenupanel_3" tabindex="-1" data-megamenu-target>'
         '<div class="megamenuInner" data-nav="megamenu"><div class="border-frame"><p class="toSection">'
         f'<a href="/no/dep/id933/">Departementene</a></p><div class="section">\n{dep_cols}\n</div>'
         '<button type="button" class="closeButton" data-close-megamenu><span class="visuallyhidden">Lukk meny</span>'
         '</button></div><div class="megamenu-extra-links"><a href="/no/org/etater-virksomheter-og-selskaper/id2520884/">'
         "Etater, virksomheter og selskaper</a></div></div></div></li>"),
        _panel(4, "Regjering", "/no/om-regjeringa/id443314/",
               '<p class="toSection"><a href="/no/om-regjeringa/id443314/">Regjering</a></p><div class="section"><ul class="columnize">'
               '<li><a href="/no/om-regjeringa/noverande/regjeringen-store/id2877247/">Regjeringen Støre</a></li>'
               '<li><a href="/no/om-regjeringa/tidligere-regjeringer-og-historie/id85847/">Tidligere regjeringer og historie</a></li>'
               "</ul></div>", '<a href="/no/dokumentarkiv/id115322/">Historisk arkiv</a>'),
    ]
    return '<nav class="megaMenu" aria-label="Hovedmeny"><ul>\n' + "\n".join(items) + "\n</ul></nav>"


def header(doc: WebDoc, url: str, crumbs: list[tuple[str, str]], last: str) -> str:
    crumb_html = "".join(f'<li class="breadcrumb-item"><a href="{h}" class="breadcrumb-item__text"><span>{e(t)}</span></a></li>'
                         for t, h in crumbs)
    crumb_html += f'<li class="breadcrumb-item breadcrumb-item--last hide-for-desktop"><span>{e(last)}</span></li>'
    q = quote(url, safe="")
    share = (f'<li><a href="https://www.facebook.com/sharer.php?u={q}" class="Facebook">Facebook</a></li>'
             f'<li><a href="https://www.linkedin.com/shareArticle?mini=true&amp;url={q}" class="Linkedin">LinkedIn</a></li>'
             f'<li><a href="mailto:?subject={quote("Tips fra regjeringen.no: " + doc.title)}&amp;body={q}" class="Mail">E-post</a></li>')
    return (
        '<header class="pageHeader ">\n<div class="hygieneMenuWrapper"><nav class="hygieneMenu" aria-label=\'Globale verktøy\' '
        'data-hygiene-menu><ul><li class="fontsize"><button type="button" id="fontsize_note_label" aria-controls="fontsize_note" '
        'aria-expanded="false" data-fontsize-btn>Skriftstørrelse</button><div tabindex="-1" id="fontsize_note" data-fontsize-note>'
        "<p>For å endre tekststørrelsen, hold Ctrl-tasten nede (Cmd-tasten på Mac) og trykk på + for å forstørre eller - for å "
        'forminske.</p></div></li><li class="language" data-nav="lang_selector"><button type="button" id="languageSelectorTrigger" '
        'lang="no" aria-expanded="false" class="language-selector-trigger flag nor"><span>Norsk</span></button><ul id="languageSelector" '
        'class="custom-language-selector"><li class="disabled first-in-group"><span class="flag eng" lang="en-GB">Page not '
        'available in English</span></li><li><a href="/en/id4/" class="flag eng" lang="en-GB">English home page</a></li>'
        '<li class="last-in-group"><a href="/se/id4/" class="flag sme" lang="se-NO">Sámegiel álgosiidui</a></li></ul></li>'
        "</ul></nav></div>\n"
        '<div class="pageHeaderUpper"><div class="logoWrapper"><div class="logo"><span><a href="/no/id4/">Regjeringen.no<span>'
        '</span></a></span></div><button type="button" class="menuToggler" data-toggle-menu aria-expanded="false">Meny</button>'
        '<button type="button" class="searchToggler" data-toggle-search aria-expanded="false">Søk</button></div></div>\n'
        '<div class="mobileMenuContainer"><div class="mobileMenuWrapper"><div class="mobileMenuWrapperInner">'
        '<div class="topNavigationSearch"><form action="/no/sok/id86008/" autocomplete="off" id="topNavigationSearchForm" '
        'method="get"><div class="topNavigationSearchWrap"><label for="quickSearch" class="visuallyhidden">Søk</label>'
        '<input type="text" name="term" placeholder="Søk" class="quickSearch autocomplete" id="quickSearch">'
        '<button type="submit" class="searchSubmit">Søk</button></div></form></div></div>\n'
        + mega_menu() + "\n</div></div>\n"
        '<div class="breadcrumbsWrapper"><nav class="breadcrumbs no-nav-mob" data-nav="breadcrumb"><h2 id="breadcrumbs-label" '
        'class="breadcrumbs-label hide-for-desktop" aria-label="Du er her:">Du er her:</h2><ul aria-labelledby="breadcrumbs-label">'
        f"{crumb_html}</ul></nav>\n"
        '<ul class="sharePrint"><li class="sharing" data-doc-action="share"><button id="sharing_label" class="sharing-toggle" '
        'data-sharing-toggler aria-controls="sharing_panel" aria-expanded="false">Del</button><div id="sharing_panel" '
        f'class="sharing-panel" data-sharing-panel=""><p class="sharing-title">Del</p><ul class="socialmedia_linklist">{share}'
        '</ul></div></li><li class="print" data-doc-action="print"><button type="button" class="print-page" data-print-page="">'
        "Skriv ut</button></li></ul></div>\n</header>"
    )


def sidebar(doc: WebDoc, owner_href: str, related_id: int) -> str:
    on = doc.date
    short = mins.abbreviation(doc.publisher, on).lower()
    return (
        '<aside class="content-col-1 article-sidebar">\n'
        f'<div class="content-owner-dep" data-nav="content-owner-link"><div><a href="{owner_href}">{e(doc.publisher)}</a>'
        "</div></div>\n"
        '<div class="content-intro-topics" data-nav="related-topic"><h2 class="title">Tema</h2><ul class="topiclist">'
        '<li><a href="/no/tema/lov-og-rett/id923/">Lov og rett</a></li></ul></div>\n'
        '<div class="article-related" data-nav="related-article-links"><h2 class="title">Relatert</h2><ul class="link-list">'
        f'<li><a href="/no/aktuelt/eksempel-pressemelding/id{related_id}/">Eksempel: pressemelding om {e(doc.doc_type.lower())}en '
        f'(syntetisk)</a><div class="link-list-item__meta">Pressemelding | {on.strftime("%d.%m.%Y")}</div></li></ul></div>\n'
        '<div class="content-section department-contact"><h2 class="title">Kontakt</h2><p class="contact-info">'
        f'<span class="email-wrapper">E-post: <a href="mailto:postmottak@{short}.eksempel.invalid">postmottak@{short}.eksempel.invalid</a></span>'
        "<br><span>Telefon:</span> 00 00 00 00 (eksempel)</p></div>\n</aside>"
    )


def footer(doc: WebDoc, owner_href: str) -> str:
    return (
        '<div class="page-survey-container"><div class="page-survey" data-page-survey="139" '
        'data-page-survey-api="/api/survey/SubmitPageSurveyAnswer" data-text-hidden-title="Tilbakemeldingsskjema" '
        'data-text-question="Fant du det du lette etter?" data-text-send="Send"></div></div>\n'
        '<footer class="page-footer"><div class="wrapper"><div class="clearfix">\n'
        '<div class="col"><div class="logo"><a href="/">Regjeringen.no<span></span></a></div></div>\n'
        '<div class="col"><h2 class="title fw-500">Om nettstedet</h2><ul class="link-list ">'
        '<li><a href="/no/om-nettstedet/strategi-og-organisering-av-regjeringenn/id641504/">Strategi og organisering av regjeringen.no</a></li>'
        '<li><a href="/no/om-nettstedet/personvernerklaring/id650340/">Personvernerklæring for regjeringen.no</a></li>'
        f'<li><a href="{doc.path}?cedit=true" rel="nofollow">Administrer informasjonskapsler</a></li>'
        '<li><a href="/no/om-nettstedet/nyhetsvarsel/id2580650/">Nyhetsvarsel</a></li>'
        '<li><a href="/no/om-nettstedet/hjelp/rss/id476715/">RSS</a></li></ul></div>\n'
        f'<div class="col"><p>Ansvarlig for <a href="{owner_href}">{e(doc.publisher)}s sider</a></p>'
        "<p>Ansvarlig redaktør: Eksempel Redaktørsen (oppdiktet)</p><p>Telefon: 00 00 00 00 (eksempel)</p></div>\n"
        "</div></div></footer>"
    )


def scripts(prefix: str = "/dist-web/js/") -> str:
    files = ("vendor/modernizr.custom.71379.js", "vendor/combined/jquery-combined-scripts.js", "lightbox-content.js",
             "cookie-consent.js", "page-survey.js")
    out = [f'<script src="{prefix}{f}?v={ASSET_VERSION}"></script>' for f in files]
    out.append("<script>$('.article-body img, .article-body table').wrapWideContent({threshold: 1.786, "
               "langZoomImage: 'Forstørr bilde', langShowFullTable: 'Vis tabellen i full bredde'});</script>")
    return "\n".join(out)

// Dutch (B1) texts for the content pages, the crisis page and the crisis lines.
// Facts about the lines (numbers, free, hours, chat, ages) come from shared/data/crisis-lines.json;
// the prose is our own. Placeholders filled in by the app: {email}, {siteName}.

export interface ContentSection {
  heading: string;
  paragraphs: string[];
}

export interface ContentPage {
  title: string;
  lead: string;
  sections: ContentSection[];
}

export type ContentPageId = 'privacy' | 'accessibility' | 'contact';

export type CrisisLineId =
  | '112'
  | 'veilig-thuis'
  | 'kindertelefoon'
  | '113'
  | 'luisterlijn'
  | 'alles-oke-supportlijn'
  | 'centrum-seksueel-geweld'
  | 'slachtofferhulp'
  | 'juridisch-loket';

export interface CrisisLineText {
  /** What the line is for, one sentence. */
  purpose: string;
  /** "Call/chat when ...", one sentence. */
  when: string;
}

export interface Content {
  pages: Record<ContentPageId, ContentPage>;
  crisis: {
    title: string;
    lead: string;
    acuteHeading: string;
    acuteText: string;
    hoursNote: string;
    childrenHeading: string;
    childrenText: string;
  };
  crisisLines: Record<CrisisLineId, CrisisLineText>;
}

export const contentNl: Content = {
  pages: {
    privacy: {
      title: 'Privacyverklaring',
      lead: 'Hier lees je welke gegevens {siteName} gebruikt, waarom we dat doen en hoe lang we ze bewaren. We verzamelen zo weinig mogelijk.',
      sections: [
        {
          heading: 'Wie is verantwoordelijk?',
          paragraphs: [
            'De organisatie die deze wegwijzer in jouw regio beheert, is verantwoordelijk voor je gegevens.',
            'Heb je een vraag over je gegevens? Mail dan naar {email}.',
          ],
        },
        {
          heading: 'Zonder account en zonder naam',
          paragraphs: [
            'Je kunt deze website gebruiken zonder account. Je hoeft ook je naam niet te geven. Dat geldt voor zoeken, lezen en het invullen van de Hulpwijzer.',
          ],
        },
        {
          heading: 'Cookies',
          paragraphs: [
            'We gebruiken alleen cookies die nodig zijn om de website goed te laten werken. Het gaat om deze drie cookies.',
            'lang: onthoudt welke taal je hebt gekozen. Deze cookie blijft 1 jaar bewaard.',
            '_csrf: beschermt de formulieren op deze website tegen misbruik. Deze cookie verdwijnt als je je browser sluit.',
            'bewaarlijst: onthoudt welk aanbod je hebt bewaard. Deze lijst staat in je eigen browser en blijft 90 dagen bewaard.',
            'We gebruiken geen cookies om je te volgen of om bezoekers te tellen. Er zijn geen cookies van andere partijen. En er is geen reclame op deze website.',
          ],
        },
        {
          heading: 'De kaart',
          paragraphs: [
            'Je kunt aanbod ook op een kaart bekijken. Dat kan alleen als JavaScript aan staat en je zelf voor de kaart kiest.',
            'De kaart haalt kaartbeelden op bij PDOK. Dat is de kaartdienst van de Nederlandse overheid. PDOK ziet dan je IP-adres. Wil je dat niet? Gebruik dan de lijst. Daarin staat dezelfde informatie.',
          ],
        },
        {
          heading: 'Logbestanden van de server',
          paragraphs: [
            'Onze server houdt bij welke pagina werd opgevraagd en wanneer. Je IP-adres en wat je hebt ingetypt, slaan we daarbij niet op.',
            'We gebruiken deze gegevens alleen voor de beveiliging en om fouten op te lossen. We bewaren ze maximaal 30 dagen.',
          ],
        },
        {
          heading: 'Zoeken',
          paragraphs: [
            'We tellen waar mensen naar zoeken en in welke gemeente. We slaan daarbij niets op waaraan we kunnen zien wie je bent. Dus geen IP-adres en geen koppeling met een cookie.',
            'Zo kan de gemeente zien naar welke hulp mensen zoeken en welke hulp nog ontbreekt.',
          ],
        },
        {
          heading: 'De Hulpwijzer',
          paragraphs: [
            'Maak je de Hulpwijzer af? Dan slaan we één anonieme regel op. Daarin staan de gemeente, wie de vraag stelt, de fase van de scheiding en de leeftijdsgroepen van de kinderen. We slaan geen precieze leeftijden op. Verder staan erin: de antwoorden die je koos, het advies en de dag.',
            'Er staat geen tekst in die je zelf hebt getypt. Er staat ook niets in waarmee iemand kan zien wie je bent.',
          ],
        },
        {
          heading: 'Meld een fout',
          paragraphs: [
            'Zie je een fout bij een aanbod? Dan kun je dat doorgeven met Meld een fout. We bewaren je melding. Je e-mailadres bewaren we alleen als je het zelf invult. Dan kan een redacteur je een vraag stellen over je melding.',
            'We verwijderen je melding en je e-mailadres binnen {retentionMonths} maanden nadat we de melding hebben afgehandeld.',
          ],
        },
        {
          heading: 'Een vraag stellen',
          paragraphs: [
            'Stel je een vraag via Stel een vraag? Dan bewaren we je vraag, het onderwerp, wie de vraag stelt (bijvoorbeeld ouder of kind), de gemeente als je die kiest, je taal en de datum. Je e-mailadres bewaren we alleen als je het zelf invult. Je naam vragen we niet.',
            'Alleen medewerkers van de vraagbalie kunnen je vraag lezen. Zij moeten inloggen met een wachtwoord en een code van hun telefoon. Elke keer dat een medewerker je vraag opent, leggen we vast wie dat was en wanneer.',
            'Medewerkers kunnen bij je vraag een interne notitie maken. Die zie jij niet. Ook die notities wissen we samen met je vraag.',
            'Zo lang bewaren we je vraag: tot de vraag is afgesloten, en daarna nog {retentionMonths} maanden. Dan wissen we je vraag, alle berichten, notities en je e-mailadres. We houden alleen een anonieme telling: het onderwerp, de gemeente, wie de vraag stelde, de data en de status. Daarmee kan de gemeente zien welke vragen er zijn, zonder te weten van wie.',
            'Je kunt je vraag ook zelf eerder verwijderen, op je persoonlijke pagina. Dan wissen we alles meteen, op dezelfde anonieme telling na.',
          ],
        },
        {
          heading: 'Je persoonlijke link en je code',
          paragraphs: [
            'Na het versturen krijg je een persoonlijke link naar je vraag. We bewaren die link niet zelf, alleen een versleutelde vingerafdruk ervan. Daarom kunnen we hem je ook niet opnieuw geven. Bewaar hem dus goed. Iedereen met de link kan je vraag lezen.',
            'Verstuur je het formulier per ongeluk twee keer? Dan slaan we je vraag maar één keer op en laten we dezelfde link nog eens zien. Dat kan tot 1 dag na het versturen.',
            'Je krijgt ook een code van 8 tekens. Die noem je als je ons belt. Met de code alleen kan niemand je vraag lezen.',
          ],
        },
        {
          heading: 'Een afspraak voor het spreekuur',
          paragraphs: [
            'Maak je een afspraak voor het spreekuur? Dan bewaren we je naam of initialen, je e-mailadres of telefoonnummer, het onderwerp en wat je er zelf over schrijft, en de tijd van de afspraak.',
            'We gebruiken deze gegevens alleen voor de afspraak: om je te bevestigen, je een dag van tevoren te herinneren en je te bellen of te spreken.',
            'Zo lang bewaren we ze: tot {retentionMonths} maanden na de afspraak, of na het afzeggen. Dan wissen we je naam, e-mailadres, telefoonnummer en wat je schreef. We houden alleen een anonieme telling over: het onderwerp, de dag en of de afspraak doorging.',
          ],
        },
        {
          heading: 'Het logboek',
          paragraphs: [
            'We houden een logboek bij van wat medewerkers doen: wie een vraag opende, beantwoordde of afsloot, en wanneer. Zo kunnen we controleren dat niemand je gegevens zonder reden bekijkt.',
            'In het logboek staat geen inhoud van je vraag en geen e-mailadres van jou. Er staat alleen een nummer van de vraag en een ingekort IP-adres van de medewerker. Het logboek kan niet worden veranderd. We bewaren het zolang de wet dat vraagt voor de beveiliging, en niet langer dan nodig.',
          ],
        },
        {
          heading: 'E-mail die we versturen',
          paragraphs: [
            'Heb je een e-mailadres ingevuld? Dan sturen we je een e-mail met je persoonlijke link. Als we antwoorden, sturen we een e-mail dat er een antwoord is. In die e-mail staat niet wat we antwoorden. Zo kan niemand die meekijkt in je mail je antwoord lezen.',
            'Een e-mail staat bij ons in een wachtrij tot hij is verstuurd. Staat er een persoonlijke link in? Dan wissen we de tekst van de e-mail meteen na het versturen. Daarna weten we alleen nog aan wie we de e-mail stuurden en wanneer.',
            'Verstuurde e-mails over je vraag bewaren we nog 7 dagen, om te kunnen zien of ze aankwamen. Verwijder je je vraag zelf? Dan wissen we die e-mails meteen, ook als ze nog niet verstuurd zijn.',
            'Andere e-mails, zoals de bevestiging van een afspraak, bewaren we na het versturen nog 30 dagen. Lukt versturen niet, dan wissen we de e-mail na 90 dagen.',
          ],
        },
        {
          heading: 'Jouw rechten',
          paragraphs: [
            'Volgens de AVG heb je rechten over je eigen gegevens. Je mag vragen welke gegevens we van je hebben. Je mag ook vragen om gegevens te verbeteren of te verwijderen.',
            'We slaan bijna niets op waaraan we je kunnen herkennen. Daarom kunnen we vaak niet zien welke gegevens bij jou horen. Heb je een fout gemeld en je e-mailadres gegeven? Die gegevens kunnen we wel voor je opzoeken.',
            'Ben je het niet eens met hoe we met je gegevens omgaan? Laat het ons weten. Je mag ook een klacht indienen bij de Autoriteit Persoonsgegevens.',
          ],
        },
        {
          heading: 'Contact over privacy',
          paragraphs: [
            'Heb je een vraag over privacy? Of wil je je rechten gebruiken? Mail dan naar {email}.',
          ],
        },
      ],
    },
    accessibility: {
      title: 'Toegankelijkheidsverklaring',
      lead: 'We willen dat iedereen {siteName} kan gebruiken. Ook als je slecht ziet, alleen een toetsenbord gebruikt of een eenvoudige telefoon hebt.',
      sections: [
        {
          heading: 'Ons doel',
          paragraphs: [
            'Deze website moet voldoen aan de WCAG 2.1 op niveau AA. Dat is de norm voor toegankelijke websites. Websites die de Nederlandse overheid betaalt, moeten hieraan voldoen.',
          ],
        },
        {
          heading: 'Hoe we dit controleren',
          paragraphs: [
            'Bij elke wijziging testen we elke pagina automatisch met het programma axe. Dat doen we in het Nederlands en in het Engels, in een echte browser.',
            'We controleren of je de hele website kunt gebruiken met alleen een toetsenbord.',
            'De website werkt ook zonder JavaScript. We testen op het smalle scherm van een kleine telefoon. En we kijken of je pagina’s goed kunt afdrukken.',
          ],
        },
        {
          heading: 'Wat nog niet goed genoeg is',
          paragraphs: [
            'De kaart is een extra manier om aanbod te bekijken. De kaart werkt alleen met JavaScript. Met een muis of touchscreen is de kaart makkelijker te gebruiken dan met een toetsenbord. In de lijst staat altijd dezelfde informatie als op de kaart.',
            'Aanbieders schrijven sommige teksten over hun aanbod zelf. Die teksten zijn soms moeilijker dan taalniveau B1. We vragen aanbieders om eenvoudig te schrijven.',
          ],
        },
        {
          heading: 'Een probleem melden',
          paragraphs: [
            'Kun je iets op deze website niet lezen of niet gebruiken? Mail dan naar {email}. Vertel op welke pagina het was en wat er misging.',
            'We antwoorden binnen 5 werkdagen.',
          ],
        },
        {
          heading: 'Over deze verklaring',
          paragraphs: ['We hebben deze verklaring gemaakt op 22 november 2026.'],
        },
      ],
    },
    contact: {
      title: 'Contact',
      lead: 'Met welke vraag kun je bij wie terecht? Hieronder lees je waar je het snelst geholpen wordt.',
      sections: [
        {
          heading: 'Ben je nu in gevaar?',
          paragraphs: ['Bel dan meteen 112. Meer hulplijnen vind je op de pagina Direct hulp.'],
        },
        {
          heading: 'Zorgen over geweld of mishandeling thuis?',
          paragraphs: [
            'Bel Veilig Thuis via 0800-2000. Dat is gratis en kan dag en nacht. Je kunt ook bellen als je twijfelt of als je je zorgen maakt over iemand anders.',
          ],
        },
        {
          heading: 'Een vraag over een aanbod?',
          paragraphs: [
            'Neem dan contact op met de aanbieder zelf. De gegevens van de aanbieder staan op de pagina van het aanbod.',
          ],
        },
        {
          heading: 'Zie je een fout in een aanbod?',
          paragraphs: ['Gebruik dan Meld een fout op de pagina van dat aanbod. Een redacteur kijkt naar je melding.'],
        },
        {
          heading: 'Een vraag over deze website?',
          paragraphs: [
            'Heb je een vraag over {siteName}, over privacy of over toegankelijkheid? Mail dan naar {email}. We antwoorden binnen 5 werkdagen.',
            'Per e-mail geven we geen persoonlijk advies over jouw situatie. Zoek je hulp? Kijk dan in de Hulpwijzer of zoek in het aanbod.',
          ],
        },
        {
          heading: 'Voor kinderen en jongeren',
          paragraphs: [
            'Wil je met iemand praten? Je mag altijd bellen of chatten met De Kindertelefoon via 0800-0432. Dat is gratis en anoniem. Je hoeft je naam niet te zeggen.',
          ],
        },
      ],
    },
  },
  crisis: {
    title: 'Direct hulp nodig?',
    lead: 'Hier vind je hulplijnen die je meteen kunt bellen of waarmee je kunt chatten. Je hoeft niet zeker te weten of je probleem erg genoeg is. Je mag altijd bellen.',
    acuteHeading: 'Is er nu gevaar?',
    acuteText: 'Is iemands leven in gevaar of is iemand nu niet veilig? Bel dan meteen 112. Bijvoorbeeld bij geweld, als iemand ernstig gewond is of als iemand zichzelf iets wil aandoen.',
    hoursNote: 'Openingstijden kunnen veranderen. De tijden op deze pagina zijn niet altijd actueel. Kijk op de website van de hulplijn voor de tijden van nu. 112 is altijd bereikbaar, dag en nacht.',
    childrenHeading: 'Voor kinderen en jongeren',
    childrenText: 'Gaan je ouders uit elkaar of is het thuis niet fijn? Het is nooit jouw schuld. Je mag altijd bellen of chatten met De Kindertelefoon. Dat is gratis. Je hoeft je naam niet te zeggen en niemand hoort ervan, ook je ouders niet.',
  },
  crisisLines: {
    '112': {
      purpose: 'Via het alarmnummer krijg je politie, ambulance of brandweer als er direct gevaar is.',
      when: 'Bel als iemands leven of veiligheid op dit moment in gevaar is.',
    },
    'veilig-thuis': {
      purpose: 'Veilig Thuis geeft advies en neemt meldingen aan over huiselijk geweld en kindermishandeling, voor iedereen die erbij betrokken is.',
      when: 'Bel of chat als je je zorgen maakt over geweld of mishandeling thuis, bij jezelf of bij iemand anders, ook als je twijfelt of anoniem wilt blijven.',
    },
    kindertelefoon: {
      purpose: 'Bij De Kindertelefoon kunnen kinderen en jongeren van 8 tot en met 18 jaar anoniem praten over alles wat hen bezighoudt, ook over thuis en scheiding.',
      when: 'Bel of chat als je ergens mee zit en erover wilt praten, of het nu groot of klein is.',
    },
    '113': {
      purpose: '113 Zelfmoordpreventie is er voor iedereen die aan zelfmoord denkt en voor mensen die zich zorgen maken om iemand anders.',
      when: 'Bel of chat als je aan zelfmoord denkt of bang bent dat iemand anders dat doet; dat is gratis, anoniem en kan dag en nacht.',
    },
    luisterlijn: {
      purpose: 'Bij De Luisterlijn luistert iemand naar je als je je verhaal kwijt wilt, bijvoorbeeld over eenzaamheid, zorgen of je relatie.',
      when: 'Bel of chat als je behoefte hebt aan een gesprek en iemand zoekt die naar je luistert, zonder dat je je naam hoeft te geven.',
    },
    'alles-oke-supportlijn': {
      purpose: 'De Alles Oké? Supportlijn is er voor jongeren van 18 tot en met 25 jaar die zich niet goed voelen.',
      when: 'Bel of chat als het even niet goed met je gaat en je met iemand wilt praten.',
    },
    'centrum-seksueel-geweld': {
      purpose: 'Het Centrum Seksueel Geweld helpt na seksueel geweld, met medische zorg, onderzoek en steun op één plek.',
      when: 'Bel of chat als jij of iemand die je kent seksueel geweld heeft meegemaakt, het liefst zo snel mogelijk.',
    },
    slachtofferhulp: {
      purpose: 'Slachtofferhulp Nederland geeft praktische, juridische en emotionele steun na een misdrijf, zoals huiselijk geweld, of na een ongeluk.',
      when: 'Bel als jij of iemand in je omgeving slachtoffer of getuige is geweest van een misdrijf of ongeluk en je steun nodig hebt.',
    },
    'juridisch-loket': {
      purpose: 'Het Juridisch Loket geeft gratis informatie en advies over juridische vragen, zoals scheiden, alimentatie en gezag; het is geen crisislijn.',
      when: 'Bel of ga langs als je wilt weten wat je rechten en plichten zijn; het advies is gratis, maar bellen kost wel geld.',
    },
  },
};

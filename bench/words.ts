import type { Audience, Form, Level, Theme } from '../src/db/schema.ts';

/** Word banks for the synthetic catalogue: Dutch first, English beside it. */

export interface Text {
  nl: string;
  en: string;
}

/** One kind of offering: its name templates and the fields that fit it. `{city}` and `{org}` are filled in. */
export interface Archetype {
  readonly names: readonly Text[];
  readonly summary: Text;
  readonly level: Level;
  readonly audiences: readonly Audience[];
  readonly forms: readonly Form[];
  readonly themes: readonly Theme[];
}

export const ARCHETYPES: readonly Archetype[] = [
  {
    names: [
      { nl: 'Informatieavond scheiden met kinderen in {city}', en: 'Information evening on separating with children in {city}' },
      { nl: 'Infohoek wonen en geld na scheiding {city}', en: 'Information corner: housing and money after separation, {city}' },
      { nl: 'Online kennisreeks: scheiden en je kind', en: 'Online series: separation and your child' },
    ],
    summary: { nl: 'Heldere uitleg over de stappen van een scheiding, voor ouders en hun netwerk.', en: 'Clear explanation of the steps of a separation, for parents and their network.' },
    level: 'information',
    audiences: ['parents', 'network'],
    forms: ['group', 'online', 'individual'],
    themes: ['parenting_plan', 'legal', 'money_alimony', 'housing'],
  },
  {
    names: [
      { nl: 'Ouderschapsplan-spreekuur {city}', en: 'Parenting plan consultation hour, {city}' },
      { nl: 'Spreekuur Kind en Scheiding {city}', en: 'Children and separation consultation hour, {city}' },
      { nl: 'Juridisch spreekuur scheiding {city}', en: 'Legal consultation hour on separation, {city}' },
      { nl: 'Chatspreekuur scheiding van {org}', en: 'Separation chat consultation by {org}' },
    ],
    summary: { nl: 'Laagdrempelig advies over het ouderschapsplan, omgang en praktische zaken rond de scheiding.', en: 'Easy-access advice on the parenting plan, contact and practical matters around the separation.' },
    level: 'advice',
    audiences: ['parents', 'professionals'],
    forms: ['individual', 'phone', 'chat'],
    themes: ['parenting_plan', 'contact_arrangements', 'legal', 'money_alimony', 'communication'],
  },
  {
    names: [
      { nl: 'Praatgroep voor kinderen in {city}', en: 'Talk group for children in {city}' },
      { nl: 'Lotgenotengroep voor jongeren {city}', en: 'Peer group for young people, {city}' },
      { nl: 'Oudercursus Samen ouder blijven in {city}', en: 'Parenting course Staying parents together in {city}' },
      { nl: 'Weerbaarheidstraining voor kinderen van gescheiden ouders', en: 'Resilience training for children of separated parents' },
    ],
    summary: { nl: 'Een groep waarin kinderen en jongeren ervaringen delen en leren omgaan met de scheiding van hun ouders.', en: 'A group where children and young people share experiences and learn to cope with their parents’ separation.' },
    level: 'prevention',
    audiences: ['children', 'youth', 'parents'],
    forms: ['group', 'online'],
    themes: ['child_emotions', 'loyalty_conflict', 'school', 'new_family'],
  },
  {
    names: [
      { nl: 'Omgangsbegeleiding {city}', en: 'Supervised contact, {city}' },
      { nl: 'Mediation bij scheiding {city}', en: 'Separation mediation, {city}' },
      { nl: 'Kindgesprek bij mediation in {city}', en: 'Child interview during mediation in {city}' },
      { nl: 'Begeleid omgangshuis {city}', en: 'Supervised contact centre, {city}' },
      { nl: 'Ouderschapsbemiddeling door {org}', en: 'Parenting mediation by {org}' },
    ],
    summary: { nl: 'Begeleiding voor ouders die er samen niet uitkomen over omgang, contact en afspraken.', en: 'Guidance for parents who cannot agree on contact and arrangements together.' },
    level: 'guidance',
    audiences: ['parents', 'children'],
    forms: ['individual', 'family', 'online'],
    themes: ['contact_arrangements', 'communication', 'contact_loss', 'parenting_plan'],
  },
  {
    names: [
      { nl: 'Hulp bij vechtscheiding {city}', en: 'Help with high-conflict separation, {city}' },
      { nl: 'Ondersteuning bij complexe scheiding in {city}', en: 'Support with complex separation in {city}' },
      { nl: 'Gezinsbehandeling na scheiding {city}', en: 'Family treatment after separation, {city}' },
      { nl: 'Traject scheidingsproblematiek voor jongeren', en: 'Programme on separation problems for young people' },
    ],
    summary: { nl: 'Gespecialiseerde hulp voor gezinnen waar de scheiding is vastgelopen in een zwaar conflict.', en: 'Specialised help for families where the separation has become stuck in a serious conflict.' },
    level: 'specialised',
    audiences: ['parents', 'children', 'youth'],
    forms: ['family', 'individual', 'group'],
    themes: ['loyalty_conflict', 'child_emotions', 'communication', 'contact_loss'],
  },
  {
    names: [
      { nl: 'Veiligheidsteam huiselijk geweld en scheiding {city}', en: 'Safety team for domestic violence and separation, {city}' },
      { nl: 'Crisisopvang voor gezinnen in scheiding {city}', en: 'Crisis support for separating families, {city}' },
    ],
    summary: { nl: 'Snelle hulp als de situatie thuis onveilig is, voor ouders, kinderen en jongeren.', en: 'Quick help when the situation at home is unsafe, for parents, children and young people.' },
    level: 'safety',
    audiences: ['parents', 'children', 'youth', 'professionals'],
    forms: ['phone', 'individual', 'chat'],
    themes: ['safety_domestic_violence', 'housing', 'child_emotions'],
  },
];

/** Sentences for descriptions; `{city}` is filled in. */
export const SENTENCES: readonly Text[] = [
  { nl: 'Een scheiding raakt het hele gezin, en vooral de kinderen.', en: 'A separation affects the whole family, and the children most of all.' },
  { nl: 'We helpen ouders om samen een ouderschapsplan te maken waarin het belang van het kind voorop staat.', en: 'We help parents make a parenting plan together that puts the child first.' },
  { nl: 'Kinderen kunnen klem komen te zitten in een loyaliteitsconflict tussen hun ouders.', en: 'Children can get caught in a loyalty conflict between their parents.' },
  { nl: 'Bij een vechtscheiding kijken we samen wat nodig is om de ruzie buiten het kind te houden.', en: 'In a high-conflict separation we look together at what is needed to keep the child out of the fight.' },
  { nl: 'Onze mediators helpen ouders om afspraken te maken over omgang, geld en wonen.', en: 'Our mediators help parents agree on contact, money and housing.' },
  { nl: 'Jongeren praten met leeftijdsgenoten die hetzelfde hebben meegemaakt.', en: 'Young people talk with peers who have been through the same.' },
  { nl: 'We werken in {city} en de gemeenten eromheen.', en: 'We work in {city} and the surrounding municipalities.' },
  { nl: 'Ook bij scheidingsproblematiek die al lang duurt, kun je bij ons terecht.', en: 'You can also come to us when separation problems have lasted a long time.' },
  { nl: 'Als het contact met een ouder is verbroken, helpen begeleiders om de omgang weer rustig op te bouwen.', en: 'When contact with a parent has broken off, staff help to rebuild contact calmly.' },
  { nl: 'Opa’s, oma’s, nieuwe partners en leerkrachten zijn ook welkom met hun vragen.', en: 'Grandparents, new partners and teachers are welcome with their questions too.' },
  { nl: 'Je hoeft niets over jezelf te vertellen als je dat niet wilt.', en: 'You do not have to tell anything about yourself if you do not want to.' },
  { nl: 'De begeleiding sluit aan bij de leeftijd van de kinderen.', en: 'The guidance fits the age of the children.' },
  { nl: 'We denken mee over school, geld, alimentatie en een nieuw gezin.', en: 'We help think about school, money, maintenance and a new family.' },
  { nl: 'Als het thuis niet veilig is, schakelen we direct hulp in.', en: 'If home is not safe, we bring in help straight away.' },
];

export const DURATIONS: readonly Text[] = [
  { nl: 'Eén avond van twee uur', en: 'One evening of two hours' },
  { nl: 'Acht wekelijkse bijeenkomsten van een uur', en: 'Eight weekly sessions of one hour' },
  { nl: 'Drie tot zes gesprekken', en: 'Three to six talks' },
  { nl: 'Zolang als nodig, meestal drie tot zes maanden', en: 'As long as needed, usually three to six months' },
  { nl: 'Eén gesprek van een uur', en: 'One talk of one hour' },
];

export const HOW_TO_APPLY: readonly Text[] = [
  { nl: 'Meld je aan via de website of per e-mail.', en: 'Sign up on the website or by email.' },
  { nl: 'Bel ons op werkdagen tussen 9.00 en 17.00 uur.', en: 'Call us on weekdays between 9:00 and 17:00.' },
  { nl: 'Vraag een verwijzing aan het wijkteam, de huisarts of de jeugdarts.', en: 'Ask the neighbourhood team, your GP or the youth doctor for a referral.' },
  { nl: 'Loop binnen tijdens het inloopspreekuur; aanmelden is niet nodig.', en: 'Drop in during the walk-in hour; no need to sign up.' },
];

export const COST_NOTES: readonly Text[] = [
  { nl: 'Het eerste gesprek is gratis; daarna betaal je een eigen bijdrage naar inkomen.', en: 'The first talk is free; after that you pay a contribution based on income.' },
  { nl: 'Je betaalt een eigen bijdrage per bijeenkomst.', en: 'You pay a contribution per session.' },
];

export const ORG_KINDS: readonly string[] = ['Stichting', 'Jeugdzorgpraktijk', 'Mediationpraktijk', 'Welzijn', 'Gezinscentrum', 'Omgangshuis', 'Kenniscentrum', 'Buurtteam'];
export const ORG_WORDS: readonly string[] = [
  'Samen Verder', 'Klein Gehoord', 'Twee Huizen', 'De Brug', 'Zeewind', 'Lindeplein', 'Tafel voor Twee', 'Kompas', 'Vlierbes', 'Kustlicht',
  'Het Anker', 'Rondom het Kind', 'Nieuw Begin', 'De Wegwijzer', 'Open Deur', 'Stapsteen', 'Boomhut', 'Regenboog', 'Lichtpunt', 'Middenweg',
];
export const STREETS: readonly string[] = [
  'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Dorpsstraat', 'Stationsweg', 'Lindelaan', 'Beukenlaan', 'Marktplein', 'Julianastraat',
  'Wilhelminastraat', 'Parkweg', 'Havenstraat', 'Prinses Irenelaan', 'Raadhuisplein', 'Eikenhof',
];
export const LANGUAGES: readonly string[] = ['en', 'ar', 'tr', 'pl', 'de', 'uk', 'so', 'ti', 'fr', 'es'];

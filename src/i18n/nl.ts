import { questionsNl } from '../features/questions/questions.messages.ts';
import { catalogueNl } from '../features/catalogue/catalogue.messages.ts';
import { searchNl } from '../features/search/search.messages.ts';
import { servicesNl } from '../features/services/services.messages.ts';
import { hulpwijzerNl } from '../features/hulpwijzer/hulpwijzer.messages.ts';
import { authNl } from '../features/auth/auth.messages.ts';
import { spreekuurNl } from '../features/spreekuur/spreekuur.messages.ts';
import { editingNl } from '../features/editing/editing.messages.ts';
import { moderationNl } from '../features/moderation/moderation.messages.ts';
import { usersNl } from '../features/users/users.messages.ts';
import { auditNl } from '../features/audit/audit.messages.ts';
import { outboxNl } from '../features/outbox/outbox.messages.ts';
import { hsdsUploadNl } from '../features/hsds/hsds-upload.messages.ts';

/**
 * Dutch catalogue: the source of every key. English (en.ts) must have exactly the same keys
 * and placeholders; both are checked by the compiler and by i18n.test.ts.
 * A feature with many messages keeps them in its own `<feature>.messages.ts` (an `xxxNl` object
 * `as const` and an `xxxEn: Record<keyof typeof xxxNl, string>`), spread in here and in en.ts.
 */
const core = {
  'site.name': 'Wegwijzer Kind en Scheiding',
  'site.tagline': 'Hulp voor kinderen, ouders en professionals bij scheiding',
  'layout.skipLink': 'Naar de inhoud',
  'layout.home': 'Home',
  'layout.mainNav': 'Hoofdmenu',
  'layout.crisisLink': 'Direct hulp nodig?',
  'layout.languageSwitch': 'English',
  'layout.languageSwitchLabel': 'Read this page in English',
  'layout.footerNav': 'Over deze website',
  'layout.privacy': 'Privacy',
  'layout.accessibility': 'Toegankelijkheid',
  'layout.contact': 'Contact',
  'layout.attribution': 'Gemeenten en postcodes — Bron: CBS, PDOK',
  'layout.demoNotice': 'Dit is een demo. Organisaties en aanbod met het label "demo" zijn verzonnen.',
  'layout.demoBadge': 'demo',

  'home.title': 'Wegwijzer Kind en Scheiding',
  'home.lead': 'Gaan jullie uit elkaar, of is dat al gebeurd? Hier vind je hulp in de buurt, voor je kind en voor jezelf.',

  'home.searchHeading': 'Zoek hulp in de buurt',
  'home.entrances': 'Waar ben je naar op zoek?',
  'home.parents.title': 'Voor ouders',
  'home.parents.text': 'Wat kun je doen, en wat helpt je kind? Advies, praatgroepen en hulp bij afspraken.',
  'home.children.title': 'Voor kinderen',
  'home.children.text': 'Je ouders gaan uit elkaar. Hier vind je iemand om mee te praten.',
  'home.youth.title': 'Voor jongeren',
  'home.youth.text': 'Praten met iemand die het snapt, of met jongeren die hetzelfde meemaken.',
  'home.professionals.title': 'Voor professionals',
  'home.professionals.text': 'Naar wie verwijs je? Bekijk het aanbod per hulpniveau en erkenning.',
  'home.municipalities.title': 'Voor gemeenten',
  'home.municipalities.text': 'Al het aanbod in een gemeente, geordend per hulpniveau.',
  'home.hulpwijzer.title': 'Niet zeker wat past?',
  'home.hulpwijzer.text': 'Beantwoord een paar korte vragen. Je krijgt advies over het soort hulp dat past, en aanbod in de buurt.',
  'home.hulpwijzer.link': 'Start de Hulpwijzer',
  'home.crisisHeading': 'Direct hulp nodig?',
  'home.crisisMore': 'Alle hulplijnen op een rij',
  'crisis.phone': 'Bel {phone}',
  'crisis.phoneAlt': 'of {phone}',
  'crisis.free': 'Gratis',
  'crisis.chat': 'Chatten kan ook',
  'crisis.alwaysOpen': 'Dag en nacht bereikbaar',
  'crisis.checkHours': 'Kijk op de website voor de openingstijden',
  'crisis.website': 'Website van {name}',
  'crisis.ages': 'Voor {min} tot en met {max} jaar',
  'crisis.linesHeading': 'Hulplijnen in heel Nederland',

  'error.notFound.title': 'Deze pagina bestaat niet',
  'error.notFound.text': 'Misschien is de pagina verhuisd, of zit er een tikfout in het adres.',
  'error.server.title': 'Er ging iets mis',
  'error.server.text': 'Dat ligt niet aan jou. Probeer het over een paar minuten opnieuw.',
  'error.badRequest.title': 'Dit verzoek klopt niet',
  'error.badRequest.text': 'We konden je verzoek niet verwerken: {reason}',
  'error.badCharacters.text': 'Wat je stuurde bevat onzichtbare tekens die we niet kunnen verwerken, bijvoorbeeld uit tekst die je hebt gekopieerd. Ga terug, haal die tekens weg of plak de tekst zonder opmaak, en probeer het opnieuw.',
  'error.badDay.text': 'Deze datum kunnen we niet gebruiken. Ga terug en kies een dag uit de lijst.',
  'error.tooMany.title': 'Even rustig aan',
  'error.tooMany.text': 'Je hebt in korte tijd veel verzoeken gestuurd. Wacht een minuut en probeer het dan opnieuw.',
  'error.formExpired.title': 'Dit formulier is verlopen',
  'error.formExpired.text': 'Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer. Wat je had ingevuld is niet opgeslagen.',
  'error.forbidden.title': 'Geen toegang',
  'error.forbidden.text': 'Met jouw account kun je deze pagina niet gebruiken. Denk je dat dit niet klopt? Neem contact op met een beheerder.',
  'error.unauthorized.title': 'Log eerst in',
  'error.unauthorized.text': 'Voor deze pagina moet je ingelogd zijn.',
  'error.unavailable.title': 'De website is even niet beschikbaar',
  'error.unavailable.text': 'We werken eraan. Probeer het over een paar minuten opnieuw.',
  'error.busy.title': 'Het is nu erg druk op de website',
  'error.busy.text': 'Daardoor konden we je verzoek nu niet afhandelen. Had je een formulier verstuurd? Dat is dan niet opgeslagen. Probeer het over een paar seconden opnieuw.',
  'error.backHome': 'Naar de homepagina',
  'error.reference': 'Foutcode: {id}',
  'form.errorSummary': 'Er is iets niet goed ingevuld',
  'pagination.label': 'Paginering',
  'pagination.previous': 'Vorige pagina',
  'pagination.next': 'Volgende pagina',
  'pagination.current': 'Pagina {page} van {pages}',
} as const;

export const nl = {
  ...core,
  ...catalogueNl,
  ...searchNl,
  ...servicesNl,
  ...hulpwijzerNl,
  ...authNl,
  ...questionsNl,
  ...spreekuurNl,
  ...editingNl,
  ...moderationNl,
  ...usersNl,
  ...auditNl,
  ...outboxNl,
  ...hsdsUploadNl,
} as const;

export type MessageKey = keyof typeof nl;

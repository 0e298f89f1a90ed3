import { questionsEn } from '../features/questions/questions.messages.ts';
import { catalogueEn } from '../features/catalogue/catalogue.messages.ts';
import { searchEn } from '../features/search/search.messages.ts';
import { servicesEn } from '../features/services/services.messages.ts';
import { hulpwijzerEn } from '../features/hulpwijzer/hulpwijzer.messages.en.ts';
import { authEn } from '../features/auth/auth.messages.ts';
import { spreekuurEn } from '../features/spreekuur/spreekuur.messages.en.ts';
import { editingEn } from '../features/editing/editing.messages.ts';
import { moderationEn } from '../features/moderation/moderation.messages.ts';
import { usersEn } from '../features/users/users.messages.ts';
import { auditEn } from '../features/audit/audit.messages.ts';
import { outboxEn } from '../features/outbox/outbox.messages.ts';
import { hsdsUploadEn } from '../features/hsds/hsds-upload.messages.ts';
import type { MessageKey } from './nl.ts';

export const en: Record<MessageKey, string> = {
  ...catalogueEn,
  ...searchEn,
  ...servicesEn,
  ...hulpwijzerEn,
  ...authEn,
  ...questionsEn,
  ...spreekuurEn,
  ...editingEn,
  ...moderationEn,
  ...usersEn,
  ...auditEn,
  ...outboxEn,
  ...hsdsUploadEn,
  'form.errorSummary': 'Something is not filled in correctly',
  'pagination.label': 'Pagination',
  'pagination.previous': 'Previous page',
  'pagination.next': 'Next page',
  'pagination.current': 'Page {page} of {pages}',
  'site.name': 'Wegwijzer Kind en Scheiding',
  'site.tagline': 'Help for children, parents and professionals around divorce',
  'layout.skipLink': 'Skip to content',
  'layout.home': 'Home',
  'layout.mainNav': 'Main menu',
  'layout.crisisLink': 'Need help right now?',
  'layout.languageSwitch': 'Nederlands',
  'layout.languageSwitchLabel': 'Lees deze pagina in het Nederlands',
  'layout.footerNav': 'About this website',
  'layout.privacy': 'Privacy',
  'layout.accessibility': 'Accessibility',
  'layout.contact': 'Contact',
  'layout.attribution': 'Municipalities and postcodes — Source: CBS, PDOK (Bron: CBS, PDOK)',
  'layout.demoNotice': 'This is a demo. Organisations and offerings labelled "demo" are made up.',
  'layout.demoBadge': 'demo',

  'home.title': 'Wegwijzer Kind en Scheiding',
  'home.lead': 'Are you separating, or has it already happened? Here you find help nearby, for your child and for yourself.',

  'home.searchHeading': 'Find help nearby',
  'home.entrances': 'What are you looking for?',
  'home.parents.title': 'For parents',
  'home.parents.text': 'What can you do, and what helps your child? Advice, groups and help with agreements.',
  'home.children.title': 'For children',
  'home.children.text': 'Your parents are splitting up. Here you find someone to talk to.',
  'home.youth.title': 'For young people',
  'home.youth.text': 'Talk to someone who gets it, or to young people going through the same.',
  'home.professionals.title': 'For professionals',
  'home.professionals.text': 'Where do you refer? See the offerings by level of help and recognition.',
  'home.municipalities.title': 'For municipalities',
  'home.municipalities.text': 'All offerings in a municipality, ordered by level of help.',
  'home.hulpwijzer.title': 'Not sure what fits?',
  'home.hulpwijzer.text': 'Answer a few short questions. You get advice on the kind of help that fits, and offerings nearby.',
  'home.hulpwijzer.link': 'Start the Hulpwijzer',
  'home.crisisHeading': 'Need help right now?',
  'home.crisisMore': 'All help lines in one place',
  'crisis.phone': 'Call {phone}',
  'crisis.phoneAlt': 'or {phone}',
  'crisis.free': 'Free',
  'crisis.chat': 'You can also chat',
  'crisis.alwaysOpen': 'Open day and night',
  'crisis.checkHours': 'See the website for opening hours',
  'crisis.website': 'Website of {name}',
  'crisis.ages': 'For ages {min} to {max}',
  'crisis.linesHeading': 'Help lines across the Netherlands',

  'error.notFound.title': 'This page does not exist',
  'error.notFound.text': 'The page may have moved, or there may be a typo in the address.',
  'error.server.title': 'Something went wrong',
  'error.server.text': 'It is not your fault. Please try again in a few minutes.',
  'error.badRequest.title': 'This request is not right',
  'error.badRequest.text': 'We could not handle your request: {reason}',
  'error.badCharacters.text': 'What you sent contains invisible characters we cannot process, for example from text you copied. Go back, remove those characters or paste the text without formatting, and try again.',
  'error.badDay.text': 'We cannot use this date. Go back and pick a day from the list.',
  'error.tooMany.title': 'Please slow down',
  'error.tooMany.text': 'You sent many requests in a short time. Wait a minute and try again.',
  'error.formExpired.title': 'This form has expired',
  'error.formExpired.text': 'Go back, reload the page and send the form again. What you filled in has not been saved.',
  'error.forbidden.title': 'No access',
  'error.forbidden.text': 'Your account cannot use this page. Think this is wrong? Contact an administrator.',
  'error.unauthorized.title': 'Sign in first',
  'error.unauthorized.text': 'You need to be signed in for this page.',
  'error.unavailable.title': 'The website is briefly unavailable',
  'error.unavailable.text': 'We are working on it. Please try again in a few minutes.',
  'error.busy.title': 'The website is very busy right now',
  'error.busy.text': 'That is why we could not handle your request just now. Did you send a form? Then it has not been saved. Please try again in a few seconds.',
  'error.backHome': 'To the home page',
  'error.reference': 'Error code: {id}',
};

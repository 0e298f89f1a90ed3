import type { QuestionMessageKind, QuestionStatus } from '../../db/schema.ts';
import type { Lang } from '../../i18n/index.ts';
import type { Taxonomy } from '../catalogue/taxonomy.ts';
import { formatCode } from './questions.crypto.ts';
import type { InboxRow } from './questions.repository.ts';
import type { Conversation } from './questions.service.ts';

/** Rows → what the pages show. The follow-up view never carries notes, author names or the e-mail address. */

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatDateTime(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(date);
}

export interface ServiceLinkView {
  readonly id: string;
  readonly name: string;
  readonly href: string;
}

export interface MessageView {
  readonly kind: QuestionMessageKind;
  readonly body: string;
  readonly date: string;
  readonly authorName: string;
  readonly services: readonly ServiceLinkView[];
}

export interface QuestionView {
  readonly id: string;
  readonly code: string;
  readonly topic: string;
  readonly topicCode: string;
  readonly role: string;
  readonly municipality: string | null;
  readonly status: QuestionStatus;
  readonly lang: string;
  readonly asked: string;
  readonly body: string;
  readonly hasEmail: boolean;
  readonly assignedTo: string | null;
  readonly messages: readonly MessageView[];
}

export interface PresentOptions {
  readonly lang: Lang;
  readonly taxonomy: Taxonomy;
  readonly municipalities: ReadonlyMap<string, string>;
}

export function presentConversation(c: Conversation, o: PresentOptions): QuestionView {
  const services = new Map(c.services.map((s) => [s.id, { id: s.id, name: o.lang === 'nl' ? s.name_nl : s.name_en, href: `/aanbod/${s.id}` }]));
  const q = c.question;
  return {
    id: q.id,
    code: q.short_code ? formatCode(q.short_code) : '',
    topic: o.taxonomy.label('theme', q.topic, o.lang),
    topicCode: q.topic,
    role: q.role,
    municipality: q.municipality_code ? (o.municipalities.get(q.municipality_code) ?? q.municipality_code) : null,
    status: q.status,
    lang: q.lang,
    asked: formatDateTime(q.created_at, o.lang),
    body: q.body ?? '',
    hasEmail: q.email !== null,
    assignedTo: q.assigned_to,
    messages: c.messages.map((m) => ({
      kind: m.kind,
      body: m.body,
      date: formatDateTime(m.created_at, o.lang),
      authorName: m.author_name ?? '',
      services: m.service_ids.flatMap((id) => services.get(id) ?? []),
    })),
  };
}

export interface InboxItemView {
  readonly id: string;
  readonly code: string;
  readonly topic: string;
  readonly role: string;
  readonly municipality: string | null;
  readonly status: QuestionStatus;
  readonly received: string;
  readonly assignedName: string | null;
}

export function presentInboxRow(row: InboxRow, o: PresentOptions): InboxItemView {
  return {
    id: row.id,
    code: row.short_code ? formatCode(row.short_code) : '',
    topic: o.taxonomy.label('theme', row.topic, o.lang),
    role: row.role,
    municipality: row.municipality_code ? (o.municipalities.get(row.municipality_code) ?? row.municipality_code) : null,
    status: row.status,
    received: formatDateTime(row.created_at, o.lang),
    assignedName: row.assigned_name,
  };
}

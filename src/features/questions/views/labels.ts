import type { Audience, QuestionStatus } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';

export const ROLE_LABELS: Record<Audience, MessageKey> = {
  parents: 'questions.role.parents',
  children: 'questions.role.children',
  youth: 'questions.role.youth',
  professionals: 'questions.role.professionals',
  network: 'questions.role.network',
};

export const STATUS_LABELS: Record<QuestionStatus, MessageKey> = {
  new: 'questions.status.new',
  in_progress: 'questions.status.in_progress',
  waiting: 'questions.status.waiting',
  answered: 'questions.status.answered',
  closed: 'questions.status.closed',
};

export const ASKER_STATUS_LABELS: Record<QuestionStatus, MessageKey> = {
  new: 'questions.askerStatus.new',
  in_progress: 'questions.askerStatus.in_progress',
  waiting: 'questions.askerStatus.waiting',
  answered: 'questions.askerStatus.answered',
  closed: 'questions.askerStatus.closed',
};

export function roleLabel(role: string): MessageKey {
  return Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Audience] : 'questions.desk.unknown';
}

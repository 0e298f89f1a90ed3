import type { QuestionStatus } from '../../db/schema.ts';
import type { Permission } from '../auth/auth.policy.ts';

/** Every desk route names this permission; only staff and admin hold it (auth.policy.ts). */
export const DESK_PERMISSION: Permission = 'questions.handle';

export type QuestionEvent = 'assign' | 'staff_reply_answered' | 'staff_reply_waiting' | 'asker_reply' | 'close';

/**
 * How a status moves. A staff reply answers or waits for the asker; the asker's reply puts the
 * question back in progress; assigning a new question starts it. Closed is final for the asker
 * (no reply, ask anew) but staff may still reply to a closed question (it reopens).
 */
export function nextStatus(current: QuestionStatus, event: QuestionEvent): QuestionStatus {
  switch (event) {
    case 'assign':
      return current === 'new' ? 'in_progress' : current;
    case 'staff_reply_answered':
      return 'answered';
    case 'staff_reply_waiting':
      return 'waiting';
    case 'asker_reply':
      return current === 'closed' ? 'closed' : 'in_progress';
    case 'close':
      return 'closed';
  }
}

/** The asker may reply while the question is open. */
export function askerMayReply(status: QuestionStatus): boolean {
  return status !== 'closed';
}

/** Children and young people get simple words and the Kindertelefoon alongside. */
export function isYoungAsker(role: string): boolean {
  return role === 'children' || role === 'youth';
}

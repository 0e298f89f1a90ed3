import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../auth/auth.policy.ts';

/** Who may see and change the consultation hours and their bookings (staff and admin, see auth.policy.ts). */
export const SPREEKUUR_PERMISSION: Permission = 'spreekuur.manage';

/** Pages behind the private link: never cached, never sent on as a referrer (reply.page sets no-cache). */
export async function privatePage(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  return payload;
}

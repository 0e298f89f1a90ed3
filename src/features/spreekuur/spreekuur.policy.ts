import type { Permission } from '../auth/auth.policy.ts';

/** Who may see and change the consultation hours and their bookings (staff and admin, see auth.policy.ts). */
export const SPREEKUUR_PERMISSION: Permission = 'spreekuur.manage';

/**
 * What a role may do in the inbox, as the server decides it (ROLE_ACTIONS in
 * src/auth/auth.service.ts): contributors and up change items (`write`); owners, admins and editors
 * also act on the network — reply, hide, like, delete, rules (`publish`); owners and admins
 * change the inbox settings (`admin`); viewers only read.
 */
export interface InboxPermissions {
  write: boolean;
  publish: boolean;
  admin: boolean;
}

const ADMINS = new Set(['owner', 'admin']);
const PUBLISHERS = new Set(['owner', 'admin', 'editor']);
const WRITERS = new Set([...PUBLISHERS, 'contributor']);

export const rolePermissions = (role: string): InboxPermissions => ({ write: WRITERS.has(role), publish: PUBLISHERS.has(role), admin: ADMINS.has(role) });

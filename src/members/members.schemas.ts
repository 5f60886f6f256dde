/**
 * The shapes of members and invitations in the API answers. An invitation's token (in its link)
 * is in the answer to creating it only: it is shown once, and stored as a hash.
 */
import { z } from 'zod';
import { Instant } from '../server/schemas.js';
import { ROLES } from '../workspaces/workspaces.schemas.js';

const AssignedRole = z.enum(['admin', 'editor', 'contributor', 'viewer']);

export const Member = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES), joinedAt: Instant });
export const MemberList = z.object({ members: z.array(Member) });
export const OwnershipAnswer = z.object({ owner: z.string().describe('The new owner’s user id') });

export const Invitation = z.object({ id: z.string(), email: z.string().nullable(), role: AssignedRole, createdAt: Instant, expiresAt: Instant });
export const InvitationList = z.object({ invitations: z.array(Invitation) });
export const NewInvitation = z.object({
  id: z.string(),
  email: z.string().nullable(),
  role: AssignedRole,
  expiresAt: Instant,
  url: z.string().describe('The invitation link, shown only this once'),
  token: z.string().describe('The token in the link, shown only this once'),
});
export const InvitationInfo = z.object({ workspaceName: z.string(), invitedBy: z.string().nullable(), role: AssignedRole, email: z.string().nullable(), expiresAt: Instant });
export const Joined = z.object({ workspaceId: z.string(), role: AssignedRole, userId: z.string() });

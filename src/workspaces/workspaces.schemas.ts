/** The shapes of workspaces in the API answers: a workspace as one member sees it, with their role. */
import { z } from 'zod';
import { Instant } from '../server/schemas.js';
import type { Role } from './workspaces.repository.js';

export const ROLES = ['owner', 'admin', 'editor', 'contributor', 'viewer'] as const satisfies readonly Role[];

export const Workspace = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES).describe('The caller’s role in it') });
export type Workspace = z.infer<typeof Workspace>;

/** A workspace in the list and on its own, with when it was created. */
export const WorkspaceDetail = Workspace.extend({ createdAt: Instant });
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceDetail) });

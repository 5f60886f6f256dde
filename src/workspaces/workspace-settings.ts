/** A workspace's settings: who needs approval before publishing, and how many approvals. */
import { z } from 'zod';
import type { Queryable } from '../db/client.js';
import type { Role } from './workspaces.repository.js';

export const WorkspaceSettings = z.object({
  approvals: z.object({
    /** off: nobody; contributors: posts by contributors; everyone: every post that is to be published. */
    required: z.enum(['off', 'contributors', 'everyone']).default('off'),
    /** Approvals needed (from members who may publish, or client review links), not counting the author. */
    approvers: z.number().int().min(1).max(10).default(1),
  }).default({ required: 'off', approvers: 1 }),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export async function getWorkspaceSettings(db: Queryable, workspaceId: string): Promise<WorkspaceSettings> {
  const [row] = await db.query<{ settings: unknown }>(`SELECT settings FROM workspaces WHERE id = $1`, [workspaceId]);
  return WorkspaceSettings.parse(row?.settings ?? {});
}

export async function saveWorkspaceSettings(db: Queryable, workspaceId: string, settings: WorkspaceSettings) {
  await db.query(`UPDATE workspaces SET settings = $2::jsonb WHERE id = $1`, [workspaceId, JSON.stringify(settings)]);
  return settings;
}

/** Whether a post by someone with this role must be approved before it can publish. */
export function needsApproval(settings: WorkspaceSettings, role: Role): boolean {
  if (settings.approvals.required === 'everyone') return true;
  return settings.approvals.required === 'contributors' && role === 'contributor';
}

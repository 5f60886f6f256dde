/** Schemas shared by several route modules. */
import { z } from 'zod';

export const WorkspaceParams = z.object({ workspaceId: z.uuid('must be a workspace id (uuid)') });
export const IdParams = WorkspaceParams.extend({ id: z.uuid('must be an id (uuid)') });

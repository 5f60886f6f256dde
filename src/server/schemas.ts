/** Schemas shared by several route modules. */
import { z } from 'zod';

export const WorkspaceParams = z.object({ workspaceId: z.uuid('must be a workspace id (uuid)') });
export const IdParams = WorkspaceParams.extend({ id: z.uuid('must be an id (uuid)') });

/**
 * A moment in an answer. Services hand over the Date the database returned; the answer carries it
 * as an ISO-8601 string (the OpenAPI document says `string`, `date-time`).
 */
export const Instant = z.date().describe('ISO-8601, UTC');

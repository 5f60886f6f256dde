/** The audit log of a workspace: filtered pages, and the address of its CSV or JSON export. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

export type { AuditEntry } from './types';

export interface AuditFilters {
  actorUserId?: string;
  action?: string;
  subjectId?: string;
  /** ISO date-times */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE = 50;

export function useAudit(workspaceId: string, filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: ['audit', workspaceId, filters, page],
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/audit', {
      params: { path: { workspaceId }, query: { ...filters, limit: AUDIT_PAGE, offset: page * AUDIT_PAGE } },
    }))).entries,
    placeholderData: keepPreviousData,
  });
}

/** The export's address (a plain link: the browser downloads it with the session cookie). */
export function auditExportUrl(workspaceId: string, filters: AuditFilters, format: 'csv' | 'json'): string {
  const q = new URLSearchParams({ format, limit: '10000' });
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  return `/api/v1/workspaces/${workspaceId}/audit?${q}`;
}

/**
 * The calendar's view of posts: one lean row per post in a time range (an excerpt of the text and
 * each delivery's channel and state), aggregated in SQL so a month of thousands of posts is one
 * query and one small answer. Scoped by workspace like every query.
 */
import type { Queryable } from '../db/client.js';

export interface CalendarRow {
  id: string;
  status: string;
  scheduled_at: Date;
  campaign_id: string | null;
  text: string;
  media_count: number;
  /** [deliveryId, channelId, state] per delivery. */
  deliveries: [string, string, string][];
}

export interface CalendarQuery {
  from: string;
  to: string;
  status?: string;
  channelId?: string;
  campaignId?: string;
  limit: number;
}

export const EXCERPT_LENGTH = 140;

export function listCalendarPosts(db: Queryable, workspaceId: string, q: CalendarQuery): Promise<CalendarRow[]> {
  return db.query<CalendarRow>(
    `SELECT p.id, p.status, p.scheduled_at, p.campaign_id, left(coalesce(p.content->>'text', ''), ${EXCERPT_LENGTH}) AS text,
       coalesce(jsonb_array_length(p.content->'media'), 0)::int AS media_count,
       coalesce((SELECT json_agg(json_build_array(d.id, d.channel_id, d.state) ORDER BY d.created_at, d.id)
                 FROM deliveries d WHERE d.post_id = p.id), '[]'::json) AS deliveries
     FROM posts p
     WHERE p.workspace_id = $1 AND p.kind = 'post' AND p.scheduled_at >= $2 AND p.scheduled_at < $3
       AND ($4::text IS NULL OR p.status = $4)
       AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = p.id AND d.channel_id = $5))
       AND ($6::uuid IS NULL OR p.campaign_id = $6)
     ORDER BY p.scheduled_at, p.id
     LIMIT $7`,
    [workspaceId, q.from, q.to, q.status ?? null, q.channelId ?? null, q.campaignId ?? null, q.limit],
  );
}

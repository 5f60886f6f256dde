/**
 * The calendar's view of posts: one lean entry per post in a time range (an excerpt of the text,
 * the status, each delivery's channel and state). PostgreSQL builds the JSON answer itself — a
 * month of 5,000 posts is one row of text, not 5,000 rows to parse and re-serialise — which halves
 * the time on PGlite. Scoped by workspace like every query.
 */
import type { Queryable } from '../db/client.js';

export interface CalendarQuery {
  from: string;
  to: string;
  status?: string;
  channelId?: string;
  campaignId?: string;
  /** At most this many posts; `count` tells whether there were more. */
  limit: number;
}

/** A month grid's question: the first `perDay` posts of each day in `timeZone`, and every day's count. */
export interface CalendarDaysQuery extends Omit<CalendarQuery, 'limit'> {
  perDay: number;
  timeZone: string;
}

export const EXCERPT_LENGTH = 140;

const FILTERS = `
    p.workspace_id = $1 AND p.scheduled_at >= $2 AND p.scheduled_at < $3
      AND ($4::text IS NULL OR p.status = $4)
      AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = p.id AND d.channel_id = $5))
      AND ($6::uuid IS NULL OR p.campaign_id = $6)`;

/** One calendar entry as JSON, from a row `p` of posts' columns (the expensive part: built only for entries sent). */
const ENTRY = `CROSS JOIN LATERAL (SELECT
    p.id,
    p.status,
    to_char(p.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "scheduledAt",
    p.campaign_id AS "campaignId",
    left(coalesce(p.content->>'text', ''), ${EXCERPT_LENGTH}) AS text,
    coalesce(jsonb_array_length(p.content->'media'), 0) AS "mediaCount",
    coalesce((SELECT json_agg(row_to_json(x) ORDER BY d.created_at, d.id)
              FROM deliveries d CROSS JOIN LATERAL (SELECT d.channel_id AS "channelId", d.state) x
              WHERE d.post_id = p.id), '[]'::json) AS deliveries
  ) e`;

const SQL = `
  WITH page AS (
    SELECT p.id, p.status, p.scheduled_at, p.campaign_id, p.content,
           row_number() OVER (ORDER BY p.scheduled_at, p.id) AS rn
    FROM posts p
    WHERE ${FILTERS}
    ORDER BY p.scheduled_at, p.id
    LIMIT $7 + 1)
  SELECT count(*)::int AS count,
    coalesce(json_agg(row_to_json(e) ORDER BY p.rn) FILTER (WHERE p.rn <= $7), '[]'::json)::text AS posts
  FROM page p
  ${ENTRY}`;

// The days are counted from the matching rows alone; entries are built for the first few of each day.
const DAYS_SQL = `
  WITH matched AS (
    SELECT p.id, p.status, p.scheduled_at, p.campaign_id, p.content,
           to_char(p.scheduled_at AT TIME ZONE $7, 'YYYY-MM-DD') AS day
    FROM posts p
    WHERE ${FILTERS}),
  ranked AS (
    SELECT m.*, row_number() OVER (PARTITION BY m.day ORDER BY m.scheduled_at, m.id) AS dn FROM matched m),
  days AS (SELECT day, count(*)::int AS count FROM matched GROUP BY day)
  SELECT
    (SELECT coalesce(json_agg(json_build_object('day', day, 'count', count) ORDER BY day), '[]'::json)::text FROM days) AS days,
    (SELECT coalesce(json_agg(row_to_json(e) ORDER BY p.scheduled_at, p.id), '[]'::json)::text
       FROM ranked p ${ENTRY} WHERE p.dn <= $8) AS posts`;

/** The posts as a JSON array (text), and how many matched up to `limit + 1`. */
export async function calendarPostsJson(db: Queryable, workspaceId: string, q: CalendarQuery): Promise<{ json: string; count: number }> {
  const [row] = await db.query<{ count: number; posts: string }>(SQL, [
    workspaceId, q.from, q.to, q.status ?? null, q.channelId ?? null, q.campaignId ?? null, q.limit,
  ]);
  return { json: row.posts, count: row.count };
}

/** The first `perDay` posts of each day (in `timeZone`) as a JSON array, and each day's count as another. */
export async function calendarDaysJson(db: Queryable, workspaceId: string, q: CalendarDaysQuery): Promise<{ posts: string; days: string }> {
  const [row] = await db.query<{ posts: string; days: string }>(DAYS_SQL, [
    workspaceId, q.from, q.to, q.status ?? null, q.channelId ?? null, q.campaignId ?? null, q.timeZone, q.perDay,
  ]);
  return row;
}

/**
 * Bulk seeding with plain SQL (what is measured is publishing, not creating posts): one user and
 * workspace, webhook channels with credentials encrypted by the app's own Secrets, and one post
 * with one scheduled delivery per due time, each delivery with an idempotency key from the app.
 */
import { newId } from '../../src/app/ids.js';
import type { Secrets } from '../../src/app/secrets.js';
import type { Queryable } from '../../src/db/client.js';
import { generateWebhookSecret } from '../../src/providers/webhook/signing.js';
import { newIdempotencyKey } from '../../src/publishing/idempotency.js';

export interface SeededChannel {
  id: string;
  /** The receiver path this channel posts to. */
  path: string;
  secret: string;
  url: string;
}

export interface SeededWorkspace {
  workspaceId: string;
  userId: string;
  channels: SeededChannel[];
}

const CHUNK = 2_000;

export async function seedWorkspace(db: Queryable, secrets: Secrets, channelCount: number, urlOf: (path: string) => string): Promise<SeededWorkspace> {
  const userId = newId();
  const workspaceId = newId();
  await db.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'Bench', 'not-a-hash')`, [userId, `bench-${userId}@example.com`]);
  await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Bench')`, [workspaceId]);
  await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [workspaceId, userId]);
  const channels: SeededChannel[] = Array.from({ length: channelCount }, (_, i) => {
    const path = `/c/${i}`;
    return { id: newId(), path, secret: generateWebhookSecret(), url: urlOf(path) };
  });
  await db.query(
    `INSERT INTO channels (id, workspace_id, network, name, handle, credentials, settings)
     SELECT c.id, $1, 'webhook', c.name, '127.0.0.1', c.credentials, c.settings::jsonb
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS c(id, name, credentials, settings)`,
    [
      workspaceId,
      channels.map((c) => c.id),
      channels.map((_, i) => `Bench hook ${i}`),
      channels.map((c) => secrets.encrypt({ secret: c.secret })),
      channels.map((c) => JSON.stringify({ url: c.url })),
    ],
  );
  return { workspaceId, userId, channels };
}

export interface SeededDelivery {
  id: string;
  key: string;
}

/** Where seeded deliveries wait until `scheduleSeeded` moves them to their real time: far ahead. */
const PARKED_MS = 7 * 24 * 3600_000;

/**
 * One post + one scheduled delivery per offset (ms), spread round-robin over the channels, parked
 * a week ahead. `scheduleSeeded` then moves them all so that offset 0 falls due at a chosen
 * instant: how long seeding takes does not matter.
 */
export async function seedDeliveries(db: Queryable, ws: SeededWorkspace, offsetsMs: number[], label: string): Promise<{ deliveries: SeededDelivery[]; parkedAt: Date }> {
  const parkedAt = new Date(Math.floor(Date.now() / 1000) * 1000 + PARKED_MS);
  const out: SeededDelivery[] = [];
  for (let start = 0; start < offsetsMs.length; start += CHUNK) {
    const offsets = offsetsMs.slice(start, start + CHUNK);
    const postIds = offsets.map(() => newId());
    const rows = offsets.map((offset, j) => {
      const n = start + j;
      const at = new Date(parkedAt.getTime() + offset).toISOString();
      return { id: newId(), key: newIdempotencyKey(), channelId: ws.channels[n % ws.channels.length].id, at, text: `${label} post #${n}: plan once, publish everywhere exactly once.` };
    });
    await db.query(
      `INSERT INTO posts (id, workspace_id, created_by, status, content, scheduled_at)
       SELECT p.id, $1, $2, 'scheduled', jsonb_build_object('text', p.text, 'media', '[]'::jsonb, 'link', NULL, 'followups', '[]'::jsonb), p.at
       FROM unnest($3::uuid[], $4::text[], $5::timestamptz[]) AS p(id, text, at)`,
      [ws.workspaceId, ws.userId, postIds, rows.map((r) => r.text), rows.map((r) => r.at)],
    );
    await db.query(
      `INSERT INTO deliveries (id, workspace_id, post_id, channel_id, state, idempotency_key, due_at, available_at)
       SELECT d.id, $1, d.post_id, d.channel_id, 'scheduled', d.key, d.at, d.at
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[]) AS d(id, post_id, channel_id, key, at)`,
      [ws.workspaceId, rows.map((r) => r.id), postIds, rows.map((r) => r.channelId), rows.map((r) => r.key), rows.map((r) => r.at)],
    );
    for (const r of rows) out.push({ id: r.id, key: r.key });
  }
  return { deliveries: out, parkedAt };
}

/**
 * Moves parked deliveries (and their posts) so that offset 0 falls due at `at`, then vacuums and
 * analyzes: the queue starts from the clean state of deliveries scheduled ahead of time.
 */
export async function scheduleSeeded(db: Queryable, parkedAt: Date, at: Date): Promise<void> {
  const shift = `${at.getTime() - parkedAt.getTime()} milliseconds`;
  await db.query(
    `UPDATE deliveries SET due_at = due_at + $2::interval, available_at = available_at + $2::interval WHERE state = 'scheduled' AND due_at >= $1`,
    [parkedAt, shift],
  );
  await db.query(`UPDATE posts SET scheduled_at = scheduled_at + $2::interval WHERE status = 'scheduled' AND scheduled_at >= $1`, [parkedAt, shift]);
  await db.exec('VACUUM ANALYZE deliveries');
  await db.exec('VACUUM ANALYZE posts');
}

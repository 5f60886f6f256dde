/**
 * Factories shared by the integration suites: channels (a webhook channel through the API, a
 * Bluesky channel straight into the database since validation never calls the network), row
 * counts to prove "nothing saved", and times relative to now.
 */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../support/app.js';
import type { Receiver } from '../support/webhook-receiver.js';

/** A webhook secret in the standard `whsec_<base64>` form. */
export const newWebhookSecret = () => `whsec_${crypto.randomBytes(24).toString('base64')}`;

let paths = 0;

/**
 * Connects a webhook channel pointing at a fresh path of `receiver`, which verifies with the
 * channel's secret. Returns the channel as the API shows it, plus its path and secret.
 */
export async function connectWebhook(app: TestApp, user: TestUser, receiver: Receiver, opts: { name?: string; timezone?: string } = {}) {
  const path = `/hook-${++paths}-${crypto.randomBytes(3).toString('hex')}`;
  const secret = newWebhookSecret();
  receiver.setSecret(path, secret);
  const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url(path), secret, name: opts.name ?? `Hook ${paths}`, timezone: opts.timezone }, user.token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res.body, path, secret } as { id: string; name: string; network: string; path: string; secret: string; [k: string]: any };
}

/**
 * A Bluesky channel without a PDS: the row is inserted directly with encrypted credentials.
 * Publishing to it would fail, so only use it for checks, drafts and future times.
 */
export async function insertBlueskyChannel(app: TestApp, user: TestUser, opts: { name?: string; handle?: string } = {}) {
  const id = crypto.randomUUID();
  const did = `did:plc:${crypto.randomBytes(12).toString('hex')}`;
  const handle = opts.handle ?? `tester${crypto.randomBytes(3).toString('hex')}.bsky.social`;
  const credentials = app.varde.ctx.secrets.encrypt({ did, handle, accessJwt: 'not-a-jwt', refreshJwt: 'not-a-jwt', appPassword: 'abcd-efgh-ijkl-mnop' });
  await app.db.db.query(
    `INSERT INTO channels (id, workspace_id, network, name, external_id, handle, credentials, settings)
     VALUES ($1, $2, 'bluesky', $3, $4, $5, $6, $7::jsonb)`,
    [id, user.workspaceId, opts.name ?? `Bluesky ${handle}`, did, handle, credentials, JSON.stringify({ pdsUrl: 'http://127.0.0.1:9' })],
  );
  return { id, handle, name: opts.name ?? `Bluesky ${handle}` };
}

/** Rows in a table (optionally of one workspace): "nothing saved" is a count that did not move. */
export async function countRows(app: TestApp, table: 'posts' | 'deliveries' | 'channels' | 'media' | 'api_tokens' | 'workspaces' | 'users', workspaceId?: string): Promise<number> {
  const rows = workspaceId
    ? await app.db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId])
    : await app.db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

/** An ISO instant `minutes` from now (negative: in the past), with a `Z`. */
export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Polls a post until `done(post)` holds; returns that post. */
export async function waitForPost(app: TestApp, user: TestUser, postId: string, done: (post: any) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    const res = await app.api('GET', `${user.ws}/posts/${postId}`, undefined, user.token);
    last = res.body;
    if (res.status === 200 && done(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`post ${postId} did not reach the expected state; last seen: ${JSON.stringify(last)}`);
}

/** Every string anywhere in a JSON value, for "this secret never appears" checks. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...allStrings(v)]);
  return [];
}

/**
 * Test helpers the Meta network tests share: publish through Varde's API and wait for the
 * delivery to settle; a ProviderContext for a connected channel (its decrypted credentials, the
 * app's settings) to call read-back and metrics directly; an IncomingWebhook from parts.
 */
import net from 'node:net';
import type { IncomingWebhook, ProviderContext } from '../../../src/providers/contract.js';
import { findChannel } from '../../../src/channels/channels.repository.js';
import { mediaUrl } from '../../../src/media/signed-url.js';
import { waitFor, type TestApp, type TestUser } from '../../support/app.js';

export async function createPost(app: TestApp, user: TestUser, channelId: string, body: Record<string, unknown>, target: Record<string, unknown> = {}) {
  const res = await app.api('POST', `${user.ws}/posts`, { ...body, targets: [{ channelId, ...target }], schedule: { mode: 'now' } }, user.token);
  if (res.status !== 201) throw new Error(`post refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

/** Waits until the post's one delivery is published, failed or needs attention; returns the post. */
export async function settle(app: TestApp, user: TestUser, postId: string, timeoutMs = 20_000) {
  return waitFor(async () => {
    const p = await app.api('GET', `${user.ws}/posts/${postId}`, undefined, user.token);
    return ['published', 'failed', 'needs_attention'].includes(p.body.status) && p.body;
  }, timeoutMs, 'the post to settle');
}

export async function publishAndWait(app: TestApp, user: TestUser, channelId: string, body: Record<string, unknown>, target: Record<string, unknown> = {}) {
  const post = await createPost(app, user, channelId, body, target);
  return settle(app, user, post.id);
}

/** The ProviderContext Varde would build for this channel (no delivery: a fixed key). */
export async function channelContext(app: TestApp, user: TestUser, channelId: string): Promise<ProviderContext> {
  const ctx = app.varde.ctx;
  const channel = await findChannel(ctx.db, user.workspaceId, channelId);
  if (!channel) throw new Error('no such channel');
  return {
    idempotencyKey: '3lbxyzabcde22',
    credentials: ctx.secrets.decrypt(channel.credentials),
    settings: channel.settings,
    app: ctx.providers.appFor(channel.network),
    account: { externalId: channel.external_id, handle: channel.handle },
    http: ctx.http,
    mediaUrl: (item) => mediaUrl(ctx.config.publicUrl, ctx.secrets, item.id),
    saveCredentials: async () => {},
  };
}

export function webhookRequest(body: string, headers: Record<string, string>, method = 'POST', query: Record<string, string> = {}): IncomingWebhook {
  return { method, query, headers, rawBody: Buffer.from(body) };
}

/** Moves a delivery's wait (and its channel's throttle) to now, as if the reset time had come. */
export async function fastForwardRateLimit(app: TestApp, channelId: string) {
  await app.db.db.query(`UPDATE channel_limits SET blocked_until = now() WHERE channel_id = $1`, [channelId]);
  await app.db.db.query(`UPDATE deliveries SET available_at = now() WHERE channel_id = $1 AND state = 'queued'`, [channelId]);
}

/** A loopback port free right now, so Varde's public URL (media links, redirect URI) is known before it listens. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Env and config that make a test app listen on `port` and call itself `http://127.0.0.1:<port>`. */
export function listenOn(port: number) {
  return { config: { port }, publicUrl: `http://127.0.0.1:${port}`, env: { VARDE_PUBLIC_URL: `http://127.0.0.1:${port}` } };
}

/**
 * What Meta downloads must be served: a signed media URL of Varde's, fetched over HTTP, answers
 * with the file. (A token longer than the router's parameter limit falls through to the web app's
 * index.html, which Meta would refuse as "not a JPEG".)
 */
export async function fetchSignedMedia(app: TestApp, mediaId: string): Promise<{ status: number; contentType: string | null }> {
  const res = await fetch(mediaUrl(app.varde.ctx.config.publicUrl, app.varde.ctx.secrets, mediaId));
  await res.arrayBuffer();
  return { status: res.status, contentType: res.headers.get('content-type') };
}

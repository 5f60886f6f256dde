/**
 * Test helpers the Meta network tests share: publish through Varde's API and wait for the post
 * to settle; a ProviderContext for a connected channel (its decrypted credentials, the app's
 * settings, Varde's real signed media URLs) to call read-back and metrics directly; an
 * IncomingWebhook from parts.
 */
import type { IncomingWebhook, ProviderContext } from '../../../src/providers/contract.js';
import { mediaUrl } from '../../../src/media/signed-url.js';
import type { TestApp, TestUser } from '../../support/app.js';
import { connectedChannelContext } from '../../support/provider-context.js';
import { createPostNow, SETTLED, waitForPost } from '../../support/publish.js';

/** Waits until the post (its one delivery) is published, failed or needs attention; returns the post. */
export async function settle(app: TestApp, user: TestUser, postId: string, timeoutMs = 20_000) {
  return waitForPost(app, user, postId, { until: (post) => SETTLED.includes(post.status), timeoutMs });
}

/** Waits until the post's delivery is queued again after the network throttled it; returns the delivery. */
export async function throttledDelivery(app: TestApp, user: TestUser, postId: string) {
  const queuedAfterThrottle = (post: any) => post.deliveries[0].state === 'queued' && post.deliveries[0].error?.kind === 'rate_limited';
  return (await waitForPost(app, user, postId, { until: queuedAfterThrottle, timeoutMs: 10_000 })).deliveries[0];
}

export async function publishAndWait(app: TestApp, user: TestUser, channelId: string, body: Record<string, unknown>, target: Record<string, unknown> = {}) {
  return settle(app, user, await createPostNow(app, user, channelId, body, target));
}

/** The ProviderContext Varde would build for this channel (no delivery: a fixed key). */
export async function channelContext(app: TestApp, channelId: string): Promise<ProviderContext> {
  const { config, secrets } = app.varde.ctx;
  return connectedChannelContext(app, channelId, { idempotencyKey: '3lbxyzabcde22', mediaUrl: (item) => mediaUrl(config.publicUrl, secrets, item.id) });
}

export function webhookRequest(body: string, headers: Record<string, string>, method = 'POST', query: Record<string, string> = {}): IncomingWebhook {
  return { method, query, headers, rawBody: Buffer.from(body) };
}

/** Moves a delivery's wait (and its channel's throttle) to now, as if the reset time had come. */
export async function fastForwardRateLimit(app: TestApp, channelId: string) {
  await app.db.db.query(`UPDATE channel_limits SET blocked_until = now() WHERE channel_id = $1`, [channelId]);
  await app.db.db.query(`UPDATE deliveries SET available_at = now() WHERE channel_id = $1 AND state = 'queued'`, [channelId]);
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

/**
 * Faults on the publishing path, on every engine: each failure is classified, retried as
 * DESIGN.md says (waiting at least the network's reset time), and never turns into a duplicate or
 * a silent drop. Webhooks against a real signed receiver; the rules for networks that cannot
 * deduplicate against a scripted fake network.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { createFakeNetwork, insertFakeChannel, type FakeNetwork } from './fake-network.js';
import { webhookProvider } from '../../src/providers/webhook/webhook.provider.js';
import { rollupUnsettledPosts } from '../../src/posts/posts.repository.js';

/** Short enough to keep the suite fast; the 429's 2 s reset is what the test is about. */
const RETRY_BASE_MS = 200;
const WEBHOOK_TIMEOUT_MS = 1_000;
const SETTLED = ['published', 'failed', 'needs_attention'];

describe.each(ENGINES)('publishing faults on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let receiver: Receiver;
  let fake: FakeNetwork;
  let previousTimeout: string | undefined;

  beforeAll(async () => {
    previousTimeout = process.env.VARDE_WEBHOOK_TIMEOUT_MS;
    process.env.VARDE_WEBHOOK_TIMEOUT_MS = String(WEBHOOK_TIMEOUT_MS);
    receiver = await startWebhookReceiver();
    fake = createFakeNetwork();
    app = await createTestApp({ engine, providers: [webhookProvider, fake], env: { VARDE_RETRY_BASE_MS: String(RETRY_BASE_MS) } });
    user = await app.signUp();
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    if (previousTimeout === undefined) delete process.env.VARDE_WEBHOOK_TIMEOUT_MS;
    else process.env.VARDE_WEBHOOK_TIMEOUT_MS = previousTimeout;
  });

  const api = <T = any>(method: string, url: string, body?: unknown) => app.api<T>(method, url, body, user.token);

  async function connectWebhook(url: string): Promise<string> {
    const res = await api('POST', `${user.ws}/channels`, { network: 'webhook', url, secret: receiver.secret, name: `Hook ${url}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function publishNow(channelId: string, text = `Post ${crypto.randomUUID()}`) {
    const res = await api('POST', `${user.ws}/posts`, { text, targets: [{ channelId }], schedule: { mode: 'now' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; deliveries: Array<{ id: string; idempotencyKey: string }> };
  }

  /**
   * The post once its only delivery has settled (published, failed or needs_attention) and the
   * post's status has rolled up (the statement right after the delivery's).
   */
  async function settledPost(postId: string, timeoutMs = 15_000) {
    return waitFor(async () => {
      const res = await api('GET', `${user.ws}/posts/${postId}`);
      return SETTLED.includes(res.body.deliveries[0].state) && SETTLED.includes(res.body.status) && res.body;
    }, timeoutMs, `post ${postId} to settle`);
  }

  async function notifications(): Promise<Array<{ kind: string; subjectId: string; message: string }>> {
    return (await api('GET', `${user.ws}/notifications`)).body.notifications;
  }

  const outcomes = (d: { attempts: Array<{ outcome: string; errorKind: string | null }> }) => d.attempts.map((a) => [a.outcome, a.errorKind]);

  describe('a webhook receiver', () => {
    it('that answers 500, then 429 with Retry-After: 2, then accepts and hangs: published once, after the reset time', async () => {
      const path = `/flaky-${engine}`;
      receiver.script([{ path, status: 500 }, { path, status: 429, retryAfter: 2 }, { path, acceptThenHang: true }]);
      const channelId = await connectWebhook(receiver.url(path));
      const created = await publishNow(channelId);
      const post = await settledPost(created.id);
      const [delivery] = post.deliveries;

      expect(post.status).toBe('published');
      expect(delivery.state).toBe('published');
      expect(outcomes(delivery)).toEqual([
        ['retry', 'transient'],
        ['retry', 'rate_limited'],
        ['retry', 'unknown_outcome'],
        ['published', null],
      ]);

      const seen = receiver.requests.filter((r) => r.path === path);
      expect(seen.map((r) => r.status)).toEqual([500, 429, 0, 200]);
      // The retry after the 429 reached the receiver no sooner than Retry-After said.
      expect(seen[2].at.getTime() - seen[1].at.getTime()).toBeGreaterThanOrEqual(2_000);
      // Every request carried the delivery's one id; the receiver got the event twice (the hang
      // and the retry), under that same id, so it can drop the copy.
      expect(new Set(seen.map((r) => r.id))).toEqual(new Set([delivery.idempotencyKey]));
      const accepted = receiver.events.filter((e) => e.path === path);
      expect(accepted.map((e) => e.id)).toEqual([delivery.idempotencyKey, delivery.idempotencyKey]);
      expect(accepted.every((e) => e.body.data.deliveryId === delivery.id)).toBe(true);
      expect(delivery.url).toMatch(/^https:\/\/receiver\.example\/p\/\d+$/);
    });

    it('that answers 400: failed with the receiver’s own message, never retried', async () => {
      const path = `/refuses-${engine}`;
      const message = 'This receiver only takes posts tagged #launch';
      receiver.script([{ path, status: 400, body: message }]);
      const channelId = await connectWebhook(receiver.url(path));
      const created = await publishNow(channelId);
      const post = await settledPost(created.id);
      const [delivery] = post.deliveries;

      expect(delivery.state).toBe('failed');
      expect(post.status).toBe('failed');
      expect(delivery.error).toMatchObject({ kind: 'rejected', networkMessage: message });
      expect(outcomes(delivery)).toEqual([['failed', 'rejected']]);
      expect(delivery.attempts[0].errorMessage).toBe(message);
      expect(await notifications()).toContainEqual(expect.objectContaining({ kind: 'delivery.failed', subjectId: delivery.id, message: expect.stringContaining(message) }));

      // Several retry periods later: still one request, one attempt.
      await new Promise((r) => setTimeout(r, RETRY_BASE_MS * 4));
      expect(receiver.requests.filter((r) => r.path === path)).toHaveLength(1);
      const again = (await api('GET', `${user.ws}/posts/${created.id}`)).body.deliveries[0];
      expect(again).toMatchObject({ state: 'failed', attemptCount: 1 });
    });

    it('at a private address not in the allow-list: failed (rejected), naming the allow-list, nothing sent', async () => {
      const channelId = await connectWebhook('http://10.0.0.7/hooks/varde');
      const created = await publishNow(channelId);
      const post = await settledPost(created.id);
      const [delivery] = post.deliveries;

      expect(delivery.state).toBe('failed');
      expect(delivery.error.kind).toBe('rejected');
      expect(delivery.error.message).toContain('VARDE_ALLOW_HOSTS');
      expect(outcomes(delivery)).toEqual([['failed', 'rejected']]);
    });
  });

  it('a worker killed between recording an outcome and rolling up its post: the post catches up', async () => {
    const channelId = await connectWebhook(receiver.url(`/rollup-${engine}`));
    const created = await publishNow(channelId);
    await settledPost(created.id);
    // What the kill leaves: the delivery published, the post's status from before.
    await app.varde.ctx.db.query(`UPDATE posts SET status = 'publishing' WHERE id = $1`, [created.id]);
    await rollupUnsettledPosts(app.varde.ctx.db); // every worker runs it periodically, and soon after start
    expect((await api('GET', `${user.ws}/posts/${created.id}`)).body.status).toBe('published');
  });

  describe('a network that cannot deduplicate', () => {
    it('an unknown outcome is looked up before anything is sent again; found: published as reconciled', async () => {
      const name = `found-${engine}`;
      fake.script(name, { publish: ['unknown_outcome'], reconcile: ['published'] });
      const channelId = await insertFakeChannel(app.varde.ctx.db, app.varde.ctx.secrets, user.workspaceId, name);
      const post = await settledPost((await publishNow(channelId)).id);
      const [delivery] = post.deliveries;

      expect(delivery.state).toBe('published');
      expect(outcomes(delivery)).toEqual([['unknown', 'unknown_outcome'], ['reconciled', null]]);
      expect(delivery.url).toBe(`https://faux.example/p/${delivery.idempotencyKey}`);
      expect(fake.callsFor(name)).toEqual(['publish', 'reconcile']);
    });

    it('not found: published again, once', async () => {
      const name = `lost-${engine}`;
      fake.script(name, { publish: ['unknown_outcome', 'ok'], reconcile: ['not_found'] });
      const channelId = await insertFakeChannel(app.varde.ctx.db, app.varde.ctx.secrets, user.workspaceId, name);
      const post = await settledPost((await publishNow(channelId)).id);
      const [delivery] = post.deliveries;

      expect(delivery.state).toBe('published');
      expect(outcomes(delivery)).toEqual([['unknown', 'unknown_outcome'], ['published', null]]);
      expect(fake.callsFor(name)).toEqual(['publish', 'reconcile', 'publish']);
    });

    it('cannot tell: needs attention with a notification, until a person resolves it', async () => {
      const name = `unsure-${engine}`;
      fake.script(name, { publish: ['unknown_outcome'], reconcile: ['unknown'] });
      const channelId = await insertFakeChannel(app.varde.ctx.db, app.varde.ctx.secrets, user.workspaceId, name);
      const created = await publishNow(channelId);
      const post = await settledPost(created.id);
      const [delivery] = post.deliveries;

      expect(delivery.state).toBe('needs_attention');
      expect(post.status).toBe('needs_attention');
      expect(delivery.error).toMatchObject({ kind: 'unknown_outcome', message: expect.stringContaining('the timeline could not be read') });
      expect(outcomes(delivery)).toEqual([['unknown', 'unknown_outcome'], ['needs_attention', 'unknown_outcome']]);
      expect(await notifications()).toContainEqual(expect.objectContaining({ kind: 'delivery.needs_attention', subjectId: delivery.id }));

      // Left alone, nothing happens: no new publish, no new attempt.
      await new Promise((r) => setTimeout(r, RETRY_BASE_MS * 4));
      expect(fake.callsFor(name)).toEqual(['publish', 'reconcile']);

      const url = 'https://faux.example/p/found-by-hand';
      const resolved = await api('POST', `${user.ws}/deliveries/${delivery.id}/resolve`, { outcome: 'published', url });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      expect(resolved.body.status).toBe('published');
      expect(resolved.body.deliveries[0]).toMatchObject({ state: 'published', url });
      const twice = await api('POST', `${user.ws}/deliveries/${delivery.id}/resolve`, { outcome: 'failed' });
      expect(twice.status).toBe(409);
      expect(fake.callsFor(name)).toEqual(['publish', 'reconcile']);
    });

    it('a worker that died mid-call leaves evidence; the next one reconciles before publishing', async () => {
      const name = `orphan-${engine}`;
      fake.script(name, { reconcile: ['published'] });
      const channelId = await insertFakeChannel(app.varde.ctx.db, app.varde.ctx.secrets, user.workspaceId, name);
      const draft = await api('POST', `${user.ws}/posts`, { text: 'Half sent', targets: [{ channelId }], schedule: { mode: 'draft' } });
      const deliveryId = draft.body.deliveries[0].id;
      // What a worker leaves when it dies between "attempt started" and the answer.
      await app.varde.ctx.db.query(
        `UPDATE deliveries SET state = 'publishing', locked_by = 'dead-worker', locked_until = now() + interval '1 second', attempt_count = 1, available_at = now() WHERE id = $1`,
        [deliveryId],
      );
      await app.varde.ctx.db.query(
        `INSERT INTO delivery_attempts (id, delivery_id, workspace_id, number, worker_id) VALUES ($1, $2, $3, 1, 'dead-worker')`,
        [crypto.randomUUID(), deliveryId, user.workspaceId],
      );
      const post = await settledPost(draft.body.id);
      const [delivery] = post.deliveries;

      expect(delivery.state).toBe('published');
      expect(outcomes(delivery)).toEqual([['interrupted', null], ['reconciled', null]]);
      expect(fake.callsFor(name)).toEqual(['reconcile']);
    });

    it('expired auth: the channel needs reconnecting, with a notification; its other deliveries fail fast', async () => {
      const name = `expired-${engine}`;
      fake.script(name, { publish: ['auth_expired'] });
      const channelId = await insertFakeChannel(app.varde.ctx.db, app.varde.ctx.secrets, user.workspaceId, name);
      const first = await settledPost((await publishNow(channelId)).id);

      expect(first.deliveries[0].state).toBe('failed');
      expect(first.deliveries[0].error).toMatchObject({ kind: 'auth_expired', networkMessage: 'Token has expired' });
      expect(outcomes(first.deliveries[0])).toEqual([['failed', 'auth_expired']]);
      const channel = (await api('GET', `${user.ws}/channels/${channelId}`)).body;
      expect(channel).toMatchObject({ status: 'needs_reconnect', statusReason: 'Token has expired' });
      expect(await notifications()).toContainEqual(expect.objectContaining({ kind: 'channel.needs_reconnect', subjectId: channelId }));

      const second = await settledPost((await publishNow(channelId)).id);
      expect(second.deliveries[0].state).toBe('failed');
      expect(second.deliveries[0].error.kind).toBe('auth_expired');
      expect(second.deliveries[0].error.message).toContain('needs reconnecting');
      expect(fake.callsFor(name)).toEqual(['publish']);
    });
  });
});

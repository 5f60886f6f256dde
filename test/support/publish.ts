/**
 * Publishing through Varde's API in tests, as a user would: a post for one channel, to go out now,
 * then waiting for the worker to be done with it.
 */
import { expect } from 'vitest';
import { waitFor, type TestApp, type TestUser } from './app.js';

/** Delivery states the worker leaves alone: what a test usually waits for. */
export const SETTLED = ['published', 'failed', 'needs_attention'];

/** Creates a post for one channel, to publish now; the test fails unless Varde accepts it. Returns the post's id. */
export async function createPostNow(app: TestApp, user: TestUser, channelId: string, body: Record<string, unknown>, target: Record<string, unknown> = {}): Promise<string> {
  const res = await app.api('POST', `${user.ws}/posts`, { ...body, targets: [{ channelId, ...target }], schedule: { mode: 'now' } }, user.token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/**
 * Whether a post's first delivery is in one of `states`. `deferred` stands for a delivery that was
 * tried and queued again (waiting out a network's limit), which has no state of its own.
 */
export function firstDeliveryIn(states: readonly string[]) {
  return (post: any): boolean => {
    const d = post.deliveries[0];
    return states.includes(d.state) || (states.includes('deferred') && d.state === 'queued' && d.attempts.length > 0);
  };
}

export interface WaitOptions {
  /** When to stop waiting; by default once the first delivery has settled. */
  until?: (post: any) => boolean;
  timeoutMs?: number;
}

/** Polls the post until `until` holds, and returns it as the API shows it. */
export async function waitForPost(app: TestApp, user: TestUser, postId: string, { until = firstDeliveryIn(SETTLED), timeoutMs = 20_000 }: WaitOptions = {}): Promise<any> {
  return waitFor(async () => {
    const p = await app.api('GET', `${user.ws}/posts/${postId}`, undefined, user.token);
    return until(p.body) && p.body;
  }, timeoutMs, `post ${postId} to settle`);
}

/** `createPostNow`, then `waitForPost`: the post once the worker is done with it. */
export async function publishNow(app: TestApp, user: TestUser, channelId: string, body: Record<string, unknown>, target: Record<string, unknown> = {}, wait: WaitOptions = {}): Promise<any> {
  return waitForPost(app, user, await createPostNow(app, user, channelId, body, target), wait);
}

/**
 * Live status over server-sent events: a watcher of one workspace hears about its posts' and
 * deliveries' changes (and nothing of other workspaces), and open streams end when the server closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/support/databases.js';
import { createTestApp, type TestApp, type TestUser } from '../../test/support/app.js';

/** Reads an SSE stream until `until` matches the text so far (or `ms` pass). */
async function readUntil(body: ReadableStream<Uint8Array>, until: (text: string) => boolean, ms = 10_000): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  try {
    while (!until(text) && Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
    }
  } finally {
    reader.releaseLock();
  }
  return text;
}

describe.each(ENGINES)('live events on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let other: TestUser;
  let channelId: string;

  beforeAll(async () => {
    app = await createTestApp({ engine });
    [user, other] = [await app.signUp(), await app.signUp()];
    channelId = (await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: 'https://hooks.example.com/x', name: 'Hook' }, user.token)).body.id;
  });
  afterAll(async () => app?.close());

  it('streams the changes of the watched workspace only', async () => {
    const watch = (u: TestUser) => fetch(`${app.url.replace('localhost', '127.0.0.1')}${u.ws}/events`, { headers: { authorization: `Bearer ${u.token}` } });
    const [mine, theirs] = await Promise.all([watch(user), watch(other)]);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(await readUntil(mine.body!, (t) => t.includes('event: ready'))).toContain('retry: 3000');

    const post = await app.api('POST', `${user.ws}/posts`, { text: 'Watched', targets: [{ channelId }], schedule: { mode: 'at', at: '2031-05-01T09:00:00Z' } }, user.token);
    const seen = await readUntil(mine.body!, (t) => t.includes(post.body.id));
    const change = JSON.parse(/event: change\ndata: (.*)\n/.exec(seen)![1]);
    expect(change.posts).toContainEqual({ id: post.body.id, status: 'scheduled' });
    expect(change.deliveries).toContainEqual({ id: post.body.deliveries[0].id, postId: post.body.id, state: 'scheduled' });
    expect(await readUntil(theirs.body!, (t) => t.includes(post.body.id), 2500)).not.toContain(post.body.id);
    await mine.body!.cancel();
    await theirs.body!.cancel();
  });

  it('refuses watchers without access', async () => {
    const res = await fetch(`${app.url.replace('localhost', '127.0.0.1')}${user.ws}/events`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(res.status).toBe(404);
  });
});

describe('live events and shutdown', () => {
  it('ends open streams when the server closes', async () => {
    const app = await createTestApp();
    const user = await app.signUp();
    const res = await fetch(`${app.url.replace('localhost', '127.0.0.1')}${user.ws}/events`, { headers: { authorization: `Bearer ${user.token}` } });
    await readUntil(res.body!, (t) => t.includes('event: ready'));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    const rest = await readUntil(res.body!, () => false, 2_000);
    expect(rest).toBe('');
  });
});

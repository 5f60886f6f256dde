import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, uploadPng, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';

describe.each(ENGINES)('smoke on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let receiver: Receiver;
  beforeAll(async () => {
    app = await createTestApp({ engine });
    user = await app.signUp();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('publishes a post now to a webhook exactly once', async () => {
    const secret = 'whsec_' + Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
    receiver.setSecret('/hook', secret);
    const ch = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url('/hook'), secret, name: 'Hook' }, user.token);
    expect(ch.status).toBe(201);
    const mediaId = await uploadPng(app, user);
    const post = await app.api('POST', `${user.ws}/posts`, { text: 'Hello', media: [{ mediaId, alt: 'a square' }], targets: [{ channelId: ch.body.id }], schedule: { mode: 'now' } }, user.token);
    expect(post.status).toBe(201);
    const done = await waitFor(async () => {
      const p = await app.api('GET', `${user.ws}/posts/${post.body.id}`, undefined, user.token);
      return p.body.status === 'published' && p.body;
    });
    expect(done.deliveries[0].state).toBe('published');
    expect(receiver.uniqueIds()).toHaveLength(1);
  });
});

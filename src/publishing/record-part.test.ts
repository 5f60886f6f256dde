/** A thread's parts are recorded as they are accepted, even the first one on an empty result. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../test/support/app.js';
import { recordPart } from './publishing.repository.js';

describe('recordPart', () => {
  let app: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    app = await createTestApp({ mode: 'serve' });
    user = await app.signUp();
  });
  afterAll(async () => app?.close());

  it('records the first part on a delivery without a result, then the next ones beside it', async () => {
    const ch = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: 'https://hooks.example.com/p', secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0' }, user.token);
    const post = await app.api('POST', `${user.ws}/posts`, { text: 'x', targets: [{ channelId: ch.body.id }] }, user.token);
    const id = post.body.deliveries[0].id;
    await recordPart(app.db.db, id, 0, { externalId: 'a' });
    await recordPart(app.db.db, id, 1, { externalId: 'b' });
    const [row] = await app.db.db.query(`SELECT result FROM deliveries WHERE id = $1`, [id]);
    expect(row.result).toEqual({ parts: { 0: { externalId: 'a' }, 1: { externalId: 'b' } } });
  });
});

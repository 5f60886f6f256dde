/**
 * Campaigns through the API: create, list, change, delete; bad input refused with nothing changed;
 * roles and tenancy; posts that name a campaign, and the calendar filtered by it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';

describe.each(ENGINES)('campaigns on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let other: TestUser;
  let channelId: string;
  const range = 'from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z';

  beforeAll(async () => {
    app = await createTestApp({ engine });
    [user, other] = [await app.signUp(), await app.signUp()];
    const ch = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: 'https://hooks.example.com/campaigns', name: 'Hook' }, user.token);
    channelId = ch.body.id;
  });
  afterAll(async () => app?.close());

  const list = async (u: TestUser = user) => (await app.api('GET', `${u.ws}/campaigns`, undefined, u.token)).body.campaigns as any[];

  it('creates, lists by name, changes and deletes campaigns, each change in the audit log', async () => {
    const spring = await app.api('POST', `${user.ws}/campaigns`, { name: 'Spring launch', colour: '#1D4ED8', utmCampaign: 'spring-2031' }, user.token);
    expect(spring.status, JSON.stringify(spring.body)).toBe(201);
    expect(spring.body).toMatchObject({ name: 'Spring launch', colour: '#1d4ed8', utmCampaign: 'spring-2031', postCount: 0 });
    const autumn = await app.api('POST', `${user.ws}/campaigns`, { name: 'Autumn sale' }, user.cookie);
    expect(autumn.body).toMatchObject({ colour: null, utmCampaign: null });
    expect((await list()).map((c) => c.name)).toEqual(['Autumn sale', 'Spring launch']);

    const changed = await app.api('PATCH', `${user.ws}/campaigns/${autumn.body.id}`, { name: 'Autumn clearance', colour: '#ff0000' }, user.token);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Autumn clearance', colour: '#ff0000', utmCampaign: null });
    const cleared = await app.api('PATCH', `${user.ws}/campaigns/${autumn.body.id}`, { colour: null }, user.token);
    expect(cleared.body).toMatchObject({ name: 'Autumn clearance', colour: null });

    expect((await app.api('DELETE', `${user.ws}/campaigns/${autumn.body.id}`, undefined, user.token)).status).toBe(204);
    expect((await list()).map((c) => c.name)).toEqual(['Spring launch']);
    expect((await app.api('DELETE', `${user.ws}/campaigns/${autumn.body.id}`, undefined, user.token)).status).toBe(404);

    const actions = (await app.api('GET', `${user.ws}/audit`, undefined, user.token)).body.entries.map((e: any) => `${e.action} ${e.subjectId}`);
    expect(actions).toContain(`POST /api/v1/workspaces/:workspaceId/campaigns ${spring.body.id}`);
    expect(actions).toContain(`PATCH /api/v1/workspaces/:workspaceId/campaigns/:id ${autumn.body.id}`);
    expect(actions).toContain(`DELETE /api/v1/workspaces/:workspaceId/campaigns/:id ${autumn.body.id}`);
  });

  it('refuses bad input with a 4xx that names the field, and changes nothing', async () => {
    const before = await list();
    const [first] = before;
    for (const body of [{}, { name: '  ' }, { name: 'x'.repeat(201) }, { name: 'Ok', colour: 'blue' }, { name: 'Ok', utmCampaign: 'has spaces' }]) {
      const res = await app.api('POST', `${user.ws}/campaigns`, body, user.token);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const dup = await app.api('POST', `${user.ws}/campaigns`, { name: first.name.toUpperCase() }, user.token);
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('already exists');
    expect((await app.api('PATCH', `${user.ws}/campaigns/${first.id}`, { colour: '#12' }, user.token)).status).toBe(400);
    expect((await app.api('PATCH', `${user.ws}/campaigns/not-a-uuid`, { name: 'x' }, user.token)).status).toBe(400);
    expect(await list()).toEqual(before);
  });

  it('needs the write scope to change, and keeps each workspace’s campaigns to itself', async () => {
    const readOnly = (await app.api('POST', `${user.ws}/tokens`, { name: 'reader', scopes: ['read'] }, user.token)).body.token;
    expect((await app.api('GET', `${user.ws}/campaigns`, undefined, readOnly)).status).toBe(200);
    expect((await app.api('POST', `${user.ws}/campaigns`, { name: 'Nope' }, readOnly)).status).toBe(403);
    const [mine] = await list();
    expect((await app.api('GET', `${user.ws}/campaigns`, undefined, other.token)).status).toBe(404);
    expect((await app.api('PATCH', `${other.ws}/campaigns/${mine.id}`, { name: 'Stolen' }, other.token)).status).toBe(404);
    expect((await app.api('DELETE', `${other.ws}/campaigns/${mine.id}`, undefined, other.token)).status).toBe(404);
    expect(await list(other)).toEqual([]);
    expect((await list())[0].name).toBe(mine.name);
  });

  it('puts posts in a campaign, filters the calendar by it, and refuses another workspace’s campaign', async () => {
    const launch = (await app.api('POST', `${user.ws}/campaigns`, { name: 'Launch week', colour: '#16a34a' }, user.token)).body;
    const post = (text: string, at: string, campaignId?: string | null) =>
      app.api('POST', `${user.ws}/posts`, { text, targets: [{ channelId }], schedule: { mode: 'at', at }, campaignId }, user.token);
    const inCampaign = await post('In the launch campaign', '2031-05-03T09:00:00Z', launch.id);
    expect(inCampaign.status, JSON.stringify(inCampaign.body)).toBe(201);
    expect(inCampaign.body.campaignId).toBe(launch.id);
    expect((await post('Not in any campaign', '2031-05-04T09:00:00Z')).status).toBe(201);

    const all = await app.api('GET', `${user.ws}/calendar?${range}`, undefined, user.token);
    expect(all.body.posts.map((p: any) => [p.text, p.campaignId])).toEqual([['In the launch campaign', launch.id], ['Not in any campaign', null]]);
    const filtered = await app.api('GET', `${user.ws}/calendar?${range}&campaignId=${launch.id}`, undefined, user.token);
    expect(filtered.body.posts.map((p: any) => p.text)).toEqual(['In the launch campaign']);
    expect((await app.api('GET', `${user.ws}/calendar?${range}&campaignId=nope`, undefined, user.token)).status).toBe(400);
    expect((await list()).find((c) => c.id === launch.id).postCount).toBe(1);

    // An edit that leaves campaignId out keeps it; null takes the post out of the campaign.
    const edit = (extra: object) => app.api('PUT', `${user.ws}/posts/${inCampaign.body.id}`, { text: 'Edited', targets: [{ channelId }], schedule: { mode: 'at', at: '2031-05-03T09:00:00Z' }, ...extra }, user.token);
    expect((await edit({})).body.campaignId).toBe(launch.id);
    expect((await edit({ campaignId: null })).body.campaignId).toBeNull();
    expect((await edit({ campaignId: launch.id })).body.campaignId).toBe(launch.id);

    const foreign = (await app.api('POST', `${other.ws}/campaigns`, { name: 'Theirs' }, other.token)).body;
    const refused = await post('In someone else’s campaign', '2031-05-05T09:00:00Z', foreign.id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('campaignId');
    expect((await edit({ campaignId: foreign.id })).status).toBe(400);
    expect((await app.api('GET', `${user.ws}/calendar?${range}`, undefined, user.token)).body.posts).toHaveLength(2);

    // Deleting the campaign keeps its posts, without a campaign.
    expect((await app.api('DELETE', `${user.ws}/campaigns/${launch.id}`, undefined, user.token)).status).toBe(204);
    expect((await app.api('GET', `${user.ws}/posts/${inCampaign.body.id}`, undefined, user.token)).body).toMatchObject({ campaignId: null });
  });
});

/**
 * Campaigns through the API: create, list, change, delete, with landing page and dates; bad input
 * refused with a problem code and nothing changed; one name per workspace even when two people
 * save it at the same instant; roles and tenancy; posts that name a campaign, and the calendar
 * filtered by it.
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

  it('keeps a landing page and dates, changes one field at a time, and clears them with null', async () => {
    const created = await app.api('POST', `${user.ws}/campaigns`, { name: 'Summer', landingUrl: ' https://shop.example.com/summer?ref=varde ', startsOn: '2031-06-01', endsOn: '2031-06-30' }, user.token);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ landingUrl: 'https://shop.example.com/summer?ref=varde', startsOn: '2031-06-01', endsOn: '2031-06-30' });
    const id = created.body.id;

    const moved = await app.api('PATCH', `${user.ws}/campaigns/${id}`, { endsOn: '2031-07-15', landingUrl: 'http://shop.example.com/summer-2' }, user.token);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ name: 'Summer', startsOn: '2031-06-01', endsOn: '2031-07-15', landingUrl: 'http://shop.example.com/summer-2' });
    // A one-day campaign: the end may be the start.
    expect((await app.api('PATCH', `${user.ws}/campaigns/${id}`, { startsOn: '2031-07-15' }, user.token)).body).toMatchObject({ startsOn: '2031-07-15', endsOn: '2031-07-15' });
    expect((await list()).find((c) => c.id === id)).toMatchObject({ landingUrl: 'http://shop.example.com/summer-2', startsOn: '2031-07-15', endsOn: '2031-07-15' });

    const cleared = await app.api('PATCH', `${user.ws}/campaigns/${id}`, { landingUrl: null, startsOn: null, endsOn: null }, user.token);
    expect(cleared.body).toMatchObject({ name: 'Summer', landingUrl: null, startsOn: null, endsOn: null });
    expect((await app.api('DELETE', `${user.ws}/campaigns/${id}`, undefined, user.token)).status).toBe(204);
  });

  it('refuses a landing page that is not an http(s) URL, and an end before the start, with a code and nothing changed', async () => {
    const created = (await app.api('POST', `${user.ws}/campaigns`, { name: 'Winter', startsOn: '2031-12-01', endsOn: '2031-12-24' }, user.token)).body;
    const before = await list();
    for (const landingUrl of ['shop.example.com/winter', 'ftp://shop.example.com/winter', 'javascript:alert(1)', 'https://', '']) {
      const res = await app.api('POST', `${user.ws}/campaigns`, { name: 'Bad link', landingUrl }, user.token);
      expect(res.status, landingUrl).toBe(400);
      expect(res.body.error.details, landingUrl).toContainEqual(expect.objectContaining({ field: 'body.landingUrl', code: 'campaign.landing_url_invalid' }));
      const patched = await app.api('PATCH', `${user.ws}/campaigns/${created.id}`, { landingUrl }, user.token);
      expect(patched.status, landingUrl).toBe(400);
    }
    const backwards = await app.api('POST', `${user.ws}/campaigns`, { name: 'Backwards', startsOn: '2031-05-10', endsOn: '2031-05-09' }, user.token);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ code: 'bad_request', details: { code: 'campaign.ends_before_start', field: 'body.endsOn' } });
    expect(backwards.body.error.message).toContain('before it starts');
    // Against the stored dates: a new end before the stored start, a new start after the stored end.
    for (const patch of [{ endsOn: '2031-11-30' }, { startsOn: '2031-12-25' }]) {
      const res = await app.api('PATCH', `${user.ws}/campaigns/${created.id}`, patch, user.token);
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body.error.details.code).toBe('campaign.ends_before_start');
    }
    for (const bad of [{ startsOn: '2031-02-30' }, { endsOn: '24.12.2031' }]) {
      expect((await app.api('PATCH', `${user.ws}/campaigns/${created.id}`, bad, user.token)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await list()).toEqual(before);
    expect((await app.api('DELETE', `${user.ws}/campaigns/${created.id}`, undefined, user.token)).status).toBe(204);
  });

  it('answers two saves of one name at the same instant with one success and one 409, never a 500', async () => {
    const rounds = 8;
    for (let i = 0; i < rounds; i++) {
      const name = `Race ${i}`;
      const creates = await Promise.all([0, 1].map(() => app.api('POST', `${user.ws}/campaigns`, { name }, user.token)));
      expect(creates.map((r) => r.status).sort(), JSON.stringify(creates.map((r) => r.body))).toEqual([201, 409]);
      const refused = creates.find((r) => r.status === 409)!;
      expect(refused.body.error).toMatchObject({ code: 'conflict', details: { code: 'campaign.name_taken' } });

      // Two other campaigns renamed to one new name at once.
      const [a, b] = await Promise.all([`Race ${i}a`, `Race ${i}b`].map(async (n) => (await app.api('POST', `${user.ws}/campaigns`, { name: n }, user.token)).body));
      const renames = await Promise.all([a, b].map((c) => app.api('PATCH', `${user.ws}/campaigns/${c.id}`, { name: `Race ${i} renamed` }, user.token)));
      expect(renames.map((r) => r.status).sort(), JSON.stringify(renames.map((r) => r.body))).toEqual([200, 409]);
      expect(renames.find((r) => r.status === 409)!.body.error).toMatchObject({ code: 'conflict', details: { code: 'campaign.name_taken' } });
    }
    const names = (await list()).map((c) => c.name).filter((n) => n.startsWith('Race '));
    expect(names).toHaveLength(rounds * 3);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const c of (await list()).filter((x) => x.name.startsWith('Race '))) await app.api('DELETE', `${user.ws}/campaigns/${c.id}`, undefined, user.token);
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
    expect(dup.body.error).toMatchObject({ code: 'conflict', details: { code: 'campaign.name_taken', field: 'body.name' } });
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

/**
 * The race the name check before saving cannot see, forced: with that check made blind (as it is
 * when two people save the same name at the same instant), the unique index refuses the second
 * name, and the API answers 409 with the same problem code as the check — never a 500.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';

vi.mock('../../src/campaigns/campaigns.repository.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/campaigns/campaigns.repository.js')>()),
  campaignNameTaken: vi.fn(async () => false),
}));

describe.each(ENGINES)('campaign names past the check on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    app = await createTestApp({ engine });
    user = await app.signUp();
  });
  afterAll(async () => app?.close());

  const create = (name: string) => app.api('POST', `${user.ws}/campaigns`, { name }, user.token);

  it('answers a taken name with 409 campaign.name_taken from the unique index, on create and on rename', async () => {
    const spring = await create('Spring');
    const autumn = await create('Autumn');
    expect([spring.status, autumn.status]).toEqual([201, 201]);

    const again = await create('SPRING');
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', details: { code: 'campaign.name_taken', field: 'body.name' } });
    expect(again.body.error.message).toBe('A campaign named "SPRING" already exists');

    const renamed = await app.api('PATCH', `${user.ws}/campaigns/${autumn.body.id}`, { name: 'spring', landingUrl: 'https://example.com/autumn' }, user.token);
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(409);
    expect(renamed.body.error).toMatchObject({ code: 'conflict', details: { code: 'campaign.name_taken' } });

    // Nothing of the refused rename was saved; the log holds no unhandled error.
    const names = (await app.api('GET', `${user.ws}/campaigns`, undefined, user.token)).body.campaigns.map((c: any) => [c.name, c.landingUrl]);
    expect(names).toEqual([['Autumn', null], ['Spring', null]]);
    expect(app.logs()).not.toContain('unhandled error');
  });
});

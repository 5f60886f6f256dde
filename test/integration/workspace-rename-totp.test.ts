/**
 * Routes the web app's settings and account screens need: renaming a workspace (admins only) and
 * asking whether two-factor log-in is on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { totpCode } from '../../src/auth/totp.js';

describe('workspace rename and TOTP status', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    owner = await app.signUp({ name: 'Rita Renamer' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets an admin rename the workspace, and refuses a viewer and a blank name', async () => {
    const renamed = await app.api('PATCH', owner.ws, { name: '  Fjord Coffee  ' }, owner.cookie);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: owner.workspaceId, name: 'Fjord Coffee', role: 'owner' });
    const me = await app.api('GET', '/api/v1/me', undefined, owner.cookie);
    expect(me.body.workspaces[0].name).toBe('Fjord Coffee');
    expect((await app.api('PATCH', owner.ws, { name: '   ' }, owner.cookie)).status).toBe(400);

    const inv = await app.api('POST', `${owner.ws}/invitations`, { role: 'viewer' }, owner.token);
    const token = inv.body.url.split('/invite/')[1];
    const acc = await app.api('POST', `/api/v1/invitations/${token}/accept`, { email: `viewer.${Date.now()}@example.com`, password: 'correct horse battery', name: 'Vera Viewer' });
    const viewer = `cookie:${String(acc.headers['set-cookie']).split(';')[0]}`;
    const refused = await app.api('PATCH', owner.ws, { name: 'Taken over' }, viewer);
    expect(refused.status).toBe(403);
    expect((await app.api('GET', owner.ws, undefined, owner.cookie)).body.name).toBe('Fjord Coffee');
  });

  it('says whether two-factor log-in is on', async () => {
    expect((await app.api('GET', '/api/v1/me/totp', undefined, owner.cookie)).body).toEqual({ enabled: false, since: null, recoveryCodesLeft: 0 });
    const setup = await app.api('POST', '/api/v1/me/totp/setup', undefined, owner.cookie);
    expect((await app.api('GET', '/api/v1/me/totp', undefined, owner.cookie)).body.enabled).toBe(false);
    expect((await app.api('POST', '/api/v1/me/totp/enable', { code: totpCode(setup.body.secret) }, owner.cookie)).status).toBe(200);
    const on = await app.api('GET', '/api/v1/me/totp', undefined, owner.cookie);
    expect(on.body.enabled).toBe(true);
    expect(Date.parse(on.body.since)).toBeGreaterThan(Date.now() - 60_000);
    expect((await app.api('GET', '/api/v1/me/totp', undefined, owner.token)).status).toBe(403);
  });
});

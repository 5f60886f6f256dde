/** A signed-up user with a webhook channel, made through the API (for tests that start past sign-up). */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp, type TestUser } from '../../support/app.js';
import { startWebhookReceiver, type Receiver } from '../../support/webhook-receiver.js';
import { openPage, startBrowser, type OpenPage, type PageOptions } from './browser.js';

export interface UserWithChannel {
  user: TestUser;
  channelId: string;
}

export async function userWithWebhook(app: TestApp, receiver: Receiver, opts: { path?: string; name?: string; slots?: { weekday: number; time: string }[] } = {}): Promise<UserWithChannel> {
  const user = await app.signUp();
  const path = opts.path ?? '/hook';
  receiver.setSecret(path, receiver.secret);
  const ch = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url(path), secret: receiver.secret, name: opts.name ?? 'Hook', timezone: 'Europe/Oslo' }, user.token);
  if (ch.status !== 201) throw new Error(`channel: ${ch.status} ${JSON.stringify(ch.body)}`);
  if (opts.slots) {
    const res = await app.api('PUT', `${user.ws}/channels/${ch.body.id}/schedule`, { timezone: 'Europe/Oslo', slots: opts.slots }, user.token);
    if (res.status !== 200) throw new Error(`schedule: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { user, channelId: ch.body.id };
}

/** Every day of the week at `time`. */
export const everyDayAt = (time: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, time }));

/** A new account joining the owner's workspace with `role` through an invitation link. */
export async function joinWorkspace(app: TestApp, owner: TestUser, role: 'admin' | 'editor' | 'contributor' | 'viewer', name: string): Promise<TestUser & { name: string; email: string }> {
  const inv = await app.api('POST', `${owner.ws}/invitations`, { role }, owner.token);
  if (inv.status !== 201) throw new Error(`invitation: ${inv.status} ${JSON.stringify(inv.body)}`);
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`;
  const acc = await app.api('POST', `/api/v1/invitations/${inv.body.url.split('/invite/')[1]}/accept`, { email, password: 'correct horse battery', name });
  if (acc.status !== 201) throw new Error(`accept: ${acc.status} ${JSON.stringify(acc.body)}`);
  const cookie = `cookie:${String(acc.headers['set-cookie']).split(';')[0]}`;
  const tok = await app.api('POST', `${owner.ws}/tokens`, { name: 'test' }, cookie);
  if (tok.status !== 201) throw new Error(`token: ${tok.status} ${JSON.stringify(tok.body)}`);
  return { userId: acc.body.userId, workspaceId: owner.workspaceId, cookie, token: tok.body.token, ws: owner.ws, name, email };
}

/**
 * The usual set-up of a browser suite, as its beforeAll and afterAll: a Varde, a webhook receiver,
 * Chromium, a user with a webhook channel, and a page logged in as that user. The fields are filled
 * once beforeAll has run.
 */
export function webhookUserSuite(page: Omit<PageOptions, 'user'> = {}) {
  const suite = {} as { app: TestApp; receiver: Receiver; browser: Browser; who: UserWithChannel; tab: OpenPage };
  beforeAll(async () => {
    [suite.app, suite.receiver, suite.browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    suite.who = await userWithWebhook(suite.app, suite.receiver);
    suite.tab = await openPage(suite.browser, suite.app, { ...page, user: suite.who.user });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
    await suite.receiver?.close();
  });
  return suite;
}

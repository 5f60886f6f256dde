/** A signed-up user with a webhook channel, made through the API (for tests that start past sign-up). */
import type { TestApp, TestUser } from '../../support/app.js';
import type { Receiver } from '../../support/webhook-receiver.js';

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

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

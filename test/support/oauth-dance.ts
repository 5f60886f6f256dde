/**
 * The OAuth dance through Varde's own API, without a browser: start → the network's authorize URL
 * (an emulator that approves at once and redirects) → Varde's callback → the channels (or the
 * accounts to pick from).
 */
import { expect } from 'vitest';
import type { TestApp, TestUser } from './app.js';

export async function connectThroughOAuth(app: TestApp, user: TestUser, network: string, body: Record<string, unknown> = {}) {
  const start = await app.api('POST', `${user.ws}/channels/oauth/${network}/start`, body, user.token);
  if (start.status !== 200) throw new Error(`oauth start failed: ${start.status} ${JSON.stringify(start.body)}`);
  const authorize = await fetch(start.body.authorizeUrl, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status < 300 || authorize.status >= 400 || !location) {
    throw new Error(`the network did not redirect back: ${authorize.status} ${await authorize.text()}`);
  }
  const back = new URL(location);
  const callback = await app.api('GET', `${back.pathname}${back.search}`);
  return { start: start.body, authorizeUrl: start.body.authorizeUrl as string, callbackStatus: callback.status, result: callback.body };
}

/** The dance for a login that adds its one channel at once; the test fails unless it does. */
export async function connectOneChannel(app: TestApp, user: TestUser, network: string, body: Record<string, unknown> = {}) {
  const dance = await connectThroughOAuth(app, user, network, body);
  expect(dance.result.status, JSON.stringify(dance.result)).toBe('done');
  return { ...dance, channel: dance.result.channels[0] };
}

/** The dance for a login that offers accounts to pick from, then the pick; returns the id of the first channel added. */
export async function connectAndPick(app: TestApp, user: TestUser, network: string, externalIds: string[]): Promise<string> {
  const { result } = await connectThroughOAuth(app, user, network);
  const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds }, user.token);
  return picked.body.channels[0].id;
}

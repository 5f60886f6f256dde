/**
 * The OAuth dance through Varde's own API, without a browser: start → the network's authorize URL
 * (an emulator that approves at once and redirects) → Varde's callback → the channels (or the
 * accounts to pick from).
 */
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

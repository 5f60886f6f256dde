import { describe, expect, it } from 'vitest';
import type { Credentials } from '../contract.js';
import { BlueskySession, jwtExpiresAt, type BlueskyCredentials } from './session.js';
import { XrpcError, type Xrpc, type XrpcCall } from './xrpc.js';

function jwt(exp: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part({ exp, sub: 'did:plc:a' })}.sig`;
}

const NOW = 1_800_000_000_000;
const inSeconds = (s: number) => Math.floor(NOW / 1000) + s;

function creds(accessExp: number): BlueskyCredentials {
  return { did: 'did:plc:a', handle: 'a.test', accessJwt: jwt(accessExp), refreshJwt: jwt(inSeconds(86_400)), appPassword: 'app-pass' };
}

/** An Xrpc that answers per NSID and records the calls. */
function fakeXrpc(answers: Record<string, (call: XrpcCall) => unknown>): Xrpc & { calls: string[] } {
  const calls: string[] = [];
  const xrpc = (async (nsid: string, call: XrpcCall = {}) => {
    calls.push(nsid);
    const answer = answers[nsid];
    if (!answer) throw new Error(`unexpected ${nsid}`);
    return answer(call);
  }) as Xrpc;
  return Object.assign(xrpc, { calls });
}

const renewed = { did: 'did:plc:a', handle: 'a.test', accessJwt: jwt(inSeconds(7200)), refreshJwt: 'r2' };

describe('jwtExpiresAt', () => {
  it('reads exp without verifying, undefined for garbage', () => {
    expect(jwtExpiresAt(jwt(123))).toBe(123_000);
    expect(jwtExpiresAt('nope')).toBeUndefined();
  });
});

describe('BlueskySession', () => {
  it('renews ahead of time when less than five minutes are left, and saves first', async () => {
    const saved: Credentials[] = [];
    const xrpc = fakeXrpc({ 'com.atproto.server.refreshSession': () => renewed });
    const session = new BlueskySession(xrpc, creds(inSeconds(240)), async (c) => void saved.push(c), () => NOW);
    await session.ensureFreshSession();
    expect(saved).toEqual([{ ...creds(inSeconds(240)), accessJwt: renewed.accessJwt, refreshJwt: 'r2' }]);

    const fresh = new BlueskySession(xrpc, creds(inSeconds(600)), async () => {}, () => NOW);
    await fresh.ensureFreshSession();
    expect(xrpc.calls).toEqual(['com.atproto.server.refreshSession']);
  });

  it('renews once for concurrent calls refused with ExpiredToken', async () => {
    const first = creds(inSeconds(3600));
    const xrpc = fakeXrpc({
      'com.atproto.server.refreshSession': () => renewed,
      'app.call': (call) => {
        if (call.auth === first.accessJwt) throw new XrpcError(400, 'ExpiredToken', 'Token has expired', {});
        return { ok: call.auth };
      },
    });
    const session = new BlueskySession(xrpc, first, async () => {}, () => NOW);
    const results = await Promise.all([1, 2, 3].map(() => session.withAuth((auth) => xrpc('app.call', { auth }))));
    expect(results).toEqual([1, 2, 3].map(() => ({ ok: renewed.accessJwt })));
    expect(xrpc.calls.filter((c) => c === 'com.atproto.server.refreshSession')).toHaveLength(1);
  });

  it('does not log in again when the refresh merely failed on the network', async () => {
    const xrpc = fakeXrpc({
      'com.atproto.server.refreshSession': () => {
        throw new XrpcError(503, 'Unavailable', 'down', {});
      },
    });
    const session = new BlueskySession(xrpc, creds(inSeconds(10)), async () => {}, () => NOW);
    await expect(session.ensureFreshSession()).rejects.toMatchObject({ kind: 'transient' });
    expect(xrpc.calls).toEqual(['com.atproto.server.refreshSession']);
  });
});

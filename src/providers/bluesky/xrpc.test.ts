import { describe, expect, it } from 'vitest';
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { createXrpc, toProviderError, XrpcError } from './xrpc.js';

function respond(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const bytes = new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  const text = () => new TextDecoder().decode(bytes);
  return { status, headers, url: 'https://pds.example/xrpc/x', body: bytes, text, json: <T>() => JSON.parse(text()) as T };
}

function fakeHttp(answer: HttpResponse): HttpClient & { seen: [string, HttpRequest][] } {
  const seen: [string, HttpRequest][] = [];
  return Object.assign(async (url: string, req: HttpRequest = {}) => (seen.push([url, req]), answer), { seen });
}

async function failureOf(answer: HttpResponse): Promise<ProviderError> {
  const xrpc = createXrpc(fakeHttp(answer), 'https://pds.example');
  return toProviderError(await xrpc('com.atproto.repo.createRecord', { body: {} }).catch((e: unknown) => e), 'publish');
}

describe('createXrpc', () => {
  it('sends JSON bodies as POST and queries as GET, with the bearer token', async () => {
    const http = fakeHttp(respond(200, { ok: true }));
    const xrpc = createXrpc(http, 'https://pds.example/');
    await expect(xrpc('a.b.c', { body: { x: 1 }, auth: 'jwt' })).resolves.toEqual({ ok: true });
    await xrpc('a.b.d', { params: { repo: 'did:plc:x', cursor: undefined, limit: 5 } });
    expect(http.seen[0][0]).toBe('https://pds.example/xrpc/a.b.c');
    expect(http.seen[0][1]).toMatchObject({ method: 'POST', body: '{"x":1}', headers: { authorization: 'Bearer jwt', 'content-type': 'application/json' } });
    expect(http.seen[1][0]).toBe('https://pds.example/xrpc/a.b.d?repo=did%3Aplc%3Ax&limit=5');
    expect(http.seen[1][1].method).toBe('GET');
  });

  it('sends raw bytes with their content type', async () => {
    const http = fakeHttp(respond(200, { blob: {} }));
    const bytes = new Uint8Array([1, 2, 3]);
    await createXrpc(http, 'https://pds.example')('com.atproto.repo.uploadBlob', { body: bytes, contentType: 'image/png' });
    expect(http.seen[0][1]).toMatchObject({ method: 'POST', body: bytes, headers: { 'content-type': 'image/png' } });
  });

  it('reads the XRPC error name and message', async () => {
    const err = await createXrpc(fakeHttp(respond(400, { error: 'RecordNotFound', message: 'Could not locate record' })), 'https://p.example')('x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XrpcError);
    expect(err).toMatchObject({ status: 400, error: 'RecordNotFound', message: 'Could not locate record' });
  });
});

describe('toProviderError', () => {
  it('429 is rate_limited until RateLimit-Reset (epoch seconds)', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    const err = await failureOf(respond(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { 'RateLimit-Reset': String(reset) }));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt?.getTime()).toBe(reset * 1000);
  });

  it('429 falls back to Retry-After', async () => {
    const err = await failureOf(respond(429, 'slow down', { 'retry-after': '30' }));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt!.getTime() - Date.now()).toBeGreaterThan(25_000);
  });

  it('5xx is transient; 400 is rejected with the PDS message; auth errors are auth_expired', async () => {
    expect((await failureOf(respond(502, { error: 'UpstreamFailure', message: 'Upstream service unreachable' }))).kind).toBe('transient');
    const rejected = await failureOf(respond(400, { error: 'InvalidRequest', message: 'Record/text must not be longer than 300 graphemes' }));
    expect(rejected).toMatchObject({ kind: 'rejected', networkMessage: 'Record/text must not be longer than 300 graphemes', status: 400 });
    expect((await failureOf(respond(400, { error: 'ExpiredToken', message: 'Token has expired' }))).kind).toBe('auth_expired');
    expect((await failureOf(respond(401, { error: 'AuthenticationRequired' }))).kind).toBe('auth_expired');
  });

  it('network failures are transient, delivered or not (every Bluesky write is keyed); a blocked PDS is rejected', () => {
    expect(toProviderError(new HttpFailure('timeout', 't', true), 'publish').kind).toBe('transient');
    expect(toProviderError(new HttpFailure('connect_failed', 'c', false), 'publish').kind).toBe('transient');
    expect(toProviderError(new HttpFailure('blocked_address', 'b', false), 'publish').kind).toBe('rejected');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type Receiver } from '../../../test/support/webhook-receiver.js';
import { createGuardedHttp, type GuardedHttpClient } from '../../net/guarded-http.js';
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from '../../net/http.types.js';
import type { MediaItem, ProviderContext, PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { verifyWebhook } from './signing.js';
import { classifyResponse, webhookProvider } from './webhook.provider.js';
import { contextDefaults } from '../../../test/support/provider-context.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let receiver: Receiver;
let http: GuardedHttpClient;
let keySeq = 0;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET });
  http = createGuardedHttp({ allowHosts: [`127.0.0.1:${receiver.port}`] });
});
afterAll(async () => {
  http.close();
  await receiver.close();
});
beforeEach(() => receiver.reset());

function media(overrides: Partial<MediaItem> = {}): MediaItem {
  return {
    id: 'med_1', mime: 'image/png', kind: 'image', size: 1234, width: 800, height: 600, alt: 'A beacon',
    sha256: 'ab'.repeat(32), read: async () => new Uint8Array(), ...overrides,
  };
}

function content(overrides: Partial<PublishContent> = {}): PublishContent {
  return {
    parts: [{ text: 'Launch day!', media: [media()] }],
    link: 'https://example.com/launch',
    meta: { postId: 'post_1', deliveryId: 'dlv_1', dueAt: '2026-03-01T09:00:00.000Z' },
    ...overrides,
  };
}

function context(overrides: Partial<ProviderContext> = {}): ProviderContext {
  return {
    ...contextDefaults(),
    idempotencyKey: `3lkey${++keySeq}`,
    credentials: { secret: SECRET },
    settings: { url: receiver.url('/hook') },
    saveCredentials: async () => {},
    http,
    ...overrides,
  };
}

async function publishError(ctx: ProviderContext, c = content()): Promise<ProviderError> {
  try {
    await webhookProvider.publish(ctx, c);
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected publish to fail');
}

function response(status: number, headers: Record<string, string> = {}, body = ''): HttpResponse {
  const bytes = Buffer.from(body);
  return { status, headers, url: 'https://hooks.example/x', body: bytes, text: () => body, json: () => JSON.parse(body) };
}

describe('webhook connect', () => {
  const untouched: HttpClient = async () => {
    throw new Error('connect must not call the URL');
  };

  it('validates the URL without calling it and generates a standard secret', async () => {
    const result = await webhookProvider.connect({ url: 'https://Hooks.Example.com/in/varde?token=t#frag' }, untouched);
    expect(result.credentials.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(result.settings).toEqual({ url: 'https://hooks.example.com/in/varde?token=t' });
    expect(result.account).toMatchObject({ handle: 'hooks.example.com', name: 'hooks.example.com' });
    expect(result.account.externalId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps a given secret and name', async () => {
    const result = await webhookProvider.connect({ url: 'http://h.example/', secret: 'shared text', name: ' CRM ' }, untouched);
    expect(result.credentials).toEqual({ secret: 'shared text' });
    expect(result.account.name).toBe('CRM');
  });

  it.each([undefined, '', 'ftp://h.example/', 'https://user:pw@h.example/', 'not a url', 42])('rejects the URL %s', async (url) => {
    await expect(webhookProvider.connect({ url }, untouched)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringMatching(/^Webhook URL must be an http\(s\) URL/) });
  });

  it('rejects a malformed whsec_ secret', async () => {
    await expect(webhookProvider.connect({ url: 'https://h.example/', secret: 'whsec_!!' }, untouched)).rejects.toMatchObject({ kind: 'rejected' });
  });

  it('with verify, sends a signed ping and requires a 2xx', async () => {
    await webhookProvider.connect({ url: receiver.url('/ping'), secret: SECRET, verify: true }, http);
    expect(receiver.events[0]).toMatchObject({ path: '/ping', body: { type: 'ping' } });

    const refused = webhookProvider.connect({ url: receiver.url('/ping'), secret: 'another secret', verify: true }, http);
    await expect(refused).rejects.toMatchObject({ kind: 'rejected', status: 401 });
  });
});

describe('webhook publish', () => {
  it('posts one signed event with the delivery key as webhook-id', async () => {
    const ctx = context();
    const thread = content({ parts: [{ text: 'First', media: [media()] }, { text: 'Second', media: [] }, { text: 'Third', media: [media({ id: 'med_2', alt: null, width: null })] }] });
    const result = await webhookProvider.publish(ctx, thread);

    expect(receiver.events).toHaveLength(1);
    const [event] = receiver.events;
    expect(event.headers).toMatchObject({
      'webhook-id': ctx.idempotencyKey,
      'idempotency-key': ctx.idempotencyKey,
      'content-type': 'application/json',
      'user-agent': 'Varde-Webhooks/1',
    });
    expect(Math.abs(Number(event.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(verifyWebhook(SECRET, event.headers, event.raw).ok).toBe(true);
    expect(event.body).toEqual({
      type: 'post.published',
      timestamp: expect.any(String),
      data: {
        postId: 'post_1', deliveryId: 'dlv_1', idempotencyKey: ctx.idempotencyKey, scheduledFor: '2026-03-01T09:00:00.000Z',
        text: 'First', link: 'https://example.com/launch',
        media: [{ id: 'med_1', mime: 'image/png', size: 1234, width: 800, height: 600, alt: 'A beacon', sha256: 'ab'.repeat(32) }],
        followups: [
          { text: 'Second', media: [] },
          { text: 'Third', media: [{ id: 'med_2', mime: 'image/png', size: 1234, width: null, height: 600, alt: null, sha256: 'ab'.repeat(32) }] },
        ],
      },
    });
    expect(result).toMatchObject({ externalId: 'evt_1', url: 'https://receiver.example/p/1', detail: { status: 200 } });
    expect(result.parts.map((p) => p.externalId)).toEqual(['evt_1', 'evt_1#1', 'evt_1#2']);
  });

  it('sends a retry with the same id, so the receiver can drop the duplicate', async () => {
    const ctx = context();
    const first = await webhookProvider.publish(ctx, content());
    const again = await webhookProvider.publish(ctx, content());
    expect(receiver.count(ctx.idempotencyKey)).toBe(2);
    expect(receiver.uniqueIds()).toEqual([ctx.idempotencyKey]);
    expect(again.externalId).toBe(first.externalId);
  });

  it('falls back to the idempotency key when the receiver names no id', async () => {
    const ctx = context({ http: async () => response(204) });
    expect((await webhookProvider.publish(ctx, content())).externalId).toBe(ctx.idempotencyKey);
  });

  it('never follows redirects and bounds the wait', async () => {
    const seen: HttpRequest[] = [];
    const spy: HttpClient = (url, request) => (seen.push(request!), http(url, request));
    await webhookProvider.publish(context({ http: spy }), content());
    expect(seen[0]).toMatchObject({ method: 'POST', maxRedirects: 0, timeoutMs: 15_000 });
  });
});

describe('webhook publish failures', () => {
  it('classifies 5xx as transient', async () => {
    receiver.script([{ status: 503 }]);
    expect(await publishError(context())).toMatchObject({ kind: 'transient', status: 503 });
  });

  it('classifies 429 as rate limited until Retry-After', async () => {
    receiver.script([{ status: 429, retryAfter: 2 }]);
    const err = await publishError(context());
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt!.getTime() - Date.now()).toBeGreaterThan(1000);
    expect(err.retryAt!.getTime() - Date.now()).toBeLessThanOrEqual(2000);
  });

  it('classifies a refused signature as rejected with the receiver message', async () => {
    const err = await publishError(context({ credentials: { secret: 'wrong' } }));
    expect(err).toMatchObject({ kind: 'rejected', status: 401, networkMessage: expect.stringContaining('signature check failed') });
  });

  it('classifies other 4xx as rejected, keeping 300 characters of the body', async () => {
    receiver.script([{ path: '/hook', status: 422, body: `bad field ${'x'.repeat(500)}` }]);
    const err = await publishError(context());
    expect(err).toMatchObject({ kind: 'rejected', status: 422 });
    expect(err.networkMessage).toHaveLength(300);
    expect(err.networkMessage!.startsWith('bad field')).toBe(true);
  });

  it('classifies accepted-then-timed-out as unknown outcome', async () => {
    receiver.script([{ acceptThenHang: true }]);
    const quick: HttpClient = (url, request) => http(url, { ...request, timeoutMs: 200 });
    const ctx = context({ http: quick });
    const err = await publishError(ctx);
    expect(err.kind).toBe('unknown_outcome');
    expect(receiver.count(ctx.idempotencyKey)).toBe(1);
  });

  it('classifies a private URL as rejected, naming VARDE_ALLOW_HOSTS', async () => {
    const strict = createGuardedHttp({ allowHosts: [] });
    const err = await publishError(context({ http: strict }));
    strict.close();
    expect(err.kind).toBe('rejected');
    expect(err.message).toContain('VARDE_ALLOW_HOSTS');
    expect(receiver.events).toHaveLength(0);
  });

  it('classifies failures by whether the request may have arrived', async () => {
    const failing = (failure: HttpFailure) => context({ http: async () => Promise.reject(failure) });
    expect(await publishError(failing(new HttpFailure('connect_failed', 'refused', false)))).toMatchObject({ kind: 'transient' });
    expect(await publishError(failing(new HttpFailure('network', 'reset', true)))).toMatchObject({ kind: 'unknown_outcome' });
    expect(await publishError(failing(new HttpFailure('timeout', 'slow', true)))).toMatchObject({ kind: 'unknown_outcome' });
  });
});

describe('classifyResponse', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it.each([
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:05:00 GMT' }, now + 300_000],
    [{ 'ratelimit-reset': '30' }, now + 30_000],
    [{ 'x-ratelimit-reset': String(now / 1000 + 90) }, now + 90_000],
    [{}, now + 60_000],
  ])('reads the 429 reset from %o', (headers, expected) => {
    expect(classifyResponse(response(429, headers), now).retryAt?.getTime()).toBe(expected);
  });

  it.each([[408, 'transient'], [425, 'transient'], [500, 'transient'], [403, 'rejected'], [404, 'rejected'], [302, 'rejected']] as const)(
    '%i is %s',
    (status, kind) => {
      expect(classifyResponse(response(status, { location: 'https://other.example/x?token=secret' })).kind).toBe(kind);
    },
  );

  it('does not repeat a redirect target query string', () => {
    const err = classifyResponse(response(301, { location: 'https://other.example/x?token=secret' }));
    expect(err.message).toContain('https://other.example/x');
    expect(err.message).not.toContain('secret');
  });
});

describe('describeSettings', () => {
  it('keeps the URL but elides query values', () => {
    const described = webhookProvider.describeSettings!({ url: 'https://hooks.example/in?token=abc&channel=7' });
    expect(described).toEqual({ url: 'https://hooks.example/in?token=…&channel=…' });
    expect(webhookProvider.describeSettings!({ url: 'https://hooks.example/in' })).toEqual({ url: 'https://hooks.example/in' });
  });
});

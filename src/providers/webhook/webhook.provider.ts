/**
 * The Webhook channel: each published post goes to the user's URL as ONE signed JSON event
 * (a thread travels as one event with its follow-ups), per Standard Webhooks. The delivery's
 * idempotency key is the `webhook-id` and the `Idempotency-Key`, so a retried delivery carries the
 * same id and the receiver can drop the duplicate — which is why an unknown outcome may simply be
 * retried (`idempotentPublish`).
 *
 * Secrets: `whsec_<base64>` (the standard form; generated when the user gives none) or any other
 * text, used as its UTF-8 bytes. See signing.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { HttpFailure, type HttpClient, type HttpResponse } from '../../net/http.types.js';
import type { ConnectResult, MediaItem, Provider, ProviderContext, PublishContent, PublishResult } from '../contract.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { configuredTimeoutMs } from '../shared/request-timeout.js';
import { generateWebhookSecret, isValidWebhookSecret, signWebhook } from './signing.js';
import { webhookConnectSchema } from './connect.schema.js';

const DEFAULT_TIMEOUT_MS = 15_000;
const RESPONSE_MAX_BYTES = 1024 * 1024;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
const MESSAGE_MAX_CHARS = 300;

export const webhookProvider = {
  network: 'webhook',
  connectSchema: webhookConnectSchema,
  idempotentPublish: true,

  /**
   * Checks `{ url, secret?, name?, verify? }`. The URL is not called unless `verify: true`, which
   * sends a signed `ping` event and requires a 2xx (some receivers accept nothing but real events).
   * Returns the secret as credentials (the caller encrypts it and shows it to the user once).
   */
  async connect(input: Record<string, unknown>, http: HttpClient): Promise<ConnectResult> {
    const url = parseWebhookUrl(input.url);
    const secret = readSecret(input.secret);
    const host = url.host;
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim().slice(0, 200) : host;
    if (input.verify === true) await sendPing(http, url.href, secret);
    return {
      credentials: { secret },
      settings: { url: url.href },
      account: {
        externalId: createHash('sha256').update(`${host}${url.pathname}`).digest('hex').slice(0, 32),
        handle: host,
        name,
      },
    };
  },

  /** One signed POST per delivery; see classifyResponse / classifyFailure for how failures are told apart. */
  async publish(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
    const { url, secret } = readChannel(ctx);
    if (content.parts.length === 0) throw new ProviderError('rejected', 'Nothing to publish: the post has no content');
    const now = new Date();
    const body = JSON.stringify(buildEvent(ctx.idempotencyKey, content, now));
    const response = await post(ctx.http, url, secret, ctx.idempotencyKey, body, now, ctx.signal);
    if (response.status < 200 || response.status > 299) throw classifyResponse(response);
    return acceptedResult(response, ctx.idempotencyKey, content.parts.length);
  },

  /** The URL with query values elided: receivers often carry tokens there. */
  describeSettings(settings: Record<string, unknown>): Record<string, unknown> {
    return typeof settings.url === 'string' ? { url: redactQuery(settings.url) } : {};
  },
} satisfies Provider;

/** The event body: the post described, media described (not inlined). */
export function buildEvent(idempotencyKey: string, content: PublishContent, now: Date) {
  const [first, ...followups] = content.parts;
  return {
    type: 'post.published',
    timestamp: now.toISOString(),
    data: {
      postId: content.meta.postId,
      deliveryId: content.meta.deliveryId,
      idempotencyKey,
      scheduledFor: content.meta.dueAt,
      text: first.text,
      link: content.link ?? null,
      media: first.media.map(describeMedia),
      followups: followups.map((part) => ({ text: part.text, media: part.media.map(describeMedia) })),
    },
  };
}

function describeMedia(m: MediaItem) {
  return { id: m.id, mime: m.mime, size: m.size, width: m.width ?? null, height: m.height ?? null, alt: m.alt ?? null, sha256: m.sha256 };
}

async function post(
  http: HttpClient, url: string, secret: string, id: string, body: string, now: Date, signal?: AbortSignal,
): Promise<HttpResponse> {
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    return await http(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Varde-Webhooks/1',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, id, timestamp, body),
        'Idempotency-Key': id,
      },
      body,
      maxRedirects: 0,
      timeoutMs: timeoutMs(),
      maxBytes: RESPONSE_MAX_BYTES,
      signal,
    });
  } catch (error) {
    throw classifyFailure(error);
  }
}

/**
 * How long a receiver has to answer, 15 s unless VARDE_WEBHOOK_TIMEOUT_MS (1 ms to 120 s) says
 * otherwise (read per call): tests of receivers that accept and hang need not wait 15 s.
 */
function timeoutMs(): number {
  return configuredTimeoutMs([process.env.VARDE_WEBHOOK_TIMEOUT_MS], { integer: true, max: 120_000 }) ?? DEFAULT_TIMEOUT_MS;
}

async function sendPing(http: HttpClient, url: string, secret: string): Promise<void> {
  const now = new Date();
  const body = JSON.stringify({ type: 'ping', timestamp: now.toISOString(), data: {} });
  let response: HttpResponse;
  try {
    response = await post(http, url, secret, `ping_${randomBytes(12).toString('hex')}`, body, now);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'unknown_outcome') {
      throw new ProviderError('transient', 'The webhook URL did not answer the signed ping in time', { cause: error });
    }
    throw error;
  }
  if (response.status < 200 || response.status > 299) {
    throw new ProviderError('rejected', `The webhook receiver answered ${response.status} to a signed ping; it must answer 2xx`, {
      status: response.status,
      networkMessage: receiverMessage(response),
    });
  }
}

/** Classifies a non-2xx answer. */
export function classifyResponse(response: HttpResponse, now = Date.now()): ProviderError {
  const { status } = response;
  const options = { status, networkMessage: receiverMessage(response), detail: { status } };
  if (status === 429) {
    return new ProviderError('rate_limited', 'The webhook receiver asked to slow down (429)', {
      ...options,
      retryAt: rateLimitResetAt(response.headers, now),
    });
  }
  if (status === 401 || status === 403) {
    return new ProviderError('rejected', `The webhook receiver refused the request (${status}); check that it verifies signatures with this channel's secret`, options);
  }
  if (status === 408 || status === 425 || (status >= 500 && status <= 599)) {
    return new ProviderError('transient', `The webhook receiver failed (${status})`, options);
  }
  if (status >= 300 && status <= 399) {
    const location = response.headers.location ? `: ${redactForMessage(response.headers.location)}` : '';
    return new ProviderError('rejected', `The webhook URL redirects (${status})${location}; use the final URL`, options);
  }
  return new ProviderError('rejected', `The webhook receiver rejected the event (${status})`, options);
}

/** Classifies a failure before any response. */
export function classifyFailure(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (!(error instanceof HttpFailure)) {
    // Not ours to explain, and it may have happened after sending: retrying with the same key is safe.
    return new ProviderError('unknown_outcome', 'The webhook call failed unexpectedly', { cause: error });
  }
  const detail = { failure: error.kind };
  if (error.kind === 'blocked_address') {
    return new ProviderError('rejected', 'The webhook URL points at a private address; allow it with VARDE_ALLOW_HOSTS', { detail, cause: error });
  }
  if (error.kind === 'invalid_url') return new ProviderError('rejected', `The webhook URL is not usable: ${error.message}`, { detail, cause: error });
  if (error.maybeDelivered) {
    return new ProviderError('unknown_outcome', `The webhook receiver may have received the event: ${error.message}`, { detail, cause: error });
  }
  return new ProviderError('transient', `Could not reach the webhook receiver: ${error.message}`, { detail, cause: error });
}

function acceptedResult(response: HttpResponse, idempotencyKey: string, partCount: number): PublishResult {
  let answer: Record<string, unknown> = {};
  try {
    const parsed: unknown = response.body.byteLength > 0 ? response.json() : undefined;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) answer = parsed as Record<string, unknown>;
  } catch {
    // A receiver may answer 2xx with any body; only its optional id and url are read.
  }
  const id = answer.id;
  const externalId = (typeof id === 'string' && id.length > 0 && id.length <= 256) || typeof id === 'number' ? String(id) : idempotencyKey;
  const url = isHttpUrl(answer.url) ? answer.url : undefined;
  const parts = Array.from({ length: partCount }, (_, i) =>
    i === 0 ? { externalId, url, ref: { index: 0 } } : { externalId: `${externalId}#${i}`, ref: { index: i } },
  );
  return { externalId, url, parts, detail: { status: response.status } };
}

function rateLimitResetAt(headers: Record<string, string>, now: number): Date {
  return (
    parseRetryAfter(headers['retry-after'], now) ??
    parseReset(headers['ratelimit-reset'], now) ??
    parseReset(headers['x-ratelimit-reset'], now) ??
    new Date(now + DEFAULT_RATE_LIMIT_WAIT_MS)
  );
}

/** A reset header: delta seconds (IETF RateLimit-Reset) or, when large, epoch seconds or ms (common X-RateLimit-Reset). */
function parseReset(value: string | undefined, now: number): Date | undefined {
  if (!value) return undefined;
  const n = Number(value.split(',')[0].trim());
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (n > 1e12) return new Date(n);
  if (n > 1e9) return new Date(n * 1000);
  return new Date(now + n * 1000);
}

function receiverMessage(response: HttpResponse): string | undefined {
  const text = response.text().trim();
  return text ? text.slice(0, MESSAGE_MAX_CHARS) : undefined;
}

function parseWebhookUrl(value: unknown): URL {
  const invalid = () =>
    new ProviderError('rejected', 'Webhook URL must be an http(s) URL without credentials, e.g. https://example.com/hooks/varde');
  if (typeof value !== 'string' || !value.trim()) throw invalid();
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid();
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) throw invalid();
  url.hash = '';
  return url;
}

function readSecret(value: unknown): string {
  if (value === undefined || value === null || value === '') return generateWebhookSecret();
  if (typeof value !== 'string' || !isValidWebhookSecret(value)) {
    throw new ProviderError('rejected', 'Webhook secret must be text, or whsec_ followed by base64 (leave it empty to generate one)');
  }
  return value;
}

function readChannel(ctx: ProviderContext): { url: string; secret: string } {
  const url = ctx.settings.url;
  const secret = ctx.credentials.secret;
  if (typeof url !== 'string' || typeof secret !== 'string' || !secret) {
    throw new ProviderError('rejected', 'This webhook channel has no URL or secret; reconnect it');
  }
  return { url, secret };
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** scheme://host/path of a URL from a receiver, for a message. */
function redactForMessage(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}

function redactQuery(value: string): string {
  const q = value.indexOf('?');
  if (q === -1) return value;
  const hash = value.indexOf('#', q);
  const query = value.slice(q + 1, hash === -1 ? undefined : hash);
  const keys = query.split('&').filter(Boolean).map((pair) => `${pair.split('=')[0]}=…`);
  return `${value.slice(0, q)}${keys.length ? `?${keys.join('&')}` : ''}`;
}

/**
 * The one outbound HTTP client. Every server-side request to a user-supplied or network URL goes
 * through it: it refuses private, loopback and link-local addresses (address-policy.ts) on the
 * address actually connected to — the check runs inside the socket's DNS lookup, so a name cannot
 * resolve to a public address for a check and a private one for the connection — caps time and
 * size, and follows redirects (GET/HEAD only) back through the same guard.
 *
 * Failures are HttpFailure with `maybeDelivered` telling the publishing pipeline whether the server
 * may have received the request. Messages are log-safe: scheme://host/path, never query strings.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { compileAllowList, isAllowed, isPublicAddress, type AllowList } from './address-policy.js';
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from './http.types.js';

export interface GuardedHttpOptions {
  /** `host` or `host:port` entries that may be reached although private (VARDE_ALLOW_HOSTS). */
  allowHosts: string[];
  userAgent?: string;
  defaultTimeoutMs?: number;
  defaultMaxBytes?: number;
}

/** An HttpClient whose keep-alive connections can be closed (tests, shutdown). */
export type GuardedHttpClient = HttpClient & { close(): void };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that must not follow a redirect to another origin. */
const ORIGIN_BOUND_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

interface Target {
  url: URL;
  hostname: string; // without IPv6 brackets
  port: number;
  ipLiteral: boolean;
  allowed: boolean;
  safe: string;
}

interface Hop {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

class BlockedAddressError extends Error {
  constructor(readonly hostname: string, readonly address: string) {
    super(`${hostname} resolves to a non-public address (${address})`);
  }
}

/**
 * Creates the guarded client. Keep one per process: it owns the keep-alive agents that let high
 * request rates to one host reuse connections.
 */
export function createGuardedHttp(options: GuardedHttpOptions): GuardedHttpClient {
  const allow = compileAllowList(options.allowHosts);
  const userAgent = options.userAgent ?? 'Varde/0.1';
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 15_000;
  const defaultMaxBytes = options.defaultMaxBytes ?? 5 * 1024 * 1024;
  const agentOptions = { keepAlive: true, maxSockets: 256, maxFreeSockets: 256 };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const client = async (url: string, request: HttpRequest = {}): Promise<HttpResponse> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const followable = method === 'GET' || method === 'HEAD';
    const maxRedirects = followable ? (request.maxRedirects ?? 5) : 0;
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    let target = resolveTarget(url, allow);
    let headers = withDefaultHeaders(request.headers, request.body, userAgent);
    let body = request.body;
    for (let redirects = 0; ; redirects++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new HttpFailure('timeout', `Request to ${target.safe} timed out after ${timeoutMs} ms`, true);
      const agent = target.url.protocol === 'https:' ? httpsAgent : httpAgent;
      const hop: Hop = { method, headers, body, timeoutMs: remaining, maxBytes: request.maxBytes ?? defaultMaxBytes, signal: request.signal };
      const response = await sendOnce(target, hop, agent);
      const location = response.headers.location;
      if (!followable || maxRedirects === 0 || !REDIRECTS.has(response.status) || !location) return response;
      if (redirects >= maxRedirects) {
        throw new HttpFailure('too_many_redirects', `More than ${maxRedirects} redirects from ${target.safe}`, true);
      }
      const next = resolveTarget(resolveLocation(location, target), allow);
      if (next.url.origin !== target.url.origin) headers = withoutOriginBoundHeaders(headers);
      target = next;
      body = undefined;
    }
  };
  return Object.assign(client, {
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}

/** scheme://host/path, with token-like path segments (Telegram bot tokens, Discord webhook tokens) elided. */
export function logSafeUrl(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((seg) => (seg.length >= 24 && /[a-z]/i.test(seg) && /\d/.test(seg) ? '…' : seg))
    .join('/');
  return `${url.protocol}//${url.host}${path}`;
}

function resolveTarget(raw: string | URL, allow: AllowList): Target {
  let url: URL;
  try {
    url = typeof raw === 'string' ? new URL(raw) : raw;
  } catch {
    throw new HttpFailure('invalid_url', 'Not a valid URL', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpFailure('invalid_url', `Only http and https URLs may be requested (got ${url.protocol})`, false);
  }
  const safe = logSafeUrl(url);
  if (url.username || url.password) throw new HttpFailure('invalid_url', `URLs with credentials are refused: ${safe}`, false);
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!hostname) throw new HttpFailure('invalid_url', 'The URL has no host', false);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const ipLiteral = net.isIP(hostname) !== 0;
  const allowed = isAllowed(hostname, port, allow);
  if (ipLiteral && !allowed && !isPublicAddress(hostname)) {
    throw new HttpFailure('blocked_address', `Refused ${safe}: ${hostname} is not a public address`, false);
  }
  return { url, hostname, port, ipLiteral, allowed, safe };
}

function resolveLocation(location: string, from: Target): URL {
  try {
    return new URL(location, from.url);
  } catch {
    throw new HttpFailure('invalid_url', `${from.safe} redirected to an invalid URL`, true);
  }
}

function withDefaultHeaders(given: Record<string, string> | undefined, body: HttpRequest['body'], userAgent: string) {
  const headers: Record<string, string> = {};
  let hasUserAgent = false;
  let hasLength = false;
  for (const [name, value] of Object.entries(given ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'user-agent') hasUserAgent = true;
    if (lower === 'content-length' || lower === 'transfer-encoding') hasLength = true;
    headers[name] = value;
  }
  if (!hasUserAgent) headers['user-agent'] = userAgent;
  if (body !== undefined && !hasLength) {
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  }
  return headers;
}

function withoutOriginBoundHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !ORIGIN_BOUND_HEADERS.has(name.toLowerCase())));
}

/**
 * The DNS lookup every non-allow-listed hostname connects through: resolves all addresses and
 * refuses the connection if any is not public, so the checked address is the connected one.
 */
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad || addresses.length === 0) {
      return callback(new BlockedAddressError(hostname, bad?.address ?? 'none') as NodeJS.ErrnoException, '');
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/** One request/response exchange, no redirects. */
function sendOnce(target: Target, hop: Hop, agent: http.Agent): Promise<HttpResponse> {
  if (hop.signal?.aborted) {
    return Promise.reject(new HttpFailure('connect_failed', `Request to ${target.safe} was aborted before it was sent`, false));
  }
  return new Promise<HttpResponse>((resolve, reject) => {
    let connected = false;
    let settled = false;
    const settle = (failure: HttpFailure | null, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      hop.signal?.removeEventListener('abort', onAbort);
      if (failure) {
        req.destroy();
        reject(failure);
      } else resolve(response!);
    };
    const fail = (error: unknown) => settle(classifyError(error, connected, target));

    const transport = target.url.protocol === 'https:' ? https : http;
    const req = transport.request({
      protocol: target.url.protocol,
      hostname: target.hostname,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: hop.method,
      headers: hop.headers,
      agent,
      // IP literals need no DNS; allow-listed names may resolve to anything.
      lookup: target.ipLiteral || target.allowed ? undefined : guardedLookup,
    });
    const timer = setTimeout(() => {
      const message = `Request to ${target.safe} timed out after ${hop.timeoutMs} ms`;
      settle(connected ? new HttpFailure('timeout', message, true) : new HttpFailure('connect_failed', message, false));
    }, hop.timeoutMs);
    const onAbort = () => {
      const message = `Request to ${target.safe} was aborted`;
      settle(connected ? new HttpFailure('timeout', message, true) : new HttpFailure('connect_failed', message, false));
    };
    hop.signal?.addEventListener('abort', onAbort, { once: true });

    req.once('socket', (socket: net.Socket) => {
      if (!socket.connecting) connected = true; // a reused keep-alive connection
      else socket.once(socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect', () => (connected = true));
    });
    req.on('error', fail);
    req.once('response', (res) => {
      const declared = Number(res.headers['content-length']);
      if (declared > hop.maxBytes) return settle(tooLarge(target, hop.maxBytes));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > hop.maxBytes) return settle(tooLarge(target, hop.maxBytes));
        chunks.push(chunk);
      });
      res.on('error', fail);
      res.once('end', () => {
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
        settle(null, buildResponse(res.statusCode ?? 0, res.rawHeaders, target.url.href, body));
      });
      res.once('close', () => {
        if (!res.complete) fail(Object.assign(new Error('response interrupted'), { code: 'ECONNRESET' }));
      });
    });
    req.end(hop.body);
  });
}

function tooLarge(target: Target, maxBytes: number): HttpFailure {
  return new HttpFailure('too_large', `Response from ${target.safe} is larger than ${maxBytes} bytes`, true);
}

function classifyError(error: unknown, connected: boolean, target: Target): HttpFailure {
  if (error instanceof HttpFailure) return error;
  if (error instanceof BlockedAddressError) {
    return new HttpFailure('blocked_address', `Refused ${target.safe}: ${error.message}`, false);
  }
  const code = (error as NodeJS.ErrnoException)?.code ?? 'error';
  if (!connected) return new HttpFailure('connect_failed', `Could not connect to ${target.safe} (${code})`, false);
  return new HttpFailure('network', `Connection to ${target.safe} failed after the request was sent (${code})`, true);
}

function buildResponse(status: number, rawHeaders: string[], url: string, body: Buffer): HttpResponse {
  const headers: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${rawHeaders[i + 1]}` : rawHeaders[i + 1];
  }
  let text: string | undefined;
  return {
    status,
    headers,
    url,
    body,
    text: () => (text ??= body.toString('utf8')),
    json: <T = unknown>() => JSON.parse(text ?? (text = body.toString('utf8'))) as T,
  };
}

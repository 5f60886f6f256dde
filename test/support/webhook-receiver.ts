/**
 * A local Standard Webhooks receiver for tests and the publishing benchmark. It verifies every
 * request's signature (401 when wrong), records accepted events, counts duplicates by
 * `webhook-id`, and plays scripted faults (500s, 429s, accept-then-hang, delays) so the publishing
 * rules are tested rather than hoped for. Like a well-behaved receiver, it answers a duplicate
 * `webhook-id` with the id and url it gave the first time. Built for ~1,000 requests/s over many
 * paths (one per channel) on one server.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { generateWebhookSecret, verifyWebhook } from '../../src/providers/webhook/signing.js';

export interface ReceivedEvent {
  id: string;
  path: string;
  /** The parsed JSON body. */
  body: any;
  raw: string;
  receivedAt: Date;
  headers: http.IncomingHttpHeaders;
}

export interface ReceivedRequest {
  id: string;
  path: string;
  status: number;
  at: Date;
}

/** One scripted answer, consumed by one request (to `path` when given, else to any path). */
export interface ScriptedFault {
  path?: string;
  /** Answer this status instead of accepting (the event is not recorded). */
  status?: number;
  /** Seconds, sent as Retry-After (with status 429 usually). */
  retryAfter?: number;
  /** Body sent with `status`. */
  body?: string;
  headers?: Record<string, string>;
  /** Record the event as received, then never answer. */
  acceptThenHang?: boolean;
  /** Wait this long before answering (then apply the rest of the entry, or accept). */
  delayMs?: number;
}

export interface Receiver {
  /** The secret used for paths without their own (generated when none was given). */
  readonly secret: string;
  readonly port: number;
  /** Accepted events in arrival order, duplicates included. */
  readonly events: ReceivedEvent[];
  /** Every verified request, whatever it was answered: `status` 0 for a hang; `at` when it was answered (or left hanging). */
  readonly requests: ReceivedRequest[];
  url(path?: string): string;
  /** Sets the secret a path verifies with (e.g. each channel's generated secret). */
  setSecret(path: string, secret: string): void;
  script(faults: ScriptedFault[]): void;
  /** Distinct `webhook-id`s among accepted events. */
  uniqueIds(): string[];
  /** How many times `id` was accepted. */
  count(id: string): number;
  /** Ids accepted more than once. */
  duplicateIds(): string[];
  acceptedCount(): number;
  /** Resolves once at least `n` events were accepted. */
  waitForEvents(n: number, timeoutMs?: number): Promise<void>;
  /** Forgets events, counts, answers and pending faults (secrets stay). */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 (`port` 0, the default, picks a free one). */
export async function startWebhookReceiver(
  options: { secret?: string; secrets?: Record<string, string>; port?: number } = {},
): Promise<Receiver> {
  const secret = options.secret ?? generateWebhookSecret();
  const secrets = new Map(Object.entries(options.secrets ?? {}));
  const events: ReceivedEvent[] = [];
  const requests: ReceivedRequest[] = [];
  const counts = new Map<string, number>();
  const firstAnswer = new Map<string, string>();
  const globalFaults: ScriptedFault[] = [];
  const pathFaults = new Map<string, ScriptedFault[]>();
  const hanging = new Set<Socket>();
  let waiters: Array<{ n: number; resolve: () => void }> = [];
  let generated = 0;

  const nextFault = (path: string): ScriptedFault | undefined => pathFaults.get(path)?.shift() ?? globalFaults.shift();

  const record = (id: string, path: string, raw: string, headers: http.IncomingHttpHeaders) => {
    events.push({ id, path, body: parseJson(raw), raw, receivedAt: new Date(), headers });
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (waiters.length) {
      const ready = waiters.filter((w) => events.length >= w.n);
      waiters = waiters.filter((w) => events.length < w.n);
      for (const w of ready) w.resolve();
    }
  };

  const accept = (res: http.ServerResponse, id: string, path: string, raw: string, headers: http.IncomingHttpHeaders) => {
    record(id, path, raw, headers);
    requests.push({ id, path, status: 200, at: new Date() });
    let answer = firstAnswer.get(id);
    if (!answer) {
      const n = ++generated;
      answer = JSON.stringify({ id: `evt_${n}`, url: `https://receiver.example/p/${n}` });
      firstAnswer.set(id, answer);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  };

  const answer = (req: http.IncomingMessage, res: http.ServerResponse, path: string, raw: string) => {
    const check = verifyWebhook(secrets.get(path) ?? secret, req.headers, raw);
    if (!check.ok) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `signature check failed: ${check.reason}` }));
      return;
    }
    const fault = nextFault(path);
    const respond = () => {
      if (!fault || (fault.status === undefined && !fault.acceptThenHang)) return accept(res, check.id, path, raw, req.headers);
      if (fault.acceptThenHang) {
        record(check.id, path, raw, req.headers);
        requests.push({ id: check.id, path, status: 0, at: new Date() });
        hanging.add(req.socket);
        return;
      }
      const status = fault.status!;
      requests.push({ id: check.id, path, status, at: new Date() });
      const headers: Record<string, string> = { 'content-type': 'application/json', ...fault.headers };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(status, headers).end(fault.body ?? JSON.stringify({ error: `scripted ${status}` }));
    };
    if (fault?.delayMs) setTimeout(respond, fault.delayMs);
    else respond();
  };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, path, Buffer.concat(chunks).toString('utf8')));
  });
  // Long enough that a benchmark's keep-alive connections are not churned between bursts.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    secret,
    port,
    events,
    requests,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    setSecret: (path, value) => void secrets.set(path, value),
    script(faults) {
      for (const fault of faults) {
        if (fault.path === undefined) globalFaults.push(fault);
        else pathFaults.set(fault.path, [...(pathFaults.get(fault.path) ?? []), fault]);
      }
    },
    uniqueIds: () => [...counts.keys()],
    count: (id) => counts.get(id) ?? 0,
    duplicateIds: () => [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    acceptedCount: () => events.length,
    waitForEvents(n, timeoutMs = 10_000) {
      if (events.length >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${events.length} of ${n} events in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    reset() {
      events.length = 0;
      requests.length = 0;
      counts.clear();
      firstAnswer.clear();
      generated = 0;
      globalFaults.length = 0;
      pathFaults.clear();
    },
    async close() {
      for (const socket of hanging) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * The toolkit every network emulator is built on: a small HTTP server with a route table, body
 * parsing (JSON, form, multipart, raw), a request log, and scripted faults consumed once — an
 * error status with the network's own body and headers, a 429 with its reset headers, a request
 * accepted and then never answered (the "did it go out?" case), a delay. Each emulator in
 * test/emulators/<slug>/ implements its network's documented endpoints on top of this.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmuRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Repeated query keys (`types[]=a&types[]=b`). */
  queryAll: Record<string, string[]>;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** Parsed from JSON or application/x-www-form-urlencoded; {} otherwise. */
  body: any;
  /** multipart/form-data parts by field name. */
  files: Record<string, { filename?: string; contentType?: string; data: Buffer }>;
  fields: Record<string, string>;
}

export interface EmuResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  body?: Buffer;
}

export type Handler = (req: EmuRequest) => EmuResponse | Promise<EmuResponse>;

export type Fault =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** The handler runs (the effect happens), then the connection hangs without an answer. */
  | { acceptThenHang: true }
  /** The connection is dropped before the handler runs (nothing happens). */
  | { dropBeforeHandling: true }
  | { delayMs: number };

export interface LoggedRequest {
  method: string;
  path: string;
  at: number;
  status: number | 'hung' | 'dropped';
}

/** Which request a fault is for: method, path, and optionally its query (so background reads of the same path pass by). */
export interface FaultMatch {
  method?: string;
  path?: string | RegExp;
  query?: (query: Record<string, string>) => boolean;
}

export interface Emulator {
  url: string;
  port: number;
  route(method: string, pattern: string, handler: Handler): void;
  /** The next request matching (method, path pattern or '*') gets this fault instead of (or after) its handler. */
  fault(match: FaultMatch, fault: Fault): void;
  requests: LoggedRequest[];
  /** Requests to a path (pattern or RegExp), for "no call before the reset" assertions. */
  callsTo(method: string, path: string | RegExp): LoggedRequest[];
  /**
   * Requests that could change something (every method but GET and HEAD, token renewals left out),
   * for "refused before any call" assertions: the server's background work (inbox polls, metrics,
   * renewing tokens before they expire) may call the network at any moment.
   */
  writes(): LoggedRequest[];
  close(): Promise<void>;
}

function compile(pattern: string) {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\?:([A-Za-z_]+)/g, (_m, n) => (names.push(n), '([^/]+)'))}$`);
  return { re, names };
}

function parseMultipart(raw: Buffer, contentType: string) {
  const files: EmuRequest['files'] = {};
  const fields: Record<string, string> = {};
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) return { files, fields };
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  let pos = raw.indexOf(boundary);
  while (pos !== -1) {
    const next = raw.indexOf(boundary, pos + boundary.length);
    if (next === -1) break;
    const part = raw.subarray(pos + boundary.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const head = part.subarray(0, split).toString('utf8');
      const data = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const ct = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      if (filename !== undefined || (ct && !ct.startsWith('text/plain'))) files[name] = { filename, contentType: ct, data: Buffer.from(data) };
      else fields[name] = data.toString('utf8');
    }
    pos = next;
  }
  return { files, fields };
}

export async function startEmulator(): Promise<Emulator> {
  const routes: { method: string; re: RegExp; names: string[]; handler: Handler }[] = [];
  const faults: (FaultMatch & { fault: Fault })[] = [];
  const requests: LoggedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();

  const takeFault = (method: string, path: string, query: Record<string, string>) => {
    const i = faults.findIndex((f) => (!f.method || f.method === method) && (!f.path || (typeof f.path === 'string' ? compile(f.path).re.test(path) : f.path.test(path))) && (!f.query || f.query(query)));
    return i === -1 ? undefined : faults.splice(i, 1)[0].fault;
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    const log: LoggedRequest = { method, path: url.pathname, at: Date.now(), status: 0 };
    requests.push(log);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const query: Record<string, string> = {};
    const queryAll: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) {
      query[k] = v;
      (queryAll[k] ??= []).push(v);
    }
    const ct = headers['content-type'] ?? '';
    let body: any = {};
    let files: EmuRequest['files'] = {};
    let fields: Record<string, string> = {};
    try {
      if (ct.includes('json') && rawBody.length) body = JSON.parse(rawBody.toString('utf8'));
      else if (ct.includes('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
      else if (ct.includes('multipart/form-data')) ({ files, fields } = parseMultipart(rawBody, ct));
    } catch {
      log.status = 400;
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'malformed body' }));
      return;
    }
    const fault = takeFault(method, url.pathname, query);
    if (fault && 'dropBeforeHandling' in fault) {
      log.status = 'dropped';
      req.socket.destroy();
      return;
    }
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && 'status' in fault) {
      log.status = fault.status;
      res.writeHead(fault.status, { 'content-type': fault.text !== undefined ? 'text/plain' : 'application/json', ...fault.headers });
      res.end(fault.text ?? JSON.stringify(fault.json ?? {}));
      return;
    }
    const route = routes.find((r) => r.method === method && r.re.test(url.pathname));
    if (!route) {
      log.status = 404;
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `emulator: no route ${method} ${url.pathname}` }));
      return;
    }
    const match = route.re.exec(url.pathname)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
    let out: EmuResponse;
    try {
      out = await route.handler({ method, path: url.pathname, params, query, queryAll, headers, rawBody, body, files, fields });
    } catch (err) {
      out = { status: 500, json: { error: `emulator crashed: ${(err as Error).message}` } };
    }
    if (fault && 'acceptThenHang' in fault) {
      log.status = 'hung';
      hanging.add(res);
      return;
    }
    const status = out.status ?? 200;
    log.status = status;
    const payload = out.body ?? (out.json !== undefined ? Buffer.from(JSON.stringify(out.json)) : Buffer.from(out.text ?? ''));
    res.writeHead(status, { 'content-type': out.json !== undefined ? 'application/json' : 'text/plain', ...out.headers });
    res.end(payload);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    route(method, pattern, handler) {
      const { re, names } = compile(pattern);
      routes.push({ method, re, names, handler });
    },
    fault(match, fault) {
      faults.push({ ...match, fault });
    },
    requests,
    callsTo(method, path) {
      const re = typeof path === 'string' ? compile(path).re : path;
      return requests.filter((r) => r.method === method && re.test(r.path));
    },
    writes() {
      return requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && !/oauth|accessToken|\/token\b/i.test(r.path));
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedHttp, logSafeUrl, type GuardedHttpClient } from './guarded-http.js';
import { HttpFailure } from './http.types.js';

interface TestServer {
  port: number;
  host: string;
  base: string;
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }>;
  connections: number;
  close(): Promise<void>;
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real local server; `handler` answers after the request body was read. */
async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void = (_req, res) => res.end('ok'),
  host = '127.0.0.1',
): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state: TestServer = { port: 0, host, base: '', requests: [], connections: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on('connection', (socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.port = (server.address() as AddressInfo).port;
  state.base = `http://${host}:${state.port}`;
  state.close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanups.push(state.close);
  return state;
}

function client(allowHosts: string[], options: { defaultTimeoutMs?: number } = {}): GuardedHttpClient {
  const c = createGuardedHttp({ allowHosts, ...options });
  cleanups.push(() => c.close());
  return c;
}

async function failure(promise: Promise<unknown>): Promise<HttpFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HttpFailure);
    return error as HttpFailure;
  }
  throw new Error('expected the request to fail');
}

describe('guarded http: address policy', () => {
  it('refuses loopback that is not allow-listed, without sending anything', async () => {
    const server = await startServer();
    const err = await failure(client([])(`${server.base}/secret?token=abc`));
    expect(err).toMatchObject({ kind: 'blocked_address', maybeDelivered: false });
    expect(err.message).not.toContain('token');
    expect(server.connections).toBe(0);
  });

  it.each(['http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f000001/'])(
    'refuses %s by policy, before connecting',
    async (url) => {
      const started = Date.now();
      const err = await failure(client([])(url));
      expect(err).toMatchObject({ kind: 'blocked_address', maybeDelivered: false });
      expect(Date.now() - started).toBeLessThan(200);
    },
  );

  it('refuses a hostname that resolves to loopback (localhost)', async () => {
    const server = await startServer();
    const err = await failure(client([])(`http://localhost:${server.port}/`));
    expect(err).toMatchObject({ kind: 'blocked_address', maybeDelivered: false });
    expect(server.connections).toBe(0);
  });

  it('lets exactly the allow-listed host:port through', async () => {
    const allowed = await startServer((_req, res) => res.end('allowed'));
    const other = await startServer();
    const get = client([`127.0.0.1:${allowed.port}`]);
    expect((await get(`${allowed.base}/`)).text()).toBe('allowed');
    expect(await failure(get(`${other.base}/`))).toMatchObject({ kind: 'blocked_address' });
    expect(await failure(get(`http://localhost:${allowed.port}/`))).toMatchObject({ kind: 'blocked_address' });
    expect(other.connections).toBe(0);
  });

  it('lets an allow-listed hostname through on any port', async () => {
    const server = await startServer((_req, res) => res.end('hi'));
    const res = await client(['LOCALHOST'])(`http://localhost:${server.port}/`);
    expect(res.status).toBe(200);
  });

  it('re-checks every redirect hop: an allowed server redirecting to a private address is refused', async () => {
    const hidden = await startServer((_req, res) => res.end('internal'), '127.0.0.2');
    const front = await startServer((_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${hidden.port}/` }).end());
    const err = await failure(client([`127.0.0.1:${front.port}`])(`${front.base}/start`));
    expect(err.kind).toBe('blocked_address');
    expect(front.requests).toHaveLength(1);
    expect(hidden.connections).toBe(0);
  });

  it('refuses non-http schemes and URLs with credentials', async () => {
    const get = client([]);
    expect(await failure(get('ftp://example.com/file'))).toMatchObject({ kind: 'invalid_url', maybeDelivered: false });
    expect(await failure(get('http://user:pass@example.com/'))).toMatchObject({ kind: 'invalid_url' });
    expect(await failure(get('not a url'))).toMatchObject({ kind: 'invalid_url' });
  });
});

describe('guarded http: limits', () => {
  it('cuts a huge streamed response at maxBytes', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      let sent = 0;
      const pump = () => {
        while (sent < 20 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const err = await failure(client([`127.0.0.1:${server.port}`])(`${server.base}/big`, { maxBytes: 1024 * 1024 }));
    expect(err).toMatchObject({ kind: 'too_large' });
  });

  it('refuses up front when content-length is too big', async () => {
    const server = await startServer((_req, res) => res.writeHead(200, { 'content-length': String(10_000_000) }).write('x'));
    const err = await failure(client([`127.0.0.1:${server.port}`])(server.base, { maxBytes: 1000 }));
    expect(err.kind).toBe('too_large');
  });

  it('times out a server that never answers, as maybe delivered', async () => {
    const server = await startServer(() => {});
    const started = Date.now();
    const err = await failure(client([`127.0.0.1:${server.port}`])(`${server.base}/slow`, { method: 'POST', body: 'x', timeoutMs: 200 }));
    expect(err).toMatchObject({ kind: 'timeout', maybeDelivered: true });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a TLS handshake that never completes as connect_failed: nothing was sent', async () => {
    const silent = net.createServer(() => {});
    const sockets = new Set<Socket>();
    silent.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    cleanups.push(() => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => silent.close(resolve));
    });
    const err = await failure(client([`127.0.0.1:${port}`])(`https://127.0.0.1:${port}/`, { method: 'POST', body: 'x', timeoutMs: 200 }));
    expect(err).toMatchObject({ kind: 'connect_failed', maybeDelivered: false });
    expect(sockets.size).toBe(1);
  });

  it('reports a refused connection as connect_failed, not delivered', async () => {
    const server = await startServer();
    const port = server.port;
    await server.close();
    const err = await failure(client([`127.0.0.1:${port}`])(`http://127.0.0.1:${port}/`));
    expect(err).toMatchObject({ kind: 'connect_failed', maybeDelivered: false });
  });

  it('reports a reset after the request was sent as network, maybe delivered', async () => {
    const server = await startServer((req) => req.socket.destroy());
    const err = await failure(client([`127.0.0.1:${server.port}`])(server.base, { method: 'POST', body: '{}' }));
    expect(err).toMatchObject({ kind: 'network', maybeDelivered: true });
  });

  it('stops when the caller aborts', async () => {
    const server = await startServer(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(client([`127.0.0.1:${server.port}`])(server.base, { signal: controller.signal }));
    expect(err.maybeDelivered).toBe(true);
  });
});

describe('guarded http: requests and responses', () => {
  it('delivers POST bodies and headers intact', async () => {
    const server = await startServer((_req, res) => res.end());
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const post = client([`127.0.0.1:${server.port}`]);
    await post(`${server.base}/in?x=1`, { method: 'POST', headers: { 'X-Custom': 'yes', 'Content-Type': 'application/octet-stream' }, body: bytes });
    await post(`${server.base}/text`, { method: 'PUT', body: 'héllo ✓' });
    const [binary, text] = server.requests;
    expect(binary).toMatchObject({ method: 'POST', url: '/in?x=1' });
    expect(binary.headers).toMatchObject({ 'x-custom': 'yes', 'content-type': 'application/octet-stream', 'content-length': '5' });
    expect(binary.headers['user-agent']).toMatch(/^Varde/);
    expect([...binary.body]).toEqual([...bytes]);
    expect(text.body.toString('utf8')).toBe('héllo ✓');
  });

  it('lower-cases response headers and joins repeated ones', async () => {
    const server = await startServer((_req, res) => {
      res.setHeader('X-Multi', ['a', 'b']);
      res.setHeader('Set-Cookie', ['c=1', 'd=2']);
      res.end('{"ok":true}');
    });
    const res = await client([`127.0.0.1:${server.port}`])(server.base);
    expect(res.headers['x-multi']).toBe('a, b');
    expect(res.headers['set-cookie']).toBe('c=1, d=2');
    expect(res.json()).toEqual({ ok: true });
  });

  it('follows GET redirects through the guard, and returns a 3xx to a POST as is', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/from') res.writeHead(301, { location: '/to' }).end();
      else res.end(`at ${req.url}`);
    });
    const get = client([`127.0.0.1:${server.port}`]);
    const followed = await get(`${server.base}/from`);
    expect(followed.text()).toBe('at /to');
    expect(followed.url).toBe(`${server.base}/to`);
    expect((await get(`${server.base}/from`, { method: 'POST', body: '' })).status).toBe(301);
  });

  it('gives up after maxRedirects', async () => {
    const server = await startServer((req, res) => res.writeHead(302, { location: `/n${req.url}` }).end());
    const err = await failure(client([`127.0.0.1:${server.port}`])(`${server.base}/`, { maxRedirects: 3 }));
    expect(err.kind).toBe('too_many_redirects');
    expect(server.requests).toHaveLength(4);
  });

  it('reuses keep-alive connections', async () => {
    const server = await startServer((_req, res) => res.end('ok'));
    const get = client([`127.0.0.1:${server.port}`]);
    for (let i = 0; i < 20; i++) await get(`${server.base}/${i}`, { method: 'POST', body: String(i) });
    expect(server.connections).toBe(1);
    await Promise.all(Array.from({ length: 10 }, () => get(server.base)));
    expect(server.requests).toHaveLength(30);
    expect(server.connections).toBeLessThanOrEqual(10);
  });
});

describe('logSafeUrl', () => {
  it('keeps scheme, host and path, drops the query and token-like path segments', () => {
    expect(logSafeUrl(new URL('https://u:p@example.com:8443/a/b?token=x#f'))).toBe('https://example.com:8443/a/b');
    expect(logSafeUrl(new URL('https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage'))).toBe(
      'https://api.telegram.org/…/sendMessage',
    );
  });
});

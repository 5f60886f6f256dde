/**
 * A pass-through HTTP proxy in front of the test PDS, so a crash test can choose its moment: it
 * slows record creation down (threads take long enough to be interrupted), and it can let one
 * reply be written on the PDS while withholding the answer — the worker is then killed knowing
 * less than the network does, the case exactly-once is about.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const CREATE = '/xrpc/com.atproto.repo.createRecord';

export interface HeldReply {
  /** The record key the reply was written at. */
  rkey: string;
  status: number;
}

export interface PdsProxy {
  url: string;
  /** Delay before forwarding each createRecord. */
  createDelayMs: number;
  /** Record keys the PDS accepted a createRecord for (answered 200), in order. */
  readonly created: string[];
  /**
   * The next createRecord of a reply (a thread's follow-up) is forwarded and written, but its
   * answer is withheld for good. Resolves once the PDS has answered it.
   */
  holdNextReply(): Promise<HeldReply>;
  close(): Promise<void>;
}

export async function startPdsProxy(target: string): Promise<PdsProxy> {
  const upstream = new URL(target);
  const created: string[] = [];
  const sockets = new Set<Socket>();
  let hold: ((held: HeldReply) => void) | null = null;

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = http.request(
        { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const proxy: PdsProxy = {
    url: '',
    createDelayMs: 0,
    created,
    holdNextReply() {
      return new Promise((resolve) => (hold = resolve));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const isCreate = req.method === 'POST' && req.url?.startsWith(CREATE);
      let parsed: { rkey?: string; record?: { reply?: unknown } } = {};
      if (isCreate) {
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          /* forwarded as is; the PDS answers it */
        }
        if (proxy.createDelayMs > 0) await new Promise((r) => setTimeout(r, proxy.createDelayMs));
      }
      const withhold = isCreate && hold !== null && parsed.record?.reply !== undefined;
      const release = withhold ? hold : null;
      if (withhold) hold = null;
      try {
        const answer = await forward(req, body);
        if (isCreate && answer.status === 200 && parsed.rkey) created.push(parsed.rkey);
        if (release) {
          release({ rkey: String(parsed.rkey), status: answer.status });
          return; // written on the PDS; the caller never hears of it
        }
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        headers['content-length'] = String(answer.body.length);
        res.writeHead(answer.status, headers).end(answer.body);
      } catch (err) {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'BadGateway', message: String(err) }));
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

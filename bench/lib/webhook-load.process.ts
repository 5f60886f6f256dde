/**
 * The load generator of `bench:inbox`, in its own process so that sending 10,000 requests does
 * not compete with the server under test for its event loop. Given a file of signed requests and
 * a URL, it posts them all with `concurrency` keep-alive connections and reports how long it took,
 * every latency, and the statuses. Driven over IPC: `{ url, file, concurrency }` → the result.
 */
import fs from 'node:fs';
import http from 'node:http';

export interface LoadRequest {
  body: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  durationMs: number;
  latenciesMs: number[];
  statuses: Record<string, number>;
}

function send(agent: http.Agent, url: URL, r: LoadRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ agent, hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

async function run(msg: { url: string; file: string; concurrency: number }): Promise<LoadResult> {
  const requests = JSON.parse(fs.readFileSync(msg.file, 'utf8')) as LoadRequest[];
  const url = new URL(msg.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: msg.concurrency });
  const latenciesMs: number[] = new Array(requests.length);
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < requests.length) {
      const i = next++;
      const t = performance.now();
      const status = await send(agent, url, requests[i]);
      latenciesMs[i] = performance.now() - t;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: msg.concurrency }, client));
  const durationMs = performance.now() - started;
  agent.destroy();
  return { durationMs, latenciesMs, statuses };
}

process.on('message', async (msg: { url: string; file: string; concurrency: number }) => {
  try {
    process.send!({ ok: true, result: await run(msg) });
  } catch (err) {
    process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });

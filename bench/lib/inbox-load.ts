/**
 * What `bench:inbox` sends and to what: signed Meta page-comment events (10 % of them repeats of
 * earlier ones, as networks redeliver), the load generator in a child process, and the ceiling — a
 * bare Fastify route that only verifies each signature over the raw body, as Varde does first.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { verifyMetaSignature } from '../../src/providers/meta/webhooks.js';
import type { LoadRequest, LoadResult } from './webhook-load.process.js';

export interface EventSet {
  requests: LoadRequest[];
  /** Distinct comment ids among them: what must be stored, each once. */
  unique: number;
}

/**
 * `count` events for the pages round-robin, each carrying one new comment, except that a share of
 * them (`duplicateShare`) repeat an earlier event byte for byte, spread through the run.
 */
export function metaCommentEvents(pages: string[], count: number, duplicateShare: number, appSecret: string, label: string): EventSet {
  const requests: LoadRequest[] = [];
  const dupEvery = duplicateShare > 0 ? Math.round(1 / duplicateShare) : Infinity;
  let unique = 0;
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < count; i++) {
    if ((i + 1) % dupEvery === 0 && requests.length > 0) {
      requests.push(requests[crypto.randomInt(0, requests.length)]);
      continue;
    }
    const page = pages[unique % pages.length];
    const body = JSON.stringify({
      object: 'page',
      entry: [{ id: page, time: now, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: `${page}_1_${label}${unique}`, post_id: `${page}_1`, parent_id: `${page}_1`, message: `Comment ${unique}: when does the new blend ship? I love the last one, but my order was late.`, from: { id: `9${unique}`, name: `Fan ${unique}` }, created_time: now } }] }],
    });
    requests.push({ body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${crypto.createHmac('sha256', appSecret).update(body).digest('hex')}` } });
    unique += 1;
  }
  return { requests, unique };
}

export interface LoadGenerator {
  run(url: string, requests: LoadRequest[], concurrency: number): Promise<LoadResult>;
  close(): Promise<void>;
}

export async function startLoadGenerator(): Promise<LoadGenerator> {
  const script = fileURLToPath(new URL('./webhook-load.process.ts', import.meta.url));
  const child: ChildProcess = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`load generator exited (${code}) before it was ready`)));
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-inbox-bench-'));
  let n = 0;
  return {
    run(url, requests, concurrency) {
      const file = path.join(dir, `requests-${++n}.json`);
      fs.writeFileSync(file, JSON.stringify(requests));
      return new Promise((resolve, reject) => {
        child.once('message', (msg: any) => (msg.ok ? resolve(msg.result) : reject(new Error(msg.error))));
        child.send({ url, file, concurrency });
      });
    },
    async close() {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The ceiling: the same requests, answered by a route that only verifies the signature. */
export async function startCeiling(appSecret: string): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post('/api/v1/webhooks/facebook', async (req, reply) => {
    const verdict = verifyMetaSignature({ method: 'POST', query: {}, headers: req.headers as Record<string, string>, rawBody: req.body as Buffer }, appSecret);
    if (!verdict.ok) return reply.status(401).send({ error: verdict.reason });
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/webhooks/facebook`, app };
}

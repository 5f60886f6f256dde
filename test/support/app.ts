/**
 * A real Varde for tests: the composition root on a real database engine, listening on a random
 * loopback port, with helpers to sign up, connect channels and call the API. Factories, not copied
 * literals.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { loadConfig, type Config } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import { startVarde, type Mode, type Varde } from '../../src/app/start.js';
import type { Provider } from '../../src/providers/contract.js';
import { createTestDatabase, type Engine, type TestDatabase } from './databases.js';
import zlib from 'node:zlib';
import { encodePng } from './png.js';

export interface TestApp {
  varde: Varde;
  db: TestDatabase;
  config: Config;
  url: string;
  /** Calls the API; `auth` is an API token (Bearer) or a session cookie ("cookie:…"). */
  api<T = any>(method: string, url: string, body?: unknown, auth?: string, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Record<string, any> }>;
  signUp(opts?: { email?: string; name?: string }): Promise<TestUser>;
  /** Everything the app logged so far, for "no secret in the logs" checks. */
  logs(): string;
  close(): Promise<void>;
}

export interface TestUser {
  userId: string;
  workspaceId: string;
  cookie: string;
  token: string;
  /** `/api/v1/workspaces/<id>` */
  ws: string;
}

export interface TestAppOptions {
  engine?: Engine;
  mode?: Mode;
  providers?: Provider[];
  config?: Partial<Config>;
  env?: Record<string, string>;
  /** Use this database instead of a fresh one (not dropped on close). */
  database?: TestDatabase;
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-test-'));
  const db = opts.database ?? (await createTestDatabase(opts.engine ?? 'pglite'));
  const port = opts.config?.port ?? (await freePort());
  const config = loadConfig(
    { VARDE_PUBLIC_URL: `http://127.0.0.1:${port}`, VARDE_DATA_DIR: dataDir, VARDE_SECRET_KEY: crypto.randomBytes(32).toString('hex'), VARDE_SIGNUP: 'open', VARDE_ALLOW_HOSTS: '127.0.0.1,localhost', VARDE_WORKER_POLL_MS: '50', HOST: '127.0.0.1', ...opts.env },
    { ...opts.config, port },
  );
  const logLines: string[] = [];
  const logger = createLogger(opts.env?.LOG_LEVEL ?? process.env.VARDE_TEST_LOG ?? 'warn', { write: (s: string) => void logLines.push(s) } as any);
  const varde = await startVarde({ mode: opts.mode ?? 'all', config, db: db.db, providers: opts.providers, logger });
  const url = varde.url ?? '';

  const api: TestApp['api'] = async (method, url, body, auth, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (auth?.startsWith('cookie:')) {
      h.cookie = auth.slice(7);
      h.origin ??= 'http://localhost';
      h.host ??= 'localhost';
    } else if (auth) h.authorization = `Bearer ${auth}`;
    const isRaw = body instanceof Uint8Array || typeof body === 'string';
    if (body !== undefined && !isRaw) h['content-type'] ??= 'application/json';
    const res = await varde.server!.inject({ method: method as any, url, headers: h, payload: body === undefined ? undefined : isRaw ? (body as any) : JSON.stringify(body) });
    let parsed: any = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };

  let n = 0;
  const signUp: TestApp['signUp'] = async (o = {}) => {
    n += 1;
    const email = o.email ?? `user${n}-${crypto.randomBytes(3).toString('hex')}@example.com`;
    const res = await api('POST', '/api/v1/auth/signup', { email, password: 'correct horse battery', name: o.name ?? `User ${n}` });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    const setCookie = String(res.headers['set-cookie']).split(';')[0];
    const cookie = `cookie:${setCookie}`;
    const workspaceId = res.body.workspace.id;
    const tok = await api('POST', `/api/v1/workspaces/${workspaceId}/tokens`, { name: 'test', scopes: ['read', 'write', 'publish', 'admin'] }, cookie);
    if (tok.status !== 201) throw new Error(`token failed: ${tok.status} ${JSON.stringify(tok.body)}`);
    return { userId: res.body.user.id, workspaceId, cookie, token: tok.body.token, ws: `/api/v1/workspaces/${workspaceId}` };
  };

  return {
    varde, db, config, url, api, signUp,
    logs: () => logLines.join(''),
    async close() {
      await varde.close();
      if (!opts.database) await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP port free right now on loopback (so the app knows its public URL before it listens). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Polls until `fn` returns a truthy value, or throws after `timeoutMs`. */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Uploads a real PNG of the given size and returns its media id. */
export async function uploadPng(app: TestApp, user: TestUser, opts: { width?: number; height?: number; padBytes?: number } = {}): Promise<string> {
  const png = makePng(opts.width ?? 8, opts.height ?? 8, opts.padBytes ?? 0);
  const res = await app.api('POST', `${user.ws}/media?filename=test.png`, png, user.token, { 'content-type': 'image/png' });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

let seed = 0;
/** A valid PNG, padded with a private ancillary chunk to reach a size (for size-limit tests). */
export function makePng(width: number, height: number, padBytes = 0): Uint8Array {
  const png = Buffer.from(encodePng(width, height, ++seed));
  if (padBytes <= 0) return png;
  const data = crypto.randomBytes(padBytes);
  const chunk = Buffer.alloc(12 + padBytes);
  chunk.writeUInt32BE(padBytes, 0);
  chunk.write('vaRd', 4, 'ascii');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from('vaRd'), data])) >>> 0, 8 + padBytes);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

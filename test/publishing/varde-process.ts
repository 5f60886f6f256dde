/**
 * Varde as a real child process (`node bin/varde.js start|serve|worker`), for the tests that kill
 * it or run several: started with an explicit environment (nothing inherited that could point it
 * elsewhere), ready when it says so (and, with an HTTP server, when /healthz answers ok).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/varde.js');
/** Kept from the parent: what node itself needs. Everything Varde reads is given explicitly. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];

export interface VardeProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` when the process serves HTTP. */
  readonly url: string | null;
  /** The worker id it printed (`worker` mode). */
  readonly workerId: string | null;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last output, for failure messages. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnVarde(command: 'start' | 'serve' | 'worker', env: Record<string, string>, readyTimeoutMs = 45_000): Promise<VardeProcess> {
  const base = Object.fromEntries(INHERITED.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
  const child = spawn(process.execPath, [BIN, command], {
    cwd: ROOT,
    env: { ...base, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const started = Date.now();
  let url: string | null = null;
  let workerId: string | null = null;
  let dead = false;
  void exited.then(() => (dead = true));
  while (!url && !workerId) {
    if (dead) throw new Error(`varde ${command} exited before it was ready:\n${out}`);
    if (Date.now() - started > readyTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`varde ${command} was not ready after ${readyTimeoutMs} ms:\n${out}`);
    }
    const running = /Varde (?:is running|API is running) on http:\/\/[^:]+:(\d+)/.exec(out);
    if (running) url = `http://127.0.0.1:${running[1]}`;
    const worker = /Varde worker (\S+) is running/.exec(out);
    if (worker) workerId = worker[1];
    if (!url && !workerId) await sleep(25);
  }
  if (url) {
    while (!(await healthy(url))) {
      if (dead || Date.now() - started > readyTimeoutMs) throw new Error(`varde ${command} never became healthy:\n${out}`);
      await sleep(25);
    }
  }
  return {
    child,
    pid: child.pid!,
    url,
    workerId,
    exited,
    output: () => out,
    async kill(signal) {
      if (!dead) child.kill(signal);
      return exited;
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`);
    return res.ok && (await res.json()).status === 'ok';
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A JSON API client for a child process, with a bearer token. */
export function apiClient(url: string, token?: string) {
  return async <T = any>(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${url}${pathname}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

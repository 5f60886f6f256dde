/**
 * Starts the webhook receiver (test/support/webhook-receiver.ts) in a child process on loopback
 * and talks to it over IPC. The receiver verifies every signature and counts ids.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ReceiverStats {
  accepted: number;
  uniqueIds: string[];
  duplicateIds: string[];
  /** Requests answered with something else than 200 (a bad signature would show here). */
  rejected: number;
}

export interface RemoteReceiver {
  port: number;
  url(path: string): string;
  setSecrets(secrets: Record<string, string>): Promise<void>;
  count(): Promise<{ accepted: number; requests: number }>;
  stats(): Promise<ReceiverStats>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startRemoteReceiver(): Promise<RemoteReceiver> {
  const script = fileURLToPath(new URL('./receiver.process.ts', import.meta.url));
  const child: ChildProcess = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve(v: any): void; reject(e: Error): void }>();
  let next = 0;
  const ready = new Promise<{ port: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`receiver process exited (${code}) before it was ready`)));
    child.on('message', (msg: any) => {
      if (msg.ready) return resolve(msg);
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error));
    });
  });
  const { port } = await ready;
  child.removeAllListeners('exit');
  child.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error('receiver process exited'));
    pending.clear();
  });
  const call = <T>(cmd: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, args });
    });
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    setSecrets: (secrets) => call('setSecrets', secrets),
    count: () => call('count'),
    stats: () => call('stats'),
    reset: () => call('reset'),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      await call('close').catch(() => {});
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}

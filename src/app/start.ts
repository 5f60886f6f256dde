/**
 * The one composition root: configuration, logger, database, migrations, secrets, outbound HTTP,
 * providers, media store, the HTTP server and the publishing worker. The CLI, the tests and the
 * benchmarks all start Varde through here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { createLogger } from './logger.js';
import { createSecrets, loadOrCreateKey, verifyKey } from './secrets.js';
import { openDatabase, type Db } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createGuardedHttp } from '../net/guarded-http.js';
import { createRegistry } from '../providers/registry.js';
import type { Provider } from '../providers/contract.js';
import { createFileMediaStore } from '../media/media.store.js';
import { PublishWorker } from '../publishing/publish.worker.js';
import { releaseAllLeases } from '../publishing/publishing.repository.js';
import { rollupUnsettledPosts } from '../posts/posts.repository.js';
import { VERSION } from './version.js';
import { Maintenance } from './maintenance.js';
import { refreshExpiringTokens } from '../channels/token-refresh.service.js';
import { sendQueuedEmails } from '../email/email.service.js';
import { INBOX_TICK_MS, runInboxTasks } from '../inbox/inbox.task.js';
import { METRICS_TICK_MS, collectDueMetrics } from '../analytics/metrics.job.js';

export type Mode = 'all' | 'serve' | 'worker';

export interface StartOptions {
  mode: Mode;
  config: Config;
  /** An already open database (tests); otherwise opened from the config and closed by close(). */
  db?: Db;
  providers?: Provider[];
  logger?: Logger;
  /** Listen on the configured port (default true); tests may use inject() instead. */
  listen?: boolean;
}

export interface Varde {
  ctx: AppContext;
  server: FastifyInstance | null;
  worker: PublishWorker | null;
  /** Base URL the server listens on, when it listens. */
  url: string | null;
  close(): Promise<void>;
}

export async function startVarde(opts: StartOptions): Promise<Varde> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger(config.logLevel);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = opts.db ?? (await openDatabase(config));
  const ownsDb = !opts.db;
  try {
    await migrate(db);
    const key = loadOrCreateKey(config.secretKey, config.dataDir);
    if (key.generated) logger.info({ file: key.file }, 'generated a new secret key for credentials; back it up with the data directory');
    if (key.generated && config.databaseUrl) logger.warn('VARDE_SECRET_KEY is not set: every Varde process sharing this database must be started with the same key (see the README, "Scaling out")');
    const secrets = createSecrets(key.key);
    await verifyKey(db, secrets);

    let worker: PublishWorker | null = null;
    let maintenance: Maintenance | null = null;
    const ctx: AppContext = {
      config, db, secrets, logger: logger as any,
      http: createGuardedHttp({ allowHosts: config.allowHosts, userAgent: `Varde/${VERSION}` }),
      providers: createRegistry(opts.providers, config.networkEnv, config.publicUrl),
      mediaStore: createFileMediaStore(path.join(config.dataDir, 'media')),
      wakeWorker: () => worker?.wake(),
    };
    if (opts.mode !== 'serve') {
      if (db.kind === 'pglite') await releaseAllLeases(db);
      worker = new PublishWorker(ctx, config.worker);
      maintenance = new Maintenance(ctx, [
        { name: 'tokens.refresh', everyMs: 60_000, run: refreshExpiringTokens },
        { name: 'email.send', everyMs: 5_000, run: sendQueuedEmails },
        { name: 'inbox', everyMs: INBOX_TICK_MS, run: runInboxTasks },
        { name: 'posts.rollup', everyMs: 60_000, run: (c) => rollupUnsettledPosts(c.db) },
        { name: 'metrics.collect', everyMs: METRICS_TICK_MS, run: collectDueMetrics },
      ]);
    }
    // Loaded only where it serves: a worker process spares the HTTP stack's memory.
    const server = opts.mode !== 'worker'
      ? await (await import('../server/server.js')).buildServer(ctx, { queueReady: () => !worker || worker.ready, version: VERSION })
      : null;
    let url: string | null = null;
    if (server && opts.listen !== false) {
      await server.listen({ port: config.port, host: config.host });
      const addr = server.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      url = `http://localhost:${port}`;
    }
    worker?.start();
    maintenance?.start();
    let closed = false;
    return {
      ctx, server, worker, url,
      async close() {
        if (closed) return;
        closed = true;
        await server?.close();
        await maintenance?.stop();
        await worker?.stop();
        if (ownsDb) await db.close();
      },
    };
  } catch (err) {
    if (ownsDb) await db.close().catch(() => {});
    throw err;
  }
}

/**
 * What services need from the outside world, built once by the composition root (src/app/start.ts)
 * and handed to routes, jobs and the CLI.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db } from '../db/client.js';
import type { Secrets } from './secrets.js';
import type { HttpClient } from '../net/http.types.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { MediaStore } from '../media/media.store.js';

export interface AppContext {
  config: Config;
  db: Db;
  secrets: Secrets;
  http: HttpClient;
  providers: ProviderRegistry;
  mediaStore: MediaStore;
  logger: FastifyBaseLogger;
  /** Wakes the local worker when something became due now (publish now, retry). */
  wakeWorker(): void;
}

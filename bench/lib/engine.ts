/**
 * A fresh, migrated database for one benchmark run, on the engine Varde itself would use: the
 * PostgreSQL server named by DATABASE_URL (a new `varde_bench_<rand>` database, dropped after) or
 * PGlite in a temporary data directory (removed after). Runs never see each other's rows.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, pgliteOf, type Db } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import type { PGlite } from '@electric-sql/pglite';

export interface BenchDatabase {
  engine: 'postgres' | 'pglite';
  db: Db;
  /** The run's own database URL (PostgreSQL only). */
  url?: string;
  /** The PGlite instance behind `db` (PGlite only). */
  pglite?: PGlite;
  /** A readable name for the report: server version or PGlite. */
  label: string;
  drop(): Promise<void>;
}

export async function openBenchDatabase(adminUrl: string | undefined): Promise<BenchDatabase> {
  return adminUrl ? openPostgresBench(adminUrl) : openPgliteBench();
}

async function openPostgresBench(adminUrl: string): Promise<BenchDatabase> {
  const name = `varde_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // The same pool Varde opens for itself (openDatabase): default size.
  const db = openPostgres(url.toString());
  await migrate(db);
  return {
    engine: 'postgres',
    db,
    url: url.toString(),
    label: `PostgreSQL ${version}`,
    async drop() {
      await db.close().catch(() => {});
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function openPgliteBench(): Promise<BenchDatabase> {
  // A real data directory, as `varde start` uses, not an in-memory database.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bench-'));
  const db = await openPglite(path.join(root, 'db'));
  await migrate(db);
  const pglite = pgliteOf(db)!;
  const version = (await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`))[0].v;
  return {
    engine: 'pglite',
    db,
    pglite,
    label: `PGlite (PostgreSQL ${version}, WASM, in-process)`,
    async drop() {
      await db.close().catch(() => {});
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Test databases on the real engines: PGlite in-process (from the migrated template), and a fresh
 * database on the PostgreSQL server named by VARDE_TEST_DATABASE_URL (CI sets it).
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

export type Engine = 'pglite' | 'postgres';

/** The engines to run integration suites on: PGlite always, PostgreSQL when configured. */
export const ENGINES: Engine[] = process.env.VARDE_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export const hasPostgres = Boolean(process.env.VARDE_TEST_DATABASE_URL);

export interface TestDatabase {
  db: Db;
  /** For PostgreSQL: the URL of this test's own database (other processes can join it). */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const file = inject('pgliteTemplate');
    const db = await openPglite(null, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    return { db, drop: () => db.close() };
  }
  return createPostgresDatabase();
}

/** A fresh, migrated database on the PostgreSQL server, dropped by `drop()`. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.VARDE_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('VARDE_TEST_DATABASE_URL is not set');
  const name = `varde_t_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 10 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * Applies the SQL migrations in src/db/migrations in order, each in its own transaction, under an
 * advisory lock so that several processes starting at once against one server migrate once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7_261_004_211;

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Returns the versions applied by this call. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      const rows = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [m.version]);
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [m.version]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

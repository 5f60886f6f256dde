/**
 * The database client: PGlite (PostgreSQL in WASM, in-process) by default, a PostgreSQL server
 * when DATABASE_URL is set. One SQL dialect; repositories only see `Queryable`.
 *
 * Conventions every query follows so both engines behave alike: jsonb parameters are passed as
 * JSON strings with an explicit `::jsonb` cast; counts are cast to `::int`; timestamps come back
 * as Date objects.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { acquireDirLock, type DirLock } from './dir-lock.js';

export type Row = Record<string, any>;

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL without parameters; may hold several statements. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// int8 (counts, sums) as numbers, as PGlite returns them; our ids are uuid/text, never int8 beyond 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens a PostgreSQL server connection pool. */
export function openPostgres(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', () => {
    /* idle client errors surface on the next query */
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await c.query(sql, params as any[]);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Opens the embedded database in `dir`, holding an exclusive lock on the directory for the life
 * of the handle: two processes on one PGlite directory corrupt it silently.
 */
export async function openPglite(dir: string | null, options: { loadDataDir?: Blob | File } = {}): Promise<Db> {
  let lock: DirLock | null = null;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    lock = acquireDirLock(path.join(dir, '..'), path.basename(dir));
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dir ? dir : undefined, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (err) {
    lock?.release();
    throw err;
  }
  const wrap = (c: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await c.query<T>(sql, params as any[]);
      return res.rows;
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx as any))),
    async close() {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
    // exposed for test templates
    ...({ pglite: db } as object),
  } as Db;
}

/** The PGlite instance behind a Db, for dumping test templates. */
export function pgliteOf(db: Db): PGlite | undefined {
  return (db as unknown as { pglite?: PGlite }).pglite;
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'db'));
}

/**
 * Once per test run: a migrated PGlite database dumped to a file, loaded by each test in ~0.5 s
 * instead of creating and migrating a fresh one; and the one-line notices for suites that need a
 * PostgreSQL server or Chromium and were not enabled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.js';

export const TEMPLATE_FILE = path.resolve('.varde-test/template.tar.gz');

export default async function setup(project: TestProject) {
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  const pg = await PGlite.create();
  const db = {
    kind: 'pglite' as const,
    query: async (sql: string, params?: unknown[]) => (await pg.query(sql, params as any[])).rows as any[],
    exec: async (sql: string) => void (await pg.exec(sql)),
    transaction: (fn: any) => pg.transaction((tx) => fn({ query: async (s: string, p?: unknown[]) => (await tx.query(s, p as any[])).rows, exec: async (s: string) => void (await tx.exec(s)) })),
    close: () => pg.close(),
  };
  await migrate(db as any);
  const dump = await pg.dumpDataDir('gzip');
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  project.provide('pgliteTemplate', TEMPLATE_FILE);

  if (!process.env.VARDE_TEST_DATABASE_URL) {
    const msg = 'PostgreSQL suite skipped: set VARDE_TEST_DATABASE_URL=postgres://user@host:5432/db to run it.';
    if (process.env.VARDE_REQUIRE_ALL_SUITES === '1') throw new Error(`${msg} (VARDE_REQUIRE_ALL_SUITES=1 forbids skipping)`);
    console.log(msg);
  }
  const chromium = process.env.VARDE_CHROMIUM ?? '/usr/lib/chromium/chromium';
  if (!fs.existsSync(chromium)) {
    const msg = `Browser suite skipped: no Chromium at ${chromium}; install it with \`apt-get install chromium\` (or set VARDE_CHROMIUM) to run it.`;
    if (process.env.VARDE_REQUIRE_ALL_SUITES === '1') throw new Error(`${msg} (VARDE_REQUIRE_ALL_SUITES=1 forbids skipping)`);
    console.log(msg);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

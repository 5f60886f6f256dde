/**
 * Generates web/src/api/schema.d.ts from the server's OpenAPI document (built in-process from the
 * route schemas by buildServer; no database, nothing listens). `--check` only reports whether the
 * file is current (exit 1 when not). Run: npm run gen:api
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import type { AppContext } from '../../src/app/context.js';
import { createRegistry } from '../../src/providers/registry.js';
import { buildServer } from '../../src/server/server.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const HEADER = `/**
 * The Varde API as TypeScript types, generated from the OpenAPI document by web/scripts/gen-api.ts.
 * Do not edit: run \`npm run gen:api\` after changing a route's schema.
 */
`;

/** The generated file's text for the current route schemas. */
export async function generateSchema(): Promise<string> {
  const config = loadConfig({});
  // Routes are only registered, never called: a database that answers nothing is enough.
  const db = { kind: 'pglite', query: async () => [], exec: async () => {}, transaction: async (fn: (tx: unknown) => unknown) => fn(db), close: async () => {} };
  const ctx = { config, db, providers: createRegistry(), logger: createLogger('silent') } as unknown as AppContext;
  const app = await buildServer(ctx, { queueReady: () => true, version: 'generated' });
  await app.ready();
  const doc = dropMalformedParameters(app.swagger() as unknown as OpenApiDoc);
  await app.close();
  const ast = await openapiTS(doc as never, { alphabetize: true });
  return HEADER + astToString(ast);
}

type OpenApiDoc = { paths: Record<string, Record<string, { parameters?: { name: string; schema: unknown }[] }>> };

/**
 * A querystring declared as a zod record comes out of the schema transform as parameters whose
 * `schema` is a bare string, which is not OpenAPI; leave those out (the route keeps working).
 */
function dropMalformedParameters(doc: OpenApiDoc): OpenApiDoc {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const bad = (op.parameters ?? []).filter((p) => typeof p.schema !== 'object');
      if (bad.length === 0) continue;
      console.warn(`gen-api: ${method.toUpperCase()} ${path}: left out malformed parameter(s) ${bad.map((p) => p.name).join(', ')}`);
      op.parameters = op.parameters!.filter((p) => typeof p.schema === 'object');
    }
  }
  return doc;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const text = await generateSchema();
  const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('web/src/api/schema.d.ts is out of date: run npm run gen:api');
      process.exit(1);
    }
    console.log('web/src/api/schema.d.ts is current');
  } else {
    fs.writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}

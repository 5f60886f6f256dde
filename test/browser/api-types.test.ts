/**
 * The web app's API types (web/src/api/schema.d.ts) are generated from the server's OpenAPI
 * document; this fails when a route changed and `npm run gen:api` was not run, so the app is never
 * typed against an API that no longer exists. (No browser needed.)
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchema, SCHEMA_FILE } from '../../web/scripts/gen-api.js';

describe('web API types', () => {
  it('match the OpenAPI document the server generates (run `npm run gen:api` if not)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8') === (await generateSchema()), 'web/src/api/schema.d.ts is stale: run npm run gen:api').toBe(true);
  });
});

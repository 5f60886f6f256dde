#!/usr/bin/env node
/**
 * `npm run dev`: Varde's server (API + worker, `varde start` on port 8080 unless PORT is set) and
 * Vite's dev server with hot reload on http://localhost:5173, which proxies /api to it. With
 * VARDE_URL set, only Vite runs, proxying to that server instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const root = path.resolve(web, '..');
let server = null;
let stopping = false;

if (!process.env.VARDE_URL) {
  const port = process.env.PORT ?? '8080';
  process.env.VARDE_URL = `http://localhost:${port}`;
  server = spawn(process.execPath, [path.join(root, 'bin', 'varde.js'), 'start'], { stdio: 'inherit', env: { ...process.env, PORT: port } });
  server.on('exit', (code) => {
    if (!stopping) console.error(`varde: the server stopped (exit ${code}); stopping the dev server too`);
    process.exit(code ?? 1);
  });
}

const { createServer } = await import('vite');
const vite = await createServer({ configFile: path.join(web, 'vite.config.ts') });
await vite.listen();
vite.printUrls();
console.log(`  ➜  API:     proxied to ${process.env.VARDE_URL}`);

const stop = async () => {
  if (stopping) return;
  stopping = true;
  server?.kill('SIGINT'); // Varde shuts down cleanly on SIGINT; its exit ends this process
  await vite.close();
  if (!server) process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

#!/usr/bin/env node
/**
 * Builds the web app when web/dist is missing or older than its sources (web/src, web/index.html,
 * web/public, the Vite config, the shared rules in src/core, package-lock.json), so `npm start` on a
 * fresh clone serves the app. A lock directory keeps parallel callers (test workers) from building
 * at once: the second waits and finds the build fresh. `--force` always builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const root = path.resolve(web, '..');
const index = path.join(web, 'dist', 'index.html');
const lock = path.join(root, 'node_modules', '.cache', 'varde-web-build.lock');
const SOURCES = ['src', 'index.html', 'public', 'vite.config.ts'].map((p) => path.join(web, p)).concat([path.join(root, 'src', 'core'), path.join(root, 'package-lock.json')]);

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function isStale() {
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.some((p) => newestMtime(p) > built);
}

function takeLock() {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  try {
    fs.mkdirSync(lock);
    return true;
  } catch {
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed build
    return false;
  }
}

export async function ensureBuild({ force = false, quiet = false } = {}) {
  if (!force && !isStale()) return false;
  while (!takeLock()) await new Promise((r) => setTimeout(r, 500));
  try {
    if (!force && !isStale()) return false; // built by whoever held the lock
    let vite;
    try {
      vite = await import('vite');
    } catch {
      throw new Error('web/dist is missing and Vite is not installed: run `npm install` (with dev dependencies), then `npm run build:web`.');
    }
    if (!quiet) console.log('varde: building the web app (web/dist)…');
    const started = Date.now();
    // A production build even when called from a test runner (vitest sets NODE_ENV=test, which
    // would bundle React's development build).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await vite.build({ configFile: path.join(web, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'warn' : 'info' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    if (!quiet) console.log(`varde: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuild({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') }).catch((err) => {
    console.error(`varde: ${err.message}`);
    process.exitCode = 1;
  });
}

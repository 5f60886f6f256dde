/**
 * Vite for the web app: React, the shared rules from src/core (outside this folder, so the dev
 * server may read the repository), precompressed assets for the server to send as they are, and in
 * development a proxy that sends /api to a running Varde (VARDE_URL, default http://localhost:8080)
 * keeping the Host header, so the server's same-origin check sees the page's own origin.
 */
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = path.resolve(webRoot, '..');
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Writes .gz and .br next to each text asset, so the server never compresses on the fly. */
function precompress(): Plugin {
  return {
    name: 'varde-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      await Promise.all(Object.keys(bundle).filter((f) => /\.(js|css|svg|json)$/.test(f)).map(async (file) => {
        const data = await fs.readFile(path.join(dir, file));
        if (data.length < 1024) return;
        await fs.writeFile(path.join(dir, `${file}.gz`), await gzip(data, { level: 9 }));
        await fs.writeFile(path.join(dir, `${file}.br`), await brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }));
      }));
    },
  };
}

const target = process.env.VARDE_URL ?? 'http://localhost:8080';

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      checks: { pluginTimings: false },
      // Fewer, larger chunks for what every screen needs (a few requests instead of dozens);
      // screens and heavy views (calendar grid, composer) stay split and load on demand.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'vendor', test: /node_modules[\\/](react-router|@tanstack[\\/](query-core|react-query)|i18next|react-i18next|openapi-fetch|lucide-react)[\\/]/, priority: 2 },
            { name: 'app', test: /web[\\/]src[\\/](api|app|i18n[\\/](index|format|problems)|lib|ui[\\/](badges|ErrorNote|Field|Toasts|TimeZoneSelect|CopyValue))/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target, changeOrigin: false },
      '/healthz': { target, changeOrigin: false },
    },
  },
  optimizeDeps: { include: ['twitter-text'] },
});

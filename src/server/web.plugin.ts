/**
 * The web app (web/dist, built by Vite) served at `/` by the same server as the API, plus the
 * small API routes that exist for it (first-run state, networks, calendar, link previews). Hashed assets under
 * /assets/ are cached for a year (served precompressed when the build wrote .br/.gz files);
 * index.html is revalidated on every load; any other GET outside /api gets index.html so the app's
 * router handles deep links; when the build is missing, a page says how to make it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../app/context.js';
import { calendarRoutes } from '../calendar/calendar.routes.js';
import { instanceRoutes } from './instance.routes.js';
import { linkPreviewRoutes } from './link-preview.routes.js';
import { networksRoutes } from './networks.routes.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Scripts only from our origin; images may come from link-preview sites (https) and uploads (blob:). */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob: https:",
  "media-src 'self' blob:", "connect-src 'self'", "font-src 'self' data:", "object-src 'none'", "base-uri 'self'",
  "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export interface WebAppOptions {
  /** The built app; defaults to web/dist in the repository. */
  distDir?: string;
}

export async function registerWebApp(app: FastifyInstance, ctx: AppContext, opts: WebAppOptions = {}) {
  instanceRoutes(app, ctx);
  networksRoutes(app, ctx);
  calendarRoutes(app, ctx);
  linkPreviewRoutes(app, ctx);

  const dist = path.resolve(opts.distDir ?? WEB_DIST);
  const indexFile = path.join(dist, 'index.html');
  // Registered even when the build is missing, so a build made while the server runs is served.
  await app.register(fastifyStatic, {
    root: path.join(dist, 'assets'),
    prefix: '/assets/',
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
    index: false,
    logLevel: 'warn',
  });

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const urlPath = req.url.split('?')[0];
    if (urlPath === '/api' || urlPath.startsWith('/api/') || urlPath.startsWith('/assets/')) return reply.callNotFound();
    const topLevelFile = /^\/[\w.-]+\.(svg|png|ico|txt|webmanifest|json)$/.exec(urlPath);
    if (topLevelFile && fs.existsSync(path.join(dist, urlPath))) {
      return reply.sendFile(urlPath.slice(1), dist, { maxAge: 3_600_000, immutable: false });
    }
    return sendIndex(reply, indexFile);
  });
}

async function sendIndex(reply: FastifyReply, indexFile: string) {
  let html: string;
  try {
    html = await fs.promises.readFile(indexFile, 'utf8');
  } catch {
    return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(MISSING_BUILD_PAGE);
  }
  return reply.header('cache-control', 'no-cache').header('content-security-policy', CSP).type('text/html; charset=utf-8').send(html);
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Varde — the web app is not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2430}code{background:#eef1f5;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>Varde is running, but its web app has not been built</h1>
<p>The API works (see <a href="/api/docs">the API reference</a>). To get the web app:</p>
<ol><li>Run <code>npm run build:web</code> in the Varde folder (or start with <code>npm start</code>, which builds it when needed).</li>
<li>Reload this page.</li></ol>
<p>While developing, <code>npm run dev</code> serves the app with hot reload on port 5173.</p>
</body></html>`;

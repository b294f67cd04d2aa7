// The web application (web/, built into web/dist by `npm run build:web`, which `npm install` runs)
// served by the same server: files under web/dist as they are, and index.html for every other path
// outside the API so the browser's router takes over (SPA fallback). /api, /pki, /health and
// /openapi.json stay the API's: an unknown path there is the API's problem+json 404.
import { existsSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const API_PREFIXES = ['/api', '/pki', '/health', '/openapi.json', '/gateway-sim'];
const NOT_BUILT = 'The web application has not been built. Run `npm run build:web` (npm install does it) and reload.\nThe API answers meanwhile: /health, /openapi.json, /api/catalog.\n';

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function registerWeb(f: FastifyInstance, opts: { dist?: string } = {}): Promise<void> {
  const dist = opts.dist ?? WEB_DIST;
  const index = join(dist, 'index.html');
  let built = existsSync(index);
  if (!built) process.stderr.write(`qyzmet: ${dist} has no build of the web application; run \`npm run build:web\`. The API is served meanwhile.\n`);
  await f.register(fastifyStatic, { root: dist, serve: false, cacheControl: false, suppressWarning: true });

  f.get<{ Params: { '*': string } }>('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (isApiPath(path)) return reply.callNotFound();
    built ||= existsSync(index);
    if (!built) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    const rel = req.params['*'] ?? '';
    if (rel && !rel.split('/').includes('..')) {
      const file = join(dist, rel);
      if (file.startsWith(dist + sep) && isFile(file)) {
        // Vite names assets by their content hash: they never change under one name.
        reply.header('cache-control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
        return reply.sendFile(rel);
      }
    }
    // A missing asset is a 404, not the page (a stale tab asking for an old chunk must not get HTML).
    if (rel.startsWith('assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}

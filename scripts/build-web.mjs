// Builds the web application (web/ → web/dist) with Vite, offline, and prints what a browser
// downloads: the initial JavaScript (entry and its static imports, gzipped) against the 250 KB
// budget, and the chunks loaded later (pages, the EDS code). Run by `npm install` (postinstall)
// and `npm run build:web`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const BUDGET = 250 * 1024;

const started = Date.now();
const { build } = await import('vite');
await build({ root: web, configFile: join(web, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g)].map((m) => m[1]);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const lazy = all.filter((f) => !initial.includes(f));
const initialGz = initial.reduce((n, f) => n + gz(f), 0);

const lines = [`web: built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`];
lines.push(`web: initial JavaScript ${kb(initialGz)} gzipped (budget ${kb(BUDGET)}): ${initial.map((f) => `${f.replace('assets/', '')} ${kb(gz(f))}`).join(', ')}`);
if (css.length) lines.push(`web: CSS ${css.map((f) => `${f.replace('assets/', '')} ${kb(gz(f))}`).join(', ')}`);
lines.push(`web: loaded on demand: ${lazy.map((f) => `${f.replace('assets/', '')} ${kb(gz(f))}`).join(', ')}`);
lines.push(`web: total ${kb(all.reduce((n, f) => n + statSync(join(dist, f)).size, 0))} of JavaScript before compression`);
console.log(lines.join('\n'));
if (initialGz > BUDGET) {
  console.error(`web: WARNING: the initial JavaScript (${kb(initialGz)} gzipped) is over the ${kb(BUDGET)} budget`);
  process.exitCode = 1;
}

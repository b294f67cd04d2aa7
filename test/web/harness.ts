// The browser tests' harness: a fresh instance (temp data dir, demo CA and users, key stores written
// there) served over HTTP on 127.0.0.1 with the built web application, Debian's Chromium driven by
// playwright-core, axe-core run on every page visited, and a screenshot of each.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { after, before, type TestContext } from 'node:test';
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openApp, type App } from '../../src/app/context.ts';
import { bootstrapDemo, type DemoUsers } from '../../src/app/bootstrap.ts';
import { buildServer } from '../../src/http/server.ts';
import { signText } from '../../src/app/session.ts';
import type { KeyMaterial } from '../../src/app/bootstrap.ts';
import { en } from '../../web/src/lib/messages/en.ts';
import { ru } from '../../web/src/lib/messages/ru.ts';
import { kk } from '../../web/src/lib/messages/kk.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_SKIP = `Chromium not found at ${CHROMIUM}: browser tests SKIPPED`;
export const hasChromium = existsSync(CHROMIUM);

/** Marks the test skipped, saying why, when there is no Chromium to drive; true then. */
export function skipWithoutChromium(t: TestContext): boolean {
  if (hasChromium) return false;
  t.skip(CHROMIUM_SKIP);
  return true;
}

export const PASSWORD = 'qyzmet-demo';

export type Lang = 'kk' | 'ru' | 'en';
type Dict = typeof en;
export const MESSAGES: Record<Lang, Dict> = { kk: kk as Dict, ru: ru as Dict, en };

/** A message as the page shows it, with its {placeholders} filled. */
export function msg(lang: Lang, key: keyof Dict, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (params[k] !== undefined ? String(params[k]) : m));
}

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'web');
const SHOTS = join(ROOT, 'test-results', 'screenshots');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/**
 * Builds web/dist when it is missing or older than its sources. Test files run in parallel: a lock
 * directory makes the others wait for one build instead of replacing files a server is serving.
 */
export function ensureWebBuilt(): void {
  const lock = join(ROOT, 'test-results', '.web-build-lock');
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 60_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    const index = join(WEB, 'dist', 'index.html');
    const sources = Math.max(newest(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs, statSync(join(WEB, 'vite.config.ts')).mtimeMs);
    if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `building the web application failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Instance {
  app: App;
  users: DemoUsers;
  server: FastifyInstance;
  base: string;
  keys: string;
  dir: string;
  close(): Promise<void>;
}

/** A port free on 127.0.0.1 now (the OS picks it), for a server that must know its URL before it listens. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * A fresh instance on 127.0.0.1. Its public URL names the port it listens on, so the absolute URLs
 * the server writes (the payment gateway's payUrl and way back, CRL and OCSP addresses) reach it.
 */
export async function startInstance(): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-web-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await openApp({ databaseUrl: join(dir, 'qyzmet.sqlite'), caPassphrase: 'web-test', publicUrl: base, dataDir: dir });
  const users = (await bootstrapDemo(app, { population: { individuals: 150, legalEntities: 20 } }))!;
  const server = await buildServer(app);
  await server.listen({ port, host: '127.0.0.1' });
  return {
    app,
    users,
    server,
    base,
    keys: join(dir, 'keys'),
    dir,
    async close() {
      await server.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The API over HTTP, for setting up a case before the browser takes over. */
/**
 * A test file's server and browser: before its tests, web/dist built (with `screenshots`, the
 * screenshot folder emptied first), one fresh instance and one Chromium, handed to `ready`; after
 * them, both closed. Without Chromium, nothing starts and the tests skip themselves.
 */
export function browserSuite(ready: (inst: Instance, browser: Browser) => void, opts: { screenshots?: boolean } = {}): void {
  let inst: Instance | undefined;
  let browser: Browser | undefined;
  before(async () => {
    if (!hasChromium) return;
    ensureWebBuilt();
    if (opts.screenshots) resetScreenshots();
    inst = await startInstance();
    browser = await launch();
    ready(inst, browser);
  });
  after(async () => {
    await browser?.close();
    await inst?.close();
  });
}

export async function api(inst: Instance, method: 'GET' | 'POST', path: string, opts: { token?: string; body?: unknown; idem?: string } = {}): Promise<any> {
  const res = await fetch(inst.base + path, {
    method,
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.idem ? { 'idempotency-key': opts.idem } : {}) },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function apiLogin(inst: Instance, key: KeyMaterial): Promise<string> {
  const ch = await api(inst, 'POST', '/api/auth/challenge', { body: {} });
  return (await api(inst, 'POST', '/api/auth/signin', { body: { challengeId: ch.challengeId, signature: await signText(key, ch.nonce) } })).token;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Starts the run's screenshots afresh. */
export function resetScreenshots(): void {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const res = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  });
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let shot = 0;

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** false: the browser's own language, not the person's, until they switch. */
  presetLang?: boolean;
}

/**
 * One person's part of a test: `person` opened at `browser` (with `opts`), `body` run, the person's
 * browser context closed however the body ends. With the test's context `t`, the test is skipped
 * (and nothing opened) when there is no Chromium.
 */
export async function withPerson<T>(t: TestContext | undefined, who: { person: Person; browser: Browser } & OpenOptions, body: (p: Person) => Promise<T>): Promise<T | undefined> {
  if (t && skipWithoutChromium(t)) return undefined;
  const { person, browser, ...opts } = who;
  const p = await person.open(browser, opts);
  try {
    return await body(p);
  } finally {
    await p.close();
  }
}

/**
 * One person at one browser: a context of their own (their own session), the language chosen, and
 * `visit`, which checks a page with axe-core and saves its screenshot.
 */
export class Person {
  page!: Page;
  ctx!: BrowserContext;
  readonly errors: string[] = [];
  constructor(
    readonly name: string,
    readonly lang: Lang,
    readonly inst: Instance,
  ) {}

  async open(browser: Browser, opts: OpenOptions = {}): Promise<this> {
    this.ctx = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, acceptDownloads: true });
    if (opts.presetLang !== false) {
      await this.ctx.addInitScript((l: string) => {
        if (!localStorage.getItem('qyzmet.lang')) localStorage.setItem('qyzmet.lang', l);
      }, this.lang);
    }
    this.page = await this.ctx.newPage();
    this.page.setDefaultTimeout(15_000);
    this.page.on('pageerror', (e) => this.errors.push(`${this.name}: ${e.message}`));
    this.page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) this.errors.push(`${this.name} console: ${m.text()}`);
    });
    return this;
  }

  t(key: keyof Dict, params: Record<string, string | number> = {}): string {
    return msg(this.lang, key, params);
  }

  /** A plural message (`key.one`, `key.few`, …) for `n`, chosen as the page's tp() chooses it. */
  tp(key: string, n: number): string {
    const dict = MESSAGES[this.lang] as Record<string, string>;
    const s = dict[`${key}.${new Intl.PluralRules(this.lang).select(n)}`] ?? dict[`${key}.other`] ?? key;
    return s.replace('{n}', new Intl.NumberFormat(this.lang).format(n));
  }

  /** A link of the main menu. */
  nav(key: keyof Dict) {
    return this.page.getByRole('navigation', { name: this.t('nav.main') }).getByRole('link', { name: this.t(key), exact: true });
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.inst.base + path);
  }

  /** Waits for the page's heading, runs axe-core, saves a screenshot. */
  async visit(label: string, heading?: string | RegExp): Promise<void> {
    const h1 = this.page.locator('main h1').first();
    if (heading) await h1.filter({ hasText: heading }).waitFor();
    else await h1.waitFor();
    // A page may load several parts at once (the cabinet: cases and notices): wait until none is loading.
    const loading = this.page.locator('main [role=status]', { hasText: MESSAGES[this.lang]['common.loading'] });
    for (const until = Date.now() + 30_000; (await loading.count()) > 0; ) {
      assert.ok(Date.now() < until, `${label}: still loading after 30 s`);
      await this.page.waitForTimeout(50);
    }
    const violations = await axeViolations(this.page);
    // At phone width nothing may need horizontal scrolling of the whole page.
    const overflow = await this.page.evaluate(() => (window.innerWidth < 600 ? document.documentElement.scrollWidth - window.innerWidth : 0));
    shot += 1;
    mkdirSync(SHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SHOTS, `${String(shot).padStart(3, '0')}-${this.lang}-${this.name}-${label}.png`), fullPage: true });
    assert.deepEqual(
      violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) })),
      [],
      `axe-core: serious/critical violations on "${label}" (${this.lang}, ${this.name})`,
    );
    assert.ok(overflow <= 0, `"${label}" (${this.lang}) is ${overflow}px wider than the phone's screen`);
  }

  async signIn(keyStore: string, password = PASSWORD): Promise<void> {
    const p = this.page;
    if (!new URL(p.url()).pathname.startsWith('/signin')) await this.goto('/signin');
    await p.locator('main input[type=file]').setInputFiles(join(this.inst.keys, keyStore));
    await p.locator('main input[type=password]').fill(password);
    await p.getByRole('button', { name: this.t('signin.submit'), exact: true }).click();
  }

  /** Fills the sign dialog with a key store and presses Sign (twice quickly with `double`). */
  async signWith(keyStore: string, opts: { double?: boolean; password?: string } = {}): Promise<void> {
    const d = this.page.locator('dialog[open]');
    await d.waitFor();
    await d.locator('input[type=file]').setInputFiles(join(this.inst.keys, keyStore));
    await d.locator('input[type=password]').fill(opts.password ?? PASSWORD);
    const button = d.getByRole('button', { name: this.t('sign.submit'), exact: true });
    if (opts.double) await button.dblclick();
    else await button.click();
  }

  async close(): Promise<void> {
    await this.ctx.close();
  }
}

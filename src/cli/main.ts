// The qyzmet command: run the server, play the demo, compute deadlines, read the catalog.
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { defaultConfig, openApp, type App } from '../app/context.ts';
import { bootstrapDemo, DEMO_KEYSTORE_PASSWORD } from '../app/bootstrap.ts';
import { writeFileSync } from 'node:fs';
import { catalogList, planFor } from '../app/catalog.ts';
import { AppError, notFound } from '../app/errors.ts';
import { toBpmn } from '../core/bpmn.ts';
import { LANGS, type Lang } from '../core/diagram-layout.ts';
import { lintCatalog, sortFindings, type Finding } from '../core/lint.ts';
import { findSubcase, type ServiceDefinition, type SourceRef } from '../core/regulation.ts';
import { buildServer } from '../http/server.ts';
import { runDemo } from './demo.ts';
import { startJobs } from '../app/jobs.ts';
import { registryCommand } from './registry.ts';
import { pkiCli, signCli, verifyCli } from './pki.ts';

const HELP = `qyzmet — Kazakhstan's state services run as their regulations describe them

Usage:
  qyzmet serve [--port 8080] [--host 127.0.0.1] [--workers N]
                                                   run the server (SQLite under ./data, or QYZMET_DATABASE_URL);
                                                   N processes share the port and the database
  qyzmet demo [--json]                             play the crypto-licence service end to end and print the timeline
  qyzmet deadline SERVICE_ID SUBCASE --received ISO_DATETIME [--channel C] [--json]
                                                   each step's due date and the overall due date
  qyzmet catalog list [--json]                     the services with their ids and versions
  qyzmet catalog show ID [--at DATE | --version V] the definition in force at a date, or any version (JSON)
  qyzmet catalog bpmn ID [--subcase S] [--out FILE] [--at DATE | --version V] [--lang kk|ru|en]
                                                   the procedure as BPMN 2.0 XML with its diagram
  qyzmet catalog lint [ID] [--json]                check the definitions (every version); exit 1 on errors
  qyzmet registry search|verify ...                the registries of results (qyzmet registry --help)
  qyzmet pki init|issue|revoke|crl|status|audit|index ...
                                                   the certification authority (qyzmet pki help)
  qyzmet sign FILE --p12 FILE --password P         detached CMS signature of a file
  qyzmet verify FILE.p7s [--content FILE]          verify a signature: chain, validity, revocation

Environment:
  QYZMET_DATABASE_URL   postgres://user:pass@host/db to use PostgreSQL (default: SQLite at ./data/qyzmet.sqlite)
  QYZMET_DATA_DIR       where the SQLite file and demo key stores live (default ./data)
  QYZMET_CA_PASSPHRASE  protects the CA private keys at rest
  PORT, HOST            where the server listens (default 8080 on 0.0.0.0)
  QYZMET_WORKERS        server processes (default 1)
`;

/** Commands that only read the catalog run without touching any database. */
async function catalogApp(): Promise<App> {
  return openApp({ ...defaultConfig(), databaseUrl: ':memory:', dataDir: null }, { withoutCa: true });
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'serve':
        return await serve(rest);
      case 'demo':
        return await runDemo(rest);
      case 'deadline':
        return await deadline(rest);
      case 'catalog':
        return await catalog(rest);
      case 'registry':
        return await registryCommand(rest);
      case 'pki':
        return await pkiCli(rest);
      case 'sign':
        return await signCli(rest);
      case 'verify':
        return await verifyCli(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return cmd === undefined ? 2 : 0;
      default:
        process.stderr.write(`qyzmet: unknown command "${cmd}"\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof AppError) {
      process.stderr.write(`qyzmet: ${e.message}${e.field ? ` (${e.field})` : ''}\n`);
      return 1;
    }
    throw e;
  }
}

async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } } });
  const config = defaultConfig();
  const workers = Math.max(1, Number(values.workers ?? process.env.QYZMET_WORKERS ?? 1) || 1);
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  const host = values.host ?? process.env.HOST ?? '0.0.0.0';

  if (workers > 1 && cluster.isPrimary) {
    // The instance is prepared once (migrations, CA, demo data); the workers are stateless and
    // share the port and the database.
    const app = await openApp(config);
    await announceDemo(config, await bootstrapDemo(app));
    await app.close();
    let stopping = false;
    for (let i = 0; i < workers; i++) cluster.fork();
    cluster.on('exit', (w, code) => {
      if (stopping) return;
      process.stderr.write(`qyzmet: worker ${w.process.pid} exited (${code}); starting another\n`);
      cluster.fork();
    });
    const stop = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      setTimeout(() => process.exit(0), 200).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.stdout.write(`qyzmet listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} with ${workers} workers\n`);
    await new Promise(() => {});
    return 0;
  }

  const app = await openApp(config);
  if (cluster.isPrimary) await announceDemo(config, await bootstrapDemo(app));
  const server = await buildServer(app, { logger: process.env.QYZMET_LOG !== '0' });
  const stopJobs = startJobs(app);
  server.addHook('onClose', async () => stopJobs());
  await server.listen({ port, host });
  if (cluster.isPrimary) process.stdout.write(`qyzmet listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (${app.store.engine})\n`);
  const stop = async () => {
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {});
  return 0;
}

async function announceDemo(config: ReturnType<typeof defaultConfig>, demo: unknown) {
  if (demo) process.stdout.write(`First start: created the CA, the demo population and demo users. Key stores: ${config.dataDir}/keys (password ${DEMO_KEYSTORE_PASSWORD}).\n`);
}

async function deadline(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { received: { type: 'string' }, channel: { type: 'string' }, json: { type: 'boolean' } } });
  const [serviceId, subcase] = positionals;
  if (!serviceId || !subcase || !values.received) {
    process.stderr.write('usage: qyzmet deadline SERVICE_ID SUBCASE --received ISO_DATETIME [--channel C] [--json]\n');
    return 2;
  }
  const app = await catalogApp();
  try {
    const plan = planFor(app, serviceId, { subcase, received: values.received, ...(values.channel ? { channel: values.channel } : {}) });
    if (values.json) {
      process.stdout.write(JSON.stringify({ service: plan.service, subcase: plan.subcase, received: plan.received, steps: plan.steps.map((s) => ({ id: s.id, role: s.role, due: s.due })), due: plan.due }) + '\n');
    } else {
      process.stdout.write(`${plan.service} / ${plan.subcase} (${plan.channel}), received ${plan.received}\n`);
      for (const s of plan.steps) process.stdout.write(`  ${s.id.padEnd(14)} ${s.role.padEnd(18)} due ${s.due}\n`);
      process.stdout.write(`  overall due ${plan.due}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

const CATALOG_USAGE = `usage: qyzmet catalog list [--json]
       qyzmet catalog show ID [--at DATE | --version V]
       qyzmet catalog bpmn ID [--subcase S] [--out FILE] [--at DATE | --version V] [--lang kk|ru|en]
       qyzmet catalog lint [ID] [--json]
`;

function parseDate(at: string): Date | undefined {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00+05:00` : at);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Calendar date in Almaty (UTC+5), to compare with effective dates. */
function almatyDay(at: Date): string {
  return new Date(at.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The version of a service to show: `--version`, else the version in force at `--at` (or now);
 * a date no runnable version covers falls back to the version whose effective period covers it,
 * repealed entries kept for their legal history included; with no date, the newest version.
 */
export function pickVersion(app: App, id: string, opts: { at?: Date; version?: string }): ServiceDefinition {
  const versions = app.catalog.versions(id);
  if (versions.length === 0) throw notFound('unknown_service', `no service "${id}" in the catalog; known: ${app.catalog.ids().join(', ')}`, 'id');
  if (opts.version !== undefined) {
    const v = app.catalog.version(id, opts.version);
    if (!v) throw notFound('unknown_version', `service "${id}" has no version "${opts.version}"; versions: ${versions.map((x) => x.version).join(', ')}`, 'version');
    return v;
  }
  const at = opts.at ?? app.now();
  const inForce = app.catalog.inForce(id, at);
  if (inForce) return inForce;
  const day = almatyDay(at);
  const covering = versions.filter((v) => v.effective.from <= day && (!v.effective.to || day < v.effective.to));
  if (covering.length > 0) return covering[covering.length - 1]!;
  if (!opts.at) return versions[versions.length - 1]!;
  throw notFound('not_in_force', `service "${id}" has no version effective on ${day}; versions: ${versions.map((v) => `${v.version} [${v.effective.from}, ${v.effective.to ?? '…'})`).join(', ')}`, 'at');
}

function refText(r: SourceRef): string {
  return `seed ${r.seed}${r.lines ? ` ${r.lines}` : ''}${r.paragraph ? ` ${r.paragraph}` : ''}${r.note ? ` — ${r.note}` : ''}`;
}

function printFindings(findings: Finding[]): void {
  for (const f of findings) {
    const where = [f.subcase, f.step].filter(Boolean).join('/');
    process.stdout.write(`${f.severity.toUpperCase().padEnd(7)} ${f.code}  ${f.serviceId}@${f.version}${where ? ` ${where}` : ''}\n`);
    process.stdout.write(`        ${f.message}\n`);
    for (const r of f.refs) process.stdout.write(`        source: ${refText(r)}\n`);
  }
}

async function catalog(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, at: { type: 'string' }, version: { type: 'string' }, subcase: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } },
  });
  const [sub, id] = positionals;
  let at: Date | undefined;
  if (values.at !== undefined) {
    at = parseDate(values.at);
    if (!at) {
      process.stderr.write('qyzmet: --at must be a date YYYY-MM-DD\n');
      return 2;
    }
  }
  const app = await catalogApp();
  try {
    if (sub === 'list') {
      const list = catalogList(app);
      if (values.json) process.stdout.write(JSON.stringify(list.items) + '\n');
      else for (const s of list.items) process.stdout.write(`${s.id.padEnd(28)} ${s.status.padEnd(8)} ${s.versions.map((v) => v.version).join(',').padEnd(12)} ${s.name.en}\n`);
      return 0;
    }
    if (sub === 'show' && id) {
      process.stdout.write(JSON.stringify(pickVersion(app, id, { ...(at ? { at } : {}), ...(values.version ? { version: values.version } : {}) }), null, 2) + '\n');
      return 0;
    }
    if (sub === 'bpmn' && id) {
      const lang = (values.lang ?? 'en') as Lang;
      if (!LANGS.includes(lang)) {
        process.stderr.write(`qyzmet: --lang must be one of ${LANGS.join(', ')}\n`);
        return 2;
      }
      const svc = pickVersion(app, id, { ...(at ? { at } : {}), ...(values.version ? { version: values.version } : {}) });
      if (values.subcase !== undefined && !findSubcase(svc, values.subcase)) {
        throw notFound('unknown_subcase', `service "${id}" version ${svc.version} has no sub-case "${values.subcase}"; it has: ${svc.subcases.map((s) => s.id).join(', ') || 'none'}`, 'subcase');
      }
      const xml = toBpmn(svc, values.subcase, { lang });
      if (values.out) {
        writeFileSync(values.out, xml);
        process.stderr.write(`wrote ${values.out}: ${svc.id} ${svc.version}${values.subcase ? ` / ${values.subcase}` : ''}\n`);
      } else {
        process.stdout.write(xml);
      }
      return 0;
    }
    if (sub === 'lint') {
      const defs = id ? app.catalog.versions(id) : app.catalog.all();
      if (id && defs.length === 0) throw notFound('unknown_service', `no service "${id}" in the catalog; known: ${app.catalog.ids().join(', ')}`, 'id');
      const findings = sortFindings(lintCatalog(defs));
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.length - errors;
      if (values.json) {
        process.stdout.write(JSON.stringify({ definitions: defs.length, errors, warnings, findings }) + '\n');
      } else {
        printFindings(findings);
        process.stdout.write(`${defs.length} definition(s): ${errors} error(s), ${warnings} warning(s)\n`);
      }
      return errors > 0 ? 1 : 0;
    }
    process.stderr.write(CATALOG_USAGE);
    return 2;
  } finally {
    await app.close();
  }
}

// The qyzmet command: run the server, play the demo, compute deadlines, read the catalog.
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { defaultConfig, openApp, type App } from '../app/context.ts';
import { bootstrapDemo, DEMO_KEYSTORE_PASSWORD } from '../app/bootstrap.ts';
import { catalogList, planFor, resolveService } from '../app/catalog.ts';
import { AppError } from '../app/errors.ts';
import { buildServer } from '../http/server.ts';
import { runDemo } from './demo.ts';

const HELP = `qyzmet — Kazakhstan's state services run as their regulations describe them

Usage:
  qyzmet serve [--port 8080] [--host 127.0.0.1] [--workers N]
                                                   run the server (SQLite under ./data, or QYZMET_DATABASE_URL);
                                                   N processes share the port and the database
  qyzmet demo [--json]                             play the crypto-licence service end to end and print the timeline
  qyzmet deadline SERVICE_ID SUBCASE --received ISO_DATETIME [--channel C] [--json]
                                                   each step's due date and the overall due date
  qyzmet catalog list [--json]                     the services with their ids and versions
  qyzmet catalog show ID [--at DATE]               the definition in force at a date (JSON)

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

async function catalog(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, at: { type: 'string' } } });
  const [sub, id] = positionals;
  const app = await catalogApp();
  try {
    if (sub === 'list') {
      const list = catalogList(app);
      if (values.json) process.stdout.write(JSON.stringify(list.items) + '\n');
      else for (const s of list.items) process.stdout.write(`${s.id.padEnd(28)} ${s.status.padEnd(8)} ${s.versions.map((v) => v.version).join(',').padEnd(12)} ${s.name.en}\n`);
      return 0;
    }
    if (sub === 'show' && id) {
      const at = values.at ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.at) ? `${values.at}T12:00:00+05:00` : values.at) : undefined;
      if (at && Number.isNaN(at.getTime())) {
        process.stderr.write('qyzmet: --at must be a date YYYY-MM-DD\n');
        return 2;
      }
      process.stdout.write(JSON.stringify(resolveService(app, id, at), null, 2) + '\n');
      return 0;
    }
    process.stderr.write('usage: qyzmet catalog list [--json] | qyzmet catalog show ID [--at DATE]\n');
    return 2;
  } finally {
    await app.close();
  }
}

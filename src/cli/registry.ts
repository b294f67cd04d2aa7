// `qyzmet registry`: search the registries of results and verify a result, on the instance's
// database (QYZMET_DATABASE_URL or the SQLite file under QYZMET_DATA_DIR), through the same use
// cases as GET /api/public/registries/:registry and GET /api/public/verify.
import { parseArgs } from 'node:util';
import { defaultConfig, openApp, type App } from '../app/context.ts';
import { integrationsOf } from '../app/integrations.ts';
import type { PublicEntry } from '../app/registries.ts';

export const REGISTRY_USAGE = `usage: qyzmet registry search [--registry R] [--bin B | --iin I | --number N | --name TEXT] [--limit N] [--json]
       qyzmet registry verify NUMBER [--sha256 HEX] [--json]

  search   entries of a registry of results (all registries when --registry is omitted), newest first;
           --name matches words of the holder's name by their beginnings
  verify   was result NUMBER issued, by whom and when, is it still in force, and (with --sha256)
           is the document the one issued; exit 0 only when verified (or issued, without --sha256)
`;

async function open(): Promise<App> {
  const cfg = defaultConfig();
  // A CLI run reads; it never dispatches the outbox of the server it shares the database with.
  return openApp({ ...cfg, integrations: { ...cfg.integrations, notify: { ...cfg.integrations?.notify, dispatch: 'manual' } } }, { withoutCa: true });
}

function line(e: PublicEntry): string {
  const holder = `${e.holder.name} (${e.holder.bin ? `BIN ${e.holder.bin}` : `IIN ${e.holder.iin}`})`;
  return `${e.number.padEnd(24)} ${e.status.padEnd(9)} ${e.issuedAt.slice(0, 10)}  ${holder}  ${e.service.id}/${e.service.subcase}  [${e.registry}]${e.successor ? `  → ${e.successor}` : ''}`;
}

export async function registryCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'search' && sub !== 'verify') {
    (sub === undefined || sub === 'help' || sub === '--help' ? process.stdout : process.stderr).write(REGISTRY_USAGE);
    return sub === 'help' || sub === '--help' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { registry: { type: 'string' }, bin: { type: 'string' }, iin: { type: 'string' }, number: { type: 'string' }, name: { type: 'string' }, limit: { type: 'string' }, sha256: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (e) {
    process.stderr.write(`qyzmet registry: ${(e as Error).message}\n${REGISTRY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (sub === 'search') {
    const given = (['bin', 'iin', 'number', 'name'] as const).filter((k) => values[k] !== undefined);
    if (given.length > 1 || positionals.length > 0) {
      process.stderr.write(`qyzmet registry search: give one of --bin, --iin, --number, --name\n${REGISTRY_USAGE}`);
      return 2;
    }
  } else if (positionals.length !== 1) {
    process.stderr.write(`qyzmet registry verify: give exactly one NUMBER\n${REGISTRY_USAGE}`);
    return 2;
  }
  const app = await open();
  try {
    const reg = integrationsOf(app).registries;
    if (sub === 'verify') {
      const r = await reg.verify({ number: positionals[0], ...(values.sha256 !== undefined ? { sha256: values.sha256 } : {}) });
      if (values.json) process.stdout.write(JSON.stringify(r) + '\n');
      else if (!r.issued) process.stdout.write(`${r.number}: NOT ISSUED — ${r.detail}\n`);
      else {
        const e = r.entry!;
        const doc = r.documentMatches === null ? 'document not checked (give --sha256)' : r.documentMatches ? 'document matches the one issued' : 'DOCUMENT DOES NOT MATCH the one issued';
        process.stdout.write(`${e.number}: issued ${e.issuedAt} by ${e.issuer.name.en} (${e.issuer.id}) to ${e.holder.name}; ${doc}\n`);
        process.stdout.write(`  status ${e.status}${e.valid ? ' (in force)' : ` since ${e.statusAt}${e.statusReason ? `: ${e.statusReason}` : ''}`}${e.successor ? `; superseded by ${e.successor}` : ''}\n`);
        process.stdout.write(`  registry ${e.registry}, ${e.service.id}/${e.service.subcase}, sha256 ${e.sha256}\n`);
      }
      return r.verified || (r.issued && r.documentMatches === null) ? 0 : 1;
    }
    const query: Record<string, unknown> = {
      ...(values.bin !== undefined ? { bin: values.bin } : {}),
      ...(values.iin !== undefined ? { iin: values.iin } : {}),
      ...(values.number !== undefined ? { number: values.number } : {}),
      ...(values.name !== undefined ? { q: values.name } : {}),
      ...(values.limit !== undefined ? { limit: values.limit } : {}),
    };
    const registries = values.registry !== undefined ? [values.registry] : reg.known();
    const items: PublicEntry[] = [];
    for (const r of registries) items.push(...(await reg.search(r, query)).items);
    items.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.number.localeCompare(a.number));
    const limited = items.slice(0, values.limit !== undefined ? Number(values.limit) : 20);
    if (values.json) process.stdout.write(JSON.stringify({ items: limited }) + '\n');
    else if (limited.length === 0) process.stdout.write('no entries\n');
    else for (const e of limited) process.stdout.write(line(e) + '\n');
    return 0;
  } finally {
    await app.close();
  }
}

// The catalog: every module in this folder is a state service and is found here by itself, so
// adding a service is adding a module — nothing else in the platform names a service. A module's
// default export is its definition, or an array of definitions (its versions by effective date).
// Sub-folders (providers/, shared pieces) hold building blocks, not services.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServiceDefinition } from '../core/regulation.ts';
import { dayToIso, localDay } from '../core/time.ts';

const here = dirname(fileURLToPath(import.meta.url));

async function discover(): Promise<ServiceDefinition[]> {
  const files = readdirSync(here, { withFileTypes: true })
    .filter((f) => f.isFile() && /\.ts$/.test(f.name) && !f.name.endsWith('.d.ts') && f.name !== 'index.ts')
    .map((f) => f.name)
    .sort();
  const defs: ServiceDefinition[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { default?: ServiceDefinition | ServiceDefinition[] };
    if (!mod.default) throw new Error(`service module ${f} has no default export (its definition or its versions)`);
    defs.push(...(Array.isArray(mod.default) ? mod.default : [mod.default]));
  }
  return defs;
}

export const definitions: readonly ServiceDefinition[] = await discover();

export interface Catalog {
  all(): readonly ServiceDefinition[];
  /** The version of a service in force at `at` (a case starts on it and stays on it). */
  inForce(id: string, at: Date): ServiceDefinition | undefined;
  version(id: string, version: string): ServiceDefinition | undefined;
  versions(id: string): ServiceDefinition[];
  ids(): string[];
}

/** Calendar date in Almaty (UTC+6 before March 2024, UTC+5 since) for comparing with effective dates. */
function almatyDate(at: Date): string {
  return dayToIso(localDay(at));
}

export function makeCatalog(defs: readonly ServiceDefinition[] = definitions): Catalog {
  const byId = new Map<string, ServiceDefinition[]>();
  for (const d of defs) {
    const list = byId.get(d.id) ?? [];
    if (list.some((x) => x.version === d.version)) throw new Error(`service ${d.id} version ${d.version} is defined twice`);
    list.push(d);
    list.sort((a, b) => a.effective.from.localeCompare(b.effective.from));
    byId.set(d.id, list);
  }
  return {
    all: () => defs,
    ids: () => [...byId.keys()].sort(),
    versions: (id) => byId.get(id) ?? [],
    version: (id, version) => byId.get(id)?.find((d) => d.version === version),
    inForce(id, at) {
      const day = almatyDate(at);
      const list = byId.get(id) ?? [];
      for (let i = list.length - 1; i >= 0; i--) {
        const d = list[i]!;
        if (d.status !== 'active' || d.subcases.length === 0) continue;
        if (d.effective.from <= day && (!d.effective.to || day < d.effective.to)) return d;
      }
      return undefined;
    },
  };
}

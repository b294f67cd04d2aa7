// The catalog: every service module registers here, and nothing else in the platform names a
// service. Adding a service is adding a module and a line in this list.
import type { ServiceDefinition } from '../core/regulation.ts';
import { cryptoLicence } from './crypto-licence.ts';

export const definitions: readonly ServiceDefinition[] = [cryptoLicence];

export interface Catalog {
  all(): readonly ServiceDefinition[];
  /** The version of a service in force at `at` (a case starts on it and stays on it). */
  inForce(id: string, at: Date): ServiceDefinition | undefined;
  version(id: string, version: string): ServiceDefinition | undefined;
  ids(): string[];
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
    ids: () => [...byId.keys()],
    version: (id, version) => byId.get(id)?.find((d) => d.version === version),
    inForce(id, at) {
      const day = at.toISOString().slice(0, 10);
      const list = byId.get(id) ?? [];
      for (let i = list.length - 1; i >= 0; i--) {
        const d = list[i]!;
        if (d.status !== 'active') continue;
        if (d.effective.from <= day && (!d.effective.to || day < d.effective.to)) return d;
      }
      return undefined;
    },
  };
}

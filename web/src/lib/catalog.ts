// The public catalog, fetched once per page load and shared: names of services, sub-cases, roles,
// steps and refusal grounds all come from here, in the three languages.
import { useEffect, useState } from 'react';
import type { ServiceDefinition } from '../../../src/core/regulation.ts';
import { get } from './api.ts';

export type Service = ServiceDefinition;

export interface CatalogItem {
  id: string;
  name: Service['name'];
  shortName: Service['shortName'];
  provider: { id: string; name: Service['provider']['name'] };
  status: Service['status'];
  channels: Service['channels'];
  subcases: Array<{ id: string; name: Service['name']; term: Service['subcases'][number]['term']['duration'] }>;
  versions: Array<{ version: string; effective: Service['effective']; status: Service['status'] }>;
}

let list: Promise<CatalogItem[]> | null = null;
const entries = new Map<string, Promise<Service>>();

export function catalogList(): Promise<CatalogItem[]> {
  list ??= get<{ items: CatalogItem[] }>('/api/catalog').then((r) => r.items);
  list.catch(() => (list = null));
  return list;
}

/** A service definition, in force now or at a date (a case is shown with the version it started on). */
export function serviceEntry(id: string, at?: string): Promise<Service> {
  const key = `${id}@${at ?? ''}`;
  let p = entries.get(key);
  if (!p) {
    p = get<Service>(`/api/catalog/${encodeURIComponent(id)}${at ? `?at=${encodeURIComponent(at)}` : ''}`);
    entries.set(key, p);
    p.catch(() => entries.delete(key));
  }
  return p;
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; value: T };

/** Runs `load` when `deps` change; the result is dropped if the component moved on meanwhile. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, (v: T) => void, () => void] {
  const [s, setS] = useState<Loaded<T>>({ state: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setS({ state: 'loading' });
    load().then(
      (value) => live && setS({ state: 'ok', value }),
      (error: unknown) => live && setS({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  return [s, (value: T) => setS({ state: 'ok', value }), () => setN((x) => x + 1)];
}

export function roleName(svc: Service | undefined, roleId: string) {
  return svc?.roles.find((r) => r.id === roleId)?.name;
}

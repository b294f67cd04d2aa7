// Registries of results: the case effect that records every issued result in the registry its
// definition names, in the transaction that issues it, and the public search and verification.
// Public answers show a legal entity's BIN and name, an individual's name and a masked IIN: the
// registry says who holds a result, not an individual's identity number (search by IIN still works
// for whoever already knows it).
import { validateBin, validateIin } from '../core/identifiers.ts';
import type { Text } from '../core/regulation.ts';
import { ENTRY_STATUSES, findEntry, recordEntry, REGISTRY_NAME, RESULT_NUMBER, searchEntries, setStatus, type EntryStatus } from '../gov/registries/registry.ts';
import type { RegistryEntriesTable } from '../store/tables.ts';
import type { App, CaseEffect } from './context.ts';
import { badRequest, notFound } from './errors.ts';

export interface PublicEntry {
  registry: string;
  number: string;
  status: EntryStatus;
  /** True while the result is in force (status valid). */
  valid: boolean;
  statusAt: string;
  statusReason: string | null;
  holder: { kind: string; name: string; bin?: string; iin?: string };
  service: { id: string; subcase: string; name: Text | null; subcaseName: Text | null };
  issuer: { id: string; name: Text };
  issuedAt: string;
  sha256: string;
  predecessor: string | null;
  successor: string | null;
}

export interface VerifyAnswer {
  number: string;
  /** A result with this number is in a registry of this platform. */
  issued: boolean;
  /** The given SHA-256 is the issued document's; null when none was given. */
  documentMatches: boolean | null;
  /** Issued and the document matches. */
  verified: boolean;
  reason?: 'unknown_number' | 'hash_mismatch' | 'no_hash';
  detail?: string;
  valid?: boolean;
  status?: EntryStatus;
  entry?: PublicEntry;
}

export function maskIin(iin: string): string {
  return `${'*'.repeat(8)}${iin.slice(8)}`;
}

export class Registries {
  constructor(private readonly app: App) {}

  /** Registries named by any version of any service in the catalog. */
  known(): string[] {
    const s = new Set<string>();
    for (const d of this.app.catalog.all()) if (d.result?.registry) s.add(d.result.registry);
    return [...s].sort();
  }

  effect(): CaseEffect {
    return {
      name: 'registries-of-results',
      afterEvents: async ({ trx, svc, sc, state, events }) => {
        for (const e of events) {
          if (e.data.type !== 'result_issued' || e.data.decision !== 'approve' || !svc.result) continue;
          // Re-issue and duplicate: the result they act on is named in the application's reference field.
          let predecessorRef: string | null = null;
          if (sc.actsOnPrevious) {
            for (const f of sc.fields) {
              const v = state.fields[f.id];
              if (f.type === 'reference' && typeof v === 'string' && v.trim()) {
                predecessorRef = v.trim();
                break;
              }
            }
          }
          await recordEntry(trx, {
            number: e.data.number,
            registry: svc.result.registry,
            serviceId: svc.id,
            version: svc.version,
            subcase: sc.id,
            caseId: state.caseId,
            holder: { kind: state.applicant.kind, iin: state.applicant.iin, bin: state.applicant.bin ?? null, name: state.applicant.organization ?? state.applicant.name },
            issuer: { id: svc.provider.id, name: svc.provider.name },
            issuedAt: e.at,
            sha256: e.data.documentSha256,
            predecessorRef,
          });
        }
      },
    };
  }

  toPublic(r: RegistryEntriesTable): PublicEntry {
    const svc = this.app.catalog.version(r.service_id, r.version);
    const sc = svc?.subcases.find((s) => s.id === r.subcase);
    const entity = r.holder_kind !== 'individual' && r.holder_bin;
    return {
      registry: r.registry,
      number: r.number,
      status: r.status,
      valid: r.status === 'valid',
      statusAt: r.status_at,
      statusReason: r.status_reason,
      holder: { kind: r.holder_kind, name: r.holder_name, ...(entity ? { bin: r.holder_bin } : { iin: maskIin(r.holder_iin) }) },
      service: { id: r.service_id, subcase: r.subcase, name: svc?.name ?? null, subcaseName: sc?.name ?? null },
      issuer: { id: r.issuer_id, name: JSON.parse(r.issuer_name) as Text },
      issuedAt: r.issued_at,
      sha256: r.sha256,
      predecessor: r.predecessor_number,
      successor: r.successor_number,
    };
  }

  private number(v: unknown, field = 'number'): string {
    if (typeof v !== 'string' || !RESULT_NUMBER.test(v.trim().toUpperCase()) || v.length > 80) {
      throw badRequest('number_format', `${field} must be a result number like KNB-CIPM-2026-000001 (prefix, year, six or more digits)`, field);
    }
    return v.trim().toUpperCase();
  }

  private identifier(v: unknown, kind: 'bin' | 'iin'): string {
    if (typeof v !== 'string') throw badRequest('type', `${kind} must be 12 digits`, kind);
    const r = kind === 'bin' ? validateBin(v) : validateIin(v);
    // An individual entrepreneur's IIN serves as its BIN.
    if (!r.ok && !(kind === 'bin' && validateIin(v).ok)) throw badRequest(r.error.rule, r.error.message, kind);
    return v;
  }

  /** GET /api/public/registries/:registry?q=&bin=&iin=&number=&limit=&offset= */
  async search(registry: string, query: Record<string, unknown>) {
    if (!REGISTRY_NAME.test(registry)) throw badRequest('registry_format', 'registry must be a registry name (lower-case letters, digits, - and _)', 'registry');
    if (!this.known().includes(registry)) throw notFound('unknown_registry', `no registry "${registry}"; registries: ${this.known().join(', ')}`, 'registry');
    for (const k of Object.keys(query)) {
      if (!['q', 'bin', 'iin', 'number', 'limit', 'offset'].includes(k)) throw badRequest('unknown_parameter', `unknown query parameter "${k}"; use q, bin, iin, number, limit, offset`, k);
      if (typeof query[k] !== 'string') throw badRequest('type', `${k} must be given once`, k);
    }
    const limit = query.limit === undefined ? 20 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest('limit', 'limit must be an integer from 1 to 100', 'limit');
    const offset = query.offset === undefined ? 0 : Number(query.offset);
    if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) throw badRequest('offset', 'offset must be an integer from 0 to 10000', 'offset');
    let name: string | undefined;
    if (query.q !== undefined) {
      name = String(query.q).trim();
      if (name.length < 2 || name.length > 100) throw badRequest('q_length', 'q must be 2–100 characters of the holder\'s name', 'q');
    }
    const q = {
      registry,
      ...(query.number !== undefined ? { number: this.number(query.number) } : {}),
      ...(query.bin !== undefined ? { bin: this.identifier(query.bin, 'bin') } : {}),
      ...(query.iin !== undefined ? { iin: this.identifier(query.iin, 'iin') } : {}),
      ...(name !== undefined ? { name } : {}),
      limit,
      offset,
    };
    const rows = await searchEntries(this.app.store.db, q);
    return { registry, items: rows.map((r) => this.toPublic(r)), limit, offset };
  }

  /**
   * GET /api/public/verify?number=&sha256= — was a result with this number issued, does the
   * document's SHA-256 match the one issued, by whom and when, and is it still in force.
   */
  async verify(query: Record<string, unknown>): Promise<VerifyAnswer> {
    for (const k of Object.keys(query)) if (!['number', 'sha256'].includes(k)) throw badRequest('unknown_parameter', `unknown query parameter "${k}"; use number and sha256`, k);
    if (query.number === undefined) throw badRequest('required', 'number is required', 'number');
    const number = this.number(query.number);
    let sha: string | undefined;
    if (query.sha256 !== undefined) {
      if (typeof query.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(query.sha256)) throw badRequest('sha256_format', 'sha256 must be 64 hexadecimal characters (the SHA-256 of the result document)', 'sha256');
      sha = query.sha256.toLowerCase();
    }
    const r = await findEntry(this.app.store.db, number);
    if (!r) return { number, issued: false, documentMatches: null, verified: false, reason: 'unknown_number', detail: `no result ${number} is in any registry of this platform` };
    const matches = sha === undefined ? null : sha === r.sha256;
    const entry = this.toPublic(r);
    return {
      number,
      issued: true,
      documentMatches: matches,
      verified: matches === true,
      ...(matches === false ? { reason: 'hash_mismatch', detail: 'the document is not the one issued under this number: its SHA-256 differs' } : matches === null ? { reason: 'no_hash', detail: 'the number was issued; give sha256 of the document to verify it' } : {}),
      valid: entry.valid,
      status: entry.status,
      entry,
    };
  }

  /** Revocation, suspension or reinstatement (operators, the CLI); returns the public entry. */
  async changeStatus(number: string, status: unknown, reason: unknown): Promise<PublicEntry> {
    const n = this.number(number);
    if (typeof status !== 'string' || !(ENTRY_STATUSES as readonly string[]).includes(status) || status === 'reissued') throw badRequest('status', 'status must be valid, revoked or suspended (re-issue happens through a case)', 'status');
    if (typeof reason !== 'string' || !reason.trim() || reason.length > 1000) throw badRequest('required', 'reason is required (at most 1000 characters)', 'reason');
    const r = await setStatus(this.app.store.db, n, status as EntryStatus, reason.trim(), this.app.now().toISOString());
    if (!r) throw notFound('unknown_number', `no result ${n} in any registry`, 'number');
    return this.toPublic(r);
  }
}

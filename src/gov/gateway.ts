// The state databases as the e-government gateway lets the platform reach
// them: look a person up by IIN, an organisation by BIN. Everything else in the
// platform depends on this interface, never on the tables behind it.

import type { Kysely } from 'kysely';
import { GatewayError, requireValidBin, requireValidIin, withTimeout } from './gateway-errors.ts';
import type { Individual, LegalEntity } from './records.ts';
import { rowToIndividual, rowToLegalEntity, type GovTables } from './rows.ts';
import { prepared } from '../store/prepared.ts';

export { GatewayError, type GatewayErrorCode } from './gateway-errors.ts';
export { FlakyStateDatabases, MemoryStateDatabases, type FlakyOptions, type FlakyOutcome } from './test-doubles.ts';
export type { Address, EntityStatus, Individual, LegalEntity, LegalForm, Localized } from './records.ts';

export interface StateDatabases {
  /** null: no such person on record. Rejects with GatewayError. */
  findIndividual(iin: string): Promise<Individual | null>;
  /** null: no such organisation on record. Rejects with GatewayError. */
  findLegalEntity(bin: string): Promise<LegalEntity | null>;
}

export const DEFAULT_GATEWAY_TIMEOUT_MS = 2000;

export class DbStateDatabases implements StateDatabases {
  private readonly db: Kysely<GovTables>;
  readonly timeoutMs: number;

  constructor(db: Kysely<any>, opts: { timeoutMs?: number } = {}) {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;
    if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
    this.db = db as Kysely<GovTables>;
    this.timeoutMs = timeoutMs;
  }

  async findIndividual(iin: string): Promise<Individual | null> {
    requireValidIin(iin);
    const row = await this.ask(
      `individuals register lookup of IIN ${iin}`,
      prepared(this.db, 'gov-individual-by-iin', (db, p) => db.selectFrom('gov_individuals').selectAll().where('iin', '=', p(0)), [iin]).then((r) => r[0]),
    );
    return row ? rowToIndividual(row) : null;
  }

  async findLegalEntity(bin: string): Promise<LegalEntity | null> {
    requireValidBin(bin);
    const row = await this.ask(
      `legal entities register lookup of BIN ${bin}`,
      prepared(this.db, 'gov-legal-entity-by-bin', (db, p) => db.selectFrom('gov_legal_entities').selectAll().where('bin', '=', p(0)), [bin]).then((r) => r[0]),
    );
    return row ? rowToLegalEntity(row) : null;
  }

  // Any database failure reaches callers as 'unavailable': they can retry or
  // tell the applicant, but cannot act on a driver's error text.
  private async ask<T>(what: string, query: Promise<T>): Promise<T> {
    const guarded = query.catch((e: unknown) => {
      throw new GatewayError('unavailable', `${what} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
    return withTimeout(guarded, this.timeoutMs, what);
  }
}

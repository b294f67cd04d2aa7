// Stand-ins for the state databases in tests and demos: one that answers from
// memory, and a wrapper that makes any gateway slow or failing on purpose, so
// the code that depends on the gateway can be tested for the bad days too.

import { GatewayError, requireValidBin, requireValidIin, withTimeout } from './gateway-errors.ts';
import type { StateDatabases } from './gateway.ts';
import { mulberry32 } from './random.ts';
import type { Individual, LegalEntity } from './records.ts';

/** Answers from arrays held in memory, with the same identifier checks as the real gateway. */
export class MemoryStateDatabases implements StateDatabases {
  private readonly individuals: Map<string, Individual>;
  private readonly legalEntities: Map<string, LegalEntity>;

  constructor(population: { individuals: readonly Individual[]; legalEntities: readonly LegalEntity[] }) {
    this.individuals = new Map(population.individuals.map((p) => [p.iin, p]));
    this.legalEntities = new Map(population.legalEntities.map((e) => [e.bin, e]));
  }

  // Copies, so a caller that edits what it got cannot change the register.
  async findIndividual(iin: string): Promise<Individual | null> {
    requireValidIin(iin);
    const p = this.individuals.get(iin);
    return p ? structuredClone(p) : null;
  }

  async findLegalEntity(bin: string): Promise<LegalEntity | null> {
    requireValidBin(bin);
    const e = this.legalEntities.get(bin);
    return e ? structuredClone(e) : null;
  }
}

/**
 * 'pass': the call goes through to the wrapped gateway.
 * 'unavailable': it fails with GatewayError 'unavailable'.
 * 'timeout': it never answers; with `timeoutMs` set that becomes GatewayError
 * 'timeout' after that long, without it the timeout error comes at once.
 */
export type FlakyOutcome = 'pass' | 'unavailable' | 'timeout';

export interface FlakyOptions {
  /** Delay before each call is passed on, in ms; a function gets the call number (1-based). */
  latencyMs?: number | ((call: number) => number);
  /** Chance in [0, 1] that an unscripted call fails with 'unavailable'. */
  failureRate?: number;
  /** Seed for the failureRate draws, so a flaky run repeats exactly (default 1). */
  seed?: number;
  /** Outcomes of the first calls in order; later calls fall back to failureRate. */
  script?: readonly FlakyOutcome[];
  /** Give up like the real gateway does: GatewayError 'timeout' after this many ms. */
  timeoutMs?: number;
}

export class FlakyStateDatabases implements StateDatabases {
  private readonly inner: StateDatabases;
  private readonly options: FlakyOptions;
  private readonly draw: () => number;
  private callCount = 0;

  constructor(inner: StateDatabases, options: FlakyOptions = {}) {
    const rate = options.failureRate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`failureRate must be within [0, 1], got ${rate}`);
    this.inner = inner;
    this.options = options;
    this.draw = mulberry32(options.seed ?? 1);
  }

  /** How many lookups got past the identifier check, failed ones included. */
  get calls(): number {
    return this.callCount;
  }

  // Identifiers are checked before any simulated trouble, as the real gateway
  // checks them before it queries.
  async findIndividual(iin: string): Promise<Individual | null> {
    requireValidIin(iin);
    return this.call(`individuals register lookup of IIN ${iin}`, () => this.inner.findIndividual(iin));
  }

  async findLegalEntity(bin: string): Promise<LegalEntity | null> {
    requireValidBin(bin);
    return this.call(`legal entities register lookup of BIN ${bin}`, () => this.inner.findLegalEntity(bin));
  }

  private call<T>(what: string, run: () => Promise<T>): Promise<T> {
    const n = ++this.callCount;
    const outcome: FlakyOutcome =
      this.options.script?.[n - 1] ?? (this.draw() < (this.options.failureRate ?? 0) ? 'unavailable' : 'pass');
    const work = this.perform(n, outcome, what, run);
    const { timeoutMs } = this.options;
    return timeoutMs === undefined ? work : withTimeout(work, timeoutMs, what);
  }

  private async perform<T>(n: number, outcome: FlakyOutcome, what: string, run: () => Promise<T>): Promise<T> {
    const { latencyMs = 0 } = this.options;
    const delay = typeof latencyMs === 'function' ? latencyMs(n) : latencyMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (outcome === 'unavailable') throw new GatewayError('unavailable', `${what} failed: simulated outage (call ${n})`);
    if (outcome === 'timeout') {
      if (this.options.timeoutMs !== undefined) return new Promise<never>(() => {});
      throw new GatewayError('timeout', `${what} got no answer: simulated timeout (call ${n})`);
    }
    return run();
  }
}

// How a call to the state databases can fail, as the caller sees it: the
// gateway did not answer in time, could not answer at all, or was asked about
// a number that cannot be an IIN/BIN. Shared by the real gateway and the test
// doubles so both fail in the same way.

import { validateBin, validateIin } from '../core/identifiers.ts';

export type GatewayErrorCode = 'timeout' | 'unavailable' | 'invalid_identifier';

export class GatewayError extends Error {
  readonly code: GatewayErrorCode;

  constructor(code: GatewayErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayError';
    this.code = code;
  }
}

// Checked before any query: a malformed number is the caller's mistake, and
// reporting it as "not found" would hide that.
export function requireValidIin(iin: string): void {
  const r = validateIin(iin);
  if (!r.ok) throw new GatewayError('invalid_identifier', r.error.message, { cause: r.error });
}

export function requireValidBin(bin: string): void {
  const r = validateBin(bin);
  if (!r.ok) throw new GatewayError('invalid_identifier', r.error.message, { cause: r.error });
}

/**
 * Settles like `work`, or rejects with GatewayError 'timeout' once `ms` have
 * passed. The work itself is not cancelled (a driver gives no portable way to);
 * its late result or failure is dropped.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayError('timeout', `${what} got no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

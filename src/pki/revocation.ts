import { PkiError } from './errors.ts';
import { serialBytesToHex, serialHexToBytes } from './der.ts';

/**
 * CRLReason (RFC 5280 §5.3.1). Code 7 is unused. `certificateHold` is a suspension that can be
 * lifted; `removeFromCRL` is not a reason a certificate is revoked for: it lifts a hold (and
 * appears only in delta CRLs, which this CA does not publish).
 */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASONS;

const BY_CODE: ReadonlyMap<number, RevocationReason> = new Map(
  (Object.entries(REVOCATION_REASONS) as [RevocationReason, number][]).map(([name, code]) => [code, name]),
);

export function isRevocationReason(name: unknown): name is RevocationReason {
  return typeof name === 'string' && Object.hasOwn(REVOCATION_REASONS, name);
}

export function reasonCode(name: RevocationReason): number {
  return REVOCATION_REASONS[name];
}

export function reasonName(code: number): RevocationReason {
  const name = BY_CODE.get(code);
  if (!name) throw new PkiError('bad_input', `CRLReason ${code} does not exist`);
  return name;
}

/** Parses a reason name (as RFC 5280 spells it) and says which ones exist when it is not one. */
export function parseRevocationReason(name: unknown): RevocationReason {
  if (isRevocationReason(name)) return name;
  throw new PkiError('bad_input', `unknown revocation reason ${JSON.stringify(name)}; one of ${Object.keys(REVOCATION_REASONS).join(', ')}`);
}

/** The canonical form serials are stored and compared in: lowercase hex, no sign padding or separators. */
export function normalizeSerialHex(hex: string): string {
  return serialBytesToHex(serialHexToBytes(hex));
}

// A small DER reader and writer for the browser's EDS: enough of ASN.1 to open a PKCS#12 key store,
// read a certificate, build and check a CMS SignedData and read a CRL. The reading is the server's
// own reader (src/pki/tlv.ts, Uint8Array only), under the names and errors the browser's code uses;
// the writing mirrors src/pki/der.ts without Node's Buffer.
import { PkiError } from '../../../src/pki/errors.ts';
import * as ber from '../../../src/pki/tlv.ts';

export class DerError extends Error {}

export type Tlv = ber.Tlv;

/** Identifier octets (class, constructed bit and tag number) of the universal types read here. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** The reader's failures as the browser's DerError. */
function guard<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof PkiError) throw new DerError(e.message);
    throw e;
  }
}

/** Whether `t` is the element with identifier octet `id` (a TAG value). */
export const is = (t: Tlv | undefined, id: number): t is Tlv => !!t && t.tag < 0x1f && ((t.cls << 6) | (t.constructed ? 0x20 : 0) | t.tag) === id;

export const root = (buf: Uint8Array): Tlv => guard(() => ber.readRoot(buf, 'DER'));

export function children(t: Tlv | undefined): Tlv[] {
  if (!t) return [];
  if (!t.constructed) throw new DerError('not a constructed value');
  return guard(() => ber.children(t));
}

export const content = ber.content;
export const raw = ber.raw;
export const isContext = ber.isContext;

export function expect(t: Tlv | undefined, id: number, what: string): Tlv {
  if (!is(t, id)) throw new DerError(`${what}: unexpected structure`);
  return t;
}

export const oid = (t: Tlv | undefined): string => ber.oid(expect(t, TAG.OID, 'object identifier'))!;
export const int = (t: Tlv | undefined): number => guard(() => ber.integerValue(expect(t, TAG.INTEGER, 'integer')));
export const octets = (t: Tlv | undefined): Uint8Array => ber.octets(expect(t, TAG.OCTET_STRING, 'octet string'));
export const bitString = (t: Tlv | undefined): Uint8Array => guard(() => ber.bitStringBytes(expect(t, TAG.BIT_STRING, 'bit string')));
export const text = (t: Tlv): string => guard(() => ber.stringValue(t));
export const time = (t: Tlv | undefined): Date => guard(() => ber.timeValue(t));

// ---------------------------------------------------------------- writing

export function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(parts);
  const n = body.length;
  let head: number[];
  if (n < 0x80) head = [tag, n];
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    head = [tag, 0x80 | bytes.length, ...bytes];
  }
  return concat([Uint8Array.from(head), body]);
}

export function encodeOid(dotted: string): Uint8Array {
  const p = dotted.split('.').map(Number);
  const out: number[] = [];
  const push = (v: number) => {
    const bytes = [v & 0x7f];
    for (v = Math.floor(v / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  };
  push(p[0]! * 40 + p[1]!);
  for (const v of p.slice(2)) push(v);
  return tlv(TAG.OID, Uint8Array.from(out));
}

/** A non-negative INTEGER from its big-endian magnitude (minimal, with a 0x00 when the top bit is set). */
export function encodeUnsigned(magnitude: Uint8Array): Uint8Array {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  const m = magnitude.subarray(i);
  return tlv(TAG.INTEGER, ...(m[0]! & 0x80 ? [Uint8Array.of(0), m] : [m]));
}

export function encodeTime(d: Date): Uint8Array {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = d.getUTCFullYear();
  const rest = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  // UTCTime up to 2049 (RFC 5652 §11.3), GeneralizedTime after: what src/pki/cms.ts writes.
  return y < 2050 ? tlv(TAG.UTC_TIME, new TextEncoder().encode(`${pad(y % 100)}${rest}`)) : tlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(`${y}${rest}`));
}

export const DER_NULL = Uint8Array.of(0x05, 0x00);

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareBytes(a, b) === 0;
}

export function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

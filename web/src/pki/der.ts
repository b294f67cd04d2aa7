// A small DER reader and writer for the browser's EDS: enough of ASN.1 to open a PKCS#12 key store,
// read a certificate, build and check a CMS SignedData and read a CRL. Mirrors src/pki/tlv.ts and
// src/pki/der.ts on the server, without Node's Buffer.

export class DerError extends Error {}

export interface Tlv {
  /** The whole buffer this node was read from. */
  buf: Uint8Array;
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  body: number;
  end: number;
}

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

export function read(buf: Uint8Array, pos = 0, limit = buf.length): Tlv {
  if (pos + 2 > limit) throw new DerError('truncated DER');
  const tag = buf[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
  let len = buf[pos + 1]!;
  let body = pos + 2;
  if (len === 0x80) throw new DerError('indefinite lengths (BER) are not supported');
  if (len > 0x80) {
    const n = len & 0x7f;
    if (n > 4 || body + n > limit) throw new DerError('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[body + i]!;
    body += n;
  }
  const end = body + len;
  if (end > limit) throw new DerError('DER value runs past its container');
  return { buf, tag, start: pos, body, end };
}

export function root(buf: Uint8Array): Tlv {
  const t = read(buf);
  if (t.end !== buf.length) throw new DerError('trailing bytes after the DER value');
  return t;
}

export function children(t: Tlv | undefined): Tlv[] {
  if (!t) return [];
  if (!(t.tag & 0x20)) throw new DerError('not a constructed value');
  const out: Tlv[] = [];
  for (let p = t.body; p < t.end; ) {
    const c = read(t.buf, p, t.end);
    out.push(c);
    p = c.end;
  }
  return out;
}

export const content = (t: Tlv): Uint8Array => t.buf.subarray(t.body, t.end);
export const raw = (t: Tlv): Uint8Array => t.buf.subarray(t.start, t.end);
export const isContext = (t: Tlv | undefined, n: number): t is Tlv => !!t && (t.tag & 0xc0) === 0x80 && (t.tag & 0x1f) === n;

export function expect(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) throw new DerError(`${what}: unexpected structure`);
  return t;
}

export function oid(t: Tlv | undefined): string {
  const b = content(expect(t, TAG.OID, 'object identifier'));
  const parts: number[] = [];
  let v = 0;
  for (const byte of b) {
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export function int(t: Tlv | undefined): number {
  const b = content(expect(t, TAG.INTEGER, 'integer'));
  let v = 0;
  for (const x of b) v = v * 256 + x;
  return v;
}

export function octets(t: Tlv | undefined): Uint8Array {
  return content(expect(t, TAG.OCTET_STRING, 'octet string'));
}

export function bitString(t: Tlv | undefined): Uint8Array {
  const c = content(expect(t, TAG.BIT_STRING, 'bit string'));
  return c.subarray(1);
}

export function text(t: Tlv): string {
  const c = content(t);
  if (t.tag === TAG.BMP) {
    let s = '';
    for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
    return s;
  }
  return new TextDecoder().decode(c);
}

export function time(t: Tlv | undefined): Date {
  if (!t || (t.tag !== TAG.UTC_TIME && t.tag !== TAG.GENERALIZED_TIME)) throw new DerError('time: unexpected structure');
  const s = new TextDecoder().decode(content(t));
  const m = t.tag === TAG.UTC_TIME ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s) : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  if (!m) throw new DerError(`unsupported time ${s}`);
  let year = Number(m[1]);
  if (t.tag === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

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

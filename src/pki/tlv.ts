import { PkiError } from './errors.ts';

/*
 * Minimal BER/DER reader for the hot paths (CMS verification, certificate decoding).
 * asn1js builds a class instance per node and spends ~0.7 ms on an 800-byte SignedData,
 * which alone would cap verification near 1,400/s; walking offsets costs microseconds.
 * It reads; it never re-encodes, so signed bytes are always sliced from the input.
 * The browser's EDS (web/src/pki/der.ts) reads with it too: no Buffer here, only Uint8Array (a
 * Buffer passed in comes back as Buffer slices, since Buffer#subarray returns a Buffer).
 */

export const TagClass = { Universal: 0, Application: 1, Context: 2, Private: 3 } as const;
export type TagClass = (typeof TagClass)[keyof typeof TagClass];

export interface Tlv {
  readonly buf: Uint8Array;
  readonly cls: TagClass;
  readonly constructed: boolean;
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  readonly contentStart: number;
  /** End of the content (before an end-of-contents marker for indefinite lengths). */
  readonly contentEnd: number;
  /** Offset just past the whole element, end-of-contents included. */
  readonly end: number;
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8String: 12,
  SEQUENCE: 16,
  SET: 17,
  PrintableString: 19,
  TeletexString: 20,
  IA5String: 22,
  UTCTime: 23,
  GeneralizedTime: 24,
  UniversalString: 28,
  BMPString: 30,
} as const;

const MAX_DEPTH = 64;

function bad(msg: string): never {
  throw new PkiError('bad_input', `ASN.1: ${msg}`);
}

export function readTlv(buf: Uint8Array, offset: number, limit: number = buf.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) bad('nesting too deep');
  let p = offset;
  if (p >= limit) bad('unexpected end of data');
  const id = buf[p++]!;
  const cls = (id >> 6) as TagClass;
  const constructed = (id & 0x20) !== 0;
  let tag = id & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let b: number;
    do {
      if (p >= limit) bad('truncated tag');
      b = buf[p++]!;
      tag = tag * 128 + (b & 0x7f);
      if (tag > 0xffffff) bad('tag number too large');
    } while (b & 0x80);
  }
  if (p >= limit) bad('truncated length');
  const first = buf[p++]!;
  if (first === 0x80) {
    if (!constructed) bad('indefinite length on a primitive');
    const contentStart = p;
    while (true) {
      if (p + 2 > limit) bad('missing end-of-contents');
      if (buf[p] === 0 && buf[p + 1] === 0) break;
      p = readTlv(buf, p, limit, depth + 1).end;
    }
    return { buf, cls, constructed, tag, start: offset, contentStart, contentEnd: p, end: p + 2 };
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4) bad('length too large');
    length = 0;
    for (let i = 0; i < n; i++) {
      if (p >= limit) bad('truncated length');
      length = length * 256 + buf[p++]!;
    }
  }
  const contentEnd = p + length;
  if (contentEnd > limit) bad('length runs past the end of data');
  return { buf, cls, constructed, tag, start: offset, contentStart: p, contentEnd, end: contentEnd };
}

/** Parses a complete element and rejects trailing bytes. */
export function readRoot(buf: Uint8Array, what: string): Tlv {
  let t: Tlv;
  try {
    t = readTlv(buf, 0);
  } catch (err) {
    throw new PkiError('bad_input', `${what}: ${(err as Error).message}`);
  }
  if (t.end !== buf.length) throw new PkiError('bad_input', `${what}: trailing data after the ASN.1 element`);
  return t;
}

export function children(t: Tlv | undefined): Tlv[] {
  if (!t || !t.constructed) return [];
  const out: Tlv[] = [];
  for (let p = t.contentStart; p < t.contentEnd; ) {
    const c = readTlv(t.buf, p, t.contentEnd);
    out.push(c);
    p = c.end;
  }
  return out;
}

export function is(t: Tlv | undefined, cls: TagClass, tag: number): t is Tlv {
  return !!t && t.cls === cls && t.tag === tag;
}

export function isUniversal(t: Tlv | undefined, tag: number): t is Tlv {
  return is(t, TagClass.Universal, tag);
}

export function isContext(t: Tlv | undefined, tag: number): t is Tlv {
  return is(t, TagClass.Context, tag);
}

export function raw(t: Tlv): Uint8Array {
  return t.buf.subarray(t.start, t.end);
}

export function content(t: Tlv): Uint8Array {
  return t.buf.subarray(t.contentStart, t.contentEnd);
}

/** String/OCTET STRING value; BER may split it into a constructed string of segments. */
export function octets(t: Tlv): Uint8Array {
  if (!t.constructed) return content(t);
  const parts = children(t).map(octets);
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of parts) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

/** Bytes as Latin-1 text: one character per byte. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

export function expect(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!isUniversal(t, tag)) bad(`${what} missing or of the wrong type`);
  return t;
}

const oidCache = new Map<string, string>();

export function oid(t: Tlv | undefined): string | undefined {
  if (!isUniversal(t, TAG.OID) || t.constructed) return undefined;
  const bytes = content(t);
  const key = latin1(bytes);
  const cached = oidCache.get(key);
  if (cached) return cached;
  const arcs: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  const text = arcs.join('.');
  if (oidCache.size < 4096) oidCache.set(key, text);
  return text;
}

export function integerValue(t: Tlv | undefined): number {
  if (!isUniversal(t, TAG.INTEGER)) bad('INTEGER expected');
  const bytes = content(t);
  if (bytes.length > 6) bad('INTEGER too large');
  let v = (bytes[0] ?? 0) & 0x80 ? -1 : 0;
  for (const b of bytes) v = v * 256 + b;
  return v;
}

export function booleanValue(t: Tlv): boolean {
  return content(t)[0] !== 0;
}

/** BIT STRING value bytes after the unused-bits octet. */
export function bitStringBytes(t: Tlv | undefined): Uint8Array {
  if (!isUniversal(t, TAG.BIT_STRING) || t.constructed) bad('BIT STRING expected');
  return content(t).subarray(1);
}

export function timeValue(t: Tlv | undefined): Date {
  const text = t ? latin1(content(t)) : '';
  let m: RegExpMatchArray | null = null;
  let year: number;
  if (isUniversal(t, TAG.UTCTime)) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
    if (!m) bad(`bad UTCTime ${text}`);
    const yy = Number(m[1]);
    year = yy < 50 ? 2000 + yy : 1900 + yy; // RFC 5280 §4.1.2.5.1
  } else if (isUniversal(t, TAG.GeneralizedTime)) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?Z$/.exec(text);
    if (!m) bad(`bad GeneralizedTime ${text}`);
    year = Number(m[1]);
  } else {
    return bad('time expected');
  }
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms));
}

/** Text of a directory string; TeletexString is read as Latin-1, which is what it holds in practice. */
export function stringValue(t: Tlv): string {
  const bytes = octets(t);
  switch (t.cls === TagClass.Universal ? t.tag : -1) {
    case TAG.UTF8String:
      return utf8.decode(bytes);
    case TAG.BMPString: {
      let s = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return s;
    }
    case TAG.UniversalString: {
      let s = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) s += String.fromCodePoint(((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0);
      return s;
    }
    default:
      return latin1(bytes);
  }
}

const utf8 = new TextDecoder();

import { PkiError } from './errors.ts';
import { derOid } from './der.ts';

/*
 * DER writing for the hot paths (OCSP responses, CRLs): one allocation per element, no
 * intermediate objects. Everything here is definite-length DER; callers pass already-encoded
 * children, so signed bytes are never re-encoded.
 */

function lengthSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x100) return 2;
  if (n < 0x10000) return 3;
  if (n < 0x1000000) return 4;
  return 5;
}

function writeLength(out: Buffer, at: number, n: number): number {
  if (n < 0x80) {
    out[at] = n;
    return at + 1;
  }
  const size = lengthSize(n) - 1;
  out[at++] = 0x80 | size;
  for (let i = size - 1; i >= 0; i--) out[at++] = (n >>> (8 * i)) & 0xff;
  return at;
}

/** Tag + definite length + the concatenation of `parts`. `tag` is the full identifier octet. */
export function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  let body = 0;
  for (const p of parts) body += p.length;
  const out = Buffer.allocUnsafe(1 + lengthSize(body) + body);
  out[0] = tag;
  let at = writeLength(out, 1, body);
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const seq = (...parts: Uint8Array[]): Buffer => tlv(0x30, ...parts);
export const octetString = (bytes: Uint8Array): Buffer => tlv(0x04, bytes);
/** [n] EXPLICIT (constructed context tag). */
export const explicit = (n: number, ...parts: Uint8Array[]): Buffer => tlv(0xa0 | n, ...parts);

export function enumerated(n: number): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > 127) throw new PkiError('bad_input', `ENUMERATED ${n} out of range`);
  return Buffer.from([0x0a, 0x01, n]);
}

/** Non-negative INTEGER, including values beyond 2^53 (CRL numbers are up to 20 octets). */
export function integer(n: number | bigint): Buffer {
  let v = BigInt(n);
  if (v < 0n) throw new PkiError('bad_input', `cannot encode negative integer ${n}`);
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

/** INTEGER from content bytes that are already minimal two's complement (certificate serials). */
export const integerFromContent = (content: Uint8Array): Buffer => tlv(0x02, content);

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** YYYYMMDDHHMMSSZ, whole seconds (RFC 5280 §4.1.2.5.2, RFC 6960 uses it throughout). */
export function generalizedTime(d: Date): Buffer {
  const text =
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2) +
    'Z';
  return tlv(0x18, Buffer.from(text, 'latin1'));
}

const UTC_TIME_LIMIT = Date.UTC(2050, 0, 1);
const UTC_TIME_FLOOR = Date.UTC(1950, 0, 1);

/** RFC 5280 Time: UTCTime for 1950–2049, GeneralizedTime otherwise (CRL dates, validity). */
export function x509Time(d: Date): Buffer {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new PkiError('bad_input', 'time is not a valid date');
  if (t >= UTC_TIME_LIMIT || t < UTC_TIME_FLOOR) return generalizedTime(d);
  const text =
    pad(d.getUTCFullYear() % 100, 2) +
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2) +
    'Z';
  return tlv(0x17, Buffer.from(text, 'latin1'));
}

const oids = new Map<string, Buffer>();

/** OBJECT IDENTIFIER, memoised (OIDs repeat in every response). */
export function oidDer(value: string): Buffer {
  let der = oids.get(value);
  if (!der) {
    der = derOid(value);
    oids.set(value, der);
  }
  return der;
}

/** Extension ::= SEQUENCE { extnID, critical DEFAULT FALSE, extnValue OCTET STRING }. */
export function extension(id: string, critical: boolean, value: Uint8Array): Buffer {
  return critical
    ? seq(oidDer(id), Buffer.from([0x01, 0x01, 0xff]), octetString(value))
    : seq(oidDer(id), octetString(value));
}

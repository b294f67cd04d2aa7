import * as asn1js from 'asn1js';
import { PkiError } from './errors.ts';

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export function pemBlocks(pem: string): { label: string; der: Buffer }[] {
  const out: { label: string; der: Buffer }[] = [];
  for (const m of pem.matchAll(PEM_RE)) {
    out.push({ label: m[1] ?? '', der: Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64') });
  }
  return out;
}

/** First PEM block with the label; the label guards against a key being passed where a certificate is due. */
export function pemToDer(pem: string, label: string): Buffer {
  const block = pemBlocks(pem).find((b) => b.label === label);
  if (!block || block.der.length === 0) throw new PkiError('bad_input', `expected a PEM block "${label}"`);
  return block.der;
}

export function derToPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function toBuffer(data: ArrayBuffer | Uint8Array): Buffer {
  return data instanceof Uint8Array
    ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    : Buffer.from(data);
}

/** A standalone ArrayBuffer for APIs (pkijs) that ignore Uint8Array offsets. */
export function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy.buffer;
}

/**
 * asn1js tree of small, trusted structures (our own keys and names) for handing to pkijs
 * while building certificates. Everything read from outside goes through tlv.ts instead.
 */
export function parseDer(der: Uint8Array, what: string): asn1js.AsnType {
  // parseEmbedded=false: asn1js would otherwise try to decode every OCTET/BIT STRING body.
  const res = asn1js.fromBER(der, { parseEmbedded: false });
  if (res.offset === -1 || res.result.error) {
    throw new PkiError('bad_input', `${what}: not valid DER/BER (${res.result.error || 'decode error'})`);
  }
  return res.result;
}

export function encode(node: { toBER(sizeOnly?: boolean): ArrayBuffer }): Buffer {
  return Buffer.from(node.toBER(false));
}

/** Positive INTEGER content bytes -> lowercase even-length hex with the DER sign-padding byte removed. */
export function serialBytesToHex(bytes: Uint8Array): string {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return Buffer.from(bytes.subarray(i)).toString('hex');
}

/** Hex serial -> INTEGER content bytes (minimal, with a leading 0x00 if the top bit would read as negative). */
export function serialHexToBytes(hex: string): Buffer {
  const clean = hex.trim().toLowerCase().replace(/^0x/, '').replace(/:/g, '');
  if (!/^[0-9a-f]+$/.test(clean)) throw new PkiError('bad_input', `serial "${hex}" is not hexadecimal`);
  let bytes = Buffer.from(clean.length % 2 ? `0${clean}` : clean, 'hex');
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  bytes = bytes.subarray(i);
  if (bytes.length === 1 && bytes[0] === 0) throw new PkiError('bad_input', 'serial number must be positive');
  if (bytes.length > 20) throw new PkiError('bad_input', 'serial number longer than 20 bytes (RFC 5280)');
  return (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** DER TLV from already-encoded parts; used where signed bytes must be embedded verbatim. */
export function derTlv(tag: number, parts: Uint8Array[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

/** SEQUENCE { tbs, algorithm, BIT STRING signature }: the shape of certificates, CSRs and CRLs. */
export function signedEnvelope(tbs: Uint8Array, algorithmDer: Uint8Array, signature: Uint8Array): Buffer {
  return derTlv(0x30, [tbs, algorithmDer, derTlv(0x03, [Buffer.from([0]), signature])]);
}

export function derInteger(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new PkiError('bad_input', `cannot encode integer ${n}`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  if (bytes.length === 0 || (bytes[0]! & 0x80)) bytes.unshift(0);
  return derTlv(0x02, [Buffer.from(bytes)]);
}

export function derOid(value: string): Buffer {
  return encode(new asn1js.ObjectIdentifier({ value }));
}

export const DER_NULL = Buffer.from([0x05, 0x00]);

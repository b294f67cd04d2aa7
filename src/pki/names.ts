import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids.ts';
import { PkiError } from './errors.ts';
import type { HolderSubject, LegalRole } from './types.ts';
import { children, oid, stringValue, type Tlv } from './tlv.ts';

const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  [OID.commonName, 'CN'],
  [OID.surname, 'SURNAME'],
  [OID.serialNumber, 'SERIALNUMBER'],
  [OID.country, 'C'],
  [OID.locality, 'L'],
  [OID.state, 'ST'],
  [OID.organization, 'O'],
  [OID.organizationalUnit, 'OU'],
  [OID.givenName, 'G'],
  [OID.emailAddress, 'E'],
]);

const ROLES: readonly LegalRole[] = ['first_head', 'signer', 'financial', 'hr', 'employee'];
const TWELVE_DIGITS = /^\d{12}$/;

type StringKind = 'utf8' | 'printable' | 'ia5';

interface Attr {
  type: string;
  value: asn1js.BaseBlock;
}

function attr(type: string, value: string, kind: StringKind = 'utf8'): Attr {
  const v =
    kind === 'printable'
      ? new asn1js.PrintableString({ value })
      : kind === 'ia5'
        ? new asn1js.IA5String({ value })
        : new asn1js.Utf8String({ value });
  return { type, value: v };
}

/**
 * One attribute per RDN, as every CA does. (pkijs would put all attributes into a single
 * multi-valued RDN, which OpenSSL prints as "CN=x + C=KZ" and NCA software would not match.)
 */
function buildName(attrs: Attr[]): pkijs.RelativeDistinguishedNames {
  const seq = new asn1js.Sequence({
    value: attrs.map(
      (a) => new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: a.type }), a.value] })] }),
    ),
  });
  // Built from its own encoding, pkijs keeps these bytes and re-emits them unchanged.
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(seq.toBER(false)).result });
}

export function validateHolder(subject: HolderSubject): void {
  const bad = (msg: string): never => {
    throw new PkiError('bad_input', `holder subject: ${msg}`);
  };
  if (subject.kind !== 'individual' && subject.kind !== 'legal_entity') bad(`unknown kind ${String(subject.kind)}`);
  if (!TWELVE_DIGITS.test(subject.iin ?? '')) bad('iin must be exactly 12 digits');
  if (!subject.surname?.trim()) bad('surname is required');
  if (!subject.givenName?.trim()) bad('givenName is required');
  if (subject.kind === 'legal_entity') {
    if (!TWELVE_DIGITS.test(subject.bin ?? '')) bad('legal entity needs a 12-digit bin');
    if (!subject.organization?.trim()) bad('legal entity needs organization');
  } else {
    if (subject.bin !== undefined || subject.organization !== undefined) bad('an individual has no bin/organization');
    if (subject.roles && subject.roles.length > 0) bad('roles apply to legal entity holders only');
  }
  for (const r of subject.roles ?? []) if (!ROLES.includes(r)) bad(`unknown role ${String(r)}`);
  if (subject.email !== undefined && !/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(subject.email)) {
    bad('email must be an ASCII address');
  }
}

/**
 * NCA-style holder DN, in NCA's attribute order. SERIALNUMBER and C are PrintableString as
 * X.520 requires; names are UTF8String because they are usually Cyrillic. The patronymic has
 * no X.520 attribute, so it follows the given name inside G (the CIS "given name and
 * patronymic" convention) and is split off again on parsing.
 */
export function holderName(subject: HolderSubject): pkijs.RelativeDistinguishedNames {
  validateHolder(subject);
  const surname = subject.surname.trim();
  const givenName = subject.givenName.trim();
  const g = subject.patronymic?.trim() ? `${givenName} ${subject.patronymic.trim()}` : givenName;
  const typesAndValues = [
    attr(OID.commonName, `${surname} ${givenName}`),
    attr(OID.surname, surname),
    attr(OID.serialNumber, `IIN${subject.iin}`, 'printable'),
    attr(OID.country, 'KZ', 'printable'),
  ];
  if (subject.kind === 'legal_entity') {
    typesAndValues.push(attr(OID.organization, subject.organization!.trim()));
    typesAndValues.push(attr(OID.organizationalUnit, `BIN${subject.bin}`));
  }
  typesAndValues.push(attr(OID.givenName, g));
  if (subject.email) typesAndValues.push(attr(OID.emailAddress, subject.email, 'ia5'));
  return buildName(typesAndValues);
}

export function caName(commonName: string): pkijs.RelativeDistinguishedNames {
  if (!commonName.trim()) throw new PkiError('bad_input', 'CA commonName is required');
  return buildName([attr(OID.commonName, commonName.trim()), attr(OID.country, 'KZ', 'printable')]);
}

export interface NameFields {
  commonName: string;
  surname?: string;
  givenName?: string;
  patronymic?: string;
  iin?: string;
  bin?: string;
  organization?: string;
  email?: string;
  country?: string;
}

/** One attribute of a distinguished name, in encoded order. */
export interface NameAttr {
  type: string;
  value: string;
}

export function decodeName(name: Tlv): NameAttr[] {
  const out: NameAttr[] = [];
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [typeNode, valueNode] = children(atv);
      const type = oid(typeNode);
      if (!type || !valueNode) throw new PkiError('bad_input', 'malformed name attribute');
      out.push({ type, value: stringValue(valueNode) });
    }
  }
  return out;
}

export function readName(attrs: readonly NameAttr[]): NameFields {
  const fields: NameFields = { commonName: '' };
  for (const { type, value: text } of attrs) {
    switch (type) {
      case OID.commonName:
        fields.commonName ||= text;
        break;
      case OID.surname:
        fields.surname ??= text;
        break;
      case OID.givenName: {
        const [given, ...rest] = text.split(' ');
        fields.givenName ??= given;
        if (rest.length) fields.patronymic ??= rest.join(' ');
        break;
      }
      case OID.serialNumber:
        if (/^IIN\d{12}$/.test(text)) fields.iin ??= text.slice(3);
        break;
      case OID.organizationalUnit:
        if (/^BIN\d{12}$/.test(text)) fields.bin ??= text.slice(3);
        break;
      case OID.organization:
        fields.organization ??= text;
        break;
      case OID.emailAddress:
        fields.email ??= text;
        break;
      case OID.country:
        fields.country ??= text;
        break;
    }
  }
  return fields;
}

function escapeDnValue(v: string): string {
  return v
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** Display form in encoded order ("CN=..., SURNAME=..., SERIALNUMBER=IIN..."), as NCA tools print it. */
export function formatName(attrs: readonly NameAttr[]): string {
  return attrs.map((a) => `${SHORT_NAMES.get(a.type) ?? a.type}=${escapeDnValue(a.value)}`).join(', ');
}

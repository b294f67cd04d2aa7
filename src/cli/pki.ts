// `qyzmet pki …`, `qyzmet sign`, `qyzmet verify`: the NCA's operations from the command line of
// the instance (whoever runs them holds the database and the CA passphrase: the local operator),
// and detached CMS signing and verification of files.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrapDemo } from '../app/bootstrap.ts';
import { defaultConfig, openApp, type App } from '../app/context.ts';
import { certificateStatus, holderFromStateDb, issueFromCsr, opensslIndex, revokeCertificate, type CaActor, type IssuedCertificate } from '../app/ca.ts';
import { verifyCaAudit, caAuditEntries } from '../app/ca-audit.ts';
import { currentCrl, currentDeltaCrl } from '../app/ca-crl.ts';
import { instanceCa } from '../app/ca-material.ts';
import { ocspResponder } from '../app/ca-ocsp.ts';
import { AppError } from '../app/errors.ts';
import { verifyOrThrow } from '../app/signing.ts';
import { PkiError, createCsr, crlToPem, exportPkcs12, generateKeyPair, importPkcs12, parseCertificate, signCms, type KeyAlgorithm, type Purpose } from '../pki/index.ts';

export const PKI_HELP = `qyzmet pki — the National Certification Centre of this instance

  qyzmet pki init [--out DIR]                      create (or load) the CA and the OCSP responder; with --out write
                                                   root.pem, issuing.pem, chain.pem and ocsp-responder.pem
  qyzmet pki issue --csr FILE [--purpose auth|sign] [--iin IIN] [--bin BIN] [--out DIR]
                                                   issue for a PKCS#10 request (holder must be in the state databases)
  qyzmet pki issue --iin IIN [--bin BIN] --purpose auth|sign --out DIR [--alg p256|rsa] [--password P]
                                                   make a key for a test user and issue for it: writes cert.pem,
                                                   key.pem, chain.pem (and cert.p12 with --password)
  qyzmet pki revoke --serial HEX --reason NAME     revoke (RFC 5280 reason; certificateHold suspends, removeFromCRL lifts it)
  qyzmet pki crl [--delta] [--out FILE]            the current CRL (or delta CRL): DER to FILE, or PEM on stdout
  qyzmet pki status --serial HEX [--json]          a certificate's status
  qyzmet pki audit [--json]                        the CA audit log and whether its hash chain is intact
  qyzmet pki operator appoint|issue|dismiss|absence|return|list|rules ...
                                                   NCA operators of PSC staff (qyzmet pki operator help)
  qyzmet pki index [--out FILE]                    the certificates as an OpenSSL index.txt (openssl ocsp -index);
                                                   with --out also FILE.attr (unique_subject = no)

  qyzmet sign FILE --p12 FILE --password P [--out FILE.p7s]
                                                   detached CMS signature (DER) of FILE
  qyzmet verify FILE.p7s [--content FILE]          verify against this instance's CA and revocation data, now;
                                                   prints the signer and the verdict; exit 0 only when valid
`;

function localActor(): CaActor {
  let name = process.env.USER ?? '';
  try {
    name ||= userInfo().username;
  } catch {
    name ||= 'operator';
  }
  return { kind: 'local', name: name || 'operator' };
}

async function withInstance<T>(fn: (app: App) => Promise<T>, opts: { demo?: boolean } = {}): Promise<T> {
  const app = await openApp(defaultConfig());
  try {
    // The state databases of a demo instance are seeded at its first start, as `serve` does.
    if (opts.demo) await bootstrapDemo(app);
    return await fn(app);
  } finally {
    await app.close();
  }
}

function usage(msg: string): number {
  process.stderr.write(`qyzmet: ${msg}\n\n${PKI_HELP}`);
  return 2;
}

function out(line = '') {
  process.stdout.write(`${line}\n`);
}

/** A PKI failure (a wrong password, an unreadable file) is a message and exit 1, not a stack trace. */
async function guard(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PkiError) {
      process.stderr.write(`qyzmet: ${e.message}\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      process.stderr.write(`qyzmet: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
}

export function pkiCli(argv: string[]): Promise<number> {
  return guard(() => pkiCommand(argv));
}

export function signCli(argv: string[]): Promise<number> {
  return guard(() => signCommand(argv));
}

export function verifyCli(argv: string[]): Promise<number> {
  return guard(() => verifyCommand(argv));
}

async function pkiCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'init':
      return init(rest);
    case 'issue':
      return issue(rest);
    case 'revoke':
      return revoke(rest);
    case 'crl':
      return crl(rest);
    case 'status':
      return status(rest);
    case 'audit':
      return audit(rest);
    case 'index':
      return index(rest);
    case 'operator':
      return (await import('./pki-operator.ts')).operatorCli(rest, localActor());
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(PKI_HELP);
      return sub === undefined ? 2 : 0;
    default:
      return usage(`unknown pki command "${sub}"`);
  }
}

async function init(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  return withInstance(
    async (app) => {
      const { root, issuing } = await instanceCa(app);
      const { certificatePem: responderPem } = await ocspResponder(app);
      for (const [label, pem] of [['root CA', root.certificatePem], ['issuing CA', issuing.certificatePem], ['OCSP responder', responderPem]] as const) {
        const i = parseCertificate(pem);
        out(`${label.padEnd(15)} ${i.subjectDn}  serial ${i.serialHex}  valid to ${i.notAfter.toISOString()}  sha256 ${i.fingerprintSha256}`);
      }
      if (values.out) {
        mkdirSync(values.out, { recursive: true });
        writeFileSync(join(values.out, 'root.pem'), root.certificatePem);
        writeFileSync(join(values.out, 'issuing.pem'), issuing.certificatePem);
        writeFileSync(join(values.out, 'chain.pem'), issuing.certificatePem + root.certificatePem);
        writeFileSync(join(values.out, 'ocsp-responder.pem'), responderPem);
        out(`wrote root.pem, issuing.pem, chain.pem, ocsp-responder.pem to ${values.out}`);
      }
      return 0;
    },
    { demo: true },
  );
}

function describeIssued(r: IssuedCertificate) {
  out(`issued ${r.certificate.purpose ?? ''} certificate serial ${r.serial}`);
  out(`  subject ${r.certificate.subjectDn}`);
  out(`  valid   ${r.certificate.notBefore.toISOString()} .. ${r.certificate.notAfter.toISOString()}`);
}

async function issue(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { csr: { type: 'string' }, iin: { type: 'string' }, bin: { type: 'string' }, purpose: { type: 'string' }, out: { type: 'string' }, alg: { type: 'string' }, password: { type: 'string' }, days: { type: 'string' } },
  });
  const purpose = (values.purpose ?? (values.csr ? 'sign' : undefined)) as Purpose | undefined;
  if (purpose !== 'auth' && purpose !== 'sign') return usage('--purpose auth|sign is required');
  const validityDays = values.days ? Number(values.days) : undefined;
  if (values.csr) {
    const csr = readFileSync(values.csr, 'utf8');
    return withInstance(
      async (app) => {
        const r = await issueFromCsr(app, localActor(), { csr, purpose, iin: values.iin, bin: values.bin, ...(validityDays ? { validityDays } : {}) });
        if (values.out) {
          mkdirSync(values.out, { recursive: true });
          writeFileSync(join(values.out, 'cert.pem'), r.certificatePem);
          writeFileSync(join(values.out, 'chain.pem'), r.chainPems.join(''));
          describeIssued(r);
          out(`wrote cert.pem, chain.pem to ${values.out}`);
        } else {
          process.stdout.write(r.certificatePem);
        }
        return 0;
      },
      { demo: true },
    );
  }
  if (!values.iin) return usage('give --csr FILE, or --iin IIN (and --bin BIN) to make a key for a test user');
  if (!values.out) return usage('--out DIR is required: the key, the certificate and the chain are written there');
  const alg: KeyAlgorithm = values.alg === 'rsa' ? 'RSA-2048' : 'ECDSA-P256';
  if (values.alg && values.alg !== 'rsa' && values.alg !== 'p256') return usage('--alg is p256 or rsa');
  return withInstance(
    async (app) => {
      // The test user's key is made here, the request signed with it, and issued like any request.
      const subject = await holderFromStateDb(app, values.iin!, values.bin ?? null);
      const keys = await generateKeyPair(alg);
      const csr = await createCsr(keys, subject, alg);
      const r = await issueFromCsr(app, localActor(), { csr, purpose, iin: values.iin, ...(values.bin ? { bin: values.bin } : {}), ...(validityDays ? { validityDays } : {}) });
      const dir = values.out!;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'cert.pem'), r.certificatePem);
      writeFileSync(join(dir, 'key.pem'), keys.privateKeyPem, { mode: 0o600 });
      chmodSync(join(dir, 'key.pem'), 0o600);
      writeFileSync(join(dir, 'chain.pem'), r.chainPems.join(''));
      const files = ['cert.pem', 'key.pem', 'chain.pem'];
      if (values.password) {
        writeFileSync(join(dir, 'cert.p12'), exportPkcs12({ certificatePem: r.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: r.chainPems, password: values.password, friendlyName: `${r.certificate.commonName} (${purpose})` }), { mode: 0o600 });
        files.push('cert.p12');
      }
      describeIssued(r);
      out(`wrote ${files.join(', ')} to ${dir}`);
      return 0;
    },
    { demo: true },
  );
}

async function revoke(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { serial: { type: 'string' }, reason: { type: 'string' } } });
  if (!values.serial || !values.reason) return usage('pki revoke needs --serial HEX and --reason NAME');
  return withInstance(async (app) => {
    const r = await revokeCertificate(app, localActor(), values.serial, { reason: values.reason });
    out(`${r.serial}: ${r.status}${r.reason ? ` (${r.reason}${r.revokedAt ? `, since ${r.revokedAt}` : ''})` : ''}; CRL number ${r.crlNumber}`);
    return 0;
  });
}

async function crl(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, delta: { type: 'boolean' } } });
  return withInstance(async (app) => {
    const c = values.delta ? await currentDeltaCrl(app) : await currentCrl(app);
    if (values.out) {
      writeFileSync(values.out, c.der);
      out(`${values.delta ? 'delta ' : ''}CRL number ${c.number}${values.delta ? ` (base ${c.base})` : ''}, ${c.entries} entries, thisUpdate ${c.thisUpdate}, nextUpdate ${c.nextUpdate}: wrote ${values.out} (DER)`);
    } else {
      process.stdout.write(crlToPem(c.der));
    }
    return 0;
  });
}

async function status(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { serial: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.serial) return usage('pki status needs --serial HEX');
  return withInstance(async (app) => {
    const s = await certificateStatus(app, values.serial);
    if (values.json) out(JSON.stringify(s, null, 2));
    else {
      out(`${s.serial}: ${s.status}${s.reason ? ` (${s.reason}, since ${s.revokedAt})` : ''}`);
      out(`  subject ${s.subject}`);
      out(`  purpose ${s.purpose}; valid ${s.notBefore} .. ${s.notAfter}`);
    }
    return 0;
  });
}

async function audit(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  return withInstance(async (app) => {
    const v = await verifyCaAudit(app);
    const entries = await caAuditEntries(app);
    if (values.json) out(JSON.stringify({ ...v, items: entries }, null, 2));
    else {
      for (const e of entries) out(`${String(e.seq).padStart(6)} ${e.at} ${e.action.padEnd(20)} ${(e.serial ?? '').padEnd(34)} ${e.actor}`);
      out(v.intact ? `hash chain intact (${v.entries} entries)` : `hash chain BROKEN at entry ${v.brokenAt}`);
    }
    return v.intact ? 0 : 1;
  });
}

async function index(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  return withInstance(async (app) => {
    const text = await opensslIndex(app);
    if (values.out) {
      writeFileSync(values.out, text);
      // Holders have several certificates with the same subject.
      writeFileSync(`${values.out}.attr`, 'unique_subject = no\n');
      out(`wrote ${values.out} and ${values.out}.attr`);
    } else process.stdout.write(text);
    return 0;
  });
}

// ---------------------------------------------------------------- sign / verify

async function signCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { p12: { type: 'string' }, password: { type: 'string' }, out: { type: 'string' } } });
  const [file] = positionals;
  if (!file || !values.p12 || values.password === undefined) return usage('usage: qyzmet sign FILE --p12 FILE --password P [--out FILE.p7s]');
  const key = importPkcs12(readFileSync(values.p12), values.password);
  const content = readFileSync(file);
  const cms = await signCms(content, { certificatePem: key.certificatePem, privateKeyPem: key.privateKeyPem, chainPems: key.chainPems }, { detached: true });
  const target = values.out ?? `${file}.p7s`;
  writeFileSync(target, cms);
  const who = parseCertificate(key.certificatePem);
  out(`signed ${basename(file)} (${content.length} bytes) as ${who.subjectDn} (serial ${who.serialHex}): wrote ${target}`);
  return 0;
}

function readCms(file: string): Buffer {
  const raw = readFileSync(file);
  const text = raw.subarray(0, 64).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const m = /-----BEGIN (?:CMS|PKCS7)-----([\s\S]*?)-----END (?:CMS|PKCS7)-----/.exec(raw.toString('latin1'));
    if (m) return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  }
  return raw;
}

async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { content: { type: 'string' } } });
  const [file] = positionals;
  if (!file) return usage('usage: qyzmet verify FILE.p7s [--content FILE]');
  const contentFile = values.content ?? file.replace(/\.(p7s|sig|cms)$/i, '');
  if (contentFile === file) return usage('the signature is detached: give the signed file with --content FILE');
  const cms = readCms(file);
  const content = readFileSync(contentFile);
  return withInstance(async (app) => {
    try {
      const signer = await verifyOrThrow(app, cms.toString('base64'), content, 'sign');
      out(`signer:  ${signer.subjectDn}`);
      out(`         IIN ${signer.iin ?? '-'}${signer.bin ? `, BIN ${signer.bin}` : ''}; certificate serial ${signer.serialHex}, issued by ${signer.issuerDn}`);
      out(`verdict: VALID — ${basename(contentFile)} is unchanged since it was signed; the certificate chains to this CA and is not revoked (checked ${app.now().toISOString()})`);
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out(`verdict: INVALID (${e.rule}) — ${e.message}`);
      return 1;
    }
  });
}

// Registries of results: each result a case issues is recorded, in the same transaction, in the
// registry its definition names; re-issues supersede their predecessor; the public search finds
// entries by number, BIN, IIN and name; verification tells a real document from a tampered one;
// bad input is a problem document. The CLI answers from the same database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildServer } from '../../src/http/server.ts';
import { openApp } from '../../src/app/context.ts';
import { bootstrapDemo } from '../../src/app/bootstrap.ts';
import { createChallenge, signIn } from '../../src/app/auth.ts';
import { signText } from '../../src/app/session.ts';
import { integrationsOf } from '../../src/app/integrations.ts';
import { getResult } from '../../src/app/cases.ts';
import { canonicalJson, sha256Hex } from '../../src/core/canonical.ts';
import { channelsOf } from '../../src/core/regulation.ts';
import { termsOf, normalizeName, numberIn } from '../../src/gov/registries/registry.ts';
import { eachEngine, makeTestApp, PG_URL, type TestApp } from '../support/app.ts';
import { runCase } from '../support/run-case.ts';
import { Api, assertProblem } from '../http/client.ts';
import { applicantFor, approvalPath } from './support.ts';

const SERVICE = 'crypto-licence';
const APPROVE = [
  { step: 'register', outcome: 'registered' },
  { step: 'assign', outcome: 'assigned', assign: 'executor' },
  { step: 'review', outcome: 'draft_approval' },
  { step: 'sign', outcome: 'signed' },
];

async function entry(t: TestApp, number: string) {
  return t.app.store.db.selectFrom('registry_entries').selectAll().where('number', '=', number).executeTakeFirst();
}

test('registry text: names normalised, legal forms not indexed, numbers found in references', () => {
  assert.equal(normalizeName('ТОО «Қорғау-Тех Ёлка»'), 'тоо қорғау тех елка');
  assert.deepEqual(termsOf('ТОО «Қорғау-Тех»'), ['қорғау', 'тех']);
  assert.equal(numberIn('knb-cipm-2026-000012 от 24.11.2026'), 'KNB-CIPM-2026-000012');
  assert.equal(numberIn('№ 15012345 от 2019 года'), null);
});

eachEngine('registries: every registry is filled by a case that ran end to end', async (ctx, engine) => {
  const ran: string[] = [];
  const skipped: string[] = [];
  // One instance per service: the shared driver employs staff from the demo population, whose
  // choice collides with the demo cast once one instance has employed many.
  const catalog = (await makeTestApp(engine).then(async (t) => {
    const defs = t.app.catalog.all().filter((svc) => t.app.catalog.inForce(svc.id, t.clock.now) === svc && svc.result);
    await t.close();
    return defs;
  }));
  for (const one of catalog) {
    const t = await makeTestApp(engine);
    try {
      for (const svc of [one]) {
        for (const sc of svc.subcases) {
          const channel = channelsOf(svc, sc)[0]!;
          const applicant = applicantFor(t, svc);
          const path = approvalPath(sc, { channel, applicantKind: applicant.bin ? 'legal_entity' : 'individual' });
          if (!path) {
            skipped.push(`${svc.id}/${sc.id}: no approval path found generically`);
            continue;
          }
          let v;
          try {
            v = await runCase(t, { serviceId: svc.id, subcase: sc.id, applicant, channel, path });
          } catch (e) {
            skipped.push(`${svc.id}/${sc.id}: ${(e as Error).message.slice(0, 120)}`);
            continue;
          }
          if (v.mark !== 'result' || !v.result) {
            skipped.push(`${svc.id}/${sc.id}: ended ${v.mark}`);
            continue;
          }
          const e = await entry(t, v.result.number);
          assert.ok(e, `${svc.id}/${sc.id}: result ${v.result.number} is in a registry`);
          assert.equal(e.registry, svc.result!.registry);
          assert.equal(e.case_id, v.id);
          assert.equal(e.status, 'valid');
          assert.equal(e.sha256, v.result.documentSha256);
          const res = await t.app.store.db.selectFrom('results').select(['sha256', 'issued_at']).where('number', '=', v.result.number).executeTakeFirstOrThrow();
          assert.equal(e.sha256, res.sha256);
          assert.equal(e.issued_at, res.issued_at);
          assert.equal(e.holder_iin, applicant.iin);
          assert.equal(e.holder_bin, applicant.bin ?? '');
          ran.push(`${svc.id}/${sc.id} → ${svc.result!.registry}`);
        }
      }
      if (one.id === SERVICE) {
        // Refusals are not registry entries.
        const refused = await runCase(t, { serviceId: SERVICE, subcase: 'issue', path: [APPROVE[0]!, APPROVE[1]!, { step: 'review', outcome: 'draft_refusal', grounds: ['qualification_requirements_not_met'] }, { step: 'sign', outcome: 'signed' }] });
        assert.equal(await entry(t, refused.result!.number), undefined);
      }
    } finally {
      await t.close();
    }
  }
  ctx.diagnostic(`ran: ${ran.join('; ')}`);
  if (skipped.length) ctx.diagnostic(`not run generically: ${skipped.join('; ')}`);
  assert.ok(ran.some((r) => r.startsWith(`${SERVICE}/issue`)), 'the licence service filled its registry');
});

eachEngine('registries: re-issue supersedes, public search and verification, bad input', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  const server = await buildServer(t.app);
  const api = new Api(server);
  try {
    const first = await runCase(t, { serviceId: SERVICE, subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: APPROVE });
    const n1 = first.result!.number;
    const holder = t.users.company_head;

    await ctx.test('the holder\'s document verifies: issued, by whom, when, in force', async () => {
      const me = await t.login(holder);
      const doc = await getResult(t.app, me, first.id);
      const sha = sha256Hex(canonicalJson(doc.document));
      assert.equal(sha, doc.sha256);
      const r = await api.get(`/api/public/verify?number=${n1}&sha256=${sha}`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.verified, true);
      assert.equal(r.body.valid, true);
      assert.equal(r.body.entry.issuer.id, 'knb');
      assert.equal(r.body.entry.issuedAt, doc.issuedAt);
      assert.equal(r.body.entry.holder.bin, holder.bin);
      assert.equal(r.body.entry.holder.iin, undefined, 'a legal entity\'s head\'s IIN is not published');
      // Without a hash: issued, but not verified.
      const bare = await api.get(`/api/public/verify?number=${n1.toLowerCase()}`);
      assert.deepEqual([bare.body.issued, bare.body.verified, bare.body.documentMatches], [true, false, null]);
    });

    await ctx.test('a tampered document is not verified; an unknown number is not issued', async () => {
      const doc = (await getResult(t.app, await t.login(holder), first.id)).document as Record<string, unknown>;
      const forged = sha256Hex(canonicalJson({ ...doc, applicant: { ...(doc.applicant as object), name: 'Someone Else' } }));
      const r = await api.get(`/api/public/verify?number=${n1}&sha256=${forged}`);
      assert.equal(r.status, 200);
      assert.deepEqual([r.body.issued, r.body.documentMatches, r.body.verified, r.body.reason], [true, false, false, 'hash_mismatch']);
      const u = await api.get(`/api/public/verify?number=KNB-CIPM-2026-999999&sha256=${'0'.repeat(64)}`);
      assert.deepEqual([u.body.issued, u.body.verified, u.body.reason], [false, false, 'unknown_number']);
    });

    await ctx.test('a re-issue supersedes its predecessor; a reference to somebody else\'s result supersedes nothing', async () => {
      const re = await runCase(t, { serviceId: SERVICE, subcase: 'reissue', fields: { previousLicence: `${n1} от 24.11.2026` }, path: APPROVE });
      const n2 = re.result!.number;
      const old = (await entry(t, n1))!;
      assert.equal(old.status, 'reissued');
      assert.equal(old.successor_number, n2);
      const fresh = (await entry(t, n2))!;
      assert.equal(fresh.predecessor_number, n1);
      assert.equal(fresh.status, 'valid');
      const v = await api.get(`/api/public/verify?number=${n1}&sha256=${old.sha256}`);
      assert.deepEqual([v.body.verified, v.body.valid, v.body.status, v.body.entry.successor], [true, false, 'reissued', n2]);
      // Another holder names n2: recorded as written, n2 untouched.
      const dup = await runCase(t, { serviceId: SERVICE, subcase: 'duplicate', applicant: t.users.applicant, fields: { previousLicence: n2 }, path: APPROVE });
      const d = (await entry(t, dup.result!.number))!;
      assert.equal(d.predecessor_number, n2);
      assert.equal(d.predecessor_ref, n2);
      assert.equal((await entry(t, n2))!.status, 'valid');
      // Revocation shows at once.
      await integrationsOf(t.app).registries.changeStatus(n2, 'revoked', 'court decision');
      const rv = await api.get(`/api/public/verify?number=${n2}&sha256=${fresh.sha256}`);
      assert.deepEqual([rv.body.verified, rv.body.valid, rv.body.status, rv.body.entry.statusReason], [true, false, 'revoked', 'court decision']);
    });

    await ctx.test('search by number, BIN, IIN and words of the name', async () => {
      const byNumber = await api.get(`/api/public/registries/licences?number=${n1}`);
      assert.equal(byNumber.status, 200, byNumber.text);
      assert.deepEqual(byNumber.body.items.map((e: { number: string }) => e.number), [n1]);
      const byBin = await api.get(`/api/public/registries/licences?bin=${holder.bin}`);
      assert.ok(byBin.body.items.length >= 2);
      assert.ok(byBin.body.items.every((e: { holder: { bin: string } }) => e.holder.bin === holder.bin));
      const byIin = await api.get(`/api/public/registries/licences?iin=${t.users.applicant.iin}`);
      assert.equal(byIin.body.items.length, 1);
      assert.match(byIin.body.items[0].holder.iin, /^\*{8}\d{4}$/, 'an individual\'s IIN is masked');
      const name = (await entry(t, n1))!.holder_name;
      const words = termsOf(name);
      assert.ok(words.length > 0, name);
      const lead = words[0]!.slice(0, 3);
      const byName = await api.get(`/api/public/registries/licences?q=${encodeURIComponent(lead)}`);
      assert.ok(byName.body.items.some((e: { number: string }) => e.number === n1), `"${lead}" finds ${name}`);
      const both = await api.get(`/api/public/registries/licences?q=${encodeURIComponent(words.join(' ').toUpperCase())}`);
      assert.ok(both.body.items.some((e: { number: string }) => e.number === n1));
      const none = await api.get(`/api/public/registries/licences?q=${encodeURIComponent(`${words[0]} zzzz`)}`);
      assert.equal(none.body.items.length, 0);
      const recent = await api.get('/api/public/registries/licences?limit=2');
      assert.equal(recent.body.items.length, 2);
      const list = await api.get('/api/public/registries');
      assert.ok(list.body.items.includes('licences'));
    });

    await ctx.test('bad input: problem+json', async () => {
      assertProblem(await api.get('/api/public/verify?number=12345'), 400, 'number_format', 'number');
      assertProblem(await api.get('/api/public/verify?number=KNB-CIPM-2026-000001%27%20OR%201=1'), 400, 'number_format', 'number');
      assertProblem(await api.get('/api/public/verify'), 400, 'required', 'number');
      assertProblem(await api.get(`/api/public/verify?number=${n1}&sha256=abc`), 400, 'sha256_format', 'sha256');
      assertProblem(await api.get(`/api/public/verify?number=${n1}&foo=1`), 400, 'unknown_parameter', 'foo');
      assertProblem(await api.get('/api/public/registries/no_such_registry'), 404, 'unknown_registry', 'registry');
      assertProblem(await api.get('/api/public/registries/Bad%20Name'), 400, 'registry_format', 'registry');
      assertProblem(await api.get(`/api/public/registries/licences?bin=${holder.bin!.slice(0, 11)}${(Number(holder.bin!.slice(11)) + 1) % 10}`), 400, 'checksum', 'bin');
      assertProblem(await api.get('/api/public/registries/licences?iin=12'), 400, 'format', 'iin');
      assertProblem(await api.get('/api/public/registries/licences?number=nope'), 400, 'number_format', 'number');
      assertProblem(await api.get('/api/public/registries/licences?q=a'), 400, 'q_length', 'q');
      assertProblem(await api.get('/api/public/registries/licences?limit=1000'), 400, 'limit', 'limit');
      assertProblem(await api.get('/api/public/registries/licences?bin=1&bin=2'), 400, 'type', 'bin');
      assertProblem(await api.get('/api/public/registries/licences?sort=name'), 400, 'unknown_parameter', 'sort');
    });
  } finally {
    await server.close();
    await t.close();
  }
});

test('CLI: qyzmet registry search and verify answer from the instance\'s database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-registry-'));
  const url = join(dir, 'q.sqlite');
  const clock = { now: new Date('2026-11-23T10:00:00+05:00'), set(iso: string) { this.now = new Date(iso); }, advanceMinutes(m: number) { this.now = new Date(this.now.getTime() + m * 60_000); } };
  const app = await openApp({ databaseUrl: url, caPassphrase: 'cli-test', publicUrl: 'http://127.0.0.1', dataDir: null }, { now: () => clock.now });
  const users = (await bootstrapDemo(app, { population: { individuals: 120, legalEntities: 20 } }))!;
  const t: TestApp = {
    app,
    users,
    clock,
    async login(u) {
      const ch = await createChallenge(app);
      const r = await signIn(app, { challengeId: ch.challengeId, signature: await signText(u.auth, ch.nonce) });
      return { ...r.user, token: r.token };
    },
    close: () => app.close(),
  };
  try {
    const v = await runCase(t, { serviceId: SERVICE, subcase: 'issue', path: APPROVE });
    const n = v.result!.number;
    const sha = v.result!.documentSha256;
    await app.close();
    const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/qyzmet.mjs', 'registry', ...args], { encoding: 'utf8', env: { ...process.env, QYZMET_DATABASE_URL: url, QYZMET_DATA_DIR: dir, QYZMET_SMTP_URL: '' }, timeout: 60_000 });
    const s = cli('search', '--registry', 'licences', '--bin', users.company_head.bin!, '--json');
    assert.equal(s.status, 0, s.stderr);
    assert.deepEqual(JSON.parse(s.stdout).items.map((e: { number: string }) => e.number), [n]);
    const text = cli('search', '--number', n);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^${n}\\s+valid`));
    const ok = cli('verify', n, '--sha256', sha);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /document matches the one issued/);
    const bad = cli('verify', n, '--sha256', 'f'.repeat(64), '--json');
    assert.equal(bad.status, 1);
    assert.equal(JSON.parse(bad.stdout).reason, 'hash_mismatch');
    const malformed = cli('verify', 'not-a-number');
    assert.equal(malformed.status, 1);
    assert.match(malformed.stderr, /number must be a result number/);
    assert.equal(cli('search', '--bin', '1', '--iin', '2').status, 2);
    assert.equal(cli('frobnicate').status, 2);
  } finally {
    await app.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  void PG_URL;
});

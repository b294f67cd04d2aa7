// The public registry search in Debian's Chromium against a real server: anyone (no sign-in) picks a
// registry, searches by result number, by BIN and by a word of the holder's name, sees a search that
// finds nothing said plainly, pages through a long answer (the search is in the URL: the back button
// returns to the previous page of results), and opens a result's verification — in Russian, and in
// Kazakh at phone width. Then the bad input the application form must refuse before reading: a file
// larger than the limit (which file, what limit; the other inputs kept; nothing uploaded or sent).
// axe-core checks every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { makeBin } from '../../src/core/identifiers.ts';
import { bulkInsertEntries } from '../../src/gov/registries/registry.ts';
import { requiredDocuments, MAX_DOCUMENT_BYTES } from '../../src/core/application.ts';
import { sampleFields } from '../../src/core/sample.ts';
import { matches } from '../../src/core/regulation.ts';
import type { RegistryEntriesTable } from '../../src/store/tables.ts';
import { Person, browserSuite, withPerson, type Instance, type Lang } from './harness.ts';

let inst: Instance;
let browser: Browser;
browserSuite((i, b) => {
  inst = i;
  browser = b;
});

const SERVICE = 'crypto-licence';
const REGISTRY = 'licences';
/** 23 "Альфа" holders (three pages of ten), one "Қорғау-Тех", one revoked, one suspended. */
const ALPHA = 23;
let seeded: { unique: RegistryEntriesTable; alpha: RegistryEntriesTable[] } | undefined;

async function seed() {
  if (seeded) return seeded;
  const svc = inst.app.catalog.inForce(SERVICE, inst.app.now())!;
  const row = (n: number, name: string, status: RegistryEntriesTable['status'] = 'valid'): RegistryEntriesTable => {
    const at = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
    return {
      number: `KNB-TEST-2026-${String(900000 + n)}`,
      registry: REGISTRY,
      service_id: svc.id,
      version: svc.version,
      subcase: 'issue',
      case_id: null,
      holder_kind: 'legal_entity',
      holder_iin: '',
      holder_bin: makeBin('2015-03', 'resident', 'head', 1000 + n),
      holder_name: name,
      issuer_id: svc.provider.id,
      issuer_name: JSON.stringify(svc.provider.name),
      status,
      status_at: at,
      status_reason: status === 'valid' ? null : 'test',
      predecessor_number: null,
      predecessor_ref: null,
      successor_number: null,
      issued_at: at,
      sha256: 'ab'.repeat(32),
    };
  };
  const alpha = Array.from({ length: ALPHA }, (_, k) => row(k + 1, `ТОО «Альфа Защита ${k + 1}»`, k === 0 ? 'revoked' : k === 1 ? 'suspended' : 'valid'));
  const unique = row(100, 'ТОО «Қорғау-Тех Сервис»');
  await bulkInsertEntries(inst.app.store.db, inst.app.store.engine, [...alpha, unique]);
  seeded = { unique, alpha };
  return seeded;
}

const rows = (p: Person) => p.page.locator('main table tbody tr');

/** Chooses the registry and the kind of search, types the value and searches. */
async function search(p: Person, by: 'number' | 'id' | 'name', value: string) {
  await p.page.getByLabel(p.t('regsearch.registry'), { exact: true }).selectOption(REGISTRY);
  await p.page.getByRole('radio', { name: p.t(`regsearch.by.${by}`), exact: true }).check();
  await p.page.getByLabel(p.t(`regsearch.value.${by}`), { exact: true }).fill(value);
  await p.page.getByRole('button', { name: p.t('regsearch.search'), exact: true }).click();
}

async function registrySearch(t: import('node:test').TestContext, lang: Lang, phone: boolean) {
  await withPerson(t, { person: new Person(phone ? 'phone' : 'visitor', lang, inst), browser, ...(phone ? { viewport: { width: 390, height: 844 } } : {}) }, async (p) => {
    const { unique, alpha } = await seed();
    await p.goto('/');
    await p.nav('nav.registries').click();
    await p.visit('registries', p.t('regsearch.title'));

    // By number (typed in lower case: it is the same number).
    await search(p, 'number', unique.number.toLowerCase());
    await rows(p).first().waitFor();
    assert.equal(await rows(p).count(), 1);
    const row = rows(p).first();
    await row.getByText(unique.holder_name, { exact: true }).waitFor();
    await row.getByText(unique.holder_bin, { exact: true }).waitFor();
    await row.getByText(p.t('registry.status.valid'), { exact: true }).waitFor();
    assert.ok(p.page.url().endsWith(`/registries?registry=${REGISTRY}&by=number&v=${unique.number.toLowerCase()}`), p.page.url());
    await p.visit('registries-number');

    // A number of the wrong shape is refused as it is typed, before any search.
    await p.page.getByLabel(p.t('regsearch.value.number'), { exact: true }).fill('12345');
    await p.page.getByLabel(p.t('regsearch.value.number'), { exact: true }).blur();
    await p.page.getByText(p.t('regsearch.badNumber', { label: p.t('regsearch.value.number') })).waitFor();

    // By BIN: a wrong check digit is refused with the application form's own message, then the right one finds it.
    const bin = alpha[5]!.holder_bin;
    await p.page.getByRole('radio', { name: p.t('regsearch.by.id'), exact: true }).check();
    const idInput = p.page.getByLabel(p.t('regsearch.value.id'), { exact: true });
    await idInput.fill(bin.slice(0, 11) + String((Number(bin[11]) + 1) % 10));
    await p.page.getByText(p.t('val.checksum', { label: p.t('regsearch.value.id') })).waitFor();
    assert.equal(await idInput.getAttribute('aria-invalid'), 'true');
    await p.visit('registries-bad-bin');
    await search(p, 'id', bin);
    await rows(p).first().getByText(alpha[5]!.holder_name, { exact: true }).waitFor();
    assert.equal(await rows(p).count(), 1);

    // A search that finds nothing says so.
    await search(p, 'name', 'Несуществующая');
    await p.page.getByText(p.t('regsearch.none', { registry: await p.page.locator('#rs-registry option:checked').innerText() })).waitFor();
    assert.equal(await rows(p).count(), 0);
    await p.visit('registries-none');

    // By a word of the name (a prefix of it): three pages of ten, ten, three.
    await search(p, 'name', 'альф');
    await rows(p).nth(9).waitFor();
    assert.equal(await rows(p).count(), 10);
    await p.page.getByText(p.t('regsearch.page', { n: 1 }), { exact: true }).waitFor();
    // Statuses as the server says: the first holder's result is revoked, the second's suspended.
    const statuses = await rows(p).locator('td:nth-child(4)').allInnerTexts();
    assert.deepEqual(statuses.slice(0, 3).map((s) => s.trim()), [p.t('registry.status.revoked'), p.t('registry.status.suspended'), p.t('registry.status.valid')]);
    await p.visit('registries-name-1');
    const numbers = async () => rows(p).locator('td:first-child a').allInnerTexts();
    const seen = await numbers();
    const first = seen[0]!;
    await p.page.getByRole('button', { name: p.t('regsearch.next'), exact: true }).click();
    await p.page.getByText(p.t('regsearch.page', { n: 2 }), { exact: true }).waitFor();
    assert.match(p.page.url(), /page=2/);
    await rows(p).first().locator('a', { hasNotText: first }).waitFor();
    seen.push(...(await numbers()));
    await p.page.getByRole('button', { name: p.t('regsearch.next'), exact: true }).click();
    await p.page.getByText(p.t('regsearch.page', { n: 3 }), { exact: true }).waitFor();
    await rows(p).nth(ALPHA - 21).waitFor();
    assert.equal(await rows(p).count(), ALPHA - 20);
    assert.equal(await p.page.getByRole('button', { name: p.t('regsearch.next'), exact: true }).count(), 0, 'no next page after the last');
    await p.visit('registries-name-3');
    seen.push(...(await numbers()));
    assert.deepEqual([...new Set(seen)].sort(), alpha.map((e) => e.number).sort(), 'every holder once over the three pages');
    // The back button returns to the second page, then the first, with the same rows.
    await p.page.goBack();
    await p.page.getByText(p.t('regsearch.page', { n: 2 }), { exact: true }).waitFor();
    await p.page.goBack();
    await p.page.getByText(p.t('regsearch.page', { n: 1 }), { exact: true }).waitFor();
    await rows(p).first().locator('a', { hasText: first }).waitFor();
    assert.equal(await p.page.getByLabel(p.t('regsearch.value.name'), { exact: true }).inputValue(), 'альф');

    // A linked search opens as it was searched.
    await p.goto(`/registries?registry=${REGISTRY}&by=id&v=${unique.holder_bin}`);
    await p.visit('registries-linked', p.t('regsearch.title'));
    await rows(p).first().getByText(unique.holder_name, { exact: true }).waitFor();

    // Keyboard: from the number's link, Enter opens its verification, which checks it at once.
    const link = rows(p).first().getByRole('link', { name: p.t('regsearch.verifyNumber', { number: unique.number }) });
    await link.focus();
    await p.page.keyboard.press('Enter');
    await p.page.waitForURL(`**/verify?number=${unique.number}`);
    await p.visit('registries-verify', p.t('verify.title'));
    await p.page.getByText(p.t('registry.issued', { number: unique.number, status: p.t('registry.status.valid') })).waitFor();
    assert.deepEqual(p.errors, []);
  });
}

test('registry search in Russian: number, BIN, name, nothing found, pages, back button, verification', async (t) => {
  await registrySearch(t, 'ru', false);
});

test('registry search in Kazakh at phone width', async (t) => {
  await registrySearch(t, 'kk', true);
});

test('registry search: a server error is said plainly', async (t) => {
  await withPerson(t, { person: new Person('visitor-error', 'en', inst), browser }, async (p) => {
    await p.page.route('**/api/public/registries/licences?*', (r) => r.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'the database is not available' }) }));
    await p.goto(`/registries?registry=${REGISTRY}&by=name&v=alpha`);
    await p.page.getByText(p.t('regsearch.failed')).waitFor();
    await p.visit('registries-error', p.t('regsearch.title'));
    assert.equal(await rows(p).count(), 0);
  });
});

test('application form: a file over the size limit is refused before it is read, naming the file and the limit', async (t) => {
  await withPerson(t, { person: new Person('applicant', 'ru', inst), browser }, async (p) => {
    const u = inst.users.applicant;
    const svc = inst.app.catalog.inForce(SERVICE, inst.app.now())!;
    const sc = svc.subcases.find((s) => s.id === 'issue')!;
    const ctx = { channel: 'portal' as const, applicantKind: 'individual' as const };
    const before = await inst.app.store.db.selectFrom('cases').select('id').where('applicant_user_id', '=', u.userId).execute();
    await p.goto(`/apply/${SERVICE}/issue`);
    await p.page.waitForURL('**/signin?next=*');
    await p.signIn('applicant-auth.p12');
    await p.page.waitForURL(`**/apply/${SERVICE}/issue`);
    await p.visit('apply-applicant', sc.name.ru);
    await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
    await p.page.locator('#apply-form').waitFor();
    const values = sampleFields(sc, ctx, { iin: u.iin, today: new Date().toISOString().slice(0, 10) });
    const typed: Record<string, string> = {};
    for (const f of sc.fields) {
      if (!f.required || !matches(f.when, { ...ctx, fields: values })) continue;
      const el = p.page.locator(`#f-${f.id}`);
      if (f.type === 'select') {
        if (!(await el.inputValue())) await el.selectOption(String(values[f.id]));
      } else if (f.type === 'boolean') await el.check();
      else if (!(await el.inputValue())) {
        const v = f.type === 'text' || f.type === 'textarea' ? `${f.label.ru} (тест)`.slice(0, f.maxLength ?? 200) : String(values[f.id]);
        await el.fill(v);
        typed[f.id] = v;
      }
    }
    await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
    await p.page.locator('#doc-fee_payment').waitFor();

    const plain = requiredDocuments(sc, { ...ctx, fields: values }).filter((d) => !d.satisfiedBy?.length);
    assert.ok(plain.length >= 1, 'a document without alternatives to attach');
    const small = plain[0]!;
    const big = plain[1] ?? plain[0]!;
    await p.page.locator(`#doc-${small.id}`).setInputFiles({ name: 'small.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await p.page.locator('.files li', { hasText: 'small.pdf' }).waitFor();

    const posts: string[] = [];
    p.page.on('request', (r) => {
      if (r.method() !== 'GET') posts.push(`${r.method()} ${r.url()}`);
    });
    const name = 'scan-too-large.pdf';
    await p.page.locator(`#doc-${big.id}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x25) });
    const max = p.t('unit.mb', { n: new Intl.NumberFormat('ru', { maximumFractionDigits: 1 }).format(MAX_DOCUMENT_BYTES / 1024 / 1024) });
    const err = p.page.locator(`#doc-${big.id}-err`);
    await err.filter({ hasText: p.t('file.too_large', { name, max }) }).waitFor();
    assert.equal(await p.page.locator(`#doc-${big.id}`).getAttribute('aria-invalid'), 'true');
    await p.visit('apply-file-too-large');
    // Not read (no progress), not attached, the other file kept, nothing sent.
    assert.equal(await p.page.locator('.files li', { hasText: name }).count(), 0);
    assert.equal(await p.page.getByText(p.t('file.reading', { name })).count(), 0);
    await p.page.locator('.files li', { hasText: 'small.pdf' }).waitFor();
    assert.deepEqual(posts, []);
    // The form's values are still there one step back.
    await p.page.getByRole('button', { name: p.t('common.back'), exact: true }).click();
    await p.page.locator('#apply-form').waitFor();
    for (const [id, v] of Object.entries(typed)) assert.equal(await p.page.locator(`#f-${id}`).inputValue(), v, `field ${id} kept`);
    const after = await inst.app.store.db.selectFrom('cases').select('id').where('applicant_user_id', '=', u.userId).execute();
    assert.equal(after.length, before.length, 'nothing submitted');
    assert.deepEqual(p.errors, []);
  });
});

// Spreadsheet notifications: the reader (src/gov/spreadsheets/notification-sheet.ts) on .xlsx and
// .xls (BIFF8) workbooks built here with SheetJS, and the submission hook that refuses an invalid
// notification_xls with 422 spreadsheet_invalid (errors by sheet, row and column) before anything
// is written — checked through submitApplication and once over HTTP for the problem+json reply.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { submitApplication } from '../../src/app/cases.ts';
import { AppError } from '../../src/app/errors.ts';
import { newId } from '../../src/app/ids.ts';
import { signPayload } from '../../src/app/session.ts';
import { applicationPayload } from '../../src/core/application.ts';
import { sha256Hex } from '../../src/core/canonical.ts';
import { findSubcase } from '../../src/core/regulation.ts';
import { sampleDocuments, sampleFields } from '../../src/core/sample.ts';
import { buildServer } from '../../src/http/server.ts';
import { readNotificationSheet, sampleNotificationWorkbook, SheetError, type SheetProblem } from '../../src/gov/spreadsheets/notification-sheet.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { counts } from './support.ts';

const SERVICE = 'crypto-notification';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLS_MIME = 'application/vnd.ms-excel';

const HEADER_RU = ['Наименование товара (продукции)', 'Модель (модификация)', 'Код ТН ВЭД ЕАЭС', 'Категория товара (пункт Перечня)', 'Изготовитель', 'Страна изготовителя', 'Криптографические алгоритмы', 'Максимальная длина ключа, бит', 'Дата нотификации'];
const GOOD_ROWS: unknown[][] = [
  ['Маршрутизатор', 'X100', '8517620009', 1, 'Acme Networks Ltd', 'CN', 'AES-256, RSA-2048', 2048, '20.11.2026'],
  ['Смарт-карта', null, '8523520000', '2', 'ТОО «Карта»', 'kz', 'ГОСТ 28147-89', 256, '2026-11-19'],
  ['Точка доступа Wi-Fi', 'AP-7', '8517', 6, 'Acme Networks Ltd', 'US', 'AES-128 (WPA2)', 128, new Date(Date.UTC(2026, 10, 18))],
];

function workbook(aoa: unknown[][], edit?: (ws: XLSX.WorkSheet) => void): XLSX.WorkBook {
  const ws = XLSX.utils.aoa_to_sheet(aoa, { UTC: true } as XLSX.AOA2SheetOpts);
  edit?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Нотификация');
  return wb;
}
const xlsx = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
const xls = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);

function refusal(bytes: Uint8Array): SheetError {
  try {
    readNotificationSheet(bytes);
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
  assert.fail('the sheet was accepted');
}
const brief = (ps: SheetProblem[]) => ps.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, field: p.field, rule: p.rule }));

// ---------------------------------------------------------------- the reader

test('a valid notification is read from .xlsx and from .xls (BIFF8) alike, with Excel row numbers', () => {
  for (const [kind, bytes] of [['xlsx', xlsx(workbook([HEADER_RU, ...GOOD_ROWS]))], ['xls', xls(workbook([HEADER_RU, ...GOOD_ROWS]))]] as const) {
    const { rows } = readNotificationSheet(bytes);
    assert.equal(rows.length, 3, kind);
    assert.deepEqual(rows[0], { sheet: 'Нотификация', row: 2, goodsName: 'Маршрутизатор', model: 'X100', hsCode: '8517620009', category: '1', manufacturer: 'Acme Networks Ltd', manufacturerCountry: 'CN', cryptoAlgorithms: 'AES-256, RSA-2048', maxKeyLength: 2048, notificationDate: '2026-11-20' }, kind);
    assert.equal(rows[1]!.model, null, kind);
    assert.equal(rows[1]!.manufacturerCountry, 'KZ', kind);
    assert.equal(rows[1]!.notificationDate, '2026-11-19', kind);
    assert.equal(rows[2]!.notificationDate, '2026-11-18', `${kind}: a date cell`);
    assert.equal(rows[2]!.row, 4, kind);
  }
});

test('the sample notification is valid in both formats', () => {
  assert.equal(readNotificationSheet(sampleNotificationWorkbook('xlsx')).rows.length, 1);
  assert.equal(readNotificationSheet(sampleNotificationWorkbook('biff8')).rows[0]!.notificationDate, '2026-01-15');
});

test('headers match by kk/ru/en names ignoring case and spaces, in any order, below a title row', () => {
  const header = ['  hs   CODE (eaeu cn fea) ', 'NAME OF THE GOODS (PRODUCT)', 'Өндіруші', 'страна  изготовителя', 'Cryptographic Algorithms', 'maximum key length, bits', 'notification date', 'goods category (item of the list)'];
  const bytes = xlsx(workbook([['Нотификация о характеристиках'], header, ['8471300000', 'Ноутбук', 'Acme', 'RU', 'AES', 256, '01.11.2026', 3]]));
  const { rows } = readNotificationSheet(bytes);
  assert.deepEqual(rows.map((r) => [r.row, r.hsCode, r.goodsName, r.category, r.model]), [[3, '8471300000', 'Ноутбук', '3', null]]);
});

test('a formula anywhere is refused, naming the cell', () => {
  const wb = workbook([HEADER_RU, ...GOOD_ROWS], (ws) => {
    ws['H3'] = { t: 'n', v: 256, f: '128*2' };
  });
  const e = refusal(xlsx(wb));
  assert.equal(e.rule, 'formula');
  assert.deepEqual(brief(e.problems), [{ sheet: 'Нотификация', row: 3, column: 'H', field: undefined, rule: 'formula' }]);
  assert.match(e.problems[0]!.detail, /H3 holds a formula \(=128\*2\)/);
  const other = XLSX.utils.aoa_to_sheet([['x', 1]]);
  other['B1'] = { t: 'n', v: 1, f: 'ROW()' };
  const wb2 = workbook([HEADER_RU, ...GOOD_ROWS]);
  XLSX.utils.book_append_sheet(wb2, other, 'Calc');
  assert.deepEqual(brief(refusal(xlsx(wb2)).problems), [{ sheet: 'Calc', row: 1, column: 'B', field: undefined, rule: 'formula' }], 'on any sheet');
});

test('missing required columns are named', () => {
  const header = HEADER_RU.filter((h) => !/ТН ВЭД|Страна/.test(h));
  const e = refusal(xls(workbook([header, ['a', 'b', 1, 'c', 'd', 1, '01.01.2026']])));
  assert.equal(e.rule, 'missing_columns');
  assert.deepEqual(brief(e.problems), [
    { sheet: 'Нотификация', row: 1, column: undefined, field: 'hsCode', rule: 'missing_column' },
    { sheet: 'Нотификация', row: 1, column: undefined, field: 'manufacturerCountry', rule: 'missing_column' },
  ]);
});

test('every bad value is reported by sheet, row and column', () => {
  const rows = GOOD_ROWS.map((r) => [...r]);
  rows[1]![2] = '85AB'; // C3
  rows[1]![8] = '31.02.2026'; // I3
  rows[2]![3] = 14; // D4
  rows[2]![5] = 'XX'; // F4
  rows[2]![7] = 0; // H4
  rows[2]![4] = ''; // E4: required
  const e = refusal(xlsx(workbook([HEADER_RU, ...rows])));
  assert.equal(e.rule, 'invalid_rows');
  assert.deepEqual(brief(e.problems), [
    { sheet: 'Нотификация', row: 3, column: 'C', field: 'hsCode', rule: 'hs_code' },
    { sheet: 'Нотификация', row: 3, column: 'I', field: 'notificationDate', rule: 'date' },
    { sheet: 'Нотификация', row: 4, column: 'D', field: 'category', rule: 'option' },
    { sheet: 'Нотификация', row: 4, column: 'E', field: 'manufacturer', rule: 'required' },
    { sheet: 'Нотификация', row: 4, column: 'F', field: 'manufacturerCountry', rule: 'country' },
    { sheet: 'Нотификация', row: 4, column: 'H', field: 'maxKeyLength', rule: 'range' },
  ]);
});

test('not a spreadsheet, too large, too many rows, no rows', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
  assert.equal(refusal(pdf).rule, 'not_spreadsheet');
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(40)]);
  assert.equal(refusal(zip).rule, 'unreadable', 'a PK header without a ZIP directory');
  const big = new Uint8Array(5 * 1024 * 1024 + 1);
  big.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  assert.equal(refusal(big).rule, 'too_large');
  const many = Array.from({ length: 10_001 }, () => GOOD_ROWS[0]!);
  const e = refusal(xlsx(workbook([HEADER_RU, ...many])));
  assert.equal(e.rule, 'too_many_rows');
  assert.equal(readNotificationSheet(xlsx(workbook([HEADER_RU, ...many.slice(1)]))).rows.length, 10_000, '10,000 rows are accepted');
  assert.equal(refusal(xlsx(workbook([HEADER_RU]))).rule, 'empty');
});

// ---------------------------------------------------------------- at submission

const apps = new Map<EngineName, TestApp>();
async function appFor(engine: EngineName) {
  let t = apps.get(engine);
  if (!t) apps.set(engine, (t = await makeTestApp(engine)));
  return t;
}
after(async () => {
  for (const t of apps.values()) await t.close();
});

/** A portal application of crypto-notification whose notification_xls is `file`. */
async function application(t: TestApp, file: { bytes: Uint8Array; mime: string; name: string }) {
  const who = t.users.company_head;
  const svc = t.app.catalog.inForce(SERVICE, t.clock.now)!;
  const sc = findSubcase(svc, 'registration')!;
  const ctx = { channel: 'portal' as const, applicantKind: 'legal_entity' as const };
  const fields = sampleFields(sc, ctx, { iin: who.iin, bin: who.bin!, today: '2026-11-20' });
  const documents = sampleDocuments(sc, { ...ctx, fields }).map((d) =>
    d.requirement === 'notification_xls' ? { requirement: d.requirement, name: file.name, mime: file.mime, contentBase64: Buffer.from(file.bytes).toString('base64') } : d,
  );
  assert.ok(documents.some((d) => d.requirement === 'notification_xls'));
  const payload = applicationPayload({
    serviceId: SERVICE, subcase: sc.id, channel: 'portal', applicant: { iin: who.iin, bin: who.bin! }, fields,
    documents: documents.map((d) => {
      const b = Buffer.from(d.contentBase64, 'base64');
      return { requirement: d.requirement, name: d.name, mime: d.mime, size: b.length, sha256: sha256Hex(b) };
    }),
  });
  return { who, body: { serviceId: SERVICE, subcase: sc.id, fields, documents, signature: await signPayload(who.sign, payload) } };
}

async function submit(t: TestApp, file: { bytes: Uint8Array; mime: string; name: string }) {
  const { who, body } = await application(t, file);
  return submitApplication(t.app, await t.login(who), body, newId());
}

const TABLES = ['cases', 'case_events', 'attachments', 'idempotency'] as const;

async function refusedAtSubmission(t: TestApp, file: { bytes: Uint8Array; mime: string; name: string }) {
  const before = await counts(t, [...TABLES]);
  const e = await submit(t, file).then(
    () => assert.fail('the submission was accepted'),
    (err: unknown) => err,
  );
  assert.ok(e instanceof AppError, String(e));
  assert.deepEqual(await counts(t, [...TABLES]), before, 'nothing written');
  const p = e.toProblem();
  assert.equal(p.status, 422);
  assert.equal(p.rule, 'spreadsheet_invalid');
  return p as typeof p & { reason: string; errors: SheetProblem[] };
}

eachEngine('a valid .xlsx and a valid .xls notification are accepted on the portal', async (_t, engine) => {
  const t = await appFor(engine);
  for (const file of [
    { bytes: xlsx(workbook([HEADER_RU, ...GOOD_ROWS])), mime: XLSX_MIME, name: 'notification.xlsx' },
    { bytes: xls(workbook([HEADER_RU, ...GOOD_ROWS])), mime: XLS_MIME, name: 'notification.xls' },
  ]) {
    const before = (await counts(t, ['cases'])).cases!;
    const res = await submit(t, file);
    assert.equal(res.status, 201);
    assert.equal((await counts(t, ['cases'])).cases, before + 1);
    const att = await t.app.store.db.selectFrom('attachments').select(['mime', 'size']).where('case_id', '=', res.body.id).where('mime', '=', file.mime).executeTakeFirstOrThrow();
    assert.equal(att.size, file.bytes.length);
  }
});

eachEngine('invalid notifications are refused at submission with sheet/row/column errors and nothing written', async (_t, engine) => {
  const t = await appFor(engine);

  const formula = await refusedAtSubmission(t, { bytes: xlsx(workbook([HEADER_RU, ...GOOD_ROWS], (ws) => { ws['H2'] = { t: 'n', v: 2048, f: '1024*2' }; })), mime: XLSX_MIME, name: 'n.xlsx' });
  assert.equal(formula.reason, 'formula');
  assert.equal(formula.field, 'documents.1');
  assert.deepEqual(brief(formula.errors), [{ sheet: 'Нотификация', row: 2, column: 'H', field: undefined, rule: 'formula' }]);

  const missing = await refusedAtSubmission(t, { bytes: xls(workbook([HEADER_RU.slice(0, 8), GOOD_ROWS[0]!.slice(0, 8)])), mime: XLS_MIME, name: 'n.xls' });
  assert.equal(missing.reason, 'missing_columns');
  assert.deepEqual(brief(missing.errors), [{ sheet: 'Нотификация', row: 1, column: undefined, field: 'notificationDate', rule: 'missing_column' }]);

  const rows = GOOD_ROWS.map((r) => [...r]);
  rows[0]![7] = 'много'; // H2
  rows[2]![2] = 851762; // C4: a number, 6 digits — accepted
  rows[2]![5] = 'Китай'; // F4
  const bad = await refusedAtSubmission(t, { bytes: xls(workbook([HEADER_RU, ...rows])), mime: XLS_MIME, name: 'n.xls' });
  assert.equal(bad.reason, 'invalid_rows');
  assert.deepEqual(brief(bad.errors), [
    { sheet: 'Нотификация', row: 2, column: 'H', field: 'maxKeyLength', rule: 'type' },
    { sheet: 'Нотификация', row: 4, column: 'F', field: 'manufacturerCountry', rule: 'country' },
  ]);

  const pdf = await refusedAtSubmission(t, { bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), mime: XLSX_MIME, name: 'notification.xlsx' });
  assert.equal(pdf.reason, 'not_spreadsheet');
  assert.deepEqual(pdf.errors.map((e) => e.rule), ['not_spreadsheet']);

  const big = new Uint8Array(5 * 1024 * 1024 + 100);
  big.set(xlsx(workbook([HEADER_RU, ...GOOD_ROWS])));
  const oversize = await refusedAtSubmission(t, { bytes: big, mime: XLSX_MIME, name: 'big.xlsx' });
  assert.equal(oversize.reason, 'too_large');
});

test('over HTTP the refusal is a 422 problem+json document', async () => {
  const t = await appFor('sqlite');
  const server = await buildServer(t.app);
  try {
    const rows = GOOD_ROWS.map((r) => [...r]);
    rows[1]![3] = 'пять';
    const { who, body } = await application(t, { bytes: xlsx(workbook([HEADER_RU, ...rows])), mime: XLSX_MIME, name: 'n.xlsx' });
    const me = await t.login(who);
    const before = await counts(t, [...TABLES]);
    const res = await server.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${me.token}`, 'idempotency-key': newId(), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const p = JSON.parse(res.body);
    assert.equal(p.rule, 'spreadsheet_invalid');
    assert.equal(p.field, 'documents.1');
    assert.deepEqual(brief(p.errors), [{ sheet: 'Нотификация', row: 3, column: 'D', field: 'category', rule: 'option' }]);
    assert.deepEqual(await counts(t, [...TABLES]), before);
  } finally {
    await server.close();
  }
});

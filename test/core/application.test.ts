// What an application must contain: field types, documents by channel and form values, and the
// file types a document is accepted in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocuments, validateFields } from '../../src/core/application.ts';
import { findSubcase } from '../../src/core/regulation.ts';
import { definitions } from '../../src/services/index.ts';

const notification = definitions.find((d) => d.id === 'crypto-notification')!;
const licence = definitions.find((d) => d.id === 'crypto-licence')!;

test('a document declared as a spreadsheet is refused in another file type, and accepted as xls/xlsx', () => {
  const sc = notification.subcases[0]!;
  const ctx = { channel: 'portal' as const, applicantKind: 'legal_entity' as const };
  const doc = (mime: string) => ({ requirement: 'notification_xls', name: 'n', mime, size: 10, sha256: 'x' });
  const pdf = checkDocuments(sc, [doc('application/pdf')], ctx).find((p) => p.field === 'documents.0.mime');
  assert.equal(pdf?.rule, 'mime');
  assert.match(pdf!.detail, /not accepted for notification_xls/);
  for (const mime of ['application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
    assert.equal(checkDocuments(sc, [doc(mime)], ctx).some((p) => p.field === 'documents.0.mime'), false, mime);
  }
  // Other documents keep the platform's types: a spreadsheet is not a scanned letter.
  const other = sc.documents.find((d) => !d.mime && !d.obtainedByProvider)!;
  const wrong = checkDocuments(sc, [{ requirement: other.id, name: 'n', mime: 'application/vnd.ms-excel', size: 10, sha256: 'x' }], ctx);
  assert.equal(wrong.find((p) => p.field === 'documents.0.mime')?.rule, 'mime');
});

test('form values decide which documents apply: the qualification test only for development', () => {
  const sc = findSubcase(licence, 'issue')!;
  const test_ = sc.documents.find((d) => d.id === 'qualification_test');
  assert.ok(test_?.when?.fields, 'the qualification test depends on the activity field');
  const fields = validateFields(sc, { activity: 'not-an-option' }, { channel: 'portal', applicantKind: 'legal_entity' });
  assert.equal(fields.find((p) => p.field === 'fields.activity')?.rule, 'option');
});

// Accreditation of certification centres (Annex 4 of order No. 877, seed 002 L748-764): repealed
// by order No. 224/НҚ of 01.06.2020, its text absent. Kept in the catalog for its legal history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import certCentreDefault, { ANNEX_4_REPEALED_FROM, certCentreAccreditation } from '../../src/services/cert-centre-accreditation.ts';
import { makeCatalog } from '../../src/services/index.ts';
import { ServiceDefinition } from '../../src/core/regulation.ts';

const svc = certCentreAccreditation;

test('the definition validates, is the default export and is a repealed entry without sub-cases or result', () => {
  const again = ServiceDefinition.safeParse(svc);
  assert.ok(again.success, again.success ? '' : again.error.message);
  assert.equal(certCentreDefault, svc);
  assert.equal(svc.id, 'cert-centre-accreditation');
  assert.equal(svc.status, 'repealed');
  assert.deepEqual(svc.subcases, []);
  assert.equal(svc.result, undefined);
  assert.deepEqual(svc.refusalGrounds, []);
  assert.equal(svc.name.kk, 'Куәландыру орталықтарын аккредиттеу');
  assert.equal(svc.name.ru, 'Аккредитация удостоверяющих центров');
  assert.equal(svc.name.en, 'Accreditation of certification centres');
  assert.equal(svc.provider.id, 'informatization');
});

test('effective period: from order No. 877 until the repeal by order No. 224/НҚ (+10 calendar days)', () => {
  assert.equal(svc.version, '2015-10-31');
  // Signed 01.06.2020, in force 10 calendar days after first publication: 12.06.2020 at the earliest.
  assert.equal(ANNEX_4_REPEALED_FROM, '2020-06-12');
  assert.deepEqual(svc.effective, { from: '2015-10-31', to: '2020-06-12' });
});

test('legal history: order No. 877 (Annex 4), its repeal by 224/НҚ, the whole order by 120/НҚ', () => {
  const order = svc.sources.find((s) => s.number === '877');
  assert.ok(order);
  assert.equal(order.date, '2015-08-24');
  assert.match(order.registered ?? '', /29\.09\.2015.*12119/);
  assert.match(order.act.en, /Annex 4/);
  assert.match(order.repealedBy ?? '', /224\/НҚ of 01\.06\.2020/);
  assert.match(order.repealedBy ?? '', /120\/НҚ of 30\.05\.2023/);
  assert.equal(order.ref?.seed, '002');
  const repeal = svc.sources.find((s) => s.number === '224/НҚ');
  assert.ok(repeal);
  assert.equal(repeal.date, '2020-06-01');
  assert.equal(repeal.effectiveFrom, '2020-06-12');
  assert.match(repeal.ref?.lines ?? '', /L31-33/);
  assert.match(repeal.ref?.lines ?? '', /L762-764/);
  assert.ok(svc.sources.some((s) => s.date === '2013-04-15'), 'the Law "On state services"');
});

test('interpretations: the missing text, the repeal date, the placeholders the schema requires', () => {
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Repealed entry without text/, /effective\.to/, /effective\.from/, /Placeholders/]) assert.match(topics, t);
  for (const i of svc.interpretations) assert.ok(i.readings.length >= 1 && i.chosen && i.refs.length >= 1, i.topic);
});

test('the catalog lists the entry but never offers it', () => {
  const catalog = makeCatalog();
  assert.ok(catalog.ids().includes('cert-centre-accreditation'));
  assert.deepEqual(catalog.versions('cert-centre-accreditation').map((d) => d.version), ['2015-10-31']);
  for (const at of ['2016-01-15T10:00:00+06:00', '2020-06-01T10:00:00+06:00', '2026-11-23T10:00:00+05:00']) {
    assert.equal(catalog.inForce('cert-centre-accreditation', new Date(at)), undefined, at);
  }
  // Its three siblings of order No. 877 are offered.
  for (const id of ['is-deposit', 'is-registration', 'cash-register-conclusion']) assert.ok(catalog.inForce(id, new Date('2026-11-23T10:00:00+05:00')), id);
});

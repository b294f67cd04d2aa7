// The portal's first step fills the form from the state databases: the fields a regulation's form
// shares with them declare their source, and an applicant's data arrives in the language asked.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { prefill } from '../../src/app/prefill.ts';
import { AppError } from '../../src/app/errors.ts';

eachEngine('prefill maps the state databases onto the licence form, for a company and for a person', async (_t, engine) => {
  const t = await makeTestApp(engine);
  try {
    const head = await t.login(t.users.company_head);
    const company = await prefill(t.app, head, { serviceId: 'crypto-licence', subcase: 'issue', lang: 'ru' });
    assert.equal(company.applicantKind, 'legal_entity');
    assert.deepEqual(company.fields, {
      legalEntityName: 'ТОО «Защитные технологии»',
      bin: '160440035711',
      headFullName: 'Сеитов Даурен Кайратович',
    });
    const kk = await prefill(t.app, head, { serviceId: 'crypto-licence', subcase: 'issue', lang: 'kk' });
    assert.equal(kk.fields.headFullName, 'Сейітов Дәурен Қайратұлы');

    const person = await t.login(t.users.applicant);
    const own = await prefill(t.app, person, { serviceId: 'crypto-licence', subcase: 'issue', lang: 'ru' });
    assert.equal(own.applicantKind, 'individual');
    assert.equal(own.fields.iin, '870314300126');
    assert.equal(own.fields.fullName, 'Абилов Ержан Серикович');
    assert.match(own.fields.residence!, /Астана/);
    assert.equal(own.fields.bin, undefined, 'a person\'s form has no BIN field');

    const staff = await t.login(t.users.provider_executor);
    await assert.rejects(prefill(t.app, staff, { serviceId: 'crypto-licence', subcase: 'issue' }), (e: unknown) => e instanceof AppError && e.status === 403);
    await assert.rejects(prefill(t.app, person, { serviceId: 'crypto-licence', subcase: 'nope' }), (e: unknown) => e instanceof AppError && e.rule === 'unknown_subcase');
  } finally {
    await t.close();
  }
});

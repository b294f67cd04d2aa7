// Regulation lint: a clean definition passes; each planted problem in a copy of it is found with
// its severity and sources; the catalog as it stands lints, and the contradictions its encoders
// recorded show up as findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitions } from '../../src/services/index.ts';
import { calendarDaysAsWorkingDays, LINT_CODES, lintCatalog, lintService, lintServiceInput, marksContradiction, type Finding, type LintCode } from '../../src/core/lint.ts';
import { issueOf, stepOf, tiny, tinyInput, tinyWith } from './fixtures.ts';

const codes = (fs: Finding[]) => fs.map((f) => f.code).sort();
const only = (fs: Finding[], code: LintCode) => {
  const hit = fs.filter((f) => f.code === code);
  assert.equal(hit.length, 1, `one ${code} finding, got: ${JSON.stringify(fs.map((f) => `${f.code}: ${f.message}`), null, 1)}`);
  const f = hit[0]!;
  assert.equal(f.severity, LINT_CODES[code]);
  assert.equal(f.serviceId, 'tiny-permit');
  assert.equal(f.version, '2020-01-01');
  return f;
};

test('a clean definition has no findings', () => {
  const svc = tiny();
  assert.deepEqual(lintService(svc, [svc]), []);
  assert.deepEqual(lintServiceInput(tinyInput()), []);
});

test('an unreachable step is an error naming the step and its source', () => {
  const svc = tinyWith((d) => {
    issueOf(d).steps.push({ id: 'orphan', role: 'clerk', action: { kk: 'x', ru: 'x', en: 'Orphan' }, term: { duration: { amount: 1, unit: 'working_days' } }, outcomes: [{ id: 'done', label: { kk: 'x', ru: 'x', en: 'Done' }, next: 'end' }], ref: { seed: '999', lines: 'L99' } });
  });
  const f = only(lintService(svc), 'unreachable-step');
  assert.equal(f.severity, 'error');
  assert.equal(f.subcase, 'issue');
  assert.equal(f.step, 'orphan');
  assert.deepEqual(f.refs, [{ seed: '999', lines: 'L99' }]);
  assert.deepEqual(codes(lintService(svc)), ['unreachable-step']);
});

test('a step from which the case never ends is an error', () => {
  const svc = tinyWith((d) => {
    const mk = (id: string, next: string) => ({ id, role: 'clerk', action: { kk: id, ru: id, en: id }, term: { duration: { amount: 1, unit: 'working_days' as const } }, outcomes: [{ id: 'on', label: { kk: 'x', ru: 'x', en: 'On' }, next }] });
    issueOf(d).steps.push(mk('loop_a', 'loop_b'), mk('loop_b', 'loop_a'));
    stepOf(d, 'review').outcomes.push({ id: 'to_loop', label: { kk: 'x', ru: 'x', en: 'Loop' }, next: 'loop_a' });
  });
  const fs = lintService(svc);
  assert.deepEqual(fs.filter((f) => f.code === 'never-ends').map((f) => f.step).sort(), ['loop_a', 'loop_b']);
  assert.ok(fs.every((f) => f.severity === 'error' || f.code !== 'never-ends'));
});

test('a longest path of step terms beyond the overall term is an error; a calendar-day term that may be too short is a warning', () => {
  // register (same day) + review 3 wd + sign 1 wd = working day 4 after receipt; 3 working days are too few.
  const short = tinyWith((d) => {
    issueOf(d).term.duration.amount = 3;
  });
  const f = only(lintService(short), 'term-exceeds-overall');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /register → review\[approve\] → sign → deliver/);
  assert.match(f.message, /the close of working day 4/);
  assert.match(f.message, /overall term \(3 working days from receipt\) ends at the close of working day 3/);
  assert.deepEqual(f.refs[0], { seed: '999', lines: 'L20', paragraph: '§1' }, 'the overall term is cited first');
  assert.ok(f.refs.some((r) => r.lines === 'L22'), 'and the step terms of the path');
  // Exactly 4 working days fits.
  assert.deepEqual(lintService(tinyWith((d) => void (issueOf(d).term.duration.amount = 4))), []);
  // 6 calendar days are 3 to 6 working days: the 4-working-day path may not fit, but not surely.
  const cd = tinyWith((d) => {
    issueOf(d).term.duration = { amount: 6, unit: 'calendar_days' };
  });
  assert.deepEqual(codes(lintService(cd)), ['term-may-exceed-overall']);
  assert.equal(lintService(cd)[0]!.severity, 'warning');
  // Sub-day steps count as working time (8 working hours a day here): registered by the close of
  // the day of receipt, 4 + 5 working hours end at 10:00 on working day 2, so the same-day
  // delivery ends at the close of day 2, after the overall term of 1 working day; 4 + 4 end
  // exactly at its close.
  const hours = (sign: number) =>
    tinyWith((d) => {
      issueOf(d).term.duration = { amount: 1, unit: 'working_days' };
      stepOf(d, 'review').term.duration = { amount: 4, unit: 'working_hours' };
      stepOf(d, 'sign').term.duration = { amount: sign, unit: 'working_hours' };
      stepOf(d, 'review').outcomes = stepOf(d, 'review').outcomes.filter((o) => o.id !== 'incomplete');
    });
  assert.match(only(lintService(hours(5)), 'term-exceeds-overall').message, /until the close of working day 2, but the overall term \(1 working days from receipt\) ends at the close of working day 1/);
  assert.deepEqual(lintService(hours(4)), []);
});

test('working-day conversions of calendar days are documented bounds', () => {
  assert.deepEqual(calendarDaysAsWorkingDays(1), [1, 1]);
  assert.deepEqual(calendarDaysAsWorkingDays(7), [4, 6]);
  assert.deepEqual(calendarDaysAsWorkingDays(30), [17, 23]);
});

test('a role with no step is a warning; the applicant role is exempt', () => {
  const svc = tinyWith((d) => {
    d.roles.push({ id: 'auditor', kind: 'staff', name: { kk: 'a', ru: 'a', en: 'Auditor' } });
  });
  const f = only(lintService(svc), 'unused-role');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /"auditor"/);
  assert.deepEqual(codes(lintService(svc)), ['unused-role']);
});

test('a refusal ground no outcome can cite is a warning with the ground\'s source', () => {
  const svc = tinyWith((d) => {
    d.refusalGrounds.push({ id: 'fraud', text: { kk: 'f', ru: 'f', en: 'Fraud' }, ref: { seed: '999', lines: 'L12' } });
  });
  const f = only(lintService(svc), 'uncitable-ground');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /"fraud"/);
  assert.deepEqual(f.refs, [{ seed: '999', lines: 'L12' }]);
  // A ground only a pause's expiry uses is citable.
  const pauseOnly = tinyWith((d) => {
    stepOf(d, 'review').outcomes = stepOf(d, 'review').outcomes.filter((o) => o.id !== 'incomplete');
  });
  assert.deepEqual(codes(lintService(pauseOnly)), []);
});

test('overlapping effective periods of two versions are an error, reported once per pair in the catalog', () => {
  const v1 = tiny();
  const v2 = tiny({ version: '2021-01-01' });
  const f = only(lintService(v1, [v1, v2]), 'overlapping-versions');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /2020-01-01 .* 2021-01-01 .* both in force from 2021-01-01 on/);
  assert.equal(lintCatalog([v1, v2]).filter((x) => x.code === 'overlapping-versions').length, 1);
  // Closing the first version the day the second starts removes the overlap (`to` is exclusive).
  const closed = tiny({ to: '2021-01-01' });
  assert.deepEqual(lintCatalog([closed, v2]), []);
  assert.deepEqual(codes(lintService(tiny({ to: '2020-01-01' }))), ['empty-effective-period']);
});

test('next-list entries that can never be taken, or that leave a channel without a next step, are errors', () => {
  const mail = tinyWith((d) => {
    const signed = stepOf(d, 'sign').outcomes[0]!;
    signed.next = [...(signed.next as Array<{ when: object; step: string }>), { when: { channels: ['mail'] }, step: 'hand_over' }];
  });
  assert.match(only(lintService(mail), 'unreachable-branch').message, /channels mail are not offered/);
  const shadowed = tinyWith((d) => {
    stepOf(d, 'sign').outcomes[0]!.next = [
      { when: {}, step: 'deliver' },
      { when: { channels: ['psc'] }, step: 'hand_over' },
    ];
  });
  assert.match(only(lintService(shadowed), 'unreachable-branch').message, /earlier entry \(→ deliver\) already matches/);
  const uncovered = tinyWith((d) => {
    stepOf(d, 'sign').outcomes[0]!.next = [{ when: { channels: ['portal'] }, step: 'deliver' }];
  });
  const f = lintService(uncovered).filter((x) => x.code === 'next-uncovered');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'error');
  assert.match(f[0]!.message, /psc\/individual, psc\/legal_entity/);
});

test('a term counted from a step that cannot precede it is a warning (the attestation case: a term that refers to itself)', () => {
  const self = tinyWith((d) => {
    stepOf(d, 'sign').term = { duration: { amount: 1, unit: 'calendar_days' }, from: 'completed:sign' };
  });
  const f = only(lintService(self), 'anchor-cannot-precede');
  assert.equal(f.severity, 'warning');
  assert.equal(f.step, 'sign');
  assert.match(f.message, /refers to itself/);
  const later = tinyWith((d) => {
    stepOf(d, 'register').term = { duration: { amount: 1, unit: 'working_days' }, from: 'completed:sign' };
  });
  assert.match(only(lintService(later), 'anchor-cannot-precede').message, /no path leads from "sign" to "register"/);
});

test('durations the schema refuses are linted on the raw definition', () => {
  const zero = tinyInput();
  stepOf(zero, 'review').term.duration = { amount: 0, unit: 'working_days' };
  const missing = tinyInput();
  (stepOf(missing, 'sign').term.duration as { unit?: string }).unit = undefined;
  for (const [input, why] of [
    [zero, /term of step "review": the duration has amount 0 in working_days/],
    [missing, /term of step "sign": the duration has no unit/],
  ] as const) {
    const fs = lintServiceInput(input);
    const f = fs.find((x) => x.code === 'bad-duration');
    assert.ok(f, JSON.stringify(fs));
    assert.equal(f.severity, 'warning');
    assert.match(f.message, why);
  }
  // Other schema problems are errors.
  const broken = tinyInput();
  stepOf(broken, 'sign').role = 'nobody';
  const fs = lintServiceInput(broken);
  assert.deepEqual(codes(fs), ['schema-invalid']);
  assert.match(fs[0]!.message, /unknown role "nobody"/);
});

test('an interpretation recording a contradiction is surfaced as a warning with its sources', () => {
  const svc = tinyWith((d) => {
    d.interpretations = [
      ...(d.interpretations ?? []),
      { topic: 'CONTRADICTION: overall duration about 40 working days (§5) or about 22 working days (§8)', readings: ['§5: 40 wd', '§8: 22 wd'], chosen: '§8', refs: [{ seed: '002', lines: 'L285-334' }] },
      { topic: 'Convening the Commission: one or two calendar days', readings: ['5.6: 1 cd', '8.27: 2 cd'], chosen: '2 cd', refs: [] },
    ];
  });
  const fs = lintService(svc).filter((f) => f.code === 'interpretation-contradiction');
  assert.equal(fs.length, 2);
  assert.ok(fs.every((f) => f.severity === 'warning'));
  assert.deepEqual(fs[0]!.refs, [{ seed: '002', lines: 'L285-334' }]);
  assert.equal(marksContradiction({ topic: 'Working hours', readings: ['as written'] }), false);
  assert.equal(marksContradiction({ topic: 'Decision term (SOURCE DEFECT: the term refers to itself)', readings: [] }), true);
});

test('the catalog as it stands lints, and every contradiction its encoders recorded is a finding', () => {
  const fs = lintCatalog(definitions);
  for (const f of fs) {
    assert.ok(f.code in LINT_CODES, f.code);
    assert.equal(f.severity, LINT_CODES[f.code]);
    assert.ok(definitions.some((d) => d.id === f.serviceId && d.version === f.version));
    assert.ok(f.message.length > 0);
  }
  for (const d of definitions) {
    for (const it of d.interpretations.filter(marksContradiction)) {
      assert.ok(
        fs.some((f) => f.code === 'interpretation-contradiction' && f.serviceId === d.id && f.version === d.version && f.message.includes(it.topic)),
        `${d.id}: "${it.topic}" is a finding`,
      );
    }
  }
  // The seeds' known contradictions, once their services are in the catalog.
  const known: Array<[string, RegExp]> = [
    ['is-registration', /40 working days.*22 working days|40.*22/],
    ['is-attestation', /refers to itself/],
  ];
  for (const [id, re] of known) {
    if (!definitions.some((d) => d.id === id)) continue;
    assert.ok(fs.some((f) => f.serviceId === id && re.test(f.message)), `${id}: ${re}`);
  }
});

// The `check` declaration of an automatic step (src/core/regulation.ts): what the schema accepts
// and what it refuses, on a copy of the NCA definition's state-database check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceDefinition } from '../../src/core/regulation.ts';
import { ncaCertificates } from '../../src/services/nca-certificates.ts';

type Mutable = { subcases: Array<{ id: string; steps: Array<Record<string, unknown> & { id: string; outcomes: Array<Record<string, unknown>> }> }> };

function withSdbCheck(change: (step: Mutable['subcases'][number]['steps'][number]) => void): string[] {
  const copy = structuredClone(ncaCertificates) as unknown as Mutable;
  const step = copy.subcases.find((s) => s.id === 'issue')!.steps.find((s) => s.id === 'sdb_check')!;
  change(step);
  const r = ServiceDefinition.safeParse(copy);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

test('the NCA checks are declared and valid', () => {
  assert.deepEqual(withSdbCheck(() => {}), []);
});

test('a check needs an automatic step, a passing outcome and a refusal outcome, and signs nothing', () => {
  assert.ok(withSdbCheck((s) => (s.automatic = false)).some((m) => /must be automatic/.test(m)));
  assert.ok(withSdbCheck((s) => (s.check = { capability: 'state_database_identity', pass: 'data_absent', refuse: 'data_found' })).some((m) => /is a refusal, not a pass/.test(m)));
  assert.ok(withSdbCheck((s) => (s.check = { capability: 'state_database_identity', pass: 'data_found', refuse: 'nope' })).some((m) => /unknown outcome "nope"/.test(m)));
  assert.ok(withSdbCheck((s) => (s.outcomes[0]!.signed = true)).some((m) => /signs nothing/.test(m)));
  assert.ok(withSdbCheck((s) => (s.check = { capability: 'telepathy', pass: 'data_found', refuse: 'data_absent' })).length > 0);
});

test('an automatic step with a refusal outcome but no check is refused: it would always take its first outcome', () => {
  assert.ok(withSdbCheck((s) => delete s.check).some((m) => /needs a check that decides it/.test(m)));
});

// Status notices: written in the command's transaction, shown in the cabinet at once, sent through
// the outbox by the dispatcher over SMTP (to a local sink) and SMS; exactly once, also when a
// dispatcher dies mid-batch or a command fails after the status change; an SMTP server that is down
// keeps the message, which is retried later.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildServer } from '../../src/http/server.ts';
import { integrationsOf } from '../../src/app/integrations.ts';
import { stateDbPhones } from '../../src/app/notices.ts';
import { AppError } from '../../src/app/errors.ts';
import { MemorySmsChannel, SmtpEmailChannel, type NoticeChannel, type OutgoingMessage } from '../../src/gov/notify/channels.ts';
import { SmtpSink } from '../../src/gov/notify/smtp-sink.ts';
import { NOTICE_KINDS, renderNotice } from '../../src/gov/notify/texts.ts';
import { channelsOf, findSubcase } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type TestApp } from '../support/app.ts';
import { runCase } from '../support/run-case.ts';
import { Api, assertProblem } from '../http/client.ts';
import { applicantFor, approvalPath, count, drive } from './support.ts';

const SERVICE = 'crypto-licence';
const APPROVE = [
  { step: 'register', outcome: 'registered' },
  { step: 'assign', outcome: 'assigned', assign: 'executor' },
  { step: 'review', outcome: 'draft_approval' },
  { step: 'sign', outcome: 'signed' },
];

function email(port: number): SmtpEmailChannel {
  return new SmtpEmailChannel({ host: '127.0.0.1', port, from: 'qyzmet <noreply@qyzmet.kz>', ignoreTls: true, timeoutMs: 3000 });
}

async function outbox(t: TestApp) {
  return t.app.store.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();
}

/** Every notice once in the cabinet, and each of its e-mails once in the sink (by Message-ID). */
async function assertOnceEach(t: TestApp, sink: SmtpSink) {
  const notices = await t.app.store.db.selectFrom('notices').selectAll().execute();
  const rows = await outbox(t);
  const byNotice = new Map<string, number>();
  for (const r of rows) byNotice.set(r.notice_id, (byNotice.get(r.notice_id) ?? 0) + 1);
  for (const n of notices) assert.equal(byNotice.get(n.id), 1, `notice ${n.kind} of ${n.case_number} has one e-mail`);
  const ids = sink.byMessageId();
  for (const r of rows) {
    assert.equal(r.status, 'sent', `${r.id} sent`);
    const got = ids.get(`<${r.id}@qyzmet.kz>`) ?? [];
    assert.equal(got.length, 1, `message ${r.id} arrived once`);
    assert.equal(got[0]!.subject, r.subject);
  }
  assert.equal(sink.messages.length, rows.length, 'nothing else arrived');
}

eachEngine('notices: every status change once in the cabinet and once in the SMTP sink, in the applicant\'s language', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  const sink = new SmtpSink();
  await sink.start();
  const server = await buildServer(t.app);
  const api = new Api(server);
  try {
    const integ = integrationsOf(t.app);
    integ.notifier.useChannel(email(sink.port));
    const dispatcher = integ.notifier.dispatcher();

    await ctx.test('a licence issued: delivered, registered, in execution, result', async () => {
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: APPROVE });
      const token = await api.login(t.users.company_head);
      const res = await api.get('/api/notices', token);
      assert.equal(res.status, 200, res.text);
      const mine = res.body.items.filter((n: { caseId: string }) => n.caseId === v.id).reverse();
      assert.deepEqual(mine.map((n: { kind: string }) => n.kind), ['delivered', 'registered', 'in_execution', 'result']);
      assert.ok(mine.every((n: { lang: string }) => n.lang === 'ru'));
      assert.match(mine[0].subject, new RegExp(`Заявление № ${v.number} доставлено`));
      assert.match(mine[3].body, new RegExp(v.result!.number));
      assert.equal(mine[3].data.resultNumber, v.result!.number);
      // In the cabinet at once, before anything is sent.
      assert.equal(sink.messages.length, 0);
      const r = await dispatcher.drain();
      assert.equal(r.sent, 4);
      await assertOnceEach(t, sink);
      const mail = sink.messages.find((m) => m.subject === mine[3].subject)!;
      assert.deepEqual(mail.to, ['d.seitov@qorgau-tech.kz']);
      assert.match(mail.text, /Его можно скачать в личном кабинете/);
      assert.equal(mail.headers['content-language'], 'ru');
    });

    await ctx.test('a refusal carries its grounds', async () => {
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'reissue', path: [APPROVE[0]!, APPROVE[1]!, { step: 'review', outcome: 'draft_refusal', grounds: ['qualification_requirements_not_met'] }, { step: 'sign', outcome: 'signed' }] });
      assert.equal(v.mark, 'refused');
      await dispatcher.drain();
      const n = await t.app.store.db.selectFrom('notices').selectAll().where('case_id', '=', v.id).where('kind', '=', 'refused').executeTakeFirstOrThrow();
      const ground = t.app.catalog.inForce(SERVICE, t.clock.now)!.refusalGrounds.find((g) => g.id === 'qualification_requirements_not_met')!;
      assert.ok(n.body.includes(ground.text.ru), 'the ground in Russian');
      assert.deepEqual(JSON.parse(n.data).grounds, ['qualification_requirements_not_met']);
      await assertOnceEach(t, sink);
    });

    await ctx.test('a request to the applicant names what and until when; the answer is acknowledged', async () => {
      // Any service of the catalog whose regulation lets staff request something from the applicant.
      let ran = false;
      for (const svc of t.app.catalog.all()) {
        if (t.app.catalog.inForce(svc.id, t.clock.now) !== svc) continue;
        for (const sc of svc.subcases) {
          if (sc.pauses.length === 0) continue;
          const channel = channelsOf(svc, sc)[0]!;
          const applicant = applicantFor(t, svc);
          const path = approvalPath(sc, { channel, applicantKind: applicant.bin ? 'legal_entity' : 'individual' }, { pause: true });
          if (!path) continue;
          let v;
          try {
            v = await runCase(t, { serviceId: svc.id, subcase: sc.id, applicant, channel, path });
          } catch {
            continue;
          }
          const kinds = (await t.app.store.db.selectFrom('notices').select(['kind', 'body', 'data']).where('case_id', '=', v.id).orderBy('event_seq').execute());
          const paused = kinds.find((k) => k.kind === 'paused')!;
          assert.ok(paused, `${svc.id}/${sc.id}: a request notice`);
          assert.match(paused.body, /запрашивает: Please provide the samples/);
          assert.match(paused.body, /Срок ответа: до \d\d\.\d\d\.\d{4} \d\d:\d\d/);
          assert.ok(JSON.parse(paused.data).applicantDue);
          assert.ok(kinds.some((k) => k.kind === 'resumed'));
          ran = true;
          break;
        }
        if (ran) break;
      }
      assert.ok(ran, 'some service with a pause ran');
      await dispatcher.drain();
      await assertOnceEach(t, sink);
    });

    await ctx.test('the cabinet: unread count, mark read, only my notices; staff have none', async () => {
      const token = await api.login(t.users.company_head);
      const all = await api.get('/api/notices?limit=500', token);
      assert.ok(all.body.unread > 0);
      const first = all.body.items[0];
      const read = await api.post(`/api/notices/${first.id}/read`, {}, { token });
      assert.equal(read.status, 200, read.text);
      assert.equal((await api.get('/api/notices?limit=500', token)).body.unread, all.body.unread - 1);
      assert.ok((await api.get('/api/notices?unread=1&limit=500', token)).body.items.every((n: { readAt: string | null }) => n.readAt === null));
      const other = await api.login(t.users.applicant);
      assertProblem(await api.post(`/api/notices/${first.id}/read`, {}, { token: other }), 404, 'notice_not_found', 'id');
      assert.equal((await api.get('/api/notices', other)).body.items.length, 0);
      assertProblem(await api.get('/api/notices', await api.login(t.users.provider_chancellery)), 403, 'wrong_role');
      assertProblem(await api.get('/api/notices?limit=0', token), 400, 'limit', 'limit');
      assertProblem(await api.get('/api/notices'), 401, 'not_signed_in');
    });
  } finally {
    await server.close();
    await sink.stop();
    await t.close();
  }
});

eachEngine('notices: exactly once after a crash — of a dispatcher mid-batch, and of a command after its status change', async (_ctx, engine) => {
  const t = await makeTestApp(engine);
  const sink = new SmtpSink();
  await sink.start();
  try {
    const integ = integrationsOf(t.app);
    integ.notifier.useChannel(email(sink.port));
    await runCase(t, { serviceId: SERVICE, subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: APPROVE });
    const due = await outbox(t);
    assert.equal(due.length, 4);

    // A dispatcher claims the batch, sends one message, and dies before the rest.
    const doomed = integ.notifier.dispatcher({ owner: 'doomed', leaseMs: 60_000 });
    const claimed = await doomed.claim();
    assert.equal(claimed.length, 4);
    assert.equal(await doomed.deliver(claimed[0]!), 'sent');
    // A restarted dispatcher finds the rest leased and waits for the lease to run out.
    const restarted = integ.notifier.dispatcher({ owner: 'restarted' });
    assert.equal((await restarted.runOnce()).claimed, 0);
    t.clock.advanceMinutes(2);
    const r = await restarted.drain();
    assert.equal(r.sent, 3);
    // The dead dispatcher's late mark cannot undo or repeat anything.
    assert.equal(await doomed.deliver(claimed[1]!), 'lost_lease');
    await assertOnceEach(t, sink);
    const attempts = (await outbox(t)).map((x) => x.attempts).sort();
    assert.deepEqual(attempts, [1, 2, 2, 2]);

    // A command that fails after the status change (a later effect throws): no notice, no message.
    const c = await runCase(t, { serviceId: SERVICE, subcase: 'duplicate', path: [] });
    await restarted.drain();
    let armed = true;
    t.app.effects.push({ name: 'crash', afterEvents: async () => {
      if (armed) {
        armed = false;
        throw new AppError(500, 'crash', 'the process died between the status change and the send');
      }
    } });
    const before = { notices: await count(t, 'notices'), outbox: await count(t, 'outbox') };
    await assert.rejects(drive(t, c.id, [APPROVE[0]!]), (e: unknown) => e instanceof AppError && e.rule === 'crash');
    assert.deepEqual({ notices: await count(t, 'notices'), outbox: await count(t, 'outbox') }, before);
    const again = await drive(t, c.id, [APPROVE[0]!]);
    assert.equal(again.mark, 'registered');
    await restarted.drain();
    await assertOnceEach(t, sink);
    assert.equal((await t.app.store.db.selectFrom('notices').select('kind').where('case_id', '=', c.id).execute()).filter((n) => n.kind === 'registered').length, 1);
  } finally {
    await sink.stop();
    await t.close();
  }
});

eachEngine('notices: dispatchers running at once never send one message twice', async (_ctx, engine) => {
  const t = await makeTestApp(engine);
  const sink = new SmtpSink();
  await sink.start();
  try {
    const integ = integrationsOf(t.app);
    integ.notifier.useChannel(email(sink.port));
    for (let i = 0; i < 3; i++) await runCase(t, { serviceId: SERVICE, subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: APPROVE });
    assert.equal((await outbox(t)).length, 12);
    const ds = [0, 1, 2].map((i) => integ.notifier.dispatcher({ owner: `d${i}`, batch: 2 }));
    const reports = await Promise.all(ds.map((d) => d.drain()));
    assert.equal(reports.reduce((n, r) => n + r.sent, 0), 12);
    assert.equal(reports.reduce((n, r) => n + r.lostLease, 0), 0);
    await assertOnceEach(t, sink);
  } finally {
    await sink.stop();
    await t.close();
  }
});

eachEngine('notices: an SMTP server that is down keeps the message and it is retried later', async (_ctx, engine) => {
  const t = await makeTestApp(engine);
  const sink = new SmtpSink();
  const port = await sink.start();
  await sink.stop(); // nothing listens there now
  try {
    const integ = integrationsOf(t.app);
    integ.notifier.useChannel(email(port));
    const d = integ.notifier.dispatcher();
    await runCase(t, { serviceId: SERVICE, subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: [] });
    const r1 = await d.runOnce();
    assert.deepEqual([r1.claimed, r1.sent, r1.retried], [1, 0, 1]);
    const [row] = await outbox(t);
    assert.equal(row!.status, 'pending');
    assert.equal(row!.attempts, 1);
    assert.match(row!.last_error ?? '', /ECONNREFUSED|connect/i);
    assert.equal(Date.parse(row!.next_attempt_at) - t.clock.now.getTime(), 30_000, 'first retry after 30 s');
    assert.equal((await d.runOnce()).claimed, 0, 'not due yet');
    t.clock.advanceMinutes(1);
    const r2 = await d.runOnce();
    assert.equal(r2.retried, 1, 'still down');
    assert.equal((await outbox(t))[0]!.attempts, 2);
    await sink.start(port);
    t.clock.advanceMinutes(2);
    const r3 = await d.runOnce();
    assert.equal(r3.sent, 1);
    await assertOnceEach(t, sink);
    // The cabinet had it all along.
    assert.equal(await count(t, 'notices'), 1);
  } finally {
    await sink.stop();
    await t.close();
  }
});

test('notices: the one window SMTP cannot close — accepted, then the process dies before marking — re-sends with the same Message-ID', async () => {
  const t = await makeTestApp('sqlite');
  const sink = new SmtpSink();
  await sink.start();
  try {
    const integ = integrationsOf(t.app);
    const real = email(sink.port);
    let dieAfterSend = true;
    const flaky: NoticeChannel = {
      name: 'email',
      async send(m: OutgoingMessage) {
        const r = await real.send(m);
        if (dieAfterSend) {
          dieAfterSend = false;
          throw new Error('process died after the server accepted the message');
        }
        return r;
      },
    };
    integ.notifier.useChannel(flaky);
    await runCase(t, { serviceId: SERVICE, subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: [] });
    const d = integ.notifier.dispatcher();
    await d.runOnce();
    t.clock.advanceMinutes(1);
    await d.runOnce();
    const [row] = await outbox(t);
    assert.equal(row!.status, 'sent');
    const copies = sink.byMessageId().get(`<${row!.id}@qyzmet.kz>`)!;
    assert.equal(copies.length, 2, 'at-least-once on the wire');
    assert.equal(sink.byMessageId().size, 1, 'one message for the receiver, which recognises the copy by its Message-ID');
  } finally {
    await sink.stop();
    await t.close();
  }
});

eachEngine('notices: SMS to the number the state database holds, through the same outbox', async (_ctx, engine) => {
  const t = await makeTestApp(engine);
  try {
    const integ = integrationsOf(t.app);
    const sms = new MemorySmsChannel(stateDbPhones(t.app.stateDb));
    integ.notifier.useChannel(sms);
    sms.failNext = 1;
    await runCase(t, { serviceId: SERVICE, subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: [{ step: 'register', outcome: 'registered' }] });
    const d = integ.notifier.dispatcher();
    const r = await d.runOnce();
    assert.deepEqual([r.sent, r.retried], [1, 1]);
    t.clock.advanceMinutes(1);
    await d.drain();
    assert.deepEqual(sms.sent.map((m) => m.to), ['+77017230415', '+77017230415']);
    assert.ok(sms.sent.every((m) => m.body.length <= 160 && m.recipient === t.users.company_head.iin));
    assert.equal(new Set(sms.sent.map((m) => m.id)).size, 2);
  } finally {
    await t.close();
  }
});

test('notice texts exist for every status in kk, ru and en', () => {
  for (const kind of NOTICE_KINDS) {
    const seen = new Set<string>();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const r = renderNotice(kind, lang, { caseNumber: '202611-000001', service: 'S', provider: 'P', request: 'R', due: '25.11.2026 18:00', resultNumber: 'X-2026-000001', document: 'D', grounds: ['G1', 'G2'] });
      assert.ok(r.subject.includes('202611-000001'), `${kind}/${lang}`);
      assert.ok(r.body.length > 10);
      assert.ok(r.short.length <= 160, `${kind}/${lang} SMS fits`);
      seen.add(r.body);
    }
    assert.equal(seen.size, 3, `${kind}: three different languages`);
  }
  assert.match(renderNotice('refused', 'kk', { caseNumber: '1', service: 'S', provider: 'P', resultNumber: 'N', grounds: ['G1'] }).body, /Негіздері:\n— G1/);
  assert.match(renderNotice('paused', 'en', { caseNumber: '1', service: 'S', provider: 'P', request: 'samples', due: '25.11.2026 18:00' }).body, /answer by 25\.11\.2026 18:00/);
  void findSubcase;
});

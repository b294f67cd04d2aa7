// `qyzmet pki operator …`: the NCA administrator's record of the NCA operators of PSC staff
// (seed 004 p.15(1)): appointment orders, dismissals, absences, and the rules run on demand (the
// server runs them every minute with its other jobs). The CLI is the local administrator.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultConfig, openApp } from '../app/context.ts';
import type { CaActor } from '../app/ca.ts';
import { applyOperatorRules, appointOperator, issueOperatorCertificate, listOperators, recordAbsence, recordDismissal, recordReturn, type OperatorView } from '../app/ca-operators.ts';

export const OPERATOR_HELP = `qyzmet pki operator — NCA operators of PSC staff (seed 004 p.15(1))

  qyzmet pki operator appoint --iin IIN --bin BIN --order NUMBER --order-date YYYY-MM-DD [--from YYYY-MM-DD]
                                   record the appointment order (BIN: the PSC or provider)
  qyzmet pki operator issue --id ID --csr FILE --purpose auth|sign
                                   issue an operator certificate on the order (prints the PEM)
  qyzmet pki operator dismiss --id ID --date YYYY-MM-DD [--cause dismissal|transfer]
                                   record the PSC's notice; certificates are revoked at 00:00 two days
                                   before the date (a later notice is flagged and revokes at once)
  qyzmet pki operator absence --id ID --from YYYY-MM-DD [--to YYYY-MM-DD]
                                   record an absence; more than 15 days puts the certificates on hold
  qyzmet pki operator return --id ID --absence ABSENCE_ID --to YYYY-MM-DD
                                   record the last day of an absence; the holds are lifted the day after
  qyzmet pki operator list [--iin IIN] [--json]
  qyzmet pki operator rules        apply the rules now (revoke due, hold, release)
`;

function out(line = '') {
  process.stdout.write(`${line}\n`);
}

function describe(o: OperatorView) {
  const d = o.dismissal ? `  ${o.dismissal.cause} ${o.dismissal.date}${o.dismissal.lateNotice ? ' (late notice)' : ''}` : '';
  out(`${o.id}  IIN ${o.iin}  BIN ${o.bin}  order ${o.order.number} of ${o.order.date}, from ${o.appointedOn}${d}`);
  for (const a of o.absences) out(`  absence ${a.id}: ${a.from} .. ${a.to ?? 'open'}${a.heldAt ? `, held ${a.heldAt}` : ''}${a.settledAt ? ', settled' : ''}`);
  for (const c of o.certificates) out(`  certificate ${c.serial} ${c.purpose}: ${c.status}${c.reason ? ` (${c.reason})` : ''}`);
}

export async function operatorCli(argv: string[], actor: CaActor): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: 'string' },
      iin: { type: 'string' },
      bin: { type: 'string' },
      order: { type: 'string' },
      'order-date': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      date: { type: 'string' },
      cause: { type: 'string' },
      absence: { type: 'string' },
      csr: { type: 'string' },
      purpose: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (sub === undefined || sub === 'help' || sub === '--help') {
    process.stdout.write(OPERATOR_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (!['appoint', 'issue', 'dismiss', 'absence', 'return', 'list', 'rules'].includes(sub)) {
    process.stderr.write(`qyzmet: unknown pki operator command "${sub}"\n\n${OPERATOR_HELP}`);
    return 2;
  }
  const csr = sub === 'issue' && values.csr ? readFileSync(values.csr, 'utf8') : undefined;
  const app = await openApp(defaultConfig());
  try {
    switch (sub) {
      case 'appoint':
        describe(await appointOperator(app, actor, { iin: values.iin, bin: values.bin, orderNumber: values.order, orderDate: values['order-date'], ...(values.from ? { appointedOn: values.from } : {}) }));
        return 0;
      case 'issue': {
        const r = await issueOperatorCertificate(app, actor, values.id, { csr, purpose: values.purpose });
        process.stdout.write(r.certificatePem);
        return 0;
      }
      case 'dismiss': {
        const r = await recordDismissal(app, actor, values.id, { date: values.date, ...(values.cause ? { cause: values.cause } : {}) });
        describe(r);
        if (r.warning) process.stderr.write(`qyzmet: ${r.warning}\n`);
        return 0;
      }
      case 'absence': {
        const r = await recordAbsence(app, actor, values.id, { from: values.from, ...(values.to ? { to: values.to } : {}) });
        out(`absence ${r.id}: ${r.from} .. ${r.to ?? 'open'}; on hold from ${r.holdFrom}${r.rules.held.length ? `; held ${r.rules.held.join(', ')}` : ''}`);
        return 0;
      }
      case 'return': {
        const r = await recordReturn(app, actor, values.id, values.absence, { to: values.to });
        out(`absence ${r.id}: ${r.from} .. ${r.to}${r.rules.released.length ? `; released ${r.rules.released.join(', ')}` : ''}`);
        return 0;
      }
      case 'list': {
        const all = await listOperators(app, actor, { iin: values.iin });
        if (values.json) out(JSON.stringify(all, null, 2));
        else all.forEach(describe);
        return 0;
      }
      default: {
        const r = await applyOperatorRules(app);
        out(`operators examined ${r.operators}; revoked ${r.revoked.length}, held ${r.held.length}, released ${r.released.length}`);
        return 0;
      }
    }
  } finally {
    await app.close();
  }
}

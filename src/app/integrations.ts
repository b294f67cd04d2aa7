// The e-government integrations of an instance, wired once by openApp: the payment gateway (a
// real adapter or the in-process simulator), status notices with their outbox and dispatcher, and
// the registries of results. Each plugs into every case command through the engine's generic
// hooks (app.effects, app.guards, app.submissions) and names no service.
//
// Configuration comes from AppConfig.integrations (defaultConfig reads it from the environment):
//   QYZMET_PAYMENT_GATEWAY_URL   a gateway speaking the HttpPaymentGateway protocol (default: the simulator)
//   QYZMET_PAYMENT_GATEWAY_CA    PEM file with the gateway's trust anchor(s) for notice signatures
//   QYZMET_PAYMENT_GATEWAY_BIN   pin the notice signer's BIN (optional)
//   QYZMET_PAYMENT_TTL_MINUTES   how long a payment order may be paid (default 1440)
//   QYZMET_SMTP_URL              smtp://user:pass@host:port (?tls=off to skip STARTTLS); e-mail notices on
//   QYZMET_MAIL_FROM             sender address (default "qyzmet <noreply@qyzmet.kz>")
//   QYZMET_SMS_URL, QYZMET_SMS_TOKEN   an HTTP SMS gateway (bearer token); SMS notices on
//   QYZMET_NOTIFY_DISPATCH       auto | manual (default: auto when a channel is configured)
import { readFileSync } from 'node:fs';
import type { MciTable, FeeConfig } from '../gov/payments/fees.ts';
import type { PaymentGateway } from '../gov/payments/gateway.ts';
import { HttpPaymentGateway } from '../gov/payments/http-gateway.ts';
import { GatewaySimulator } from '../gov/payments/simulator.ts';
import { HttpSmsChannel, SmtpEmailChannel } from '../gov/notify/channels.ts';
import type { Dispatcher } from '../gov/notify/dispatcher.ts';
import type { App } from './context.ts';
import { AppError } from './errors.ts';
import { Notifier, stateDbPhones } from './notices.ts';
import { Payments } from './payments.ts';
import { Registries } from './registries.ts';

export interface IntegrationsConfig {
  payments?: {
    /** 'simulator' (default) or an HTTP gateway. */
    gateway?: 'simulator' | { url: string; trustAnchorsPem: string[]; signerBin?: string; headers?: Record<string, string> };
    ttlMinutes?: number;
    mciTable?: MciTable;
    fees?: FeeConfig;
  };
  notify?: {
    smtpUrl?: string;
    mailFrom?: string;
    smsUrl?: string;
    smsToken?: string;
    /** auto: a dispatcher polls the outbox in this process; manual: something else runs it. */
    dispatch?: 'auto' | 'manual';
    intervalMs?: number;
  };
}

export interface Integrations {
  payments: Payments;
  notifier: Notifier;
  registries: Registries;
  /** The in-process gateway simulator when it is the configured gateway. */
  simulator: GatewaySimulator | null;
  /** The dispatcher this process runs (dispatch: auto), if any. */
  dispatcher: Dispatcher | null;
  stop(): Promise<void>;
}

const byApp = new WeakMap<App, Integrations>();

export function integrationsOf(app: App): Integrations {
  const i = byApp.get(app);
  if (!i) throw new Error('this instance was opened without its integrations');
  return i;
}

export function integrationsFromEnv(env: NodeJS.ProcessEnv): IntegrationsConfig {
  const cfg: IntegrationsConfig = {};
  if (env.QYZMET_PAYMENT_GATEWAY_URL) {
    if (!env.QYZMET_PAYMENT_GATEWAY_CA) throw new Error('QYZMET_PAYMENT_GATEWAY_URL needs QYZMET_PAYMENT_GATEWAY_CA: the PEM file of the trust anchor(s) the gateway signs notices under');
    const pem = readFileSync(env.QYZMET_PAYMENT_GATEWAY_CA, 'utf8');
    const anchors = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    cfg.payments = { gateway: { url: env.QYZMET_PAYMENT_GATEWAY_URL, trustAnchorsPem: anchors, ...(env.QYZMET_PAYMENT_GATEWAY_BIN ? { signerBin: env.QYZMET_PAYMENT_GATEWAY_BIN } : {}) } };
  }
  if (env.QYZMET_PAYMENT_TTL_MINUTES) cfg.payments = { ...cfg.payments, ttlMinutes: Number(env.QYZMET_PAYMENT_TTL_MINUTES) };
  const notify: NonNullable<IntegrationsConfig['notify']> = {};
  if (env.QYZMET_SMTP_URL) notify.smtpUrl = env.QYZMET_SMTP_URL;
  if (env.QYZMET_MAIL_FROM) notify.mailFrom = env.QYZMET_MAIL_FROM;
  if (env.QYZMET_SMS_URL) notify.smsUrl = env.QYZMET_SMS_URL;
  if (env.QYZMET_SMS_TOKEN) notify.smsToken = env.QYZMET_SMS_TOKEN;
  if (env.QYZMET_NOTIFY_DISPATCH === 'auto' || env.QYZMET_NOTIFY_DISPATCH === 'manual') notify.dispatch = env.QYZMET_NOTIFY_DISPATCH;
  if (Object.keys(notify).length) cfg.notify = notify;
  return cfg;
}

/** Wires the integrations into `app` (called by openApp). */
export async function installIntegrations(app: App, cfg: IntegrationsConfig = app.config.integrations ?? {}): Promise<Integrations> {
  const existing = byApp.get(app);
  if (existing) return existing;

  let gateway: PaymentGateway;
  let simulator: GatewaySimulator | null = null;
  const g = cfg.payments?.gateway ?? 'simulator';
  if (g === 'simulator') {
    simulator = await GatewaySimulator.create({ now: () => app.now(), payBaseUrl: `${app.config.publicUrl.replace(/\/$/, '')}/gateway-sim`, returnOrigin: app.config.publicUrl });
    gateway = simulator;
  } else {
    gateway = new HttpPaymentGateway({ baseUrl: g.url, trustAnchorsPem: g.trustAnchorsPem, ...(g.signerBin ? { signerBin: g.signerBin } : {}), ...(g.headers ? { headers: g.headers } : {}) });
  }
  const payments = new Payments(app, {
    gateway,
    ...(cfg.payments?.ttlMinutes ? { ttlMinutes: cfg.payments.ttlMinutes } : {}),
    ...(cfg.payments?.mciTable ? { mciTable: cfg.payments.mciTable } : {}),
    ...(cfg.payments?.fees ? { fees: cfg.payments.fees } : {}),
  });
  if (simulator) {
    // The simulator's callback: its notices reach the platform as a gateway's would.
    simulator.onNotice = async (notice) => {
      try {
        return (await payments.acceptNotice(notice)).body;
      } catch (e) {
        if (e instanceof AppError) return e.toProblem();
        throw e;
      }
    };
  }

  const notifier = new Notifier(app);
  const n = cfg.notify ?? {};
  if (n.smtpUrl) notifier.useChannel(SmtpEmailChannel.fromUrl(n.smtpUrl, n.mailFrom ?? 'qyzmet <noreply@qyzmet.kz>'));
  if (n.smsUrl) notifier.useChannel(new HttpSmsChannel({ url: n.smsUrl, directory: stateDbPhones(app.stateDb), ...(n.smsToken ? { headers: { authorization: `Bearer ${n.smsToken}` } } : {}) }));
  const registries = new Registries(app);

  app.effects.push(await (await import('./nca-effects.ts')).ncaEffect(app));
  app.checks.push(...(await import('./nca-checks.ts')).NCA_CHECKERS);
  app.effects.push(registries.effect(), notifier.effect());
  app.guards.push(payments.guard());
  app.submissions.push(payments.submissionHook());
  app.submissions.push((await import('../gov/spreadsheets/submission-hook.ts')).spreadsheetSubmissionHook());

  let dispatcher: Dispatcher | null = null;
  const auto = n.dispatch ? n.dispatch === 'auto' : notifier.channels.size > 0;
  if (auto && notifier.channels.size > 0) {
    dispatcher = notifier.dispatcher();
    dispatcher.start(n.intervalMs ?? 2000);
  }

  const integrations: Integrations = {
    payments,
    notifier,
    registries,
    simulator,
    dispatcher,
    async stop() {
      await dispatcher?.stop();
      for (const ch of notifier.channels.values()) await ch.close?.();
    },
  };
  byApp.set(app, integrations);
  const close = app.close;
  app.close = async () => {
    await integrations.stop();
    await close();
  };
  return integrations;
}

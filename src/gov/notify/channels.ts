// Channels a notice is sent through. Each takes one outgoing message with a stable id (the
// outbox row id): the e-mail channel writes it as the Message-ID, so a message sent again after a
// crash between "sent" and "marked sent" is recognisable as the same message by the receiving
// side. A channel throws to say "not sent, try later"; the dispatcher decides when.
import nodemailer from 'nodemailer';
import type { Lang } from './texts.ts';

export interface OutgoingMessage {
  /** Stable per notice and channel; the e-mail Message-ID is `<id@domain>`. */
  id: string;
  recipient: string;
  subject: string;
  body: string;
  lang: Lang;
}

export interface NoticeChannel {
  readonly name: 'email' | 'sms' | (string & {});
  send(msg: OutgoingMessage): Promise<{ providerRef?: string }>;
  close?(): Promise<void>;
}

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it, unless ignoreTls. */
  secure?: boolean;
  ignoreTls?: boolean;
  user?: string;
  pass?: string;
  from: string;
  /** Domain part of Message-IDs. */
  messageIdDomain?: string;
  timeoutMs?: number;
}

/** SMTP through nodemailer, one connection per message (the dispatcher sends in small batches). */
export class SmtpEmailChannel implements NoticeChannel {
  readonly name = 'email';
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(private readonly opts: SmtpOptions) {
    const t = opts.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      host: opts.host,
      port: opts.port,
      secure: opts.secure ?? false,
      ignoreTLS: opts.ignoreTls ?? false,
      ...(opts.user ? { auth: { user: opts.user, pass: opts.pass ?? '' } } : {}),
      connectionTimeout: t,
      greetingTimeout: t,
      socketTimeout: t,
    });
  }

  static fromUrl(url: string, from: string): SmtpEmailChannel {
    const u = new URL(url);
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP URL must be smtp:// or smtps://, got ${u.protocol}`);
    return new SmtpEmailChannel({
      host: u.hostname,
      port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 25)),
      secure: u.protocol === 'smtps:',
      ignoreTls: u.searchParams.get('tls') === 'off',
      ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
      from,
      messageIdDomain: u.searchParams.get('domain') ?? undefined,
    });
  }

  async send(msg: OutgoingMessage): Promise<{ providerRef?: string }> {
    const domain = this.opts.messageIdDomain ?? (/@(.+)$/.exec(this.opts.from)?.[1]?.replace(/>$/, '') || 'qyzmet.kz');
    const info = await this.transport.sendMail({
      from: this.opts.from,
      to: msg.recipient,
      subject: msg.subject,
      text: msg.body,
      messageId: `<${msg.id}@${domain}>`,
      headers: { 'Content-Language': msg.lang, 'X-Qyzmet-Notice': msg.id },
    });
    return { providerRef: String(info.response ?? info.messageId ?? '') };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** Where SMS go: the e-government's mobile-citizens database maps an IIN to a phone number. */
export interface PhoneDirectory {
  phoneOf(iin: string): Promise<string | null>;
}

export interface HttpSmsOptions {
  url: string;
  headers?: Record<string, string>;
  sender?: string;
  directory: PhoneDirectory;
  timeoutMs?: number;
}

/**
 * SMS through an HTTP SMS gateway: POST {id, to, text, sender} as JSON; any 2xx is "accepted".
 * The outbox addresses SMS by IIN and the phone is looked up at sending time, so a number changed
 * after the status change is still reached.
 */
export class HttpSmsChannel implements NoticeChannel {
  readonly name = 'sms';
  constructor(private readonly opts: HttpSmsOptions) {}

  async send(msg: OutgoingMessage): Promise<{ providerRef?: string }> {
    const to = await this.opts.directory.phoneOf(msg.recipient);
    if (!to) throw new PermanentSendError(`no mobile number is registered for IIN ${msg.recipient}`);
    const res = await fetch(this.opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.opts.headers ?? {}) },
      body: JSON.stringify({ id: msg.id, to, text: msg.body, ...(this.opts.sender ? { sender: this.opts.sender } : {}) }),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
    });
    const text = await res.text();
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new PermanentSendError(`the SMS gateway refused the message (HTTP ${res.status}): ${text.slice(0, 200)}`);
    if (!res.ok) throw new Error(`the SMS gateway failed (HTTP ${res.status}): ${text.slice(0, 200)}`);
    return { providerRef: text.slice(0, 200) };
  }
}

/** SMS kept in memory (the demo and tests); `failNext` makes the next sends fail. */
export class MemorySmsChannel implements NoticeChannel {
  readonly name = 'sms';
  readonly sent: Array<OutgoingMessage & { to: string }> = [];
  failNext = 0;
  constructor(private readonly directory: PhoneDirectory) {}

  async send(msg: OutgoingMessage): Promise<{ providerRef?: string }> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('SMS gateway unavailable (simulated)');
    }
    const to = await this.directory.phoneOf(msg.recipient);
    if (!to) throw new PermanentSendError(`no mobile number is registered for IIN ${msg.recipient}`);
    this.sent.push({ ...msg, to });
    return { providerRef: `mem-${this.sent.length}` };
  }
}

/** A failure that retrying cannot fix (no such recipient): the message is set aside at once. */
export class PermanentSendError extends Error {}

// A local SMTP sink on node:net: speaks enough SMTP (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA with
// dot-unstuffing, RSET, NOOP, QUIT) to accept messages and keeps them in memory. For the tests and
// for trying the notices locally; it never relays anything and listens on 127.0.0.1 by default.
import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Raw message as received (headers and body), dot-unstuffed. */
  raw: string;
  headers: Record<string, string>;
  /** The body decoded from quoted-printable or base64 when the message says so. */
  text: string;
  messageId: string | null;
  subject: string | null;
  receivedAt: Date;
}

const MAX_MESSAGE = 1024 * 1024;

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  /** Starts listening; port 0 picks a free one. */
  async start(port = 0, host = '127.0.0.1'): Promise<number> {
    const server = net.createServer((s) => this.session(s));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages grouped by Message-ID. */
  byMessageId(): Map<string, ReceivedMail[]> {
    const m = new Map<string, ReceivedMail[]>();
    for (const x of this.messages) {
      const k = x.messageId ?? '';
      m.set(k, [...(m.get(k) ?? []), x]);
    }
    return m;
  }

  private session(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let size = 0;
    let from = '';
    let to: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 qyzmet-sink ESMTP ready');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            if (size > MAX_MESSAGE) reply('552 message too large');
            else {
              this.accept(from, to, data.join('\r\n'));
              reply(`250 2.0.0 Ok: queued as ${this.messages.length}`);
            }
            data = [];
            size = 0;
            from = '';
            to = [];
          } else {
            const l = line.startsWith('..') ? line.slice(1) : line;
            size += l.length + 2;
            if (size <= MAX_MESSAGE) data.push(l);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          socket.write('250-qyzmet-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 1048576\r\n');
        } else if (verb === 'HELO') reply('250 qyzmet-sink');
        else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          reply('250 2.1.0 Ok');
        } else if (verb === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 Ok');
        } else if (verb === 'DATA') {
          if (to.length === 0) reply('554 5.5.1 no valid recipients');
          else {
            inData = true;
            reply('354 End data with <CR><LF>.<CR><LF>');
          }
        } else if (verb === 'RSET') {
          from = '';
          to = [];
          reply('250 2.0.0 Ok');
        } else if (verb === 'NOOP') reply('250 2.0.0 Ok');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else reply('502 5.5.2 command not implemented');
      }
    });
  }

  private accept(from: string, to: string[], raw: string): void {
    const sep = raw.indexOf('\r\n\r\n');
    const head = sep >= 0 ? raw.slice(0, sep) : raw;
    const body = sep >= 0 ? raw.slice(sep + 4) : '';
    const headers: Record<string, string> = {};
    for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
      const c = line.indexOf(':');
      if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
    }
    const enc = (headers['content-transfer-encoding'] ?? '').toLowerCase();
    let text = body;
    if (enc === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    else if (enc === 'quoted-printable') text = decodeQp(body);
    this.messages.push({
      from,
      to,
      raw,
      headers,
      text,
      messageId: headers['message-id'] ?? null,
      subject: headers.subject ? decodeMimeWords(headers.subject) : null,
      receivedAt: new Date(),
    });
  }
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r\n/g, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header. */
function decodeMimeWords(s: string): string {
  return s.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)?/g, (_m, _cs: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
}
